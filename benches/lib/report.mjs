// BENCHMARKS.md from a run's results.

import fs from 'node:fs';

import { CONTENDERS, OPS } from './contenders.mjs';

const int = (n) => Math.round(n).toLocaleString('en-US');
const x = (n) => `${n.toFixed(2)}×`;
const range = (a, b, f = (v) => v.toFixed(2)) => `${f(a)}–${f(b)}`;
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
const signedMb = (b) => `${b >= 0 ? '+' : '−'}${(Math.abs(b) / 1048576).toFixed(1)} MB`;
const ms = (v) => v.toFixed(0);
const us = (v) => (v >= 100 ? int(v) : v.toFixed(1));
const label = (id) => CONTENDERS[id].label;
// `align`: one letter per column, l(eft) or r(ight); numbers go right.
const table = (head, rows, align) => [`| ${head.join(' | ')} |`, `|${head.map((h, i) => ((align?.[i] ?? (i < 2 ? 'l' : 'r')) === 'l' ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const esc = (t) => t.replace(/\|/g, '\\|');

// The size tables' reference: the SDK the goals are stated against (issue 18).
const SIZE_REF = 'clerk-backend';

function sizeTable(size, key, withPlain) {
  const base = size.find((r) => r.id === SIZE_REF)?.variants[key];
  const cell = (v) => {
    if (!v) return '—';
    if (!v.ok) return `does not bundle: ${esc(v.error)}`;
    // The error itself is in the notes (the same one repeats across rows).
    return `${int(v.gz)} B${v.smoke.ok ? '' : `, **${v.smoke.detail.split(':')[0]} fails** in workerd`}`;
  };
  const rows = size.map((r) => {
    if (!r.built) return [label(r.id), 'not built', '', ...(withPlain ? [''] : []), '', '', '', ''];
    const v = r.variants[key];
    return [
      label(r.id),
      cell(v),
      v?.ok && base?.ok ? `**${x(v.gz / base.gz)}**` : '—',
      ...(withPlain ? [cell(r.variants.plain)] : []),
      v?.ok ? int(v.raw) : '—',
      v?.ok && v.wasmGz ? int(v.wasmGz) : '—',
      v?.ok ? int(v.gz - v.wasmGz) : '—',
      v?.ok ? v.files.map((f) => (f.endsWith('.wasm') ? '`*.wasm`' : `\`${f}\``)).join(' + ') : '—',
    ];
  });
  const head = ['contender', 'gzip, `nodejs_compat`', '× `@clerk/backend`', ...(withPlain ? ['gzip, no flags'] : []), 'raw bytes', 'of which `.wasm` gzip', 'JS gzip', 'files'];
  return table(head, rows, `lrr${withPlain ? 'r' : ''}rrrl`);
}

function spaSection(spa) {
  return [
    '### A Vite SPA against the Worker',
    '',
    'Written by `benches/spa-size.mjs`: the same call from a page built by `vite build`, with the browser entry (the `.wasm` as an asset fetched and compiled in streaming) and with the single-file `/inline` entry (the `.wasm` as base64), against the minified Worker.',
    '',
    spa.table,
  ].join('\n');
}

function sizeSection(size, spa) {
  const parts = [
    '## 1. Bundle size',
    '',
    'A Worker that lists users (`benches/workers/size/<contender>.js`: Clerk `GET /v1/users?limit=100`, Kinde `GET /api/v1/users?page_size=100` with client credentials), bundled by `wrangler deploy --dry-run --outdir` with the repo\'s wrangler, every contender under the same `wrangler.toml` (only the flags differ). Size: gzip level 9 (Node zlib) of every file in the outdir except source maps and README, summed, the `.wasm` module included. Ratio: to `@clerk/backend` in the same table. Each bundle was then run in workerd (Miniflare), two requests, with the stub as its network; a request that fails is marked in the cell, with the error in the notes.',
    '',
    '### Minified (`wrangler deploy --minify`): the figures to compare',
    '',
    'What anyone who counts bytes deploys (`minify = true`). This package ships minified already; the SDKs ship readable source, which only this table compares fairly.',
    '',
    sizeTable(size, 'min', false),
    '',
    '### Wrangler\'s default (not minified)',
    '',
    sizeTable(size, 'compat', true),
  ];
  if (spa) parts.push('', spaSection(spa));
  return parts.join('\n');
}

function perCallTable(result, ops) {
  const rows = [];
  for (const op of ops) {
    const byId = result.stats[op];
    if (!byId) continue;
    for (const [id, s] of Object.entries(byId)) {
      rows.push([OPS[op], label(id), int(s.cps.median), us(s.usPerCall.median), `**${x(s.ratio.median)}**`, range(s.ratio.q1, s.ratio.q3), range(s.ratio.min, s.ratio.max), x(s.quietRatio), x(s.wallRatio.median)]);
    }
  }
  return table(['operation', 'contender', 'calls/s', 'CPU µs/call', '× floor (median)', 'IQR', 'min–max', 'quiet', 'wall clock'], rows);
}

