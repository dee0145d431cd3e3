#!/usr/bin/env node
// What the package costs on the wire: a Vite SPA that lists 100 users, built
// with each entry both ways (the default browser entry, whose .wasm is an
// asset of its own, and `/inline`, whose .wasm travels inside the JS as
// base64), beside the Worker that does the same, bundled by wrangler with
// --minify. Every figure is gzip -9 of every file the build emits (the
// SPA's index.html, JS and .wasm; the Worker's modules); "package" is that
// total less the same app written with plain fetch.
//
//   node benches/spa-size.mjs [--dist DIR] [--json FILE] [--entries idp-users,idp-users-clerk,...]
//
// It prints a markdown table, then one line of JSON (last line of stdout):
//   { dist, rows: [{ id, import, worker: { js, wasm, total, package }, spa: { asset: {...}, inline: {...} },
//     ratio: { asset, inline } }], baseline: { worker, spa } }
// where each `{...}` is { files: { name: gzipBytes }, js, wasm, total, package } and `ratio.*` is the SPA's
// package bytes over the Worker's. `npm run bench` can import runSpaSize() instead.
// Work folder: benches/.work/spa (a copy of dist/ as node_modules/idp-users).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { REPO, WORK } from './lib/work.mjs';
import { bundleFiles, bundleWorker } from './lib/wrangler.mjs';

const SPA_WORK = path.join(WORK, 'spa');
const gzip9 = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** The apps: the Worker source (benches/workers/size/<id>.js) and the same list in a page. */
export const ENTRIES = {
  'plain-fetch': { import: null },
  'idp-users': { import: 'idp-users', cls: 'ClerkUsersApi', call: 'getUserList({ limit: 100 })', config: "{ secretKey: 'sk_test_spa' }" },
  'idp-users-clerk': { import: 'idp-users/clerk', cls: 'ClerkUsersApi', call: 'getUserList({ limit: 100 })', config: "{ secretKey: 'sk_test_spa' }" },
  'idp-users-kinde': {
    import: 'idp-users/kinde',
    cls: 'KindeUsersApi',
    call: 'getUsers({ page_size: 100 })',
    config: "{ domain: 'https://acme.kinde.com', getToken: async () => sessionStorage.getItem('token') ?? '' }",
  },
};

/** The page's script: the Worker's call, its result shown in the page. */
function pageSource(id, variant) {
  const e = ENTRIES[id];
  const show = "document.getElementById('out').textContent = JSON.stringify";
  if (!e.import) {
    return `const res = await fetch('https://api.clerk.com/v1/users?limit=100', { headers: { authorization: \`Bearer \${sessionStorage.getItem('token')}\` } });\nif (!res.ok) throw new Error(\`Clerk answered \${res.status}\`);\n${show}(await res.json());\n`;
  }
  const from = variant === 'inline' ? `${e.import}/inline` : e.import;
  return `import { ${e.cls} } from '${from}';\n\nconst client = new ${e.cls}(${e.config});\n${show}(await client.${e.call});\n`;
}

/** gzip -9 of every file under `dir` (source maps left out): { files, js, wasm, total }. */
function measureDir(dir, files) {
  const out = { files: {}, js: 0, wasm: 0, total: 0 };
  for (const f of files) {
    if (f.endsWith('.map')) continue;
    const g = gzip9(fs.readFileSync(f));
    out.files[path.relative(dir, f)] = g;
    out.total += g;
    if (f.endsWith('.wasm')) out.wasm += g;
    else if (/\.m?js$/.test(f)) out.js += g;
  }
  return out;
}

