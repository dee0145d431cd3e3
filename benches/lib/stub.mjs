// The network, taken out: a fetch that answers from prepared body strings with
// a new Response each call. Every contender, whether it takes a `fetch` option
// or only uses the global one, ends up calling the same function (see
// global-fetch.mjs), so they all pay the same for the stub.

const HEADERS = { 'content-type': 'application/json' }; // exact: @clerk/backend only parses JSON when it is exactly this

/** `bodies`: { clerkList, clerkUser, clerkCount, kindeList, kindeUser, kindeToken } (strings). */
export function makeStub(bodies) {
  return async function stubFetch(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    // Cheapest test first for the calls that dominate; the order costs every contender alike.
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    let body;
    if (path.endsWith('/api/v1/users')) body = bodies.kindeList;
    else if (path.endsWith('/api/v1/user')) body = bodies.kindeUser;
    else if (path.endsWith('/oauth2/token')) body = bodies.kindeToken;
    else if (path.endsWith('/v1/users')) body = bodies.clerkList;
    else if (path.endsWith('/v1/users/count')) body = bodies.clerkCount;
    else if (path.includes('/v1/users/')) body = bodies.clerkUser;
    else return new Response(JSON.stringify({ error: `stub: no route for ${url}` }), { status: 404, headers: HEADERS });
    return new Response(body, { status: 200, headers: HEADERS });
  };
}