function perCallSection(node, workerd, params) {
  return [
    '## 2. Per-call overhead',
    '',
    `Sequential calls (\`await\` each) against an in-process stub: a \`fetch\` that returns \`new Response(preparedBody)\` each call, with the real answers of the fake providers (100 seeded users: Clerk list ${int(params.bodySizes.clerkList)} B, Clerk user ${int(params.bodySizes.clerkUser)} B, Kinde list ${int(params.bodySizes.kindeList)} B, Kinde user ${int(params.bodySizes.kindeUser)} B). Every contender calls the same stub function: \`globalThis.fetch\` is replaced by it before any contender loads (the SDKs only use the global), and the clients with a \`fetch\` option are given that same function. Every contender's result is checked once to hold the parsed users (100, or 1).`,
    '',
    `A batch is as many calls as fit in ${params.targetMs} ms (${params.workerdTargetMs} ms in workerd); a round is one batch of every contender, in an order rotated from round to round. Each contender first runs ${params.warmupMs} ms unrecorded (the JIT takes thousands of calls to settle), then ${params.rounds} measured rounds per operation, each batch after a pause of ${params.quietMs} ms for what the last one left behind. What is timed is the CPU time of the thread that runs the calls, not the wall clock: on a machine shared with other jobs the wall clock counts the time other processes held the CPU, and the process's total counts V8's background threads (compiling, collecting), which come in bursts that land in whichever batch is running; either made the ratios of earlier runs move by 0.2–0.3 from run to run. Cloudflare bills a Worker by the CPU time of its requests, too. **× floor** is the median over rounds of (contender's CPU time per call ÷ plain fetch's in the same round); IQR and min–max are of the same per-round ratios; **quiet** is the ratio of the two fastest quarters (the 25th percentile of the contender's CPU time per call ÷ the floor's), the rounds least disturbed by the rest of the machine; the last column is the median ratio by the wall clock. calls/s (wall clock) and CPU µs/call are medians of the rounds.`,
    '',
    `### Node (${node.runtime})`,
    '',
    'CPU time: the main thread\'s, from `/proc/self/task/<pid>/schedstat` (nanoseconds on a CPU), read around each batch.',
    '',
    perCallTable(node, Object.keys(OPS)),
    '',
    `### workerd (${workerd.runtime})`,
    '',
    `The same code bundled by wrangler (\`nodejs_compat\`, which @kinde/management-api-js needs) into one Worker, run by Miniflare; one request per batch, the contenders' clients kept in the module from request to request. CPU time: the host reads \`/proc/<pid>/task/<pid>/schedstat\` (nanoseconds on a CPU) of workerd's main thread, the one that runs the Worker's JavaScript, before and after each request, and takes off what a request without a batch costs (${us(workerd.requestCpuMs * 1000)} µs, the median of noop requests).`,
    '',
    perCallTable(workerd, Object.keys(OPS)),
  ].join('\n');
}

function coldRows(result, withWall) {
  const rows = [];
  for (const c of result.cases) {
    const group = c.group === 'clerk' ? 'Clerk list 100' : 'Kinde list 100';
    if (!c.built) {
      rows.push([group, label(c.id), 'not built', '', '', '', '', ...(withWall ? [''] : [])]);
      continue;
    }
    const s = result.stats[c.key];
    rows.push([
      group,
      label(c.id) + (c.floor ? ' (floor)' : ''),
      ms(s.ms.median),
      `**${x(s.ratio.median)}**`,
      range(s.ratio.q1, s.ratio.q3),
      range(s.ratio.min, s.ratio.max),
      c.floor ? '' : `${s.delta.median >= 0 ? '+' : '−'}${ms(Math.abs(s.delta.median))}`,
      ...(withWall ? [ms(s.wall.median)] : []),
    ]);
  }
  return rows;
}

function coldSection(node, workerd, params) {
  return [
    '## 3. Cold start',
    '',
    `To the first resolved call (the provider's list of 100 users, network stubbed as above), one sample per contender per round, order rotated; ${params.nodeSamples} rounds in Node, ${params.workerdSamples} in workerd, after one unrecorded round. Ratios and differences are to plain fetch for the same provider in the same round (median, IQR and min–max of those). The Kinde contenders that mint a token (idp-users, the SDK) make two requests (token, list); plain fetch and openapi-fetch use a fixed token. @clerk/backend's \`getUserList\` also makes two (the list and \`/users/count\`).`,
    '',
    `### Node (${node.runtime}): a fresh \`node\` per sample`,
    '',
    '`performance.now()` when the first call resolves, which counts from the process\'s time origin (module loading, the `.wasm` compiled and instantiated, the client built, the call); the last column is the wall time from spawn to the result line, seen by the parent.',
    '',
    table(['first call', 'contender', 'ms', '× floor (median)', 'IQR', 'min–max', 'ms over floor', 'spawn → result, ms'], coldRows(node, true)),
    '',
    '### workerd: a fresh workerd (Miniflare) per sample',
    '',
    `From \`new Miniflare(...)\` to the first response read, for a Worker per contender (wrangler-bundled, \`nodejs_compat\`) whose first request makes the first call. workerd's own start-up is most of it.`,
    '',
    table(['first call', 'contender', 'ms', '× floor (median)', 'IQR', 'min–max', 'ms over floor'], coldRows(workerd, false)),
  ].join('\n');
}

