// Runs a wrangler-bundled Worker in workerd through Miniflare, sends it one GET and
// prints `IDP_WORKER_RESPONSE {"status":..,"body":"..","runtimeVersion":".."}`.
// Usage: node run-workerd.mjs <outDir> <mainModule> <compatibilityDate> <url> [bindingsJson]
// Run by tests/runtimes/run.mjs as a child in its own process group (workerd is a
// child of this process, so a timeout stops both).

import path from 'node:path';
import { createRequire } from 'node:module';
import { Miniflare } from 'miniflare';

const [outDir, mainModule, compatibilityDate, url, bindingsJson = '{}'] = process.argv.slice(2);
const require = createRequire(import.meta.url);

function version(pkg) {
  try {
    return createRequire(require.resolve('miniflare'))(`${pkg}/package.json`).version;
  } catch {
    return '?';
  }
}

const mf = new Miniflare({
  modules: true,
  modulesRoot: outDir,
  scriptPath: path.join(outDir, mainModule),
  // The rule wrangler applies by default; wrangler's output keeps the wasm as a
  // separate module that the bundle imports.
  modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
  compatibilityDate,
  bindings: JSON.parse(bindingsJson),
});
mf.ready.catch(() => {}); // startup errors surface (once) from dispatchFetch below

let exitCode = 0;
try {
  const res = await mf.dispatchFetch(url);
  const body = await res.text();
  const runtimeVersion = `workerd ${version('workerd')} (miniflare ${version('miniflare')}, compat ${compatibilityDate})`;
  console.log('IDP_WORKER_RESPONSE ' + JSON.stringify({ status: res.status, body, runtimeVersion }));
} catch (e) {
  console.error(e?.stack || String(e));
  exitCode = 1;
} finally {
  await mf.dispose().catch((e) => console.error('dispose failed:', e?.message ?? e));
}
process.exit(exitCode);
