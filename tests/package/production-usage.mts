// Type-level tests of retries, cancellation, auto-pagination and bulk
// (compiled with `tsc --strict` against the packed package). The lines
// under each expect-error directive must fail to compile.
import { bulk, ClerkUsersApi, IdpUsersError, KindeUsersApi, wasmMemoryBytes } from 'idp-users';
import type { BulkResult, ClerkUser, KindeUsersResponse, KindeUsersResponseUser, PagePromise } from 'idp-users';

const kinde = new KindeUsersApi({ domain: 'acme.kinde.com', accessToken: 't', retries: 3, maxRetryDelayMs: 2000 });
const clerk = new ClerkUsersApi({ secretKey: 'sk_test_x', retries: 0 });

export async function production(): Promise<void> {
  // One page with await, every item with for await.
  const page: KindeUsersResponse = await kinde.getUsers({ page_size: 10 });
  const listed: PagePromise<KindeUsersResponse, KindeUsersResponseUser> = kinde.getUsers();
  for await (const user of kinde.getUsers()) {
    const id: string | undefined = user.id;
  }
  for await (const user of clerk.getUserList({ banned: false })) {
    const u: ClerkUser = user;
  }
  for await (const m of clerk.usersGetOrganizationMemberships('user_1')) {
    const orgId: string = m.organization.id;
  }
  // Per-call retry and cancellation options.
  await clerk.banUser('user_1', { retries: 1, retryNonIdempotent: true, maxRetryDelayMs: 100, signal: AbortSignal.timeout(1000), timeoutMs: 500 });
  // @ts-expect-error retries is a number
  await clerk.banUser('user_1', { retries: true });
  // The seed's { file } shape and a bare file.
  await clerk.setUserProfileImage('user_1', { file: new Blob(['x']) });
  await clerk.setUserProfileImage('user_1', new Uint8Array([1]));
  // Bulk: results per item, in order.
  const results: Array<BulkResult<string, ClerkUser>> = await bulk(['user_1'], (id, { signal }) => clerk.banUser(id, { signal }), {
    concurrency: 4,
    onProgress: ({ done, failed, total }) => console.log(done, failed, total),
  });
  for (const r of results) {
    if (r.ok) {
      const banned: boolean = r.value.banned;
    } else {
      // A failed item's error is an IdpUsersError (what the package's methods reject with).
      const e: IdpUsersError = r.error;
      const kind: 'validation' | 'network' | 'timeout' | 'aborted' | 'auth' | 'api' | 'decode' = r.error.kind;
      const status: number | null = r.error.status;
      void [e, kind, status];
    }
  }
  // A function that can throw something else names its error type.
  const own = await bulk<string, ClerkUser, IdpUsersError | RangeError>(['user_1'], async (id) => {
    if (id === '') throw new RangeError('empty id');
    return clerk.getUser(id);
  });
  for (const r of own) if (!r.ok && r.error instanceof RangeError) void r.error.message;
  const anything = await bulk<string, ClerkUser, unknown>(['user_1'], (id) => clerk.getUser(id));
  for (const r of anything) {
    // @ts-expect-error an error typed unknown must be narrowed first
    if (!r.ok) void r.error.kind;
  }
  const typed: BulkResult<string, ClerkUser> = results[0]!;
  // @ts-expect-error BulkResult's error defaults to IdpUsersError, not a string
  if (!typed.ok) void (typed.error satisfies string);
  // @ts-expect-error concurrency is a number
  await bulk([1], async (n) => n, { concurrency: '8' });
  const attempts: number = (null as unknown as IdpUsersError).attempts;
  const bytes: number = wasmMemoryBytes();
  void page;
  void listed;
  void attempts;
  void bytes;
}
