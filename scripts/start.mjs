#!/usr/bin/env node
// `npm start`: the admin console on the fake providers, in one command.
//
//   npm start [-- --port 8787] [--fake-port N] [--seed 25] [--jobs-rate N]
//
// 1. builds what is missing or stale: the package (`npm run build`, when dist/
//    is absent or older than its sources), its tarball installed into www/
//    (as a user's SPA installs it), and the console (`vite build`);
// 2. starts the fake Kinde and Clerk (`node fake/cli.js`) on 127.0.0.1;
// 3. writes www/worker/.dev.vars (the fake's URL and credentials, and a fresh
//    admin token) and starts the Worker with `wrangler dev` in local mode on
//    127.0.0.1: the console as static assets plus /admin-api/* through
//    idp-users/proxy, and the Jobs page's Workflow, Durable Object and R2
//    bucket, whose local state (www/worker/.wrangler/state) starts empty on
//    each run, as the fake providers do;
// 4. prints the console's URL, with the admin token in its fragment.
// Ctrl-C (SIGINT), SIGTERM or SIGHUP stops everything it started, by PID
// (each child leads a process group of its own; nothing is killed by name).

import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
const workerDir = join(www, 'worker');
const bin = join(root, 'node_modules', '.bin');
const HOST = '127.0.0.1';

const USAGE = `usage: npm start [-- --port N] [--fake-port N] [--seed N] [--jobs-rate N]

  --port N       port of the console (the Worker); default 8787, 0 picks a free one
  --fake-port N  port of the fake providers; default: a free one
  --seed N       seeded users per provider (default 25)
  --jobs-rate N  requests per second per provider credential for the Jobs page's
                 jobs, all of them together (default: idp-users/workflows' 10)
`;

function parseArgs(argv) {
  const out = { port: 8787, fakePort: 0, seed: 25, jobsRate: 0 };
  const names = { '--port': 'port', '--fake-port': 'fakePort', '--seed': 'seed', '--jobs-rate': 'jobsRate' };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const key = names[flag];
    const value = inline ?? argv[++i];
    if (!key || value === undefined || !/^\d+$/.test(value) || Number(value) > 65535 || (key === 'jobsRate' && Number(value) === 0)) {
      process.stderr.write(`start: bad argument '${argv[i] ?? flag}'\n${USAGE}`);
      process.exit(2);
    }
    out[key] = Number(value);
  }
  return out;
}

const log = (...a) => console.log('[start]', ...a);

// ---------------------------------------------------------------- children

const children = new Map(); // pid -> { name, child }
let stopping = false;

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {}
  }
}

