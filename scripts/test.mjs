#!/usr/bin/env node
// `npm test`: every check of the project, in order, failing fast.
//   lint (fmt, clippy native + wasm32) → Rust unit tests (and of the one-provider builds, with their clippy) → wasm-layer tests
//   (Node, headless Chromium) → release build (three entries) →
//   fake provider tests → size budgets → the stable-toolchain fallback build →
//   packed package (typings, shipped docs, README code blocks, bin) → the browser entries built by
//   Vite, esbuild, webpack 5 and Rollup (tests/bundlers) → jobs and the idp-users command
//   (tests/jobs: the proofs scaled down, the packed command in Node 22/24, Deno, Bun) →
//   idp-users/workflows in workerd (tests/workflows, about 40 s) side by side with the
//   admin console end to end (about 45 s) → the cross-runtime suite (Node 20/22/24,
//   Deno, Bun, workerd, Chromium; two runtimes at a time)
//
//   node scripts/test.mjs [--soak]
//
// --soak (or IDP_USERS_SOAK=1 in the environment): the long runs too; the
// fuzzer makes 50,000 calls in node-esm instead of 10,000 (tests/js/fuzz-suite.mjs).
// Each stage's time is printed after it, and all of them with the total at the end.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}` };
for (const arg of process.argv.slice(2)) {
  if (arg === '--soak') env.IDP_USERS_SOAK = '1';
  else {
    console.error(`unknown argument ${arg}\nusage: node scripts/test.mjs [--soak]   (npm test -- --soak)`);
    process.exit(2);
  }
}
if (env.IDP_USERS_SOAK) console.log('soak: the long runs too (IDP_USERS_SOAK=1)');

// `node --test` runs one test file at a time on a 2-core machine (cores - 1); the
// folders whose files are independent processes (own temporary dirs, port 0) run two.
const TWO_FILES = '--test-concurrency=2';
/**
 * Stages that run side by side: each spends most of its time waiting (on a
 * rate-paced fake, a Workflow, a browser), not computing. Each one's output
 * is kept and printed, whole, when it ends.
 */
const together = (...group) => ({ group });

const stages = [
  ['cargo fmt', 'cargo', ['fmt', '--all', '--', '--check']],
  ['clippy (native)', 'cargo', ['clippy', '--all-targets', '--', '-D', 'warnings']],
  ['clippy (wasm32)', 'cargo', ['clippy', '--target', 'wasm32-unknown-unknown', '--tests', '--', '-D', 'warnings']],
  // The crate-choice spikes behind `node benches/crates.mjs` (README: the crates chosen and why) still build.
  ['benches/crates spikes (cargo check, wasm32, every spike feature)', 'cargo', ['check', '--quiet', '-p', 'idp-users-spikes', '--target', 'wasm32-unknown-unknown', '--features', 'spike-futures,spike-gloo,spike-serde']],
  ['Rust unit tests', 'cargo', ['test', '--quiet']],
  // The one-provider builds behind idp-users/clerk and idp-users/kinde leave
  // parts of the engine out (features `clerk`, `kinde`): linted and tested as built.
  ['Rust unit tests and clippy, one-provider builds (clerk, kinde)', null, oneProviderBuilds],
  ['wasm tests (Node)', null, () => wasmTests('node')],
  ['wasm tests (headless Chromium)', null, () => wasmTests('chromium')],
  ['release build (npm run build)', 'node', ['scripts/build.mjs']],
  ['fake provider tests', 'node', ['--test', TWO_FILES, 'tests/fake/']],
  ['Node: cancellation over real HTTP', 'node', ['--test', 'tests/node/']],
  // The minified Worker of each entry against its budget and issue 18's goals (the switch: BUDGETS_ARE in the script).
  ['size budgets (minified Worker per entry)', 'node', ['scripts/size-budget.mjs']],
  ['stable-toolchain fallback build (root entry, target/pkg-stable) and a smoke run', null, stableFallback],
  ['packed package: typings (tsc, ESM + CommonJS), shipped docs and their links, README code blocks, bin', 'node', ['tests/package/check.mjs']],
  ['bundlers: a small app built by Vite, esbuild, webpack 5 and Rollup, .wasm as an asset and inline, run in headless Chromium', 'node', ['tests/bundlers/run.mjs']],
  ['jobs: idp-users/jobs and the idp-users command (Node 20; the packed command in Node 22/24, Deno and Bun)', 'node', ['--test', TWO_FILES, 'tests/jobs/']],
  // About 10 s and 20 s of CPU time in 40 s each, on a 2-core machine.
  together(
    ['workflows: idp-users/workflows in workerd (Miniflare) against the fake (the proofs scaled down)', 'node', ['--test', 'tests/workflows/']],
    ['admin console end to end (npm start, headless Chromium)', 'node', ['tests/www/e2e.mjs']],
  ),
  // Two runtimes at a time (tests/runtimes/README.md), each against a fake server of its own.
  ['cross-runtime suite', 'node', ['tests/runtimes/run.mjs']],
];

