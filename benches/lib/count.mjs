// How many users a contender's result holds, whatever its shape: checks that
// each contender really parsed the body into objects (runs in Node and workerd).
export function countUsers(r) {
  if (Array.isArray(r)) return r.length;
  if (r && Array.isArray(r.data)) return r.data.length; // @clerk/backend's { data, totalCount }
  if (r && Array.isArray(r.users)) return r.users.length; // Kinde's page
  if (r && typeof r.id === 'string') return 1; // one user
  throw new Error(`unexpected result: ${JSON.stringify(r)?.slice(0, 200)}`);
}
