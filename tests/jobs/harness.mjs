// Shared pieces of the jobs tests and proofs: the HTTP fake in this process
// (so its request log and answers can be read), and the `idp-users` command
// as a child process, killed with SIGKILL at a chosen point.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dist = join(root, 'dist');

/** Imports a module of the built package (dist/). */
export function fromDist(path) {
  const file = join(dist, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`node scripts/build.mjs\` first`);
  return import(pathToFileURL(file).href);
}

/**
 * The HTTP fake with `options`, plus `answers`: one { method, path, status,
 * at (ms, when it arrived) } per request it answered (the fake's own log has no status).
 */
export async function startFake(options) {
  const { startFakeServer } = await fromDist('fake/server.js');
  const server = await startFakeServer(options);
  const answers = [];
  const handle = server.providers.handle;
  server.providers.handle = async (request) => {
    const at = Date.now();
    const res = await handle(request);
    const url = new URL(request.url);
    answers.push({ method: request.method, path: url.pathname, status: res.status, at });
    return res;
  };
  const env = {
    KINDE_DOMAIN: server.url,
    KINDE_CLIENT_ID: server.providers.kinde.clientId,
    KINDE_CLIENT_SECRET: server.providers.kinde.clientSecret,
    CLERK_SECRET_KEY: server.providers.clerk.secretKey,
    CLERK_BASE_URL: `${server.url}/v1`,
  };
  const config = {
    kinde: { domain: env.KINDE_DOMAIN, clientId: env.KINDE_CLIENT_ID, clientSecret: env.KINDE_CLIENT_SECRET },
    clerk: { secretKey: env.CLERK_SECRET_KEY, baseUrl: env.CLERK_BASE_URL },
  };
  return { server, answers, env, config, close: () => server.close() };
}

/** Writes `env` as an env file; returns its path. */
export function envFile(dir, env) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'fake.env');
  writeFileSync(path, Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join(''));
  return path;
}

/**
 * Runs the command (`cmd`: the runtime and its leading arguments, default
 * Node on dist/cli.js). `killWhen(journalText)`: polled every 20 ms; when
 * true the child gets SIGKILL. Resolves to { code, signal, stdout, stderr,
 * peakRssKb, rss } (resident memory read from /proc while it ran: the peak,
 * and the samples).
 */
export function runCli(args, { cmd = [process.execPath, join(dist, 'cli.js')], env = {}, journal, killWhen, timeoutMs = 300_000, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd[0], [...cmd.slice(1), ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peakRssKb = 0;
    const rss = []; // resident memory in kB, every 20 ms
    child.stdout.on('data', (d) => {
      if (stdout.length < 8 << 20) stdout += d;
    });
    child.stderr.on('data', (d) => {
      if (stderr.length < 1 << 20) stderr += d;
    });
    const poll = setInterval(() => {
      try {
        const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) {
          peakRssKb = Math.max(peakRssKb, Number(m[1]));
          rss.push(Number(m[1]));
        }
      } catch {}
      if (killWhen && journal && existsSync(journal)) {
        let text = '';
        try {
          text = readFileSync(journal, 'utf8');
        } catch {}
        if (killWhen(text)) {
          killWhen = undefined;
          child.kill('SIGKILL');
        }
      }
    }, 20);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, peakRssKb, rss });
    });
  });
}

/**
 * The runtimes the packed command is run in: name → the runtime and its
 * leading arguments (the command's file is appended). node20 is the Node
 * running this process.
 */
export const RUNTIMES = {
  node20: [process.execPath],
  node22: [join(root, '.tools', 'node22', 'node_modules', '.bin', 'node')],
  node24: [join(root, '.tools', 'node24', 'node_modules', '.bin', 'node')],
  deno: [join(root, 'node_modules', '.bin', 'deno'), 'run', '-A'],
  bun: [join(root, 'node_modules', '.bin', 'bun')],
};

/** The version a runtime reports (`deno --version` prints three lines: the first, without its build details). */
export function runtimeVersion(name) {
  const out = execFileSync(RUNTIMES[name][0], ['--version'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, DENO_NO_UPDATE_CHECK: '1' } });
  return out.split('\n')[0].replace(/\s*\(.*\)\s*$/, '').trim();
}

/**
 * dist/ as a user gets it: `npm pack`, installed (offline) into a temporary
 * project. `cli(name)`: the runCli options (cmd, cwd, env) that run that
 * project's node_modules/.bin/idp-users in runtime `name`; `remove()`
 * deletes the project.
 */
export function packedCli() {
  const work = mkdtempSync(join(tmpdir(), 'idp-cli-pkg-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', dist, '--pack-destination', work, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'cli-check', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--silent', join(work, packed[0].filename)], { cwd: work, stdio: 'inherit' });
  return {
    work,
    cli: (name) => ({
      cmd: [...RUNTIMES[name], join(work, 'node_modules', '.bin', 'idp-users')],
      cwd: work,
      // Caches inside the project, so nothing is shared with (or left in) HOME.
      env: { DENO_DIR: join(work, '.deno'), BUN_INSTALL_CACHE_DIR: join(work, '.bun') },
    }),
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** Counts of journal lines in each state. */
export function journalCounts(text) {
  const counts = { started: 0, done: 0, failed: 0, skipped: 0, pages: 0 };
  for (const line of text.split('\n')) {
    const m = /"state":"(\w+)"/.exec(line);
    if (m) counts[m[1]] = (counts[m[1]] ?? 0) + 1;
    else if (line.startsWith('{"page":')) counts.pages++;
  }
  return counts;
}
