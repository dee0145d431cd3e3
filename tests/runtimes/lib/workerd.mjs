// What serve-workerd.mjs and run-workerd.mjs share: a wrangler-bundled Worker
// started in workerd through Miniflare, and the runtime's versions in words.

import path from 'node:path';
import { createRequire } from 'node:module';
import { Miniflare } from 'miniflare';

const require = createRequire(import.meta.url);

function version(pkg) {
  try {
    return createRequire(require.resolve('miniflare'))(`${pkg}/package.json`).version;
  } catch {
    return '?';
  }
}

/** `workerd <v> (miniflare <v>, compat <date>)`. */
export const runtimeVersion = (compatibilityDate) => `workerd ${version('workerd')} (miniflare ${version('miniflare')}, compat ${compatibilityDate})`;

/** A Miniflare for the bundle `mainModule` in `outDir`; `options` adds to (or overrides) its options. */
export function startWorker({ outDir, mainModule, compatibilityDate, bindingsJson = '{}' }, options = {}) {
  return new Miniflare({
    modules: true,
    modulesRoot: outDir,
    scriptPath: path.join(outDir, mainModule),
    // The rule wrangler applies by default; wrangler's output keeps the wasm as a
    // separate module that the bundle imports.
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate,
    bindings: JSON.parse(bindingsJson),
    ...options,
  });
}

/** Disposes of `mf`, saying so on stderr when that fails. */
export const dispose = (mf) => mf.dispose().catch((e) => console.error('dispose failed:', e?.message ?? e));
