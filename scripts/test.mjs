#!/usr/bin/env node
// `npm test`: every check of the project, in order, failing fast.
//   lint (fmt, clippy native + wasm32) → Rust unit tests → wasm-layer tests
//   (Node, headless Chromium) → release build →
//   fake provider tests → size budget → packed package (typings, bin) →
//   the cross-runtime suite → the admin console end to end
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}` };

// Gzipped bytes of the .wasm plus its JS glue: the package's cost in a
// Worker bundle, both providers. Retries, cancellation, paging, bulk, the
// guarded boundary and the proxy's routing took it from 45.9 KB to 53.3 KB;
// per-provider builds (the numbers issue) are the way back under
// @clerk/backend's ~48 KB. The budget catches any growth beyond that.
const SIZE_BUDGET = 54_000;

const stages = [
  ['cargo fmt', 'cargo', ['fmt', '--all', '--', '--check']],
  ['clippy (native)', 'cargo', ['clippy', '--all-targets', '--', '-D', 'warnings']],
  ['clippy (wasm32)', 'cargo', ['clippy', '--target', 'wasm32-unknown-unknown', '--tests', '--', '-D', 'warnings']],
  ['Rust unit tests', 'cargo', ['test', '--quiet']],
  ['wasm tests (Node)', null, () => wasmTests('node')],
  ['wasm tests (headless Chromium)', null, () => wasmTests('chromium')],
  ['release build (npm run build)', 'node', ['scripts/build.mjs']],
  ['fake provider tests', 'node', ['--test', 'tests/fake/']],
  ['Node: cancellation over real HTTP', 'node', ['--test', 'tests/node/']],
  ['size budget', null, sizeBudget],
  ['packed package: typings (tsc, ESM + CommonJS) and bin', 'node', ['tests/package/check.mjs']],
  ['cross-runtime suite', 'node', ['tests/runtimes/run.mjs']],
  ['admin console end to end (npm start, headless Chromium)', 'node', ['tests/www/e2e.mjs']],
];

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

function sizeBudget() {
  const sizes = JSON.parse(readFileSync(join(root, 'target', 'sizes.json'), 'utf8'));
  console.log(`.wasm + glue: ${sizes.totalGzip} B gzipped (budget ${SIZE_BUDGET} B)`);
  return sizes.totalGzip <= SIZE_BUDGET;
}

const timings = [];
for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const ok = cmd === null ? args() : spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status === 0;
  timings.push(`${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) {
    console.error(`\n${timings.join('\n')}\n\nnpm test: "${name}" failed`);
    process.exit(1);
  }
}
console.log(`\n${timings.join('\n')}\n\nnpm test: all checks passed`);
// The plain closing line CI reads: stages, each a suite of its own.
console.log(`${stages.length} passed, 0 failed`);
