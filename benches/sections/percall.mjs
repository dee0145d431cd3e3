// 2. Per-call overhead, network taken out (the stub), in Node (a child process)
// and in workerd (one Worker holding every contender, driven over fetch).

import fs from 'node:fs';
import path from 'node:path';
import { APP, WORK, jsonResult, run } from '../lib/work.mjs';
import { bundleWorker } from '../lib/wrangler.mjs';
import { dispose, startWorker } from '../lib/workerd-host.mjs';
import { runPerCallPlan } from '../lib/percall-plan.mjs';
import { FLOOR } from '../lib/contenders.mjs';
import { summary } from '../lib/stats.mjs';

export const PERCALL_CONTENDERS = ['idp-users', 'clerk-backend', 'kinde-sdk', 'openapi-fetch', 'plain-fetch'];
export const PERCALL_OPS = ['clerkList', 'clerkGet', 'kindeList', 'kindeGet'];

/** Per op and contender: calls/s and the ratio of its time per call to the floor's, round by round. */
function analyse(samples) {
  const out = {};
  for (const [op, byId] of Object.entries(samples)) {
    const floor = byId[FLOOR];
    out[op] = {};
    for (const [id, rounds] of Object.entries(byId)) {
      const cps = rounds.map((s) => (s.n / s.ms) * 1000);
      const ratio = rounds.map((s, r) => s.ms / s.n / (floor[r].ms / floor[r].n));
      out[op][id] = { cps: summary(cps), usPerCall: summary(rounds.map((s) => (s.ms / s.n) * 1000)), ratio: summary(ratio), batch: rounds[0]?.n };
    }
  }
  return out;
}

export async function runPerCallNode({ bodiesFile, params, log }) {
  const config = { bodiesFile, ops: PERCALL_OPS, contenders: PERCALL_CONTENDERS, ...params };
  const configFile = path.join(WORK, 'percall-node.config.json');
  const resultFile = path.join(WORK, 'percall-node.result.json');
  fs.writeFileSync(configFile, JSON.stringify(config));
  fs.rmSync(resultFile, { force: true });
  const res = await run(process.execPath, [path.join(APP, 'children/percall-node.mjs'), configFile, resultFile], { timeoutMs: 900_000 });
  for (const l of res.stdout.trim().split('\n').filter(Boolean)) log(l);
  if (res.code !== 0 || !fs.existsSync(resultFile)) jsonResult(res, 'per-call (node)'); // throws with the child's stderr
  const { runtime, samples } = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  return { runtime, stats: analyse(samples) };
}

export async function runPerCallWorkerd({ bodies, params, log, versions }) {
  const entry = `export { default } from ${JSON.stringify(path.join(APP, 'workers/percall.js'))};\n`;
  // nodejs_compat: @kinde/management-api-js reads process.env and needs it (see the size table); same flags for all.
  const b = await bundleWorker(path.join(WORK, 'percall-workerd'), entry, { nodejsCompat: true, name: 'bench-percall' });
  if (!b.ok) throw new Error(`per-call Worker does not bundle: ${b.error}`);
  const mf = startWorker(b, { nodejsCompat: true });
  try {
    await (await mf.dispatchFetch('http://bench.local/', { method: 'POST', body: '{"ping":true}' })).text();
    const t0 = performance.now();
    const res = await mf.dispatchFetch('http://bench.local/', {
      method: 'POST',
      body: JSON.stringify({ bodies, ops: PERCALL_OPS, contenders: PERCALL_CONTENDERS, ...params }),
    });
    const json = await res.json();
    const hostMs = performance.now() - t0;
    if (res.status !== 200 || json.error) throw new Error(`workerd: ${json.error ?? res.status}`);
    for (const l of json.log) log(`[workerd] ${l}`);
    // workerd's clock is what times the batches: it must have advanced with the host's.
    const clock = { workerMs: json.totalMs, hostMs };
    log(`[workerd] clock check: ${(json.totalMs / 1000).toFixed(2)} s by the Worker's performance.now(), ${(hostMs / 1000).toFixed(2)} s by the host's`);
    if (!(json.totalMs > hostMs * 0.8)) throw new Error(`workerd's clock did not keep up with the host's (${json.totalMs} ms vs ${hostMs} ms): its timings are not usable`);
    return { runtime: `workerd ${versions.workerd}, Miniflare ${versions.miniflare}`, stats: analyse(json.samples), clock };
  } finally {
    await dispose(mf);
  }
}
