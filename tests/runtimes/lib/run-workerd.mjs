// Runs a wrangler-bundled Worker in workerd through Miniflare, sends it one GET and
// prints `IDP_WORKER_RESPONSE {"status":..,"body":"..","runtimeVersion":".."}`.
// With a fifth argument `again`, it then sends `?again=1` four times (the
// Worker's clients kept across requests must serve each) and fails unless
// every one answers `{"ok":true}`.
// Usage: node run-workerd.mjs <outDir> <mainModule> <compatibilityDate> <url> [bindingsJson]
// Run by tests/runtimes/run.mjs as a child in its own process group (workerd is a
// child of this process, so a timeout stops both).

import { dispose, runtimeVersion, startWorker } from './workerd.mjs';

const [outDir, mainModule, compatibilityDate, url, bindingsJson = '{}', again] = process.argv.slice(2);
const mf = startWorker({ outDir, mainModule, compatibilityDate, bindingsJson });
mf.ready.catch(() => {}); // startup errors surface (once) from dispatchFetch below

let exitCode = 0;
try {
  const res = await mf.dispatchFetch(url);
  const body = await res.text();
  if (again === 'again') {
    const next = new URL(url);
    next.searchParams.set('again', '1');
    for (let i = 1; i <= 4; i++) {
      const answer = await (await mf.dispatchFetch(next.href)).text();
      if (!answer.startsWith('{"ok":true')) throw new Error(`request ${i + 1} to the same Worker failed: ${answer.slice(0, 500)}`);
      console.log(`request ${i + 1} to the same Worker: ${answer}`);
    }
  }
  console.log('IDP_WORKER_RESPONSE ' + JSON.stringify({ status: res.status, body, runtimeVersion: runtimeVersion(compatibilityDate) }));
} catch (e) {
  console.error(e?.stack || String(e));
  exitCode = 1;
} finally {
  await dispose(mf);
}
process.exit(exitCode);
