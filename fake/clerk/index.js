// The fake Clerk Backend API (Users endpoints, API version 2026-05-12): owns
// /v1/..., and exposes the test controls (`api`) that createFakeProviders
// returns as `clerk`.
//
// Order of work for a request (shared/pipeline.js): load controls (rate limit,
// fail rate), fault injection, routing, secret key check, then the route's own
// validation and handler. This module gives Clerk's answers.

import { bearerToken } from '../shared/http.js';
import { createPipeline } from '../shared/pipeline.js';
import { createRouter } from '../shared/router.js';
import { credentialRoutes } from './credentials.js';
import { ClerkError, errorResponse } from './errors.js';
import { ClerkQuery } from './params.js';
import { resourceRoutes } from './resources.js';
import { createStore } from './state.js';
import { totpCode } from './totp.js';
import { userRoutes } from './users.js';
import { userView } from './views.js';

export const SECRET_KEY = 'sk_test_fake';
const PREFIX = '/v1';
// verify_password and verify_totp document these statuses without a body.
const BODILESS = new Set([400, 404, 422]);

export function createClerkProvider(core, { seed }) {
  const { clock, controls } = core;
  const store = createStore(seed, clock);
  const routes = [...userRoutes, ...credentialRoutes, ...resourceRoutes].map((r) => ({ ...r, path: PREFIX + r.path }));
  // POST /users/{id}/totp left the API in 2025; it is routed only while legacyTotp is on.
  const currentRouter = createRouter(routes.filter((r) => !r.legacy));
  const legacyRouter = createRouter(routes);
  let legacyTotp = false;
  let requestCount = 0;

  function authenticate(request) {
    const token = bearerToken(request);
    if (token === SECRET_KEY) return undefined;
    return new ClerkError(
      401,
      'authentication_invalid',
      'Invalid authentication',
      token !== undefined ? 'The secret key in the Authorization header is not valid for this instance' : 'Send the secret key as `Authorization: Bearer <secret key>`',
    );
  }

  const pipeline = createPipeline({ name: 'clerk', clock, controls, store }, {
    // Every request, refused ones too, gets the next trace id, so tests can count attempts.
    begin() {
      requestCount += 1;
      return { traceId: `trace_fake_${String(requestCount).padStart(6, '0')}` };
    },
    rateLimited(ctx, { limit, resetSeconds: seconds }) {
      const error = new ClerkError(
        429,
        'too_many_requests',
        'Too many requests',
        `Rate limit of ${limit} requests per second exceeded; retry in ${seconds} second${seconds === 1 ? '' : 's'}`,
      );
      return errorResponse(error, ctx.traceId, { headers: { 'retry-after': String(seconds) } });
    },
    failed: (ctx) =>
      errorResponse(new ClerkError(500, 'internal_clerk_error', 'Internal error', 'The fake failed this request on purpose (failRate)'), ctx.traceId),
    match: (ctx) => (legacyTotp ? legacyRouter : currentRouter).match(ctx.method, ctx.path),
    noRoute: (ctx) =>
      errorResponse(new ClerkError(404, 'resource_not_found', 'not found', `No API route matches ${ctx.method} ${ctx.path}`), ctx.traceId),
    wrongMethod: (ctx, headers) =>
      errorResponse(new ClerkError(405, 'method_not_allowed', 'method not allowed', `${ctx.method} is not allowed on ${ctx.path}`), ctx.traceId, { headers }),
    deny(ctx) {
      const denied = authenticate(ctx.request);
      return denied && errorResponse(denied, ctx.traceId);
    },
    query: (searchParams) => new ClerkQuery(searchParams),
    caught(ctx, route, error) {
      if (!(error instanceof ClerkError)) return undefined;
      return errorResponse(error, ctx.traceId, { withBody: !(route.bodilessErrors && BODILESS.has(error.status)) });
    },
  });

  const api = {
    secretKey: SECRET_KEY,
    injectFault: pipeline.injectFault,
    users: () =>
      store.users().map((u) => ({
        ...userView(u),
        totp_secret: u.totp?.secret ?? null,
        backup_codes: [...u.backup_codes],
        organization_ids: store.membershipsOf(u.id).map((m) => m.organization_id),
      })),
    reset: pipeline.reset,
    legacyTotp(enabled) {
      if (typeof enabled !== 'boolean') throw new TypeError('legacyTotp(enabled) needs a boolean');
      legacyTotp = enabled;
    },
    async totpCode(userId) {
      const secret = store.user(userId)?.totp?.secret;
      return secret === undefined ? undefined : totpCode(secret, clock.now());
    },
    profileImage(userId) {
      const upload = store.user(userId)?.image?.upload;
      return upload && { name: upload.name, type: upload.type, size: upload.size, bytes: upload.bytes.slice() };
    },
  };

  return {
    name: 'clerk',
    owns: (path) => path === PREFIX || path.startsWith(`${PREFIX}/`),
    handle: pipeline.handle,
    api,
  };
}
