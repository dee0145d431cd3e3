#!/usr/bin/env node
// What the crates the package leaves out would cost it now: web-sys +
// wasm-bindgen-futures (a call driven from Rust), gloo-net (the same through
// its `http` feature) and serde + serde-wasm-bindgen (the config and the call
// options). Each is a spike behind a Cargo feature of the crate benches/crates
// (its src/wasm/spikes.rs, over the package's own sources; a member of the
// Cargo workspace that nothing else builds).
//
// 1. Builds the baseline (the package's crate, default features) and each
//    spike (benches/crates with its feature) with the release
//    flags of scripts/build.mjs (wasm-pack, -Zbuild-std, wasm-opt -Oz) into
//    target/spikes/<variant>/, and bundles each glue with esbuild as the
//    build does.
// 2. Sizes: gzipped .wasm + ESM glue of each, against the baseline.
// 3. Per call, all variants loaded in one Node process, rounds interleaved:
//    the baseline's call through its JS driver against the spike's call
//    driven from Rust, both on a fetch that returns a prepared Response
//    (injected through `fetch:`, or as the global fetch for gloo-net, which
//    takes no fetch function); serde against the hand-written readers.
//    Reported: the median of the per-round ratios, and their spread.
// 4. The messages the serde readers give for bad configs and options, next
//    to today's; and what each Rust-driven spike does when fetch resolves to
//    something that is not a Response.
// Prints markdown tables (and writes them to target/spikes/report.md).
//
//   node benches/crates.mjs [--skip-build] [--calls N] [--rounds N]
//     --skip-build  reuse target/spikes/<variant>/ (no cargo, no wasm-pack)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { glueOptions } from '../scripts/glue-options.mjs';

const started = process.hrtime.bigint();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin');
const spikesDir = join(root, 'target', 'spikes');
const argv = process.argv.slice(2);
const arg = (name, dflt) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt);
const skipBuild = argv.includes('--skip-build');
const calls = arg('--calls', 2000);
const rounds = arg('--rounds', 21);

/** The variants: cargo features, and what their glue must export besides the package's own. */
const VARIANTS = {
  baseline: { features: null, exports: [], crates: 'none (the package as it is)' },
  futures: { features: 'spike-futures', exports: ['SpikeClient'], crates: 'web-sys + wasm-bindgen-futures' },
  gloo: { features: 'spike-gloo', exports: ['SpikeClient'], crates: 'gloo-net (`http` only)' },
  serde: {
    features: 'spike-serde',
    exports: ['__serdeKindeConfig', '__handKindeConfig', '__serdeCallOptions', '__handCallOptions'],
    crates: 'serde + serde-wasm-bindgen',
  },
};
/** What the package's root entry exports (scripts/build.mjs, entry `both`). */
const PACKAGE_EXPORTS = ['ClerkUsersApi', 'KindeUsersApi', 'IdpUsersError', 'bulk', 'wasmMemoryBytes', 'initSync'];

// ---- 1. Build ----

/** wasm-pack with the size-build flags of scripts/build.mjs. */
function wasmPack(variant) {
  const { features } = VARIANTS[variant];
  const out = join(spikesDir, variant, 'pkg');
  rmSync(out, { recursive: true, force: true });
  const cargoArgs = features ? ['--features', features] : [];
  cargoArgs.push('-Zbuild-std=std,panic_abort');
  // The spikes' crate is named apart; its output keeps the package's file names.
  const crate = features ? join(root, 'benches', 'crates') : '.';
  const args = ['build', crate, '--target', 'web', '--release', '--no-typescript', '--no-pack', '--out-dir', out, '--out-name', 'idp_users', '--', ...cargoArgs];
  console.error(`\n== build: ${variant} (${features ? `--features ${features}` : 'default features'})`);
  const r = spawnSync('wasm-pack', args, {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      RUSTC_BOOTSTRAP: '1',
      RUSTFLAGS: '-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none',
      // Shared with scripts/build.mjs: std is compiled once for all.
      CARGO_TARGET_DIR: join(root, 'target', 'wasm-build'),
    },
  });
  if (r.status !== 0) throw new Error(`the ${variant} build failed (wasm-pack exited with ${r.status ?? r.signal})`);
}

/**
 * Whether wasm-pack's output is this variant's: the target dir is shared
 * with `npm run build`, so a build running at the same time could hand
 * wasm-bindgen another feature set's .wasm.
 */
