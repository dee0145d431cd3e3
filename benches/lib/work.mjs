// The bench work folder (benches/.work, gitignored): a snapshot of dist/
// installed as node_modules/idp-users, and a copy of the bench code next to
// it so that `import 'idp-users'` resolves to that snapshot. A snapshot,
// because dist/ is rebuilt by others while a run of several minutes goes on.

import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BENCHES = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO = path.dirname(BENCHES);
export const WORK = path.join(BENCHES, '.work');
export const APP = path.join(WORK, 'app');
export const PKG_DIR = path.join(WORK, 'node_modules', 'idp-users');
/** Where `--baseline DIR` is copied: a second build, imported as `idp-users-baseline`. */
export const BASELINE_DIR = path.join(WORK, 'node_modules', 'idp-users-baseline');
export const BIN = path.join(REPO, 'node_modules', '.bin');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function exportTargets(node, out = []) {
  if (typeof node === 'string') out.push(node);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) exportTargets(v, out);
  return out;
}

/** Problems of a package folder: a missing package.json or a file its exports name. */
function incomplete(dir) {
  let pkg;
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch (e) {
    return [`package.json: ${e.message}`];
  }
  const missing = exportTargets(pkg.exports).filter((t) => !fs.existsSync(path.join(dir, t)));
  if (!fs.existsSync(path.join(dir, 'wasm/idp_users_bg.wasm'))) missing.push('wasm/idp_users_bg.wasm');
  return missing.map((m) => `missing ${m}`);
}

/** Copies the package at `dist` (dist/ unless told) into `into`, retrying while it looks mid-rebuild. Returns its package.json. */
export async function snapshotDist(log, dist = path.join(REPO, 'dist'), into = PKG_DIR) {
  for (let attempt = 1; ; attempt++) {
    const problems = incomplete(dist);
    if (!problems.length) {
      fs.rmSync(into, { recursive: true, force: true });
      fs.cpSync(dist, into, { recursive: true, preserveTimestamps: true });
      const after = incomplete(into);
      if (!after.length) return JSON.parse(fs.readFileSync(path.join(into, 'package.json'), 'utf8'));
      problems.push(...after);
    }
    if (attempt >= 12) throw new Error(`${dist} is not a complete package (run npm run build): ${problems.join(', ')}`);
    log(`${dist} looks mid-rebuild (${problems[0]}); retrying in 5 s`);
    await sleep(5000);
  }
}

/**
 * Copies the bench code that runs next to the snapshot (children, contenders,
 * workers, shared lib). `baseline`: whether a second build was copied to
 * BASELINE_DIR; its contender is idp-users.mjs importing that build (without
 * one, a module the Worker can still import, creating nothing).
 */
export function copyApp(baseline = false) {
  fs.rmSync(APP, { recursive: true, force: true });
  for (const d of ['lib', 'contenders', 'children', 'workers']) fs.cpSync(path.join(BENCHES, d), path.join(APP, d), { recursive: true });
  const own = fs.readFileSync(path.join(BENCHES, 'contenders/idp-users.mjs'), 'utf8');
  const from = " from 'idp-users';";
  if (!own.includes(from)) throw new Error('benches/contenders/idp-users.mjs no longer imports idp-users: update copyApp');
  fs.writeFileSync(
    path.join(APP, 'contenders/idp-users@baseline.mjs'),
    baseline ? own.replace(from, " from 'idp-users-baseline';") : '// No --baseline given.\nexport const create = undefined;\n',
  );
  fs.writeFileSync(path.join(WORK, 'package.json'), '{ "private": true, "type": "module" }\n');
}

// Children run in process groups of their own (detached), so stopping one
// also stops what it started (wrangler's esbuild, workerd), by its PID.
const live = new Set();
export function stopChildren() {
  for (const pid of live) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
  live.clear();
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopChildren();
    process.exit(130);
  });
}
process.on('exit', stopChildren);

/** Runs a child to its end: { code, signal, stdout, stderr, ms, timedOut }. */
export function run(cmd, args, { cwd = APP, env = {}, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    live.add(child.pid);
    let stdout = '';
    let stderr = '';
    let firstLineMs = null;
    child.stdout.on('data', (d) => {
      if (firstLineMs === null && String(d).includes('\n')) firstLineMs = performance.now() - t0;
      stdout += d;
    });
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      live.delete(child.pid);
      resolve({ code, signal, stdout, stderr, timedOut, ms: performance.now() - t0, firstLineMs });
    });
  });
}

/** Last JSON line of a child's stdout, or throws with its stderr. */
export function jsonResult(res, what) {
  const line = res.stdout.trim().split('\n').findLast((l) => l.startsWith('{'));
  if (res.code !== 0 || !line) {
    const why = res.timedOut ? 'timed out' : `exit ${res.code ?? res.signal}`;
    throw new Error(`${what}: ${why}\n${res.stderr.trim().split('\n').slice(-15).join('\n')}`);
  }
  return JSON.parse(line);
}
