// Serves a wrangler-bundled Worker from workerd (through Miniflare) on
// 127.0.0.1 at a free port, prints `IDP_PROXY_SERVER {"url":..,"runtime":..}`
// and runs until stdin closes or SIGTERM, then disposes of workerd.
// Usage: node serve-workerd.mjs <outDir> <mainModule> <compatibilityDate> [bindingsJson]
// Run by tests/runtimes/lib/proxy-serve.mjs in its own process group.

import { dispose, runtimeVersion, startWorker } from './workerd.mjs';

const [outDir, mainModule, compatibilityDate, bindingsJson = '{}'] = process.argv.slice(2);
const mf = startWorker({ outDir, mainModule, compatibilityDate, bindingsJson }, { host: '127.0.0.1', port: 0 });

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await dispose(mf);
  process.exit(code);
}
process.on('SIGTERM', () => stop(0));
process.stdin.on('end', () => stop(0));
process.stdin.resume();

try {
  const url = await mf.ready;
  console.log('IDP_PROXY_SERVER ' + JSON.stringify({ url: url.origin, runtime: runtimeVersion(compatibilityDate) }));
} catch (e) {
  console.error(e?.stack || String(e));
  await stop(1);
}
