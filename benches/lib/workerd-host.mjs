// Running a wrangler bundle in workerd through Miniflare, from the host.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Miniflare } from 'miniflare';
import { COMPAT_DATE } from './wrangler.mjs';

export function startWorker({ outDir, mainModule }, { nodejsCompat, ...options } = {}) {
  return new Miniflare({
    modules: true,
    modulesRoot: outDir,
    scriptPath: path.join(outDir, mainModule),
    // wrangler's output keeps the .wasm as a module of its own: the rule wrangler applies.
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: COMPAT_DATE,
    compatibilityFlags: nodejsCompat ? ['nodejs_compat'] : [],
    ...options,
  });
}

export async function dispose(mf) {
  try {
    await mf.dispose();
  } catch (e) {
    console.error('miniflare dispose failed:', e?.message ?? e);
  }
}

export function workerdVersions() {
  const req = createRequire(import.meta.url);
  const mfPkg = req.resolve('miniflare/package.json');
  const v = (p) => {
    try {
      return JSON.parse(fs.readFileSync(createRequire(mfPkg).resolve(`${p}/package.json`), 'utf8')).version;
    } catch {
      return '?';
    }
  };
  return { workerd: v('workerd'), miniflare: JSON.parse(fs.readFileSync(mfPkg, 'utf8')).version };
}
