#!/usr/bin/env node
// `npm run build`: compiles the crate with wasm-pack (one release build per
// entry, web target) and assembles the publishable package in dist/ from
// pkg-template/, the wasm-pack output and fake/.
//
// Three entries, each with its own .wasm:
//   idp-users        both providers    dist/wasm/   (the root entries dist/node.mjs, ...)
//   idp-users/clerk  Clerk only        dist/clerk/  (cargo --no-default-features --features clerk)
//   idp-users/kinde  Kinde only        dist/kinde/  (cargo --no-default-features --features kinde)
//
//   node scripts/build.mjs [--skip-wasm] [--stable] [--entries both,clerk,kinde] [--out DIR]
//     --skip-wasm  reuse target/wasm-web/<entry>/ (no cargo, no wasm-pack)
//     --stable     the plain stable-toolchain build: no -Z flags, no RUSTC_BOOTSTRAP
//                  (bigger, still correct). Used automatically, with a line saying
//                  so, when the size build fails.
//     --entries    build only these entries (the package's exports then list only them)
//     --out DIR    assemble the package in DIR instead of dist/ (sizes then go to
//                  target/sizes-<basename DIR>.json instead of target/sizes.json)

import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { glueOptions, trimGlue, unnameFunctions } from './glue-options.mjs';
import { IMPORT_MODULE, minifyWasmNames } from './wasm-names.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin');

/** The entries: `dir` is where its glue and .wasm go in the package, `features` its cargo features (null: the defaults). */
const ENTRIES = {
  both: { dir: 'wasm', features: null, classes: ['ClerkUsersApi', 'KindeUsersApi'], subpath: '.' },
  clerk: { dir: 'clerk', features: 'clerk', classes: ['ClerkUsersApi'], subpath: './clerk' },
  kinde: { dir: 'kinde', features: 'kinde', classes: ['KindeUsersApi'], subpath: './kinde' },
};
/** What every entry exports besides its client class(es). */
const COMMON_EXPORTS = ['IdpUsersError', 'bulk', 'wasmMemoryBytes'];
const ENTRY_FILES = ['workerd.js', 'node.mjs', 'node.cjs', 'browser.js', 'inline.js'];

function parseArgs(argv) {
  const opts = { skipWasm: false, stable: false, entries: Object.keys(ENTRIES), out: join(root, 'dist') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--skip-wasm') opts.skipWasm = true;
    else if (a === '--stable') opts.stable = true;
    else if (a === '--entries') opts.entries = String(argv[++i] ?? '').split(',').filter(Boolean);
    else if (a === '--out') opts.out = resolve(String(argv[++i] ?? ''));
    else throw new Error(`unknown argument ${a} (see the head of scripts/build.mjs)`);
  }
  const bad = opts.entries.filter((e) => !ENTRIES[e]);
  if (bad.length || !opts.entries.length) throw new Error(`--entries takes some of ${Object.keys(ENTRIES).join(',')}`);
  if (!opts.entries.includes('both')) throw new Error('--entries must include both: the root entry (and idp-users/proxy) use it');
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const dist = opts.out;
const isDefaultOut = dist === join(root, 'dist');
const sizesFile = join(root, 'target', isDefaultOut ? 'sizes.json' : `sizes-${basename(dist)}.json`);

/** Runs a command with its output shown as it comes; resolves to { code, stderr } (stderr also kept, for the reason of a failure). */
function run(cmd, args, env = {}) {
  return new Promise((done) => {
    const childEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env };
    // undefined: the variable is removed (the stable build must not inherit RUSTC_BOOTSTRAP or RUSTFLAGS).
    for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'pipe'], env: childEnv });
    let stderr = '';
    child.stderr.on('data', (d) => {
      process.stderr.write(d);
      if (stderr.length < 1 << 20) stderr += d;
    });
    child.on('error', (e) => done({ code: -1, stderr: `${stderr}\nerror: ${e.message}` }));
    child.on('close', (code) => done({ code, stderr }));
  });
}

function cargoVersion() {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  return /^version\s*=\s*"([^"]+)"/m.exec(toml)[1];
}

