// 1. Bundle size: a list-users Worker per contender, bundled by wrangler as for
// deployment: with `nodejs_compat`, minified (`--minify`) and not (wrangler's
// default), and without flags; gzip -9 of every output file. Each bundle is
// then run in workerd with the stub as its network, so a size is only
// reported for a Worker known to work.

import fs from 'node:fs';
import path from 'node:path';
import { BENCHES, WORK } from '../lib/work.mjs';
import { bundleBytes, bundleWorker } from '../lib/wrangler.mjs';
import { dispose, startWorker } from '../lib/workerd-host.mjs';
import { makeStub } from '../lib/stub.mjs';
import { countUsers } from '../lib/count.mjs';
import { BASELINE, CONTENDERS, isBuilt } from '../lib/contenders.mjs';
import { CLERK_SECRET, KINDE_CLIENT_ID, KINDE_CLIENT_SECRET, KINDE_DOMAIN } from '../lib/creds.mjs';

/**
 * The bundles measured per contender, by key: `min` (`nodejs_compat`,
 * `--minify`), `compat` (`nodejs_compat`, wrangler's default: not minified)
 * and `plain` (no flags, not minified).
 */
export const SIZE_VARIANTS = {
  min: { nodejsCompat: true, minify: true },
  compat: { nodejsCompat: true, minify: false },
  plain: { nodejsCompat: false, minify: false },
};

// The error's first line, without the stack or the Worker's file paths.
const firstLine = (t) => {
  const line = t.split('\n')[0].replace(/\s+at\s.*$/, '');
  const sentence = line.indexOf('. ');
  return (sentence > 0 ? line.slice(0, sentence + 1) : line).slice(0, 160);
};

async function smoke(bundle, nodejsCompat, bodies) {
  const mf = startWorker(bundle, {
    nodejsCompat,
    outboundService: makeStub(bodies), // every fetch the Worker makes lands here
    bindings: { CLERK_SECRET_KEY: CLERK_SECRET, KINDE_DOMAIN, KINDE_CLIENT_ID, KINDE_CLIENT_SECRET },
  });
  // Two requests: a Worker serves many, and state kept from one request to
  // the next is where workerd differs from other runtimes.
  try {
    let detail;
    for (const nth of ['1st', '2nd']) {
      const res = await mf.dispatchFetch('http://size.local/');
      const text = await res.text();
      if (res.status !== 200) return { ok: false, detail: `${nth} request: HTTP ${res.status}, \`${firstLine(text)}\`` };
      detail = `${countUsers(JSON.parse(text))} users`;
    }
    return { ok: true, detail };
  } catch (e) {
    return { ok: false, detail: firstLine(String(e?.message ?? e)) };
  } finally {
    await dispose(mf);
  }
}

export async function runSize({ pkgJson, bodies, log }) {
  const rows = [];
  // The --baseline build is a per-call contender only.
  for (const id of Object.keys(CONTENDERS).filter((c) => c !== BASELINE)) {
    const row = { id, label: CONTENDERS[id].label, built: isBuilt(id, pkgJson), variants: {} };
    rows.push(row);
    if (!row.built) {
      log(`size ${id}: not built (dist/package.json has no "${CONTENDERS[id].entry}" export)`);
      continue;
    }
    const source = fs.readFileSync(path.join(BENCHES, 'workers/size', `${id}.js`), 'utf8');
    for (const [key, { nodejsCompat, minify }] of Object.entries(SIZE_VARIANTS)) {
      const b = await bundleWorker(path.join(WORK, 'size', `${id}-${key}`), source, { nodejsCompat, minify, name: `bench-size-${id}` });
      if (!b.ok) {
        row.variants[key] = { ok: false, error: b.error };
        fs.mkdirSync(path.join(WORK, 'logs'), { recursive: true });
        fs.writeFileSync(path.join(WORK, 'logs', `size-${id}-${key}.log`), b.log);
        log(`size ${id} ${key}: does not bundle: ${b.error}`);
        continue;
      }
      const m = bundleBytes(b.outDir);
      const s = await smoke(b, nodejsCompat, bodies);
      row.variants[key] = { ok: true, ...m, smoke: s };
      log(`size ${id} ${key}: ${m.gz} B gzip (${m.raw} B raw, ${m.files.join(' + ')}); runs: ${s.ok ? s.detail : 'NO ' + s.detail}`);
    }
  }
  return rows;
}
