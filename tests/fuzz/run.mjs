#!/usr/bin/env node
// The fuzzer (tests/js/fuzz-suite.mjs) alone, in this Node, against a built
// dist/ (not the packed package): for iterating on it and for long soaks.
//
//   node tests/fuzz/run.mjs [--dist dist] [--calls N] [--seed S] [--runtime node-esm]
//
// --calls and --seed set IDP_FUZZ_RUNS and IDP_FUZZ_SEED, as the matrix reads them.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = path.resolve(opt('--dist', path.join(REPO, 'dist')));
if (opt('--calls')) process.env.IDP_FUZZ_RUNS = opt('--calls');
if (opt('--seed')) process.env.IDP_FUZZ_SEED = opt('--seed');
if (opt("--only")) process.env.IDP_FUZZ_ONLY = opt("--only");
const runtime = opt('--runtime', 'node-esm');

const lib = await import(pathToFileURL(path.join(dist, 'node.mjs')).href);
const fake = await import(pathToFileURL(path.join(dist, 'fake', 'index.js')).href);
const { fuzzTests } = await import(pathToFileURL(path.join(REPO, 'tests/js/fuzz-suite.mjs')).href);

const results = [];
const test = async (name, fn) => {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}\n${String(e?.stack ?? e).replace(/^/gm, '     ')}`);
  }
};
await fuzzTests({ lib, fake, runtime, test });
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