/**
 * The size build (`stable` false): std is rebuilt for size (its own
 * `optimize_for_size` feature: the smaller of its implementations) with
 * panics that abort immediately and carry no location or message text,
 * and rustc's MIR inliner runs (-Zinline-mir=yes: the inliner every `-O`
 * build uses, which opt-level "z" leaves off; 2.2 KB less gzipped .wasm
 * per entry); RUSTC_BOOTSTRAP unlocks these flags on the stable toolchain.
 * All entries share one target dir, so std is compiled once (cargo keys
 * the crate's artifacts by feature set). The stable build (`stable` true) uses the toolchain's prebuilt std
 * and no unstable flag; its own target dir keeps the two from invalidating
 * each other. Neither is target/wasm-build, which other scripts (benches/)
 * build into: wasm-pack reads the crate's .wasm from the target dir after
 * cargo releases its lock, so a build running there at the same time could
 * hand this one its artifact.
 */
function wasmPack(entry, stable) {
  const { features } = ENTRIES[entry];
  const out = join(stable ? join(root, 'target', 'wasm-web-stable') : join(root, 'target', 'wasm-web'), entry);
  rmSync(out, { recursive: true, force: true });
  const cargoArgs = features ? ['--no-default-features', '--features', features] : [];
  if (!stable) cargoArgs.push('-Zbuild-std=std,panic_abort', '-Zbuild-std-features=optimize_for_size');
  const args = ['build', '.', '--target', 'web', '--release', '--no-typescript', '--no-pack', '--out-dir', out, '--', ...cargoArgs];
  const env = stable
    ? { CARGO_TARGET_DIR: join(root, 'target', 'wasm-release-stable'), RUSTC_BOOTSTRAP: undefined, RUSTFLAGS: undefined, CARGO_ENCODED_RUSTFLAGS: undefined }
    : {
        RUSTC_BOOTSTRAP: '1',
        RUSTFLAGS: '-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -Zinline-mir=yes',
        CARGO_TARGET_DIR: join(root, 'target', 'wasm-release'),
      };
  console.log(`\n== build: ${entry} entry (${features ? `--no-default-features --features ${features}` : 'default features'}; ${stable ? 'stable toolchain build' : 'size build'})`);
  return run('wasm-pack', args, env);
}

/** The first line of cargo's or wasm-pack's output that says what went wrong. */
function reasonOf({ code, stderr }) {
  const lines = stderr.split('\n');
  // rustc's and cargo's own `error:` lines say why; wasm-pack's `Error:` wraps them.
  const line = lines.find((l) => /^\s*error(\[\w+\])?:/.test(l)) ?? lines.find((l) => /^\s*Error\b/.test(l));
  return (line ?? `wasm-pack exited with code ${code}`).trim().slice(0, 300);
}

/** Builds every entry's .wasm; returns { mode, fallbackReason? }. */
async function buildWasm() {
  if (opts.stable) {
    for (const entry of opts.entries) {
      const r = await wasmPack(entry, true);
      if (r.code !== 0) throw new Error(`the stable build of the ${entry} entry failed: ${reasonOf(r)}`);
    }
    return { mode: 'stable' };
  }
  for (const entry of opts.entries) {
    const r = await wasmPack(entry, false);
    if (r.code === 0) continue;
    // A toolchain without rust-src, or one that refuses these -Z flags, still
    // builds a correct (bigger) package with the plain stable build. A compile
    // error in src/ fails both, and is reported as such.
    const reason = reasonOf(r);
    console.error(`\n== build: the size build of the ${entry} entry failed (${reason}); trying the stable fallback for every entry`);
    for (const e of opts.entries) {
      const s = await wasmPack(e, true);
      if (s.code !== 0) throw new Error(`the size build failed (${reason}) and so did the stable fallback of the ${e} entry (${reasonOf(s)})`);
    }
    return { mode: 'stable-fallback', fallbackReason: reason };
  }
  return { mode: 'size' };
}

let build;
if (opts.skipWasm) {
  const previous = existsSync(sizesFile) ? JSON.parse(readFileSync(sizesFile, 'utf8')) : {};
  build = { mode: opts.stable ? 'stable' : previous.build ?? 'size', fallbackReason: previous.fallbackReason };
} else {
  build = await buildWasm();
}
const wasmDirOf = (entry) => join(build.mode === 'size' ? join(root, 'target', 'wasm-web') : join(root, 'target', 'wasm-web-stable'), entry);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });


/**
 * One entry's files in dist/<dir>/: the wasm-bindgen glue and its JS snippet
 * (IdpUsersError) with the driver, as one ESM and one CommonJS file, the
 * .wasm, and the .wasm as base64 for runtimes that load it from JS alone.
 */
