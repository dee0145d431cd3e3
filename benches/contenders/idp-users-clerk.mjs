// This package's Clerk-only entry (measured only when dist/ exports ./clerk).
import { ClerkUsersApi } from 'idp-users/clerk';
import { CLERK_SECRET, CLERK_USER_ID } from '../lib/creds.mjs';

export function create(fetch) {
  const clerk = new ClerkUsersApi({ secretKey: CLERK_SECRET, fetch });
  return {
    clerkList: () => clerk.getUserList({ limit: 100 }),
    clerkGet: () => clerk.getUser(CLERK_USER_ID),
  };
}
