// Per-call benchmark in Node, in a process of its own. Usage (from run.mjs):
//   node percall-node.mjs <config.json> <result.json>
// config: { bodiesFile, ops, contenders: [id], targetMs, warmup, rounds }
import { benchFetch, setFetchTarget } from '../lib/global-fetch.mjs'; // first: before any contender loads
import { readFileSync, writeFileSync } from 'node:fs';
import { createPerCallHandler } from '../lib/percall.mjs';
import { runPerCallPlan } from '../lib/percall-plan.mjs';

const [configFile, resultFile] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configFile, 'utf8'));
const bodies = JSON.parse(readFileSync(config.bodiesFile, 'utf8'));
const modules = {};
for (const id of config.contenders) modules[id] = await import(`../contenders/${id}.mjs`);

const handle = createPerCallHandler(modules, benchFetch, setFetchTarget, () => performance.now());
const samples = await runPerCallPlan(handle, { ...config, bodies, log: (s) => console.log(`[node] ${s}`) });
writeFileSync(resultFile, JSON.stringify({ runtime: `node ${process.version}`, samples }));
