// @kinde/management-api-js: module-global config, global fetch only. It mints
// its token from /oauth2/token (answered by the stub with a JWT) and decodes
// that token before every call, as it does in production.
import { Users, init } from '@kinde/management-api-js';
import { KINDE_CLIENT_ID, KINDE_CLIENT_SECRET, KINDE_DOMAIN, KINDE_USER_ID } from '../lib/creds.mjs';

export function create() {
  init({ kindeDomain: KINDE_DOMAIN, clientId: KINDE_CLIENT_ID, clientSecret: KINDE_CLIENT_SECRET });
  return {
    kindeList: () => Users.getUsers({ pageSize: 100 }),
    kindeGet: () => Users.getUserData({ id: KINDE_USER_ID }),
  };
}
