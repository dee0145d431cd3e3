#!/usr/bin/env node
// The proofs of issue 16 against the HTTP fake, in workerd (Miniflare, the
// engine of `wrangler dev --local`), the Worker's process killed mid-job:
//
//   node tests/workflows/proof.mjs --full    100,000-user exports, a 20,000-user ban by four instances (minutes)
//   node tests/workflows/proof.mjs           the same at 5,000 users and a 2,000-user ban
//   --rate-limit R   the fake's limit per provider (default 100, Clerk's production 1,000 per 10 s)
//   --pace P         the pacer's rate per credential (default 0.95 R)
//   --fail-rate F    the fake's share of requests answered 500 (default 0.02)
//   --only export,ban  the proofs to run (default both)
//
// Steps that throw: the test Worker throws once in every step named in
// THROW_STEPS. The kill: SIGKILL to the Worker's process group (Miniflare and
// workerd) at about half of each job; the host is started again over its
// persisted state, the instances watched for 10 s, and, when they do not
// move, terminated and started again over their journals.
// Prints one line per figure and a JSON summary; exits 1 when a check fails.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFake } from '../jobs/harness.mjs';
import { banCounts, checkExport, secretsIn } from './checks.mjs';
import { bundleWorker, fakeVars, rateOf, startHost, waitFor } from './harness.mjs';

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const FULL = args.includes('--full');
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : ['export', 'ban'];
const R = flag('--rate-limit', 100);
const PACE = flag('--pace', Math.round(R * 0.95 * 100) / 100);
const FAIL = flag('--fail-rate', 0.02);
const SIZE = FULL ? { seed: 100_000, ban: 20_000 } : { seed: 5_000, ban: 2_000 };
const INSTANCES = 4;
const THROW_STEPS = '^(page-0000[3-5]|batch-0000[2-4])$';

