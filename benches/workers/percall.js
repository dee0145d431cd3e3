// Per-call benchmark inside workerd: one request runs the whole plan
// (lib/percall-plan.mjs) against every contender and answers the timings.
// One request, not one per round: the package's pool of AbortControllers is
// module-global, and workerd refuses a controller made in an earlier request
// (see BENCHMARKS.md).
import { benchFetch, setFetchTarget } from '../lib/global-fetch.mjs'; // first: before any contender loads
import { createPerCallHandler } from '../lib/percall.mjs';
import { runPerCallPlan } from '../lib/percall-plan.mjs';
import * as idpUsers from '../contenders/idp-users.mjs';
import * as clerkBackend from '../contenders/clerk-backend.mjs';
import * as kindeSdk from '../contenders/kinde-sdk.mjs';
import * as openapiFetch from '../contenders/openapi-fetch.mjs';
import * as plainFetch from '../contenders/plain-fetch.mjs';

const modules = { 'idp-users': idpUsers, 'clerk-backend': clerkBackend, 'kinde-sdk': kindeSdk, 'openapi-fetch': openapiFetch, 'plain-fetch': plainFetch };

export default {
  async fetch(request) {
    try {
      const t0 = performance.now();
      const config = await request.json();
      if (config.ping) return Response.json({ pong: true }); // starts the isolate before the timed request
      const only = Object.fromEntries(config.contenders.map((id) => [id, modules[id]]));
      const handle = createPerCallHandler(only, benchFetch, setFetchTarget, () => performance.now());
      const log = [];
      const samples = await runPerCallPlan(handle, { ...config, log: (s) => log.push(s) });
      // The Worker's own clock over the whole request, for the host to compare with its own.
      return Response.json({ samples, log, totalMs: performance.now() - t0 });
    } catch (e) {
      return Response.json({ error: e?.stack || String(e) }, { status: 500 });
    }
  },
};
