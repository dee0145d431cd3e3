// Shared pieces of the jobs tests and proofs: the HTTP fake in this process
// (so its request log and answers can be read), and the `idp-users` command
// as a child process, killed with SIGKILL at a chosen point.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
 * The HTTP fake with `options`, plus `answers`: one { method, path, status }
 * per request it answered (the fake's own log has no status).
 */
export async function startFake(options) {
  const { startFakeServer } = await fromDist('fake/server.js');
  const server = await startFakeServer(options);
  const answers = [];
  const handle = server.providers.handle;
  server.providers.handle = async (request) => {
    const res = await handle(request);
    const url = new URL(request.url);
    answers.push({ method: request.method, path: url.pathname, status: res.status });
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
