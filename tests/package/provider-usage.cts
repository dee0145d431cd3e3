// The per-provider entries' typings through CommonJS resolution (`require`
// condition: clerk.d.cts, kinde.d.cts).
import { ClerkUsersApi, IdpUsersError } from 'idp-users/clerk';
import { KindeUsersApi } from 'idp-users/kinde';
import type { KindeGetUsersParams } from 'idp-users/kinde';
// @ts-expect-error idp-users/kinde has no ClerkUsersApi
import { ClerkUsersApi as NotInKinde } from 'idp-users/kinde';

const params: KindeGetUsersParams = { page_size: 5 };

export async function usage(): Promise<number> {
  const kinde = new KindeUsersApi({ domain: 'acme.kinde.com', accessToken: 't' });
  const clerk = new ClerkUsersApi({ secretKey: 'sk_test_x' });
  try {
    const listed = (await kinde.getUsers(params)).users?.length ?? 0;
    return listed + (await clerk.getUsersCount()).total_count;
  } catch (e) {
    return e instanceof IdpUsersError && NotInKinde === undefined ? 1 : 0;
  }
}
