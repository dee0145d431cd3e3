// The per-call benchmark's inner side, the same code in Node and in workerd:
// it holds the contenders' clients and runs one timed batch on request. The
// host side (percall-plan.mjs) decides the rounds and their order.

import { makeStub } from './stub.mjs';
import { countUsers } from './count.mjs';

export const EXPECTED = { clerkList: 100, clerkGet: 1, kindeList: 100, kindeGet: 1 };

// A batch runs for a fixed time rather than a fixed count: a count calibrated
// on a busy machine can come out far too small. Reading the clock once a call
// costs well under a microsecond, the same for every contender. `cpu()`,
// where the runtime has one, is read around the batch: the CPU time spent
// on it, which a machine shared with other jobs does not inflate the way it
// does the wall time.
async function timeBatch(fn, targetMs, now, cpu) {
  const c0 = cpu?.();
  const t0 = now();
  let n = 0;
  let t = t0;
  while (t - t0 < targetMs) {
    await fn();
    n++;
    t = now();
  }
  if (!cpu) return { n, ms: t - t0 };
  // Linux brings a running thread's CPU time up to date when it stops
  // running: a millisecond's sleep makes the second reading exact (a tick's
  // worth, up to 10 ms, can be missing otherwise).
  await new Promise((resolve) => setTimeout(resolve, 1));
  return { n, ms: t - t0, cpuMs: cpu() - c0 };
}

/**
 * `modules`: { [contenderId]: { create(fetch) } }; `benchFetch`: the global
 * dispatcher (global-fetch.mjs), handed to the contenders that take a fetch
 * option so that all of them call the same function. `quiet()`: run before
 * every batch, untimed, so that what one contender left behind (garbage,
 * timers, pending tasks) is not paid by the next: a short pause. `cpu()`:
 * the CPU time of the thread running the calls, in ms, where the runtime
 * tells it.
 * Returns `handle(msg)`, msg.cmd one of setup / batch / noop.
 */
export function createPerCallHandler(modules, benchFetch, setFetchTarget, now, { quiet = () => {}, cpu } = {}) {
  let fns = null; // op -> id -> () => Promise
  return async function handle(msg) {
    if (msg.cmd === 'setup') {
      setFetchTarget(makeStub(msg.bodies));
      fns = {};
      for (const [id, mod] of Object.entries(modules)) {
        const ops = mod.create(benchFetch);
        for (const [op, fn] of Object.entries(ops)) {
          if (msg.ops && !msg.ops.includes(op)) continue;
          // Each contender must return the parsed users, or it is not doing the same work.
          const got = countUsers(await fn());
          if (got !== EXPECTED[op]) throw new Error(`${id} ${op}: ${got} users, expected ${EXPECTED[op]}`);
          (fns[op] ??= {})[id] = fn;
        }
      }
      return { ops: Object.fromEntries(Object.entries(fns).map(([op, m]) => [op, Object.keys(m)])) };
    }
    if (msg.cmd === 'batch') {
      await quiet();
      return timeBatch(fns[msg.op][msg.id], msg.targetMs, now, cpu);
    }
    if (msg.cmd === 'noop') return {};
    throw new Error(`unknown command ${msg.cmd}`);
  };
}

/**
 * A pause of `ms` on the runtime's timers. Not a forced collection: V8
 * sweeps after one on its background threads, into the next batch.
 */
export function quietFor(ms) {
  return () => new Promise((resolve) => setTimeout(resolve, ms));
}
