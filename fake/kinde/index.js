// The fake Kinde provider: owns /oauth2/token and /api/..., and exposes the
// test controls (`api`) that createFakeProviders returns as `kinde`.
//
// Order of work for a request: load controls (rate limit, fail rate), fault
// injection, routing, bearer check, then the route's own validation and handler.

import { createFaultQueue } from '../shared/faults.js';
import { Query, QueryError, emptyResponse } from '../shared/http.js';
import { createRouter } from '../shared/router.js';
import { KindeError, badRequest, errorResponse, notFound } from './errors.js';
import { CLIENT_ID, CLIENT_SECRET, createTokenRegistry, tokenEndpoint } from './oauth.js';
import { organizationRoutes } from './organizations.js';
import { createStore } from './state.js';
import { userRoutes } from './users.js';

const TOKEN_PATH = '/oauth2/token';

export function createKindeProvider(core, { seed, tokenTtlSeconds }) {
  const { clock, controls } = core;
  const store = createStore(seed, clock);
  const tokens = createTokenRegistry(clock, tokenTtlSeconds);
  const faults = createFaultQueue();
  const router = createRouter([...userRoutes, ...organizationRoutes]);
  let tokenRequests = 0;

  /** The KindeError a request's bearer token earns, or undefined when it is valid. */
  function authenticate(request) {
    const match = /^bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
    if (!match) return new KindeError(403, 'TOKEN_REQUIRED', 'A bearer access token is required');
    const status = tokens.check(match[1]);
    if (status === 'expired') return new KindeError(403, 'TOKEN_EXPIRED', 'The access token has expired');
    if (status === 'unknown') return new KindeError(403, 'TOKEN_INVALID', 'The access token is not valid');
    return undefined;
  }

  async function handle(ctx) {
    if (ctx.path === TOKEN_PATH && ctx.method === 'POST') tokenRequests += 1;
    const verdict = controls.admit('kinde');
    if (verdict?.limited) {
      // Kinde's documented 429 has no body; the IETF RateLimit headers say when to come back.
      return emptyResponse(429, {
        'ratelimit-limit': String(verdict.limit),
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(verdict.resetSeconds),
      });
    }
    if (verdict?.failed) {
      return errorResponse(new KindeError(500, 'INTERNAL_SERVER_ERROR', 'The fake failed this request on purpose (failRate)'));
    }
    const fault = faults.take(ctx.method, ctx.path);
    if (fault) return fault;
    if (ctx.path === TOKEN_PATH) return tokenEndpoint(ctx, tokens);

    const match = router.match(ctx.method, ctx.path);
    if (!match) return errorResponse(notFound('ROUTE_NOT_FOUND', `No API route matches ${ctx.method} ${ctx.path}`));
    if (match.allowed) {
      return errorResponse(new KindeError(405, 'METHOD_NOT_ALLOWED', `${ctx.method} is not allowed on ${ctx.path}`), {
        headers: { allow: match.allowed.join(', ') },
      });
    }
    const { route, params } = match;
    const denied = authenticate(ctx.request);
    if (denied) return errorResponse(denied, { withBody: route.forbiddenBody });
    try {
      return await route.handler({ ...ctx, params, route, store, clock, query: new Query(ctx.url.searchParams) });
    } catch (error) {
      if (error instanceof QueryError) return errorResponse(badRequest('DUPLICATE_PARAMETER', error.message));
      if (error instanceof KindeError) return errorResponse(error);
      throw error;
    }
  }

  const api = {
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    issueToken: () => tokens.issue(),
    revokeTokens: () => tokens.revokeAll(),
    get tokenRequests() {
      return tokenRequests;
    },
    injectFault: (f) => faults.add(f),
    users: () => store.snapshot(),
    reset() {
      store.reset();
      faults.clear();
      controls.refill('kinde');
    },
  };

  return {
    name: 'kinde',
    owns: (path) => path === TOKEN_PATH || path.startsWith('/api/'),
    handle,
    api,
  };
}
