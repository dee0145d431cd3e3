// Real cancellation over real HTTP, in Node with its own fetch: when a call
// times out or its signal aborts, the server sees the connection close (the
// request is aborted, not merely abandoned), and nothing keeps the process
// alive afterwards. Runs against the built package in dist/.
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { ClerkUsersApi, IdpUsersError, KindeUsersApi } from '../../dist/node.mjs';

/** A server that accepts requests and never answers; resolves `closed` when a client hangs up. */
async function silentServer() {
  const closes = [];
  const server = http.createServer((req, res) => {
    res.on('close', () => closes.push({ url: req.url, at: Date.now(), answered: res.writableEnded }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    closes,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function until(cond, ms) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

test('at timeoutMs the request is aborted: the server sees the connection close', async () => {
  const server = await silentServer();
  try {
    // 1 s: the first fetch of a process on a busy machine can take a few
    // hundred ms to reach the server, and a request aborted before it got
    // there is one the server never sees.
    const kinde = new KindeUsersApi({ domain: server.url, accessToken: 'tok_cancel_1', timeoutMs: 1000 });
    const started = Date.now();
    const err = await kinde.getUsers().catch((e) => e);
    assert.ok(err instanceof IdpUsersError);
    assert.equal(err.kind, 'timeout');
    assert.ok(Date.now() - started < 3000, 'rejects at the deadline');
    assert.ok(await until(() => server.closes.length === 1, 2000), 'the server saw the request end');
    assert.equal(server.closes[0].answered, false, 'closed by the client, unanswered');
    assert.ok(!err.message.includes('tok_cancel_1'));
  } finally {
    await server.stop();
  }
});

test("the caller's signal aborts the request in flight", async () => {
  const server = await silentServer();
  try {
    const clerk = new ClerkUsersApi({ secretKey: 'sk_test_cancel', baseUrl: `${server.url}/v1` });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await clerk.getUserList(undefined, { signal: controller.signal }).catch((e) => e);
    assert.equal(err.kind, 'aborted');
    assert.equal(err.attempts, 1);
    assert.ok(await until(() => server.closes.length === 1, 2000), 'the server saw the request end');
  } finally {
    await server.stop();
  }
});

test('a wait between attempts ends at once when the signal aborts', async () => {
  let calls = 0;
  const fetch = async () => {
    calls++;
    return new Response('', { status: 503, headers: { 'retry-after': '4' } });
  };
  const kinde = new KindeUsersApi({ domain: 'https://acme.kinde.com', accessToken: 't', fetch });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const started = Date.now();
  const err = await kinde.getUsers(undefined, { signal: controller.signal }).catch((e) => e);
  assert.equal(err.kind, 'aborted');
  assert.equal(calls, 1, 'the second attempt never started');
  assert.equal(err.attempts, 1);
  assert.ok(Date.now() - started < 1000, `ended in ${Date.now() - started} ms, not after the 4 s wait`);
});

test('a timer never outlives its call: a finished call does not hold the process', async () => {
  const kinde = new KindeUsersApi({ domain: 'https://acme.kinde.com', accessToken: 't', timeoutMs: 600000, fetch: async () => Response.json({ id: 'kp_1' }) });
  const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  for (let i = 0; i < 50; i++) await kinde.getUserData('kp_1');
  const after = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  assert.equal(after, before);
});

test('signals are not shared without bound: thousands of calls add no pile of abort listeners', async () => {
  // Node's Request keeps a listener on the signal it was given until it is
  // garbage-collected; a signal reused for every call would gather them
  // (MaxListenersExceededWarning, and each call slower than the last).
  const warnings = [];
  const onWarning = (w) => warnings.push(w.name);
  process.on('warning', onWarning);
  try {
    const fetch = async (url, init) => {
      const request = new Request(url, init);
      return Response.json({ id: new URL(request.url).searchParams.get('id') });
    };
    const kinde = new KindeUsersApi({ domain: 'https://acme.kinde.com', accessToken: 't', fetch });
    for (let i = 0; i < 3000; i++) await kinde.getUserData('kp_1');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(warnings.filter((n) => n === 'MaxListenersExceededWarning'), []);
  } finally {
    process.off('warning', onWarning);
  }
});

test('time limits hold whatever else is in flight: a short limit behind a long one, and in reverse', async () => {
  // In Node one timer serves every call's deadline; each call must still end at its own.
  const never = () => new Promise(() => {});
  const kinde = new KindeUsersApi({ domain: 'https://acme.kinde.com', accessToken: 't', fetch: never, retries: 0 });
  const long = new AbortController();
  const started = Date.now();
  const slow = kinde.getUserData('kp_1', undefined, { timeoutMs: 600000, signal: long.signal }).catch((e) => e);
  const quick = await kinde.getUserData('kp_2', undefined, { timeoutMs: 80 }).catch((e) => e);
  const quickMs = Date.now() - started;
  assert.equal(quick.kind, 'timeout');
  assert.ok(quickMs >= 70 && quickMs < 1500, `the 80 ms call ended after ${quickMs} ms`);
  // Several limits at once, started out of order, each ends at its own time.
  const limits = [300, 120, 200];
  const t0 = Date.now();
  const ends = await Promise.all(
    limits.map((ms) => kinde.getUserData('kp_3', undefined, { timeoutMs: ms }).catch((e) => [e.kind, Date.now() - t0])),
  );
  ends.forEach(([kind, elapsed], i) => {
    assert.equal(kind, 'timeout');
    assert.ok(elapsed >= limits[i] - 10 && elapsed < limits[i] + 1000, `the ${limits[i]} ms call ended after ${elapsed} ms`);
  });
  long.abort();
  assert.equal((await slow).kind, 'aborted');
  // Nothing in flight now: no timer holds the process.
  assert.equal(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length, 0);
});
