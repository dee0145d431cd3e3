// What the idp-users/workflows tests and proofs share: the test Worker
// bundled by wrangler against dist/ (as a user's Worker imports the package),
// run in workerd through Miniflare in a child process group (host.mjs) that
// can be killed and started again over its persisted state, and helpers to
// drive it over HTTP.

import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
const dist = join(root, 'dist');
const WRANGLER = join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/**
 * Bundles tests/workflows/worker with the package as installed (a copy of
 * dist/ in node_modules/idp-users) by `wrangler deploy --dry-run`.
 * Returns { work, outDir, remove() }.
 */
export function bundleWorker() {
  if (!existsSync(join(dist, 'workflows', 'index.js'))) throw new Error('dist/workflows is missing: run `node scripts/build.mjs` first');
  const work = mkdtempSync(join(tmpdir(), 'idp-wf-'));
  cpSync(join(here, 'worker'), work, { recursive: true });
  cpSync(dist, join(work, 'node_modules', 'idp-users'), { recursive: true, filter: (src) => !src.includes(`${dist}/fake`) });
  const outDir = join(work, 'out');
  try {
    execFileSync(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--outdir', outDir], {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', WRANGLER_LOG_PATH: join(work, 'logs'), XDG_CONFIG_HOME: join(work, '.config') },
    });
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`wrangler could not bundle the test Worker:\n${e.stdout}\n${e.stderr}`);
  }
  return { work, outDir, remove: () => rmSync(work, { recursive: true, force: true }) };
}

/**
 * Starts the Worker (host.mjs) with `vars` and its state under `persist`.
 * Resolves to { url, call(path, body?), kill(signal), exited }.
 */
export function startHost({ outDir, persist, vars, smallStepLimit }) {
  mkdirSync(persist, { recursive: true });
  const child = spawn(process.execPath, [join(here, 'host.mjs'), JSON.stringify({ outDir, persist, vars, smallStepLimit })], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise((r) => child.on('close', (code, signal) => r({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill('SIGKILL');
      reject(new Error(`the Worker did not start in 60 s: ${err.slice(-2000)}`));
    }, 60_000);
    const kill = (signal = 'SIGTERM') => {
      try {
        process.kill(-child.pid, signal);
      } catch {}
      return exited;
    };
    child.stderr.on('data', (d) => {
      if (err.length < 1 << 20) err += d;
    });
    child.stdout.on('data', (d) => {
      out += d;
      const m = /IDP_WF_READY (\S+)/.exec(out);
      if (m && timer) {
        clearTimeout(timer);
        const url = m[1];
        const call = async (path, body) => {
          const res = await fetch(new URL(path, url), body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          const text = await res.text();
          try {
            return { status: res.status, body: JSON.parse(text), text };
          } catch {
            return { status: res.status, body: null, text };
          }
        };
        resolve({ url, call, kill, exited, stderr: () => err, pid: child.pid });
      }
    });
    exited.then(({ code, signal }) => reject(new Error(`the Worker host exited (${signal ?? code}): ${err.slice(-2000)}`)));
  });
}

/** Polls GET /status/<id> until `until(status)` (default: a final state); resolves to the last status. */
export async function waitFor(host, id, { until = (s) => ['complete', 'errored', 'terminated'].includes(s.status), timeoutMs = 120_000, small = false, every = 200 } = {}) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = await host.call(`/status/${id}${small ? '?small=1' : ''}`);
    if (r.status === 200 && until(r.body)) return r.body;
    if (Date.now() > end) throw new Error(`job ${id} did not get there in ${timeoutMs} ms: ${r.text.slice(0, 1000)}`);
    await new Promise((res) => setTimeout(res, every));
  }
}

/** The Worker's vars for the fake (`fake` from tests/jobs/harness.mjs startFake). */
export function fakeVars(fake, extra = {}) {
  return { ...fake.env, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) };
}

/** Requests per calendar second and per sliding 1 s window of `answers` (each with `at`, ms), matching `filter`. */
export function rateOf(answers, filter = () => true) {
  const times = answers.filter(filter).map((a) => a.at).sort((a, b) => a - b);
  const perSecond = new Map();
  for (const t of times) perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
  let sliding = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++;
    sliding = Math.max(sliding, i - j + 1);
  }
  const seconds = times.length ? (times.at(-1) - times[0]) / 1000 : 0;
  return { requests: times.length, maxPerSecond: Math.max(0, ...perSecond.values()), maxSliding: sliding, seconds: +seconds.toFixed(1), average: seconds > 0 ? +(times.length / seconds).toFixed(1) : 0 };
}
