// idp-users/proxy through ESM resolution: the options, the handler and the error body are typed.
import { createUsersProxy } from 'idp-users/proxy';
import type { UsersProxyErrorBody, UsersProxyHandler, UsersProxyOperation, UsersProxyOptions } from 'idp-users/proxy';
import { createFakeProviders } from 'idp-users/fake';

const fake = createFakeProviders();
const kinde = { domain: 'https://fake.kinde.com', clientId: fake.kinde.clientId, clientSecret: fake.kinde.clientSecret, fetch: fake.fetch };
const allow: UsersProxyOperation[] = ['kinde.getUsers', 'kinde.getUserData', 'clerk.*'];
const options: UsersProxyOptions = {
  kinde,
  clerk: { secretKey: fake.clerk.secretKey, baseUrl: 'https://api.clerk.test/v1', apiVersion: '2026-05-12', fetch: fake.fetch },
  allow,
  authorize: async (request: Request) => request.headers.get('authorization') === 'Bearer admin',
  basePath: '/admin-api',
  maxBodyBytes: 2 * 1024 * 1024,
  allowedOrigins: ['https://admin.example.com'],
};
const handler: UsersProxyHandler = createUsersProxy(options);

export async function usage(): Promise<number> {
  const res: Response = await handler(new Request('http://x/admin-api/kinde/api/v1/users?page_size=10'));
  if (!res.ok && res.headers.get('content-type')?.startsWith('application/json')) {
    const body = (await res.json()) as UsersProxyErrorBody;
    if (body.error.code === 'operation_not_allowed') return body.error.operation?.length ?? 0;
    if (body.error.code === 'cross_site_refused' || body.error.code === 'body_timeout' || body.error.code === 'upstream_error') return -1;
  }
  return res.status;
}

// Kinde-only, Clerk-only, getToken providers.
createUsersProxy({ kinde: { domain: 'acme.kinde.com', accessToken: 't' }, allow: ['kinde.*'], authorize: () => true });
createUsersProxy({ clerk: { getToken: () => 't', baseUrl: 'https://upstream.test/v1' }, allow: ['clerk.banUser', 'clerk.unbanUser'], authorize: () => false });

// @ts-expect-error authorize is required: there is no open mode
createUsersProxy({ kinde, allow: ['kinde.*'] });
// @ts-expect-error allow is required
createUsersProxy({ kinde, authorize: () => true });
// @ts-expect-error an operation name that does not exist
createUsersProxy({ kinde, allow: ['kinde.getUser'], authorize: () => true });
// @ts-expect-error operation names are qualified by their provider
createUsersProxy({ kinde, allow: ['getUsers'], authorize: () => true });
// @ts-expect-error authorize resolves to a boolean
createUsersProxy({ kinde, allow: ['kinde.*'], authorize: () => 'yes' });
// @ts-expect-error the Kinde config needs a domain
createUsersProxy({ kinde: { accessToken: 't' }, allow: ['kinde.*'], authorize: () => true });
// @ts-expect-error the Clerk config takes a secret key or getToken, not both
createUsersProxy({ clerk: { secretKey: 'sk_test_x', getToken: () => 't' }, allow: ['clerk.*'], authorize: () => true });
// @ts-expect-error allowedOrigins is a list of origins
createUsersProxy({ kinde, allow: ['kinde.*'], authorize: () => true, allowedOrigins: 'https://admin.example.com' });
