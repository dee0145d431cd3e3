// The dev admin token. `npm start` prints http://127.0.0.1:PORT/#token=...:
// the fragment never leaves the browser, so the token is not in any request
// line or server log. It is kept in sessionStorage (this tab only) and
// removed from the address bar at once.

const KEY = 'idp-users-console.admin-token';

function readFragmentToken() {
  const hash = location.hash.replace(/^#/, '');
  if (!hash.startsWith('token=')) return null;
  const params = new URLSearchParams(hash);
  return params.get('token') || null;
}

export function takeTokenFromUrl() {
  const token = readFragmentToken();
  if (token) {
    saveToken(token);
    history.replaceState(null, '', `${location.pathname}${location.search}#/kinde`);
  }
}

export function loadToken() {
  try {
    return sessionStorage.getItem(KEY) || null;
  } catch {
    return null;
  }
}

export function saveToken(token) {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Storage refused (private mode): the token lives in memory for this page only.
  }
  memoryToken = token;
}

export function forgetToken() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {}
  memoryToken = null;
}

let memoryToken = null;
export const currentToken = () => memoryToken ?? loadToken();
