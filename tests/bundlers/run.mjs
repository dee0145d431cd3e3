#!/usr/bin/env node
// The browser entries as the bundlers users pick build them: a small app
// that imports idp-users (both providers) and idp-users/clerk, lists users
// from the in-process fake, and publishes what it got; built by each
// bundler both ways (the default browser entry, whose .wasm is an asset of
// its own, and the /inline entries, whose .wasm is inside the JS), served on
// 127.0.0.1 and opened in headless Chromium.
//
//   node tests/bundlers/run.mjs [--dist dist] [--only vite,vite-dev,esbuild,webpack,rollup]
//
// For every build it checks that the app ran (users listed through both
// entries, no page error) and how the .wasm travelled: the asset builds
// fetch each entry's .wasm as a file and ship no base64 of it in their JS;
// the inline builds fetch no .wasm and carry it in their JS. esbuild leaves
// `new URL('…', import.meta.url)` as it is, so its asset build copies the
// .wasm files next to the bundle (as the README tells esbuild users to) and
// is served with a generic content type, which takes the browser entry's
// fallback from streaming compilation to compiling the fetched bytes.
// `vite-dev` is the same app under Vite's dev server (no build), with no
// configuration: its dependency optimizer keeps the .wasm's URL.
// First, with no browser: a Worker that only calls a client, bundled as
// wrangler bundles it, leaves out what it does not use (bulk, the proxy's
// hooks, the other provider's class); and a Vite SPA on idp-users/clerk
// pays at most 1.10x what the minified Worker pays (benches/spa-size.mjs).
// Work folder: tests/bundlers/.work (dist/ copied in as node_modules/idp-users).

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const WORK = path.join(HERE, '.work');
const NM = path.join(REPO, 'node_modules');
const argv = process.argv.slice(2);
const value = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const DIST = path.resolve(value('--dist') ?? path.join(REPO, 'dist'));
const BUNDLERS = ['vite', 'vite-dev', 'esbuild', 'webpack', 'rollup'];
const only = value('--only')?.split(',') ?? BUNDLERS;
for (const b of only) if (!BUNDLERS.includes(b)) throw new Error(`unknown bundler ${b} (known: ${BUNDLERS.join(', ')})`);
const importFrom = (pkg, file) => import(pathToFileURL(path.join(NM, pkg, file)).href);
/** The start of every .wasm in base64 (its magic number and version). */
const WASM_BASE64 = 'AGFzbQEAAAA';

// ---- the app
function appSource(inline) {
  const from = (e) => (inline ? `${e}/inline` : e);
  return `import { KindeUsersApi } from '${from('idp-users')}';
import { ClerkUsersApi, IdpUsersError } from '${from('idp-users/clerk')}';
import { createFakeProviders } from 'idp-users/fake';

const fake = createFakeProviders();
const allow = { fetch: fake.fetch, dangerouslyAllowBrowser: true };
const result = {};
try {
  const clerk = new ClerkUsersApi({ secretKey: fake.clerk.secretKey, baseUrl: 'https://api.clerk.test/v1', ...allow });
  const kinde = new KindeUsersApi({ domain: 'https://fake.kinde.com', clientId: fake.kinde.clientId, clientSecret: fake.kinde.clientSecret, ...allow });
  result.clerk = (await clerk.getUserList({ limit: 100 })).length;
  result.kinde = (await kinde.getUsers({ page_size: 5 })).users.length;
  try {
    await clerk.getUser('');
  } catch (e) {
    result.refused = e instanceof IdpUsersError ? e.kind : String(e);
  }
} catch (e) {
  result.error = String(e?.stack ?? e);
}
window.__result = result;
`;
}

const HTML = (script) => `<!doctype html>\n<meta charset="utf-8">\n<title>idp-users bundler test</title>\n${script}\n`;

function writeApp(dir, inline) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'main.js'), appSource(inline));
}