/** clippy -D warnings and the unit tests of each one-provider build (`--no-default-features --features <p>`). */
function oneProviderBuilds() {
  for (const feature of ['clerk', 'kinde']) {
    const only = ['--no-default-features', '--features', feature];
    for (const args of [['clippy', '--all-targets', ...only, '--', '-D', 'warnings'], ['test', '--quiet', ...only]]) {
      if (spawnSync('cargo', args, { cwd: root, stdio: 'inherit', env }).status !== 0) return false;
    }
  }
  return true;
}

// The tests of src/wasm (src/wasm/tests.rs): one debug build for wasm32, run
// by wasm-bindgen-test-runner (the cargo runner set in .cargo/config.toml)
// in Node, then again in headless Chromium through Debian's chromedriver
// with the flags of webdriver.json. Nothing is downloaded.
const CHROMIUM = '/usr/bin/chromium';
const CHROMEDRIVER = '/usr/bin/chromedriver';

function wasmTests(where) {
  // RUST_BACKTRACE=0: the runner's own backtrace adds nothing to a failed test.
  const runEnv = { ...env, RUST_BACKTRACE: '0' };
  // The runner picks its mode from these; only the one wanted may be set.
  for (const k of Object.keys(runEnv)) if (k.startsWith('WASM_BINDGEN_USE_')) delete runEnv[k];
  if (where === 'chromium') {
    const missing = [CHROMIUM, CHROMEDRIVER].filter((p) => !existsSync(p));
    if (missing.length > 0) {
      console.error(`${missing.join(' and ')} not found: \`scripts/setup.sh --browser\` installs Debian's chromium and chromium-driver`);
      return false;
    }
    const tmp = join(root, 'target', 'wasm-chromium');
    mkdirSync(tmp, { recursive: true });
    // Chromium's profile and crashpad files go under target/, not $HOME.
    Object.assign(runEnv, {
      WASM_BINDGEN_USE_BROWSER: '1',
      CHROMEDRIVER,
      WASM_BINDGEN_TEST_WEBDRIVER_JSON: join(root, 'webdriver.json'),
      XDG_CONFIG_HOME: join(tmp, 'config'),
      XDG_CACHE_HOME: join(tmp, 'cache'),
    });
  }
  const args = ['test', '--target', 'wasm32-unknown-unknown', '--lib'];
  return spawnSync('cargo', args, { cwd: root, stdio: 'inherit', env: runEnv }).status === 0;
}

/**
 * The fallback for a plain stable toolchain (`node scripts/build.mjs
 * --stable`: no -Z flags, no RUSTC_BOOTSTRAP), built for the root entry into
 * target/pkg-stable (not dist/), then used from Node: the client lists users
 * from the in-process fake, and the build reported its sizes.
 */