const checks = [];
const figures = {};
const check = (ok, what) => {
  checks.push({ ok: Boolean(ok), what });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  return ok;
};
const log = (...a) => console.log(...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const t0 = Date.now();
log(`fake: --seed ${SIZE.seed} --rate-limit ${R} --fail-rate ${FAIL}; pacer ${PACE}/s per credential; steps throwing once: ${THROW_STEPS}`);
const fake = await startFake({ seed: SIZE.seed, rateLimit: R, failRate: FAIL });
log(`fake ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const bundle = bundleWorker();
const persist = mkdtempSync(join(tmpdir(), 'idp-wf-proof-'));
const vars = fakeVars(fake, { RATE: PACE, THROW_STEPS });
let host = await startHost({ outDir: bundle.outDir, persist, vars });

/**
 * Kills the Worker's process when `when()` is true, starts it again, and
 * for each of `ids` either sees it resume or terminates it and starts its
 * job again over its journal. Resolves to the ids to wait for.
 */
async function killAndRecover(ids, jobs, when) {
  while (!(await when())) await sleep(200);
  const before = {};
  for (const id of ids) before[id] = (await host.call(`/status/${id}`)).body.progress.done;
  await host.kill('SIGKILL');
  const killedAt = Date.now();
  host = await startHost({ outDir: bundle.outDir, persist, vars });
  const restartMs = Date.now() - killedAt;
  await sleep(10_000);
  const out = [];
  const seen = [];
  for (const [i, id] of ids.entries()) {
    const s = (await host.call(`/status/${id}`)).body;
    seen.push({ status: s.status, doneAtKill: before[id], doneAfter10s: s.progress.done });
    if (s.status === 'complete' || s.progress.done > before[id]) out.push(id);
    else {
      await host.call(`/control/${id}/cancel`);
      const r = await host.call('/start', { job: jobs[i], journal: id, id: randomUUID() });
      out.push(r.body.id);
    }
  }
  const resumed = seen.filter((s) => s.doneAfter10s > s.doneAtKill || s.status === 'complete').length;
  log(`killed the Worker (SIGKILL) with ${JSON.stringify(seen.map((s) => s.doneAtKill))} done; restarted in ${restartMs} ms; after 10 s: ${JSON.stringify(seen.map((s) => `${s.status} ${s.doneAfter10s}`))}; ${resumed} of ${ids.length} resumed by themselves, the others terminated and started again over their journals`);
  return { ids: out, resumed, seen, restartMs };
}

try {
  // 1. Export: Clerk NDJSON, killed at half.
  if (ONLY.includes('export')) {
    const job = { provider: 'clerk', select: { filters: {} }, action: { type: 'export', format: 'ndjson' } };
    const from = fake.answers.length;
    const started = Date.now();
    const first = (await host.call('/start', { job, id: randomUUID() })).body.id;
    const rec = await killAndRecover([first], [job], async () => (await host.call(`/status/${first}`)).body.progress.done >= SIZE.seed / 2);
    const s = await waitFor(host, rec.ids[0], { timeoutMs: 3_600_000, every: 1000 });
    const ms = Date.now() - started;
    check(s.status === 'complete', `clerk export: ${s.status}${s.error ? ` (${s.error.message})` : ''}`);
    const r = await checkExport(host, s, 'ndjson', fake.server.providers.clerk.users().map((u) => u.id));
    check(r.ok, `clerk NDJSON export of ${SIZE.seed} users, killed at half: every user exactly once in R2 (${r.message}; ${r.parts} parts, ${(r.bytes / 1e6).toFixed(1)} MB)`);
    const answers = fake.answers.slice(from).filter((a) => a.path.startsWith('/v1/'));
    figures.export = { provider: 'clerk', format: 'ndjson', users: SIZE.seed, seconds: +(ms / 1000).toFixed(1), parts: r.parts, bytes: r.bytes, steps: r.parts + 2, requests: answers.length, status500: answers.filter((a) => a.status === 500).length, status429: answers.filter((a) => a.status === 429).length, resumedByItself: rec.resumed === 1, restartMs: rec.restartMs };
    log(`export figures: ${JSON.stringify(figures.export)}`);
  }
  // 2. Export: Kinde CSV, no kill.
  if (ONLY.includes('export')) {
    const job = { provider: 'kinde', select: { filters: {} }, action: { type: 'export', format: 'csv' } };
    const from = fake.answers.length;
    const started = Date.now();
    const id = (await host.call('/start', { job, id: randomUUID() })).body.id;
    const s = await waitFor(host, id, { timeoutMs: 3_600_000, every: 1000 });
    const ms = Date.now() - started;
    const r = await checkExport(host, s, 'csv', fake.server.providers.kinde.users().map((u) => u.id));
    check(s.status === 'complete' && r.ok, `kinde CSV export of ${SIZE.seed} users: every user exactly once, one header row (${r.message})`);
    const answers = fake.answers.slice(from);
    figures.exportKinde = { provider: 'kinde', format: 'csv', users: SIZE.seed, seconds: +(ms / 1000).toFixed(1), parts: r.parts, bytes: r.bytes, requests: answers.length, tokenRequests: answers.filter((a) => a.path === '/oauth2/token').length };
    log(`kinde export figures: ${JSON.stringify(figures.exportKinde)}`);
  }
  // 3. Ban by four instances at once, killed at half.
  if (ONLY.includes('ban')) {
    const users = fake.server.providers.clerk.users();
    const bannedBefore = new Set(users.filter((u) => u.banned).map((u) => u.id));
    const ids = users.slice(0, SIZE.ban).map((u) => u.id);
    const per = Math.ceil(SIZE.ban / INSTANCES);
    const jobs = Array.from({ length: INSTANCES }, (_, k) => ({ provider: 'clerk', select: { ids: ids.slice(k * per, (k + 1) * per) }, action: { type: 'ban' }, pacing: { concurrency: 8, rate: PACE } }));
    const from = fake.answers.length;
    const started = Date.now();
    const firsts = [];
    for (const job of jobs) firsts.push((await host.call('/start', { job, id: randomUUID() })).body.id);
    const doneOf = async (list) => {
      let n = 0;
      for (const id of list) n += (await host.call(`/status/${id}`)).body.progress.done;
      return n;
    };
    const rec = await killAndRecover(firsts, jobs, async () => (await doneOf(firsts)) >= SIZE.ban / 2);
    const finals = [];
    for (const id of rec.ids) finals.push(await waitFor(host, id, { timeoutMs: 3_600_000, every: 1000 }));
    const ms = Date.now() - started;
    check(finals.every((s) => s.status === 'complete' && s.summary.failed === 0), `ban: all ${INSTANCES} instances complete, no item failed (${finals.map((s) => `${s.status} ${s.summary?.done}/${s.summary?.failed}`).join(', ')})`);
    const after = new Map(fake.server.providers.clerk.users().map((u) => [u.id, u]));
    const idSet = new Set(ids);
    check(ids.every((id) => after.get(id)?.banned === true), `every one of the ${SIZE.ban} users is banned`);
    check([...after.values()].filter((u) => !idSet.has(u.id)).every((u) => u.banned === bannedBefore.has(u.id)), 'no other user changed');
    const answers = fake.answers.slice(from).filter((a) => a.path.startsWith('/v1/'));
    const rate = rateOf(answers);
    check(rate.maxPerSecond <= R, `combined rate of the ${INSTANCES} instances from the fake's log: at most ${rate.maxPerSecond} requests in a calendar second (limit ${R}); busiest sliding second ${rate.maxSliding}; average ${rate.average}/s over ${rate.seconds} s`);
    const throttled = answers.filter((a) => a.status === 429).length;
    check(throttled / answers.length < 0.01, `${throttled} of ${answers.length} requests answered 429 (${((100 * throttled) / answers.length).toFixed(3)}%, under 1%)`);
    const counts = banCounts(fake.answers.slice(from));
    const twice = [...counts.applied.values()].filter((c) => c > 1).length;
    const maxApplied = Math.max(...counts.applied.values());
    check(maxApplied <= 2 && twice <= INSTANCES * 100, `no user's ban applied more than twice (max ${maxApplied}); ${twice} users applied twice — at most the ${INSTANCES} batches of 100 in flight at the kill`);
    figures.ban = { users: SIZE.ban, instances: INSTANCES, seconds: +(ms / 1000).toFixed(1), requests: answers.length, status429: throttled, status500: answers.filter((a) => a.status === 500).length, maxPerSecond: rate.maxPerSecond, maxSliding: rate.maxSliding, average: rate.average, appliedTwice: twice, stepsPerInstance: Math.ceil(per / 100) + 2, resumedByThemselves: rec.resumed };
    log(`ban figures: ${JSON.stringify(figures.ban)}`);
  }
  // 4. No secret anywhere.
  {
    const found = await secretsIn(host, [fake.env.CLERK_SECRET_KEY, fake.env.KINDE_CLIENT_SECRET]);
    check(found.hits.length === 0, `no secret in ${found.checked} R2 objects and job statuses`);
  }
} catch (e) {
  check(false, `the proof stopped: ${e?.stack ?? e}`);
} finally {
  await host.kill();
  await fake.close();
  bundle.remove();
  rmSync(persist, { recursive: true, force: true });
}
const failed = checks.filter((c) => !c.ok);
console.log(JSON.stringify({ full: FULL, rateLimit: R, pace: PACE, failRate: FAIL, seconds: +((Date.now() - t0) / 1000).toFixed(1), figures, checks: checks.length, failed: failed.length }, null, 1));
process.exit(failed.length ? 1 : 0);
