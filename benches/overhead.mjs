#!/usr/bin/env node
// Per-call overhead of the client against plain `fetch` + `JSON.parse`, run
// side by side in one process, alternating, over three transports:
//   stub    an in-memory fetch returning a canned Response (overhead only)
//   fake    the in-process fake Kinde (idp-users/fake)
//   http    the fake Kinde HTTP server on 127.0.0.1, with the runtime's fetch
// Reports the median time per call of each and the ratio client / plain.
//
//   npm run build && node benches/overhead.mjs [--calls N] [--rounds N]
import { KindeUsersApi } from '../dist/node.mjs';
import { createFakeProviders } from '../dist/fake/index.js';
import { startFakeServer } from '../dist/fake/server.js';

const arg = (name, dflt) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const calls = arg('--calls', 2000);
const rounds = arg('--rounds', 15);
const USER = 'kp_fake_0001';

async function bench(label, fetchFn, domain, token, n) {
  const api = new KindeUsersApi({ domain, accessToken: token, fetch: fetchFn });
  const url = `${domain}/api/v1/user?id=${USER}`;
  const init = { method: 'GET', headers: { accept: 'application/json', authorization: `Bearer ${token}` } };
  const plain = async () => {
    const res = await fetchFn(url, init);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return JSON.parse(await res.text());
  };
  const client = () => api.getUserData(USER);
  const time = async (fn) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await fn();
    return Number(process.hrtime.bigint() - start) / n / 1000;
  };
  await time(plain);
  await time(client);
  // Rounds alternate the two sides; the ratio of each round is taken, and
  // the median over rounds is reported (robust to a noisy machine).
  const s = { plain: [], client: [], ratio: [] };
  for (let r = 0; r < rounds; r++) {
    const p = await time(plain);
    const c = await time(client);
    s.plain.push(p);
    s.client.push(c);
    s.ratio.push(c / p);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const p = median(s.plain);
  const c = median(s.client);
  console.log(`${label.padEnd(6)} plain ${p.toFixed(1).padStart(7)} µs   client ${c.toFixed(1).padStart(7)} µs   ratio ${median(s.ratio).toFixed(3)}x (median of ${rounds} rounds)`);
}

const body = JSON.stringify({ id: USER, preferred_email: 'ada.anderson@example.com', first_name: 'Ada', last_name: 'Anderson', is_suspended: false, total_sign_ins: 3, created_on: '2026-01-01T00:00:00.000Z' });
const stub = async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
const fake = createFakeProviders();
const server = await startFakeServer({ port: 0 });

console.log(`getUserData, ${calls} calls x ${rounds} rounds per side (http: ${Math.ceil(calls / 5)}), node ${process.version}; target ratio ≤ 1.25x`);
await bench('stub', stub, 'https://acme.kinde.com', 'bench-token', calls);
await bench('fake', fake.fetch, 'https://fake.kinde.com', fake.kinde.issueToken(), calls);
await bench('http', fetch, server.url, server.providers.kinde.issueToken(), Math.ceil(calls / 5));
await server.close();
