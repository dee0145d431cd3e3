// Type-level tests of the published typings, compiled with `tsc --noEmit`
// against the packed package (ESM resolution). Lines marked @ts-expect-error
// must fail to compile: they prove the typings reject wrong usage.
import { IdpUsersError, KindeUsersApi } from 'idp-users';
import type { HttpInfo, IdpUsersErrorKind, KindeUser, KindeUsersResponse, KindeUsersResponseUser } from 'idp-users';
import { createFakeProviders } from 'idp-users/fake';

const fake = createFakeProviders({ seed: 5 });
const api = new KindeUsersApi({ domain: 'acme.kinde.com', clientId: 'id', clientSecret: 'secret', fetch: fake.fetch });
new KindeUsersApi({ domain: 'acme.kinde.com', accessToken: 'token', timeoutMs: 5000, headers: { 'x-a': '1' } });
new KindeUsersApi({ domain: 'acme.kinde.com', getToken: async ({ forceRefresh }) => (forceRefresh ? 'new' : 'cached') });
// @ts-expect-error two ways to authenticate at once
new KindeUsersApi({ domain: 'acme.kinde.com', accessToken: 'token', clientId: 'id', clientSecret: 'secret' });
// @ts-expect-error a client secret needs its client id
new KindeUsersApi({ domain: 'acme.kinde.com', clientSecret: 'secret' });
// @ts-expect-error the domain is required
new KindeUsersApi({ accessToken: 'token' });

export async function usage(): Promise<void> {
  const page: KindeUsersResponse = await api.getUsers({ page_size: 10, expand: ['organizations', 'billing'], has_organization: false });
  await api.getUsers({ expand: 'organizations,identities', active_since: new Date(), user_id: ['a', 'b'] });
  await api.getUsers(undefined, { signal: new AbortController().signal, timeoutMs: 100 });
  const first: KindeUsersResponseUser | undefined = page.users?.[0];
  const signedIn: string | null | undefined = first?.last_signed_in;
  // @ts-expect-error last_signed_in may be null
  const notNull: string | undefined = first?.last_signed_in;
  // @ts-expect-error the API's field names are used, not camelCase
  await api.getUsers({ pageSize: 10 });
  // @ts-expect-error expand values are checked
  await api.getUsers({ expand: 'groups' });
  // @ts-expect-error page_size is a number
  await api.getUsers({ page_size: '10' });

  const user: KindeUser = await api.getUserData('kp_1', { expand: 'identities' });
  const email: string | undefined = user.preferred_email;
  const info: HttpInfo<KindeUser> = await api.getUserDataWithHttpInfo('kp_1');
  const status: number = info.status;
  const header: string | undefined = info.headers['content-type'];

  await api.updateUser('kp_1', { given_name: 'Ada', is_suspended: false });
  // @ts-expect-error updateUser needs its body
  await api.updateUser('kp_1');
  // @ts-expect-error unknown body field
  await api.updateUser('kp_1', { givenName: 'Ada' });
  await api.setUserPassword('kp_1', { hashed_password: 'x', hashing_method: 'bcrypt' });
  // @ts-expect-error hashed_password is required
  await api.setUserPassword('kp_1', { hashing_method: 'bcrypt' });
  await api.updateUserFeatureFlagOverride('kp_1', 'flag', true);
  await api.updateUserProperties('kp_1', { properties: { plan: 'pro', seats: 3 } });
  await api.addOrganizationUsers('org', { users: ['kp_1', { id: 'kp_2', roles: ['admin'] }] });
  await api.removeOrganizationUsers('org', { users: ['kp_1', { id: 'kp_2' }] });
  // @ts-expect-error removal entries carry only the id
  await api.removeOrganizationUsers('org', { users: [{ id: 'kp_2', roles: ['admin'] }] });
  const added: string[] | undefined = (await api.addOrganizationUsersWithHttpInfo('org', { users: ['kp_3'] })).data.users_added;

  try {
    await api.getUserSessions('kp_1');
  } catch (e) {
    if (e instanceof IdpUsersError) {
      const kind: IdpUsersErrorKind = e.kind;
      const code: string | null = e.code;
      const codes: string[] = e.codes;
      const retry: number | null = e.retryAfterMs;
      const err: Error = e;
      void [kind, code, codes, retry, err, e.toJSON().operation];
    }
  }
  api.free();
  void [signedIn, notNull, email, status, header, added];
}
