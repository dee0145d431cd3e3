// Type-level tests of the Clerk typings (ESM resolution), compiled with the
// others by check.mjs. Lines marked @ts-expect-error must fail to compile.
import { ClerkUsersApi, IdpUsersError } from 'idp-users';
import type { ClerkGetUserListParams, ClerkTotalCount, ClerkUser, HttpInfo } from 'idp-users';
import { createFakeProviders } from 'idp-users/fake';

const fake = createFakeProviders();
const api = new ClerkUsersApi({ secretKey: fake.clerk.secretKey, baseUrl: 'http://127.0.0.1:8790/v1', fetch: fake.fetch });
new ClerkUsersApi({ secretKey: 'sk_test_x', apiVersion: '2025-11-10', headers: { 'x-a': '1' }, timeoutMs: 5000, dangerouslyAllowBrowser: true });
// @ts-expect-error the secret key is required
new ClerkUsersApi({ baseUrl: 'https://api.clerk.com/v1' });
// @ts-expect-error options are camelCase
new ClerkUsersApi({ secret_key: 'sk_test_x' });

export async function usage(): Promise<void> {
  const params: ClerkGetUserListParams = { email_address: ['a@example.com'], banned: false, offset: 0, limit: 500 };
  const users: ClerkUser[] = await api.getUserList(params);
  await api.getUserList({ created_at_after: new Date(), last_active_at_before: 1_700_000_000_000, order_by: '-created_at' });
  // @ts-expect-error arrays of strings, not comma lists of numbers
  await api.getUserList({ email_address: [1] });
  // The repeated-key filters take one string as well as an array, as the runtime does.
  await api.getUserList({
    email_address: 'a@example.com',
    phone_number: '+15550000003',
    username: 'ada',
    user_id: '-user_1',
    external_id: 'ext_1',
    organization_id: '+org_1',
    web3_wallet: '0xfa4e',
    provider: 'oauth_google',
    provider_user_id: 'google_1',
  });
  await api.getUsersCount({ email_address: 'a@example.com', user_id: ['user_1', 'user_2'], organization_id: 'org_1' });
  // @ts-expect-error one value is a string, not a number
  await api.getUsersCount({ user_id: 1 });
  // @ts-expect-error a search term is one string, not a list
  await api.getUserList({ query: ['ada'] });
  // @ts-expect-error the API's field names are used
  await api.getUserList({ emailAddress: ['a@example.com'] });
  const count: ClerkTotalCount = await api.getUsersCount({ query: '' });
  const total: number = count.total_count;
  // @ts-expect-error count takes no limit
  await api.getUsersCount({ limit: 10 });

  const user: ClerkUser = await api.getUser('user_1');
  const first: string | null = user.first_name;
  // @ts-expect-error first_name may be null
  const notNull: string = user.first_name;
  const info: HttpInfo<ClerkUser> = await api.getUserWithHttpInfo('user_1', { timeoutMs: 100 });

  await api.createUser({ email_address: ['a@example.com'], password: 'pw', public_metadata: { plan: 'pro', n: [1, { a: null }] } });
  // @ts-expect-error createUser needs its body
  await api.createUser();
  await api.updateUser('user_1', { first_name: null, created_at: new Date() });
  // @ts-expect-error metadata is updated with updateUserMetadata since 2026-05-12
  await api.updateUser('user_1', { public_metadata: {} });
  await api.updateUserMetadata('user_1', { private_metadata: { key: null } });
  await api.updateUserMetadata('user_1');

  await api.setUserProfileImage('user_1', new Blob([new Uint8Array([1])], { type: 'image/png' }));
  await api.setUserProfileImage('user_1', new Uint8Array([1]));
  await api.setUserProfileImage('user_1', new ArrayBuffer(1));
  // @ts-expect-error a file, not a URL
  await api.setUserProfileImage('user_1', 'https://example.com/a.png');

  const verified: boolean | undefined = (await api.verifyPassword('user_1', { password: 'pw' })).verified;
  const codeType: 'totp' | 'backup_code' | undefined = (await api.verifyTotp('user_1', { code: '123456' })).code_type;
  // @ts-expect-error the code is required
  await api.verifyTotp('user_1', {});
  // With paginated: true the answer is the { data, total_count } page Clerk sends, or the documented array.
  const tokens = await api.getOAuthAccessToken('user_1', 'oauth_google', { paginated: true });
  const token: string | undefined = (Array.isArray(tokens) ? tokens : tokens.data)[0]?.token;
  const tokenTotal: number | undefined = Array.isArray(tokens) ? undefined : tokens.total_count;
  // @ts-expect-error it may be the page, not the array
  void tokens[0];
  const unpaged: string | undefined = (await api.getOAuthAccessToken('user_1', 'oauth_google'))[0]?.token;
  const invites = await api.usersGetOrganizationInvitations('user_1', { status: 'pending' });
  // @ts-expect-error unknown invitation status
  await api.usersGetOrganizationInvitations('user_1', { status: 'open' });
  const memberships: number = (await api.usersGetOrganizationMemberships('user_1', { limit: 1 })).total_count;
  const totp = await api.createUserTotp('user_1');
  const secret: string | null = totp.secret;
  try {
    await api.deleteUser('user_1');
  } catch (e) {
    if (e instanceof IdpUsersError) void [e.longMessages, e.traceId, e.retryAfterMs];
  }
  void [users, total, first, notNull, info, verified, codeType, token, tokenTotal, unpaged, invites, memberships, secret];
}