// ---- one build per bundler and way; each returns the folder to serve
const builds = {
  async vite(dir) {
    const { build } = await importFrom('vite', 'dist/node/index.js');
    fs.writeFileSync(path.join(dir, 'index.html'), HTML('<script type="module" src="./src/main.js"></script>'));
    await build({ root: dir, configFile: false, logLevel: 'silent', build: { outDir: 'out', emptyOutDir: true } });
    return path.join(dir, 'out');
  },
  /** Not a build: the dev server itself, which `check` opens instead of a folder. */
  async 'vite-dev'(dir) {
    const { createServer } = await importFrom('vite', 'dist/node/index.js');
    fs.writeFileSync(path.join(dir, 'index.html'), HTML('<script type="module" src="./src/main.js"></script>'));
    const server = await createServer({ root: dir, configFile: false, logLevel: 'silent', server: { host: '127.0.0.1', port: 0, strictPort: false } });
    await server.listen();
    return { url: server.resolvedUrls.local[0], close: () => server.close() };
  },
  async esbuild(dir, inline) {
    const esbuild = await importFrom('esbuild', 'lib/main.js');
    const out = path.join(dir, 'out');
    await esbuild.build({ entryPoints: [path.join(dir, 'src', 'main.js')], bundle: true, format: 'esm', platform: 'browser', outdir: out, logLevel: 'error' });
    if (!inline) {
      // esbuild keeps `new URL('./…', import.meta.url)` relative to the bundle: each entry's .wasm goes there.
      const pkg = path.join(WORK, 'node_modules', 'idp-users');
      fs.mkdirSync(path.join(out, 'wasm'), { recursive: true });
      fs.copyFileSync(path.join(pkg, 'wasm', 'idp_users_bg.wasm'), path.join(out, 'wasm', 'idp_users_bg.wasm'));
      fs.copyFileSync(path.join(pkg, 'clerk', 'idp_users_bg.wasm'), path.join(out, 'idp_users_bg.wasm'));
    }
    fs.writeFileSync(path.join(out, 'index.html'), HTML('<script type="module" src="./main.js"></script>'));
    return out;
  },
  async webpack(dir) {
    const { default: webpack } = await importFrom('webpack', 'lib/index.js');
    const out = path.join(dir, 'out');
    const stats = await new Promise((resolve, reject) =>
      webpack({ mode: 'production', context: dir, entry: './src/main.js', output: { path: out, filename: 'main.js', clean: true }, target: 'web', performance: { hints: false } }, (err, s) =>
        err ? reject(err) : resolve(s),
      ),
    );
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }).slice(0, 2000));
    fs.writeFileSync(path.join(out, 'index.html'), HTML('<script src="./main.js"></script>'));
    return out;
  },
  async rollup(dir) {
    const { rollup } = await importFrom('rollup', 'dist/es/rollup.js');
    const { nodeResolve } = await importFrom('@rollup/plugin-node-resolve', 'dist/es/index.js');
    const { importMetaAssets } = await importFrom('@web/rollup-plugin-import-meta-assets', 'index.mjs');
    const out = path.join(dir, 'out');
    fs.rmSync(out, { recursive: true, force: true });
    const bundle = await rollup({ input: path.join(dir, 'src', 'main.js'), plugins: [nodeResolve({ browser: true }), importMetaAssets()], onwarn: () => {} });
    await bundle.write({ dir: out, format: 'es' });
    await bundle.close();
    fs.writeFileSync(path.join(out, 'index.html'), HTML('<script type="module" src="./main.js"></script>'));
    return out;
  },
};

// ---- what a Worker that only calls a client bundles
/**
 * A Worker that lists users, bundled as wrangler bundles it (esbuild,
 * the `workerd` condition, minified, the .wasm left as a module): the
 * parts it does not use must not be in it. Marks: bulk's own message,
 * the proxy's hooks' own message, and the other provider's class name.
 */
