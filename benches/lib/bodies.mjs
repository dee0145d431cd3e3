// The prepared response bodies: real answers of the fake providers
// (idp-users/fake, 100 seeded users each), taken once and served by the stub.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PKG_DIR } from './work.mjs';
import { CLERK_USER_ID, KINDE_TOKEN, KINDE_USER_ID } from './creds.mjs';

export async function buildBodies() {
  const { createFakeProviders } = await import(pathToFileURL(path.join(PKG_DIR, 'fake/index.js')).href);
  const fake = createFakeProviders({ seed: 100 });
  const kindeToken = fake.kinde.issueToken();
  const get = async (url, token) => {
    const res = await fake.fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`fake: ${url} answered ${res.status}`);
    return await res.text();
  };
  const clerk = (p) => get(`https://api.clerk.com/v1${p}`, fake.clerk.secretKey);
  const kinde = (p) => get(`https://fake.kinde.com${p}`, kindeToken);
  return {
    clerkList: await clerk('/users?limit=100'),
    clerkUser: await clerk(`/users/${CLERK_USER_ID}`),
    clerkCount: await clerk('/users/count'),
    kindeList: await kinde('/api/v1/users?page_size=100'),
    kindeUser: await kinde(`/api/v1/user?id=${KINDE_USER_ID}`),
    kindeToken: JSON.stringify({ access_token: KINDE_TOKEN, expires_in: 86400, token_type: 'bearer', scope: '' }),
  };
}
