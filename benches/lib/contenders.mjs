// The contenders, by id (the module in benches/contenders/<id>.mjs and the
// Worker in benches/workers/size/<id>.js).

/** The contender id of the build given by `--baseline DIR`. */
export const BASELINE = 'idp-users@baseline';

export const CONTENDERS = {
  'idp-users': { label: 'idp-users (both providers)', pkg: 'idp-users' },
  'idp-users-clerk': { label: 'idp-users/clerk', pkg: 'idp-users', entry: './clerk' },
  'idp-users-kinde': { label: 'idp-users/kinde', pkg: 'idp-users', entry: './kinde' },
  'clerk-backend': { label: '@clerk/backend', pkg: '@clerk/backend' },
  'kinde-sdk': { label: '@kinde/management-api-js', pkg: '@kinde/management-api-js' },
  'openapi-fetch': { label: 'openapi-fetch', pkg: 'openapi-fetch' },
  'plain-fetch': { label: 'plain fetch', pkg: null },
  // Another build of this package (`npm run bench -- --baseline DIR`), per call only.
  [BASELINE]: { label: 'idp-users@baseline', pkg: 'idp-users-baseline' },
};

export const FLOOR = 'plain-fetch';

export const OPS = {
  clerkList: 'Clerk: list 100 users',
  clerkGet: 'Clerk: get one user',
  kindeList: 'Kinde: list 100 users',
  kindeGet: 'Kinde: get one user',
};

/** Whether dist/ (its package.json) exports the contender's entry. */
export const isBuilt = (id, pkgJson) => !CONTENDERS[id].entry || Object.hasOwn(pkgJson.exports ?? {}, CONTENDERS[id].entry);