async function treeShaking() {
  const esbuild = await importFrom('esbuild', 'lib/main.js');
  const marks = { bulk: 'must be iterable', 'the proxy hooks (__proxy)': 'not a client class of this entry' };
  const cases = [
    { from: 'idp-users', absent: marks },
    { from: 'idp-users/clerk', absent: { ...marks, 'the Kinde class': 'KindeUsersApi' } },
    { from: 'idp-users/kinde', absent: { ...marks, 'the Clerk class': 'ClerkUsersApi' }, cls: 'KindeUsersApi' },
  ];
  let ok = true;
  for (const { from, absent, cls = 'ClerkUsersApi' } of cases) {
    const r = await esbuild.build({
      stdin: { contents: `import { ${cls} } from '${from}';\nexport default { fetch: (req, env) => new ${cls}(env.CONFIG).__operations?.() };\n`, resolveDir: WORK },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser'],
      external: ['*.wasm'],
      minify: true,
      logLevel: 'error',
    });
    const text = r.outputFiles[0].text;
    const found = Object.entries(absent).filter(([, mark]) => text.includes(mark)).map(([what]) => what);
    // The marks must be in the package: otherwise their absence proves nothing.
    const glue = fs.readFileSync(path.join(WORK, 'node_modules', 'idp-users', 'wasm', 'idp_users.js'), 'utf8');
    const unmarked = Object.entries(marks).filter(([, mark]) => !glue.includes(mark)).map(([what]) => what);
    const failures = [...found.map((w) => `holds ${w}`), ...unmarked.map((w) => `the package no longer has the mark of ${w}: update tests/bundlers/run.mjs`)];
    console.log(`${failures.length ? 'FAIL' : 'ok  '} a Worker that only calls ${from}'s ${cls} leaves out ${Object.keys(absent).join(', ')}${failures.map((f) => `\n       ${f}`).join('')}`);
    ok &&= failures.length === 0;
  }
  return ok;
}

// ---- serving and checking
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

/** Serves `root`; `.wasm` as application/wasm unless `genericWasm` (then application/octet-stream). */
async function serve(root, genericWasm) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.resolve(root, `.${rel.endsWith('/') ? `${rel}index.html` : rel}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
    const ext = path.extname(file);
    const type = ext === '.wasm' && genericWasm ? 'application/octet-stream' : (TYPES[ext] ?? 'application/octet-stream');
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(fs.readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return server;
}

const jsFiles = (dir) =>
  fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, f))
    .filter((f) => /\.m?js$/.test(f) && fs.statSync(f).isFile());

/** Opens the app (a built folder `out`, or a dev server `{ url, close }`) and checks it. */
async function check(browser, name, out, inline, genericWasm) {
  const failures = [];
  const dev = typeof out === 'object';
  const server = dev ? null : await serve(out, genericWasm);
  const url = dev ? out.url : `http://127.0.0.1:${server.address().port}/`;
  const page = await browser.newPage();
  const wasmRequests = [];
  const errors = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) wasmRequests.push(new URL(r.url()).pathname);
  });
  page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 20_000 }).catch(() => {});
    const result = await page.evaluate(() => window.__result);
    if (!result) failures.push(`the app published no result${errors.length ? ` (page error: ${errors[0]})` : ''}`);
    else {
      if (result.error) failures.push(`the app failed: ${result.error.split('\n')[0]}`);
      if (result.clerk !== 25) failures.push(`idp-users/clerk listed ${result.clerk} users (the fake's 25 expected)`);
      if (result.kinde !== 5) failures.push(`idp-users listed ${result.kinde} Kinde users (5 expected)`);
      if (result.refused !== 'validation') failures.push(`an empty id was refused as ${result.refused} (an IdpUsersError of kind validation expected)`);
    }
    for (const e of errors) failures.push(`page error: ${e}`);
  } finally {
    await page.close();
    if (dev) await out.close();
    else server.close();
  }
  const base64In = dev ? [] : jsFiles(out).filter((f) => fs.readFileSync(f, 'latin1').includes(WASM_BASE64));
  if (inline) {
    if (wasmRequests.length) failures.push(`the inline build fetched ${wasmRequests.join(', ')}`);
    if (!dev && !base64In.length) failures.push('the inline build carries no .wasm in its JS');
  } else {
    if (wasmRequests.length !== 2) failures.push(`the asset build fetched ${wasmRequests.length} .wasm file(s) (2 expected: the root entry's and idp-users/clerk's): ${wasmRequests.join(', ')}`);
    if (base64In.length) failures.push(`the asset build has a .wasm in base64 in ${base64In.map((f) => path.relative(out, f)).join(', ')}`);
  }
  const what = `${name}: ${inline ? 'inline' : `asset${genericWasm ? ', .wasm served as application/octet-stream' : ''}`}`;
  console.log(`${failures.length ? 'FAIL' : 'ok  '} ${what} (${wasmRequests.length} .wasm fetched)${failures.map((f) => `\n       ${f}`).join('')}`);
  return failures.length === 0;
}

