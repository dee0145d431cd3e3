#!/usr/bin/env node
// `npm test`: every check of the project, in order, failing fast.
//   lint (fmt, clippy native + wasm32) → Rust unit tests → release build →
//   fake provider tests → size budget → packed package (typings, bin) →
//   the cross-runtime suite
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}` };

// Gzipped bytes of the .wasm plus its JS glue: the package's cost in a
// Worker bundle. The target is to stay below @clerk/backend (~48 KB gzipped).
const SIZE_BUDGET = 52_000;

const stages = [
  ['cargo fmt', 'cargo', ['fmt', '--all', '--', '--check']],
  ['clippy (native)', 'cargo', ['clippy', '--all-targets', '--', '-D', 'warnings']],
  ['clippy (wasm32)', 'cargo', ['clippy', '--target', 'wasm32-unknown-unknown', '--', '-D', 'warnings']],
  ['Rust unit tests', 'cargo', ['test', '--quiet']],
  ['release build (npm run build)', 'node', ['scripts/build.mjs']],
  ['fake provider tests', 'node', ['--test', 'tests/fake/']],
  ['size budget', null, sizeBudget],
  ['packed package: typings (tsc, ESM + CommonJS) and bin', 'node', ['tests/package/check.mjs']],
  ['cross-runtime suite', 'node', ['tests/runtimes/run.mjs']],
];

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