async function assemble(entry) {
  const { dir, classes } = ENTRIES[entry];
  const wasmOut = wasmDirOf(entry);
  const outDir = join(dist, dir);
  if (!existsSync(join(wasmOut, 'idp_users_bg.wasm'))) throw new Error(`no wasm-pack output in ${wasmOut}${opts.skipWasm ? ': build without --skip-wasm first' : ''}`);
  mkdirSync(outDir, { recursive: true });
  const snippet = readdirSync(join(wasmOut, 'snippets'))
    .map((d) => join(wasmOut, 'snippets', d, 'pkg-template', 'runtime.js'))
    .find((p) => existsSync(p));
  if (!snippet) throw new Error(`wasm-pack output ${wasmOut} has no pkg-template/runtime.js snippet`);
  // A per-provider bundle exports only its own class: the bundle's entry
  // re-exports what the entry files need, so the other class is not part of
  // the module's interface.
  // The root entry starts with initSync and exports the proxy's hooks; a
  // provider's entry starts with its own init (initClerk, initKinde: one
  // class installed, so the other's code is left out) under the same name.
  const exported = entry === 'both' ? [...classes, ...COMMON_EXPORTS, 'initSync', '__proxy'] : [...classes, ...COMMON_EXPORTS, `init${classes[0].replace('UsersApi', '')} as initSync`];
  // The .wasm with short import and export names, and the glue to match.
  const { bytes: wasmBytes, imports, exports } = minifyWasmNames(readFileSync(join(wasmOut, 'idp_users_bg.wasm')));
  const glue = {
    ...glueOptions,
    plugins: [trimGlue(join(wasmOut, 'idp_users.js'), { imports, exports, module: IMPORT_MODULE })],
    stdin: { contents: `export { ${exported.join(', ')} } from './glue.js';`, resolveDir: join(root, 'pkg-template'), sourcefile: `${entry}-glue.js` },
    alias: { 'idp-users:glue': join(wasmOut, 'idp_users.js'), 'idp-users:runtime': snippet },
  };
  // Each bundle with its top-level functions unnamed (unnameFunctions: nothing for keepNames to wrap).
  const write = async (format, file, extra = {}) => {
    const { outputFiles } = await esbuild.build({ ...glue, ...extra, format, write: false, outfile: join(outDir, file) });
    writeFileSync(join(outDir, file), unnameFunctions(outputFiles[0].text));
  };
  await write('esm', 'idp_users.js');
  // import.meta.url only serves wasm-bindgen's default loader, which the CJS
  // entry never calls (it passes the bytes to initSync).
  await write('cjs', 'idp_users.cjs', { define: { 'import.meta.url': 'undefined' } });

  checkProviders(entry, wasmBytes);
  writeFileSync(join(outDir, 'idp_users_bg.wasm'), wasmBytes);
  writeFileSync(
    join(outDir, 'idp_users_bg.wasm.js'),
    `// The module's bytes, for runtimes that load it from JS alone.\nexport const wasmBase64 = ${JSON.stringify(wasmBytes.toString('base64'))};\n`,
  );
  if (entry !== 'both') writeProviderEntries(entry);
}

/**
 * The .wasm holds the operation tables of its entry's providers and no
 * other's: an operation name only one provider has is looked for in its
 * bytes (the names are in the tables' data).
 */
function checkProviders(entry, wasm) {
  const marks = { KindeUsersApi: 'getUserData', ClerkUsersApi: 'getUserList' };
  for (const [cls, op] of Object.entries(marks)) {
    const want = ENTRIES[entry].classes.includes(cls);
    if (wasm.includes(op) !== want) throw new Error(`the ${entry} entry's .wasm ${want ? 'lacks' : 'holds'} ${cls}'s operation ${op}`);
  }
}

/**
 * dist/<provider>/{node.mjs,node.cjs,workerd.js,browser.js}: the root
 * entries of pkg-template/ with their paths one level down and only the
 * provider's class exported. Each rewrite is checked, so a changed root
 * entry fails the build instead of shipping a wrong provider entry.
 */
