// Per-call benchmark in Node, in a process of its own. Usage (from run.mjs):
//   node percall-node.mjs <config.json> <result.json>
// config: { bodiesFile, ops, contenders: [id], targetMs, warmup, rounds, quietMs }
import { benchFetch, setFetchTarget } from '../lib/global-fetch.mjs'; // first: before any contender loads
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createPerCallHandler, quietFor } from '../lib/percall.mjs';
import { runPerCallPlan } from '../lib/percall-plan.mjs';

const [configFile, resultFile] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configFile, 'utf8'));
const bodies = JSON.parse(readFileSync(config.bodiesFile, 'utf8'));
const modules = {};
for (const id of config.contenders) modules[id] = await import(`../contenders/${id}.mjs`);

// CPU time of the main thread, the one that runs the calls, in ms: in
// nanoseconds from Linux's /proc (V8's background threads, compiling and
// collecting, come in bursts that land in whichever batch is running);
// elsewhere the whole process's (process.cpuUsage, µs).
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const cpu = existsSync(schedstat)
  ? () => Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6
  : () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
const handle = createPerCallHandler(modules, benchFetch, setFetchTarget, () => performance.now(), { quiet: quietFor(config.quietMs), cpu });
const samples = await runPerCallPlan(handle, { ...config, bodies, log: (s) => console.log(`[node] ${s}`) });
writeFileSync(resultFile, JSON.stringify({ runtime: `node ${process.version}`, samples }));
