// Runs a wrangler-bundled Worker in workerd through Miniflare, sends it one GET and
// prints `IDP_WORKER_RESPONSE {"status":..,"body":"..","runtimeVersion":".."}`.
// Usage: node run-workerd.mjs <outDir> <mainModule> <compatibilityDate> <url> [bindingsJson]
// Run by tests/runtimes/run.mjs as a child in its own process group (workerd is a
// child of this process, so a timeout stops both).

import { dispose, runtimeVersion, startWorker } from './workerd.mjs';

const [outDir, mainModule, compatibilityDate, url, bindingsJson = '{}'] = process.argv.slice(2);
const mf = startWorker({ outDir, mainModule, compatibilityDate, bindingsJson });
mf.ready.catch(() => {}); // startup errors surface (once) from dispatchFetch below

let exitCode = 0;
try {
  const res = await mf.dispatchFetch(url);
  const body = await res.text();
  console.log('IDP_WORKER_RESPONSE ' + JSON.stringify({ status: res.status, body, runtimeVersion: runtimeVersion(compatibilityDate) }));
} catch (e) {
  console.error(e?.stack || String(e));
  exitCode = 1;
} finally {
  await dispose(mf);
}
process.exit(exitCode);
