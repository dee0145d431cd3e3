// 2. Per-call overhead, network taken out (the stub), in Node (a child process)
// and in workerd (one Worker holding every contender, driven over fetch).

import fs from 'node:fs';
import path from 'node:path';
import { APP, WORK, jsonResult, run } from '../lib/work.mjs';
import { bundleWorker } from '../lib/wrangler.mjs';
import { dispose, startWorker } from '../lib/workerd-host.mjs';
import { runPerCallPlan } from '../lib/percall-plan.mjs';
import { BASELINE, FLOOR } from '../lib/contenders.mjs';
import { quantile, summary } from '../lib/stats.mjs';

export const PERCALL_CONTENDERS = ['idp-users', 'clerk-backend', 'kinde-sdk', 'openapi-fetch', 'plain-fetch'];
export const PERCALL_OPS = ['clerkList', 'clerkGet', 'kindeList', 'kindeGet'];

/**
 * Per op and contender, round by round: calls/s (wall clock), CPU time per
 * call, and the ratio of its CPU time per call to the floor's in the same
 * round (the wall-clock ratio beside it).
 */
function analyse(samples) {
  const out = {};
  for (const [op, byId] of Object.entries(samples)) {
    const floor = byId[FLOOR];
    out[op] = {};
    for (const [id, rounds] of Object.entries(byId)) {
      const perCall = (s) => s.cpuMs / s.n;
      out[op][id] = {
        cps: summary(rounds.map((s) => (s.n / s.ms) * 1000)),
        usPerCall: summary(rounds.map((s) => perCall(s) * 1000)),
        ratio: summary(rounds.map((s, r) => perCall(s) / perCall(floor[r]))),
        wallRatio: summary(rounds.map((s, r) => s.ms / s.n / (floor[r].ms / floor[r].n))),
        // The quiet rounds: the contender's fastest quarter of batches against the floor's.
        quietRatio: quantile(rounds.map(perCall), 0.25) / quantile(floor.map(perCall), 0.25),
        batch: rounds[0]?.n,
      };
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
  return { runtime, stats: analyse(samples), samples };
}

/**
 * Per op, this build's CPU time per call ÷ the baseline build's in the same
 * round (`--baseline`): a summary over rounds, and `quiet`, the ratio of
 * their fastest quarters.
 */
export function abRatios(samples) {
  const out = {};
  for (const [op, byId] of Object.entries(samples)) {
    const a = byId['idp-users'];
    const b = byId[BASELINE];
    if (!a || !b) continue;
    const perCall = (s) => s.cpuMs / s.n;
    out[op] = {
      ...summary(a.map((s, r) => perCall(s) / perCall(b[r]))),
      // The fastest quarters against each other, as `quietRatio` (the least disturbed rounds on a loaded machine).
      quiet: quantile(a.map(perCall), 0.25) / quantile(b.map(perCall), 0.25),
    };
  }
  return out;
}

/** The PIDs of workerd processes started by this process (Miniflare's child), found in /proc. */
function ownWorkerd() {
  const parent = new Map();
  const comm = new Map();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      comm.set(pid, stat.slice(stat.indexOf('(') + 1, close));
      parent.set(pid, stat.slice(close + 2).split(' ')[1]);
    } catch {} // gone meanwhile
  }
  const mine = (pid) => {
    for (let p = parent.get(pid); p && p !== '0'; p = parent.get(p)) if (p === String(process.pid)) return true;
    return false;
  };
  return [...comm].filter(([pid, name]) => name === 'workerd' && mine(pid)).map(([pid]) => pid);
}

/** CPU time, in ms, of each thread of `pids` so far (a thread's id is its process's for the main thread) (/proc/<pid>/task/<tid>/schedstat: nanoseconds on a CPU), by thread id. */
function threadCpuMs(pids) {
  const out = new Map();
  for (const pid of pids) {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        out.set(tid, Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6);
      } catch {} // a thread that ended meanwhile
    }
  }
  return out;
}

export async function runPerCallWorkerd({ bodies, params, log, versions }) {
  const entry = `export { default } from ${JSON.stringify(path.join(APP, 'workers/percall.js'))};\n`;
  // nodejs_compat: @kinde/management-api-js reads process.env and needs it (see the size table); same flags for all.
  const b = await bundleWorker(path.join(WORK, 'percall-workerd'), entry, { nodejsCompat: true, name: 'bench-percall' });
  if (!b.ok) throw new Error(`per-call Worker does not bundle: ${b.error}`);
  const mf = startWorker(b, { nodejsCompat: true });
  try {
    const send = async (msg) => {
      const res = await mf.dispatchFetch('http://bench.local/', { method: 'POST', body: JSON.stringify(msg) });
      const json = await res.json();
      if (res.status !== 200 || json.error) throw new Error(`workerd: ${json.error ?? res.status}`);
      return json;
    };
    await mf.ready;
    const pids = ownWorkerd();
    if (pids.length !== 1) throw new Error(`${pids.length} workerd processes of this run found in /proc, expected one`);
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    // What a request costs workerd without a batch in it (parsing it,
    // routing, the answer), from noop requests: taken off every batch.
    const noops = [];
    const overhead = () => [...noops].sort((x, y) => x - y)[noops.length >> 1];
    const timed = async (msg) => {
      await sleep(params.quietMs);
      const c0 = threadCpuMs(pids);
      const out = await send(msg);
      // Linux brings a thread's CPU time up to date when it stops running:
      // by now workerd's has, once idle after its answer.
      await sleep(2);
      // The main thread's: the one that runs the Worker's JavaScript (V8's
      // background threads, compiling and collecting, come in bursts that
      // land in whichever batch is running).
      return { ...out, cpuMs: threadCpuMs(pids).get(pids[0]) - c0.get(pids[0]) };
    };
    const call = async (msg) => {
      if (msg.cmd !== 'batch') return send(msg);
      if (noops.length < 200) noops.push((await timed({ cmd: 'noop' })).cpuMs);
      const out = await timed(msg);
      return { ...out, cpuMs: out.cpuMs - overhead() };
    };
    const wall0 = performance.now();
    const samples = await runPerCallPlan(call, { bodies, ops: PERCALL_OPS, contenders: PERCALL_CONTENDERS, ...params, log: (s) => log(`[workerd] ${s}`) });
    const hostMs = performance.now() - wall0;
    const requestCpuMs = overhead();
    log(`[workerd] a request without a batch costs workerd ${(requestCpuMs * 1000).toFixed(0)} µs of CPU (median of ${noops.length}), taken off each batch; ${(hostMs / 1000).toFixed(1)} s in all`);
    return { runtime: `workerd ${versions.workerd}, Miniflare ${versions.miniflare}`, stats: analyse(samples), samples, requestCpuMs };
  } finally {
    await dispose(mf);
  }
}
