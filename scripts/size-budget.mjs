#!/usr/bin/env node
// The size budgets of `npm test` (its "size budgets" stage), runnable alone:
//
//   node scripts/size-budget.mjs [--goals | --measured]
//
// Each entry is measured the way BENCHMARKS.md's first table measures it:
// the Worker of benches/workers/size/ that lists 100 users, bundled by the
// repo's wrangler (`deploy --dry-run --minify`, `nodejs_compat`) against
// dist/, then gzip level 9 of every file wrangler outputs, the `.wasm`
// included (benches/lib/wrangler.mjs: the same code as `npm run bench`).
// One dry-run per entry, about 3 s each.
//
// Two sets of budgets, both always printed beside the measured sizes:
// SIZE_GOALS, issue 18's goals, and SIZE_MEASURED_BUDGETS, the sizes
// measured when they were last set plus a small margin (any real growth
// fails). BUDGETS_ARE picks the set that fails the stage; `--goals` or
// `--measured` picks it for one run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleBytes, bundleWorker } from '../benches/lib/wrangler.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const KiB = 1024;

/**
 * `@clerk/backend` 3.25.0's Worker, minified, as `npm run bench` measures it
 * (BENCHMARKS.md, section 1; the same with or without `nodejs_compat`):
 * both providers together must stay below it. Issue 18 quoted 46.9 KiB
 * (48,026 B), which this harness does not reproduce.
 */
export const CLERK_BACKEND_MINIFIED = 44_009;

/**
 * Issue 18's goals, gzipped bytes of the minified Worker (the issue derived
 * the first two from its own figures for the SDKs: 0.8x 46.9 KiB, 2x 14.1 KiB).
 */
export const SIZE_GOALS = {
  clerk: 37.5 * KiB, // 0.8x @clerk/backend minified
  kinde: 28 * KiB, // 2x @kinde/management-api-js
  both: CLERK_BACKEND_MINIFIED - 1, // below @clerk/backend minified
};

/**
 * The sizes measured when these were set (`node scripts/size-budget.mjs`
 * after `node scripts/build.mjs`, main on 2026-12-08: the provider-only
 * engine parts and error fields out of the one-provider builds, wasm-opt's
 * relooper, credential headers redacted), plus about 2% (capped at the
 * goal for both providers). The Clerk entry meets its goal; both providers
 * meet theirs.
 */
export const SIZE_MEASURED_BUDGETS = {
  both: 43_620, // measured 42,768 B
  clerk: 38_010, // measured 37,267 B
  kinde: 39_500, // measured 38,723 B
};

/** The switch: 'goals' fails the stage above SIZE_GOALS, 'measured' above SIZE_MEASURED_BUDGETS. */
export const BUDGETS_ARE = 'measured';

// The entries: the Worker each one is measured with (benches/workers/size/<file>).
const ENTRIES = {
  both: { worker: 'idp-users.js', import: 'idp-users' },
  clerk: { worker: 'idp-users-clerk.js', import: 'idp-users/clerk' },
  kinde: { worker: 'idp-users-kinde.js', import: 'idp-users/kinde' },
};

const argv = process.argv.slice(2);
const set = argv.includes('--goals') ? 'goals' : argv.includes('--measured') ? 'measured' : BUDGETS_ARE;
const budgets = set === 'goals' ? SIZE_GOALS : SIZE_MEASURED_BUDGETS;

const sizesFile = path.join(root, 'target', 'sizes.json');
if (fs.existsSync(sizesFile)) {
  const sizes = JSON.parse(fs.readFileSync(sizesFile, 'utf8'));
  if (sizes.build !== 'size') {
    // The budgets are set for the size build; a fallback build is bigger by design.
    console.error(`the release build was the ${sizes.build} build (${sizes.fallbackReason ?? 'no reason recorded'}): the size budgets apply to the size build`);
    process.exit(1);
  }
}
const dist = path.join(root, 'dist');
if (!fs.existsSync(path.join(dist, 'package.json'))) {
  console.error('dist/ has no package.json: run `npm run build` first');
  process.exit(1);
}

// The Workers import 'idp-users' by name: a node_modules next to them resolves it to dist/.
const work = path.join(root, 'target', 'size-budget');
fs.mkdirSync(path.join(work, 'node_modules'), { recursive: true });
fs.rmSync(path.join(work, 'node_modules', 'idp-users'), { recursive: true, force: true });
fs.symlinkSync(dist, path.join(work, 'node_modules', 'idp-users'), 'dir');

const fmt = (n) => `${Math.round(n).toLocaleString('en-US')} B (${(n / KiB).toFixed(1)} KiB)`;
console.log(`Worker listing 100 users, wrangler deploy --dry-run --minify, nodejs_compat, gzip -9 of every file; failing above the ${set === 'goals' ? 'goals (SIZE_GOALS)' : 'measured sizes plus a margin (SIZE_MEASURED_BUDGETS)'}`);
let ok = true;
const measured = {};
for (const [entry, { worker, import: name }] of Object.entries(ENTRIES)) {
  const source = fs.readFileSync(path.join(root, 'benches/workers/size', worker), 'utf8');
  const b = await bundleWorker(path.join(work, entry), source, { nodejsCompat: true, minify: true, name: `size-budget-${entry}` });
  if (!b.ok) {
    console.error(`${name}: the Worker does not bundle: ${b.error}`);
    ok = false;
    continue;
  }
  const m = (measured[entry] = bundleBytes(b.outDir));
  const within = m.gz <= budgets[entry];
  const goal = SIZE_GOALS[entry];
  const toGoal = m.gz <= goal ? 'goal met' : `${fmt(m.gz - goal)} over the goal`;
  console.log(
    `${name.padEnd(16)} ${fmt(m.gz)} (.wasm ${m.wasmGz} B + JS ${m.gz - m.wasmGz} B); goal ${fmt(goal)}: ${toGoal}; measured budget ${fmt(SIZE_MEASURED_BUDGETS[entry])}${within ? '' : `  OVER THE ${set.toUpperCase()} BUDGET`}`,
  );
  ok &&= within;
}
if (measured.both) {
  const below = measured.both.gz < CLERK_BACKEND_MINIFIED;
  console.log(`both providers ${below ? 'below' : 'NOT below'} @clerk/backend minified (${fmt(CLERK_BACKEND_MINIFIED)}): ${(measured.both.gz / CLERK_BACKEND_MINIFIED).toFixed(2)}x`);
}
process.exit(ok ? 0 : 1);
