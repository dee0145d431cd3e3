// The same typings through CommonJS resolution (`require` condition).
import { IdpUsersError, KindeUsersApi } from 'idp-users';
import { createFakeProviders } from 'idp-users/fake';
import type { KindeGetUserSessionsResponse } from 'idp-users';

const fake = createFakeProviders();
const api = new KindeUsersApi({ domain: 'acme.kinde.com', clientId: fake.kinde.clientId, clientSecret: fake.kinde.clientSecret, fetch: fake.fetch });

export async function usage(): Promise<number | undefined> {
  const sessions: KindeGetUserSessionsResponse = await api.getUserSessions('kp_fake_0001');
  // @ts-expect-error getUserSessions takes no params object
  await api.getUserSessions('kp_fake_0001', { page_size: 5 });
  try {
    await api.deleteUser('kp_x', { is_delete_profile: true });
  } catch (e) {
    if (e instanceof IdpUsersError) return e.status ?? undefined;
  }
  return sessions.sessions?.length;
}