function outputMatches(variant) {
  const js = join(spikesDir, variant, 'pkg', 'idp_users.js');
  if (!existsSync(js)) return false;
  const text = readFileSync(js, 'utf8');
  const has = (name) => text.includes(`export class ${name} `) || text.includes(`export function ${name}(`);
  const all = new Set(Object.values(VARIANTS).flatMap((v) => v.exports));
  return [...all].every((name) => has(name) === VARIANTS[variant].exports.includes(name));
}

/** The glue bundled as scripts/build.mjs bundles it, plus the spike's exports. */
async function bundle(variant) {
  const wasmOut = join(spikesDir, variant, 'pkg');
  const snippet = readdirSync(join(wasmOut, 'snippets'))
    .map((d) => join(wasmOut, 'snippets', d, 'pkg-template', 'runtime.js'))
    .find((p) => existsSync(p));
  if (!snippet) throw new Error(`${wasmOut} has no pkg-template/runtime.js snippet`);
  const extra = VARIANTS[variant].exports;
  const contents = `export { ${PACKAGE_EXPORTS.join(', ')} } from './glue.js';\n${extra.length ? `export { ${extra.join(', ')} } from 'idp-users:glue';\n` : ''}`;
  const outfile = join(spikesDir, variant, 'idp_users.js');
  await esbuild.build({
    stdin: { contents, resolveDir: join(root, 'pkg-template'), sourcefile: `${variant}-glue.js` },
    alias: { 'idp-users:glue': join(wasmOut, 'idp_users.js'), 'idp-users:runtime': snippet },
    ...glueOptions,
    format: 'esm',
    outfile,
  });
  return { wasm: join(wasmOut, 'idp_users_bg.wasm'), glue: outfile };
}

const files = {};
for (const variant of Object.keys(VARIANTS)) {
  if (!skipBuild) {
    wasmPack(variant);
    if (!outputMatches(variant)) {
      console.error(`== ${variant}: the output has another variant's exports (a concurrent build?); building again`);
      wasmPack(variant);
    }
  }
  if (!outputMatches(variant)) throw new Error(`target/spikes/${variant}/pkg is missing or is not the ${variant} build`);
  files[variant] = await bundle(variant);
}
const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;

// ---- 2. Sizes ----

const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;
const sizes = {};
for (const [variant, f] of Object.entries(files)) {
  const wasmGzip = gz(f.wasm);
  const glueGzip = gz(f.glue);
  sizes[variant] = { wasmBytes: readFileSync(f.wasm).length, wasmGzip, glueGzip, totalGzip: wasmGzip + glueGzip };
}

// ---- 3. Per call ----

const mods = {};
for (const [variant, f] of Object.entries(files)) {
  mods[variant] = await import(pathToFileURL(f.glue).href);
  mods[variant].initSync(readFileSync(f.wasm));
}
const base = mods.baseline;
const KINDE = 0;
const CLERK = 1;

const USER = 'kp_0123456789abcdef';
const kindeBody = JSON.stringify({
  id: USER,
  provided_id: null,
  preferred_email: 'ada.anderson@example.com',
  username: 'ada',
  first_name: 'Ada',
  last_name: 'Anderson',
  is_suspended: false,
  picture: null,
  total_sign_ins: 3,
  failed_sign_ins: 0,
  last_signed_in: '2026-01-02T03:04:05.000Z',
  created_on: '2026-01-01T00:00:00.000Z',
  organizations: ['org_1'],
  identities: [{ type: 'email', identity: 'ada.anderson@example.com' }],
});
const CLERK_USER = 'user_2abcdefghijklmnopqrstuvwxyz';
const clerkBody = JSON.stringify({
  object: 'user',
  id: CLERK_USER,
  username: 'ada',
  first_name: 'Ada',
  last_name: 'Anderson',
  image_url: 'https://img.clerk.com/abc',
  has_image: false,
  primary_email_address_id: 'idn_1',
  email_addresses: [{ id: 'idn_1', object: 'email_address', email_address: 'ada.anderson@example.com', verification: { status: 'verified', strategy: 'email_code' }, linked_to: [] }],
  phone_numbers: [],
  web3_wallets: [],
  external_accounts: [],
  public_metadata: {},
  private_metadata: {},
  unsafe_metadata: {},
  password_enabled: true,
  two_factor_enabled: false,
  banned: false,
  locked: false,
  created_at: 1767225600000,
  updated_at: 1767225600000,
  last_sign_in_at: 1767312245000,
});
/** A fetch returning a prepared Response (a Response is read once, so one is made per call). */
const stubOf = (body) => async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** µs per call of `fn` (awaited one after another), `n` calls. */
async function timeAsync(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - start) / n / 1000;
}

