// The fake Clerk Backend API (Users endpoints, API version 2026-05-12): owns
// /v1/..., and exposes the test controls (`api`) that createFakeProviders
// returns as `clerk`.
//
// Order of work for a request: load controls (rate limit, fail rate), fault
// injection, routing, secret key check, then the route's own validation and handler.

import { createFaultQueue } from '../shared/faults.js';
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
  const faults = createFaultQueue();
  const routes = [...userRoutes, ...credentialRoutes, ...resourceRoutes].map((r) => ({ ...r, path: PREFIX + r.path }));
  // POST /users/{id}/totp left the API in 2025; it is routed only while legacyTotp is on.
  const currentRouter = createRouter(routes.filter((r) => !r.legacy));
  const legacyRouter = createRouter(routes);
  let legacyTotp = false;
  let requestCount = 0;

  function authenticate(request) {
    const match = /^bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
    if (match && match[1] === SECRET_KEY) return undefined;
    return new ClerkError(
      401,
      'authentication_invalid',
      'Invalid authentication',
      match ? 'The secret key in the Authorization header is not valid for this instance' : 'Send the secret key as `Authorization: Bearer <secret key>`',
    );
  }

  async function handle(ctx) {
    requestCount += 1;
    const traceId = `trace_fake_${String(requestCount).padStart(6, '0')}`;
    const verdict = controls.admit('clerk');
    if (verdict?.limited) {
      const seconds = verdict.resetSeconds;
      const error = new ClerkError(
        429,
        'too_many_requests',
        'Too many requests',
        `Rate limit of ${verdict.limit} requests per second exceeded; retry in ${seconds} second${seconds === 1 ? '' : 's'}`,
      );
      return errorResponse(error, traceId, { headers: { 'retry-after': String(seconds) } });
    }
    if (verdict?.failed) {
      const error = new ClerkError(500, 'internal_clerk_error', 'Internal error', 'The fake failed this request on purpose (failRate)');
      return errorResponse(error, traceId);
    }
    const fault = faults.take(ctx.method, ctx.path);
    if (fault) return fault;

    const match = (legacyTotp ? legacyRouter : currentRouter).match(ctx.method, ctx.path);
    if (!match) return errorResponse(new ClerkError(404, 'resource_not_found', 'not found', `No API route matches ${ctx.method} ${ctx.path}`), traceId);
    if (match.allowed) {
      const error = new ClerkError(405, 'method_not_allowed', 'method not allowed', `${ctx.method} is not allowed on ${ctx.path}`);
      return errorResponse(error, traceId, { headers: { allow: match.allowed.join(', ') } });
    }
    const { route, params } = match;
    const denied = authenticate(ctx.request);
    if (denied) return errorResponse(denied, traceId);
    try {
      return await route.handler({ ...ctx, params, route, store, clock, query: new ClerkQuery(ctx.url.searchParams) });
    } catch (error) {
      if (error instanceof ClerkError) {
        return errorResponse(error, traceId, { withBody: !(route.bodilessErrors && BODILESS.has(error.status)) });
      }
      throw error;
    }
  }

  const api = {
    secretKey: SECRET_KEY,
    injectFault: (f) => faults.add(f),
    users: () =>
      store.users().map((u) => ({
        ...userView(u),
        totp_secret: u.totp?.secret ?? null,
        backup_codes: [...u.backup_codes],
        organization_ids: store.membershipsOf(u.id).map((m) => m.organization_id),
      })),
    reset() {
      store.reset();
      faults.clear();
      controls.refill('clerk');
    },
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
    handle,
    api,
  };
}
