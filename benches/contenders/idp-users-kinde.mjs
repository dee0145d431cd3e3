// This package's Kinde-only entry (measured only when dist/ exports ./kinde).
import { KindeUsersApi } from 'idp-users/kinde';
import { KINDE_CLIENT_ID, KINDE_CLIENT_SECRET, KINDE_DOMAIN, KINDE_USER_ID } from '../lib/creds.mjs';

export function create(fetch) {
  const kinde = new KindeUsersApi({ domain: KINDE_DOMAIN, clientId: KINDE_CLIENT_ID, clientSecret: KINDE_CLIENT_SECRET, fetch });
  return {
    kindeList: () => kinde.getUsers({ page_size: 100 }),
    kindeGet: () => kinde.getUserData(KINDE_USER_ID),
  };
}
