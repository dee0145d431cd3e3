#!/usr/bin/env node
// The proofs of issue 15 against the HTTP fake (seeded users, a rate limit,
// 2% of requests answered 500, 20 ms latency), each a function the test
// file (tests/jobs/jobs.test.mjs) runs scaled down and this script runs at
// full size:
//
//   node tests/jobs/proof.mjs --full     20,000-user exports, 5,000 bans and deletes (several minutes)
//   node tests/jobs/proof.mjs            the scaled-down sizes of the test
//   --runtime node20,node22,node24,deno,bun   (repeatable) the runtimes to run the command in:
//       node20 (the default) is dist/cli.js with the Node running this script;
//       the others are the packed package's node_modules/.bin/idp-users
//
// With --full, BENCHMARKS.md section 6 gets the rows of each runtime whose
// checks all passed (the other runtimes' recorded rows are kept).
// Prints one line per figure and a JSON summary; exits 1 when a check fails.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNTIMES, dist, envFile, fromDist, journalCounts, packedCli, root, runCli, runtimeVersion, startFake } from './harness.mjs';

export const FULL = { exportUsers: 20_000, actionUsers: 5_000, rate: 100, concurrency: 8, exportRate: 100, copyUsers: 1_000 };
export const SCALED = { exportUsers: 2_000, actionUsers: 500, rate: 200, concurrency: 8, exportRate: 20, copyUsers: 100 };
const LOAD = { failRate: 0.02, latencyMs: 20 };

function check(checks, ok, what) {
  checks.push({ ok: Boolean(ok), what });
  return ok;
}

/**
 * Export of `n` users of `provider` in `format` with --journal and --out,
 * SIGKILLed after about half of its pages and run again: every user once.
 */
