import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createFakeProviders } from '../../fake/index.js';
import { startFakeServer } from '../../fake/server.js';
import { GOOD_CREDENTIALS, tokenRequest } from './helpers.mjs';

const CLI = fileURLToPath(new URL('../../fake/cli.js', import.meta.url));

async function bearer(url) {
  const res = await fetch(`${url}/oauth2/token`, tokenRequest({ ...GOOD_CREDENTIALS, audience: `${url}/api` }));
  assert.equal(res.status, 200);
  return `Bearer ${(await res.json()).access_token}`;
}

test('startFakeServer serves the fake over HTTP on a free port', async () => {
  const server = await startFakeServer({ seed: 3 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(server.port > 0);
    const auth = await bearer(server.url);
    const res = await fetch(`${server.url}/api/v1/users`, { headers: { authorization: auth } });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).users.length, 3);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');

    const created = await fetch(`${server.url}/api/v1/user`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ profile: { given_name: 'Über' } }),
    });
    assert.equal(created.status, 200);
    assert.equal(server.providers.kinde.users().at(-1).first_name, 'Über');
    assert.equal(server.providers.kinde.tokenRequests, 1);
    assert.equal(server.providers.requests.at(-1).body, JSON.stringify({ profile: { given_name: 'Über' } }));

    const denied = await fetch(`${server.url}/api/v1/users/kp_fake_0001/identities`);
    assert.equal(denied.status, 403);
    assert.equal(await denied.text(), '');
  } finally {
    await server.close();
  }
});

test('the server answers CORS preflights and exposes response headers', async () => {
  const server = await startFakeServer();
  try {
    const preflight = await fetch(`${server.url}/api/v1/user?id=kp_fake_0001`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, content-type, x-request-id',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-methods'), /\bPATCH\b/);
    const allowed = preflight.headers.get('access-control-allow-headers').split(', ');
    for (const h of ['authorization', 'content-type', 'x-request-id']) assert.ok(allowed.includes(h), h);
    assert.equal(server.providers.requests.length, 0, 'preflights are not logged as API requests');

    server.providers.kinde.injectFault({ status: 429, headers: { 'retry-after': '1' } });
    const throttled = await fetch(`${server.url}/api/v1/users`, { headers: { origin: 'http://localhost:5173' } });
    assert.equal(throttled.status, 429);
    assert.match(throttled.headers.get('access-control-expose-headers'), /retry-after/);
  } finally {
    await server.close();
  }
});

test('close() resolves with keep-alive connections open, and twice', async () => {
  const server = await startFakeServer();
  const res = await fetch(`${server.url}/api/v1/users`); // undici keeps the connection alive
  await res.arrayBuffer();
  await server.close();
  await server.close();
  await assert.rejects(fetch(`${server.url}/api/v1/users`));
});

test('startFakeServer rejects when the port is taken', async () => {
  const first = await startFakeServer();
  try {
    await assert.rejects(startFakeServer({ port: first.port }), /EADDRINUSE/);
  } finally {
    await first.close();
  }
});

async function freePort() {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  await once(probe, 'close');
  return port;
}

function runCli(args) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d) => {
    stderr += d;
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal, stdout, stderr }));
  const firstLine = new Promise((resolve, reject) => {
    child.stdout.on('data', () => {
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]);
    });
    exited.then((r) => reject(new Error(`cli exited early: ${JSON.stringify(r)}`)));
  });
  firstLine.catch(() => {}); // only the tests that wait for the line care
  return { child, exited, firstLine };
}

test('cli: serves on the given port, prints URL and credentials, stops cleanly on SIGTERM', async () => {
  const port = await freePort();
  const { child, exited, firstLine } = runCli(['--port', String(port), '--seed', '4']);
  const line = await firstLine;
  const url = `http://127.0.0.1:${port}`;
  assert.ok(line.includes(url), line);
  assert.ok(line.includes('fake-client-id') && line.includes('fake-client-secret'), line);
  const auth = await bearer(url);
  const res = await fetch(`${url}/api/v1/users`, { headers: { authorization: auth } });
  assert.equal((await res.json()).users.length, 4);
  child.kill('SIGTERM');
  const result = await exited;
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout.trim().split('\n').length, 1);
  await assert.rejects(fetch(`${url}/api/v1/users`));
});

test('cli: --port 0 picks a free port; SIGINT stops it', async () => {
  const { child, exited, firstLine } = runCli(['--port=0', '--host', '127.0.0.1', '--token-ttl', '5']);
  const url = /(http:\/\/\S+)/.exec(await firstLine)[1];
  const res = await fetch(`${url}/oauth2/token`, tokenRequest(GOOD_CREDENTIALS));
  assert.equal((await res.json()).expires_in, 5);
  child.kill('SIGINT');
  assert.equal((await exited).code, 0);
});

test('cli: invalid arguments print usage on stderr and exit 2', async () => {
  for (const args of [[], ['--port'], ['--port', 'abc'], ['--port', '70000'], ['--seed', '-1', '--port', '0'], ['--bogus'], ['--port', '0', '--port', '1']]) {
    const result = await runCli(args).exited;
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, /usage: node fake\/cli\.js/);
    assert.equal(result.stdout, '');
  }
});

