#!/usr/bin/env node
// `npm run bench`: idp-users side by side with @clerk/backend,
// @kinde/management-api-js, openapi-fetch and plain fetch, in one run, and
// BENCHMARKS.md from it. Sections: bundle size (Workers minified and not;
// a Vite SPA by benches/spa-size.mjs), per-call overhead (Node and
// workerd), cold start (Node and workerd), memory (Node).
//
//   npm run bench [-- --quick] [--only size,spa,percall,cold,memory] [--out FILE] [--rounds N] [--batch-ms N]
//   npm run bench -- --only percall --baseline DIR   (A/B: another build, e.g. main's dist/, as a contender of its own)
//   npm run bench -- --render   (BENCHMARKS.md again from benches/.work/results.json, after editing benches/GAPS.md)
//
// --quick: few rounds, small counts (a smoke run while developing); it writes
// benches/.work/BENCHMARKS.quick.md unless --out says otherwise, and so does
// a run with --only (benches/.work/BENCHMARKS.partial.md). A full run writes
// BENCHMARKS.md at the repo root. Raw results: benches/.work/results.json.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, WORK, PKG_DIR, BASELINE_DIR, copyApp, snapshotDist } from './lib/work.mjs';
import { buildBodies } from './lib/bodies.mjs';
import { COMPAT_DATE } from './lib/wrangler.mjs';
import { workerdVersions } from './lib/workerd-host.mjs';
import { BASELINE, CONTENDERS, isBuilt } from './lib/contenders.mjs';
import { renderReport } from './lib/report.mjs';
import { runSize } from './sections/size.mjs';
import { PERCALL_CONTENDERS, abRatios, runPerCallNode, runPerCallWorkerd } from './sections/percall.mjs';
import { runColdNode, runColdWorkerd } from './sections/cold.mjs';
import { runMemory } from './sections/memory.mjs';

const SECTIONS = ['size', 'spa', 'percall', 'cold', 'memory'];
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const quick = flag('--quick');
const only = value('--only')?.split(',').map((s) => s.trim()) ?? SECTIONS;
for (const s of only) if (!SECTIONS.includes(s)) {
  console.error(`unknown section ${s} (known: ${SECTIONS.join(', ')})`);
  process.exit(2);
}
const outFile = path.resolve(value('--out') ?? (quick ? path.join(WORK, 'BENCHMARKS.quick.md') : only.length < SECTIONS.length ? path.join(WORK, 'BENCHMARKS.partial.md') : path.join(REPO, 'BENCHMARKS.md')));

// A full run stays under ~10 minutes on 2 cores (see BENCHMARKS.md for the last one's time).
// Per call: many short batches rather than a few long ones, so that a burst
// of load from elsewhere on the machine spoils a few rounds' ratios, not the
// median; a multiple of the 5 contenders, so each is first as often.
const P = quick
  ? { targetMs: 30, workerdTargetMs: 60, warmupMs: 300, rounds: 5, quietMs: 2, nodeSamples: 3, workerdSamples: 2, calls: 10_000, users: 10_000 }
  : { targetMs: 50, workerdTargetMs: 150, warmupMs: 1000, rounds: 40, quietMs: 2, nodeSamples: 20, workerdSamples: 10, calls: 100_000, users: 100_000 };
// --rounds N, --batch-ms N: per-call rounds and batch length, for a closer look at one change.
if (value('--rounds')) P.rounds = Number(value('--rounds'));
if (value('--batch-ms')) P.targetMs = P.workerdTargetMs = Number(value('--batch-ms'));
// --percall-runtimes node|workerd, --percall-ops clerkGet,... and --percall-contenders idp-users,plain-fetch,...: a subset (plain-fetch, the floor, is always in).
const subset = (name) => value(name)?.split(',').map((s) => s.trim());
// --baseline DIR: a second build of the package (a copy of dist/ from another
// commit) measured per call as a contender of its own, interleaved with this
// one round by round, so that a change of a few % shows in one run (the A/B
// ratios are logged and kept in results.json as perCall.ab).
const baselineDir = value('--baseline') && path.resolve(value('--baseline'));

const t0 = Date.now();
const load = () => os.loadavg()[0].toFixed(1);
const loadStart = load();
const log = (s) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);
const readJson = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));

// The jobs section is written by `node tests/jobs/proof.mjs --full`, the workflows section by
// `node tests/workflows/proof.mjs --full`, not by this run: both kept as they are.
const JOBS_SECTION = /\n<!-- jobs-proof:start -->[\s\S]*<!-- jobs-proof:end -->\n/;
const WORKFLOWS_SECTION = /\n<!-- workflows-proof:start -->[\s\S]*<!-- workflows-proof:end -->\n/;
const keptSections = (file) => {
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  return (JOBS_SECTION.exec(previous)?.[0] ?? '') + (WORKFLOWS_SECTION.exec(previous)?.[0] ?? '');
};
const keptJobs = () => keptSections(outFile);

