// @clerk/backend: it has no fetch option and binds globalThis.fetch when its
// module loads, so the harness replaces the global first (global-fetch.mjs).
// getUserList also asks for /users/count (two requests a call): that is the SDK's own work.
import { createClerkClient } from '@clerk/backend';
import { CLERK_SECRET, CLERK_USER_ID } from '../lib/creds.mjs';

export function create() {
  const clerk = createClerkClient({ secretKey: CLERK_SECRET });
  return {
    clerkList: () => clerk.users.getUserList({ limit: 100 }),
    clerkGet: () => clerk.users.getUser(CLERK_USER_ID),
  };
}
