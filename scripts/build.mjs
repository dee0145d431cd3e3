#!/usr/bin/env node
// `npm run build`: compiles the crate with wasm-pack (one release build, web
// target) and assembles the publishable package in dist/ from pkg-template/,
// the wasm-pack output and fake/.
//
//   node scripts/build.mjs [--skip-wasm]   (--skip-wasm reuses target/wasm-web)

import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const wasmOut = join(root, 'target', 'wasm-web');
const bin = join(root, 'node_modules', '.bin');

function run(cmd, args, env = {}) {
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env } });
}

function cargoVersion() {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  return /^version\s*=\s*"([^"]+)"/m.exec(toml)[1];
}

if (!process.argv.includes('--skip-wasm')) {
  // Size matters (the package ships to Workers): std is rebuilt for size with
  // panics that abort immediately and carry no location or message text.
  // RUSTC_BOOTSTRAP unlocks these flags on the stable toolchain.
  run(
    'wasm-pack',
    ['build', '.', '--target', 'web', '--release', '--no-typescript', '--no-pack', '--out-dir', wasmOut, '--', '-Zbuild-std=std,panic_abort'],
    {
      RUSTC_BOOTSTRAP: '1',
      RUSTFLAGS: '-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none',
      CARGO_TARGET_DIR: join(root, 'target', 'wasm-build'),
    },
  );
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'wasm'), { recursive: true });

// The wasm-bindgen glue and its JS snippet (IdpUsersError), as one ESM file
// and one CommonJS file.
const snippet = readdirSync(join(wasmOut, 'snippets'))
  .map((d) => join(wasmOut, 'snippets', d, 'pkg-template', 'runtime.js'))
  .find((p) => existsSync(p));
if (!snippet) throw new Error('wasm-pack output has no pkg-template/runtime.js snippet');
const glue = {
  entryPoints: [join(root, 'pkg-template', 'glue.js')],
  alias: { 'idp-users:glue': join(wasmOut, 'idp_users.js'), 'idp-users:runtime': snippet },
  bundle: true,
  minifyWhitespace: true,
  minifySyntax: true,
  // glue.js names its two public classes itself (`KindeUsersApi.name`),
  // which costs far less than esbuild's keepNames.
  minifyIdentifiers: true,
  legalComments: 'none',
  // wasm-bindgen lists the snippet module once per import it takes from it.
  logOverride: { 'duplicate-object-key': 'silent' },
  logLevel: 'warning',
  target: 'es2022',
};
await esbuild.build({ ...glue, format: 'esm', outfile: join(dist, 'wasm', 'idp_users.js') });
// import.meta.url only serves wasm-bindgen's default loader, which the CJS
// entry never calls (it passes the bytes to initSync).
await esbuild.build({ ...glue, format: 'cjs', outfile: join(dist, 'wasm', 'idp_users.cjs'), define: { 'import.meta.url': 'undefined' } });

const wasmBytes = readFileSync(join(wasmOut, 'idp_users_bg.wasm'));
writeFileSync(join(dist, 'wasm', 'idp_users_bg.wasm'), wasmBytes);
writeFileSync(
  join(dist, 'wasm', 'idp_users_bg.wasm.js'),
  `// The module's bytes, for runtimes that load it from JS alone.\nexport const wasmBase64 = ${JSON.stringify(wasmBytes.toString('base64'))};\n`,
);

for (const f of ['workerd.js', 'node.mjs', 'node.cjs', 'browser.js']) copyFileSync(join(root, 'pkg-template', f), join(dist, f));
const types = readFileSync(join(root, 'pkg-template', 'index.d.ts'), 'utf8');
writeFileSync(join(dist, 'index.d.ts'), types);
writeFileSync(join(dist, 'index.d.cts'), types);

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

// The fake providers: ESM sources as written, plus CommonJS builds.
if (existsSync(join(root, 'fake', 'index.js'))) {
  cpSync(join(root, 'fake'), join(dist, 'fake'), {
    recursive: true,
    filter: (src) => !/(?:conformance|CONFORMANCE\.md|README\.md)$/.test(src),
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

const pkg = JSON.parse(readFileSync(join(root, 'pkg-template', 'package.json'), 'utf8'));
pkg.version = cargoVersion();
writeFileSync(join(dist, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
for (const f of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE']) {
  if (existsSync(join(root, f))) copyFileSync(join(root, f), join(dist, f));
}

const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;
const wasmGz = gz(join(dist, 'wasm', 'idp_users_bg.wasm'));
const jsGz = gz(join(dist, 'wasm', 'idp_users.js'));
const sizes = {
  wasmBytes: wasmBytes.length,
  wasmGzip: wasmGz,
  glueGzip: jsGz,
  totalGzip: wasmGz + jsGz,
};
writeFileSync(join(root, 'target', 'sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
console.log(
  `dist/ ready: idp-users ${pkg.version}; .wasm ${sizes.wasmBytes} B (${wasmGz} B gzipped), JS glue ${jsGz} B gzipped, total ${sizes.totalGzip} B gzipped`,
);
