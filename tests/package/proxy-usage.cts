// idp-users/proxy through CommonJS resolution (`require` condition: proxy.cjs and proxy.d.cts).
import { createUsersProxy } from 'idp-users/proxy';
import type { UsersProxyHandler } from 'idp-users/proxy';

const handler: UsersProxyHandler = createUsersProxy({
  kinde: { domain: 'acme.kinde.com', clientId: 'id', clientSecret: 'secret' },
  allow: ['kinde.getUsers'],
  authorize: (request) => request.headers.get('authorization') === 'Bearer admin',
});

export async function usage(request: Request): Promise<number> {
  return (await handler(request)).status;
}

// @ts-expect-error maxBodyBytes is a number
createUsersProxy({ kinde: { domain: 'acme.kinde.com', accessToken: 't' }, allow: ['kinde.*'], authorize: () => true, maxBodyBytes: '1mb' });
