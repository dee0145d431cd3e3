// The per-provider entries' typings (clerk.d.ts, kinde.d.ts) under ESM
// resolution: each exports its own client, the shared values and types, and
// not the other provider's client.
import { ClerkUsersApi, IdpUsersError, bulk, wasmMemoryBytes } from 'idp-users/clerk';
import type { ClerkUser, ClerkUsersApiConfig, RequestOptions } from 'idp-users/clerk';
import { KindeUsersApi } from 'idp-users/kinde';
import type { KindeUser, KindeUsersApiConfig } from 'idp-users/kinde';
// @ts-expect-error idp-users/clerk has no KindeUsersApi
import { KindeUsersApi as NotInClerk } from 'idp-users/clerk';
// @ts-expect-error idp-users/kinde has no ClerkUsersApi
import { ClerkUsersApi as NotInKinde } from 'idp-users/kinde';
// @ts-expect-error the Kinde types are not in idp-users/clerk
import type { KindeUser as NoKindeTypes } from 'idp-users/clerk';

const clerkConfig: ClerkUsersApiConfig = { secretKey: 'sk_test_x' };
const clerk = new ClerkUsersApi(clerkConfig);
const kindeConfig: KindeUsersApiConfig = { domain: 'acme.kinde.com', accessToken: 't' };
const kinde = new KindeUsersApi(kindeConfig);
const options: RequestOptions = { timeoutMs: 1000 };

export async function usage(): Promise<number> {
  const users: ClerkUser[] = await clerk.getUserList({ limit: 5 }, options);
  const page = await kinde.getUsers({ page_size: 5 });
  const first: KindeUser | undefined = undefined;
  const results = await bulk(users, (u) => clerk.getUser(u.id));
  try {
    // @ts-expect-error getUserList takes a params object, not a number
    await clerk.getUserList(5);
  } catch (e) {
    if (e instanceof IdpUsersError) return e.status ?? 0;
  }
  return users.length + (page.users?.length ?? 0) + results.length + wasmMemoryBytes() + (first ? 1 : 0) + (NotInClerk && NotInKinde && (0 as unknown as NoKindeTypes) ? 1 : 0);
}
