// This package, both providers in one import (the main entry).
import { ClerkUsersApi, KindeUsersApi } from 'idp-users';
import { CLERK_SECRET, CLERK_USER_ID, KINDE_CLIENT_ID, KINDE_CLIENT_SECRET, KINDE_DOMAIN, KINDE_USER_ID } from '../lib/creds.mjs';

export function create(fetch) {
  const clerk = new ClerkUsersApi({ secretKey: CLERK_SECRET, fetch });
  const kinde = new KindeUsersApi({ domain: KINDE_DOMAIN, clientId: KINDE_CLIENT_ID, clientSecret: KINDE_CLIENT_SECRET, fetch });
  return {
    clerkList: () => clerk.getUserList({ limit: 100 }),
    clerkGet: () => clerk.getUser(CLERK_USER_ID),
    kindeList: () => kinde.getUsers({ page_size: 100 }),
    kindeGet: () => kinde.getUserData(KINDE_USER_ID),
  };
}