function timeSync(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - start) / n / 1000;
}

/** Interleaved rounds of `a` (the package today) and `b` (the alternative): per-round ratio b / a. */
async function compare(label, a, b, time, n) {
  await time(a, n);
  await time(b, n);
  const s = { a: [], b: [], ratio: [] };
  for (let r = 0; r < rounds; r++) {
    // Alternate which side goes first, so neither always runs on a warmer heap.
    const [x, y] = r % 2 ? [await time(b, n), await time(a, n)].reverse() : [await time(a, n), await time(b, n)];
    s.a.push(x);
    s.b.push(y);
    s.ratio.push(y / x);
  }
  const sorted = [...s.ratio].sort((p, q) => p - q);
  return { label, a: median(s.a), b: median(s.b), ratio: median(s.ratio), min: sorted[0], max: sorted.at(-1), q1: sorted[Math.floor((sorted.length - 1) / 4)], q3: sorted[Math.ceil(((sorted.length - 1) * 3) / 4)] };
}

/** The same data from both sides, or the bench measures nothing. */
function sameData(label, x, y) {
  if (!isDeepStrictEqual(x, y)) throw new Error(`${label}: the spike's result differs from the package's:\n${JSON.stringify(x)}\n${JSON.stringify(y)}`);
}

const perCall = [];
async function rustDriven(variant, method) {
  const m = mods[variant];
  const indexOf = (cls, name) => {
    const i = cls.__operations().indexOf(name);
    if (i < 0) throw new Error(`no operation ${name}`);
    return i;
  };
  const gloo = variant === 'gloo';
  const cases = [
    {
      label: 'Kinde getUserData',
      body: kindeBody,
      config: (fetch) => ({ domain: 'https://acme.kinde.com', accessToken: 'bench-token', ...(fetch ? { fetch } : {}) }),
      client: base.KindeUsersApi,
      provider: KINDE,
      index: indexOf(m.KindeUsersApi, 'getUserData'),
      call: (api) => api.getUserData(USER),
      arg: USER,
    },
    {
      label: 'Clerk getUser',
      body: clerkBody,
      config: (fetch) => ({ secretKey: 'sk_test_bench', ...(fetch ? { fetch } : {}) }),
      client: base.ClerkUsersApi,
      provider: CLERK,
      index: indexOf(m.ClerkUsersApi, 'getUser'),
      call: (api) => api.getUser(CLERK_USER),
      arg: CLERK_USER,
    },
  ];
  const savedFetch = globalThis.fetch;
  try {
    for (const c of cases) {
      const stub = stubOf(c.body);
      // gloo-net always calls the global fetch: both sides get the stub there.
      if (gloo) globalThis.fetch = stub;
      const config = c.config(gloo ? undefined : stub);
      const api = new c.client(config);
      const spike = new m.SpikeClient(c.provider, config);
      const a = () => c.call(api);
      const b = () => spike[method](c.index, c.arg, undefined, undefined);
      sameData(`${variant} ${c.label}`, await a(), await b());
      perCall.push({ variant, ...(await compare(c.label, a, b, timeAsync, calls)) });
    }
  } finally {
    globalThis.fetch = savedFetch;
  }
}

await rustDriven('futures', '__fetchInRust');
await rustDriven('gloo', '__fetchInRustGloo');

// serde: the readers themselves, serde's against the hand-written, on the same input.
const s = mods.serde;
const goodConfig = {
  domain: 'acme.kinde.com',
  clientId: 'bench-client',
  clientSecret: 'bench-secret',
  headers: { 'X-Request-Source': 'bench', 'Accept-Language': 'en' },
  timeoutMs: 10000,
  retries: 3,
  fetch: stubOf(kindeBody),
};
const goodOptions = { timeoutMs: 5000, headers: { 'x-request-id': 'req-1' }, retries: 1, signal: new AbortController().signal };
sameData('serde config', s.__handKindeConfig(goodConfig), s.__serdeKindeConfig(goodConfig));
sameData('serde options', s.__handCallOptions(goodOptions), s.__serdeCallOptions(goodOptions));
perCall.push({ variant: 'serde', ...(await compare('call options (4 set)', () => s.__handCallOptions(goodOptions), () => s.__serdeCallOptions(goodOptions), timeSync, calls * 5)) });
perCall.push({ variant: 'serde', ...(await compare('Kinde config (6 set)', () => s.__handKindeConfig(goodConfig), () => s.__serdeKindeConfig(goodConfig), timeSync, calls * 5)) });
// What reading the options with serde would add to a whole call that passes them.
const withOptions = new base.KindeUsersApi({ domain: 'https://acme.kinde.com', accessToken: 'bench-token', fetch: stubOf(kindeBody) });
const withOptionsTimes = [];
for (let r = 0; r < 5; r++) withOptionsTimes.push(await timeAsync(() => withOptions.getUserData(USER, undefined, goodOptions), calls));
const callWithOptions = median(withOptionsTimes);