/** Stops a CLI child by its PID and checks it exits 0. */
async function stopCli({ child, exited }) {
  process.kill(child.pid, 'SIGTERM');
  const result = await exited;
  assert.equal(result.code, 0, result.stderr);
  return result;
}

test('cli: --rate-limit and --latency-ms', async () => {
  const cli = runCli(['--port', '0', '--rate-limit', '1', '--latency-ms', '60']);
  const line = await cli.firstLine;
  try {
    assert.match(line, / rate_limit=1 latency_ms=60$/);
    const url = /(http:\/\/\S+)/.exec(line)[1];
    const clerk = { authorization: 'Bearer sk_test_fake' };
    const start = performance.now();
    assert.equal((await fetch(`${url}/v1/users`, { headers: clerk })).status, 200);
    assert.ok(performance.now() - start >= 55, 'the answer waited --latency-ms');
    const refused = await fetch(`${url}/v1/users`, { headers: clerk });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '1');
    assert.equal((await refused.json()).errors[0].code, 'too_many_requests');
    // Kinde has its own allowance: the token request uses it.
    assert.equal((await fetch(`${url}/oauth2/token`, tokenRequest(GOOD_CREDENTIALS))).status, 200);
    const kinde = await fetch(`${url}/oauth2/token`, tokenRequest(GOOD_CREDENTIALS));
    assert.equal(kinde.status, 429);
    assert.equal(kinde.headers.get('ratelimit-limit'), '1');
    assert.equal(kinde.headers.get('ratelimit-remaining'), '0');
    assert.equal(kinde.headers.get('ratelimit-reset'), '1');
    assert.equal(await kinde.text(), '');
  } finally {
    await stopCli(cli);
  }
});

test('cli: --fail-rate and --random-seed pick the same failures as the in-process fake; decimals are accepted', async () => {
  const cli = runCli(['--port=0', '--fail-rate', '0.5', '--random-seed', '5', '--rate-limit', '1000.5']);
  const line = await cli.firstLine;
  try {
    assert.match(line, / rate_limit=1000\.5 fail_rate=0\.5$/);
    const url = /(http:\/\/\S+)/.exec(line)[1];
    const statuses = async (fetchImpl, base) => {
      const out = [];
      for (let i = 0; i < 30; i += 1) out.push((await fetchImpl(`${base}/v1/users/count`, { headers: { authorization: 'Bearer sk_test_fake' } })).status);
      return out;
    };
    const seen = await statuses(fetch, url);
    assert.deepEqual(new Set(seen), new Set([200, 500]));
    const same = createFakeProviders({ failRate: 0.5, randomSeed: 5 });
    assert.deepEqual(seen, await statuses(same.fetch, 'https://x'));
    const other = createFakeProviders({ failRate: 0.5, randomSeed: 6 });
    assert.notDeepEqual(seen, await statuses(other.fetch, 'https://x'));
  } finally {
    await stopCli(cli);
  }
});

test('cli: bad control values print a clear message and usage, and exit 2', async () => {
  const cases = [
    [['--rate-limit', '-1'], /--rate-limit must be a number from 0 to \d+, got '-1'/],
    [['--fail-rate', '1.5'], /--fail-rate must be a number from 0 to 1, got '1\.5'/],
    [['--fail-rate', '1e-1'], /--fail-rate must be a number/],
    [['--latency-ms', '2.5'], /--latency-ms must be a whole number from 0 to 2147483647, got '2\.5'/],
    [['--random-seed', '4294967296'], /--random-seed must be a whole number from 0 to 4294967295/],
  ];
  for (const [args, message] of cases) {
    const result = await runCli(['--port', '0', ...args]).exited;
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.match(result.stderr, /--fail-rate F/);
    assert.equal(result.stdout, '');
  }
});

test('cli: --seed 100000 starts within seconds and serves the last users', async () => {
  const start = performance.now();
  const cli = runCli(['--port', '0', '--seed', '100000']);
  const line = await cli.firstLine;
  const startup = performance.now() - start;
  try {
    // Usually 2-4 s; the bound leaves room for a loaded machine.
    assert.ok(startup < 30_000, `started after ${Math.round(startup)} ms`);
    const url = /(http:\/\/\S+)/.exec(line)[1];
    const clerk = await fetch(`${url}/v1/users/user_fake_100000`, { headers: { authorization: 'Bearer sk_test_fake' } });
    assert.equal((await clerk.json()).id, 'user_fake_100000');
    const auth = await bearer(url);
    const kinde = await fetch(`${url}/api/v1/user?id=kp_fake_100000`, { headers: { authorization: auth } });
    assert.equal((await kinde.json()).preferred_email, 'tom.taylor218@example.com');
  } finally {
    await stopCli(cli);
  }
});

test('cli: a taken port is reported and exits 1', async () => {
  const server = await startFakeServer();
  try {
    const result = await runCli(['--port', String(server.port)]).exited;
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cannot listen/);
  } finally {
    await server.close();
  }
});