function writeProviderEntries(entry) {
  const { dir, classes } = ENTRIES[entry];
  const dropped = ENTRIES.both.classes.filter((c) => !classes.includes(c));
  const replace = (text, from, to, file) => {
    if (!text.includes(from)) throw new Error(`pkg-template/${file} no longer contains ${JSON.stringify(from)}: update writeProviderEntries in scripts/build.mjs`);
    return text.replaceAll(from, to);
  };
  for (const file of ENTRY_FILES) {
    let text = readFileSync(join(root, 'pkg-template', file), 'utf8');
    const header = `// idp-users/${entry}: ${classes.join(', ')} alone, from a .wasm without the other provider's tables (built by scripts/build.mjs from ../${file}).\n`;
    if (file === 'node.cjs') {
      text = replace(text, "require('./wasm/idp_users.cjs')", "require('./idp_users.cjs')", file);
      text = replace(text, "join(__dirname, 'wasm', 'idp_users_bg.wasm')", "join(__dirname, 'idp_users_bg.wasm')", file);
      for (const c of dropped) text = replace(text, `exports.${c} = glue.${c};\n`, '', file);
      text = replace(text, '// For idp-users/proxy alone (see glue.js).\nexports.__proxy = glue.__proxy;\n', '', file);
    } else {
      text = replace(text, "'./wasm/", "'./", file);
      for (const c of dropped) text = replace(text, `${c}, `, '', file);
      // The proxy's hooks: the proxy uses the root entry's classes only.
      text = replace(text, ', __proxy }', ' }', file);
    }
    writeFileSync(join(dist, dir, file), header + text);
  }
}

for (const entry of opts.entries) await assemble(entry);

for (const f of ENTRY_FILES) copyFileSync(join(root, 'pkg-template', f), join(dist, f));
const types = readFileSync(join(root, 'pkg-template', 'index.d.ts'), 'utf8');
writeFileSync(join(dist, 'index.d.ts'), types);
writeFileSync(join(dist, 'index.d.cts'), types);

/**
 * clerk.d.ts / kinde.d.ts (+ .d.cts): the provider's class and the shared
 * values, re-exported from the main typings, with every type except the
 * other provider's. The names are read from index.d.ts, which is generated.
 */
function providerTypings(entry) {
  const { classes } = ENTRIES[entry];
  const other = entry === 'clerk' ? 'Kinde' : 'Clerk';
  const values = [...classes, ...COMMON_EXPORTS];
  const typeNames = [...types.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]).filter((n) => !n.startsWith(other));
  for (const v of values) if (!new RegExp(`^export declare (?:class|function) ${v}\\b`, 'm').test(types)) throw new Error(`index.d.ts declares no ${v}`);
  const body = (from) =>
    `// idp-users/${entry}: ${classes.join(', ')} alone (its .wasm holds only ${classes.join(', ').replace('UsersApi', '')}'s tables). Generated by scripts/build.mjs from index.d.ts.\n` +
    `export { ${values.join(', ')} } from '${from}';\n` +
    `export type {\n${typeNames.map((n) => `  ${n},\n`).join('')}} from '${from}';\n`;
  writeFileSync(join(dist, `${entry}.d.ts`), body('./index.js'));
  writeFileSync(join(dist, `${entry}.d.cts`), body('./index.cjs'));
}
for (const entry of opts.entries) if (entry !== 'both') providerTypings(entry);

// idp-users/proxy: ESM as written (it imports the package by its own name, so
// each runtime's condition picks the entry that loads the wasm), a CommonJS
// build whose require('idp-users') picks node.cjs, and its typings.
copyFileSync(join(root, 'pkg-template', 'proxy.js'), join(dist, 'proxy.js'));
await esbuild.build({
  entryPoints: [join(root, 'pkg-template', 'proxy.js')],
  bundle: true,
  external: ['idp-users'],
  format: 'cjs',
  platform: 'neutral',
  outfile: join(dist, 'proxy.cjs'),
  logLevel: 'warning',
  target: 'es2022',
});
const proxyTypes = readFileSync(join(root, 'pkg-template', 'proxy.d.ts'), 'utf8');
writeFileSync(join(dist, 'proxy.d.ts'), proxyTypes);
writeFileSync(join(dist, 'proxy.d.cts'), proxyTypes.replaceAll("from './index.js'", "from './index.cjs'"));