async function buildSpa(id, variant, log) {
  const { build } = await import(pathToFileURL(path.join(REPO, 'node_modules', 'vite', 'dist', 'node', 'index.js')).href);
  const dir = path.join(SPA_WORK, 'spa', `${id}-${variant}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>\n<title>users</title>\n<pre id="out"></pre>\n<script type="module" src="./main.js"></script>\n');
  fs.writeFileSync(path.join(dir, 'main.js'), pageSource(id, variant));
  await build({ root: dir, configFile: false, logLevel: 'silent', build: { outDir: 'dist', emptyOutDir: true } });
  const out = path.join(dir, 'dist');
  const m = measureDir(out, fs.readdirSync(out, { recursive: true }).map((f) => path.join(out, f)).filter((f) => fs.statSync(f).isFile()));
  log?.(`spa ${id} (${variant}): ${m.total} B gzip (${Object.entries(m.files).map(([f, b]) => `${f} ${b}`).join(', ')})`);
  return m;
}

async function buildWorker(id, log) {
  const source = fs.readFileSync(path.join(REPO, 'benches', 'workers', 'size', `${id}.js`), 'utf8');
  const b = await bundleWorker(path.join(SPA_WORK, 'workers', id), source, { nodejsCompat: true, name: `spa-size-${id}`, minify: true });
  if (!b.ok) throw new Error(`the ${id} Worker does not bundle: ${b.error}`);
  const m = measureDir(b.outDir, bundleFiles(b.outDir));
  log?.(`worker ${id} (--minify): ${m.total} B gzip (${Object.entries(m.files).map(([f, b]) => `${f} ${b}`).join(', ')})`);
  return m;
}

/** Measures every entry of `ids` (plain fetch is always measured: it is the baseline). */
export async function runSpaSize({ dist = path.join(REPO, 'dist'), ids = Object.keys(ENTRIES), log } = {}) {
  const pkg = path.join(SPA_WORK, 'node_modules', 'idp-users');
  fs.rmSync(pkg, { recursive: true, force: true });
  fs.cpSync(dist, pkg, { recursive: true });
  fs.writeFileSync(path.join(SPA_WORK, 'package.json'), '{ "private": true, "type": "module" }\n');
  const baseline = { worker: await buildWorker('plain-fetch', log), spa: await buildSpa('plain-fetch', 'asset', log) };
  const rows = [];
  for (const id of ids) {
    if (id === 'plain-fetch') continue;
    const worker = await buildWorker(id, log);
    worker.package = worker.total - baseline.worker.total;
    const spa = {};
    const ratio = {};
    for (const variant of ['asset', 'inline']) {
      spa[variant] = await buildSpa(id, variant, log);
      spa[variant].package = spa[variant].total - baseline.spa.total;
      ratio[variant] = Number((spa[variant].package / worker.package).toFixed(3));
    }
    rows.push({ id, import: ENTRIES[id].import, worker, spa, ratio });
  }
  return { dist, baseline, rows };
}

const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;

/** The markdown table of a runSpaSize() result. */
export function spaTable({ baseline, rows }) {
  const lines = [
    '| Entry | Worker (`--minify`) | Vite SPA, `.wasm` as an asset | Vite SPA, `/inline` (base64) |',
    '|---|---:|---:|---:|',
  ];
  for (const r of rows) {
    const cell = (m, ratio) => `${kib(m.package)} (JS ${kib(m.js - (m === r.worker ? baseline.worker.js : baseline.spa.js))} + \`.wasm\` ${kib(m.wasm)})${ratio === undefined ? '' : `, ${ratio.toFixed(2)}x`}`;
    lines.push(`| \`${r.import}\` | ${cell(r.worker)} | ${cell(r.spa.asset, r.ratio.asset)} | ${cell(r.spa.inline, r.ratio.inline)} |`);
  }
  lines.push(
    '',
    `The package's bytes: gzip -9 of every file wrangler (nodejs_compat, --minify) or \`vite build\` emits, less the same app with plain fetch (Worker ${kib(baseline.worker.total)}, SPA ${kib(baseline.spa.total)}); the ratios are the SPA's over the Worker's.`,
  );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const value = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const ids = value('--entries')?.split(',');
  for (const id of ids ?? []) if (!ENTRIES[id]) throw new Error(`unknown entry ${id} (known: ${Object.keys(ENTRIES).join(', ')})`);
  const result = await runSpaSize({ dist: path.resolve(value('--dist') ?? path.join(REPO, 'dist')), ids, log: (s) => console.error(s) });
  console.log(spaTable(result));
  if (value('--json')) fs.writeFileSync(value('--json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
}