/** Starts a child as the leader of its own process group; its output is prefixed. */
function startChild(name, cmd, args, { cwd = root, env = {}, onLine } = {}) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.set(child.pid, { name, child });
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (chunk) => {
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i).replace(/\r$/, '');
        buf = buf.slice(i + 1);
        if (onLine?.(line) !== false && line.trim()) process.stdout.write(`[${name}] ${line}\n`);
      }
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(child.pid);
    signalGroup(child.pid, 'SIGKILL'); // whatever it left in its group
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? `code ${code}`}): stopping everything`);
      shutdown(1);
    }
  });
  return child;
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  const running = [...children.keys()];
  for (const pid of running) signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (children.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of children.keys()) signalGroup(pid, 'SIGKILL');
  if (running.length > 0) log(`stopped ${running.length} process${running.length === 1 ? '' : 'es'} (${running.join(', ')})`);
  process.exit(code);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => shutdown(0));
process.on('exit', () => {
  for (const pid of children.keys()) signalGroup(pid, 'SIGKILL');
});

// ---------------------------------------------------------------- building

function run(cmd, args, cwd = root) {
  const res = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  if (res.status !== 0) {
    console.error(`[start] failed: ${cmd} ${args.join(' ')} (in ${relative(root, cwd) || '.'})`);
    process.exit(1);
  }
}

/** Newest modification time under `paths` (files or folders), skipping `skip`. */
function newest(paths, skip = /(?:^|\/)(?:node_modules|dist|\.pack|\.wrangler|conformance)(?:\/|$)|\.md$/) {
  let latest = 0;
  const visit = (p) => {
    if (!existsSync(p) || skip.test(relative(root, p))) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(join(p, name));
    else latest = Math.max(latest, st.mtimeMs);
  };
  for (const p of paths) visit(p);
  return latest;
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
const sha256 = (p) => createHash('sha256').update(readFileSync(p)).digest('hex');

function buildPackage() {
  const sources = ['src', 'js', 'pkg-template', 'fake', 'Cargo.toml', 'Cargo.lock', 'scripts/build.mjs'].map((p) => join(root, p));
  const built = mtime(join(root, 'dist', 'package.json'));
  if (built > 0 && built >= newest(sources)) return;
  log(built === 0 ? 'dist/ is missing: npm run build (about a minute)' : 'dist/ is older than its sources: npm run build');
  run('npm', ['run', 'build']);
}

/** Packs dist/ and installs the tarball (and Preact) into www/, when either changed. */
function installConsoleDeps() {
  const packDir = join(www, '.pack');
  mkdirSync(packDir, { recursive: true });
  const res = spawnSync('npm', ['pack', join(root, 'dist'), '--pack-destination', packDir, '--json', '--ignore-scripts', '--loglevel=error'], {
    cwd: packDir,
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    console.error(res.stderr);
    console.error('[start] npm pack dist/ failed');
    process.exit(1);
  }
  const packed = JSON.parse(res.stdout.slice(res.stdout.indexOf('[')))[0].filename;
  const tarball = join(packDir, 'idp-users.tgz');
  renameSync(join(packDir, packed), tarball);
  const stampFile = join(www, 'node_modules', '.idp-users-console-stamp');
  const stamp = `${sha256(tarball)} ${sha256(join(www, 'package.json'))}`;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(www, 'node_modules', 'idp-users'))) return false;
  log('installing the packed idp-users and Preact into www/');
  rmSync(join(www, 'node_modules', 'idp-users'), { recursive: true, force: true });
  run('npm', ['install', '--no-package-lock', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], www);
  writeFileSync(stampFile, stamp);
  return true;
}

function buildConsole(force) {
  const built = mtime(join(www, 'dist', 'index.html'));
  const sources = newest([join(www, 'src'), join(www, 'public'), join(www, 'index.html'), join(www, 'vite.config.js')]);
  if (!force && built > 0 && built >= sources) return;
  log('building the console (vite build)');
  run(join(bin, 'vite'), ['build'], www);
}

// ---------------------------------------------------------------- ports

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function portTaken(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen(port, HOST, () => server.close(() => resolve(false)));
  });
}

async function waitForHttp(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (stopping) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

// ---------------------------------------------------------------- main

const opts = parseArgs(process.argv.slice(2));
const started = Date.now();

buildPackage();
const reinstalled = installConsoleDeps();
buildConsole(reinstalled);

let port = opts.port;
if (port !== 0 && (await portTaken(port))) {
  log(`port ${port} is taken: using a free one (choose with --port N)`);
  port = 0;
}
if (port === 0) port = await freePort();
const inspectorPort = await freePort();

// The fake providers.
const fakeUrl = await new Promise((resolve) => {
  startChild('fake', process.execPath, ['fake/cli.js', '--port', String(opts.fakePort), '--host', HOST, '--seed', String(opts.seed)], {
    onLine: (line) => {
      const m = /^fake providers listening on (\S+)/.exec(line);
      if (m) resolve(m[1]);
      return !m; // its start line carries the credentials: summarised below instead
    },
  });
});

// The Worker's dev-only vars: the fake's URL and credentials, and a fresh
// admin token for this run.
const adminToken = randomBytes(24).toString('base64url');
writeFileSync(
  join(workerDir, '.dev.vars'),
  [
    '# Written by `npm start` (scripts/start.mjs) for this run; dev only, not committed.',
    `KINDE_DOMAIN=${fakeUrl}`,
    'KINDE_CLIENT_ID=fake-client-id',
    'KINDE_CLIENT_SECRET=fake-client-secret',
    `CLERK_BASE_URL=${fakeUrl}/v1`,
    'CLERK_SECRET_KEY=sk_test_fake',
    `DEV_ADMIN_TOKEN=${adminToken}`,
    ...(opts.jobsRate > 0 ? [`KINDE_JOBS_RATE=${opts.jobsRate}`, `CLERK_JOBS_RATE=${opts.jobsRate}`] : []),
    '',
  ].join('\n'),
  { mode: 0o600 },
);

// The jobs of an earlier run acted on fake providers that are gone, and an
// instance whose wrangler was killed stays `running` without resuming: each
// run starts with no job, like the fake starts with its seed.
rmSync(join(workerDir, '.wrangler', 'state'), { recursive: true, force: true });

startChild(
  'worker',
  join(bin, 'wrangler'),
  ['dev', '--local', '--ip', HOST, '--port', String(port), '--inspector-port', String(inspectorPort), '--show-interactive-dev-session=false'],
  {
    cwd: workerDir,
    env: {
      WRANGLER_SEND_METRICS: 'false',
      // wrangler's own config and logs stay in the worker folder, not $HOME.
      XDG_CONFIG_HOME: join(workerDir, '.wrangler', 'config'),
      WRANGLER_LOG_PATH: join(workerDir, '.wrangler', 'logs'),
      FORCE_COLOR: '0',
      // No fetch of Cloudflare's `request.cf` sample: local mode, no network.
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    },
    // Requests are logged by wrangler; the banner and "Ready on" add nothing here.
    onLine: (line) => !/^\s*(⛅️|─+|Your Worker has access|env\.|Binding|Using vars|\[wrangler:info\] Ready on)/.test(line),
  },
);

const origin = `http://${HOST}:${port}`;
if (!(await waitForHttp(`${origin}/`, 90_000))) {
  if (!stopping) {
    console.error(`[start] the Worker did not answer on ${origin} within 90 s`);
    await shutdown(1);
  }
} else {
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  idp-users console: ${origin}/#token=${adminToken}

  Kinde and Clerk are the fake providers at ${fakeUrl} (Clerk under /v1), ${opts.seed} users each;
  the Worker forwards ${origin}/admin-api/* to them with the credentials in www/worker/.dev.vars.
  Ready in ${secs} s. Ctrl-C stops everything.
`);
}
