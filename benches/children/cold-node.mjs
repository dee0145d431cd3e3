// One cold-start sample in a fresh Node process: import the contender, make
// its first call (network stubbed), print performance.now(), which counts from
// the process's time origin. Usage: node cold-node.mjs <contender> <op> <bodies.json>
import { benchFetch, setFetchTarget } from '../lib/global-fetch.mjs'; // first: before any contender loads
import { readFileSync } from 'node:fs';
import { makeStub } from '../lib/stub.mjs';
import { countUsers } from '../lib/count.mjs';

const [id, op, bodiesFile] = process.argv.slice(2);
setFetchTarget(makeStub(JSON.parse(readFileSync(bodiesFile, 'utf8'))));
const { create } = await import(`../contenders/${id}.mjs`);
const result = await create(benchFetch)[op]();
const ms = performance.now();
console.log(JSON.stringify({ ms, users: countUsers(result) }));
