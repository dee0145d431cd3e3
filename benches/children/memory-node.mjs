// Memory in Node (run with --expose-gc), one measurement per process:
//   node --expose-gc memory-node.mjs calls <contender> <op> <N> <bodies.json>
//     heap (after gc) before and after N calls on the stub; wasm memory for idp-users
//   node --expose-gc memory-node.mjs iterate <clerk|kinde> <N>
//     for await over N users of the in-process fake (idp-users/fake), gc and a
//     sample every 10,000 users
import { benchFetch, setFetchTarget } from '../lib/global-fetch.mjs'; // first: before any contender loads
import { readFileSync } from 'node:fs';
import { makeStub } from '../lib/stub.mjs';
import { countUsers } from '../lib/count.mjs';

if (typeof gc !== 'function') throw new Error('run with --expose-gc');
const heap = () => {
  gc();
  gc(); // the second pass collects what the first one's finalizers released
  return process.memoryUsage().heapUsed;
};
const [mode, ...args] = process.argv.slice(2);
let wasmMemoryBytes = () => null;
let out;

if (mode === 'calls') {
  const [id, op, nStr, bodiesFile] = args;
  const n = Number(nStr);
  setFetchTarget(makeStub(JSON.parse(readFileSync(bodiesFile, 'utf8'))));
  if (id === 'idp-users') ({ wasmMemoryBytes } = await import('idp-users'));
  const fn = (await import(`../contenders/${id}.mjs`)).create(benchFetch)[op];
  countUsers(await fn()); // first call: token minted, code loaded
  const before = { heap: heap(), wasm: wasmMemoryBytes() };
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const s = (performance.now() - t0) / 1000;
  const after = { heap: heap(), wasm: wasmMemoryBytes() };
  out = { mode, id, op, n, seconds: s, before, after, rss: process.memoryUsage().rss };
} else if (mode === 'iterate') {
  const [provider, nStr] = args;
  const n = Number(nStr);
  const { createFakeProviders } = await import('idp-users/fake');
  const { ClerkUsersApi, KindeUsersApi } = await import('idp-users');
  wasmMemoryBytes = (await import('idp-users')).wasmMemoryBytes;
  const t0 = performance.now();
  const fake = createFakeProviders({ seed: n });
  const seedSeconds = (performance.now() - t0) / 1000;
  const client =
    provider === 'clerk'
      ? new ClerkUsersApi({ secretKey: fake.clerk.secretKey, baseUrl: 'https://api.clerk.test/v1', fetch: fake.fetch })
      : new KindeUsersApi({ domain: 'https://fake.kinde.com', clientId: fake.kinde.clientId, clientSecret: fake.kinde.clientSecret, fetch: fake.fetch });
  const iterable = provider === 'clerk' ? client.getUserList() : client.getUsers();
  // The fake logs every request (body included): not the client's memory, so it is emptied as it grows.
  const before = { heap: (fake.requests.length = 0, heap()), wasm: wasmMemoryBytes() };
  const samples = [];
  let count = 0;
  const t1 = performance.now();
  for await (const user of iterable) {
    if (typeof user.id !== 'string') throw new Error('not a user');
    if (++count % 10_000 === 0) {
      fake.requests.length = 0;
      samples.push({ count, heap: heap(), wasm: wasmMemoryBytes() });
    }
  }
  const s = (performance.now() - t1) / 1000;
  fake.requests.length = 0;
  const after = { heap: heap(), wasm: wasmMemoryBytes() };
  out = { mode, provider, n, count, seedSeconds, seconds: s, before, after, samples, rss: process.memoryUsage().rss };
} else throw new Error(`unknown mode ${mode}`);

console.log(JSON.stringify(out));
