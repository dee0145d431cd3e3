// idp-users/workflows under Miniflare (workerd) against the HTTP fake: the
// proofs of issue 16 scaled down (proof.mjs runs them at full size), the
// pacer's behaviour, validation before any request, and no secret anywhere.
// One bundle, one fake (a rate limit, 2% of requests answered 500) and one
// Worker host for the file; each test works on users no other test touches.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startFake } from '../jobs/harness.mjs';
import { bundleWorker, fakeVars, rateOf, startHost, waitFor } from './harness.mjs';
import { checkExport, banCounts, secretsIn } from './checks.mjs';

const R = 100; // the fake's limit, requests per second per provider
const RATE = 95; // the pacer's rate: below R, so a request delayed in transit cannot push a second over it
const SEED = 2600;
let fake;
let bundle;
let host;
let persist;
let clerkIds; // seeded Clerk users, handed out in disjoint slices
const take = (n) => clerkIds.splice(0, n);

before(async () => {
  fake = await startFake({ seed: SEED, rateLimit: R, failRate: 0.02 });
  clerkIds = fake.server.providers.clerk.users().map((u) => u.id);
  bundle = bundleWorker();
  persist = mkdtempSync(join(tmpdir(), 'idp-wf-state-'));
  // Steps that throw once each: an export page, a selection page, a batch.
  host = await startHost({ outDir: bundle.outDir, persist, vars: fakeVars(fake, { RATE, THROW_STEPS: '^(page-00001|select-00000|batch-00002)$' }) });
});

after(async () => {
  await host?.kill();
  await fake?.close();
  bundle?.remove();
  if (persist) rmSync(persist, { recursive: true, force: true });
});

const start = async (job, extra = {}) => {
  const r = await host.call(`/start${extra.small ? '?small=1' : ''}`, { job, id: randomUUID(), ...extra });
  assert.equal(r.status, 200, r.text);
  return r.body.id;
};

test('an export lands in R2 every user exactly once (a page step that throws, 2% of requests failing)', async () => {
  const id = await start({ provider: 'clerk', select: { filters: {} }, action: { type: 'export', format: 'ndjson' } });
  const status = await waitFor(host, id);
  assert.equal(status.status, 'complete', JSON.stringify(status.error));
  const r = await checkExport(host, status, 'ndjson', fake.server.providers.clerk.users().map((u) => u.id));
  assert.ok(r.ok, r.message);
  assert.equal(status.summary.export.users, SEED);
  assert.equal(status.progress.done, SEED);
  // The download route: the parts concatenated.
  const whole = await host.call(`/export/${id}`);
  assert.equal(whole.text.split('\n').filter(Boolean).length, SEED);
});

test('a Kinde CSV export: one header row, every user once', async () => {
  const id = await start({ provider: 'kinde', select: { filters: {} }, action: { type: 'export', format: 'csv' } });
  const status = await waitFor(host, id);
  assert.equal(status.status, 'complete', JSON.stringify(status.error));
  const r = await checkExport(host, status, 'csv', fake.server.providers.kinde.users().map((u) => u.id));
  assert.ok(r.ok, r.message);
  // A part missing from the bucket: the download fails, it does not end short.
  const whole = await host.call(`/export-read/${id}`);
  assert.equal(whole.body.ok, true, whole.text);
  const gone = status.exports[status.exports.length - 1].key;
  assert.equal((await host.call(`/r2/delete?key=${encodeURIComponent(gone)}`, {})).status, 200);
  const cut = await host.call(`/export-read/${id}`);
  assert.equal(cut.body.ok, false, cut.text);
  assert.match(cut.body.message, /missing from the bucket/);
});

test('two instances banning at once stay under the credential rate together; every user banned, none applied twice', async () => {
  const a = take(200);
  const b = take(200);
  const from = fake.answers.length;
  const [ia, ib] = await Promise.all([start({ provider: 'clerk', select: { ids: a }, action: { type: 'ban' } }), start({ provider: 'clerk', select: { ids: b }, action: { type: 'ban' } })]);
  const [sa, sb] = await Promise.all([waitFor(host, ia), waitFor(host, ib)]);
  for (const s of [sa, sb]) {
    assert.equal(s.status, 'complete', JSON.stringify(s.error));
    assert.equal(s.summary.done, 200);
    assert.equal(s.summary.failed, 0);
  }
  const answers = fake.answers.slice(from).filter((x) => x.path.startsWith('/v1/'));
  const rate = rateOf(answers);
  assert.ok(rate.maxPerSecond <= R, `at most ${R} requests in any second: ${JSON.stringify(rate)}`);
  const throttled = answers.filter((x) => x.status === 429).length;
  assert.ok(throttled / answers.length < 0.01, `${throttled} of ${answers.length} answered 429`);
  const users = new Map(fake.server.providers.clerk.users().map((u) => [u.id, u]));
  assert.ok([...a, ...b].every((x) => users.get(x).banned), 'every user banned');
  const counts = banCounts(fake.answers.slice(from));
  assert.ok(Math.max(...counts.applied.values()) === 1, 'each ban applied once (no step ran twice here)');
});

