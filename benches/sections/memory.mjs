// 4. Memory in Node (--expose-gc), one fresh process per measurement. Nothing
// here is timed, so two measurements run at a time: the iterations over
// 100,000 users spend minutes in the fake (it filters and sorts every user for
// every page), not in the client.

import path from 'node:path';
import { APP, jsonResult, run } from '../lib/work.mjs';

export const MEMORY_CALLS = [
  { id: 'idp-users', op: 'clerkGet' },
  { id: 'idp-users', op: 'kindeGet' },
  { id: 'clerk-backend', op: 'clerkGet' },
  { id: 'kinde-sdk', op: 'kindeGet' },
  { id: 'plain-fetch', op: 'clerkGet' },
];

async function pool(jobs, width) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

export async function runMemory({ bodiesFile, calls, users, log }) {
  const script = path.join(APP, 'children/memory-node.mjs');
  const child = async (args, what) => jsonResult(await run(process.execPath, ['--expose-gc', script, ...args], { timeoutMs: 900_000 }), what);
  // The long iterations first, so the short ones fill in the slot that frees up first.
  const iterate = ['clerk', 'kinde'].map((provider) => async () => {
    const r = await child(['iterate', provider, String(users)], `memory iterate ${provider}`);
    const maxHeap = Math.max(...r.samples.map((s) => s.heap));
    log(`[memory] iterate ${provider} ${r.count} users: heap ${r.before.heap} -> max ${maxHeap} -> ${r.after.heap} B, wasm max ${Math.max(...r.samples.map((s) => s.wasm))} B (seed ${r.seedSeconds.toFixed(1)} s, iterate ${r.seconds.toFixed(1)} s)`);
    return r;
  });
  const perCall = MEMORY_CALLS.map((c) => async () => {
    const r = await child(['calls', c.id, c.op, String(calls), bodiesFile], `memory ${c.id} ${c.op}`);
    log(`[memory] ${c.id} ${c.op} x${calls}: heap ${r.before.heap} -> ${r.after.heap} B${r.after.wasm != null ? `, wasm ${r.before.wasm} -> ${r.after.wasm} B` : ''} (${r.seconds.toFixed(1)} s)`);
    return r;
  });
  const results = await pool([...iterate, ...perCall], 2);
  return { iterate: results.slice(0, 2), calls: results.slice(2) };
}