// --render: BENCHMARKS.md again from the last run's results (after benches/GAPS.md was edited), measuring nothing.
if (flag('--render')) {
  const last = readJson(path.join(WORK, 'results.json'));
  const out = path.resolve(value('--out') ?? (last.quick ? path.join(WORK, 'BENCHMARKS.quick.md') : path.join(REPO, 'BENCHMARKS.md')));
  fs.writeFileSync(out, renderReport(last) + keptSections(out));
  log(`rendered ${path.relative(REPO, out)} from ${path.relative(REPO, path.join(WORK, 'results.json'))} (${last.date})`);
  process.exit(0);
}

fs.mkdirSync(WORK, { recursive: true });
const pkgJson = await snapshotDist(log);
if (baselineDir) log(`baseline: ${baselineDir} (idp-users ${(await snapshotDist(log, baselineDir, BASELINE_DIR)).version})`);
else fs.rmSync(BASELINE_DIR, { recursive: true, force: true });
copyApp(Boolean(baselineDir));
const bodies = await buildBodies();
const bodiesFile = path.join(WORK, 'bodies.json');
fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
const versions = workerdVersions();
const builtPerProvider = ['idp-users-clerk', 'idp-users-kinde'].map((id) => `\`${CONTENDERS[id].label}\` ${isBuilt(id, pkgJson) ? 'measured' : 'not built (no export in dist/package.json)'}`);
log(`idp-users ${pkgJson.version} from dist/; ${builtPerProvider.join(', ')}; sections: ${only.join(', ')}${quick ? ' (quick)' : ''}`);