// idp-users/jobs (ESM as written: its modules import the package by its own
// name, like the proxy) and the `idp-users` command. They are files of their
// own, so none of it reaches the root entry's bundle.
cpSync(join(root, 'pkg-template', 'jobs'), join(dist, 'jobs'), { recursive: true });
for (const f of ['cli.js', 'jobs.d.ts', 'jobs-file.d.ts']) copyFileSync(join(root, 'pkg-template', f), join(dist, f));
// idp-users/workflows (workerd only: it imports cloudflare:workers; other
// runtimes resolve its `node` condition, which says so), beside the jobs it runs.
cpSync(join(root, 'pkg-template', 'workflows'), join(dist, 'workflows'), { recursive: true });
copyFileSync(join(root, 'pkg-template', 'workflows.d.ts'), join(dist, 'workflows.d.ts'));

// The fake providers: ESM sources as written, plus CommonJS builds.
if (existsSync(join(root, 'fake', 'index.js'))) {
  cpSync(join(root, 'fake'), join(dist, 'fake'), {
    recursive: true,
    // fake/README.md ships (the package README links to it); the conformance
    // drivers and their notes need the repository's specs, so they stay out.
    filter: (src) => !/(?:conformance|CONFORMANCE\.md)$/.test(src),
  });
  for (const name of ['index', 'server']) {
    const src = join(root, 'fake', `${name}.js`);
    if (!existsSync(src)) continue;
    await esbuild.build({
      entryPoints: [src],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      outfile: join(dist, 'fake', `${name}.cjs`),
      logLevel: 'warning',
      target: 'es2022',
    });
    const dts = join(root, 'fake', `${name}.d.ts`);
    if (existsSync(dts)) copyFileSync(dts, join(dist, 'fake', `${name}.d.cts`));
  }
}

// package.json: the template's exports, less the per-provider entries this
// build left out (--entries), so the package never names a missing file.
const pkg = JSON.parse(readFileSync(join(root, 'pkg-template', 'package.json'), 'utf8'));
pkg.version = cargoVersion();
for (const [entry, { subpath }] of Object.entries(ENTRIES)) {
  if (entry !== 'both' && !opts.entries.includes(entry)) {
    delete pkg.exports[subpath];
    delete pkg.exports[`${subpath}/inline`];
  }
}
writeFileSync(join(dist, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
// The package's README is written for people who install it
// (pkg-template/README.md); the repo's README.md is about working on the repo.
copyFileSync(join(root, 'pkg-template', 'README.md'), join(dist, 'README.md'));
for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) {
  if (existsSync(join(root, f))) copyFileSync(join(root, f), join(dist, f));
}

// Sizes: per entry, the .wasm raw and gzipped, the ESM glue gzipped, and
// their sum (the entry's cost in a bundle). The root entry's figures stay at
// the top level too, where earlier readers of target/sizes.json look.
const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;
const entries = {};
for (const entry of opts.entries) {
  const d = join(dist, ENTRIES[entry].dir);
  const wasmBytes = readFileSync(join(d, 'idp_users_bg.wasm')).length;
  const wasmGzip = gz(join(d, 'idp_users_bg.wasm'));
  const glueGzip = gz(join(d, 'idp_users.js'));
  entries[entry] = { import: entry === 'both' ? 'idp-users' : `idp-users/${entry}`, wasmBytes, wasmGzip, glueGzip, totalGzip: wasmGzip + glueGzip };
}
const sizes = { ...entries.both, build: build.mode, ...(build.fallbackReason ? { fallbackReason: build.fallbackReason } : {}), entries };
mkdirSync(dirname(sizesFile), { recursive: true });
writeFileSync(sizesFile, `${JSON.stringify(sizes, null, 2)}\n`);

console.log(`\n${basename(dist)}/ ready: idp-users ${pkg.version} (${build.mode === 'size' ? 'size build' : build.mode === 'stable' ? 'stable toolchain build (--stable)' : 'STABLE FALLBACK'})`);
for (const [entry, s] of Object.entries(entries)) {
  console.log(`  ${s.import.padEnd(16)} .wasm ${s.wasmBytes} B (${s.wasmGzip} B gzipped), JS glue ${s.glueGzip} B gzipped, total ${s.totalGzip} B gzipped`);
}
console.log(`  sizes written to ${sizesFile.slice(root.length + 1)}`);
if (build.mode === 'stable-fallback') {
  console.log(`\nNOTE: the stable fallback was used because the size build failed: ${build.fallbackReason}\n      The package is correct but bigger; the size budgets of \`npm test\` apply to the size build.`);
}
