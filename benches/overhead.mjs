#!/usr/bin/env node
// Per-call overhead of the client against plain `fetch` + `JSON.parse`, run
// side by side in one process, alternating, over three transports:
//   stub    an in-memory fetch returning a canned Response (overhead only)
//   fake    the in-process fake Kinde (idp-users/fake)
//   http    the fake HTTP server on 127.0.0.1, with the runtime's fetch (a
//           fresh server per provider: an idle keep-alive socket closed by
//           the server while other benches ran would race the next request)
// Reports the median time per call of each and the ratio client / plain, for
// Kinde's getUserData and Clerk's getUserList (a filtered list: query
// encoding and a larger body).
//
//   npm run build && node benches/overhead.mjs [--calls N] [--rounds N]
import { ClerkUsersApi, KindeUsersApi } from '../dist/node.mjs';
import { createFakeProviders } from '../dist/fake/index.js';
import { startFakeServer } from '../dist/fake/server.js';

const arg = (name, dflt) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const calls = arg('--calls', 2000);
const rounds = arg('--rounds', 15);
const USER = 'kp_fake_0001';

async function bench(label, fetchFn, domain, token, n, withSignal = false) {
  const api = new KindeUsersApi({ domain, accessToken: token, fetch: fetchFn });
  const url = `${domain}/api/v1/user?id=${USER}`;
  const headers = { accept: 'application/json', authorization: `Bearer ${token}` };
  // With a caller's signal on both sides: what linking it to the call's own
  // cancellation costs (the plain side hands the signal to fetch as is).
  const signal = withSignal ? new AbortController().signal : undefined;
  const call = withSignal ? () => api.getUserData(USER, undefined, { signal }) : () => api.getUserData(USER);
  await compare(label, fetchFn, url, headers, call, n, signal);
}

const CLERK_EMAILS = ['ada.anderson@example.com', 'ben.brown@example.com'];

async function benchClerk(label, fetchFn, baseUrl, secretKey, n) {
  const api = new ClerkUsersApi({ secretKey, baseUrl, fetch: fetchFn });
  const url = `${baseUrl}/users?email_address=ada.anderson%40example.com&email_address=ben.brown%40example.com&limit=10`;
  const headers = { accept: 'application/json', 'clerk-api-version': '2026-05-12', authorization: `Bearer ${secretKey}` };
  await compare(label, fetchFn, url, headers, () => api.getUserList({ email_address: CLERK_EMAILS, limit: 10 }), n);
}

async function compare(label, fetchFn, url, headers, client, n, signal) {
  const init = { method: 'GET', headers, signal };
  const plain = async () => {
    const res = await fetchFn(url, init);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return JSON.parse(await res.text());
  };
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
  console.log(`${label.padEnd(11)} plain ${p.toFixed(1).padStart(7)} µs   client ${c.toFixed(1).padStart(7)} µs   ratio ${median(s.ratio).toFixed(3)}x (median of ${rounds} rounds)`);
}

const body = JSON.stringify({ id: USER, preferred_email: 'ada.anderson@example.com', first_name: 'Ada', last_name: 'Anderson', is_suspended: false, total_sign_ins: 3, created_on: '2026-01-01T00:00:00.000Z' });
const stub = async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
const fake = createFakeProviders();

console.log(`Kinde getUserData, ${calls} calls x ${rounds} rounds per side (http: ${Math.ceil(calls / 5)}), node ${process.version}; target ratio ≤ 1.25x`);
await bench('stub', stub, 'https://acme.kinde.com', 'bench-token', calls);
await bench('stub+signal', stub, 'https://acme.kinde.com', 'bench-token', calls, true);
await bench('fake', fake.fetch, 'https://fake.kinde.com', fake.kinde.issueToken(), calls);
let server = await startFakeServer({ port: 0 });
await bench('http', fetch, server.url, server.providers.kinde.issueToken(), Math.ceil(calls / 5));
await server.close();

const clerkBody = JSON.stringify((await new ClerkUsersApi({ secretKey: fake.clerk.secretKey, baseUrl: 'https://api.clerk.test/v1', fetch: fake.fetch }).getUserList({ email_address: CLERK_EMAILS })));
const clerkStub = async () => new Response(clerkBody, { status: 200, headers: { 'content-type': 'application/json' } });
console.log(`Clerk getUserList (two email_address filters, 2 users), same rounds`);
await benchClerk('stub', clerkStub, 'https://api.clerk.com/v1', 'sk_test_bench', calls);
await benchClerk('fake', fake.fetch, 'https://api.clerk.test/v1', fake.clerk.secretKey, calls);
server = await startFakeServer({ port: 0 });
await benchClerk('http', fetch, `${server.url}/v1`, server.providers.clerk.secretKey, Math.ceil(calls / 5));
await server.close();