function memorySection(mem, params) {
  const callRows = mem.calls.map((r) => [
    label(r.id),
    OPS[r.op],
    mb(r.before.heap),
    mb(r.after.heap),
    signedMb(r.after.heap - r.before.heap),
    r.after.wasm != null ? `${int(r.before.wasm)} → ${int(r.after.wasm)} B` : 'n/a',
    int(r.n / r.seconds),
  ]);
  const iterRows = mem.iterate.map((r) => {
    const maxHeap = Math.max(...r.samples.map((s) => s.heap));
    const maxWasm = Math.max(...r.samples.map((s) => s.wasm));
    return [
      r.provider === 'clerk' ? '`for await (const u of clerk.getUserList())`' : '`for await (const u of kinde.getUsers())`',
      int(r.count),
      mb(r.before.heap),
      signedMb(maxHeap - r.before.heap),
      signedMb(r.after.heap - r.before.heap),
      `${int(r.before.wasm)} B, max ${int(maxWasm)} B`,
      `${r.seconds.toFixed(0)} s`,
    ];
  });
  return [
    '## 4. Memory (Node)',
    '',
    `One fresh \`node --expose-gc\` per line; heap is \`process.memoryUsage().heapUsed\` after two \`gc()\`; wasm memory is \`wasmMemoryBytes()\` of the package.`,
    '',
    `### ${int(params.calls)} calls (get one user, on the stub)`,
    '',
    'Before: after the first call (token minted, code loaded). After: once all calls resolved.',
    '',
    table(['contender', 'operation', 'heap before', 'heap after', 'Δ heap', 'wasm memory', 'calls/s (this run)'], callRows),
    '',
    `### Iterating ${int(params.users)} users with auto-pagination (idp-users)`,
    '',
    `From the in-process fake (\`createFakeProviders({ seed: ${int(params.users)} })\`, served through its \`fetch\`), default page size (500). The baseline heap holds the seeded fake; the fake's request log is emptied as it grows (it keeps every response). Sampled (after \`gc()\`) every 10,000 users; Δ is to the baseline, and can be negative: the fake's own memory moves as it serves. The time is mostly the fake's: it filters and sorts all users for every page.`,
    '',
    table(['loop', 'users', 'baseline heap', 'max Δ while iterating', 'Δ after', 'wasm memory', 'time'], iterRows),
  ].join('\n');
}

export function renderReport(r) {
  const e = r.env;
  const parts = [
    '# Benchmarks',
    '',
    `\`idp-users\` ${e.pkgVersion} against the alternatives: ${e.contenderVersions.map(([n, v]) => `\`${n}\` ${v}`).join(', ')}, and plain \`fetch\`. Written by \`${r.command}\` (${r.quick ? '**quick smoke run: too few rounds to quote**, ' : ''}took ${(r.durationMs / 60000).toFixed(1)} min) on ${r.date}.`,
    '',
    `- Machine: ${e.cpu} (${e.cores} cores), ${(e.memory / 2 ** 30).toFixed(0)} GiB RAM, ${e.os}; load average ${e.loadStart} at the start, ${e.loadEnd} at the end (other jobs share the machine, hence medians of per-round ratios)`,
    `- Runtimes: Node ${e.node}; workerd ${e.workerd} via Miniflare ${e.miniflare}, compatibility date ${e.compatDate}; wrangler ${e.wrangler}`,
    `- Package: \`dist/\` as built ${e.distBuilt} (\`.wasm\` ${int(e.wasmBytes)} B), copied to \`benches/.work/node_modules/idp-users\` and imported by its name`,
    `- Per-provider entries: ${e.perProvider}`,
    '',
    'Ratios are given with the raw figures beside them; each ratio is taken within a round and the median over rounds is reported, with its spread.',
    '',
  ];
  if (r.size) parts.push(sizeSection(r.size, r.spa), '');
  if (r.perCall) parts.push(perCallSection(r.perCall.node, r.perCall.workerd, r.perCall.params), '');
  if (r.cold) parts.push(coldSection(r.cold.node, r.cold.workerd, r.cold.params), '');
  if (r.memory) parts.push(memorySection(r.memory, r.memory.params), '');
  // The targets and what each remaining gap is made of: written by hand from
  // this run's figures and `node benches/size-report.mjs` (benches/GAPS.md).
  const gaps = new URL('../GAPS.md', import.meta.url);
  if (fs.existsSync(gaps)) parts.push(fs.readFileSync(gaps, 'utf8').trim(), '');
  if (r.notes.length) parts.push('## Notes', '', ...r.notes.map((n) => `- ${n}`), '');
  if (r.errors.length) parts.push('## Sections that failed in this run', '', ...r.errors.map((e) => `- ${e}`), '');
  return parts.join('\n');
}