async function stableFallback() {
  const out = join(root, 'target', 'pkg-stable');
  const built = spawnSync('node', ['scripts/build.mjs', '--stable', '--entries', 'both', '--out', out], { cwd: root, stdio: 'inherit', env });
  if (built.status !== 0) return false;
  const sizes = JSON.parse(readFileSync(join(root, 'target', 'sizes-pkg-stable.json'), 'utf8'));
  const lib = await import(pathToFileURL(join(out, 'node.mjs')).href);
  const { createFakeProviders } = await import(pathToFileURL(join(out, 'fake', 'index.js')).href);
  const fake = createFakeProviders();
  const kinde = new lib.KindeUsersApi({ domain: 'https://fake.kinde.com', clientId: fake.kinde.clientId, clientSecret: fake.kinde.clientSecret, fetch: fake.fetch });
  const clerk = new lib.ClerkUsersApi({ secretKey: fake.clerk.secretKey, baseUrl: 'https://api.clerk.test/v1', fetch: fake.fetch });
  const kindeUsers = (await kinde.getUsers({ page_size: 5 })).users;
  const clerkUsers = await clerk.getUserList({ limit: 5 });
  const size = sizes.entries?.both;
  const checks = [
    [sizes.build === 'stable', `built as the stable build (sizes say ${sizes.build})`],
    [size?.wasmBytes > 0 && size?.totalGzip > 0, `its sizes are reported (.wasm ${size?.wasmBytes} B, ${size?.wasmGzip} B gzipped; with glue ${size?.totalGzip} B gzipped)`],
    [kindeUsers?.length === 5, `Kinde getUsers listed ${kindeUsers?.length} users`],
    [clerkUsers?.length === 5, `Clerk getUserList listed ${clerkUsers?.length} users`],
  ];
  for (const [ok, what] of checks) console.log(`${ok ? 'ok' : 'FAILED'}: ${what}`);
  return checks.every(([ok]) => ok);
}

const timings = [];
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const t0 = Date.now();
const total = () => {
  const s = Math.round((Date.now() - t0) / 1000);
  return `total ${secs(Date.now() - t0)} (${Math.floor(s / 60)} min ${s % 60} s)`;
};
const done = (name, ok, started) => {
  timings.push(`${name}: ${ok ? 'ok' : 'FAILED'} (${secs(Date.now() - started)})`);
  console.log(`=== ${timings.at(-1)}`);
};
const fail = (names) => {
  console.error(`\n${timings.join('\n')}\n${total()}\n\nnpm test: ${names.map((n) => `"${n}"`).join(' and ')} failed`);
  process.exit(1);
};

/** One stage of a `together` group: its output kept, printed whole when it ends. */
function runBeside([name, cmd, args], others) {
  const started = Date.now();
  return new Promise((resolve) => {
    const out = [];
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => out.push(c));
    child.on('error', (e) => out.push(Buffer.from(`${e}\n`)));
    child.on('close', (code) => {
      console.log(`\n=== ${name} (beside ${others})`);
      process.stdout.write(Buffer.concat(out));
      done(name, code === 0, started);
      resolve(code === 0);
    });
  });
}

for (const stage of stages) {
  if (stage.group) {
    const names = stage.group.map(([name]) => name.split(':')[0]);
    console.log(`\n=== side by side: ${names.join(', ')} (each one's output when it ends)`);
    const oks = await Promise.all(stage.group.map((st, i) => runBeside(st, names.filter((_, j) => j !== i).join(', '))));
    const failed = stage.group.filter((_, i) => !oks[i]).map(([name]) => name);
    if (failed.length) fail(failed);
    continue;
  }
  const [name, cmd, args] = stage;
  console.log(`\n=== ${name}`);
  const started = Date.now();
  let ok;
  try {
    ok = cmd === null ? await args() : spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status === 0;
  } catch (e) {
    console.error(e);
    ok = false;
  }
  done(name, ok, started);
  if (!ok) fail([name]);
}
console.log(`\n${timings.join('\n')}\n${total()}\n\nnpm test: all checks passed`);
// The plain closing line CI reads: stages, each a suite of its own.
console.log(`${stages.flatMap((st) => st.group ?? [st]).length} passed, 0 failed`);
