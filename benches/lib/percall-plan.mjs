// The per-call benchmark's host side: a warm-up, then measured rounds,
// each round a timed batch of every contender, in an order rotated from round
// to round. `call(msg)` reaches the inner side (percall.mjs): in-process in
// Node, a request to the Worker in workerd (one per batch, so that the host
// can read workerd's CPU time around it).

import { rotate } from './stats.mjs';

export async function runPerCallPlan(call, { bodies, ops, contenders, targetMs, warmupMs, rounds, log = () => {} }) {
  const { ops: available } = await call({ cmd: 'setup', bodies, ops, contenders });
  const samples = {}; // op -> id -> [{ n, ms, cpuMs }]
  for (const op of ops) {
    const ids = available[op] ?? [];
    samples[op] = Object.fromEntries(ids.map((id) => [id, []]));
    // Warm-up: each contender runs for `warmupMs` before any batch is
    // recorded, in batches of the usual length (the JIT's tiers take
    // thousands of calls to settle).
    for (let ms = 0; ms < warmupMs; ms += targetMs) for (const id of ids) await call({ cmd: 'batch', op, id, targetMs });
    for (let r = 0; r < rounds; r++) {
      for (const id of rotate(ids, r)) {
        const b = await call({ cmd: 'batch', op, id, targetMs });
        samples[op][id].push({ n: b.n, ms: b.ms, cpuMs: b.cpuMs });
      }
    }
    log(`${op}: ${ids.map((id) => `${id} ${samples[op][id].map((b) => b.n).sort((x, y) => x - y)[samples[op][id].length >> 1]} calls/batch`).join(', ')}`);
  }
  return samples;
}