test('an invalid job is a validation error before any request; through create() the instance errors at its plan step', async () => {
  const from = fake.answers.length;
  const bad = await host.call('/start', { id: randomUUID(), job: { provider: 'clerk', select: { ids: [''] }, action: { type: 'ban' } } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.kind, 'validation');
  assert.equal(bad.body.error.param, 'select.ids[0]');
  const badJournal = await host.call('/start', { id: randomUUID(), job: { provider: 'clerk', select: { ids: ['x'] }, action: { type: 'ban' } }, journal: '../other' });
  assert.equal(badJournal.status, 400);
  assert.equal(badJournal.body.error.param, 'journal');
  const raw = await host.call('/start', { raw: true, id: randomUUID(), job: { provider: 'kinde', select: { ids: ['x'] }, action: { type: 'ban' } } });
  const status = await waitFor(host, raw.body.id);
  assert.equal(status.status, 'errored');
  assert.match(status.error.message, /ban is Clerk's/);
  assert.equal(fake.answers.length, from, 'no request reached the fake');
});

test('terminated mid-job and started again over its journal: finished batches are not sent again', async () => {
  const ids = take(400);
  const from = fake.answers.length;
  const first = await start({ provider: 'clerk', select: { ids }, action: { type: 'ban' } });
  await waitFor(host, first, { until: (s) => s.progress.done >= 100, every: 50 });
  const stopped = await host.call(`/control/${first}/cancel`);
  assert.equal(stopped.body.status, 'terminated');
  const doneAtStop = (await host.call(`/status/${first}`)).body.progress.done;
  const second = await start({ provider: 'clerk', select: { ids }, action: { type: 'ban' } }, { journal: first });
  const s = await waitFor(host, second);
  assert.equal(s.status, 'complete', JSON.stringify(s.error));
  assert.equal(s.summary.done, 400);
  const users = new Map(fake.server.providers.clerk.users().map((u) => [u.id, u]));
  assert.ok(ids.every((x) => users.get(x).banned));
  const counts = banCounts(fake.answers.slice(from));
  const twice = [...counts.applied.values()].filter((c) => c > 1).length;
  // Only the batch in flight at the stop (25 users) may be applied twice.
  assert.ok(twice <= 25, `${twice} users applied twice (done at stop: ${doneAtStop})`);
  assert.ok(Math.max(...counts.applied.values()) <= 2);
});

test('a job over another job\'s journal is refused', async () => {
  const ids = take(5);
  const first = await start({ provider: 'clerk', select: { ids }, action: { type: 'ban' } });
  await waitFor(host, first);
  const other = await start({ provider: 'clerk', select: { ids }, action: { type: 'unban' } }, { journal: first });
  const s = await waitFor(host, other);
  assert.equal(s.status, 'errored');
  assert.match(s.error.message, /belongs to another job/);
});

test('a job beyond one instance\'s step budget fans out into child instances, each user banned once', async () => {
  const ids = take(600); // UsersJobSmall: 30 steps, 10 users a batch → 250 users a child
  const from = fake.answers.length;
  const parent = await start({ provider: 'clerk', select: { ids }, action: { type: 'ban' } }, { small: true });
  const s = await waitFor(host, parent, { small: true, timeoutMs: 180_000 });
  assert.equal(s.status, 'complete', JSON.stringify(s.error));
  assert.equal(s.summary.children.length, 3);
  assert.equal(s.summary.done, 600);
  assert.equal(s.progress.done, 600);
  const counts = banCounts(fake.answers.slice(from));
  assert.equal(counts.applied.size, 600);
  const users = new Map(fake.server.providers.clerk.users().map((u) => [u.id, u]));
  assert.ok(ids.every((x) => users.get(x).banned));
  assert.ok(Math.max(...counts.applied.values()) === 1, 'no user banned by two children');
});

let pacerTestName; // its bucket is checked again after the Worker's restart below

test('UsersPacer: evenly spaced slots, 429 pauses (Retry-After, RateLimit-Reset), a bucket per name', async () => {
  const name = `test:${Date.now()}`;
  pacerTestName = name;
  const slots = [];
  // At 2 a second, so that a loaded machine's slow calls (up to 500 ms each) still come before their slots.
  for (let i = 0; i < 5; i++) slots.push((await host.call('/pacer/reserve', { name, rate: 2 })).body);
  // Slots 500 ms apart, however fast the calls came; the first one now.
  assert.equal(slots[0].waitMs, 0);
  for (let i = 1; i < 5; i++) assert.equal(slots[i].at - slots[i - 1].at, 500, `slots ${JSON.stringify(slots)}`);
  assert.ok(slots[4].waitMs > 1000, `the fifth slot is ahead: ${JSON.stringify(slots)}`);
  const other = await host.call('/pacer/reserve', { name: `${name}-b`, rate: 2 });
  assert.equal(other.body.waitMs, 0, 'another credential has its own bucket');
  await host.call('/pacer/report', { name, headers: { 'retry-after': '3' } });
  const afterRetry = (await host.call('/pacer/reserve', { name, rate: 2 })).body.waitMs;
  assert.ok(afterRetry > 2500 && afterRetry <= 3100, `after Retry-After: 3 the next slot waits ${afterRetry} ms`);
  const n2 = `${name}-c`;
  await host.call('/pacer/report', { name: n2, headers: { 'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 5) } });
  const afterReset = (await host.call('/pacer/reserve', { name: n2, rate: 10 })).body.waitMs;
  assert.ok(afterReset > 3000 && afterReset <= 5100, `after an epoch RateLimit-Reset 5 s ahead: ${afterReset} ms`);
  const bad = await host.call('/pacer/reserve', { name, rate: -1 });
  assert.equal(bad.status, 400);
  const stats = (await host.call('/pacer/stats', { name })).body;
  assert.equal(stats.requests, 6);
  assert.equal(stats.throttled, 1);
  // The credential's pacer is named by a hash.
  const cred = (await host.call('/pacer/name', { provider: 'clerk' })).body.name;
  assert.match(cred, /^clerk:[0-9a-f]{64}$/);
  assert.ok(!cred.includes(fake.env.CLERK_SECRET_KEY));
});

test('a Worker process killed mid-job: the instance is started again over its journal (or resumes), nothing lost, finished batches not redone', async (t) => {
  const ids = take(400);
  const from = fake.answers.length;
  const first = await start({ provider: 'clerk', select: { ids }, action: { type: 'ban' } });
  await waitFor(host, first, { until: (s) => s.progress.done >= 100, every: 50 });
  await host.kill('SIGKILL');
  host = await startHost({ outDir: bundle.outDir, persist, vars: fakeVars(fake, { RATE, THROW_STEPS: '^(page-00001|select-00000|batch-00002)$' }) });
  // The pacer's SQLite state outlived the process.
  const kept = (await host.call('/pacer/stats', { name: pacerTestName })).body;
  assert.equal(kept.requests, 6, `the pacer kept its counts across the restart: ${JSON.stringify(kept)}`);
  const atRestart = (await host.call(`/status/${first}`)).body;
  // Up to 2 s for the instance to show it resumed by itself (done, or more done than at the restart).
  const moved = (s) => s.status === 'complete' || s.progress.done > atRestart.progress.done;
  const later = await waitFor(host, first, { until: moved, timeoutMs: 2000, every: 100 }).catch(async () => (await host.call(`/status/${first}`)).body);
  let final;
  if (moved(later)) {
    t.diagnostic(`the instance resumed by itself after the restart (${atRestart.status}, ${atRestart.progress.done} done)`);
    final = await waitFor(host, first);
  } else {
    t.diagnostic(`after the restart the instance reports ${later.status} and makes no progress (${later.progress.done} done): terminated and started again over its journal`);
    await host.call(`/control/${first}/cancel`);
    final = await waitFor(host, await start({ provider: 'clerk', select: { ids }, action: { type: 'ban' } }, { journal: first }));
  }
  assert.equal(final.status, 'complete', JSON.stringify(final.error));
  assert.equal(final.summary.done, 400);
  const users = new Map(fake.server.providers.clerk.users().map((u) => [u.id, u]));
  assert.ok(ids.every((x) => users.get(x).banned));
  const counts = banCounts(fake.answers.slice(from));
  assert.ok([...counts.applied.values()].filter((c) => c > 1).length <= 25);
});

test('no secret in any status, error or R2 object', async () => {
  const secrets = [fake.env.CLERK_SECRET_KEY, fake.env.KINDE_CLIENT_SECRET];
  const found = await secretsIn(host, secrets);
  assert.ok(found.checked > 10, `checked ${found.checked} objects`);
  assert.deepEqual(found.hits, []);
});

test('outside workerd, importing idp-users/workflows fails with a message that says where it runs', async () => {
  // The bundle's project has the package installed as a user has it.
  const file = join(bundle.work, 'node-import.mjs');
  writeFileSync(file, "export * from 'idp-users/workflows';\n");
  await assert.rejects(import(pathToFileURL(file).href), /runs only in Cloudflare Workers \(workerd[^]*runJob/);
});