// ---- main
const t0 = Date.now();
fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(WORK, { recursive: true });
fs.cpSync(DIST, path.join(WORK, 'node_modules', 'idp-users'), { recursive: true });
fs.writeFileSync(path.join(WORK, 'package.json'), '{ "private": true, "type": "module" }\n');

const { chromium } = await importFrom('playwright-core', 'index.mjs');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
/**
 * Which file each condition picks: `browser` the asset entry, plain
 * `import` (a runtime or bundler that matches nothing more specific) and
 * the /inline subpaths the single file.
 */
async function resolution() {
  const esbuild = await importFrom('esbuild', 'lib/main.js');
  const cases = [
    ['idp-users', ['browser'], 'browser.js'],
    ['idp-users/clerk', ['browser'], 'clerk/browser.js'],
    ['idp-users', [], 'inline.js'],
    ['idp-users/kinde', [], 'kinde/inline.js'],
    ['idp-users/inline', ['browser'], 'inline.js'],
    ['idp-users/clerk/inline', ['browser'], 'clerk/inline.js'],
    ['idp-users/kinde/inline', ['workerd'], 'kinde/inline.js'],
  ];
  let ok = true;
  for (const [spec, conditions, want] of cases) {
    const r = await esbuild.build({ stdin: { contents: `import '${spec}';`, resolveDir: WORK }, bundle: true, write: false, metafile: true, format: 'esm', platform: 'neutral', conditions, external: ['*.wasm'], logLevel: 'silent' });
    const got = Object.keys(r.metafile.inputs)
      .map((f) => f.replace(/\\/g, '/').match(/node_modules\/idp-users\/(.+)$/)?.[1])
      .filter((f) => f && /^(?:(?:clerk|kinde)\/)?(?:browser|inline|workerd|node)\.m?js$/.test(f));
    const good = got.length === 1 && got[0] === want;
    console.log(`${good ? 'ok  ' : 'FAIL'} ${spec} under ${conditions.length ? conditions.join(', ') : 'import alone'}: ${got.join(', ') || 'no entry'}${good ? '' : ` (${want} expected)`}`);
    ok &&= good;
  }
  return ok;
}

/**
 * A Vite SPA pays no more for the package than a Worker does (the README's
 * promise, within 10%), measured as `npm run bench` measures it
 * (benches/spa-size.mjs: gzip -9 of what `vite build` and
 * `wrangler deploy --dry-run --minify` emit, less the same app on plain
 * fetch), for idp-users/clerk.
 */
async function spaWithinWorker() {
  const { runSpaSize } = await import(pathToFileURL(path.join(REPO, 'benches', 'spa-size.mjs')).href);
  const { rows } = await runSpaSize({ dist: DIST, ids: ['idp-users-clerk'] });
  const { ratio, worker, spa } = rows[0];
  const failures = [];
  if (!(ratio.asset <= 1.1)) failures.push(`the SPA pays ${ratio.asset}x the Worker's bytes (at most 1.10x)`);
  if (!(spa.inline.package > spa.asset.package)) failures.push('the inline build is not the heavier one');
  console.log(`${failures.length ? 'FAIL' : 'ok  '} a Vite SPA on idp-users/clerk: ${spa.asset.package} B gzipped (.wasm as an asset; ${spa.inline.package} B inline), ${ratio.asset}x the minified Worker's ${worker.package} B${failures.map((f) => `\n       ${f}`).join('')}`);
  return failures.length === 0;
}

const resolved = await resolution();
const shaken = await treeShaking();
let ok = (await spaWithinWorker()) && shaken && resolved;
try {
  for (const name of only) {
    for (const inline of name === 'vite-dev' ? [false] : [false, true]) {
      const dir = path.join(WORK, `${name}-${inline ? 'inline' : 'asset'}`);
      writeApp(dir, inline);
      let out;
      try {
        out = await builds[name](dir, inline);
      } catch (e) {
        console.log(`FAIL ${name}: ${inline ? 'inline' : 'asset'}: the build failed: ${String(e?.message ?? e).split('\n').slice(0, 4).join(' ')}`);
        ok = false;
        continue;
      }
      ok = (await check(browser, name, out, inline, name === 'esbuild' && !inline)) && ok;
    }
  }
} finally {
  await browser.close();
}
console.log(`bundlers: ${ok ? 'all passed' : 'FAILED'} (${only.join(', ')}; ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(ok ? 0 : 1);
