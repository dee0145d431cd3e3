#!/usr/bin/env node
// A CPU profile of one per-call row in workerd: where a contender's time
// goes, beside the floor's, in the same Worker and the same session.
//
//   npm run bench -- --only percall --percall-runtimes workerd --rounds 1   (bundles the Worker once)
//   node benches/percall-profile.mjs [--op kindeGet] [--id idp-users] [--seconds 6] [--top 25] [--out FILE]
//
// It runs benches/.work/percall-workerd/out (the per-call Worker of the last
// run) in Miniflare with V8's inspector on, alternates batches of `--id` and
// the floor (plain fetch) for `--seconds`, and prints, for each, the
// functions with the most samples where the sample was taken (self time),
// a sample counted for the contender whose call is on its stack; samples
// with neither on the stack (garbage collection, microtasks run from the
// event loop, idle) are listed apart. `--out` keeps the .cpuprofile
// (Chrome DevTools opens it). Function names are the bundle's (the
// package's glue is minified: look them up in the bundle, which wrangler
// leaves readable). The profiler slows every call alike: read shares, not
// µs. Needs a global WebSocket (Node 22 or later).

import fs from 'node:fs';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import { WORK } from './lib/work.mjs';
import { COMPAT_DATE } from './lib/wrangler.mjs';
import { FLOOR } from './lib/contenders.mjs';

const argv = process.argv.slice(2);
const value = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const op = value('--op', 'kindeGet');
const id = value('--id', 'idp-users');
const seconds = Number(value('--seconds', '6'));
const top = Number(value('--top', '25'));
const out = value('--out');

if (typeof WebSocket !== 'function') {
  console.error('percall-profile: this Node has no global WebSocket (Node 22 or later has one)');
  process.exit(2);
}
const outDir = path.join(WORK, 'percall-workerd/out');
const bodiesFile = path.join(WORK, 'bodies.json');
if (!fs.existsSync(path.join(outDir, 'worker.js')) || !fs.existsSync(bodiesFile)) {
  console.error('percall-profile: no per-call Worker yet: run `npm run bench -- --only percall --percall-runtimes workerd --rounds 1` first');
  process.exit(2);
}

const port = 20000 + Math.floor(Math.random() * 20000);
const mf = new Miniflare({
  modules: true,
  modulesRoot: outDir,
  scriptPath: path.join(outDir, 'worker.js'),
  modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
  compatibilityDate: COMPAT_DATE,
  compatibilityFlags: ['nodejs_compat'],
  inspectorPort: port,
});
let ws;
try {
  await mf.ready;
  const send = async (msg) => {
    const res = await mf.dispatchFetch('http://bench.local/', { method: 'POST', body: JSON.stringify(msg) });
    const json = await res.json();
    if (res.status !== 200 || json.error) throw new Error(`workerd: ${json.error ?? res.status}`);
    return json;
  };
  const ids = [id, FLOOR];
  await send({ cmd: 'setup', bodies: JSON.parse(fs.readFileSync(bodiesFile, 'utf8')), ops: [op], contenders: ids });
  for (let i = 0; i < 10; i++) for (const c of ids) await send({ cmd: 'batch', op, id: c, targetMs: 100 }); // warm-up

  // The Chrome DevTools protocol, over the inspector's WebSocket.
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
  ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let seq = 0;
  const pending = new Map();
  ws.onmessage = (e) => {
    const m = JSON.parse(String(e.data));
    if (pending.has(m.id)) pending.get(m.id)(m);
    pending.delete(m.id);
  };
  const cdp = (method, params = {}) =>
    new Promise((resolve) => {
      pending.set(++seq, resolve);
      ws.send(JSON.stringify({ id: seq, method, params }));
    });
  await cdp('Profiler.enable');
  await cdp('Profiler.setSamplingInterval', { interval: 50 });
  await cdp('Profiler.start');
  const calls = Object.fromEntries(ids.map((c) => [c, 0]));
  for (const t0 = Date.now(); Date.now() - t0 < seconds * 1000; ) {
    for (const c of ids) calls[c] += (await send({ cmd: 'batch', op, id: c, targetMs: 100 })).n;
  }
  const { result } = await cdp('Profiler.stop');
  const profile = result.profile;
  if (out) fs.writeFileSync(out, JSON.stringify(profile));
  report(profile, calls);
} finally {
  ws?.close();
  await mf.dispose();
}

/** Self samples by function, split by whose call is on the sample's stack. */
function report(profile, calls) {
  const node = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${path.basename(n.callFrame.url) || ''}:${n.callFrame.lineNumber + 1}`;
  // Whose a frame is, by the module of the bundle it is in (esbuild heads
  // each module with a `// path` line): the contender's own module and, for
  // this package, its build; the first such frame up a sample's stack
  // decides (the stub, natives and wasm are no one's).
  const own = {
    [id]: [`/contenders/${id}.mjs`, ...(id === 'idp-users' ? ['/node_modules/idp-users/'] : id === 'idp-users@baseline' ? ['/node_modules/idp-users-baseline/'] : [])],
    [FLOOR]: [`/contenders/${FLOOR}.mjs`],
  };
  const modules = []; // [first line, path]
  fs.readFileSync(path.join(outDir, 'worker.js'), 'utf8')
    .split('\n')
    .forEach((l, i) => {
      const m = /^\/\/ (\S+\.m?js)$/.exec(l);
      if (m) modules.push([i + 1, m[1]]);
    });
  const moduleAt = (line) => modules.findLast(([first]) => first <= line)?.[1] ?? '';
  const frameOwner = new Map();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const where = f.url.endsWith('worker.js') ? moduleAt(f.lineNumber + 1) : '';
    frameOwner.set(n.id, Object.keys(own).find((who) => own[who].some((part) => where.includes(part))));
  }
  const whose = (sampleId) => {
    for (let n = sampleId; n !== undefined; n = parent.get(n)) if (frameOwner.get(n)) return frameOwner.get(n);
    return 'neither (GC, idle, the event loop)';
  };
  const buckets = new Map();
  for (const s of profile.samples) {
    const who = whose(s);
    const b = buckets.get(who) ?? new Map();
    const k = name(node.get(s));
    b.set(k, (b.get(k) ?? 0) + 1);
    buckets.set(who, b);
  }
  const total = profile.samples.length;
  console.log(`${op}: ${total} samples; calls: ${Object.entries(calls).map(([c, n]) => `${c} ${n}`).join(', ')} (in equal wall time)`);
  for (const [who, b] of buckets) {
    const sum = [...b.values()].reduce((x, y) => x + y, 0);
    const per = calls[who] ? `, ${(sum / calls[who]).toFixed(3)} samples a call` : '';
    console.log(`\n${who}: ${sum} samples (${((100 * sum) / total).toFixed(1)}%)${per}`);
    for (const [k, v] of [...b].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${String(v).padStart(7)}  ${k}`);
  }
}
