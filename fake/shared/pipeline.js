// The order of work every fake provider follows for a request it owns, kept
// in one place so that Kinde and Clerk cannot drift apart on it (fake/README.md
// documents it): load controls (rate limit, then fail rate) → injected fault →
// routing (unknown path, other method) → the provider's credential check → the
// route's handler. What each step answers is the provider's own wire format,
// so the provider supplies every answer.
//
// The pipeline also owns the provider's fault queue, and with it the two test
// controls every provider has alike: injectFault() and reset().

import { createFaultQueue } from './faults.js';

/**
 * `name` keys the provider's rate-limit bucket; `store` is its data, which
 * reset() restores. Route handlers get the request context plus `params`,
 * `route`, `store`, `clock` and `query`.
 *
 * `answers` (each `ctx` is the dispatcher's context plus what `begin` returned):
 * - `begin(ctx)`: optional; runs first, so refused requests count too. Returns
 *   extra fields for ctx (e.g. a trace id), or nothing.
 * - `rateLimited(ctx, { limit, resetSeconds })`: the 429.
 * - `failed(ctx)`: the 500 that `failRate` picks.
 * - `beforeRouting(ctx)`: optional; the answer for a path the router does not
 *   serve (e.g. a token endpoint), else undefined.
 * - `match(ctx)`: the router's match for ctx.method and ctx.path.
 * - `noRoute(ctx)`: the 404 of an unknown path.
 * - `wrongMethod(ctx, headers)`: the 405; `headers` holds its Allow header.
 * - `deny(ctx, route)`: the answer to missing or wrong credentials, else undefined.
 * - `query(searchParams)`: the query reader handed to the handler.
 * - `caught(ctx, route, error)`: the answer to an error the handler threw,
 *   else undefined (the error goes on to the dispatcher's 500).
 */
export function createPipeline({ name, clock, controls, store }, answers) {
  const faults = createFaultQueue();

  async function handle(request) {
    const extra = answers.begin?.(request);
    const ctx = extra ? { ...request, ...extra } : request;
    const verdict = controls.admit(name);
    if (verdict?.limited) return answers.rateLimited(ctx, verdict);
    if (verdict?.failed) return answers.failed(ctx);
    const fault = faults.take(ctx.method, ctx.path);
    if (fault) return fault;
    const unrouted = answers.beforeRouting?.(ctx);
    if (unrouted) return unrouted;

    const match = answers.match(ctx);
    if (!match) return answers.noRoute(ctx);
    if (match.allowed) return answers.wrongMethod(ctx, { allow: match.allowed.join(', ') });
    const { route, params } = match;
    const denied = answers.deny(ctx, route);
    if (denied) return denied;
    try {
      return await route.handler({ ...ctx, params, route, store, clock, query: answers.query(ctx.url.searchParams) });
    } catch (error) {
      const answer = answers.caught(ctx, route, error);
      if (answer) return answer;
      throw error;
    }
  }

  return {
    handle,
    injectFault: (fault) => faults.add(fault),
    reset() {
      store.reset();
      faults.clear();
      controls.refill(name);
    },
  };
}
