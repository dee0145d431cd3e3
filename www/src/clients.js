// The two clients, as an admin SPA builds them: pointed at the same-origin
// proxy of the Worker (/admin-api/...), holding no provider secret. Each
// request carries the admin token as its bearer; the Worker checks it and
// swaps in the provider credential.
import { ClerkUsersApi, KindeUsersApi } from 'idp-users';
import { currentToken } from './session.js';

const PROXY = `${location.origin}/admin-api`;

function getToken() {
  const token = currentToken();
  if (!token) throw new Error('no admin token: open the URL that `npm start` printed');
  return token;
}

let clients = null;

export function getClients() {
  if (!clients) {
    clients = {
      kinde: new KindeUsersApi({ domain: `${PROXY}/kinde`, getToken, timeoutMs: 20000 }),
      clerk: new ClerkUsersApi({ baseUrl: `${PROXY}/clerk`, getToken, timeoutMs: 20000 }),
    };
  }
  return clients;
}
