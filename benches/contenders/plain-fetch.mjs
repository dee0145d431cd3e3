// The floor: fetch + JSON.parse with the URL and headers the clients send.
import { CLERK_API_VERSION, CLERK_BASE, CLERK_SECRET, CLERK_USER_ID, KINDE_DOMAIN, KINDE_TOKEN, KINDE_USER_ID } from '../lib/creds.mjs';

export function create(fetch) {
  const get = async (url, headers) => {
    const res = await fetch(url, { method: 'GET', headers });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return JSON.parse(await res.text());
  };
  const clerkHeaders = { accept: 'application/json', authorization: `Bearer ${CLERK_SECRET}`, 'clerk-api-version': CLERK_API_VERSION };
  const kindeHeaders = { accept: 'application/json', authorization: `Bearer ${KINDE_TOKEN}` };
  return {
    clerkList: () => get(`${CLERK_BASE}/users?limit=100`, clerkHeaders),
    clerkGet: () => get(`${CLERK_BASE}/users/${CLERK_USER_ID}`, clerkHeaders),
    kindeList: () => get(`${KINDE_DOMAIN}/api/v1/users?page_size=100`, kindeHeaders),
    kindeGet: () => get(`${KINDE_DOMAIN}/api/v1/user?id=${KINDE_USER_ID}`, kindeHeaders),
  };
}
