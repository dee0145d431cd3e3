// Load controls of the fake: rateLimit, failRate, latencyMs, randomSeed and setControls.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createFakeProviders } from '../../fake/index.js';
import { startFakeServer } from '../../fake/server.js';
import { CLERK_KEY, GOOD_CREDENTIALS, assertClerkError, assertErrorArray, readResponse, tokenRequest } from './helpers.mjs';

const FAKE_INDEX = fileURLToPath(new URL('../../fake/index.js', import.meta.url));
const FAKE_SERVER = fileURLToPath(new URL('../../fake/server.js', import.meta.url));
const T0 = Date.UTC(2026, 5, 1);

/** A fake on a frozen base clock (only advanceTime moves it), plus helpers for both providers. */
function loaded(options = {}) {
  const fake = createFakeProviders({ now: () => T0, ...options });
  const token = fake.kinde.issueToken();
  const kinde = (path, init = {}) =>
    fake.fetch(`https://fake.kinde.com${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } }).then(readResponse);
  const clerk = (path, init = {}) =>
    fake.fetch(`https://api.clerk.com/v1${path}`, { ...init, headers: { authorization: `Bearer ${CLERK_KEY}`, ...init.headers } }).then(readResponse);
  return { fake, kinde, clerk };
}

const json = (body, method = 'POST') => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function assertKinde429(res, limit, reset) {
  assert.equal(res.status, 429, res.text);
  assert.equal(res.text, '');
  assert.equal(res.headers.get('content-type'), null);
  assert.equal(res.headers.get('ratelimit-limit'), String(limit));
  assert.equal(res.headers.get('ratelimit-remaining'), '0');
  assert.equal(res.headers.get('ratelimit-reset'), String(reset));
  assert.equal(res.headers.get('retry-after'), null);
}

function assertClerk429(res, reset) {
  assertClerkError(res, 429, 'too_many_requests');
  assert.equal(res.headers.get('retry-after'), String(reset));
  assert.match(res.json.errors[0].long_message, /rate limit/i);
  assert.equal(res.headers.get('ratelimit-limit'), null);
}

test('rateLimit: Kinde answers 429 without a body and with RateLimit-* headers, token requests included', async () => {
  const { fake, kinde } = loaded({ rateLimit: 3 });
  const token = await fake.fetch('https://fake.kinde.com/oauth2/token', tokenRequest(GOOD_CREDENTIALS));
  assert.equal(token.status, 200);
  assert.equal((await kinde('/api/v1/users')).status, 200);
  assert.equal((await kinde('/api/v1/user?id=kp_fake_0001')).status, 200);
  // The token request used the third slot: the next request, of any kind, is refused.
  assertKinde429(await kinde('/api/v1/users'), 3, 1);
  const refusedToken = await readResponse(await fake.fetch('https://fake.kinde.com/oauth2/token', tokenRequest(GOOD_CREDENTIALS)));
  assertKinde429(refusedToken, 3, 1);
  assert.equal(fake.kinde.tokenRequests, 2, 'a refused token request still counts as received');
  assert.equal(fake.requests.length, 5, 'refused requests are logged');
  assert.deepEqual(fake.requests.map((r) => r.path), ['/oauth2/token', '/api/v1/users', '/api/v1/user', '/api/v1/users', '/oauth2/token']);
  assert.deepEqual(Object.keys(fake.requests[3]).sort(), ['body', 'headers', 'method', 'path', 'url']);
});

test('rateLimit: a refused request changes nothing and uses no allowance; injected faults wait their turn', async () => {
  const { fake, kinde, clerk } = loaded({ rateLimit: 1 });
  const kindeBefore = fake.kinde.users();
  const clerkBefore = fake.clerk.users();
  assert.equal((await kinde('/api/v1/users')).status, 200);
  assert.equal((await clerk('/users/user_fake_0001')).status, 200);
  fake.kinde.injectFault({ status: 418 });
  const created = await kinde('/api/v1/user', json({ profile: { given_name: 'Nope' } }));
  assertKinde429(created, 1, 1);
  assertClerk429(await clerk('/users/user_fake_0001', json({ first_name: 'Nope' }, 'PATCH')), 1);
  assertClerk429(await clerk('/users/user_fake_0001', { method: 'DELETE' }), 1);
  assert.deepEqual(fake.kinde.users(), kindeBefore);
  assert.deepEqual(fake.clerk.users(), clerkBefore);
  fake.advanceTime(1000);
  // Still one request allowed per second: the refusals did not dig a deeper hole.
  assert.equal((await kinde('/api/v1/users')).status, 418, 'the pending fault was not consumed by the 429');
  assert.equal((await clerk('/users/user_fake_0001')).status, 200);
});

test('rateLimit: Kinde and Clerk are counted apart; Clerk answers ClerkErrors with Retry-After', async () => {
  const { fake, kinde, clerk } = loaded({ rateLimit: 2 });
  assert.equal((await kinde('/api/v1/users')).status, 200);
  assert.equal((await kinde('/api/v1/users')).status, 200);
  assertKinde429(await kinde('/api/v1/users'), 2, 1);
  // Kinde's exhausted allowance does not touch Clerk's.
  assert.equal((await clerk('/users')).status, 200);
  assert.equal((await clerk('/users/count')).status, 200);
  const refused = await clerk('/users');
  assertClerk429(refused, 1);
  assert.equal(refused.json.clerk_trace_id, 'trace_fake_000003', 'the trace id still numbers the Clerk request');
  assert.equal((await fake.fetch('https://x/elsewhere')).status, 404, 'paths no provider owns are not limited');
});

test('rateLimit: recovers as the fake clock moves; Reset/Retry-After say when', async () => {
  const { fake, kinde, clerk } = loaded({ rateLimit: 0.5 });
  assert.equal((await kinde('/api/v1/users')).status, 200);
  assertKinde429(await kinde('/api/v1/users'), 0.5, 2);
  assert.equal((await clerk('/users')).status, 200);
  assertClerk429(await clerk('/users'), 2);
  fake.advanceTime(1000);
  assertKinde429(await kinde('/api/v1/users'), 0.5, 1);
  assertClerk429(await clerk('/users'), 1);
  fake.advanceTime(999);
  assertKinde429(await kinde('/api/v1/users'), 0.5, 1);
  fake.advanceTime(1);
  assert.equal((await kinde('/api/v1/users')).status, 200);
  assert.equal((await clerk('/users')).status, 200);
});

test('rateLimit: a burst of R passes, then R per second (token bucket)', async () => {
  const { fake, kinde } = loaded({ rateLimit: 4 });
  const statuses = async (n) => {
    const out = [];
    for (let i = 0; i < n; i += 1) out.push((await kinde('/api/v1/users')).status);
    return out;
  };
  assert.deepEqual(await statuses(6), [200, 200, 200, 200, 429, 429]);
  fake.advanceTime(250); // a quarter second brings back one request
  assert.deepEqual(await statuses(2), [200, 429]);
  fake.advanceTime(10_000); // the allowance does not pile up beyond the burst
  assert.deepEqual(await statuses(5), [200, 200, 200, 200, 429]);
});

test('rateLimit: the bucket follows the real clock too', async () => {
  const fake = createFakeProviders({ rateLimit: 20 });
  const auth = { authorization: `Bearer ${CLERK_KEY}` };
  const get = () => fake.fetch('https://api.clerk.com/v1/users/count', { headers: auth }).then((r) => r.status);
  const burst = await Promise.all(Array.from({ length: 60 }, get));
  assert.ok(burst.filter((s) => s === 429).length >= 20, burst.join());
  await new Promise((resolve) => setTimeout(resolve, 120)); // 20/s: at least two more after 100 ms
  assert.equal(await get(), 200);
});

test('reset() gives that provider a full allowance', async () => {
  const { fake, kinde, clerk } = loaded({ rateLimit: 1 });
  await kinde('/api/v1/users');
  await clerk('/users');
  fake.kinde.reset();
  assert.equal((await kinde('/api/v1/users')).status, 200);
  assert.equal((await clerk('/users')).status, 429);
  fake.clerk.reset();
  assert.equal((await clerk('/users')).status, 200);
});

/**
 * Statuses of `n` sequential GETs alternating between the providers. They carry no
 * credentials (403 / 401 when not failed), which keeps thousands of them quick.
 */
async function failPattern(options, n) {
  const fake = createFakeProviders(options);
  const out = [];
  for (let i = 0; i < n; i += 1) {
    const res = await fake.fetch(i % 2 === 0 ? 'https://x/api/v1/users' : 'https://x/v1/users');
    out.push(res.status);
  }
  return out;
}

test('failRate: about that fraction fails, and the same randomSeed fails the same requests', async () => {
  const a = await failPattern({ failRate: 0.3, randomSeed: 7 }, 2000);
  const failed = a.filter((s) => s === 500).length;
  assert.ok(Math.abs(failed / 2000 - 0.3) < 0.04, `failed ${failed} of 2000`);
  assert.deepEqual(new Set(a), new Set([403, 401, 500]));
  const again = await failPattern({ failRate: 0.3, randomSeed: 7 }, 2000);
  assert.deepEqual(again, a);
  const other = await failPattern({ failRate: 0.3, randomSeed: 8 }, 2000);
  assert.notDeepEqual(other, a);
  const otherFailed = other.filter((s) => s === 500).length;
  assert.ok(Math.abs(otherFailed / 2000 - 0.3) < 0.04, `failed ${otherFailed} of 2000`);
  // The default seed is fixed too.
  assert.deepEqual(await failPattern({ failRate: 0.5 }, 200), await failPattern({ failRate: 0.5 }, 200));
  const low = (await failPattern({ failRate: 0.05 }, 2000)).filter((s) => s === 500).length;
  assert.ok(low > 40 && low < 160, `failRate 0.05 failed ${low} of 2000`);
  assert.ok(!(await failPattern({ failRate: 0 }, 300)).includes(500));
  assert.ok((await failPattern({ failRate: 1 }, 300)).every((s) => s === 500));
});

test('failRate: 500 with each provider\'s error body, before any state changes', async () => {
  const { fake, kinde, clerk } = loaded({ failRate: 1 });
  const kindeBefore = fake.kinde.users();
  const clerkBefore = fake.clerk.users();
  const k = await kinde('/api/v1/user', json({ profile: { given_name: 'Nope' } }));
  assertErrorArray(k, 500, 'INTERNAL_SERVER_ERROR');
  assert.equal(k.headers.get('content-type'), 'application/json; charset=utf-8');
  const token = await readResponse(await fake.fetch('https://fake.kinde.com/oauth2/token', tokenRequest(GOOD_CREDENTIALS)));
  assertErrorArray(token, 500, 'INTERNAL_SERVER_ERROR');
  assert.equal(fake.kinde.tokenRequests, 1);
  const c = await clerk('/users/user_fake_0001', { method: 'DELETE' });
  assertClerkError(c, 500, 'internal_clerk_error');
  assert.equal(c.headers.get('retry-after'), null);
  assert.deepEqual(fake.kinde.users(), kindeBefore);
  assert.deepEqual(fake.clerk.users(), clerkBefore);
  assert.equal(fake.requests.length, 3);
});

test('failRate with rateLimit: refused requests are not drawn, so they do not change which ones fail', async () => {
  const statuses = async (fake, n) => {
    const out = [];
    for (let i = 0; i < n; i += 1) {
      out.push((await fake.fetch('https://api.clerk.com/v1/users/count', { headers: { authorization: `Bearer ${CLERK_KEY}` } })).status);
    }
    return out;
  };
  // A seed whose 2nd and 7th draws differ, so drawing for the refused requests would show.
  let seed = 0;
  let reference;
  do {
    seed += 1;
    reference = await statuses(createFakeProviders({ failRate: 0.5, randomSeed: seed }), 7);
  } while (reference[1] === reference[6]);
  const { fake } = loaded({ failRate: 0.5, randomSeed: seed, rateLimit: 1 });
  const seen = await statuses(fake, 6); // one admitted, five refused
  assert.deepEqual(seen, [reference[0], 429, 429, 429, 429, 429]);
  fake.advanceTime(1000);
  assert.deepEqual(await statuses(fake, 1), [reference[1]]);
});

test('latencyMs: every answer waits that long', async () => {
  const { kinde, clerk, fake } = loaded({ latencyMs: 120 });
  for (const call of [() => kinde('/api/v1/users'), () => clerk('/users'), () => fake.fetch('https://x/nowhere')]) {
    const start = performance.now();
    const res = await call();
    const elapsed = performance.now() - start;
    assert.ok(res.status === 200 || res.status === 404);
    assert.ok(elapsed >= 110, `answered after ${elapsed} ms`);
    assert.ok(elapsed < 2000, `answered after ${elapsed} ms`);
  }
  // Concurrent requests wait side by side, not one after another.
  const start = performance.now();
  await Promise.all(Array.from({ length: 5 }, () => clerk('/users/count')));
  assert.ok(performance.now() - start < 550, 'one after another would take 600 ms');
});

test('latencyMs: an abort during the wait rejects at once with the reason; the request changes nothing', async () => {
  const { fake } = loaded({ latencyMs: 60_000 });
  const before = fake.kinde.users();
  const controller = new AbortController();
  const reason = new Error('caller gave up');
  const start = performance.now();
  const pending = fake.fetch('https://fake.kinde.com/api/v1/user', {
    method: 'POST',
    headers: { authorization: `Bearer ${fake.kinde.issueToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ profile: { given_name: 'Late' } }),
    signal: controller.signal,
  });
  setTimeout(() => controller.abort(reason), 30);
  await assert.rejects(pending, (e) => e === reason);
  assert.ok(performance.now() - start < 1000);
  assert.equal(fake.requests.length, 1, 'the request was received (logged)');
  assert.deepEqual(fake.kinde.users(), before);
  // A timeout signal and a Request's own signal work the same way.
  await assert.rejects(
    fake.fetch('https://api.clerk.com/v1/users', { signal: AbortSignal.timeout(20) }),
    (e) => e.name === 'TimeoutError',
  );
  const request = new Request('https://api.clerk.com/v1/users', { signal: AbortSignal.timeout(20) });
  await assert.rejects(fake.fetch(request), (e) => e.name === 'TimeoutError');
});

/** Runs an ES module script in a child Node; resolves with its exit code, stdout lines and run time. */
async function runScript(script) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d) => {
    out += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d) => {
    err += d;
  });
  const start = performance.now();
  const [code] = await once(child, 'exit');
  return { code, lines: out.trim().split('\n'), err, ms: performance.now() - start };
}

test('latencyMs: an aborted wait leaves no timer behind (the process exits at once)', async () => {
  const inProcess = await runScript(`
    import { createFakeProviders } from ${JSON.stringify(FAKE_INDEX)};
    const fake = createFakeProviders({ latencyMs: 30000 });
    await fake.fetch('https://x/v1/users', { signal: AbortSignal.timeout(50) }).catch((e) => console.log(e.name));
    fake.setControls({ latencyMs: 20 });
    console.log((await fake.fetch('https://x/v1/users')).status);
  `);
  assert.equal(inProcess.code, 0, inProcess.err);
  assert.deepEqual(inProcess.lines, ['TimeoutError', '401']);
  assert.ok(inProcess.ms < 10_000, 'the 30 s timer did not keep the process alive');
  // Over HTTP: the client hangs up during the wait, then the server closes.
  const overHttp = await runScript(`
    import { startFakeServer } from ${JSON.stringify(FAKE_SERVER)};
    const server = await startFakeServer({ latencyMs: 30000 });
    const controller = new AbortController();
    const pending = fetch(server.url + '/v1/users', { signal: controller.signal }).catch((e) => console.log(e.name));
    // Hang up only once the server has the request (it is logged before the wait starts).
    while (server.providers.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await pending;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    console.log('closed');
  `);
  assert.equal(overHttp.code, 0, overHttp.err);
  assert.deepEqual(overHttp.lines, ['AbortError', 'closed']);
  assert.ok(overHttp.ms < 10_000, 'the 30 s timer did not keep the server process alive');
});

test('setControls changes the controls at run time, only the keys given', async () => {
  const { fake, kinde, clerk } = loaded();
  assert.equal((await clerk('/users')).status, 200);
  fake.setControls({ rateLimit: 1 });
  assert.equal((await clerk('/users')).status, 200);
  assertClerk429(await clerk('/users'), 1);
  fake.setControls({ failRate: 1 }); // the rate limit stays
  assertClerk429(await clerk('/users'), 1);
  assertErrorArray(await kinde('/api/v1/users'), 500, 'INTERNAL_SERVER_ERROR');
  fake.setControls({ rateLimit: 0 });
  assertClerkError(await clerk('/users'), 500, 'internal_clerk_error');
  fake.setControls({ failRate: undefined, latencyMs: 200 });
  let start = performance.now();
  assert.equal((await clerk('/users')).status, 200);
  assert.ok(performance.now() - start >= 190);
  fake.setControls({ latencyMs: undefined, rateLimit: 2 });
  start = performance.now();
  assert.equal((await clerk('/users')).status, 200);
  assert.ok(performance.now() - start < 150);
  // A new rateLimit starts both providers with a full allowance.
  await clerk('/users');
  assertClerk429(await clerk('/users'), 1);
  fake.setControls({ rateLimit: 3 });
  assert.equal((await clerk('/users')).status, 200);
  fake.setControls({ rateLimit: undefined });
  for (let i = 0; i < 10; i += 1) assert.equal((await clerk('/users')).status, 200);
  fake.setControls({});
});

test('setControls: randomSeed restarts the failure sequence', async () => {
  const { fake, clerk } = loaded({ failRate: 0.5, randomSeed: 11 });
  const run = async () => {
    const out = [];
    for (let i = 0; i < 40; i += 1) out.push((await clerk('/users/count')).status);
    return out;
  };
  const first = await run();
  fake.setControls({ randomSeed: 11 });
  assert.deepEqual(await run(), first);
  fake.setControls({ randomSeed: 12 });
  assert.notDeepEqual(await run(), first);
});

test('bad control values throw a TypeError naming the option', () => {
  const bad = {
    rateLimit: [-1, Number.NaN, Infinity, '5', null, true, 10n],
    failRate: [-0.1, 1.01, Number.NaN, '0.5', null],
    latencyMs: [-1, 1.5, Number.NaN, '10', 2 ** 31, null],
    randomSeed: [-1, 0.5, 2 ** 32, '1', null],
  };
  for (const [key, values] of Object.entries(bad)) {
    for (const value of values) {
      assert.throws(
        () => createFakeProviders({ [key]: value }),
        (e) => e instanceof TypeError && e.message.includes(`options.${key}`),
        `${key}: ${String(value)}`,
      );
    }
  }
  for (const good of [{ rateLimit: 0 }, { rateLimit: undefined }, { rateLimit: 0.25 }, { failRate: 0 }, { failRate: 1 }, { latencyMs: 0 }, { randomSeed: 0 }, { randomSeed: 2 ** 32 - 1 }]) {
    createFakeProviders(good);
  }
});

test('setControls: bad values and unknown keys throw, and nothing changes', async () => {
  const { fake, clerk } = loaded();
  assert.throws(() => fake.setControls({ rateLimit: 5, failRate: 2 }), (e) => e instanceof TypeError && /failRate/.test(e.message));
  assert.throws(() => fake.setControls({ ratelimit: 5 }), (e) => e instanceof TypeError && /ratelimit/.test(e.message));
  assert.throws(() => fake.setControls({ latencyMs: -5 }), TypeError);
  for (const arg of [undefined, null, 5, 'x', []]) assert.throws(() => fake.setControls(arg), TypeError);
  for (let i = 0; i < 10; i += 1) assert.equal((await clerk('/users/count')).status, 200, 'no limit was set');
});

test('startFakeServer takes the controls; 429 headers are exposed to browsers; a hang-up ends the wait', async () => {
  const server = await startFakeServer({ seed: 2, rateLimit: 1, latencyMs: 30 });
  try {
    const auth = { authorization: `Bearer ${CLERK_KEY}`, origin: 'http://localhost:5173' };
    const start = performance.now();
    assert.equal((await fetch(`${server.url}/v1/users`, { headers: auth })).status, 200);
    assert.ok(performance.now() - start >= 25);
    const refused = await fetch(`${server.url}/v1/users`, { headers: auth });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '1');
    assert.match(refused.headers.get('access-control-expose-headers'), /retry-after/);
    assert.equal((await refused.json()).errors[0].code, 'too_many_requests');
    const kinde = await fetch(`${server.url}/api/v1/users`, { headers: { origin: 'http://localhost:5173' } });
    await kinde.arrayBuffer();
    const kinde2 = await fetch(`${server.url}/api/v1/users`);
    assert.equal(kinde2.status, 429);
    assert.equal(kinde2.headers.get('ratelimit-limit'), '1');
    assert.equal(kinde2.headers.get('ratelimit-remaining'), '0');
    assert.equal(kinde2.headers.get('ratelimit-reset'), '1');
    assert.equal(await kinde2.text(), '');

    server.providers.setControls({ rateLimit: 0, latencyMs: 60_000 });
    const before = server.providers.clerk.users();
    const logged = server.providers.requests.length;
    const controller = new AbortController();
    const pending = fetch(`${server.url}/v1/users/user_fake_0001`, { method: 'DELETE', headers: auth, signal: controller.signal });
    while (server.providers.requests.length === logged) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await assert.rejects(pending, (e) => e.name === 'AbortError');
    assert.equal(server.providers.requests.at(-1).method, 'DELETE');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(server.providers.clerk.users(), before);
  } finally {
    const closing = performance.now();
    await server.close();
    assert.ok(performance.now() - closing < 5000);
  }
  await assert.rejects(startFakeServer({ failRate: 3 }), TypeError);
});
