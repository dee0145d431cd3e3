// The per-call benchmark's host side: warm-up rounds, then measured rounds,
// each round a timed batch of every contender, in an order rotated from round
// to round. `call(msg)` reaches the inner side (percall.mjs): in-process in
// Node, inside the same Worker in workerd.

import { rotate } from './stats.mjs';

export async function runPerCallPlan(call, { bodies, ops, contenders, targetMs, warmup, rounds, log = () => {} }) {
  const { ops: available } = await call({ cmd: 'setup', bodies, ops, contenders });
  const samples = {}; // op -> id -> [{ n, ms }]
  for (const op of ops) {
    const ids = available[op] ?? [];
    samples[op] = Object.fromEntries(ids.map((id) => [id, []]));
    for (let r = -warmup; r < rounds; r++) {
      const order = rotate(ids, r + warmup);
      const { batches } = await call({ cmd: 'round', op, order, targetMs });
      if (r >= 0) for (const b of batches) samples[op][b.id].push({ n: b.n, ms: b.ms });
    }
    log(`${op}: ${ids.map((id) => `${id} ${samples[op][id].map((b) => b.n).sort((x, y) => x - y)[samples[op][id].length >> 1]} calls/batch`).join(', ')}`);
  }
  return samples;
}
