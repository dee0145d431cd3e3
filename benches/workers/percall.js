// Per-call benchmark inside workerd: the contenders' clients live in this
// module across requests; the host (sections/percall.mjs) drives the plan
// (lib/percall-plan.mjs) with one request per message (setup, then one timed
// batch per request), and reads workerd's CPU time around each.
import { benchFetch, setFetchTarget } from '../lib/global-fetch.mjs'; // first: before any contender loads
import { createPerCallHandler } from '../lib/percall.mjs';
import * as idpUsers from '../contenders/idp-users.mjs';
import * as clerkBackend from '../contenders/clerk-backend.mjs';
import * as kindeSdk from '../contenders/kinde-sdk.mjs';
import * as openapiFetch from '../contenders/openapi-fetch.mjs';
import * as plainFetch from '../contenders/plain-fetch.mjs';
// Written by copyApp (lib/work.mjs): the --baseline build, or a module creating nothing.
import * as baseline from '../contenders/idp-users@baseline.mjs';

const modules = { 'idp-users': idpUsers, 'idp-users@baseline': baseline, 'clerk-backend': clerkBackend, 'kinde-sdk': kindeSdk, 'openapi-fetch': openapiFetch, 'plain-fetch': plainFetch };

let handle;

export default {
  async fetch(request) {
    try {
      const msg = await request.json();
      if (msg.cmd === 'setup') {
        const only = Object.fromEntries(msg.contenders.map((id) => [id, modules[id]]));
        // No quiet() here: the host pauses between requests, outside them.
        handle = createPerCallHandler(only, benchFetch, setFetchTarget, () => performance.now());
      }
      if (!handle) throw new Error('no setup yet');
      return Response.json(await handle(msg));
    } catch (e) {
      return Response.json({ error: e?.stack || String(e) }, { status: 500 });
    }
  },
};