// ---- 4. Messages ----

async function messageOf(fn) {
  try {
    await fn();
    return 'accepted';
  } catch (e) {
    const kind = e?.name === 'IdpUsersError' ? '' : `(a ${e?.name ?? typeof e}, not an IdpUsersError) `;
    return `${kind}${e?.message ?? String(e)}${e?.param !== undefined && e?.param !== null ? ` (param \`${e.param}\`)` : ''}`;
  }
}
const stub = stubOf(kindeBody);
const BAD_CONFIGS = [
  ['a string for a number', { domain: 'acme.kinde.com', accessToken: 't', timeoutMs: '5000' }],
  ['a fraction for a whole number', { domain: 'acme.kinde.com', accessToken: 't', timeoutMs: 1.5 }],
  ['a negative count', { domain: 'acme.kinde.com', accessToken: 't', retries: -1 }],
  ['snake_case key', { domain: 'acme.kinde.com', access_token: 't' }],
  ['misspelt optional key', { domain: 'acme.kinde.com', accessToken: 't', timeout: 5000 }],
  ['null for a required string', { domain: null, accessToken: 't' }],
  ['null for an option', { domain: 'acme.kinde.com', accessToken: 't', timeoutMs: null }],
  ['a number as a header value', { domain: 'acme.kinde.com', accessToken: 't', headers: { 'x-n': 1 } }],
  ['not a function', { domain: 'acme.kinde.com', accessToken: 't', fetch: 'https://proxy' }],
];
const BAD_OPTIONS = [
  ['a string for a number', { timeoutMs: '5000' }],
  ['snake_case key', { timeout_ms: 5000 }],
  ['a fraction for a count', { retries: 2.5 }],
  ['null for an option', { retries: null }],
];
const messages = [];
for (const [what, config] of BAD_CONFIGS) {
  messages.push({ what: `config: ${what}`, input: config, today: await messageOf(() => new base.KindeUsersApi(config)), serde: await messageOf(() => s.__serdeKindeConfig(config)) });
}
const optionsApi = new base.KindeUsersApi({ domain: 'acme.kinde.com', accessToken: 't', fetch: stub });
for (const [what, options] of BAD_OPTIONS) {
  messages.push({ what: `options: ${what}`, input: options, today: await messageOf(() => optionsApi.getUserData(USER, undefined, options)), serde: await messageOf(() => s.__serdeCallOptions(options)) });
}
// A getter that throws: the package reads every property through a guarded
// reader; serde-wasm-bindgen reads them with plain property gets.
const throwing = () => ({
  domain: 'acme.kinde.com',
  accessToken: 't',
  get timeoutMs() {
    throw new RangeError('getter threw');
  },
});
messages.push({ what: 'config: a getter that throws', input: '{ ..., get timeoutMs() { throw new RangeError(...) } }', today: await messageOf(() => new base.KindeUsersApi(throwing())), serde: await messageOf(() => s.__serdeKindeConfig(throwing())) });

// ---- 5. A fetch that resolves to something that is not a Response ----
// (last: gloo-net panics on it, and a panic traps the instance)

const notResponse = async () => ({ status: 200, text: 'not a method' });
const robustness = [];
{
  const today = await messageOf(() => new base.KindeUsersApi({ domain: 'acme.kinde.com', accessToken: 't', fetch: notResponse }).getUserData(USER));
  const f = mods.futures;
  const futures = await messageOf(() => new f.SpikeClient(KINDE, { domain: 'acme.kinde.com', accessToken: 't', fetch: notResponse }).__fetchInRust(f.KindeUsersApi.__operations().indexOf('getUserData'), USER));
  const g = mods.gloo;
  const savedFetch = globalThis.fetch;
  globalThis.fetch = notResponse;
  // gloo-net panics ("not `Response` - this is a bug"); the trap is thrown
  // from wasm-bindgen-futures' microtask, past any promise: caught here so
  // that it can be reported instead of ending this process.
  const uncaught = [];
  const onUncaught = (e) => uncaught.push(e);
  process.on('uncaughtException', onUncaught);
  let gloo;
  try {
    const call = messageOf(() => new g.SpikeClient(KINDE, { domain: 'acme.kinde.com', accessToken: 't' }).__fetchInRustGloo(g.KindeUsersApi.__operations().indexOf('getUserData'), USER));
    gloo = await Promise.race([call, new Promise((r) => setTimeout(() => r('the promise never settles'), 1000))]);
  } finally {
    globalThis.fetch = savedFetch;
    process.off('uncaughtException', onUncaught);
  }
  if (uncaught.length) gloo += `, and an uncaught ${uncaught[0]?.name}: ${uncaught[0]?.message} is thrown from a microtask (in Node: the process exits)`;
  robustness.push({ today, futures, gloo });
}

// ---- Report ----

const kb = (b) => (b / 1000).toFixed(1);
const signed = (b) => `${b >= 0 ? '+' : ''}${kb(b)}`;
const lines = [];
const out = (l = '') => lines.push(l);
const b0 = sizes.baseline;
out(`### Size (gzip -9: .wasm + ESM glue, KB = 1000 B)`);
out();
out('| variant | crates | .wasm raw | .wasm gz | glue gz | total gz | vs baseline |');
out('|---|---|---:|---:|---:|---:|---:|');
for (const [variant, z] of Object.entries(sizes)) {
  const d = z.totalGzip - b0.totalGzip;
  const pct = `${d >= 0 ? '+' : ''}${((d * 100) / b0.totalGzip).toFixed(0)}%`;
  out(`| ${variant} | ${VARIANTS[variant].crates} | ${kb(z.wasmBytes)} | ${kb(z.wasmGzip)} | ${kb(z.glueGzip)} | ${kb(z.totalGzip)} | ${variant === 'baseline' ? '' : `${signed(d)} KB (${pct})`} |`);
}
out();
out(`### Per call (median of ${rounds} interleaved rounds of ${calls} calls; µs per call; ratio = alternative / package, spread = min–max and interquartile range of the round ratios)`);
out();
out('| variant | what | package (JS driver / hand-written) µs | alternative µs | ratio | spread (min–max) | IQR |');
out('|---|---|---:|---:|---:|---:|---:|');
for (const r of perCall) {
  out(`| ${r.variant} | ${r.label} | ${r.a.toFixed(2)} | ${r.b.toFixed(2)} | **${r.ratio.toFixed(2)}x** | ${r.min.toFixed(2)}–${r.max.toFixed(2)} | ${r.q1.toFixed(2)}–${r.q3.toFixed(2)} |`);
}
const opt = perCall.find((r) => r.label.startsWith('call options'));
out();
const saved = opt.b - opt.a;
out(`A Kinde getUserData call that passes those options takes ${callWithOptions.toFixed(2)} µs through the package; reading them with serde instead would ${saved < 0 ? 'save' : 'add'} ${Math.abs(saved).toFixed(2)} µs (${Math.abs((saved * 100) / callWithOptions).toFixed(1)}% of the call).`);
out();
out('### Messages for bad input (Kinde config; getUserData options)');
out();
out('| input | today (hand-written readers) | serde + serde-wasm-bindgen |');
out('|---|---|---|');
const cell = (t) => t.replaceAll('|', '\\|');
for (const m of messages) {
  const shown = typeof m.input === 'string' ? m.input : JSON.stringify(m.input).replaceAll('"', "'");
  out(`| ${m.what}: \`${cell(shown)}\` | ${cell(m.today)} | ${cell(m.serde)} |`);
}
out();
out('### A fetch that resolves to something that is not a Response (`{ status: 200, text: \'not a method\' }`)');
out();
out('| package (JS driver) | web-sys + wasm-bindgen-futures spike | gloo-net spike |');
out('|---|---|---|');
for (const r of robustness) out(`| ${cell(r.today)} | ${cell(r.futures)} | ${cell(r.gloo)} |`);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
out();
out(`node ${process.version}; ${skipBuild ? 'builds reused (--skip-build)' : `4 builds in ${buildSeconds.toFixed(0)} s`}; whole run ${seconds.toFixed(0)} s.`);
const report = lines.join('\n');
console.log(report);
mkdirSync(spikesDir, { recursive: true });
writeFileSync(join(spikesDir, 'report.md'), `${report}\n`);
writeFileSync(join(spikesDir, 'report.json'), `${JSON.stringify({ sizes, perCall, callWithOptions, messages: messages.map(({ input, ...m }) => ({ ...m, input: typeof input === 'string' ? input : JSON.stringify(input) })), robustness }, null, 2)}\n`);
