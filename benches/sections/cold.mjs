// 3. Cold start: from a fresh process (Node) or a fresh workerd (Miniflare) to
// the first resolved call, network stubbed. Samples are interleaved: each
// round takes one sample of every contender, in a rotated order.

import fs from 'node:fs';
import path from 'node:path';
import { APP, BENCHES, WORK, jsonResult, run } from '../lib/work.mjs';
import { bundleWorker } from '../lib/wrangler.mjs';
import { dispose, startWorker } from '../lib/workerd-host.mjs';
import { isBuilt } from '../lib/contenders.mjs';
import { rotate, summary } from '../lib/stats.mjs';

/** The contenders' first calls, grouped by provider; each group's floor is plain fetch. */
export function coldCases(pkgJson) {
  const cases = [
    { group: 'clerk', id: 'plain-fetch', op: 'clerkList', floor: true },
    { group: 'clerk', id: 'idp-users', op: 'clerkList' },
    { group: 'clerk', id: 'idp-users-clerk', op: 'clerkList' },
    { group: 'clerk', id: 'clerk-backend', op: 'clerkList' },
    { group: 'clerk', id: 'openapi-fetch', op: 'clerkList' },
    { group: 'kinde', id: 'plain-fetch', op: 'kindeList', floor: true },
    { group: 'kinde', id: 'idp-users', op: 'kindeList' },
    { group: 'kinde', id: 'idp-users-kinde', op: 'kindeList' },
    { group: 'kinde', id: 'kinde-sdk', op: 'kindeList' },
    { group: 'kinde', id: 'openapi-fetch', op: 'kindeList' },
  ];
  return cases.map((c) => ({ ...c, key: `${c.group}:${c.id}`, built: isBuilt(c.id, pkgJson) }));
}

/** Per case: ms summary, and ratio/delta to its group's floor in the same round. */
function analyse(cases, samples) {
  const out = {};
  for (const c of cases.filter((c) => c.built)) {
    const floor = samples[`${c.group}:plain-fetch`];
    const mine = samples[c.key];
    out[c.key] = {
      ms: summary(mine),
      ratio: summary(mine.map((x, r) => x / floor[r])),
      delta: summary(mine.map((x, r) => x - floor[r])),
    };
  }
  return out;
}

export async function runColdNode({ pkgJson, bodiesFile, samples: n, log }) {
  const cases = coldCases(pkgJson).filter((c) => c.built);
  const samples = Object.fromEntries(cases.map((c) => [c.key, []]));
  const wall = Object.fromEntries(cases.map((c) => [c.key, []]));
  const script = path.join(APP, 'children/cold-node.mjs');
  for (let r = -1; r < n; r++) {
    // Round -1 is a warm-up (the OS's file cache), not recorded.
    for (const c of rotate(cases, r + 1)) {
      const res = await run(process.execPath, [script, c.id, c.op, bodiesFile], { timeoutMs: 60_000 });
      const { ms } = jsonResult(res, `cold start ${c.key} (node)`);
      if (r >= 0) {
        samples[c.key].push(ms);
        wall[c.key].push(res.firstLineMs);
      }
    }
  }
  const stats = analyse(cases, samples);
  for (const c of cases) stats[c.key].wall = summary(wall[c.key]);
  log(`[node] cold start: ${n} samples of ${cases.length} cases`);
  return { runtime: `node ${process.version}`, cases: coldCases(pkgJson), stats };
}

export async function runColdWorkerd({ pkgJson, bodies, samples: n, log }) {
  const all = coldCases(pkgJson);
  const cases = all.filter((c) => c.built);
  const template = fs.readFileSync(path.join(BENCHES, 'workers/cold-entry.template.js'), 'utf8');
  const bundles = {};
  for (const c of cases) {
    const src = template.replaceAll('__APP__', APP).replaceAll('__ID__', c.id).replaceAll('__OP__', c.op);
    // nodejs_compat for all: @kinde/management-api-js fails at run time without it.
    const b = await bundleWorker(path.join(WORK, 'cold', `${c.group}-${c.id}`), src, { nodejsCompat: true, name: `bench-cold-${c.id}` });
    if (!b.ok) throw new Error(`cold-start Worker ${c.key} does not bundle: ${b.error}`);
    bundles[c.key] = b;
  }
  const body = JSON.stringify(bodies);
  const samples = Object.fromEntries(cases.map((c) => [c.key, []]));
  for (let r = -1; r < n; r++) {
    for (const c of rotate(cases, r + 1)) {
      // Timed: starting workerd with the Worker, its first request, the answer read.
      const t0 = performance.now();
      const mf = startWorker(bundles[c.key], { nodejsCompat: true });
      let ms;
      try {
        const res = await mf.dispatchFetch('http://cold.local/', { method: 'POST', body });
        const json = await res.json();
        ms = performance.now() - t0;
        if (res.status !== 200 || json.error) throw new Error(`cold start ${c.key} (workerd): ${json.error ?? res.status}`);
      } finally {
        await dispose(mf);
      }
      if (r >= 0) samples[c.key].push(ms);
    }
  }
  log(`[workerd] cold start: ${n} samples of ${cases.length} cases`);
  return { cases: all, stats: analyse(cases, samples) };
}
