// The proxy serving stage of the cross-runtime harness: `idp-users/proxy`
// served on 127.0.0.1 by each runtime's own server, answering real HTTP.
//
//   node     @hono/node-server's serve()       (fixtures/proxy-serve/serve-node.mjs)
//   deno     Deno.serve                         (serve-deno.mjs)
//   bun      Bun.serve                          (serve-bun.mjs)
//   workerd  wrangler-bundled Worker, workerd through Miniflare (src/worker.js, lib/serve-workerd.mjs)
//
// One fixture, installed once. Each server proxies to the harness's fake
// HTTP server, prints `IDP_PROXY_SERVER {"url",...}` when it listens, is
// checked by `node check.mjs <url>` (raw node:http requests and the
// package's clients as a browser console configures them), then stopped by
// its PID (process group). Returns one outcome per server.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, run as runProc } from './proc.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * ctx: { tarball, fakeUrl, prepareFixture(name, tarball), wranglerBundle(name, dir),
 *        esbuildBundledFiles(text), logs, work, bin, timeout(seconds) }
 */
export async function runProxyServing(ctx) {
  const { dir, durationMs: installMs } = await ctx.prepareFixture('proxy-serve', ctx.tarball);
  const servers = [
    { name: 'node', cmd: process.execPath, args: ['serve-node.mjs', ctx.fakeUrl] },
    {
      name: 'deno',
      cmd: path.join(ctx.bin, 'deno'),
      args: ['run', '--allow-net=127.0.0.1', '--allow-read', 'serve-deno.mjs', ctx.fakeUrl],
      env: { DENO_DIR: path.join(ctx.work, '.deno'), DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' },
    },
    {
      name: 'bun',
      cmd: path.join(ctx.bin, 'bun'),
      args: ['serve-bun.mjs', ctx.fakeUrl],
      env: { DO_NOT_TRACK: '1', BUN_INSTALL_CACHE_DIR: path.join(ctx.work, '.bun-cache'), NO_COLOR: '1' },
    },
    { name: 'workerd', worker: true },
  ];
  const outcomes = [];
  for (const server of servers) {
    const t0 = Date.now();
    // The one install is counted in the first server's time.
    const outcome = { runtime: `proxy/${server.name}`, stages: [], installMs: outcomes.length === 0 ? installMs : 0 };
    outcomes.push(outcome);
    let handle;
    try {
      let { cmd, args } = server;
      if (server.worker) {
        const b = await ctx.wranglerBundle('proxy-serve', dir);
        outcome.stages.push({ name: 'wrangler', ms: b.ms });
        // The Worker must carry the proxy and the workerd entry, not another runtime's.
        const bundled = ctx.esbuildBundledFiles(fs.readFileSync(path.join(b.outDir, b.mainModule), 'utf8'));
        const entries = bundled.filter((f) => ['proxy.js', 'workerd.js', 'node.mjs', 'node.cjs', 'browser.js', 'proxy.cjs'].includes(f)).sort();
        outcome.entry = entries.join('+');
        if (outcome.entry !== 'proxy.js+workerd.js') throw new Error(`the wrangler bundle holds ${outcome.entry || 'no entry'}; expected proxy.js+workerd.js`);
        cmd = process.execPath;
        args = [path.join(HERE, 'serve-workerd.mjs'), b.outDir, b.mainModule, b.compat ?? '2026-04-01', JSON.stringify({ FAKE_URL: ctx.fakeUrl })];
      }
      const logFile = path.join(ctx.logs, `proxy-serve-${server.name}.log`);
      handle = start(cmd, args, { cwd: dir, env: server.env, keepStdin: true, logFile, label: `proxy-serve-${server.name}`, timeoutMs: ctx.timeout(90) });
      const started = Date.now();
      const m = await handle.waitForLine(/^IDP_PROXY_SERVER (.+)$/, ctx.timeout(45));
      const ready = JSON.parse(m[1]);
      outcome.stages.push({ name: 'listen', ms: Date.now() - started });
      outcome.runtimeVersion = ready.runtime;
      if (ready.entry) {
        const file = String(ready.entry).replace(/^file:\/\//, '').match(/\/node_modules\/idp-users\/(.+)$/)?.[1];
        outcome.entry = file ?? ready.entry;
        if (file !== 'proxy.js') throw new Error(`idp-users/proxy resolved to ${ready.entry}; expected proxy.js`);
      }
      const check = await runProc(process.execPath, ['check.mjs', ready.url, server.name], {
        cwd: dir,
        timeoutMs: ctx.timeout(60),
        logFile: path.join(ctx.logs, `proxy-check-${server.name}.log`),
        label: `proxy-check-${server.name}`,
      });
      outcome.stages.push({ name: 'requests', ms: check.durationMs });
      const line = check.stdout.split('\n').findLast((l) => l.startsWith('IDP_SUITE_RESULT '));
      if (!line) throw new Error(`check.mjs printed no result (exit ${check.code}${check.timedOut ? ', timed out' : ''}): ${check.stderr.slice(-1500)}`);
      outcome.result = JSON.parse(line.slice('IDP_SUITE_RESULT '.length));
    } catch (e) {
      outcome.error = e;
    } finally {
      if (handle) {
        handle.stop();
        const res = await handle.done;
        outcome.logFile = path.join(ctx.logs, `proxy-serve-${server.name}.log`);
        if (outcome.error && res.stderr.trim()) outcome.error.message += `\n--- server stderr (tail)\n${res.stderr.trim().split('\n').slice(-20).join('\n')}`;
      }
      outcome.ms = Date.now() - t0;
    }
  }
  return outcomes;
}