const results = { command: `npm run bench${argv.length ? ' -- ' + argv.join(' ') : ''}`, quick, notes: [], errors: [] };
// A section that fails is reported as such; the others still run.
async function section(name, fn) {
  if (!only.includes(name)) return;
  const t = Date.now();
  try {
    results[name === 'percall' ? 'perCall' : name] = await fn();
    log(`${name} done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  } catch (e) {
    results.errors.push(`${name}: ${String(e?.message ?? e).split('\n').slice(0, 6).join(' ')}`);
    log(`${name} FAILED: ${e?.stack ?? e}`);
  }
}

await section('size', () => runSize({ pkgJson, bodies, log }));
// A Vite SPA's bytes beside the Worker's, by benches/spa-size.mjs where this tree has it.
const SPA_SCRIPT = path.join(REPO, 'benches/spa-size.mjs');
await section('spa', async () => {
  if (!fs.existsSync(SPA_SCRIPT)) {
    results.notes.push('No SPA figures: this tree has no benches/spa-size.mjs.');
    return undefined;
  }
  const { runSpaSize, spaTable } = await import(SPA_SCRIPT);
  const raw = await runSpaSize({ dist: path.join(REPO, 'dist'), log: (s) => log(`spa: ${s}`) });
  return { table: spaTable(raw), raw };
});
await section('percall', async () => {
  const params = { targetMs: P.targetMs, warmupMs: P.warmupMs, rounds: P.rounds, quietMs: P.quietMs };
  if (subset('--percall-ops')) params.ops = subset('--percall-ops');
  if (subset('--percall-contenders')) params.contenders = [...new Set([...subset('--percall-contenders'), 'plain-fetch'])];
  if (baselineDir) params.contenders = [...new Set([...(params.contenders ?? PERCALL_CONTENDERS), 'idp-users', BASELINE])];
  // --percall-runtimes node or workerd: one of the two (both by default).
  const runtimes = subset('--percall-runtimes') ?? ['node', 'workerd'];
  const none = { runtime: 'not run', stats: {}, samples: {} };
  const node = runtimes.includes('node') ? await runPerCallNode({ bodiesFile, params, log }) : none;
  // Longer batches in workerd: each is a request of its own, whose own cost (about 1 ms of CPU, taken off) must stay small beside it.
  const workerd = runtimes.includes('workerd') ? await runPerCallWorkerd({ bodies, params: { ...params, targetMs: P.workerdTargetMs }, log, versions }) : { ...none, requestCpuMs: 0 };
  let ab;
  if (baselineDir) {
    ab = { baseline: baselineDir, node: abRatios(node.samples), workerd: abRatios(workerd.samples) };
    for (const rt of ['node', 'workerd']) {
      for (const [op, s] of Object.entries(ab[rt])) {
        log(`A/B ${rt.padEnd(7)} ${op.padEnd(9)} idp-users ÷ baseline, CPU per call: median ${s.median.toFixed(3)} (IQR ${s.q1.toFixed(3)}–${s.q3.toFixed(3)}, ${s.n} rounds), quiet ${s.quiet.toFixed(3)}`);
      }
    }
  }
  return { node, workerd, ab, params: { ...params, workerdTargetMs: P.workerdTargetMs, bodySizes: Object.fromEntries(Object.entries(bodies).map(([k, v]) => [k, Buffer.byteLength(v)])) } };
});
await section('cold', async () => {
  const node = await runColdNode({ pkgJson, bodiesFile, samples: P.nodeSamples, log });
  const workerd = await runColdWorkerd({ pkgJson, bodies, samples: P.workerdSamples, log });
  return { node, workerd, params: { nodeSamples: P.nodeSamples, workerdSamples: P.workerdSamples } };
});
await section('memory', async () => ({ ...(await runMemory({ bodiesFile, calls: P.calls, users: P.users, log })), params: { calls: P.calls, users: P.users } }));

// Facts found on the way, in words.
const sizeRow = (id) => results.size?.find((r) => r.id === id);
// Run failures of the size Workers, one line per distinct error.
const byError = new Map();
for (const r of results.size ?? []) {
  for (const [k, v] of Object.entries(r.variants)) {
    if (!v.ok || v.smoke.ok) continue;
    const list = byError.get(v.smoke.detail) ?? [];
    list.push(`${CONTENDERS[r.id].label} (${{ min: '`nodejs_compat`, minified', compat: '`nodejs_compat`', plain: 'no flags' }[k]})`);
    byError.set(v.smoke.detail, list);
  }
}
for (const [detail, who] of byError) results.notes.push(`Fails in workerd, ${detail}: ${who.join(', ')}.`);
if (sizeRow('idp-users')?.variants.compat?.smoke?.detail?.includes('different request')) {
  results.notes.push("idp-users in workerd: a call in a Worker's second request fails (`Cannot perform I/O on behalf of a different request`, I/O type RefcountedCanceler), and so do the 4th, the 6th and so on (a minimal Worker calling `getUser` once per request alternates ok / fail): the driver's module-global pool of idle AbortControllers hands a controller made in one request to a call in another, which workerd refuses.");
}
results.notes.push('@clerk/backend has no `fetch` option and binds `globalThis.fetch` when its module is evaluated: the harness installs its global `fetch` (a dispatcher to the stub) in a module imported before any contender, in Node and in the Workers. Its `getUserList` sends two requests (the list and `/users/count`) and builds `User` objects from the JSON.');
results.notes.push('@kinde/management-api-js is configured by `init({ kindeDomain, clientId, clientSecret })` (module-global) and uses the global `fetch`; it mints its token from `/oauth2/token` (answered by the stub with an unsigned JWT whose `aud` is the domain\'s API and `exp` is far off) and decodes that JWT before every call. It reads `process.env` in `init`, so it runs in workerd only with `nodejs_compat` (it bundles without it).');
results.notes.push('openapi-fetch is used without generated types (they are erased at run time anyway), with `baseUrl`, the same `fetch` and the headers idp-users sends; it builds a `Request` per call. For Kinde it and plain fetch use a fixed bearer token.');
results.notes.push(`Not measured per call: the per-provider entries (the same client code as the main entry); they are in the size and cold-start tables when built.`);

const wasmFile = path.join(PKG_DIR, 'wasm/idp_users_bg.wasm');
results.env = {
  pkgVersion: pkgJson.version,
  contenderVersions: ['@clerk/backend', '@kinde/management-api-js', 'openapi-fetch'].map((n) => [n, readJson(path.join(REPO, 'node_modules', n, 'package.json')).version]),
  cpu: os.cpus()[0]?.model?.trim() ?? '?',
  cores: os.cpus().length,
  memory: os.totalmem(),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  workerd: versions.workerd,
  miniflare: versions.miniflare,
  wrangler: readJson(path.join(REPO, 'node_modules/wrangler/package.json')).version,
  compatDate: COMPAT_DATE,
  distBuilt: fs.statSync(wasmFile).mtime.toISOString().replace(/\.\d+Z$/, 'Z'),
  wasmBytes: fs.statSync(wasmFile).size,
  perProvider: builtPerProvider.join(', '),
  loadStart,
  loadEnd: load(),
};
results.durationMs = Date.now() - t0;
results.date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
fs.writeFileSync(path.join(WORK, 'results.json'), JSON.stringify(results, null, 2));
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, renderReport(results) + keptJobs());
log(`wrote ${path.relative(REPO, outFile)} (${(results.durationMs / 60000).toFixed(1)} min)${results.errors.length ? `; FAILED sections: ${results.errors.length}` : ''}`);
process.exit(results.errors.length ? 1 : 0);
