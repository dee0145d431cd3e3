// The driver's promises (issue 14), run by tests/js/suite.mjs in every
// runtime with its own test kit: every promise settles, with an
// IdpUsersError, whatever a caller's fetch, getToken, params, signal or
// receiver does; a method runs only on a live client of its own class;
// freeing a client mid-call; params read once per list; paging that always
// ends; deadlines on a monotonic clock; refusals that never list a huge
// object's keys; network errors that say why and carry no secret.

const DOMAIN = 'https://fake.kinde.com';
const CLERK_BASE = 'https://api.clerk.test/v1';
const KU1 = 'kp_fake_0001';
const CU1 = 'user_fake_0001';
const MiB = 1024 * 1024;

const now = () => (typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now());
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export async function hardeningTests({ lib, fake, runtime, test, ok, eq, rejects, ALLOW = {} }) {
  const { KindeUsersApi, ClerkUsersApi, IdpUsersError, bulk } = lib;
  const kindeClient = (f, config = {}) =>
    new KindeUsersApi({ domain: DOMAIN, clientId: f.kinde.clientId, clientSecret: f.kinde.clientSecret, fetch: f.fetch, ...ALLOW, ...config });
  const clerkClient = (f, config = {}) => new ClerkUsersApi({ secretKey: f.clerk.secretKey, baseUrl: CLERK_BASE, fetch: f.fetch, ...ALLOW, ...config });

  /** `promise`'s outcome, or 'pending' when it has not settled within `ms`: { value } | { error } | 'pending'. */
  async function settleWithin(promise, ms = 2000) {
    let timer;
    const late = new Promise((resolve) => {
      timer = setTimeout(() => resolve('pending'), ms);
    });
    try {
      return await Promise.race([promise.then((value) => ({ value }), (error) => ({ error })), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The IdpUsersError `promise` settles with within `ms` (fails on anything else). */
  async function typedError(promise, what, ms) {
    const r = await settleWithin(promise, ms);
    ok(r !== 'pending', `${what}: settles`);
    ok(r.error instanceof IdpUsersError, `${what}: rejects with an IdpUsersError (got ${r.error === undefined ? 'a value' : `${r.error && r.error.name}: ${r.error && r.error.message}`})`);
    return r.error;
  }

  /** Records the rejections nobody handled while it watches (Node and Bun: process events; elsewhere the global event). */
  function unhandledWatch() {
    const seen = [];
    const onNode = (reason) => seen.push(reason);
    const onEvent = (event) => {
      seen.push(event.reason);
      event.preventDefault();
    };
    const useProcess = typeof process === 'object' && process && typeof process.on === 'function' && typeof globalThis.Deno === 'undefined';
    if (useProcess) process.on('unhandledRejection', onNode);
    else if (typeof addEventListener === 'function') addEventListener('unhandledrejection', onEvent);
    return {
      seen,
      stop() {
        if (useProcess) process.off('unhandledRejection', onNode);
        else if (typeof removeEventListener === 'function') removeEventListener('unhandledrejection', onEvent);
      },
    };
  }

  const revoked = () => {
    const r = Proxy.revocable({}, {});
    r.revoke();
    return r.proxy;
  };
  const boom = () => {
    throw new Error('hostile');
  };

  // ---- 1. every promise settles ---------------------------------------------------------
  await test('promises: hostile fetch results (revoked Proxies, throwing then/constructor/status/text/headers) settle every call with an IdpUsersError, none unhandled', async () => {
    const f = fake.createFakeProviders();
    const throwingThen = () => ({ then: boom });
    const nativeWithThen = () => {
      const p = Promise.resolve(json([]));
      p.then = boom;
      return p;
    };
    const badCtor = () => {
      const p = Promise.resolve(json([]));
      Object.defineProperty(p, 'constructor', { get: boom });
      return p;
    };
    const response = (patch) => () => {
      const r = json([{ id: CU1 }]);
      Object.defineProperties(r, patch);
      return r;
    };
    const cases = [
      ['fetch rejects with a revoked Proxy', () => Promise.reject(revoked())],
      ['fetch throws a revoked Proxy', () => { throw revoked(); }],
      ['fetch rejects with a Proxy whose every trap throws', () => Promise.reject(new Proxy({}, { get: boom, getPrototypeOf: boom, has: boom, ownKeys: boom }))],
      ['fetch returns a thenable whose then throws', throwingThen],
      ['fetch returns a promise whose own then throws', nativeWithThen],
      ['fetch returns a promise whose constructor getter throws', badCtor],
      ['fetch resolves to a revoked Proxy', () => Promise.resolve(revoked())],
      ['a Response whose status getter throws', response({ status: { get: boom } })],
      ['a Response whose text() returns a thenable that throws', response({ text: { value: throwingThen } })],
      ['a Response whose text() resolves to a revoked Proxy', response({ text: { value: () => Promise.resolve(revoked()) } })],
      ['a Response whose text() rejects with a revoked Proxy', response({ text: { value: () => Promise.reject(revoked()) } })],
      ['a Response whose text is a revoked Proxy', response({ text: { get: () => revoked() } })],
    ];
    const watch = unhandledWatch();
    try {
      for (const [what, answer] of cases) {
        const clerk = clerkClient(f, { fetch: answer, retries: 0, timeoutMs: 5000 });
        const err = await typedError(clerk.getUserList({ limit: 1 }), what);
        eq(err.kind, 'network', `${what}: kind (${err.message})`);
      }
      // Headers that throw only matter to a WithHttpInfo call: it resolves, with no headers.
      const info = await settleWithin(clerkClient(f, { fetch: response({ headers: { get: boom } }) }).getUserListWithHttpInfo({ limit: 1 }));
      ok(info.value && info.value.status === 200, `headers that throw: resolves (${info.error && info.error.message})`);
      const endless = response({ headers: { value: { *[Symbol.iterator]() { for (let i = 0; ; i++) yield [`x-${i}`, 'v']; } } } });
      const many = await settleWithin(clerkClient(f, { fetch: endless }).getUserListWithHttpInfo({ limit: 1 }));
      ok(many.value && Object.keys(many.value.headers).length <= 1001, 'endless headers: resolves with a bounded copy');
      await sleep(20);
      eq(watch.seen.length, 0, `no unhandled rejection (${watch.seen.map(String).join('; ')})`);
    } finally {
      watch.stop();
    }
  });

  await test('promises: a call whose signal is already aborted while a token is being minted (and that request fails) rejects aborted, with no unhandled rejection', async () => {
    const f = fake.createFakeProviders();
    const fetchFn = async (url, init) => {
      if (String(url).includes('/oauth2/token')) {
        await sleep(30);
        throw new TypeError('token endpoint unreachable');
      }
      return f.fetch(url, init);
    };
    const kinde = kindeClient(f, { fetch: fetchFn, retries: 0 });
    const watch = unhandledWatch();
    try {
      const first = kinde.getUserData(KU1); // starts the token request
      const controller = new AbortController();
      controller.abort();
      const aborted = kinde.getUserData(KU1, undefined, { signal: controller.signal });
      const a = await typedError(aborted, 'the aborted call');
      eq(a.kind, 'aborted', 'the aborted call: kind');
      const b = await typedError(first, 'the call waiting for the token');
      eq(b.kind, 'network', `the other call: kind (${b.message})`);
      await sleep(60);
      eq(watch.seen.length, 0, `no unhandled rejection (${watch.seen.map(String).join('; ')})`);
    } finally {
      watch.stop();
    }
  });

  await test('promises: bulk settles with signal-likes missing removeEventListener, with fn results whose then throws, and with failures that are revoked Proxies; a signal that throws is a validation error', async () => {
    const noRemove = { aborted: false, addEventListener() {} };
    const r1 = await settleWithin(bulk([1, 2, 3], async (x) => x * 2, { signal: noRemove }));
    ok(r1.value && r1.value.length === 3 && r1.value.every((r) => r.ok), `a signal without removeEventListener: resolves (${r1 === 'pending' ? 'pending' : r1.error && r1.error.message})`);
    const r2 = await settleWithin(bulk([1, 2], (x) => (x === 1 ? { then: boom } : Promise.reject(revoked()))));
    ok(r2.value && r2.value.length === 2 && r2.value.every((r) => !r.ok), `hostile fn results: resolves, each item failed (${r2 === 'pending' ? 'pending' : r2.error && r2.error.message})`);
    const p = Promise.resolve(1);
    p.then = boom;
    const r3 = await settleWithin(bulk([1], () => p));
    ok(r3.value && r3.value.length === 1, `a promise whose own then throws: resolves (${r3 === 'pending' ? 'pending' : r3.error && r3.error.message})`);
    let reads = 0;
    const flaky = {
      addEventListener() {},
      removeEventListener() {},
      get aborted() {
        if (++reads > 1) throw new Error('second read');
        return false;
      },
    };
    const r4 = await settleWithin(bulk([1], async () => 1, { signal: flaky }));
    ok(r4.error instanceof IdpUsersError && r4.error.kind === 'validation' && r4.error.param === 'options.signal', `a signal whose aborted throws: a validation error (${r4.error && r4.error.message})`);
    const r5 = await settleWithin(bulk([1], async () => 1, { signal: new Proxy({}, { get: boom }) }));
    ok(r5.error instanceof IdpUsersError && r5.error.kind === 'validation', `a signal Proxy that throws: a validation error (${r5.error && r5.error.message})`);
  });

  await test("promises: a call's signal-like without removeEventListener, firing after the call ended, aborts no later call", async () => {
    const f = fake.createFakeProviders();
    let listener;
    const signal = { aborted: false, addEventListener: (type, fn) => (listener = fn) };
    const slow = (url, init) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(f.fetch(url, init)), 50);
        init.signal.addEventListener('abort', () => (clearTimeout(timer), reject(init.signal.reason)), { once: true });
      });
    const clerk = clerkClient(f, { fetch: slow, retries: 0 });
    eq((await clerk.getUser(CU1, { signal })).id, CU1, 'the call with the signal-like');
    const later = clerk.getUser(CU1);
    await sleep(10);
    listener();
    const r = await settleWithin(later);
    ok(r.value && r.value.id === CU1, `a later call is not aborted by it (${r.error && r.error.message})`);
  });

  await test('promises: getToken returning hostile values (revoked Proxy, thenable whose then throws, promise whose constructor throws, object whose toString throws) rejects with auth IdpUsersErrors', async () => {
    const f = fake.createFakeProviders();
    const badCtor = () => {
      const p = Promise.resolve('tok');
      Object.defineProperty(p, 'constructor', { get: boom });
      return p;
    };
    for (const [what, getToken] of [
      ['a revoked Proxy', () => revoked()],
      ['a thenable whose then throws', () => ({ then: boom })],
      ['a promise whose constructor throws', badCtor],
      ['an object whose toString throws', () => ({ toString: boom })],
      ['a rejection with a revoked Proxy', () => Promise.reject(revoked())],
    ]) {
      const kinde = new KindeUsersApi({ domain: DOMAIN, getToken, fetch: f.fetch, retries: 0, ...ALLOW });
      const err = await typedError(kinde.getUserData(KU1), what);
      eq(err.kind, 'auth', `${what}: kind (${err.message})`);
    }
  });

  // ---- 2. a method runs only on a live client of its own class ------------------------------
  await test('receivers: a Kinde method called on a Clerk client (and the reverse) is refused before anything is sent', async () => {
    const f = fake.createFakeProviders();
    const kinde = kindeClient(f);
    const clerk = clerkClient(f);
    const sent = f.requests.length;
    await rejects(KindeUsersApi.prototype.getUserPropertyValues.call(clerk, CU1), { kind: 'validation' }, 'a Kinde method on a Clerk client');
    await rejects(ClerkUsersApi.prototype.getUser.call(kinde, KU1), { kind: 'validation' }, 'a Clerk method on a Kinde client');
    await rejects(ClerkUsersApi.prototype.getUserList.call(kinde, {}), { kind: 'validation' }, 'a Clerk list on a Kinde client');
    eq(f.requests.length, sent, 'nothing was sent');
    eq((await clerk.getUser(CU1)).id, CU1, 'the Clerk client still works');
  });

  await test('receivers: 4,000 calls of every function reachable from a client with forged receivers (and a real client whose __wbg_ptr was overwritten) break nothing', async () => {
    const f = fake.createFakeProviders();
    // Every prototype up a client's chain but Object.prototype's (wasm-bindgen's UsersApi, if reachable).
    const protos = [KindeUsersApi.prototype, ClerkUsersApi.prototype];
    for (let p = Object.getPrototypeOf(KindeUsersApi.prototype); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) protos.push(p);
    const fns = [];
    for (const proto of protos) {
      for (const key of Reflect.ownKeys(proto)) {
        const d = Object.getOwnPropertyDescriptor(proto, key);
        if (key !== 'constructor' && typeof d.value === 'function') fns.push([String(key), d.value]);
      }
    }
    const victim = clerkClient(f);
    victim.__wbg_ptr = 12345;
    Object.defineProperty(victim, '__wbg_ptr', { value: 8, writable: true, configurable: true });
    const forged = [{ __wbg_ptr: 12345 }, Object.assign(Object.create(KindeUsersApi.prototype), { __wbg_ptr: 8 }), Object.create(ClerkUsersApi.prototype), victim, null];
    let calls = 0;
    let raw = 0;
    let firstRaw;
    for (let i = 0; calls < 4000; i++) {
      const [name, fn] = fns[i % fns.length];
      const receiver = forged[i % forged.length];
      if (name === 'free' || name === 'Symbol(Symbol.dispose)' || receiver === victim) continue;
      calls++;
      try {
        await fn.call(receiver, 0, CU1, undefined, undefined, undefined);
      } catch (e) {
        if (!(e instanceof IdpUsersError)) {
          raw++;
          firstRaw ??= `${name}: ${e}`;
        }
      }
    }
    eq(raw, 0, `every forged call was refused with an IdpUsersError (first other: ${firstRaw})`);
    for (const name of ['__prepare', '__finish', '__token', '__nextPage', '__destroy_into_raw', '__fixedToken']) {
      ok(!(name in victim), `wasm-bindgen's ${name} is not reachable from a client`);
    }
    eq((await victim.getUser(CU1)).id, CU1, 'the client whose __wbg_ptr was overwritten and redefined still works');
    const g = fake.createFakeProviders();
    eq((await clerkClient(g).getUserList({ limit: 2 })).length, 2, 'a new client works');
    eq((await kindeClient(g).getUserData(KU1)).id, KU1, 'a new Kinde client works');
  });

  await test('receivers: a subclass whose prototype intercepts __wbg_ptr (a setter, a Proxy) makes a working client or none; 1,000 of them break nothing', async () => {
    const f = fake.createFakeProviders();
    class Intercepting extends ClerkUsersApi {}
    Object.defineProperty(Intercepting.prototype, '__wbg_ptr', {
      get: () => 12345,
      set(v) {
        Object.defineProperty(this, '__wbg_ptr', { value: 12345, writable: true, configurable: true });
        void v;
      },
      configurable: true,
    });
    const trapping = new Proxy(Object.create(ClerkUsersApi.prototype), { set: () => true, get: (t, k, r) => (k === '__wbg_ptr' ? 8 : Reflect.get(t, k, r)) });
    function ViaProxy() {}
    ViaProxy.prototype = trapping;
    let raw = 0;
    let broken = 0;
    let why;
    for (let i = 0; i < 1000; i++) {
      for (const make of [() => new Intercepting({ secretKey: f.clerk.secretKey, baseUrl: CLERK_BASE, fetch: f.fetch, ...ALLOW }), () => Reflect.construct(ClerkUsersApi, [{ secretKey: f.clerk.secretKey, baseUrl: CLERK_BASE, fetch: f.fetch, ...ALLOW }], ViaProxy)]) {
        let c;
        try {
          c = make();
        } catch (e) {
          if (!(e instanceof IdpUsersError)) raw++;
          continue;
        }
        // A client that was made works: wasm never got a pointer the prototype made up.
        if (i % 100 === 0) {
          try {
            eq((await c.getUser(CU1)).id, CU1, 'it works');
          } catch (e) {
            broken++;
            why ??= String(e);
          }
        } else await c.getUserList({ limit: 1 }).catch(() => {});
      }
    }
    eq(raw, 0, 'no raw error');
    eq(broken, 0, `every client made works (${why})`);
    eq((await clerkClient(f).getUser(CU1)).id, CU1, 'a plain client works');
  });

  // ---- 3. free() during a call -------------------------------------------------------------------
  await test('free: free() or Symbol.dispose during a call (waiting on fetch, on getToken, or as the response arrives) and between pages settles with an IdpUsersError at once', async () => {
    const f = fake.createFakeProviders();
    const kinds = [];
    // Waiting on a fetch that never answers.
    for (const how of ['free', 'dispose']) {
      let started;
      const signals = [];
      const hanging = (url, init) =>
        new Promise((_, reject) => {
          signals.push(init.signal);
          started();
          init.signal.addEventListener('abort', () => reject(init.signal.reason), { once: true });
        });
      const clerk = clerkClient(f, { fetch: hanging, timeoutMs: 10_000 });
      const whenStarted = new Promise((resolve) => {
        started = resolve;
      });
      const pending = clerk.getUser(CU1);
      await whenStarted;
      const t0 = now();
      if (how === 'free' || typeof Symbol.dispose !== 'symbol') clerk.free();
      else clerk[Symbol.dispose]();
      const err = await typedError(pending, `${how} while fetch hangs`, 3000);
      ok(now() - t0 < 1000, `${how}: settled at once (${Math.round(now() - t0)} ms)`);
      ok(signals[0].aborted, `${how}: the fetch was aborted`);
      kinds.push(err.kind);
    }
    // The response arrives after the client was freed.
    let victim;
    victim = clerkClient(f, {
      fetch: (url, init) => {
        victim.free();
        return f.fetch(url, init);
      },
    });
    await typedError(victim.getUser(CU1), 'freed as the response arrives');
    // Waiting on getToken.
    let release;
    const k = new KindeUsersApi({ domain: DOMAIN, fetch: f.fetch, getToken: () => new Promise((resolve) => { release = resolve; }), ...ALLOW });
    const waiting = k.getUserData(KU1);
    await sleep(5);
    k.free();
    release('late-token');
    await typedError(waiting, 'freed while getToken is pending');
    // Between pages, and while the next page is in flight.
    const c2 = clerkClient(f);
    let n = 0;
    const e1 = await typedError((async () => {
      for await (const u of c2.getUserList({ limit: 2 })) {
        void u;
        if (++n === 1) c2.free();
      }
    })(), 'freed between pages');
    ok(e1.kind === 'validation', `between pages: kind ${e1.kind}`);
    let pages = 0;
    let c3;
    c3 = clerkClient(f, {
      fetch: (url, init) => {
        if (++pages === 2) c3.free();
        return f.fetch(url, init);
      },
    });
    await typedError((async () => {
      for await (const u of c3.getUserList({ limit: 2 })) void u;
    })(), 'freed while the next page is in flight');
    ok(kinds.every((kind) => kind === 'validation'), `kinds ${kinds}`);
    eq((await clerkClient(f).getUser(CU1)).id, CU1, 'a new client works');
  });

  // wasm-bindgen keeps an object until the method reading it returns: this guards that the driver relies on it.
  await test('free: a getter or headers.get that frees its client while wasm reads it (1,000 times) breaks nothing: the client is freed after', async () => {
    const f = fake.createFakeProviders();
    let raw = 0;
    let firstRaw;
    for (let i = 0; i < 1000; i++) {
      let c;
      let pending;
      if (i % 2) {
        // A 429: its Retry-After is read through headers.get.
        const answer = async () => {
          const r = json({ errors: [{ code: 'too_many_requests', message: 'slow down' }] }, 429);
          Object.defineProperty(r, 'headers', { value: { get: () => (c.free(), null) } });
          return r;
        };
        c = clerkClient(f, { fetch: answer, retries: 0 });
        pending = c.getUser(CU1);
      } else {
        c = clerkClient(f);
        const options = {
          get timeoutMs() {
            c.free();
            return 1000;
          },
        };
        pending = c.getUser(CU1, options);
      }
      try {
        await pending;
      } catch (e) {
        if (!(e instanceof IdpUsersError)) {
          raw++;
          firstRaw ??= e;
        }
      }
      await rejects(c.getUser(CU1), { kind: 'validation' }, 'the client is freed afterwards');
    }
    eq(raw, 0, `no raw error (first: ${firstRaw})`);
    eq((await clerkClient(f).getUser(CU1)).id, CU1, 'a new client works');
  });

  // ---- 4. params read once per list -------------------------------------------------------------
  await test('params: a list reads its params (and options) once, however many pages: a getter that throws on the second read does not end the iteration', async () => {
    const f = fake.createFakeProviders();
    const once = (value, counter) => ({
      get() {
        if (++counter.n > 1) throw new Error('read twice');
        return value;
      },
      enumerable: true,
    });
    const clerkReads = { n: 0 };
    const ids = [];
    for await (const u of clerkClient(f).getUserList(Object.defineProperty({}, 'limit', once(10, clerkReads)))) ids.push(u.id);
    eq(ids.length, 25, 'every Clerk user');
    eq(clerkReads.n, 1, 'Clerk params.limit read once');
    const kindeReads = { n: 0 };
    const optionReads = { n: 0 };
    let count = 0;
    const options = Object.defineProperty({}, 'timeoutMs', once(5000, optionReads));
    for await (const u of kindeClient(f).getUsers(Object.defineProperty({}, 'page_size', once(10, kindeReads)), options)) {
      void u;
      count++;
    }
    eq(count, 25, 'every Kinde user');
    eq(kindeReads.n, 1, 'Kinde params.page_size read once');
    eq(optionReads.n, 1, 'options.timeoutMs read once');
    // The first page alone (await) reads them once too; an array param is copied.
    const arr = { n: 0 };
    const emails = new Proxy(['a@example.com'], { get: (t, k) => (k === '0' && ++arr.n > 1 ? boom() : Reflect.get(t, k)) });
    await clerkClient(f).getUserList({ email_address: emails, limit: 5 });
    eq(arr.n, 1, 'an array param item read once');
  });

  // ---- 5. paging always ends ---------------------------------------------------------------------
  await test('paging: a server cycling through cursors (A, B, A) or serving the same page at every offset is stopped with a decode error naming the operation', async () => {
    const f = fake.createFakeProviders();
    let listed = 0;
    const cycling = (url, init) => {
      const u = new URL(String(url));
      if (!u.pathname.startsWith('/api/v1/users')) return f.fetch(url, init);
      if (++listed > 50) return Promise.resolve(json({ code: 'STOP' }, 500));
      const tok = u.searchParams.get('next_token');
      const next = tok === 'A' ? 'B' : 'A';
      return Promise.resolve(json({ code: 'OK', users: [{ id: `kp_${listed}` }], next_token: next }));
    };
    const err = await rejects((async () => {
      for await (const u of kindeClient(f, { fetch: cycling, retries: 0 }).getUsers()) void u;
    })(), { kind: 'decode', operation: 'getUsers' }, 'alternating cursors');
    ok(listed <= 4, `stopped after ${listed} list requests`);
    ok(/cursor/.test(err.message), err.message);
    let served = 0;
    const samePage = (url, init) => {
      const u = new URL(String(url));
      if (u.pathname !== '/v1/users') return f.fetch(url, init);
      if (++served > 50) return Promise.resolve(json({ errors: [{ code: 'stop' }] }, 500));
      const limit = Number(u.searchParams.get('limit'));
      return Promise.resolve(json(Array.from({ length: limit }, (_, i) => ({ id: `user_same_${i}`, object: 'user' }))));
    };
    const seen = [];
    await rejects((async () => {
      for await (const u of clerkClient(f, { fetch: samePage, retries: 0 }).getUserList({ limit: 3 })) seen.push(u.id);
    })(), { kind: 'decode', operation: 'getUserList' }, 'the same full page at every offset');
    ok(served <= 2, `stopped after ${served} list requests`);
    eq(seen.length, 3, 'the repeated page was not yielded again');
    let fresh = 0;
    const newCursorSamePage = (url, init) => {
      const u = new URL(String(url));
      if (!u.pathname.startsWith('/api/v1/users')) return f.fetch(url, init);
      if (++fresh > 50) return Promise.resolve(json({ code: 'STOP' }, 500));
      return Promise.resolve(json({ code: 'OK', users: [{ id: 'kp_same' }], next_token: `t${fresh}` }));
    };
    await rejects((async () => {
      for await (const u of kindeClient(f, { fetch: newCursorSamePage, retries: 0 }).getUsers()) void u;
    })(), { kind: 'decode', operation: 'getUsers' }, 'a new cursor with the same page');
    ok(fresh <= 2, `stopped after ${fresh} list requests`);
  });

  // ---- 6. deadlines on a monotonic clock ------------------------------------------------------
  await test('deadlines: a wall clock stepped back 5 s (or forward) mid-call moves no deadline: a 200 ms timeout still fires at about 200 ms', async () => {
    const f = fake.createFakeProviders();
    const realNow = Date.now;
    const own = Object.getOwnPropertyDescriptor(Date, 'now');
    if (!own || !own.writable) return; // a runtime whose Date.now cannot be stubbed
    let step = 0;
    const hanging = (url, init) => {
      Date.now = () => realNow.call(Date) + step;
      return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason), { once: true }));
    };
    try {
      for (const s of [-5000, 5000]) {
        step = s;
        const clerk = clerkClient(f, { fetch: hanging, timeoutMs: 200, retries: 0 });
        const t0 = now();
        const err = await typedError(clerk.getUser(CU1), `clock stepped ${s} ms`, 8000);
        const took = now() - t0;
        Date.now = realNow;
        eq(err.kind, 'timeout', 'kind');
        ok(took >= 150 && took < 1500, `stepped ${s} ms: timed out after ${Math.round(took)} ms`);
      }
    } finally {
      Date.now = realNow;
    }
  });

  // ---- 7. refusals that list nothing ------------------------------------------------------------
  await test('boundary: a 16 MiB typed array, an 8 MiB one, a 2M-character String object and a 2M-item array are refused without listing their keys', async () => {
    const f = fake.createFakeProviders();
    const clerk = clerkClient(f);
    const kinde = kindeClient(f);
    const bytes = new Uint8Array(16 * MiB);
    const words = new Float64Array(MiB);
    const text = new String('x'.repeat(2 * MiB));
    const items = new Array(2e6).fill(0);
    const sent = f.requests.length;
    const t0 = now();
    for (const [what, call, prefix] of [
      ['a Uint8Array as params', () => clerk.getUserList(bytes), 'params'],
      ['a Float64Array as Kinde params (iterated)', async () => { for await (const u of kinde.getUsers(words)) void u; }, 'params'],
      ['a Uint8Array as a body', () => clerk.createUser(bytes), 'body'],
      ['a Uint8Array as options', () => clerk.getUser(CU1, bytes), 'options'],
      ['a String object as params', () => clerk.getUserList(text), 'params'],
      ['a Uint8Array inside metadata', () => clerk.updateUserMetadata(CU1, { public_metadata: { blob: bytes } }), 'body.public_metadata'],
      ['a 2M-item array inside metadata', () => clerk.updateUserMetadata(CU1, { private_metadata: { items } }), 'body.private_metadata'],
    ]) {
      const err = await typedError(call(), what);
      ok(err.kind === 'validation' && String(err.param).startsWith(prefix), `${what}: a validation error naming ${prefix} (got ${err.kind} ${err.param}: ${err.message})`);
    }
    const took = now() - t0;
    ok(took < 1500, `all refused in ${Math.round(took)} ms`);
    eq(f.requests.length, sent, 'nothing was sent');
  });

  // ---- 8 and 9. network errors say why, without secrets -----------------------------------------
  await test('network errors: the cause\'s code and message are in the message, and a cleaned copy of what fetch threw is the error\'s cause', async () => {
    const f = fake.createFakeProviders();
    const refused = () => {
      const inner = Object.assign(new Error('connect ECONNREFUSED 10.9.8.7:443'), { code: 'ECONNREFUSED' });
      return Promise.reject(new TypeError('fetch failed', { cause: inner }));
    };
    const err = await rejects(clerkClient(f, { fetch: refused, retries: 0 }).getUser(CU1), { kind: 'network' }, 'a refused connection');
    ok(err.message.includes('ECONNREFUSED') && err.message.includes('10.9.8.7'), `the message says why: ${err.message}`);
    ok(err.cause instanceof Error && err.cause.message === 'fetch failed', `cause: ${err.cause}`);
    ok(err.cause.cause && err.cause.cause.code === 'ECONNREFUSED', 'the cause of the cause has the code');
    eq(Object.keys(err).includes('cause'), false, 'cause is not enumerable (toJSON and spreads stay as they were)');
    // In Node, a real refused connection: a port that was free a moment ago.
    // (getBuiltinModule, not import: a Worker bundle must not name node:net.)
    const net = /^node/.test(runtime) && typeof process === 'object' && process.getBuiltinModule ? process.getBuiltinModule('node:net') : undefined;
    if (net) {
      const server = net.createServer();
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address();
      await new Promise((resolve) => server.close(resolve));
      const kinde = new KindeUsersApi({ domain: `http://127.0.0.1:${port}`, accessToken: 'tok_refused_1234', retries: 0 });
      const real = await rejects(kinde.getUserData(KU1), { kind: 'network' }, 'a real refused connection');
      ok(real.message.includes('ECONNREFUSED'), `Node's reason is in the message: ${real.message}`);
      const codes = [real.cause && real.cause.code, real.cause && real.cause.cause && real.cause.cause.code];
      ok(codes.includes('ECONNREFUSED'), `the cause carries the code (${codes})`);
    }
  });

  await test('secrets: a getToken token, a minted token, a static secret key and a client secret never reach a network error\'s message or cause, even cut at the message limit', async () => {
    const f = fake.createFakeProviders();
    const all = (e) => {
      const parts = [e.message, JSON.stringify(e)];
      for (let c = e.cause, depth = 0; c && depth < 4; c = c.cause, depth++) parts.push(String(c.message), String(c.name), String(c.code));
      return parts.join('\n');
    };
    const absent = (e, secret, what) => {
      const text = all(e);
      ok(!text.includes(secret), `${what}: the secret is absent (${text.slice(0, 400)})`);
      ok(!text.includes(secret.slice(0, 8)), `${what}: no prefix of the secret either`);
      ok(!text.includes(encodeURIComponent(secret)), `${what}: nor its encoded form`);
    };
    // What fetch threw echoes the request's headers and body, padded so that
    // the secret straddles the 300-character message limit.
    const echo = (pad) => async (url, init) => {
      const auth = init.headers.authorization || '';
      const body = typeof init.body === 'string' ? init.body : '';
      throw new TypeError(`${'x'.repeat(pad)}${auth} ${body}`, { cause: Object.assign(new Error(`inner ${auth} ${body}`), { code: auth }) });
    };
    // 280: the secret straddles the message's 300 characters; 990: its cause's 1,000.
    for (const pad of [0, 280, 990]) {
      const tok = 'gt_secret_token_0123456789';
      const k1 = new KindeUsersApi({ domain: DOMAIN, getToken: () => tok, fetch: echo(pad), retries: 0, ...ALLOW });
      absent(await rejects(k1.getUserData(KU1), { kind: 'network' }, 'getToken token echoed'), tok, `getToken token, pad ${pad}`);
      const sk = 'sk_test_distinct_0123456789';
      const c1 = clerkClient(f, { secretKey: sk, fetch: echo(pad), retries: 0 });
      absent(await rejects(c1.getUser(CU1), { kind: 'network' }, 'secret key echoed'), sk, `secret key, pad ${pad}`);
      let minted;
      const mintThenEcho = async (url, init) => {
        if (String(url).includes('/oauth2/token')) {
          const res = await f.fetch(url, init);
          minted = (await res.clone().json()).access_token;
          return res;
        }
        return echo(pad)(url, init);
      };
      absent(await rejects(kindeClient(f, { fetch: mintThenEcho, retries: 0 }).getUserData(KU1), { kind: 'network' }, 'minted token echoed'), minted, `minted token, pad ${pad}`);
      const cs = 'cs_distinct_0123456789';
      const k3 = kindeClient(f, { clientSecret: cs, fetch: echo(pad), retries: 0 });
      absent(await rejects(k3.getUserData(KU1), {}, 'client secret echoed by the token request'), cs, `client secret, pad ${pad}`);
    }
    // The runtime's own fetch refusing a header value puts it in its message (Node: the whole token).
    const bad = 'bad_token_with_newline\nsecret_tail_0123';
    // Port 1 is refused by every fetch at once, should a runtime take the header.
    const k4 = new KindeUsersApi({ domain: 'http://127.0.0.1:1', getToken: () => bad, retries: 0, timeoutMs: 3000, ...ALLOW });
    const e4 = await typedError(k4.getUserData(KU1), 'a token fetch refuses', 5000);
    const t4 = all(e4);
    ok(!t4.includes('secret_tail_0123') && !t4.includes('bad_token_with'), `the token is absent: ${t4.slice(0, 300)}`);
  });

  await test('secrets: the values of credential headers (x-api-key, cookie, cf-access-client-secret, proxy-authorization in the config; a session token in a call\'s options) never reach an error\'s message, body, toJSON or cause; x-trace and values under 4 characters are kept', async () => {
    const creds = {
      'X-Api-Key': 'hdr_api_key_0123456789',
      Cookie: 'sid=hdr_cookie_0123456789',
      'CF-Access-Client-Secret': 'hdr_cf_secret_0123456789',
      'Proxy-Authorization': 'Basic aGRyX3Byb3h5XzAxMjM0NTY3ODk=',
    };
    const callCreds = { 'x-session-token': 'hdr_call_session_0123456789' };
    const headers = { ...creds, 'X-Trace': 'trace_visible_0123456789', 'X-Short-Key': 'k9z' };
    const kept = ['trace_visible_0123456789', 'x-short-key: k9z'];
    // Every header the request carried but the accept and the bearer token, as `name: value; ...`.
    const echoed = (init) =>
      Object.entries(init.headers)
        .filter(([name]) => name !== 'authorization' && name !== 'accept')
        .map(([name, value]) => `${name}: ${value}`)
        .join('; ');
    const shown = (e) => {
      const parts = [e.message, JSON.stringify(e), String(e.body)];
      for (let c = e.cause, depth = 0; c && depth < 4; c = c.cause, depth++) parts.push(String(c.message), String(c.name), String(c.code));
      return parts.join('\n');
    };
    const check = (e, what, hidden, visible) => {
      const text = shown(e);
      for (const v of hidden) ok(!text.includes(v.slice(0, 12)) && !text.includes(encodeURIComponent(v).slice(0, 12)), `${what}: ${v.slice(0, 6)}… is absent: ${text.slice(0, 600)}`);
      ok(text.includes('[redacted]'), `${what}: [redacted] in its place`);
      for (const v of visible) ok(text.includes(v), `${what}: ${v} is kept: ${text.slice(0, 600)}`);
    };
    const answer = (status, body) => new Response(body, { status, headers: { 'content-type': 'application/json' } });
    // What fetch threw echoes the request's headers (the config's and the call's), padded across the message's 300 characters and the cause's 1,000.
    for (const pad of [0, 280, 990]) {
      const thrower = async (url, init) => {
        throw new TypeError(`${'x'.repeat(pad)}${echoed(init)}`, { cause: Object.assign(new Error(`inner ${echoed(init)}`), { code: 'EHDR' }) });
      };
      const c = clerkClient(fake.createFakeProviders(), { fetch: thrower, headers, retries: 0 });
      const e = await rejects(c.getUser(CU1, { headers: callCreds }), { kind: 'network' }, `thrown, pad ${pad}`);
      check(e, `thrown fetch error, pad ${pad}`, [...Object.values(creds), ...Object.values(callCreds)], pad === 0 ? kept : []);
    }
    // An API error and a success that is not JSON, echoing the config's headers and the call's.
    const bodies = [
      [400, (init) => JSON.stringify({ errors: [{ code: 'bad_header', message: `echo ${echoed(init)}`, long_message: echoed(init) }] }), 'api'],
      [500, (init) => JSON.stringify({ errors: [{ code: 'x', message: echoed(init) }], meta: { echo: JSON.stringify(init.headers) } }), 'api'],
      [200, (init) => `not json: ${echoed(init)}`, 'decode'],
    ];
    for (const [status, body, kind] of bodies) {
      const c = clerkClient(fake.createFakeProviders(), { fetch: async (url, init) => answer(status, body(init)), headers, retries: 0 });
      const e = await rejects(c.getUser(CU1, { headers: callCreds }), { kind, status }, `HTTP ${status}`);
      check(e, `HTTP ${status} echoing the headers`, [...Object.values(creds), ...Object.values(callCreds)], kept);
    }
    // The Kinde token endpoint refusing the client and echoing its headers.
    const f = fake.createFakeProviders();
    const tokenEcho = async (url, init) => (String(url).includes('/oauth2/token') ? answer(401, JSON.stringify({ error: 'invalid_client', error_description: echoed(init) })) : f.fetch(url, init));
    const k = kindeClient(f, { fetch: tokenEcho, headers, retries: 0 });
    check(await rejects(k.getUserData(KU1), { kind: 'auth', status: 401 }, 'token endpoint echo'), 'token endpoint echoing the headers', Object.values(creds), kept);
  });
}
