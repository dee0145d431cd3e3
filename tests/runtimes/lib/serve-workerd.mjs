// Serves a wrangler-bundled Worker from workerd (through Miniflare) on
// 127.0.0.1 at a free port, prints `IDP_PROXY_SERVER {"url":..,"runtime":..}`
// and runs until stdin closes or SIGTERM, then disposes of workerd.
// Usage: node serve-workerd.mjs <outDir> <mainModule> <compatibilityDate> [bindingsJson]
// Run by tests/runtimes/lib/proxy-serve.mjs in its own process group.

import path from 'node:path';
import { createRequire } from 'node:module';
import { Miniflare } from 'miniflare';

const [outDir, mainModule, compatibilityDate, bindingsJson = '{}'] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const version = (pkg) => {
  try {
    return createRequire(require.resolve('miniflare'))(`${pkg}/package.json`).version;
  } catch {
    return '?';
  }
};

const mf = new Miniflare({
  modules: true,
  modulesRoot: outDir,
  scriptPath: path.join(outDir, mainModule),
  modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
  compatibilityDate,
  bindings: JSON.parse(bindingsJson),
  host: '127.0.0.1',
  port: 0,
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await mf.dispose().catch((e) => console.error('dispose failed:', e?.message ?? e));
  process.exit(code);
}
process.on('SIGTERM', () => stop(0));
process.stdin.on('end', () => stop(0));
process.stdin.resume();

try {
  const url = await mf.ready;
  const runtime = `workerd ${version('workerd')} (miniflare ${version('miniflare')}, compat ${compatibilityDate})`;
  console.log('IDP_PROXY_SERVER ' + JSON.stringify({ url: url.origin, runtime }));
} catch (e) {
  console.error(e?.stack || String(e));
  await stop(1);
}
