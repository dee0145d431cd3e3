// Credentials and ids every contender uses against the stub (runs in Node and
// in workerd, so only web APIs here).

export const CLERK_BASE = 'https://api.clerk.com/v1';
export const CLERK_SECRET = 'sk_test_bench';
export const CLERK_API_VERSION = '2026-05-12';
export const CLERK_USER_ID = 'user_fake_0001';

export const KINDE_DOMAIN = 'https://acme.kinde.com';
export const KINDE_CLIENT_ID = 'bench-client-id';
export const KINDE_CLIENT_SECRET = 'bench-client-secret';
export const KINDE_USER_ID = 'kp_fake_0001';

const b64url = (s) => btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
// A JWT (unsigned is enough: nobody verifies it) because the Kinde SDK decodes
// its token before every call and mints a new one unless `aud` names the
// domain's API and `exp` is in the future.
export const KINDE_TOKEN = [
  b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' })),
  b64url(JSON.stringify({ aud: [`${KINDE_DOMAIN}/api`], exp: 4102444800, iat: 1767225600, iss: KINDE_DOMAIN, scp: [] })),
  'c2lnbmF0dXJl',
].join('.');