export async function exportProof({ provider, format, n, rate, cli = {} }) {
  const fake = await startFake({ seed: n, rateLimit: rate, ...LOAD });
  const dir = mkdtempSync(join(tmpdir(), 'idp-jobs-export-'));
  const checks = [];
  try {
    const env = envFile(dir, fake.env);
    const out = join(dir, `users.${format}`);
    const journal = join(dir, 'journal.ndjson');
    const args = [provider, 'export', '--format', format, '--out', out, '--journal', journal, '--rate', String(rate), '--env-file', env];
    const pages = Math.ceil(n / 500);
    const first = await runCli(args, { journal, killWhen: (t) => journalCounts(t).pages >= Math.max(1, Math.floor(pages / 2)), ...cli });
    const pagesAtKill = journalCounts(readFileSync(journal, 'utf8')).pages;
    check(checks, first.signal === 'SIGKILL', `${provider} ${format} export: the first run was killed (${first.signal ?? `exit ${first.code}`}) after ${pagesAtKill} of ${pages} pages`);
    const second = await runCli(args, cli);
    check(checks, second.code === 0, `the rerun with the same journal exits 0 (got ${second.code}; ${second.stderr.trim().split('\n').pop() ?? ''})`);
    const text = readFileSync(out, 'utf8');
    const lines = text.split('\n').filter(Boolean);
    let ids;
    if (format === 'ndjson') ids = lines.map((l) => JSON.parse(l).id);
    else {
      const rows = text.split('\r\n').filter(Boolean);
      check(checks, rows[0].startsWith('id,'), 'the CSV starts with its header row, once');
      check(checks, rows.filter((r) => r.startsWith('id,')).length === 1, 'the header row appears once');
      ids = rows.slice(1).map((r) => r.split(',')[0]);
    }
    const unique = new Set(ids);
    check(checks, ids.length === n && unique.size === n, `every user exactly once: ${ids.length} rows, ${unique.size} distinct ids of ${n}`);
    const summary = JSON.parse(second.stderr.slice(second.stderr.indexOf('{')) || second.stdout);
    return { checks, figures: { provider, format, users: n, killedAfterPages: pagesAtKill, peakRssMbKilled: +(first.peakRssKb / 1024).toFixed(1), peakRssMbResume: +(second.peakRssKb / 1024).toFixed(1), bytes: summary.export?.bytes } };
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Memory of an export of `n` users without a kill: the child's peak RSS. */
export async function exportMemory({ n, rate, cli = {} }) {
  const fake = await startFake({ seed: n, rateLimit: rate, ...LOAD });
  const dir = mkdtempSync(join(tmpdir(), 'idp-jobs-mem-'));
  try {
    const r = await runCli(['clerk', 'export', '--format', 'ndjson', '--out', join(dir, 'u.ndjson'), '--rate', String(rate), '--env-file', envFile(dir, fake.env)], cli);
    // Flat memory: the second half of the run peaks no higher than the first half (plus GC noise).
    const half = Math.floor(r.rss.length / 2);
    const peak = (xs) => +(Math.max(...xs) / 1024).toFixed(1);
    return { users: n, code: r.code, peakRssMb: +(r.peakRssKb / 1024).toFixed(1), firstHalfPeakMb: peak(r.rss.slice(0, half)), secondHalfPeakMb: peak(r.rss.slice(half)) };
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A bulk action (`ban` or `delete`) over `n` Clerk ids at --rate equal to
 * the fake's limit, SIGKILLed about halfway, run again with the same journal.
 */
export async function actionProof({ verb, n, rate, concurrency, cli = {} }) {
  const seed = n + 50; // some users the job does not touch
  const fake = await startFake({ seed, rateLimit: rate, ...LOAD });
  const dir = mkdtempSync(join(tmpdir(), `idp-jobs-${verb}-`));
  const checks = [];
  try {
    const env = envFile(dir, fake.env);
    const ids = fake.server.providers.clerk.users().slice(0, n).map((u) => u.id);
    const bannedBefore = new Set(fake.server.providers.clerk.users().filter((u) => u.banned).map((u) => u.id));
    const idsFile = join(dir, 'ids.txt');
    writeFileSync(idsFile, `${ids.join('\n')}\n`);
    const journal = join(dir, 'journal.ndjson');
    const args = ['clerk', verb, '--ids', idsFile, '--journal', journal, '--rate', String(rate), '--concurrency', String(concurrency), '--env-file', env];
    const t0 = Date.now();
    const first = await runCli(args, { journal, killWhen: (t) => journalCounts(t).done >= n / 2, ...cli });
    const t1 = Date.now();
    const atKill = journalCounts(readFileSync(journal, 'utf8'));
    check(checks, first.signal === 'SIGKILL', `${verb}: the first run was killed (${first.signal ?? `exit ${first.code}`}) with ${atKill.done} done, ${atKill.started - atKill.done - atKill.failed} in flight`);
    const before = fake.answers.length;
    const second = await runCli(args, cli);
    const t2 = Date.now();
    const summary = JSON.parse(second.stdout);
    check(checks, second.code === 0, `the rerun exits 0 (got ${second.code})`);
    check(checks, summary.done === n && summary.failed === 0, `the summary counts ${summary.done} done, ${summary.failed} failed, of ${n}`);
    const gone = readFileSync(journal, 'utf8').split('\n').filter((l) => l.includes('"outcome":"gone"')).length;
    const users = new Map(fake.server.providers.clerk.users().map((u) => [u.id, u]));
    const idSet = new Set(ids);
    if (verb === 'ban') {
      check(checks, ids.every((id) => users.get(id)?.banned === true), 'every selected user is banned');
      check(checks, [...users.values()].filter((u) => !idSet.has(u.id)).every((u) => u.banned === bannedBefore.has(u.id)), 'no other user changed');
    } else {
      check(checks, ids.every((id) => !users.has(id)), 'every selected user is gone');
      check(checks, users.size === seed - n, 'the other users remain');
      check(checks, summary.failed === 0, `no item failed because it was already gone (${gone} counted done as gone)`);
    }
    // The request log: each user's action requests, all and those applied (2xx).
    const method = verb === 'ban' ? 'POST' : 'DELETE';
    const sent = new Map();
    const applied = new Map();
    for (const a of fake.answers) {
      const m = verb === 'ban' ? /^\/v1\/users\/([^/]+)\/ban$/.exec(a.path) : /^\/v1\/users\/([^/]+)$/.exec(a.path);
      if (!m || a.method !== method) continue;
      sent.set(m[1], (sent.get(m[1]) ?? 0) + 1);
      if (a.status < 300) applied.set(m[1], (applied.get(m[1]) ?? 0) + 1);
    }
    const maxApplied = Math.max(...applied.values());
    const maxSent = Math.max(...sent.values());
    const overTwice = [...sent.values()].filter((c) => c > 2).length;
    check(checks, maxApplied <= 2, `no user's ${verb} was applied more than twice (max ${maxApplied}); requests per user: max ${maxSent}, ${overTwice} users above 2 (each extra one answered 500 or 429 before the fake acted)`);
    const throttled = fake.answers.filter((a) => a.status === 429).length;
    const share = throttled / fake.answers.length;
    check(checks, share < 0.01, `${throttled} of ${fake.answers.length} requests answered 429 (${(share * 100).toFixed(2)}%, under 1%)`);
    const firstReqs = before;
    const secondReqs = fake.answers.length - before;
    const achieved = (firstReqs + secondReqs) / ((t1 - t0 + (t2 - t1)) / 1000);
    return {
      checks,
      figures: {
        verb,
        users: n,
        rate,
        concurrency,
        doneAtKill: atKill.done,
        requests: fake.answers.length,
        throttled,
        status500: fake.answers.filter((a) => a.status === 500).length,
        maxRequestsPerUser: maxSent,
        maxAppliedPerUser: maxApplied,
        goneOnResume: gone,
        // Wall time includes each process's start; the run's own figure is in its summary.
        achievedPerSecond: +achieved.toFixed(1),
        resumeRunPerSecond: summary.run.requestsPerSecond,
        ratioOfAllowed: +(summary.run.requestsPerSecond / rate).toFixed(3),
      },
    };
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Copy Kinde → Clerk of `n` users and back (needs dist/jobs/copy.js): a
 * dry run sends no write, a sample compares field by field, a second run
 * creates nothing.
 */
export async function copyProof({ n, rate, concurrency, cli = {} }) {
  // Seeded through the API with the load controls off, then turned on.
  const fake = await startFake({ seed: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'idp-jobs-copy-'));
  const checks = [];
  try {
    const { KindeUsersApi } = await fromDist('node.mjs');
    // n Kinde users to copy (the fake's Clerk side starts empty: seed 0).
    const kinde = new KindeUsersApi(fake.config.kinde);
    for (let i = 0; i < n; i++) {
      await kinde.createUser({
        profile: { given_name: `Given${i}`, family_name: `Family${i}` },
        identities: [{ type: 'email', is_verified: true, details: { email: `copy${i}@example.com` } }],
      });
    }
    kinde.free();
    fake.server.providers.setControls({ rateLimit: rate, ...LOAD });
    const env = envFile(dir, fake.env);
    const writes = () => fake.answers.filter((a) => a.method !== 'GET' && !a.path.startsWith('/oauth2')).length;
    const w0 = writes();
    const dry = await runCli(['copy', '--from', 'kinde', '--to', 'clerk', '--dry-run', '--rate', String(rate), '--env-file', env], cli);
    check(checks, dry.code === 0 && writes() === w0, `--dry-run exits 0 (${dry.code}) and sends no write (${writes() - w0} sent)`);
    const drySummary = JSON.parse(dry.stdout);
    check(checks, Array.isArray(drySummary.sample) && drySummary.sample.length > 0 && drySummary.sample[0].mapping, 'the dry run prints the mapping of a sample');
    const journal = join(dir, 'copy.ndjson');
    const args = ['copy', '--from', 'kinde', '--to', 'clerk', '--journal', journal, '--rate', String(rate), '--concurrency', String(concurrency), '--env-file', env];
    const first = await runCli(args, cli);
    const s1 = JSON.parse(first.stdout);
    const clerkUsers = fake.server.providers.clerk.users();
    check(checks, first.code === 0 && s1.done === n && clerkUsers.length === n, `Kinde → Clerk: ${s1.done} done, ${clerkUsers.length} Clerk users (exit ${first.code})`);
    const kindeUsers = fake.server.providers.kinde.users();
    const byExternal = new Map(clerkUsers.map((u) => [u.external_id, u]));
    let mismatches = 0;
    for (const k of kindeUsers.slice(0, 20)) {
      const c = byExternal.get(k.id);
      const email = c?.email_addresses?.[0];
      if (!c || c.first_name !== k.first_name || c.last_name !== k.last_name || email?.email_address !== k.email) mismatches++;
    }
    check(checks, mismatches === 0, `a sample of 20: first name, last name, email and external id (= the Kinde id) match (${mismatches} mismatches)`);
    const w1 = writes();
    const again = await runCli(['copy', '--from', 'kinde', '--to', 'clerk', '--rate', String(rate), '--concurrency', String(concurrency), '--env-file', env], cli);
    const s2 = JSON.parse(again.stdout);
    const figures = { users: n, created: s1.done, secondRunDone: s2.done, writesOfSecondRun: writes() - w1 };
    check(checks, again.code === 0 && fake.server.providers.clerk.users().length === n && writes() === w1, `a second run (new journal) creates nothing: ${fake.server.providers.clerk.users().length} Clerk users, ${writes() - w1} writes`);
    // And back, into an empty Kinde (a second fake): Clerk's copies become Kinde users again.
    const fakeB = await startFake({ seed: 0, rateLimit: rate, ...LOAD });
    try {
      const envBack = envFile(join(dir, 'back'), { ...fake.env, KINDE_DOMAIN: fakeB.env.KINDE_DOMAIN });
      const backArgs = ['copy', '--from', 'clerk', '--to', 'kinde', '--rate', String(rate), '--concurrency', String(concurrency), '--env-file', envBack];
      const back = await runCli(backArgs, cli);
      const s3 = JSON.parse(back.stdout);
      if (s3.failed) console.error(JSON.stringify(s3.failures[0]));
      const kindeBack = fakeB.server.providers.kinde.users();
      check(checks, back.code === 0 && s3.failed === 0 && kindeBack.length === n, `Clerk → Kinde: exit ${back.code}, ${s3.done} done, ${s3.failed} failed, ${kindeBack.length} Kinde users`);
      const original = new Map(kindeUsers.map((k) => [k.email, k]));
      let backMismatches = 0;
      for (const k of kindeBack.slice(0, 20)) {
        const o = original.get(k.email);
        if (!o || o.first_name !== k.first_name || o.last_name !== k.last_name) backMismatches++;
      }
      check(checks, backMismatches === 0, `a sample of 20 copied back: email, first and last name equal the original Kinde user's (${backMismatches} mismatches)`);
      const again2 = await runCli(backArgs, cli);
      check(checks, again2.code === 0 && fakeB.server.providers.kinde.users().length === n, `a second Clerk → Kinde run creates nothing (${fakeB.server.providers.kinde.users().length} Kinde users)`);
      figures.back = s3.done;
    } finally {
      await fakeB.close();
    }
    return { checks, figures };
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const BENCHMARKS = join(root, 'BENCHMARKS.md');
const SECTION = /\n<!-- jobs-proof:start -->[\s\S]*<!-- jobs-proof:end -->\n/;
const DATA = /^<!-- jobs-proof:data (\{.*\}) -->$/gm;

/**
 * The runs recorded in BENCHMARKS.md section 6, one per runtime: each is
 * kept as a JSON comment line in the section, so a run of some runtimes
 * replaces their rows and keeps the others'.
 */
export function recordedRuns(text = readFileSync(BENCHMARKS, 'utf8')) {
  const section = SECTION.exec(text)?.[0] ?? '';
  return [...section.matchAll(DATA)].map((m) => JSON.parse(m[1]));
}

const num = (x) => (x ?? 0).toLocaleString('en');

/** Section 6 from `runs` (one per runtime, in RUNTIMES order). */
export function renderSection(runs) {
  const order = Object.keys(RUNTIMES);
  runs = [...runs].sort((a, b) => order.indexOf(a.runtime) - order.indexOf(b.runtime));
  const rows = (fn) => runs.map(fn).filter(Boolean).join('\n');
  const action = (run, verb) => {
    const f = run.figures[verb];
    return `| ${run.runtime} | ${verb} | ${num(f.users)} | ${f.rate} | ${num(f.requests)} | ${f.throttled} (${((f.throttled / f.requests) * 100).toFixed(2)}%) | ${f.status500} | ${f.maxAppliedPerUser} / ${f.maxRequestsPerUser} | ${f.goneOnResume} | ${f.resumeRunPerSecond} | **${f.ratioOfAllowed}** |`;
  };
  const exp = (run, key, name) => {
    const f = run.figures[key];
    return `| ${run.runtime} | ${name} | ${num(f.users)} | ${f.killedAfterPages} | ${num(f.bytes)} | ${f.peakRssMbKilled} / ${f.peakRssMbResume} |`;
  };
  const mem = (run) => {
    const [a, b, c] = ['memory 1/10', 'memory full', 'memory 3x'].map((k) => run.figures[k]);
    return `| ${run.runtime} | ${a.peakRssMb} | ${b.peakRssMb} | ${c.peakRssMb} | ${c.firstHalfPeakMb} / ${c.secondHalfPeakMb} |`;
  };
  const copy = (run) => {
    const f = run.figures.copy;
    return f && `| ${run.runtime} | ${num(f.users)} | 0 | ${num(f.created)} | ${f.writesOfSecondRun} | ${num(f.back)} | 0 |`;
  };
  const first = runs[0]?.figures ?? {};
  const users = (key) => num(first[key]?.users);
  const throttled = runs.reduce((t, r) => t + r.figures.ban.throttled + r.figures.delete.throttled, 0);
  return `
<!-- jobs-proof:start -->
## 6. Jobs (\`idp-users/jobs\`, the \`idp-users\` command)

Written by \`node tests/jobs/proof.mjs --full [--runtime node20,node22,node24,deno,bun]\`, one row per runtime per proof; a run replaces the rows of the runtimes it ran and keeps the others (each runtime's figures are kept as a comment line at the end of this section). The HTTP fake in the test process (\`startFakeServer\`, so its request log and answers can be read) with \`--rate-limit R --fail-rate 0.02 --latency-ms 20\`; the command in a child process, SIGKILLed once about half the work is journaled, then run again with the same journal. node20 runs \`dist/cli.js\` with the Node that runs the script; the others run the package as a user gets it (\`npm pack dist\` installed into a temporary project) as \`node_modules/.bin/idp-users\`, under \`node\`, \`deno run -A\` or \`bun\`. The same 2-core machine, shared with other work.

| runtime | version | the command run | written by | at (UTC) |
|---|---|---|---|---|
${rows((r) => `| ${r.runtime} | ${r.version} | ${r.packed ? 'packed `node_modules/.bin/idp-users`' : '`dist/cli.js`'} | \`${r.command}\` | ${r.at} |`)}

**Throughput at the fake's limit, achieved ÷ allowed (ban / delete): ${runs.map((r) => `${r.runtime} ${r.figures.ban.ratioOfAllowed} / ${r.figures.delete.ratioOfAllowed}`).join(', ')}; ${throttled} answers 429 in all.**

| runtime | action | users | \`--rate\` = fake limit | requests | 429s | 500s (injected) | per user: applied / sent, max | done as gone on resume | req/s (resumed run) | achieved ÷ allowed |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows((r) => `${action(r, 'ban')}\n${action(r, 'delete')}`)}

In every row: every selected user banned (deleted), no other user touched, the summary ${users('ban')} done and 0 failed. A user's action is *applied* (answered 2xx) at most twice: once before the kill without being journaled, once on resume; a user *sent* three times had one of those requests answered 500 by the fake before it acted (then retried).

| runtime | export | users | pages journaled at the kill | bytes | peak RSS, killed run / resumed run (MB) |
|---|---|---:|---:|---:|---:|
${rows((r) => `${exp(r, 'export clerk ndjson', 'Clerk, NDJSON')}\n${exp(r, 'export kinde csv', 'Kinde, CSV')}`)}

Every user exactly once in each output (rows = distinct ids = ${users('export clerk ndjson')}; the CSV header once).

Memory: the command's peak RSS (MB) exporting Clerk NDJSON at 1,000 req/s, no kill. Pages of 500 are streamed with backpressure and nothing the command holds grows with the number of users (the journal is on disk; the export's only state is the last page record), so the peak is set by the runtime's heap, not by the export's size.

| runtime | ${users('memory 1/10')} users | ${users('memory full')} users | ${users('memory 3x')} users | ${users('memory 3x')} users: first half / second half of the run |
|---|---:|---:|---:|---:|
${rows(mem)}

Copy Kinde → Clerk and back (rate ${FULL.rate}): the dry run sends no write; a second run (new journal) creates nothing; Clerk → Kinde goes into an empty Kinde, and a sample of 20 equals the originals field by field (first name, last name, email).

| runtime | users | dry-run writes | Kinde → Clerk created | writes of a second run | Clerk → Kinde created | created by a rerun |
|---|---:|---:|---:|---:|---:|---:|
${rows(copy)}

${runs.map((r) => `<!-- jobs-proof:data ${JSON.stringify(r)} -->`).join('\n')}
<!-- jobs-proof:end -->
`;
}

/** Replaces section 6 of BENCHMARKS.md: `runs` merged (by runtime) into those recorded. */
export function writeBenchmarks(runs) {
  const old = readFileSync(BENCHMARKS, 'utf8');
  const merged = new Map(recordedRuns(old).map((r) => [r.runtime, r]));
  for (const r of runs) merged.set(r.runtime, r);
  const text = renderSection([...merged.values()]);
  writeFileSync(BENCHMARKS, SECTION.test(old) ? old.replace(SECTION, text) : old.replace(/\n*$/, '\n') + text);
  console.log(`BENCHMARKS.md: section 6 written (${runs.map((r) => r.runtime).join(', ')} replaced; ${[...merged.keys()].join(', ')} recorded)`);
}

/** `--runtime a,b --runtime c` (or `--runtime=a`): the names, default node20. */
function runtimesFrom(argv) {
  const names = [];
  argv.forEach((a, i) => {
    if (a === '--runtime') names.push(...(argv[i + 1] ?? '').split(','));
    else if (a.startsWith('--runtime=')) names.push(...a.slice(10).split(','));
  });
  const picked = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  for (const n of picked) if (!RUNTIMES[n]) throw new Error(`--runtime ${n}: not one of ${Object.keys(RUNTIMES).join(', ')}`);
  return picked.length ? picked : ['node20'];
}

/** All the proofs with the command run by `cli` (runCli options); [name, result] pairs. */
async function proofs(size, full, cli, label) {
  const results = [];
  const run = async (name, fn) => {
    const t = Date.now();
    const r = await fn();
    r.seconds = +((Date.now() - t) / 1000).toFixed(1);
    results.push([name, r]);
    if (r.code !== undefined) r.checks = [{ ok: r.code === 0, what: `${name}: the export exits 0 (got ${r.code})` }];
    for (const c of r.checks ?? []) console.log(`${label} ${c.ok ? 'ok' : 'FAILED'}: ${c.what}`);
    console.log(`${label} ${name}: ${JSON.stringify(r.figures ?? r)} (${r.seconds} s)`);
  };
  await run('export clerk ndjson', () => exportProof({ provider: 'clerk', format: 'ndjson', n: size.exportUsers, rate: size.exportRate, cli }));
  await run('export kinde csv', () => exportProof({ provider: 'kinde', format: 'csv', n: size.exportUsers, rate: size.exportRate, cli }));
  await run('memory 1/10', () => exportMemory({ n: size.exportUsers / 10, rate: 1000, cli }));
  await run('memory full', () => exportMemory({ n: size.exportUsers, rate: 1000, cli }));
  if (full) await run('memory 3x', () => exportMemory({ n: size.exportUsers * 3, rate: 1000, cli }));
  await run('ban', () => actionProof({ verb: 'ban', n: size.actionUsers, rate: size.rate, concurrency: size.concurrency, cli }));
  await run('delete', () => actionProof({ verb: 'delete', n: size.actionUsers, rate: size.rate, concurrency: size.concurrency, cli }));
  if (existsSync(join(dist, 'jobs', 'copy.js'))) await run('copy', () => copyProof({ n: size.copyUsers, rate: size.rate, concurrency: size.concurrency, cli }));
  else console.log('copy: skipped (dist/jobs/copy.js is not built yet)');
  return results;
}

async function main() {
  const argv = process.argv.slice(2);
  const full = argv.includes('--full');
  const size = full ? FULL : SCALED;
  const names = runtimesFrom(argv);
  const command = `node tests/jobs/proof.mjs ${argv.join(' ')}`;
  // node20 is today's command: dist/cli.js with this Node; the others need the package packed and installed.
  const packed = names.some((n) => n !== 'node20') ? packedCli() : undefined;
  const runs = [];
  const summary = {};
  let failures = 0;
  try {
    for (const name of names) {
      if (!existsSync(RUNTIMES[name][0])) {
        console.log(`${name} FAILED: ${RUNTIMES[name][0]} is not installed (scripts/setup.sh)`);
        failures++;
        continue;
      }
      const version = runtimeVersion(name);
      console.log(`== ${name} (${version})`);
      const results = await proofs(size, full, name === 'node20' ? {} : packed.cli(name), name);
      const failed = results.flatMap(([, r]) => (r.checks ?? []).filter((c) => !c.ok));
      failures += failed.length;
      summary[name] = Object.fromEntries(results.map(([n, r]) => [n, { ...(r.figures ?? r), seconds: r.seconds }]));
      if (full && !failed.length) {
        // The memory results are their own figures: without their checks and timing.
        const figures = Object.fromEntries(results.map(([n, { checks, seconds, ...r }]) => [n, r.figures ?? r]));
        runs.push({ runtime: name, version, packed: name !== 'node20', command, at: `${new Date().toISOString().slice(0, 19)}Z`, figures });
      }
    }
  } finally {
    packed?.remove();
  }
  // Only runtimes whose every check passed are written; the others keep their recorded rows.
  if (runs.length) writeBenchmarks(runs);
  console.log(JSON.stringify(summary, null, 2));
  process.exitCode = failures ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
