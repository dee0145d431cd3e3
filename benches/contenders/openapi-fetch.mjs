// openapi-fetch, the generic typed client (types erased at run time: the paths
// are what a generated `paths` type would allow). A fixed bearer token for
// Kinde: it has no token minting of its own.
import createClient from 'openapi-fetch';
import { CLERK_API_VERSION, CLERK_BASE, CLERK_SECRET, CLERK_USER_ID, KINDE_DOMAIN, KINDE_TOKEN, KINDE_USER_ID } from '../lib/creds.mjs';

const data = async (p) => {
  const { data, error } = await p;
  if (error !== undefined) throw new Error(`openapi-fetch: ${JSON.stringify(error)}`);
  return data;
};

export function create(fetch) {
  const clerk = createClient({ baseUrl: CLERK_BASE, fetch, headers: { authorization: `Bearer ${CLERK_SECRET}`, 'clerk-api-version': CLERK_API_VERSION } });
  const kinde = createClient({ baseUrl: KINDE_DOMAIN, fetch, headers: { authorization: `Bearer ${KINDE_TOKEN}` } });
  return {
    clerkList: () => data(clerk.GET('/users', { params: { query: { limit: 100 } } })),
    clerkGet: () => data(clerk.GET('/users/{user_id}', { params: { path: { user_id: CLERK_USER_ID } } })),
    kindeList: () => data(kinde.GET('/api/v1/users', { params: { query: { page_size: 100 } } })),
    kindeGet: () => data(kinde.GET('/api/v1/user', { params: { query: { id: KINDE_USER_ID } } })),
  };
}
