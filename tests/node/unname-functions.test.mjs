// scripts/glue-options.mjs unnameFunctions: the shipped glue gives a bundler
// that keeps function names (wrangler's default keep_names, esbuild's
// keepNames) nothing to wrap, and its functions behave as before.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { unnameFunctions } from '../../scripts/glue-options.mjs';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');

/** `source` bundled as wrangler bundles a Worker by default (keepNames, minified). */
const keepNames = async (source) =>
  (await esbuild.build({ stdin: { contents: source }, bundle: true, format: 'esm', keepNames: true, minify: true, write: false, logLevel: 'silent' })).outputFiles[0].text;

const SAMPLE = `
export const early = hoisted(2);
function hoisted(x) { return x * 21; }
function Point(x) { this.x = x; }
Point.prototype.twice = function () { return this.x * 2; };
const arrow = (a = () => 1) => a();
const Cls = class { constructor() { this.v = arrow(); } };
const obj = { f: function () { return 3; }, g: () => 4 };
let later; later = () => 5;
async function* gen() { yield 6; }
async function check() {
  const out = [];
  for await (const v of gen()) out.push(v);
  return [early, new Point(7).twice(), new Cls().v, obj.f(), obj.g(), later(), ...out, arguments.length];
}
export { check };
`;

test('the rewritten module behaves as the original', async () => {
  const load = (text) => import(`data:text/javascript,${encodeURIComponent(text)}`);
  const before = await (await load(SAMPLE)).check();
  const after = await (await load(unnameFunctions(SAMPLE))).check();
  assert.deepEqual(after, before);
  assert.deepEqual(before, [42, 14, 1, 3, 4, 5, 6, 0]);
});

test('keepNames finds nothing to name in the rewritten module', async () => {
  assert.match(await keepNames(SAMPLE), /__name|,"[a-zA-Z]+"\)/);
  const bundled = await keepNames(unnameFunctions(SAMPLE));
  assert.doesNotMatch(bundled, /"(hoisted|Point|arrow|Cls|f|g|later|gen|check|a)"/);
});

test('the shipped glue gives keepNames nothing to name', { skip: !existsSync(join(root, 'dist', 'clerk', 'idp_users.js')) && 'no dist/: run node scripts/build.mjs' }, async () => {
  for (const dir of ['wasm', 'clerk', 'kinde']) {
    const entry = join(root, 'dist', dir, 'idp_users.js');
    const text = readFileSync(entry, 'utf8').replace(/from\s*"\.\/idp_users_bg\.wasm"/, 'from "data:,"');
    const bundled = await keepNames(text);
    // esbuild defines its helper only when some name is to be kept.
    assert.doesNotMatch(bundled, /"name",\{value:[\w$]+,configurable:!0\}/, `${dir}: keepNames wrapped a function`);
  }
});
