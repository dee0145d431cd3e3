// The production-behaviour half of the shared suite (issue 7): retries and
// server delays, whole-call time limits and cancellation, auto-pagination, a
// boundary no caller value can break, malformed responses, load, secrets in
// errors, bulk, and the seed's profile-image shape. tests/js/suite.mjs runs it
// with its own test kit, unchanged in every runtime, against the packed
// package and the in-memory fake.
//
// Every test counts what really went over the wire: the fake's `requests`
// log, or a wrapping `fetch` that records each request (start and end time,
// its `init.signal`, the status answered). Tests that measure something put
// the figures in their name, in [brackets], so a run's report shows them.

const DOMAIN = 'https://fake.kinde.com';
const CLERK_BASE = 'https://api.clerk.test/v1';
const KU1 = 'kp_fake_0001';
const KU2 = 'kp_fake_0002';
const CU1 = 'user_fake_0001';
const CU2 = 'user_fake_0002';
const CU3 = 'user_fake_0003';
const CU4 = 'user_fake_0004'; // an oauth_google external account with a token
const CU6 = 'user_fake_0006'; // three organization invitations
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 250, 251, 252, 0, 255];
const MiB = 1024 * 1024;

const pad4 = (i) => String(i).padStart(4, '0');
const kindeId = (i) => `kp_fake_${pad4(i)}`;
const clerkId = (i) => `user_fake_${pad4(i)}`;
const now = () => (typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now());
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const ms = (n) => `${Math.round(n)} ms`;

