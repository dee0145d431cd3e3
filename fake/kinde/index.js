// The fake Kinde provider: owns /oauth2/token and /api/..., and exposes the
// test controls (`api`) that createFakeProviders returns as `kinde`.
//
// Order of work for a request (shared/pipeline.js): load controls (rate limit,
// fail rate), fault injection, the token endpoint, routing, bearer check, then
// the route's own validation and handler. This module gives Kinde's answers.

import { bearerToken, emptyResponse } from '../shared/http.js';
import { createPipeline } from '../shared/pipeline.js';
import { createRouter } from '../shared/router.js';
import { KindeError, badRequest, errorResponse, notFound } from './errors.js';
import { CLIENT_ID, CLIENT_SECRET, createTokenRegistry, tokenEndpoint } from './oauth.js';
import { organizationRoutes } from './organizations.js';
import { Query, QueryError } from './params.js';
import { createStore } from './state.js';
import { userRoutes } from './users.js';

const TOKEN_PATH = '/oauth2/token';

export function createKindeProvider(core, { seed, tokenTtlSeconds }) {
  const { clock, controls } = core;
  const store = createStore(seed, clock);
  const tokens = createTokenRegistry(clock, tokenTtlSeconds);
  const router = createRouter([...userRoutes, ...organizationRoutes]);
  let tokenRequests = 0;

  /** The KindeError a request's bearer token earns, or undefined when it is valid. */
  function authenticate(request) {
    const token = bearerToken(request);
    if (token === undefined) return new KindeError(403, 'TOKEN_REQUIRED', 'A bearer access token is required');
    const status = tokens.check(token);
    if (status === 'expired') return new KindeError(403, 'TOKEN_EXPIRED', 'The access token has expired');
    if (status === 'unknown') return new KindeError(403, 'TOKEN_INVALID', 'The access token is not valid');
    return undefined;
  }

  const pipeline = createPipeline({ name: 'kinde', clock, controls, store }, {
    begin(ctx) {
      // Counted before the load controls: a refused token request is still an attempt.
      if (ctx.path === TOKEN_PATH && ctx.method === 'POST') tokenRequests += 1;
    },
    // Kinde's documented 429 has no body; the IETF RateLimit headers say when to come back.
    rateLimited: (_ctx, verdict) =>
      emptyResponse(429, {
        'ratelimit-limit': String(verdict.limit),
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(verdict.resetSeconds),
      }),
    failed: () => errorResponse(new KindeError(500, 'INTERNAL_SERVER_ERROR', 'The fake failed this request on purpose (failRate)')),
    // The token endpoint is not an API route: no bearer token, OAuth-style errors.
    beforeRouting: (ctx) => (ctx.path === TOKEN_PATH ? tokenEndpoint(ctx, tokens) : undefined),
    match: (ctx) => router.match(ctx.method, ctx.path),
    noRoute: (ctx) => errorResponse(notFound('ROUTE_NOT_FOUND', `No API route matches ${ctx.method} ${ctx.path}`)),
    wrongMethod: (ctx, headers) =>
      errorResponse(new KindeError(405, 'METHOD_NOT_ALLOWED', `${ctx.method} is not allowed on ${ctx.path}`), { headers }),
    deny(ctx, route) {
      const denied = authenticate(ctx.request);
      return denied && errorResponse(denied, { withBody: route.forbiddenBody });
    },
    query: (searchParams) => new Query(searchParams),
    caught(_ctx, _route, error) {
      if (error instanceof QueryError) return errorResponse(badRequest('DUPLICATE_PARAMETER', error.message));
      if (error instanceof KindeError) return errorResponse(error);
      return undefined;
    },
  });

  const api = {
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    issueToken: () => tokens.issue(),
    revokeTokens: () => tokens.revokeAll(),
    get tokenRequests() {
      return tokenRequests;
    },
    injectFault: pipeline.injectFault,
    users: () => store.snapshot(),
    reset: pipeline.reset,
  };

  return {
    name: 'kinde',
    owns: (path) => path === TOKEN_PATH || path.startsWith('/api/'),
    handle: pipeline.handle,
    api,
  };
}
