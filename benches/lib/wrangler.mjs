// Bundling a Worker exactly as for deployment: `wrangler deploy --dry-run
// --outdir`, with the repo's pinned wrangler.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { BIN, WORK, run } from './work.mjs';

export const COMPAT_DATE = '2026-04-01';

/**
 * Writes `dir`/wrangler.toml for `entry` (copied to dir/src/worker.js) and
 * bundles it (`minify`: with `--minify`, as `minify = true` deploys it).
 * Returns { ok, outDir, mainModule, ms, error }.
 */
export async function bundleWorker(dir, entrySource, { nodejsCompat, name, minify = false }) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src/worker.js'), entrySource);
  fs.writeFileSync(
    path.join(dir, 'wrangler.toml'),
    [
      `name = "${name}"`,
      'main = "src/worker.js"',
      `compatibility_date = "${COMPAT_DATE}"`,
      ...(nodejsCompat ? ['compatibility_flags = ["nodejs_compat"]'] : []),
      'workers_dev = false',
      '',
    ].join('\n'),
  );
  const outDir = path.join(dir, 'out');
  const res = await run(path.join(BIN, 'wrangler'), ['deploy', '--dry-run', ...(minify ? ['--minify'] : []), '--outdir', outDir], {
    cwd: dir,
    timeoutMs: 180_000,
    env: { WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1', WRANGLER_LOG_PATH: path.join(WORK, 'logs/wrangler'), XDG_CONFIG_HOME: path.join(WORK, '.config') },
  });
  if (res.code !== 0 || !fs.existsSync(path.join(outDir, 'worker.js'))) {
    // The first error line wrangler prints (esbuild's "Could not resolve ..." and the like).
    const text = (res.stderr + '\n' + res.stdout).replace(/\x1b\[[0-9;]*m/g, '');
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const first = lines.find((l) => /^(✘|X )?\s*\[ERROR\]/.test(l)) ?? lines.find((l) => /error/i.test(l)) ?? `exit ${res.code}`;
    return { ok: false, ms: res.ms, error: first.replace(/^(✘|X)\s*/, ''), log: text };
  }
  return { ok: true, outDir, mainModule: 'worker.js', ms: res.ms };
}

/** Every file wrangler would upload (not README.md or source maps). */
export function bundleFiles(outDir) {
  return fs
    .readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath ?? d.path, d.name))
    .filter((f) => !/\.(map|md)$/.test(f));
}

/**
 * The bytes of a bundle as the size tables count them: every file wrangler
 * would upload (bundleFiles), raw and gzip level 9 (Node zlib), summed; the
 * `.wasm` modules' gzip apart. { raw, gz, wasmGz, files }
 */
export function bundleBytes(outDir) {
  let raw = 0;
  let gz = 0;
  let wasmGz = 0;
  const files = bundleFiles(outDir);
  for (const f of files) {
    const buf = fs.readFileSync(f);
    const g = zlib.gzipSync(buf, { level: 9 }).length;
    raw += buf.length;
    gz += g;
    if (f.endsWith('.wasm')) wasmGz += g;
  }
  return { raw, gz, wasmGz, files: files.map((f) => path.relative(outDir, f)) };
}