export async function productionTests({ lib, fake, runtime, serverUrl, test, ok, eq, rejects, ALLOW = {} }) {
  const { KindeUsersApi, ClerkUsersApi, IdpUsersError } = lib;
  void serverUrl;

  // ---- helpers -----------------------------------------------------------------
  /** A Kinde client in client-credentials mode over fake `f` (or `config.fetch`). */
  const kindeClient = (f, config = {}) =>
    new KindeUsersApi({ domain: DOMAIN, clientId: f.kinde.clientId, clientSecret: f.kinde.clientSecret, fetch: f.fetch, ...ALLOW, ...config });
  /** A Clerk client over fake `f` (or `config.fetch`). */
  const clerkClient = (f, config = {}) => new ClerkUsersApi({ secretKey: f.clerk.secretKey, baseUrl: CLERK_BASE, fetch: f.fetch, ...ALLOW, ...config });
  /** Requests the fake received with this method and path (a string or a RegExp). */
  const count = (f, method, path) =>
    f.requests.filter((r) => (method === undefined || r.method === method) && (typeof path === 'string' ? r.path === path : path.test(r.path))).length;

  /** Waits `ms`, or rejects with the signal's reason when it aborts first. */
  function abortableSleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal && signal.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        if (signal) signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      if (signal) signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * A fetch around `inner` that records every request: { url, path, method,
   * start, end, status, signal, error }, the most in flight at once, and
   * (optionally) delays each request by `delayMs`, honouring its signal.
   * `filter(url)` chooses which requests count as "in flight".
   */
  function wrapFetch(inner, { delayMs = 0, filter = () => true } = {}) {
    const log = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const fetchFn = async (url, init) => {
      const href = String(url);
      const entry = { url: href, path: new URL(href).pathname, method: init && init.method, start: now(), end: undefined, status: undefined, signal: init && init.signal, error: undefined };
      log.push(entry);
      const counted = filter(href);
      if (counted) maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        if (delayMs) await abortableSleep(delayMs, init && init.signal);
        const res = await inner(url, init);
        entry.status = res.status;
        return res;
      } catch (e) {
        entry.error = e;
        throw e;
      } finally {
        if (counted) inFlight--;
        entry.end = now();
      }
    };
    return { fetch: fetchFn, log, get maxInFlight() { return maxInFlight; } };
  }

  /** A fetch that never answers; records each init.signal and rejects when it aborts (as fetch does). */
  function hangingFetch({ honourSignal = true } = {}) {
    const signals = [];
    const fetchFn = (url, init) =>
      new Promise((_, reject) => {
        const signal = init && init.signal;
        signals.push(signal);
        if (honourSignal && signal) signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    return { fetch: fetchFn, signals };
  }

  /** The error `thunk()` rejects (or throws) with, or undefined when it resolves. */
  async function caught(thunk) {
    try {
      await thunk();
    } catch (e) {
      return e;
    }
    return undefined;
  }

  /**
   * A test whose name ends with the figures it measured: `fn(report)` calls
   * `report('…')`; the test is recorded after it ran, named with them.
   */
  async function measured(name, fn) {
    let figures = '';
    let error;
    try {
      await fn((text) => {
        figures = text;
      });
    } catch (e) {
      error = e;
    }
    await test(figures ? `${name} [${figures}]` : name, () => {
      if (error) throw error;
    });
  }

  /** Runs `fn(i)` for i in [from, to) with at most `width` in flight. */
  async function pool(from, to, width, fn) {
    let next = from;
    const worker = async () => {
      while (next < to) await fn(next++);
    };
    await Promise.all(Array.from({ length: Math.min(width, to - from) }, worker));
  }

  // =====================================================================
  // 1. Retries
  // =====================================================================
  await test('retries: a GET answered 503 twice then 200 resolves after exactly 3 requests (Clerk getUser, Kinde getUserData, a WithHttpInfo twin)', async () => {
    const f = fake.createFakeProviders();
    const clerk = clerkClient(f, { maxRetryDelayMs: 20 });
    f.clerk.injectFault({ path: `/v1/users/${CU1}`, status: 503, times: 2 });
    eq((await clerk.getUser(CU1)).id, CU1, 'Clerk getUser resolves');
    eq(count(f, 'GET', `/v1/users/${CU1}`), 3, 'Clerk: 2 failed attempts + 1 success');
    const kinde = kindeClient(f, { maxRetryDelayMs: 20 });
    f.kinde.injectFault({ path: '/api/v1/user', status: 503, times: 2 });
    eq((await kinde.getUserData(KU1)).id, KU1, 'Kinde getUserData resolves');
    eq(count(f, 'GET', '/api/v1/user'), 3, 'Kinde: 3 requests');
    eq(f.kinde.tokenRequests, 1, 'one token for all attempts');
    f.kinde.injectFault({ path: '/api/v1/users', status: 502, times: 1 });
    f.kinde.injectFault({ path: '/api/v1/users', status: 504, times: 1 });
    const info = await kinde.getUsersWithHttpInfo({ page_size: 2 });
    eq([info.status, info.data.users.length], [200, 2], '502 then 504 then 200 (WithHttpInfo)');
    eq(count(f, 'GET', '/api/v1/users'), 3, '3 list requests');
  });

  await measured('retries: default backoff waits 250-500 ms, then 500-1000 ms (jittered 500·2^(n-1))', async (report) => {
    const f = fake.createFakeProviders();
    const w = wrapFetch(f.fetch);
    const clerk = clerkClient(f, { fetch: w.fetch });
    f.clerk.injectFault({ path: `/v1/users/${CU2}`, status: 503, times: 2 });
    eq((await clerk.getUser(CU2)).id, CU2, 'resolves on the third attempt');
    eq(w.log.length, 3, 'three requests');
    const gap1 = w.log[1].start - w.log[0].end;
    const gap2 = w.log[2].start - w.log[1].end;
    report(`waits ${ms(gap1)}, ${ms(gap2)}`);
    // Timers never fire early; a busy machine can make them late (300 ms of slack).
    ok(gap1 >= 240 && gap1 <= 800, `first wait ${gap1} ms within 250-500 ms (+ timer slack)`);
    ok(gap2 >= 490 && gap2 <= 1300, `second wait ${gap2} ms within 500-1000 ms (+ timer slack)`);
  });

  await test('retries: POST and PATCH answered 503 are not retried (attempts 1) unless retryNonIdempotent; PUT and DELETE are', async () => {
    const f = fake.createFakeProviders();
    const clerk = clerkClient(f, { maxRetryDelayMs: 10 });
    const banPath = `/v1/users/${CU1}/ban`;
    f.clerk.injectFault({ method: 'POST', path: banPath, status: 503, times: 1 });
    await rejects(clerk.banUser(CU1), { kind: 'api', status: 503, attempts: 1 }, 'clerk.banUser 503');
    eq(count(f, 'POST', banPath), 1, 'banUser: one request');
    eq(f.clerk.users()[0].banned, false, 'not banned');
    f.clerk.injectFault({ method: 'POST', path: banPath, status: 503, times: 1 });
    eq((await clerk.banUser(CU1, { retryNonIdempotent: true })).banned, true, 'with retryNonIdempotent: retried and banned');
    eq(count(f, 'POST', banPath), 3, 'banUser with retryNonIdempotent: 2 more requests');
    f.clerk.injectFault({ method: 'PATCH', path: `/v1/users/${CU2}`, status: 503, times: 1 });
    await rejects(clerk.updateUser(CU2, { first_name: 'X' }), { kind: 'api', status: 503, attempts: 1 }, 'clerk.updateUser (PATCH) 503');
    eq(count(f, 'PATCH', `/v1/users/${CU2}`), 1, 'PATCH: one request');

    const kinde = kindeClient(f, { maxRetryDelayMs: 10 });
    await kinde.getUsers({ page_size: 1 }); // a token first: the fault must hit the API request
    f.kinde.injectFault({ method: 'POST', path: '/api/v1/user', status: 503, times: 1 });
    await rejects(kinde.createUser({ profile: { given_name: 'Once' } }), { kind: 'api', status: 503, attempts: 1 }, 'kinde.createUser 503');
    eq(count(f, 'POST', '/api/v1/user'), 1, 'createUser: one request');
    f.kinde.injectFault({ method: 'POST', path: '/api/v1/user', status: 503, times: 1 });
    const made = await kinde.createUser({ profile: { given_name: 'Twice' } }, { retryNonIdempotent: true });
    ok(made.created === true, 'createUser with retryNonIdempotent succeeds');
    eq(count(f, 'POST', '/api/v1/user'), 3, 'createUser with retryNonIdempotent: 2 more requests');
    const propPath = `/api/v1/users/${KU1}/properties/fake_property`;
    f.kinde.injectFault({ method: 'PUT', path: propPath, status: 503, times: 1 });
    await kinde.updateUserProperty(KU1, 'fake_property', 'v');
    eq(count(f, 'PUT', propPath), 2, 'PUT is retried');
    const sessPath = `/api/v1/users/${KU1}/sessions`;
    f.kinde.injectFault({ method: 'DELETE', path: sessPath, status: 503, times: 1 });
    await kinde.deleteUserSessions(KU1);
    eq(count(f, 'DELETE', sessPath), 2, 'DELETE is retried');
  });

  await test('retries: a failed token request is retried for a POST operation; the POST itself is sent once', async () => {
    const f = fake.createFakeProviders();
    const kinde = kindeClient(f, { maxRetryDelayMs: 10 });
    f.kinde.injectFault({ path: '/oauth2/token', status: 503, times: 1 });
    const made = await kinde.createUser({ profile: { given_name: 'Tok' } });
    ok(made.created === true, 'created');
    eq(f.kinde.tokenRequests, 2, 'token request retried');
    eq(count(f, 'POST', '/api/v1/user'), 1, 'the create was sent once');
  });

  await test('retries: retries 0 (per call, in the config) turns retries off; a per-call value overrides the config', async () => {
    const f = fake.createFakeProviders();
    const path = `/v1/users/${CU1}`;
    f.clerk.injectFault({ path, status: 503, times: 10 });
    const clerk = clerkClient(f, { maxRetryDelayMs: 10 });
    await rejects(clerk.getUser(CU1, { retries: 0 }), { kind: 'api', status: 503, attempts: 1 }, 'per call retries: 0');
    eq(count(f, 'GET', path), 1, 'one request');
    const off = clerkClient(f, { retries: 0, maxRetryDelayMs: 10 });
    await rejects(off.getUser(CU1), { kind: 'api', status: 503, attempts: 1 }, 'config retries: 0');
    eq(count(f, 'GET', path), 2, 'one more request');
    await rejects(off.getUser(CU1, { retries: 1 }), { kind: 'api', status: 503, attempts: 2 }, 'per call retries: 1 over config 0');
    eq(count(f, 'GET', path), 4, 'two more requests');
    await rejects(clerk.getUser(CU1, { retries: 3 }), { kind: 'api', status: 503, attempts: 4 }, 'per call retries: 3');
    eq(count(f, 'GET', path), 8, 'four more requests');
    const kinde = kindeClient(f, { retries: 0 });
    f.kinde.injectFault({ path: '/api/v1/users', status: 429, headers: { 'ratelimit-reset': '0' }, times: 1 });
    await rejects(kinde.getUsers(), { kind: 'api', status: 429, attempts: 1 }, 'Kinde config retries: 0');
    eq(count(f, 'GET', '/api/v1/users'), 1, 'Kinde: one request');
  });

  await test('retries: 429 with Retry-After: 0 (Clerk), RateLimit-Reset: 0 and X-RateLimit-Reset: 0 (Kinde) is retried', async () => {
    const f = fake.createFakeProviders();
    const clerk = clerkClient(f);
    const body = JSON.stringify({ errors: [{ code: 'too_many_requests', message: 'slow down', long_message: 'Too many requests' }] });
    f.clerk.injectFault({ path: `/v1/users/${CU3}`, status: 429, headers: { 'retry-after': '0' }, body, times: 1 });
    const t0 = now();
    eq((await clerk.getUser(CU3)).id, CU3, 'Clerk resolves');
    eq(count(f, 'GET', `/v1/users/${CU3}`), 2, 'Clerk: 2 requests');
    const kinde = kindeClient(f);
    f.kinde.injectFault({ path: '/api/v1/users', status: 429, headers: { 'ratelimit-limit': '5', 'ratelimit-remaining': '0', 'ratelimit-reset': '0' }, times: 1 });
    eq((await kinde.getUsers({ page_size: 1 })).users.length, 1, 'Kinde (RateLimit-Reset) resolves');
    eq(count(f, 'GET', '/api/v1/users'), 2, 'Kinde: 2 requests');
    f.kinde.injectFault({ path: '/api/v1/users', status: 429, headers: { 'x-ratelimit-reset': '0' }, times: 1 });
    eq((await kinde.getUsers({ page_size: 1 })).users.length, 1, 'Kinde (X-RateLimit-Reset) resolves');
    eq(count(f, 'GET', '/api/v1/users'), 4, 'Kinde: 2 more requests');
    ok(now() - t0 < 2000, 'a zero server delay is not replaced by a long backoff');
    f.clerk.injectFault({ path: `/v1/users/${CU3}`, status: 429, headers: { 'retry-after': '0' }, body, times: 3 });
    const err = await rejects(clerk.getUser(CU3), { kind: 'api', status: 429, attempts: 3, retryAfterMs: 0 }, 'three 429s: the last error');
    eq(err.code, 'too_many_requests', 'Clerk code');
  });

  await test('retries: error.attempts equals the requests sent (1 + retries) for api, network and timeout failures; 0 for validation', async () => {
    const f = fake.createFakeProviders();
    const path = `/v1/users/${CU1}`;
    const clerk = clerkClient(f, { maxRetryDelayMs: 5 });
    f.clerk.injectFault({ path, status: 503, times: 3 });
    await rejects(clerk.getUser(CU1), { kind: 'api', status: 503, attempts: 3 }, 'default retries (2)');
    eq(count(f, 'GET', path), 3, 'three requests');
    f.clerk.injectFault({ path, status: 502, times: 4 });
    await rejects(clerk.getUser(CU1, { retries: 3 }), { kind: 'api', status: 502, attempts: 4 }, 'retries 3');
    eq(count(f, 'GET', path), 7, 'four more requests');
    let calls = 0;
    const down = new ClerkUsersApi({ secretKey: 'sk_test_down', baseUrl: CLERK_BASE, maxRetryDelayMs: 5, ...ALLOW, fetch: () => (calls++, Promise.reject(new TypeError('connection refused'))) });
    await rejects(down.getUser(CU1, { retries: 4 }), { kind: 'network', attempts: 5 }, 'network, retries 4');
    eq(calls, 5, 'five fetches');
    const hang = hangingFetch();
    const slow = new ClerkUsersApi({ secretKey: 'sk_test_slow', baseUrl: CLERK_BASE, ...ALLOW, fetch: hang.fetch });
    await rejects(slow.getUser(CU1, { timeoutMs: 30 }), { kind: 'timeout', attempts: 1 }, 'timeout');
    eq(hang.signals.length, 1, 'one fetch');
    await rejects(clerk.getUser(''), { kind: 'validation', attempts: 0 }, 'validation');
    const json = JSON.parse(JSON.stringify(await caught(() => clerk.getUser(CU1, { retries: 0, timeoutMs: -1 }))));
    ok('attempts' in json, 'attempts is in toJSON()');
  });

  await measured('retries: a Retry-After longer than maxRetryDelayMs fails at once (retryAfterMs set, attempts 1, no wait)', async (report) => {
    const f = fake.createFakeProviders();
    const clerk = clerkClient(f, { maxRetryDelayMs: 1000 });
    const path = `/v1/users/${CU1}`;
    f.clerk.injectFault({ path, status: 429, headers: { 'retry-after': '30' }, times: 5 });
    let t0 = now();
    await rejects(clerk.getUser(CU1), { kind: 'api', status: 429, retryAfterMs: 30000, attempts: 1 }, 'Retry-After 30 s');
    const e1 = now() - t0;
    eq(count(f, 'GET', path), 1, 'one request');
    ok(e1 < 500, `failed at once (${e1} ms), not after the 30 s delay`);
    f.clerk.reset();
    f.clerk.injectFault({ path, status: 503, headers: { 'retry-after': new Date(Date.now() + 120_000).toUTCString() }, times: 1 });
    t0 = now();
    const dated = await rejects(clerk.getUser(CU1), { kind: 'api', status: 503, attempts: 1 }, 'Retry-After as an HTTP date');
    ok(dated.retryAfterMs > 100_000 && dated.retryAfterMs <= 121_000, `retryAfterMs from the date: ${dated.retryAfterMs}`);
    const kinde = kindeClient(f, { maxRetryDelayMs: 1000 });
    f.kinde.injectFault({ path: '/api/v1/users', status: 429, headers: { 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 60) }, times: 1 });
    const epoch = await rejects(kinde.getUsers(), { kind: 'api', status: 429, attempts: 1 }, 'X-RateLimit-Reset as Unix seconds');
    ok(epoch.retryAfterMs > 55_000 && epoch.retryAfterMs <= 61_000, `retryAfterMs from the epoch: ${epoch.retryAfterMs}`);
    f.kinde.injectFault({ path: '/api/v1/users', status: 429, headers: { 'ratelimit-reset': '45' }, times: 1 });
    await rejects(kinde.getUsers(), { kind: 'api', status: 429, attempts: 1, retryAfterMs: 45000 }, 'RateLimit-Reset 45 s');
    const e2 = now() - t0;
    ok(e2 < 1000, `all failed at once (${e2} ms)`);
    report(`Retry-After 30 s failed after ${ms(e1)}; date/epoch/reset cases after ${ms(e2)}`);
  });

  await measured("retries: a server delay pauses the client's other calls until it ends", async (report) => {
    const f = fake.createFakeProviders();
    const w = wrapFetch(f.fetch);
    const clerk = clerkClient(f, { fetch: w.fetch });
    f.clerk.injectFault({ path: `/v1/users/${CU1}`, status: 429, headers: { 'retry-after': '1' }, times: 1 });
    const first = clerk.getUser(CU1);
    while (!w.log.some((e) => e.status === 429)) await sleep(5);
    const t429 = w.log.find((e) => e.status === 429).end;
    const second = clerk.getUser(CU2);
    const [a, b] = await Promise.all([first, second]);
    eq([a.id, b.id], [CU1, CU2], 'both resolve');
    const u2 = w.log.find((e) => e.path === `/v1/users/${CU2}`);
    const retry = w.log.filter((e) => e.path === `/v1/users/${CU1}`)[1];
    report(`other call sent ${ms(u2.start - t429)} after the 429, retry after ${ms(retry.start - t429)}`);
    ok(retry.start - t429 >= 950, `the retry waited the server's second (${retry.start - t429} ms)`);
    ok(u2.start - t429 >= 900, `the other call was held back too (${u2.start - t429} ms after the 429)`);
  });

  await test('retries: network failures (fetch rejects) are retried for GET, not for POST', async () => {
    const f = fake.createFakeProviders();
    let failures = 2;
    let calls = 0;
    const flaky = (url, init) => {
      calls++;
      if (failures > 0) {
        failures--;
        return Promise.reject(new TypeError('fetch failed: ECONNRESET'));
      }
      return f.fetch(url, init);
    };
    const clerk = clerkClient(f, { fetch: flaky, maxRetryDelayMs: 10 });
    eq((await clerk.getUser(CU1)).id, CU1, 'GET resolves after two network failures');
    eq(calls, 3, 'three fetches');
    failures = 1;
    calls = 0;
    await rejects(clerk.banUser(CU1), { kind: 'network', attempts: 1 }, 'POST network failure');
    eq(calls, 1, 'POST: one fetch');
    failures = 1;
    calls = 0;
    eq((await clerk.banUser(CU1, { retryNonIdempotent: true })).banned, true, 'POST with retryNonIdempotent');
    eq(calls, 2, 'two fetches');
  });

  await measured('retries: the throttling fake (rateLimit 5/s per provider) slows a burst down and every call succeeds with retries', async (report) => {
    const f = fake.createFakeProviders({ rateLimit: 5 });
    const w = wrapFetch(f.fetch);
    const clerk = clerkClient(f, { fetch: w.fetch, retries: 10 });
    const kinde = kindeClient(f, { fetch: w.fetch, retries: 10 });
    const clerkIds = Array.from({ length: 12 }, (_, i) => clerkId(i + 1));
    const kindeIds = Array.from({ length: 9 }, (_, i) => kindeId(i + 1));
    const t0 = now();
    const [users, kusers] = await Promise.all([Promise.all(clerkIds.map((id) => clerk.getUser(id))), Promise.all(kindeIds.map((id) => kinde.getUserData(id)))]);
    const elapsed = now() - t0;
    eq(users.map((u) => u.id), clerkIds, 'every Clerk call succeeded');
    eq(kusers.map((u) => u.id), kindeIds, 'every Kinde call succeeded');
    const throttled = (prefix) => w.log.filter((e) => e.status === 429 && e.path.startsWith(prefix)).length;
    const c429 = throttled('/v1/');
    const k429 = throttled('/api/') + throttled('/oauth2/');
    report(`${ms(elapsed)}; Clerk ${w.log.filter((e) => e.path.startsWith('/v1/')).length} requests (${c429} answered 429) for 12 calls; Kinde ${w.log.filter((e) => !e.path.startsWith('/v1/')).length} requests (${k429} answered 429) for 9 calls + token`);
    ok(c429 > 0, 'the fake answered some Clerk requests 429');
    ok(k429 > 0, 'the fake answered some Kinde requests 429');
    ok(elapsed >= 900, `the burst was slowed down (${elapsed} ms)`);
    // Without retries the throttled calls fail, with the delay the server asked for.
    const g = fake.createFakeProviders({ rateLimit: 5 });
    const noRetry = clerkClient(g, { retries: 0 });
    const settled = await Promise.all(clerkIds.map((id) => caught(() => noRetry.getUser(id))));
    const errors = settled.filter(Boolean);
    ok(errors.length > 0, 'with retries 0 some calls fail');
    for (const e of errors) {
      ok(e instanceof IdpUsersError && e.status === 429 && e.attempts === 1, `429 error (${e && e.message})`);
      ok(typeof e.retryAfterMs === 'number', 'retryAfterMs from the fake');
    }
  });

  await measured('retries: jittered backoff stays within maxRetryDelayMs (50 ms, retries 3, always 503)', async (report) => {
    const f = fake.createFakeProviders();
    const w = wrapFetch(f.fetch);
    const clerk = clerkClient(f, { fetch: w.fetch, maxRetryDelayMs: 50, retries: 3 });
    f.clerk.injectFault({ path: `/v1/users/${CU1}`, status: 503, times: Infinity });
    const t0 = now();
    await rejects(clerk.getUser(CU1), { kind: 'api', status: 503, attempts: 4 }, 'four attempts');
    const elapsed = now() - t0;
    eq(w.log.length, 4, 'four requests');
    const gaps = [1, 2, 3].map((i) => w.log[i].start - w.log[i - 1].end);
    report(`${ms(elapsed)} in all; waits ${gaps.map(ms).join(', ')}`);
    // Uncapped, the waits would be 250-500, 500-1000 and 1000-2000 ms: at least 1.75 s.
    ok(elapsed < 3 * 50 + 300, `elapsed ${elapsed} ms < 3 × 50 ms + slack`);
    for (const g of gaps) ok(g >= 20 && g <= 50 + 100, `a wait of ${g} ms is within [25, 50] ms (+ timer slack)`);
  });

  // =====================================================================
  // 2. Time limits and cancellation
  // =====================================================================
  await measured("cancellation: at timeoutMs the in-flight fetch's signal aborts and the call rejects with kind timeout", async (report) => {
    const hang = hangingFetch();
    const clerk = new ClerkUsersApi({ secretKey: 'sk_test_hang', baseUrl: CLERK_BASE, fetch: hang.fetch, ...ALLOW });
    let t0 = now();
    await rejects(clerk.getUser(CU1, { timeoutMs: 80 }), { kind: 'timeout', attempts: 1 }, 'per-call timeoutMs');
    const e1 = now() - t0;
    eq(hang.signals.length, 1, 'one fetch');
    ok(hang.signals[0] && hang.signals[0].aborted === true, "the fetch's init.signal fired");
    ok(e1 >= 70 && e1 < 1000, `rejected at the limit (${e1} ms)`);
    // Client-level limit, and a fetch that ignores its signal: the call settles anyway.
    const deaf = hangingFetch({ honourSignal: false });
    const kinde = new KindeUsersApi({ domain: DOMAIN, accessToken: 'tok_deaf', fetch: deaf.fetch, timeoutMs: 60 });
    t0 = now();
    await rejects(kinde.getUsers(), { kind: 'timeout' }, 'client timeoutMs, fetch ignoring its signal');
    const e2 = now() - t0;
    ok(deaf.signals[0] && deaf.signals[0].aborted === true, 'its signal was aborted all the same');
    ok(e2 < 1000, `settled promptly (${e2} ms)`);
    // The limit covers the token request too.
    const tokenHang = hangingFetch();
    const minting = new KindeUsersApi({ domain: DOMAIN, clientId: 'id', clientSecret: 'secret', fetch: tokenHang.fetch, timeoutMs: 2000, ...ALLOW });
    t0 = now();
    await rejects(minting.getUsers({}, { timeoutMs: 60 }), { kind: 'timeout' }, 'the token request is within the limit');
    const e3 = now() - t0;
    ok(e3 < 1000, `token wait bounded (${e3} ms)`);
    report(`per call ${ms(e1)} for 80 ms, client ${ms(e2)} for 60 ms, token ${ms(e3)} for 60 ms`);
  });

  await test("cancellation: aborting the caller's signal aborts the in-flight fetch and rejects with kind aborted", async () => {
    const hang = hangingFetch();
    const clerk = new ClerkUsersApi({ secretKey: 'sk_test_hang', baseUrl: CLERK_BASE, fetch: hang.fetch, ...ALLOW });
    const controller = new AbortController();
    const pending = clerk.getUser(CU1, { signal: controller.signal });
    await sleep(20);
    eq(hang.signals.length, 1, 'the request is in flight');
    const t0 = now();
    controller.abort(new Error('user navigated away'));
    await rejects(pending, { kind: 'aborted', attempts: 1 }, 'caller abort');
    ok(now() - t0 < 200, 'rejected at once');
    ok(hang.signals[0].aborted === true, "the fetch's init.signal fired");
    const before = hang.signals.length;
    await rejects(clerk.getUser(CU1, { signal: controller.signal }), { kind: 'aborted', attempts: 0 }, 'an already aborted signal');
    eq(hang.signals.length, before, 'nothing sent for an already aborted signal');
  });

  await measured('cancellation: aborting during the wait between retries rejects at once with kind aborted', async (report) => {
    const f = fake.createFakeProviders();
    const clerk = clerkClient(f);
    f.clerk.injectFault({ path: `/v1/users/${CU1}`, status: 503, headers: { 'retry-after': '3' }, times: 5 });
    const controller = new AbortController();
    let t0 = now();
    const pending = clerk.getUser(CU1, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await rejects(pending, { kind: 'aborted', attempts: 1 }, 'abort during a 3 s server delay');
    const e1 = now() - t0;
    ok(e1 < 1000, `rejected ${e1} ms after the start, not after the 3 s wait`);
    eq(count(f, 'GET', `/v1/users/${CU1}`), 1, 'no second request');
    // A backoff wait (no server delay): 250-500 ms; abort after 50 ms.
    const g = fake.createFakeProviders();
    const other = clerkClient(g);
    g.clerk.injectFault({ path: `/v1/users/${CU2}`, status: 503, times: 5 });
    const c2 = new AbortController();
    t0 = now();
    let abortedAt;
    const p2 = other.getUser(CU2, { signal: c2.signal });
    setTimeout(() => {
      abortedAt = now();
      c2.abort();
    }, 50);
    const err2 = await rejects(p2, { kind: 'aborted' }, 'abort during a backoff wait');
    const e2 = now() - abortedAt;
    // The first backoff is 250-500 ms: an abort within 240 ms of the start lands in it.
    if (abortedAt - t0 < 240) eq(err2.attempts, 1, 'the abort ended the wait: no second attempt');
    ok(e2 < 100, `rejected ${e2} ms after the abort`);
    report(`server-delay wait aborted after ${ms(e1)}; backoff wait rejected ${ms(e2)} after the abort (at ${ms(abortedAt - t0)})`);
  });

  await measured('cancellation: a retry wait that would pass the deadline fails at once (last error or timeout)', async (report) => {
    const f = fake.createFakeProviders();
    const clerk = clerkClient(f);
    f.clerk.injectFault({ path: `/v1/users/${CU1}`, status: 503, headers: { 'retry-after': '3' }, times: 5 });
    let t0 = now();
    const e = await caught(() => clerk.getUser(CU1, { timeoutMs: 400 }));
    const e1 = now() - t0;
    ok(e instanceof IdpUsersError, `an IdpUsersError (${e})`);
    ok((e.kind === 'api' && e.status === 503) || e.kind === 'timeout', `the last error (api 503) or a timeout, got ${e.kind} ${e.status}`);
    eq(e.attempts, 1, 'one attempt');
    ok(e1 < 1000, `settled after ${e1} ms, not after the 3 s wait`);
    const g = fake.createFakeProviders();
    const other = clerkClient(g);
    g.clerk.injectFault({ path: `/v1/users/${CU2}`, status: 503, times: 5 });
    t0 = now();
    const e2 = await caught(() => other.getUser(CU2, { timeoutMs: 150 }));
    const el2 = now() - t0;
    ok(e2 instanceof IdpUsersError && (e2.kind === 'api' || e2.kind === 'timeout'), `backoff past the deadline: ${e2 && e2.kind}`);
    ok(el2 < 600, `settled after ${el2} ms`);
    report(`server delay past the deadline: ${e.kind} after ${ms(e1)}; backoff past the deadline: ${e2.kind} after ${ms(el2)}`);
  });

  // =====================================================================
  // 3. Auto-pagination
  // =====================================================================
  await measured('pagination: for await over kinde.getUsers() and clerk.getUserList() yields all 1,200 seeded users in 3 requests of 500', async (report) => {
    const f = fake.createFakeProviders({ seed: 1200 });
    const kinde = kindeClient(f);
    const clerk = clerkClient(f);
    let t0 = now();
    const kids = new Set();
    let kn = 0;
    for await (const u of kinde.getUsers()) {
      kids.add(u.id);
      kn++;
    }
    const kt = now() - t0;
    eq([kn, kids.size], [1200, 1200], 'Kinde: 1,200 unique users');
    const klists = f.requests.filter((r) => r.path === '/api/v1/users');
    eq(klists.length, 3, 'Kinde: 3 list requests');
    ok(klists.every((r) => new URL(r.url).searchParams.get('page_size') === '500'), 'Kinde: page_size=500 on every request');
    ok(!new URL(klists[0].url).searchParams.has('next_token') && klists.slice(1).every((r) => new URL(r.url).searchParams.get('next_token')), 'Kinde: next_token walk');
    t0 = now();
    const cids = new Set();
    let cn = 0;
    for await (const u of clerk.getUserList()) {
      cids.add(u.id);
      cn++;
    }
    const ct = now() - t0;
    eq([cn, cids.size], [1200, 1200], 'Clerk: 1,200 unique users');
    const clists = f.requests.filter((r) => r.path === '/v1/users');
    eq(clists.length, 3, 'Clerk: 3 list requests');
    eq(clists.map((r) => new URL(r.url).searchParams.get('limit')), ['500', '500', '500'], 'Clerk: limit=500');
    eq(clists.map((r) => new URL(r.url).searchParams.get('offset') || '0'), ['0', '500', '1000'], 'Clerk: offsets');
    report(`Kinde ${ms(kt)}, Clerk ${ms(ct)}`);
  });

  await test('pagination: breaking after 3 pages sends exactly 3 list requests; await gives one page; WithHttpInfo twins are not iterable', async () => {
    const f = fake.createFakeProviders({ seed: 100 });
    const kinde = kindeClient(f);
    const clerk = clerkClient(f);
    let n = 0;
    for await (const u of kinde.getUsers({ page_size: 10 })) {
      ok(typeof u.id === 'string', 'a user');
      if (++n === 30) break;
    }
    await sleep(20);
    eq(count(f, 'GET', '/api/v1/users'), 3, 'Kinde: 3 list requests for 30 items of 10');
    n = 0;
    for await (const u of clerk.getUserList({ limit: 10 })) {
      ok(typeof u.id === 'string', 'a user');
      if (++n === 30) break;
    }
    await sleep(20);
    eq(count(f, 'GET', '/v1/users'), 3, 'Clerk: 3 list requests');
    const page = await kinde.getUsers({ page_size: 10 });
    eq(page.users.length, 10, 'await: one Kinde page');
    ok(typeof page.next_token === 'string', 'with its next_token');
    eq(count(f, 'GET', '/api/v1/users'), 4, 'one request');
    const cpage = await clerk.getUserList({ limit: 10 });
    ok(Array.isArray(cpage) && cpage.length === 10, 'await: one Clerk page');
    eq(count(f, 'GET', '/v1/users'), 4, 'one request');
    const dflt = await clerk.getUserList();
    eq(dflt.length, 10, 'await without a page size keeps the API default (10), not 500');
    ok(!new URL(f.requests.at(-1).url).searchParams.has('limit'), 'no limit added to an awaited call');
    const twin = clerk.getUserListWithHttpInfo({ limit: 1 });
    ok(twin[Symbol.asyncIterator] === undefined, 'getUserListWithHttpInfo is not iterable');
    await twin;
  });

  await test('pagination: getOrganizationUsers, getUserIdentities, usersGetOrganizationMemberships, usersGetOrganizationInvitations and getOAuthAccessToken iterate every item', async () => {
    const f = fake.createFakeProviders();
    const kinde = kindeClient(f);
    const clerk = clerkClient(f);
    const members = [];
    for await (const m of kinde.getOrganizationUsers('org_fake', { page_size: 3 })) members.push(m.id);
    eq(new Set(members).size, 10, 'the 10 members of org_fake');
    eq(count(f, 'GET', '/api/v1/organizations/org_fake/users'), 4, '4 pages of 3');
    for (let i = 0; i < 12; i++) await kinde.createUserIdentity(KU2, { type: 'email', value: `extra${i}@example.org` });
    const expected = (await kinde.getUserIdentities(KU2)).identities.length;
    const idPath = `/api/v1/users/${KU2}/identities`;
    const before = count(f, 'GET', idPath);
    const identities = [];
    for await (const i of kinde.getUserIdentities(KU2)) identities.push(i.id);
    ok(identities.length > 12 && expected === 10, `more than one page of identities (${identities.length})`);
    eq(new Set(identities).size, identities.length, 'identities unique');
    eq(count(f, 'GET', idPath) - before, Math.ceil(identities.length / 10), 'one request per page of 10');
    const ms1 = [];
    for await (const m of clerk.usersGetOrganizationMemberships(CU1, { limit: 1 })) ms1.push(m.id);
    eq(ms1.length, 2, 'both memberships of user 1, one per page');
    const inv = [];
    for await (const i of clerk.usersGetOrganizationInvitations(CU6, { limit: 2 })) inv.push(i.id);
    eq(inv.sort(), ['orginv_fake_0002', 'orginv_fake_0003', 'orginv_fake_0004'], 'the three invitations of user 6');
    const tokens = [];
    for await (const t of clerk.getOAuthAccessToken(CU4, 'oauth_google', { paginated: true, limit: 1 })) tokens.push(t.token);
    eq(tokens, ['fake_oauth_google_token_0004'], 'the OAuth token, paginated');
    const tokPath = `/v1/users/${CU4}/oauth_access_tokens/oauth_google`;
    eq(count(f, 'GET', tokPath), 2, 'a full page of 1, then an empty page');
    const unpaged = [];
    for await (const t of clerk.getOAuthAccessToken(CU4, 'oauth_google')) unpaged.push(t.token);
    eq(unpaged.length, 1, 'without paginated: one page holds everything');
    eq(count(f, 'GET', tokPath), 3, 'one request');
    const all = [];
    for await (const m of clerk.usersGetOrganizationMemberships(CU1)) all.push(m.id);
    eq(all.length, 2, 'no page size: one page of 500');
    eq(new URL(f.requests.at(-1).url).searchParams.get('limit'), '500', 'limit=500 when iterating without one');
  });

  await test('pagination: a page answered 503 once during iteration is retried and the iteration completes', async () => {
    const f = fake.createFakeProviders();
    const kinde = kindeClient(f, { maxRetryDelayMs: 10 });
    const ids = new Set();
    for await (const u of kinde.getUsers({ page_size: 10 })) {
      if (ids.size === 0) f.kinde.injectFault({ path: '/api/v1/users', status: 503, times: 1 });
      ids.add(u.id);
    }
    eq(ids.size, 25, 'all 25 users');
    eq(count(f, 'GET', '/api/v1/users'), 4, '3 pages + 1 retry');
    const clerk = clerkClient(f, { maxRetryDelayMs: 10 });
    const cids = new Set();
    for await (const u of clerk.getUserList({ limit: 10 })) {
      if (cids.size === 0) f.clerk.injectFault({ path: '/v1/users', status: 429, headers: { 'retry-after': '0' }, times: 1 });
      cids.add(u.id);
    }
    eq(cids.size, 25, 'all 25 Clerk users');
    eq(count(f, 'GET', '/v1/users'), 4, '3 pages + 1 retry');
  });

  await test('pagination: malformed pages reject the iteration with kind decode (next_token a number, items not an array, a repeated cursor)', async () => {
    const f = fake.createFakeProviders();
    const kinde = kindeClient(f);
    const clerk = clerkClient(f);
    async function iterate(iterable, onFirst) {
      let n = 0;
      for await (const item of iterable) {
        void item;
        if (n++ === 0 && onFirst) onFirst();
        if (n > 10_000) throw new Error('the iteration does not stop');
      }
      return n;
    }
    const page2 = (body) => () => f.kinde.injectFault({ path: '/api/v1/users', status: 200, body: JSON.stringify(body), times: 1 });
    await rejects(iterate(kinde.getUsers({ page_size: 10 }), page2({ code: 'OK', users: [{ id: 'kp_x' }], next_token: 5 })), { kind: 'decode' }, 'next_token a number');
    await rejects(iterate(kinde.getUsers({ page_size: 10 }), page2({ code: 'OK', users: { id: 'kp_x' }, next_token: null })), { kind: 'decode' }, 'users not an array');
    await rejects(iterate(kinde.getUsers({ page_size: 10 }), page2({ code: 'OK', users: 'none' })), { kind: 'decode' }, 'users a string');
    f.kinde.injectFault({ path: '/api/v1/users', status: 200, body: JSON.stringify({ code: 'OK', users: [{ id: 'kp_x' }], next_token: 'same' }), times: Infinity });
    await rejects(iterate(kinde.getUsers({ page_size: 1 })), { kind: 'decode' }, 'a server repeating the cursor it was given');
    ok(count(f, 'GET', '/api/v1/users') < 200, 'the repeated cursor stopped the loop');
    f.kinde.reset();
    await rejects(iterate(kinde.getUsers({ page_size: 10 }), page2({ code: 'OK' })), { kind: 'decode' }, 'users missing');
    const mem = `/v1/users/${CU1}/organization_memberships`;
    f.clerk.injectFault({ path: mem, status: 200, body: JSON.stringify({ data: 5, total_count: 5 }), times: 1 });
    await rejects(iterate(clerk.usersGetOrganizationMemberships(CU1, { limit: 1 })), { kind: 'decode' }, 'Clerk data not an array');
    f.clerk.injectFault({ path: '/v1/users', status: 200, body: JSON.stringify({ data: [] }), times: 1 });
    await rejects(iterate(clerk.getUserList({ limit: 1 })), { kind: 'decode' }, 'Clerk list page not an array');
    const pageOk = await kinde.getUsers({ page_size: 2 });
    eq(pageOk.users.length, 2, 'the client still works');
  });

  // =====================================================================
  // 4. The boundary: hostile caller values, 5,000 calls of each kind
  // =====================================================================
  {
    const N = 5000;
    const f = fake.createFakeProviders();
    // The valid-Date calls below are sent: answered here with a canned page (the
    // URL is what they check), so 5,000 of them stay fast; the rest goes to the fake.
    const dated = [];
    const boundaryFetch = (url, init) => {
      const u = new URL(String(url));
      if (u.searchParams.has('active_since')) {
        dated.push(u);
        return Promise.resolve(new Response('{"code":"OK","message":"Success","users":[]}', { status: 200, headers: { 'content-type': 'application/json' } }));
      }
      if (u.pathname === '/v1/users/count') {
        dated.push(u);
        return Promise.resolve(new Response('{"object":"total_count","total_count":0}', { status: 200, headers: { 'content-type': 'application/json' } }));
      }
      return f.fetch(url, init);
    };
    const kinde = kindeClient(f, { fetch: boundaryFetch });
    const clerk = clerkClient(f, { fetch: boundaryFetch });
    const boom = () => {
      throw new Error('hostile trap');
    };
    const throwingProxy = new Proxy({}, { get: boom, ownKeys: boom, getPrototypeOf: boom, has: boom, getOwnPropertyDescriptor: boom });
    const throwingArrayProxy = new Proxy([], { get: boom, ownKeys: boom, getPrototypeOf: boom, has: boom, getOwnPropertyDescriptor: boom });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const revoked = revocable.proxy;
    const revArr = Proxy.revocable([], {});
    revArr.revoke();
    const revokedArray = revArr.proxy;
    const huge = new Array(2e7);
    const sparse = [];
    sparse.length = 2 ** 32 - 1;
    const manyKeys = {};
    for (let i = 0; i < 5000; i++) manyKeys[`k${i}`] = 'v';
    const big = 'x'.repeat(2 * MiB);
    const circular = { a: 1 };
    circular.self = circular;
    const getters = (name) => ({
      get [name]() {
        throw new Error(`getter ${name}`);
      },
    });

    // Each kind: variants [call, paramPrefix]; every variant must reject with a validation IdpUsersError naming it.
    const kinds = [
      ['a Proxy whose get/ownKeys/getPrototypeOf traps throw, as params, body, options and ids', [
        [() => kinde.getUsers(throwingProxy), 'params'],
        [() => kinde.createUser(throwingProxy), 'body'],
        [() => kinde.updateUser(KU1, throwingProxy), 'body'],
        [() => kinde.getUsers({}, throwingProxy), 'options'],
        [() => kinde.getUserSessions(KU1, throwingProxy), 'options'],
        [() => kinde.getUserData(throwingProxy), 'id'],
        [() => kinde.getUserSessions(throwingProxy), 'userId'],
        [() => kinde.getUsers({ email: throwingArrayProxy }), 'params.email'],
        [() => kinde.getUsers({}, { headers: throwingProxy }), 'options.headers'],
        [() => kinde.getUsers({}, { signal: throwingProxy }), 'options.signal'],
      ]],
      ['a revoked Proxy as params, body, options and ids (also iterated)', [
        [() => kinde.getUsers(revoked), 'params'],
        [() => kinde.createUser(revoked), 'body'],
        [() => kinde.getUsers({}, revoked), 'options'],
        [() => kinde.getUserData(revoked), 'id'],
        [() => clerk.getUser(revoked), 'userId'],
        [() => kinde.getUsers({ user_id: revokedArray }), 'params.user_id'],
        [() => kinde.getUsers({ active_since: revoked }), 'params.active_since'],
        [async () => {
          for await (const u of kinde.getUsers(revoked)) void u;
        }, 'params'],
      ]],
      ['invalid Dates (and Date look-alikes) whose toISOString/getTime/valueOf lie', [
        [() => kinde.getUsers({ active_since: Object.assign(new Date(NaN), { toISOString: () => '2020-01-01T00:00:00.000Z', getTime: () => 0, valueOf: () => 0 }) }), 'params.active_since'],
        [() => kinde.getUsers({ active_since: new (class extends Date { toISOString() { return 42; } getTime() { return 'x'; } })(NaN) }), 'params.active_since'],
        [() => kinde.getUsers({ active_since: new Proxy(new Date(0), {}) }), 'params.active_since'],
        [() => kinde.getUsers({ active_since: Object.create(Date.prototype) }), 'params.active_since'],
        [() => kinde.getUsers({ active_since: { toISOString: () => '2020-01-01T00:00:00.000Z' } }), 'params.active_since'],
      ]],
      ['new Array(2e7) as kinde getUsers email', [
        [() => kinde.getUsers({ email: huge }), 'params.email'],
        [() => kinde.getUsers({ user_id: huge }), 'params.user_id'],
      ]],
      ['a sparse array with length 2**32 - 1', [
        [() => kinde.getUsers({ email: sparse }), 'params.email'],
        [() => kinde.addOrganizationUsers('org_fake', { users: sparse }), 'body.users'],
        [() => kinde.getUsers(sparse), 'params'],
      ]],
      ['an object with 5,000 keys as params, body and headers', [
        [() => kinde.getUsers(manyKeys), 'params'],
        [() => kinde.createUser(manyKeys), 'body'],
        [() => kinde.getUsers({}, { headers: manyKeys }), 'options.headers'],
        [() => kinde.updateUserProperties(KU1, { properties: manyKeys }), 'body.properties'],
      ]],
      ['a 2 MiB string as an id and as a param', [
        [() => kinde.getUserData(big), 'id'],
        [() => kinde.getUserSessions(big), 'userId'],
        [() => kinde.getUsers({ email: big }), 'params.email'],
        [() => kinde.updateUserProperty(KU1, 'fake_property', big), 'value'],
      ]],
      ['bigint and symbol values as ids, params, body fields and options', [
        [() => kinde.getUserData(10n), 'id'],
        [() => kinde.getUserSessions(Symbol('id')), 'userId'],
        [() => kinde.getUsers({ page_size: 10n }), 'params.page_size'],
        [() => kinde.getUsers({ email: Symbol('e') }), 'params.email'],
        [() => kinde.updateUser(KU1, { given_name: 1n }), 'body.given_name'],
        [() => kinde.getUsers({}, { timeoutMs: 5n }), 'options.timeoutMs'],
        [() => kinde.getUsers({}, { retries: Symbol('r') }), 'options.retries'],
      ]],
      ['Clerk metadata whose toJSON throws (or returns a bigint)', [
        [() => clerk.updateUserMetadata(CU1, { public_metadata: { a: { toJSON: boom } } }), 'body.public_metadata'],
        [() => clerk.updateUserMetadata(CU1, { private_metadata: { toJSON: boom } }), 'body.private_metadata'],
        [() => clerk.createUser({ email_address: ['x@example.com'], public_metadata: { n: { toJSON: () => 1n } } }), 'body.public_metadata'],
      ]],
      ['getters that throw on the options, params and body objects', [
        [() => kinde.getUsers({}, getters('signal')), 'options'],
        [() => kinde.getUsers({}, getters('headers')), 'options'],
        [() => kinde.getUsers({}, getters('timeoutMs')), 'options'],
        [() => kinde.getUsers({}, getters('retries')), 'options'],
        [() => clerk.getUser(CU1, getters('retryNonIdempotent')), 'options'],
        [() => kinde.getUsers(getters('page_size')), 'params'],
        [() => clerk.getUserList(getters('limit')), 'params'],
        [() => clerk.updateUser(CU1, getters('first_name')), 'body'],
      ]],
    ];

    for (const [label, variants] of kinds) {
      await measured(`boundary: ${N.toLocaleString('en-US')} calls with ${label} reject with validation IdpUsersErrors naming the param`, async (report) => {
        const sent = f.requests.length + dated.length;
        const t0 = now();
        let syncThrows = 0;
        let resolved = 0;
        const resolvedVariants = new Set();
        for (let i = 0; i < N; i++) {
          const [call, prefix] = variants[i % variants.length];
          let pending;
          try {
            pending = call();
          } catch (e) {
            syncThrows++;
            pending = Promise.reject(e);
          }
          let err;
          try {
            await pending;
            resolved++;
            resolvedVariants.add(`#${i % variants.length} ${String(call).replace(/\s+/g, ' ').slice(6, 90)}`);
          } catch (e) {
            err = e;
          }
          if (err === undefined) continue;
          if (!(err instanceof IdpUsersError) || err.kind !== 'validation' || typeof err.param !== 'string' || !err.param.startsWith(prefix)) {
            throw new Error(`variant ${i % variants.length} (${prefix}): expected a validation IdpUsersError naming ${prefix}, got ${err && err.name} kind=${err && err.kind} param=${err && err.param}: ${err && err.message}`);
          }
        }
        const elapsed = now() - t0;
        report(`${ms(elapsed)}`);
        eq(syncThrows, 0, 'no method threw synchronously');
        eq([...resolvedVariants], [], `none resolved (${resolved} did)`);
        eq(f.requests.length + dated.length, sent, 'nothing was sent');
      });
    }

    // Circular metadata is its own, shorter loop: JSON.stringify of a cyclic object
    // costs ~0.01 ms in Node 20's V8 but ~35-100 ms in the V8 of Deno 2.9, Chromium
    // and workerd (measured below), so 5,000 of them would take minutes there.
    {
      const probe = now();
      try {
        JSON.stringify(circular);
      } catch {}
      const stringifyMs = now() - probe;
      const calls = stringifyMs > 2 ? 30 : 1000;
      await measured(`boundary: circular Clerk metadata rejects with validation errors (${calls} calls${calls < 1000 ? `, fewer here: this runtime's JSON.stringify of a cycle is slow` : ''})`, async (report) => {
        const sent = f.requests.length + dated.length;
        const t0 = now();
        for (let i = 0; i < calls; i++) {
          const err = await caught(() => (i % 2 ? clerk.updateUserMetadata(CU1, { unsafe_metadata: circular }) : clerk.createUser({ email_address: ['c@example.com'], public_metadata: { deep: { circular } } })));
          if (!(err instanceof IdpUsersError) || err.kind !== 'validation' || !String(err.param).startsWith('body.')) {
            throw new Error(`call ${i}: expected a validation IdpUsersError naming a body field, got ${err && err.name} ${err && err.kind} ${err && err.param}: ${err && err.message}`);
          }
        }
        const per = (now() - t0) / calls;
        report(`${per.toFixed(2)} ms per call; one JSON.stringify of the cycle by the runtime itself: ${stringifyMs.toFixed(2)} ms`);
        eq(f.requests.length + dated.length, sent, 'nothing was sent');
      });
    }

    await measured(`boundary: ${N.toLocaleString('en-US')} calls with valid Dates whose own toISOString/getTime/valueOf/Symbol.toPrimitive/toString throw or lie are read by their true value`, async (report) => {
      const when = Date.UTC(2001, 1, 3, 4, 5, 6, 7);
      const iso = new Date(when).toISOString();
      const lying = Object.assign(new Date(when), { toISOString: () => '1999-01-01T00:00:00.000Z', getTime: () => 0, valueOf: () => 0, toString: () => 'x' });
      const throwing = Object.assign(new Date(when), { toISOString: boom, getTime: boom, valueOf: boom, toString: boom, toJSON: boom });
      // Date.prototype[Symbol.toPrimitive] is read-only, so an own one must be defined, not assigned.
      Object.defineProperty(throwing, Symbol.toPrimitive, { value: boom });
      class Sneaky extends Date {
        toISOString() {
          return 42;
        }
        getTime() {
          return 'soon';
        }
        [Symbol.toPrimitive]() {
          throw new Error('no');
        }
      }
      const sub = new Sneaky(when);
      const variants = [lying, throwing, sub];
      const t0 = now();
      let validations = 0;
      for (let i = 0; i < N; i++) {
        const d = variants[i % variants.length];
        const useClerk = i % 2 === 1;
        const before = dated.length;
        const err = await caught(() => (useClerk ? clerk.getUsersCount({ created_at_after: d }) : kinde.getUsers({ active_since: d, page_size: 1 })));
        if (err !== undefined) {
          if (!(err instanceof IdpUsersError) || err.kind !== 'validation') throw new Error(`call ${i}: not a validation IdpUsersError: ${err && err.message}`);
          validations++;
          continue;
        }
        eq(dated.length, before + 1, `call ${i}: one request`);
        const q = dated.at(-1).searchParams;
        if (useClerk) eq(q.get('created_at_after'), String(when), `call ${i}: Clerk got the true time`);
        else eq(q.get('active_since'), iso, `call ${i}: Kinde got the true ISO time`);
      }
      report(`${ms(now() - t0)}; ${validations} refused, ${N - validations} sent with the true value`);
    });

    await test('boundary: after all hostile calls, normal calls succeed and new clients work', async () => {
      eq((await kinde.getUserData(KU1)).id, KU1, 'the same Kinde client still works');
      eq((await clerk.getUser(CU1)).id, CU1, 'the same Clerk client still works');
      const g = fake.createFakeProviders();
      const k2 = kindeClient(g);
      const c2 = clerkClient(g);
      eq((await k2.getUsers({ page_size: 3 })).users.length, 3, 'a new KindeUsersApi works');
      eq((await c2.getUserList({ limit: 3 })).length, 3, 'a new ClerkUsersApi works');
      ok(lib.wasmMemoryBytes() < 64 * MiB, `wasm memory stays small (${lib.wasmMemoryBytes()} bytes)`);
    });
  }

  // =====================================================================
  // 5. Malformed responses
  // =====================================================================
  await measured('malformed responses: 10,000+ bad answers through one client each reject with a typed IdpUsersError, then a good call works', async (report) => {
    const f = fake.createFakeProviders();
    const enc = new TextEncoder();
    const json = { 'content-type': 'application/json' };
    const html = { 'content-type': 'text/html' };
    const stub = (body, status, headers) => () => new Response(body, { status, headers });
    const erroringStream = () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.error(new Error('stream broke'));
          },
        }),
        { status: 200, headers: json },
      );
    const rejectingText = () => {
      const r = new Response('{}', { status: 200, headers: json });
      Object.defineProperty(r, 'text', { value: () => Promise.reject(new Error('body read failed')) });
      return r;
    };
    // [label, operation ('getUser' = object result, 'getUserList' = array result), answer, expected kind]
    const cases = [
      ['truncated JSON (object)', 'getUser', stub('{"id":"user_x","first_name":', 200, json), 'decode'],
      ['truncated JSON (array)', 'getUserList', stub('[{"id":"user_x"},', 200, json), 'decode'],
      ['an HTML page with 200', 'getUser', stub('<!doctype html><html><body>Gateway</body></html>', 200, html), 'decode'],
      ['an HTML page with 200 (array)', 'getUserList', stub('<html>oops</html>', 200, html), 'decode'],
      ['an HTML page with 500', 'getUser', stub('<html><h1>500 Internal Server Error</h1></html>', 500, html), 'api'],
      ['an empty body with 200', 'getUser', stub('', 200, json), 'decode'],
      ['an empty body with 200 (array)', 'getUserList', stub('', 200, json), 'decode'],
      // (204 No Content is a success without a body: see section 10.)
      ['"x" for an object', 'getUser', stub('"x"', 200, json), 'decode'],
      ['1 for an object', 'getUser', stub('1', 200, json), 'decode'],
      ['[] for an object', 'getUser', stub('[]', 200, json), 'decode'],
      ['null for an object', 'getUser', stub('null', 200, json), 'decode'],
      ['{} for an array', 'getUserList', stub('{}', 200, json), 'decode'],
      ['"x" for an array', 'getUserList', stub('"x"', 200, json), 'decode'],
      ['invalid UTF-8 bytes', 'getUser', stub(new Uint8Array([0xff, 0xfe, 0xfd, 0x80, 0xc3, 0x28, 0xed, 0xa0, 0x80]), 200, json), 'decode'],
      ['invalid UTF-8 inside a JSON prefix', 'getUserList', stub(new Uint8Array([...enc.encode('[{"id":"'), 0xff, 0xc0]), 200, json), 'decode'],
      ['a body stream that errors', 'getUser', erroringStream, 'network'],
      ['a Response whose text() rejects', 'getUserList', rejectingText, 'network'],
      ['fetch resolving to null', 'getUser', () => null, 'network'],
      ['fetch resolving to a number', 'getUser', () => 42, 'network'],
      ['fetch resolving to a plain object', 'getUserList', () => ({ nope: true }), 'network'],
      ['fetch resolving to an object with a bad status', 'getUser', () => ({ status: 'ok', text: async () => '{}' }), 'network'],
      ['a 200 with JSON garbage after the value', 'getUser', stub('{"id":"u"} trailing', 200, json), 'decode'],
    ];
    let mode = 'bad';
    let answer;
    let fetches = 0;
    const fetchFn = (url, init) => {
      if (mode === 'good') return f.fetch(url, init);
      fetches++;
      return Promise.resolve(answer());
    };
    const clerk = clerkClient(f, { fetch: fetchFn, retries: 0 });
    const tally = {};
    const N = 10_000;
    const t0 = now();
    for (let i = 0; i < N; i++) {
      const [label, op, make, kind] = cases[i % cases.length];
      answer = make;
      const err = await caught(() => (op === 'getUser' ? clerk.getUser(CU1) : clerk.getUserList({ limit: 5 })));
      if (!(err instanceof IdpUsersError) || err.kind !== kind || err.attempts !== 1) {
        throw new Error(`${label}: expected an IdpUsersError of kind ${kind} with attempts 1, got ${err && err.name} kind=${err && err.kind} attempts=${err && err.attempts}: ${err && err.message}`);
      }
      tally[kind] = (tally[kind] || 0) + 1;
    }
    const elapsed = now() - t0;
    // A huge body, a few times: 5 MB of JSON of the wrong type, and 5 MB of truncated JSON.
    const item = JSON.stringify({ id: 'user_x', first_name: 'y'.repeat(200) });
    const hugeArray = `[${Array.from({ length: Math.ceil((5 * 1000 * 1000) / (item.length + 1)) }, () => item).join(',')}]`;
    const t1 = now();
    for (const [label, body] of [['5 MB array for an object', hugeArray], ['5 MB truncated JSON', hugeArray.slice(0, -3)], ['5 MB array for an object (again)', hugeArray]]) {
      answer = stub(body, 200, json);
      const err = await caught(() => clerk.getUser(CU1));
      ok(err instanceof IdpUsersError && err.kind === 'decode', `${label}: decode (${err && err.kind}: ${err && err.message && err.message.slice(0, 200)})`);
      ok(err.body === null || (typeof err.body === 'string' && err.body.length <= 4096), `${label}: the error's body is cut short`);
      tally.decode++;
    }
    const hugeMs = now() - t1;
    eq(fetches, N + 3, 'every call sent exactly one request');
    mode = 'good';
    eq((await clerk.getUser(CU1)).id, CU1, 'a good call works afterwards');
    eq((await clerk.getUserList({ limit: 2 })).length, 2, 'a good list call works afterwards');
    report(`${(N + 3).toLocaleString('en-US')} calls in ${ms(elapsed + hugeMs)} (3 × 5 MB in ${ms(hugeMs)}); ${Object.entries(tally).map(([k, v]) => `${k} ${v}`).join(', ')}; wasm memory ${kib(lib.wasmMemoryBytes())}`);
  });

  // =====================================================================
  // 6. Load
  // =====================================================================
  for (const [provider, make, op, idOf] of [
    ['Kinde getUserData', (f) => kindeClient(f), (api, id) => api.getUserData(id), kindeId],
    ['Clerk getUser', (f) => clerkClient(f), (api, id) => api.getUser(id), clerkId],
  ]) {
    await measured(`load: 10,000 ${provider} calls at 200 in flight through one client all complete; wasm memory grows ≤ 1 MiB after the first 100`, async (report) => {
      const f = fake.createFakeProviders();
      const api = make(f);
      const TOTAL = 10_000;
      let wrong = 0;
      let failed = 0;
      let firstError;
      const one = async (i) => {
        const id = idOf((i % 25) + 1);
        try {
          const user = await op(api, id);
          if (!user || user.id !== id) wrong++;
        } catch (e) {
          failed++;
          firstError ??= e;
        }
      };
      const t0 = now();
      await pool(0, 100, 200, one);
      const after100 = lib.wasmMemoryBytes();
      await pool(100, TOTAL, 200, one);
      const elapsed = now() - t0;
      const afterAll = lib.wasmMemoryBytes();
      const growth = afterAll - after100;
      report(`${ms(elapsed)}, ${Math.round(TOTAL / (elapsed / 1000))} calls/s; wasm memory ${kib(after100)} after 100 → ${kib(afterAll)} after 10,000 (growth ${kib(growth)})`);
      eq(failed, 0, `no call failed${firstError ? ` (first: ${firstError.message})` : ''}`);
      eq(wrong, 0, 'every call got its own user');
      ok(after100 > 0, 'wasmMemoryBytes() reports the memory');
      ok(growth <= MiB, `growth ${growth} bytes ≤ 1 MiB`);
    });
  }

  // =====================================================================
  // 7. Secrets in errors
  // =====================================================================
  await test('secrets: no error kind (validation, network, timeout, aborted, auth, api, decode) carries the client\'s token, client secret or secret key, even when echoed back', async () => {
    // Each error is checked for the credentials the client that raised it holds
    // (a client cannot know, so cannot redact, another client's secrets): its
    // client secret or Clerk secret key, and every token it sent.
    const f = fake.createFakeProviders();
    const clientSecret = f.kinde.clientSecret;
    const secretKey = f.clerk.secretKey;
    const kinde = kindeClient(f, { retries: 0 });
    await kinde.getUsers({ page_size: 1 });
    const bearerOf = (path) => f.requests.filter((r) => r.path === path).at(-1).headers.authorization.slice('Bearer '.length);
    const minted = bearerOf('/api/v1/users');
    ok(minted.length > 10, 'the access token the fake minted');
    const issued = f.kinde.issueToken();
    const all = `minted=${minted} issued=${issued} secret=${clientSecret} key=${secretKey}`;
    const got = [];
    const collect = async (label, kind, secrets, thunk) => {
      const err = await caught(thunk);
      ok(err instanceof IdpUsersError, `${label}: an IdpUsersError (${err})`);
      const allowed = Array.isArray(kind) ? kind : [kind];
      ok(allowed.includes(err.kind), `${label}: kind ${err.kind}, expected ${allowed.join(' or ')} (${err.message})`);
      got.push([label, err, secrets]);
    };
    const clerk = clerkClient(f, { retries: 0 });
    const KINDE_CC = [clientSecret, minted]; // `kinde`: client credentials, and the token it minted
    const KINDE_AT = [issued]; // access-token clients
    const CLERK = [secretKey];

    // validation: credentials handed where they do not belong
    await collect('validation: Authorization header with the token', 'validation', KINDE_CC, () => kinde.getUsers({}, { headers: { Authorization: `Bearer ${minted}` } }));
    await collect('validation: a header value with a line break and the key', 'validation', CLERK, () => clerk.getUser(CU1, { headers: { 'x-a': `${secretKey}\r\nx-b: ${secretKey}` } }));
    await collect('validation: Clerk Authorization header', 'validation', CLERK, () => clerk.getUser(CU1, { headers: { authorization: `Bearer ${secretKey}` } }));
    await collect('validation: a bad page size next to the token', 'validation', KINDE_AT, () => new KindeUsersApi({ domain: DOMAIN, accessToken: issued, fetch: f.fetch }).getUsers({ page_size: issued }));
    // network: a fetch whose failure message echoes what it was sent (headers and body)
    const leaky = (url, init) => Promise.reject(new TypeError(`connect ECONNREFUSED ${url} ${JSON.stringify(init && init.headers)} ${init && init.body} ${all}`));
    await collect('network: Kinde access token echoed', 'network', KINDE_AT, () => new KindeUsersApi({ domain: DOMAIN, accessToken: issued, fetch: leaky, retries: 0 }).getUsers());
    await collect('network: Clerk secret key echoed', 'network', CLERK, () => clerkClient(f, { fetch: leaky, retries: 0 }).getUser(CU1));
    await collect('network: token request form (client secret) echoed', ['auth', 'network'], [clientSecret], () => new KindeUsersApi({ domain: DOMAIN, clientId: 'id', clientSecret, fetch: leaky, retries: 0, ...ALLOW }).getUsers());
    // timeout and aborted
    const hang = hangingFetch();
    await collect('timeout', 'timeout', KINDE_AT, () => new KindeUsersApi({ domain: DOMAIN, accessToken: issued, fetch: hang.fetch }).getUsers({}, { timeoutMs: 20 }));
    const controller = new AbortController();
    const pending = clerkClient(f, { fetch: hang.fetch }).getUser(CU1, { signal: controller.signal });
    controller.abort(new Error(`aborted ${all}`));
    await collect('aborted (a reason echoing the key)', 'aborted', CLERK, () => pending);
    // auth: the token endpoint echoes the client secret; getToken fails naming the token it gave
    const fresh = kindeClient(f, { retries: 0 });
    f.kinde.injectFault({ path: '/oauth2/token', status: 401, body: JSON.stringify({ error: 'invalid_client', error_description: `bad client_secret ${all}` }) });
    await collect('auth: token endpoint 401 echo', 'auth', [clientSecret], () => fresh.getUsers());
    f.kinde.injectFault({ path: '/oauth2/token', status: 200, body: `not json ${all}` });
    await collect('auth: token endpoint 200 garbage echo', ['auth', 'decode'], [clientSecret], () => fresh.getUsers());
    const vault = new KindeUsersApi({
      domain: DOMAIN,
      fetch: f.fetch,
      retries: 0,
      getToken: ({ forceRefresh }) => {
        if (forceRefresh) throw new Error(`vault refused to refresh ${issued}`);
        return issued;
      },
    });
    f.kinde.injectFault({ path: '/api/v1/users', status: 403, body: JSON.stringify({ errors: [{ code: 'TOKEN_INVALID', message: `token ${issued} is invalid` }] }) });
    await collect('auth: getToken throws naming the token it gave', 'auth', KINDE_AT, () => vault.getUsers());
    // api: the server echoes everything in its body and headers
    f.kinde.injectFault({ path: '/api/v1/users', status: 400, body: JSON.stringify({ errors: [{ code: 'ECHO', message: all }] }) });
    await collect('api: Kinde body echo', 'api', KINDE_CC, () => kinde.getUsers());
    f.kinde.injectFault({ path: '/api/v1/users', status: 404, body: JSON.stringify({ errors: { code: minted, message: all } }) });
    await collect('api: Kinde 404 object shape, code = token', 'api', KINDE_CC, () => kinde.getUsers());
    f.clerk.injectFault({ path: `/v1/users/${CU1}`, status: 422, body: JSON.stringify({ errors: [{ code: secretKey, message: all, long_message: all, meta: { param_name: secretKey } }], clerk_trace_id: secretKey }) });
    await collect('api: Clerk echo in code, messages and clerk_trace_id', 'api', CLERK, () => clerk.getUser(CU1));
    f.clerk.injectFault({ path: `/v1/users/${CU1}`, status: 500, headers: { 'cf-ray': `ray-${secretKey}` }, body: `<html>${all}</html>` });
    await collect('api: Clerk HTML 500 echo, key in cf-ray', 'api', CLERK, () => clerk.getUser(CU1));
    // decode: 2xx bodies echoing them
    f.kinde.injectFault({ path: '/api/v1/users', status: 200, body: `not json ${all}` });
    await collect('decode: Kinde', 'decode', KINDE_CC, () => kinde.getUsers());
    f.clerk.injectFault({ path: `/v1/users/${CU1}`, status: 200, body: JSON.stringify(all) });
    await collect('decode: Clerk string result', 'decode', CLERK, () => clerk.getUser(CU1));
    f.clerk.injectFault({ path: '/v1/users', status: 200, body: JSON.stringify({ leaked: all }) });
    await collect('decode: Clerk object for a list', 'decode', CLERK, () => clerk.getUserList());

    const kinds = new Set(got.map(([, e]) => e.kind));
    eq([...kinds].sort(), ['aborted', 'api', 'auth', 'decode', 'network', 'timeout', 'validation'], 'every kind covered');
    const leaks = [];
    for (const [label, err, secrets] of got) {
      const surfaces = { message: err.message, 'String(error)': String(err), 'JSON.stringify(error)': JSON.stringify(err), stack: String(err.stack), body: String(err.body), traceId: String(err.traceId), code: String(err.codes) };
      for (const [where, text] of Object.entries(surfaces)) {
        for (const secret of secrets) if (text.includes(secret)) leaks.push(`${label}: ${where} contains ${secret.slice(0, 14)}…`);
      }
    }
    eq(leaks, [], 'no credential of the client anywhere in its errors');
  });

  // =====================================================================
  // 8. Bulk
  // =====================================================================
  await measured('bulk: bans with per-item results in input order, never stops at a failure, ≤ concurrency in flight, onProgress up to total', async (report) => {
    const f = fake.createFakeProviders();
    const w = wrapFetch(f.fetch, { delayMs: 15, filter: (url) => url.includes('/ban') });
    const clerk = clerkClient(f, { fetch: w.fetch });
    const ids = [CU1, CU2, 'user_nope', CU3, CU4, 'user_fake_0005', 'user_fake_0008', 'user_fake_0009', 'user_fake_0010'];
    const progress = [];
    const signals = [];
    const t0 = now();
    const results = await lib.bulk(
      ids,
      (id, { signal, index }) => {
        signals.push([index, signal]);
        return clerk.banUser(id, { signal });
      },
      { concurrency: 3, onProgress: (p) => progress.push({ ...p }) },
    );
    const elapsed = now() - t0;
    eq(results.length, ids.length, 'one result per item');
    eq(results.map((r) => r.item), ids, 'in input order');
    eq(results.map((r) => r.ok), ids.map((id) => id !== 'user_nope'), 'only the unknown id failed');
    for (const r of results.filter((x) => x.ok)) eq([r.value.id, r.value.banned], [r.item, true], `${r.item} banned`);
    const bad = results[2].error;
    ok(bad instanceof IdpUsersError && bad.kind === 'api' && bad.status === 404, `the unknown id: api 404 (${bad && bad.message})`);
    ok(w.maxInFlight <= 3, `at most 3 in flight (${w.maxInFlight})`);
    eq(w.maxInFlight, 3, 'the concurrency was used');
    eq(signals.map(([i]) => i).sort((a, b) => a - b), ids.map((_, i) => i), 'fn got each index');
    ok(signals.every(([, s]) => s && typeof s.aborted === 'boolean'), 'fn got a signal');
    eq(progress.length, ids.length, 'onProgress once per item');
    eq(progress.map((p) => p.done), ids.map((_, i) => i + 1), 'done counts up');
    ok(progress.every((p) => p.total === ids.length), 'total every time');
    eq(progress.at(-1), { done: ids.length, failed: 1, total: ids.length }, 'ends at total with one failure');
    const banned = f.clerk.users().filter((u) => u.banned).map((u) => u.id);
    for (const id of ids.filter((x) => x !== 'user_nope')) ok(banned.includes(id), `${id} is banned in the fake`);
    report(`${ms(elapsed)} for ${ids.length} items at concurrency 3 (15 ms each); max in flight ${w.maxInFlight}`);
  });

  await measured('bulk: a 429 with Retry-After on one item pauses starting the others', async (report) => {
    const f = fake.createFakeProviders();
    const w = wrapFetch(f.fetch, { delayMs: 10 });
    const clerk = clerkClient(f, { fetch: w.fetch });
    f.clerk.injectFault({ method: 'POST', path: `/v1/users/${CU2}/ban`, status: 429, headers: { 'retry-after': '1' }, body: JSON.stringify({ errors: [{ code: 'too_many_requests', message: 'slow down', long_message: 'Too many requests' }] }) });
    const ids = [CU1, CU2, CU3, CU4, 'user_fake_0005', 'user_fake_0008'];
    // When bulk started each item, and when the throttled item's call rejected
    // (this handler runs just before bulk's own, which starts the pause).
    const started = [];
    let rejectedAt;
    const results = await lib.bulk(
      ids,
      (id, { signal }) => {
        started.push(now());
        const p = clerk.banUser(id, { signal });
        p.catch(() => {
          if (id === CU2) rejectedAt = now();
        });
        return p;
      },
      { concurrency: 2 },
    );
    eq(results.map((r) => r.ok), [true, false, true, true, true, true], 'only the throttled item failed');
    const e = results[1].error;
    ok(e instanceof IdpUsersError && e.status === 429 && e.retryAfterMs === 1000 && e.attempts === 1, `the 429 (${e && e.message})`);
    eq(w.log.filter((x) => x.status === 429).length, 1, 'one 429 answer');
    const later = started.filter((t) => t > rejectedAt);
    ok(later.length >= 2, `items started after the 429 (${later.length})`);
    const earliest = Math.min(...later) - rejectedAt;
    report(`first item started ${ms(earliest)} after the 429 reached bulk; ${started.length - later.length} started before`);
    ok(earliest >= 950, `no item started within the server's second (first after ${earliest} ms)`);
  });

  await measured('bulk: aborting its signal aborts the calls in flight and settles the unstarted items as aborted errors', async (report) => {
    const f = fake.createFakeProviders();
    const w = wrapFetch(f.fetch, { delayMs: 300 });
    const clerk = clerkClient(f, { fetch: w.fetch });
    const ids = Array.from({ length: 10 }, (_, i) => clerkId(i + 1));
    const controller = new AbortController();
    const progress = [];
    const t0 = now();
    let abortedAt;
    const run = lib.bulk(ids, (id, { signal }) => clerk.banUser(id, { signal }), { concurrency: 2, signal: controller.signal, onProgress: (p) => progress.push(p) });
    setTimeout(() => {
      abortedAt = now();
      controller.abort();
    }, 40);
    const results = await run;
    const elapsed = now() - abortedAt;
    eq(results.length, 10, 'bulk still resolves with every item');
    eq(results.map((r) => r.item), ids, 'in input order');
    ok(results.every((r) => !r.ok && r.error instanceof IdpUsersError && r.error.kind === 'aborted'), `every item aborted (${results.map((r) => (r.ok ? 'ok' : r.error && r.error.kind)).join(',')})`);
    eq(w.log.length, 2, 'only the 2 started items sent a request');
    ok(w.log.every((x) => x.signal && x.signal.aborted && x.status === undefined), 'their fetch signals fired before an answer came');
    ok(elapsed < 150, `settled ${elapsed} ms after the abort, not after the 300 ms requests`);
    eq(progress.at(-1), { done: 10, failed: 10, total: 10 }, 'progress ends at total');
    eq(f.clerk.users().filter((u) => u.banned).length, 2, 'nothing new banned (the two seeded bans)');
    const already = await lib.bulk(ids, () => {
      throw new Error('must not run');
    }, { signal: controller.signal });
    ok(already.every((r) => !r.ok && r.error.kind === 'aborted'), 'an already aborted signal: nothing runs');
    report(`settled ${ms(elapsed)} after the abort (at ${ms(abortedAt - t0)})`);
  });

  await test('bulk: bad arguments (not iterable, fn not a function, bad concurrency/onProgress/signal) reject with validation errors', async () => {
    const fn = async (x) => x;
    const cases = [
      [() => lib.bulk(42, fn), 'items', 'a number'],
      [() => lib.bulk(null, fn), 'items', 'null'],
      [() => lib.bulk(undefined, fn), 'items', 'undefined'],
      [() => lib.bulk({ length: 2 }, fn), 'items', 'an array-like that is not iterable'],
      [() => lib.bulk({ [Symbol.iterator]() { throw new Error('no'); } }, fn), 'items', 'an iterator that throws'],
      [() => lib.bulk([1], 'fn'), 'fn', 'a string'],
      [() => lib.bulk([1]), 'fn', 'missing'],
      [() => lib.bulk([1], fn, 'fast'), 'options', 'a string'],
      [() => lib.bulk([1], fn, { concurrency: 0 }), 'options.concurrency', '0'],
      [() => lib.bulk([1], fn, { concurrency: 65 }), 'options.concurrency', '65'],
      [() => lib.bulk([1], fn, { concurrency: 1.5 }), 'options.concurrency', '1.5'],
      [() => lib.bulk([1], fn, { concurrency: '3' }), 'options.concurrency', "'3'"],
      [() => lib.bulk([1], fn, { concurrency: NaN }), 'options.concurrency', 'NaN'],
      [() => lib.bulk([1], fn, { onProgress: 5 }), 'options.onProgress', '5'],
      [() => lib.bulk([1], fn, { signal: {} }), 'options.signal', '{}'],
      [() => lib.bulk([1], fn, { get concurrency() { throw new Error('getter'); } }), 'options', 'a throwing getter'],
    ];
    const problems = [];
    for (const [call, param, what] of cases) {
      let err;
      try {
        const value = await call();
        problems.push(`${param} = ${what}: resolved (${JSON.stringify(value)})`);
        continue;
      } catch (e) {
        err = e;
      }
      if (!(err instanceof IdpUsersError) || err.kind !== 'validation') problems.push(`${param} = ${what}: ${err && err.name} ${err && err.kind}: ${err && err.message}`);
      else if (typeof err.param !== 'string' || !err.param.startsWith(param.split('.')[0])) problems.push(`${param} = ${what}: param ${err.param}`);
    }
    eq(problems, [], 'every bad argument rejected with a validation error naming it');
  });

  await test('bulk: an empty list resolves to []; any iterable works; a synchronous throw in fn is that item failing', async () => {
    const fn = async (x) => x;
    eq(await lib.bulk([], fn), [], 'empty list');
    const fromSet = await lib.bulk(new Set(['a', 'b']), async (x, { index }) => `${x}${index}`, { concurrency: 1 });
    eq(fromSet.map((r) => r.value), ['a0', 'b1'], 'a Set; fn gets the index');
    const gen = function* () {
      yield 1;
      yield 2;
    };
    eq((await lib.bulk(gen(), fn)).map((r) => r.value), [1, 2], 'a generator');
    const thrown = await lib.bulk([1, 2], (x) => {
      if (x === 1) throw new Error('sync throw');
      return x;
    });
    eq(thrown.map((r) => r.ok), [false, true], 'a synchronous throw is that item failing');
    eq(thrown[0].error.message, 'sync throw', 'with its error');
  });

  // =====================================================================
  // 9. The seed's setUserProfileImage(userId, { file }) shape
  // =====================================================================
  await test('setUserProfileImage(userId, { file }) uploads exactly like the bare file (bytes, Blob, File)', async () => {
    const f = fake.createFakeProviders();
    const clerk = clerkClient(f);
    const path = (id) => `/v1/users/${id}/profile_image`;
    const bare = await clerk.setUserProfileImage(CU1, new Uint8Array(PNG));
    const wrapped = await clerk.setUserProfileImage(CU2, { file: new Uint8Array(PNG) });
    eq([bare.has_image, wrapped.has_image], [true, true], 'both have an image');
    const a = f.clerk.profileImage(CU1);
    const b = f.clerk.profileImage(CU2);
    ok(a && b, 'both stored');
    eq(Array.from(b.bytes), PNG, '{ file: Uint8Array }: byte-exact');
    eq([b.type, b.name, b.size], [a.type, a.name, a.size], 'same type, name and size as the bare upload');
    const sent = f.requests.filter((r) => r.path === path(CU2)).at(-1);
    ok(/^multipart\/form-data; boundary=/.test(sent.headers['content-type']), `multipart (${sent.headers['content-type']})`);
    eq(sent.method, 'POST', 'POST');
    await clerk.setUserProfileImage(CU3, { file: new Blob([new Uint8Array(PNG)], { type: 'image/png' }) });
    eq(Array.from(f.clerk.profileImage(CU3).bytes), PNG, '{ file: Blob }: byte-exact');
    if (typeof File === 'function') {
      await clerk.setUserProfileImage(CU4, { file: new File([new Uint8Array(PNG)], 'me.png', { type: 'image/png' }) });
      eq([f.clerk.profileImage(CU4).name, f.clerk.profileImage(CU4).type], ['me.png', 'image/png'], '{ file: File } keeps its name and type');
    }
    const info = await clerk.setUserProfileImageWithHttpInfo(CU1, { file: new Uint8Array(PNG).buffer });
    eq(info.status, 200, '{ file: ArrayBuffer } (WithHttpInfo)');
    await rejects(clerk.setUserProfileImage(CU1, { file: 42 }), { kind: 'validation' }, '{ file: 42 }');
    await rejects(clerk.setUserProfileImage(CU1, {}), { kind: 'validation' }, '{} without a file');
  });

  // =====================================================================
  // 10. Issue 14 (engine): providers' real answers, sizes before growth,
  //     no secret survives, token refresh
  // =====================================================================
  /** A fetch answering `answer(url, init)` (a Response) and logging each request. */
  const scripted = (answer) => {
    const log = [];
    const fetchFn = async (url, init) => {
      log.push({ url: String(url), method: init && init.method, body: init && init.body });
      return answer(new URL(String(url)), init);
    };
    return { fetch: fetchFn, log };
  };
  const json = (status, value, headers = {}) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', ...headers } });

  await test('204 and 205 No Content resolve to null for any operation; an empty 200 is still a decode error', async () => {
    const f = fake.createFakeProviders();
    let status = 204;
    const noContent = (url, init) => (/^\/api\/v1\/user$|^\/v1\/users\/user_/.test(new URL(String(url)).pathname) ? Promise.resolve(new Response(null, { status })) : f.fetch(url, init));
    const kinde = kindeClient(f, { fetch: noContent });
    const clerk = clerkClient(f, { fetch: noContent });
    eq(await kinde.deleteUser(KU1), null, 'Kinde deleteUser answered 204');
    const info = await kinde.deleteUserWithHttpInfo(KU1);
    eq([info.data, info.status], [null, 204], 'WithHttpInfo: data null, status 204');
    status = 205;
    eq(await clerk.getUser(CU1), null, 'any operation, 205');
    status = 200;
    await rejects(clerk.getUser(CU1), { kind: 'decode', status: 200 }, 'an empty 200');
  });

  await test('Clerk getOAuthAccessToken({ paginated: true }) answers { data, total_count }: accepted and paged by it', async () => {
    const all = ['t1', 't2', 't3'].map((token) => ({ object: 'oauth_access_token', external_account_id: 'eac_1', provider_user_id: 'p', token, expires_at: null, provider: 'oauth_google', public_metadata: {}, label: null }));
    const { fetch: fetchFn, log } = scripted((url) => {
      const limit = Number(url.searchParams.get('limit') ?? 10);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const page = all.slice(offset, offset + limit);
      return url.searchParams.get('paginated') === 'true' ? json(200, { data: page, total_count: all.length }) : json(200, all);
    });
    const clerk = new ClerkUsersApi({ secretKey: 'sk_test_envelope', baseUrl: CLERK_BASE, fetch: fetchFn, ...ALLOW });
    const first = await clerk.getOAuthAccessToken(CU4, 'oauth_google', { paginated: true, limit: 2 });
    eq([first.data.length, first.total_count], [2, 3], 'the promise resolves to the envelope');
    const tokens = [];
    for await (const t of clerk.getOAuthAccessToken(CU4, 'oauth_google', { paginated: true, limit: 2 })) tokens.push(t.token);
    eq(tokens, ['t1', 't2', 't3'], 'iteration reads every page of the envelope');
    eq(log.length, 3, 'two pages, and total_count ends the list (no empty third page)');
    const plain = await clerk.getOAuthAccessToken(CU4, 'oauth_google');
    ok(Array.isArray(plain) && plain.length === 3, 'without paginated: the array');
  });

  await test('sizes before growth: 1 MiB ids and query values are refused before wasm memory grows [memory]', async () => {
    const f = fake.createFakeProviders();
    const kinde = kindeClient(f);
    const clerk = clerkClient(f);
    const huge = 'a'.repeat(MiB);
    const wide = '€'.repeat(120); // 120 UTF-16 units, 1,080 bytes once percent-encoded
    await clerk.getUser(CU1); // warm up
    const sent = f.requests.length;
    const before = lib.wasmMemoryBytes();
    for (let i = 0; i < 10; i++) {
      const e = await rejects(clerk.getUser(huge), { kind: 'validation', param: 'userId' }, `1 MiB user id (${i})`);
      ok(e.message.length < 200, 'a short message');
      await rejects(kinde.getUserData(huge), { kind: 'validation', param: 'id' }, '1 MiB id in the query');
      await rejects(kinde.getUsers({ email: huge }), { kind: 'validation', param: 'params.email' }, '1 MiB query value');
      await rejects(clerk.getUserList({ email_address: [huge] }), { kind: 'validation' }, '1 MiB query array item');
      await rejects(clerk.getUser(wide), { kind: 'validation', param: 'userId' }, 'short in UTF-16, long encoded');
    }
    const grown = lib.wasmMemoryBytes() - before;
    ok(grown <= 64 * 1024, `wasm memory stayed flat [${kib(grown)}]`);
    eq(f.requests.length, sent, 'nothing was sent');
  });

  await test('no secret survives: a secret across the body cut, echoed encoded, or in a network error is redacted', async () => {
    const key = 'sk_test_0123456789abcdefABCDEF0123';
    const pieces = (secret) => Array.from({ length: secret.length - 3 }, (_, i) => secret.slice(i, i + 4)).filter((p) => !'[redacted]'.includes(p));
    const leaks = (e, secret) => pieces(secret).filter((p) => JSON.stringify(e).includes(p));
    for (const at of [2048 - 35, 2048 - 20, 2048 - 4, 2047, 2048]) {
      const { fetch: fetchFn } = scripted(() => new Response('x'.repeat(at) + key + 'y'.repeat(3000), { status: 400 }));
      const clerk = new ClerkUsersApi({ secretKey: key, baseUrl: CLERK_BASE, fetch: fetchFn, ...ALLOW });
      const e = await rejects(clerk.getUser(CU1), { kind: 'api', status: 400 }, `key at ${at}`);
      eq(leaks(e, key), [], `no piece of the key in the error (key at ${at})`);
    }
    const secret = 'Q7x Zr/9+Kp=Wv&J2~*Ym4';
    const echo = (reencode) =>
      scripted((url, init) => {
        const body = reencode ? new URLSearchParams(init.body).toString() : init.body;
        return json(401, { error: 'invalid_client', error_description: `bad request: ${body}` });
      });
    for (const reencode of [false, true]) {
      const { fetch: fetchFn } = echo(reencode);
      const kinde = new KindeUsersApi({ domain: DOMAIN, clientId: 'cid', clientSecret: secret, fetch: fetchFn, retries: 0, ...ALLOW });
      const e = await rejects(kinde.getUsers(), { kind: 'auth', status: 401 }, `token endpoint echoing the form (re-encoded: ${reencode})`);
      for (const form of [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]) {
        eq(leaks(e, form), [], `no piece of ${form} (re-encoded: ${reencode})`);
      }
      ok(JSON.stringify(e).includes('client_secret=[redacted]'), 'the secret is marked redacted');
    }
    // A minted token in a network error's text.
    const minted = 'minted-token-0123456789';
    const { fetch: netFetch } = scripted((url) => {
      if (url.pathname === '/oauth2/token') return json(200, { access_token: minted, expires_in: 3600 });
      throw new TypeError(`connect failed (Authorization: Bearer ${minted})`);
    });
    const kinde = new KindeUsersApi({ domain: DOMAIN, clientId: 'cid', clientSecret: secret, fetch: netFetch, retries: 0, ...ALLOW });
    const e = await rejects(kinde.getUsers(), { kind: 'network' }, 'network error naming the token');
    eq(leaks(e, minted), [], 'the minted token is redacted');
  });

  await test('token refresh: a persistent Kinde 403 re-mints once, not once per call [requests]', async () => {
    const f = fake.createFakeProviders();
    const counted = wrapFetch(f.fetch);
    const kinde = kindeClient(f, { fetch: counted.fetch, retries: 0 });
    const tokens = () => counted.log.filter((r) => r.path === '/oauth2/token').length;
    const api = () => counted.log.filter((r) => r.path === '/api/v1/users').length;
    f.kinde.injectFault({ path: '/api/v1/users', status: 403, times: 21 });
    const attempts = [];
    for (let i = 0; i < 20; i++) attempts.push((await rejects(kinde.getUsers(), { kind: 'api', status: 403 }, `call ${i}`)).attempts);
    eq([tokens(), api()], [2, 21], `one token and one replacement, 21 API requests [${tokens()} token, ${api()} API requests]`);
    eq(attempts, [2, ...Array(19).fill(1)], 'the replacement refused with 403 fails later calls at once');
    ok((await kinde.getUsers()).users.length > 0, 'the replacement still works once the API accepts it');
    eq(tokens(), 2, 'no new token for that');
    f.kinde.injectFault({ path: '/api/v1/users', status: 401, times: 1 });
    ok((await kinde.getUsers()).users.length > 0, 'a 401 still re-mints once');
    eq(tokens(), 3, 'one more token for the 401');
  });

  await test("the proxy's own refusals are final: no new token, no retry", async () => {
    for (const [status, code] of [[403, 'operation_not_allowed'], [401, 'unauthorized'], [502, 'upstream_unreachable']]) {
      let asked = 0;
      const { fetch: fetchFn, log } = scripted(() =>
        json(status, { error: { code, message: `refused by the proxy`, operation: 'kinde.getUsers' }, errors: [{ code, message: 'refused by the proxy' }] }),
      );
      const kinde = new KindeUsersApi({ domain: 'https://proxy.test/admin-api/kinde', getToken: () => `admin-${++asked}`, fetch: fetchFn, maxRetryDelayMs: 1, ...ALLOW });
      const e = await rejects(kinde.getUsers(), { kind: 'api', status, code, attempts: 1 }, `${status} ${code}`);
      eq([asked, log.length], [1, 1], `${code}: getToken asked once, one request`);
      ok(e.message.includes('the proxy answered'), `the message says the proxy answered (${e.message})`);
    }
  });

  void runtime;
}
