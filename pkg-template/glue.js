// The package's JS half: it owns every promise, timer and fetch, and the
// Rust core (the wasm-bindgen glue imported below) makes every decision. The
// build bundles this file into dist/wasm/idp_users.js and .cjs, resolving
// the two aliased imports to the wasm-pack output.
//
// A call runs: __prepare (validate; throws, so the promise rejects before
// anything is sent) → a token (__token says which way) → send → __finish
// (the data, an IdpUsersError, or "retry once with a new token"). A failed
// attempt asks __retryDelay whether and when to try again.
//
// What crosses between wasm and this file is named once: the numbers passed
// in are wasm-exported enums (Provider, TokenSource), and every object wasm
// hands back is built by a function of runtime.js (`request`, `settings`,
// `callOptions`, `operation`, `page`), read here by field name. See
// src/wasm/protocol.rs.
//
// The .wasm exports one class, UsersApi; KindeUsersApi and ClerkUsersApi
// extend it with their provider. UsersApi.__operations(provider) lists each
// one's operations; every name becomes a method and its `...WithHttpInfo`
// twin here, which keeps the .wasm and this glue small. The paged lists
// return a promise that is also async-iterable. Their typings are in
// index.d.ts.
import { UsersApi, Provider, TokenSource, initSync as instantiate } from 'idp-users:glue';
import { IdpUsersError } from 'idp-users:runtime';

export { IdpUsersError };

/**
 * The clients that are alive, each with its settings (`{ fetch, timeoutMs,
 * headers, getToken }`, read from wasm once when the client is made) and,
 * for a client configured with a token, that token. Only these clients ever
 * reach wasm: a method called on a freed client, or on an object dressed up
 * as one, would hand wasm a dangling or forged pointer (and, repeated, break
 * the instance for every later call), so it is refused here instead. The
 * lookup that proves a client alive also yields its settings, so a call
 * never asks wasm for them. The record is this module's own copy, never
 * handed out.
 */
const CLIENTS = new WeakMap();

function remember(client) {
  CLIENTS.set(client, { ...client.__settings(), token: client.__fixedToken() });
}

/** Client for the Users endpoints of the Kinde Management API (see index.d.ts). */
export class KindeUsersApi extends UsersApi {
  constructor(config) {
    super(Provider.Kinde, config);
    remember(this);
  }
}

/** Client for the Users endpoints of the Clerk Backend API (see index.d.ts). */
export class ClerkUsersApi extends UsersApi {
  constructor(config) {
    super(Provider.Clerk, config);
    remember(this);
  }
}

/** Releases a client's memory now; later calls on it reject, a second free does nothing. */
function free() {
  if (CLIENTS.delete(this)) UsersApi.prototype.free.call(this);
}

// The build minifies identifiers: the public classes keep their names.
for (const [cls, name] of [
  [KindeUsersApi, 'KindeUsersApi'],
  [ClerkUsersApi, 'ClerkUsersApi'],
  [IdpUsersError, 'IdpUsersError'],
]) {
  Object.defineProperty(cls, 'name', { value: name });
}

const MULTIPART = 'multipart/form-data';

// Image types recognised from their first bytes, for uploads given as bytes.
const SIGNATURES = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47], 'png'],
  ['image/jpeg', [0xff, 0xd8, 0xff], 'jpg'],
  ['image/gif', [0x47, 0x49, 0x46, 0x38], 'gif'],
  ['image/webp', [0x52, 0x49, 0x46, 0x46], 'webp'],
];

/**
 * The form of an upload (`{ part, file }`), the file already checked by the
 * core to be a Blob/File or bytes. Bytes become a Blob typed from their
 * signature; a nameless Blob gets a file name from its type. fetch writes the
 * multipart boundary itself.
 */
function form({ part: name, file }) {
  let blob = file;
  if (!(file instanceof Blob)) {
    const bytes = ArrayBuffer.isView(file)
      ? new Uint8Array(file.buffer, file.byteOffset, file.byteLength)
      : new Uint8Array(file);
    const sig = SIGNATURES.find(([, magic]) => magic.every((b, i) => bytes[i] === b));
    blob = new Blob([bytes], { type: sig ? sig[0] : 'application/octet-stream' });
  }
  const sig = SIGNATURES.find(([type]) => type === blob.type);
  const data = new FormData();
  data.append(name, blob, typeof blob.name === 'string' && blob.name ? blob.name : `${name}.${sig ? sig[2] : 'bin'}`);
  return data;
}

/** A short description of a thrown value; never throws itself. */
function describe(cause) {
  try {
    const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return 'unknown error';
  }
}

/** Why a request got no response (network, timeout, aborted); mapped to an IdpUsersError by the core. */
class Failure {
  constructor(kind, cause) {
    this.kind = kind;
    this.message = typeof cause === 'string' ? cause : describe(cause);
  }
}

/**
 * In a Cloudflare Worker, an object made while serving one request cannot be
 * used while serving another ("Cannot perform I/O on behalf of a different
 * request"): nothing that holds such an object outlives its call there.
 */
const IN_WORKERS = typeof navigator === 'object' && navigator?.userAgent === 'Cloudflare-Workers';

/**
 * AbortControllers whose signal never fired, for later calls to reuse. In
 * Node a new controller's signal costs about 10 µs a call (more than the
 * rest of the driver), so one serves up to MAX_USES calls, one call at a
 * time. Not more: fetch implementations (Node's Request among them) keep a
 * listener on the signal they were given until the request is
 * garbage-collected, and a signal shared without bound would gather them.
 * Never in a Worker, where a controller belongs to the request it was made
 * in (see IN_WORKERS).
 */
const IDLE = [];
const MAX_USES = 50;
const MAX_IDLE = IN_WORKERS ? 0 : 32;

/**
 * The deadlines of the calls in flight, where timers can stop holding the
 * process open (Node and Bun: setTimeout returns an object with ref/unref).
 * There one timer serves every call, armed for the earliest deadline and
 * holding the process open only while some call is in flight: arming and
 * clearing a timer for each call cost about 4 µs a call in
 * benches/overhead.mjs, toggling ref/unref next to nothing. Elsewhere each
 * call has its own timer: in a Cloudflare Worker a timer belongs to the
 * request that set it, so it must not serve another request's calls, and
 * Deno and browsers have no Timeout objects to unref.
 */
const DEADLINES = {
  shared: undefined, // decided on first use
  queue: [], // watched scopes by deadline (a new call's usually goes last); ended ones are skipped
  head: 0, // index of the first entry not yet dropped
  live: 0, // scopes watched and not ended
  timer: undefined,
  at: Infinity, // when the timer fires
};

function sharedTimers() {
  if (DEADLINES.shared === undefined) {
    let probe;
    try {
      probe = setTimeout(() => {}, 0);
      DEADLINES.shared = !IN_WORKERS && typeof probe?.ref === 'function' && typeof probe?.unref === 'function';
    } catch {
      DEADLINES.shared = false;
    }
    clearTimeout(probe);
  }
  return DEADLINES.shared;
}

function armDeadlines(at) {
  const d = DEADLINES;
  if (d.timer !== undefined) clearTimeout(d.timer);
  d.at = at;
  d.timer = setTimeout(fireDeadlines, Math.max(0, at - Date.now()));
  if (d.live === 0) d.timer.unref();
}

function watch(scope) {
  const d = DEADLINES;
  const q = d.queue;
  let i = q.length;
  while (i > d.head && q[i - 1].deadline > scope.deadline) i--;
  if (i === q.length) q.push(scope);
  else q.splice(i, 0, scope);
  scope.watched = true;
  if (++d.live === 1 && d.timer !== undefined) d.timer.ref();
  if (scope.deadline < d.at) armDeadlines(scope.deadline);
}

/** Drops ended scopes from the front of the queue, and compacts it now and then. */
function dropEnded() {
  const d = DEADLINES;
  const q = d.queue;
  while (d.head < q.length && !q[d.head].watched) q[d.head++] = undefined;
  if (d.head === q.length) {
    q.length = 0;
    d.head = 0;
  } else if (d.head > 1024 && d.head * 2 > q.length) {
    q.splice(0, d.head);
    d.head = 0;
  }
}

function unwatch(scope) {
  const d = DEADLINES;
  if (!scope.watched) return;
  scope.watched = false;
  dropEnded();
  if (--d.live === 0 && d.timer !== undefined) d.timer.unref();
}

function fireDeadlines() {
  const d = DEADLINES;
  d.timer = undefined;
  d.at = Infinity;
  const now = Date.now();
  const expired = [];
  for (const q = d.queue; d.head < q.length; ) {
    const scope = q[d.head];
    if (scope.watched && scope.deadline > now) break;
    q[d.head++] = undefined;
    if (scope.watched) {
      scope.watched = false;
      d.live--;
      expired.push(scope);
    }
  }
  dropEnded();
  if (d.head < d.queue.length) armDeadlines(d.queue[d.head].deadline);
  for (const scope of expired) scope.stop('timeout');
}

/**
 * The time limit and cancellation of one call (or of one token request).
 * Its AbortController is what every fetch of the call gets as `signal`, so
 * the deadline and the caller's signal abort the request itself: the server
 * sees the connection closed, and a Worker keeps no dangling subrequest.
 * Whatever the call is waiting on (a response, a token, a wait between
 * attempts) sits in `waiting` and is rejected the moment either fires, even
 * with a custom fetch that ignores its signal. A pending call keeps a Node
 * process alive until it ends (see DEADLINES).
 */
class Scope {
  constructor(signal, ms) {
    this.ms = ms;
    this.deadline = Date.now() + ms;
    this.stopped = undefined; // 'timeout' | 'aborted'
    this.waiting = undefined; // rejects what the call awaits
    this.controller = undefined; // made for the first fetch
    this.signal = signal;
    this.watched = false; // in DEADLINES
    if (sharedTimers()) watch(this);
    else this.timer = setTimeout(() => this.stop('timeout'), ms);
    if (signal) {
      try {
        if (signal.aborted) this.stopped = 'aborted';
        else signal.addEventListener('abort', (this.onAbort = () => this.stop('aborted')), { once: true });
      } catch {
        this.stopped = 'aborted';
      }
    }
  }

  failure() {
    return this.stopped === 'timeout' ? new Failure('timeout', `no response within ${this.ms} ms`) : new Failure('aborted', 'aborted');
  }

  stop(why) {
    if (this.stopped) return;
    this.stopped = why;
    try {
      this.controller?.abort();
    } catch {}
    const reject = this.waiting;
    this.waiting = undefined;
    if (reject) reject(this.failure());
  }

  /** The signal for a fetch of this call. */
  fetchSignal() {
    if (!this.controller) {
      this.controller = IDLE.pop() ?? new AbortController();
      this.controller.uses = (this.controller.uses ?? 0) + 1;
    }
    return this.controller.signal;
  }

  /** `promise`, or a Failure as soon as the call times out or is aborted. */
  wait(promise) {
    return new Promise((resolve, reject) => {
      if (this.stopped) return reject(this.failure());
      this.waiting = reject;
      promise.then(
        (value) => {
          if (this.waiting === reject) this.waiting = undefined;
          resolve(value);
        },
        (error) => {
          if (this.waiting === reject) this.waiting = undefined;
          reject(error);
        },
      );
    });
  }

  /** Resolves after `ms`, or rejects with a Failure as soon as the call times out or is aborted. */
  sleep(ms) {
    return new Promise((resolve, reject) => {
      if (this.stopped) return reject(this.failure());
      const timer = setTimeout(() => {
        if (this.waiting === cancel) this.waiting = undefined;
        resolve();
      }, ms);
      const cancel = (failure) => {
        clearTimeout(timer);
        reject(failure);
      };
      this.waiting = cancel;
    });
  }

  end() {
    if (this.timer === undefined) unwatch(this);
    else clearTimeout(this.timer);
    // Back for reuse only when it never fired; the call's fetch is over.
    const c = this.controller;
    if (c && IDLE.length < MAX_IDLE && c.uses < MAX_USES && !c.signal.aborted) IDLE.push(c);
    if (this.onAbort) {
      try {
        this.signal.removeEventListener('abort', this.onAbort);
      } catch {}
    }
  }
}

/**
 * One HTTP exchange of `req` (a `request` from wasm): fetch, then read the
 * whole body as text. Resolves to `{ status, text, headers }`; rejects with
 * a Failure. Anything a custom fetch returns is read defensively: a getter
 * that throws or a body that never arrives ends in a typed error, never in
 * an exception inside wasm or a promise that hangs.
 */
function send(fetchFn, { url, method, body, contentType }, headers, callHeaders, token, scope) {
  return new Promise((resolve, reject) => {
    if (scope.stopped) return reject(scope.failure());
    const all = { accept: 'application/json', ...headers, ...callHeaders };
    if (contentType === MULTIPART) delete all['content-type'];
    else if (contentType) all['content-type'] = contentType;
    if (token) all.authorization = `Bearer ${token}`;
    const init = { method, headers: all, signal: scope.fetchSignal() };
    if (body !== undefined) {
      try {
        init.body = contentType === MULTIPART ? form(body) : body;
      } catch (cause) {
        return reject(new Failure('network', cause));
      }
    }
    scope.waiting = reject;
    const fail = (cause) => {
      if (scope.waiting === reject) scope.waiting = undefined;
      reject(cause instanceof Failure ? cause : scope.stopped ? scope.failure() : new Failure('network', cause));
    };
    const read = (res) => {
      try {
        const status = res.status;
        if (typeof status !== 'number' || status < 100 || status > 599 || typeof res.text !== 'function') {
          return fail(new Failure('network', 'fetch resolved to something that is not a Response'));
        }
        Promise.resolve(res.text()).then((text) => {
          if (typeof text !== 'string') return fail(new Failure('network', 'the response body is not text'));
          let h;
          try {
            h = res.headers;
          } catch {}
          if (scope.waiting === reject) scope.waiting = undefined;
          resolve({ status, text, headers: h });
        }, fail);
      } catch (cause) {
        fail(cause);
      }
    };
    try {
      Promise.resolve(fetchFn ? fetchFn(url, init) : fetch(url, init)).then(read, fail);
    } catch (cause) {
      fail(cause);
    }
  });
}

// Per client.
const MINTING = new WeakMap(); // client → the one token request in flight
const PAUSED = new WeakMap(); // client → time before which no attempt starts (a server asked)

/**
 * A token for operation `index` (a string when one is at hand, else a
 * promise); `rejected` is the one the API just refused.
 */
function token(client, index, s, rejected) {
  const step = client.__token(rejected);
  return typeof step === 'string' ? step : obtain(client, index, s, rejected, step);
}

async function obtain(client, index, s, rejected, step) {
  if (step === TokenSource.Endpoint) {
    // One token request at a time, however many calls wait for it. It has
    // its own time limit and no caller's signal: one call giving up must
    // not fail the others waiting for the same token.
    let minting = MINTING.get(client);
    if (!minting) {
      const scope = new Scope(undefined, s.timeoutMs);
      minting = send(s.fetch, client.__tokenRequest(), s.headers, undefined, undefined, scope);
      MINTING.set(client, minting);
      const done = () => {
        scope.end();
        MINTING.delete(client);
      };
      minting.then(done, done);
    }
    let answer;
    try {
      answer = await minting;
    } catch (failure) {
      throw client.__noResponse(index, failure.kind, failure.message, true);
    }
    return client.__tokenResponse(index, answer.status, answer.text, answer.headers);
  }
  let value;
  let failed = false;
  try {
    value = await s.getToken({ forceRefresh: rejected !== undefined });
  } catch (cause) {
    value = cause;
    failed = true;
  }
  return client.__sourceToken(index, value, failed, rejected);
}

/**
 * For the proxy (`idp-users/proxy`): the bearer token a call of operation
 * `index` would send now, minted and cached exactly as for the client's own
 * calls; `rejected` is a token the API just refused. Rejects with an
 * IdpUsersError (kind `auth`, or `timeout` at the client's time limit).
 */
async function bearer(client, index, rejected) {
  const s = CLIENTS.get(client);
  if (!s) throw new IdpUsersError('the client was freed', { kind: 'validation' });
  const scope = new Scope(undefined, s.timeoutMs);
  try {
    const tok = token(client, index, s, rejected);
    return typeof tok === 'string' ? tok : await scope.wait(tok);
  } catch (e) {
    throw asError(client, index, e);
  } finally {
    scope.end();
  }
}

/** An IdpUsersError for whatever an attempt threw. */
function asError(client, index, e) {
  if (e instanceof Failure) return client.__noResponse(index, e.kind, e.message, false);
  return e;
}

function plainHeaders(headers) {
  try {
    return headers && typeof headers[Symbol.iterator] === 'function' ? Object.fromEntries(headers) : {};
  } catch {
    return {};
  }
}

async function call(client, index, info, a, b, c, d, e) {
  const s = CLIENTS.get(client);
  if (!s) {
    throw new IdpUsersError('this method was called on a client that was freed, or on something that is not a client', { kind: 'validation' });
  }
  const req = client.__prepare(index, a, b, c, d, e);
  const o = req.options; // the call's options, validated (undefined when none were given)
  const scope = new Scope(o?.signal, o?.timeoutMs ?? s.timeoutMs);
  let attempts = 0; // requests sent for the operation
  let tries = 0; // failed tries, for the retry budget
  let rejected; // the token the API refused, if any
  try {
    for (;;) {
      let sent = false;
      let error;
      try {
        const until = PAUSED.get(client);
        if (until !== undefined && until > Date.now()) await scope.sleep(until - Date.now());
        let tok = s.token ?? token(client, index, s, rejected);
        if (typeof tok !== 'string') tok = await scope.wait(tok);
        if (scope.stopped) throw scope.failure();
        sent = true;
        attempts++;
        const { status, text, headers } = await send(s.fetch, req, s.headers, o?.headers, tok, scope);
        const data = client.__finish(index, status, text, headers, tok, rejected !== undefined);
        if (data === undefined) {
          rejected = tok;
          continue;
        }
        return info ? { data, status, headers: plainHeaders(headers) } : data;
      } catch (thrown) {
        error = asError(client, index, thrown);
      }
      if (!(error instanceof IdpUsersError)) throw error;
      tries++;
      const wait = scope.stopped ? -1 : client.__retryDelay(index, error, tries, sent, Math.random(), scope.deadline - Date.now(), o);
      if (wait < 0) {
        error.attempts = attempts;
        throw error;
      }
      if (typeof error.retryAfterMs === 'number') {
        // The server asked for a pause: the client's other calls honour it too.
        const until = Date.now() + wait;
        if (!(PAUSED.get(client) >= until)) PAUSED.set(client, until);
      }
      try {
        await scope.sleep(wait);
      } catch (failure) {
        const stopped = asError(client, index, failure);
        stopped.attempts = attempts;
        throw stopped;
      }
    }
  } finally {
    scope.end();
  }
}

/** `args` with the page size set to the maximum, unless the caller chose one. */
function sized(args, { arity, sizeParam: size, pageSize }) {
  const params = args[arity];
  try {
    if (size === undefined || (params != null && (typeof params !== 'object' || params[size] != null))) return args;
    const out = args.slice();
    out[arity] = { ...params, [size]: pageSize };
    return out;
  } catch {
    // An unreadable params object: sent as is, and __prepare reports it.
    return args;
  }
}

/**
 * A list call: a real promise of the first page that is also
 * async-iterable over every item of every page. The request starts on the
 * next microtask, so that `for await (… of client.getUserList())`, which
 * asks for the iterator at once, can still choose the largest page size.
 */
function paged(client, index, op, args) {
  let first;
  let firstArgs = args;
  const run = (argv) => call(client, index, false, argv[0], argv[1], argv[2], argv[3], argv[4]);
  const firstPage = () => (first ??= run(firstArgs));
  const promise = Promise.resolve().then(firstPage);
  promise[Symbol.asyncIterator] = () => {
    if (!first) firstArgs = sized(args, op);
    // The iterator reports errors itself; the promise's own copy of them is not unhandled.
    promise.catch(() => {});
    return items(client, index, op.arity, firstArgs, firstPage(), run);
  };
  return promise;
}

async function* items(client, index, arity, argv, firstPage, run) {
  let page = await firstPage;
  let params = argv[arity];
  for (;;) {
    const { items: list, param, value } = client.__nextPage(index, params, page);
    yield* list;
    if (param === undefined) return;
    params = { ...params, [param]: value };
    const next = argv.slice();
    next[arity] = params;
    page = await run(next);
  }
}

function install(cls, provider) {
  for (const key of ['free', Symbol.dispose]) if (key) Object.defineProperty(cls.prototype, key, { value: free, writable: true, configurable: true });
  Object.defineProperty(cls.prototype, '__bearer', {
    value(index, rejected) {
      return bearer(this, index, rejected);
    },
    configurable: true,
  });
  const operations = UsersApi.__operations(provider);
  // For the proxy, which sees only the public classes: their own operations
  // and routes, without the provider's number.
  Object.defineProperty(cls, '__operations', { value: () => operations.map((op) => op.name), configurable: true });
  Object.defineProperty(cls, '__route', { value: (method, path) => UsersApi.__route(provider, method, path), configurable: true });
  operations.forEach((op, index) => {
    for (const [key, info] of [
      [op.name, false],
      [`${op.name}WithHttpInfo`, true],
    ]) {
      // Five parameters: the most any operation takes (MAX_CALL_ARGS in
      // src/wasm/api.rs, checked against the tables when they compile).
      const method =
        op.paged && !info
          ? {
              [key](a, b, c, d, e) {
                return paged(this, index, op, [a, b, c, d, e]);
              },
            }[key]
          : {
              [key](a, b, c, d, e) {
                return call(this, index, info, a, b, c, d, e);
              },
            }[key];
      Object.defineProperty(cls.prototype, key, { value: method, writable: true, configurable: true });
    }
  });
}

function invalid(param, message) {
  return new IdpUsersError(`bulk: ${param} ${message}`, { kind: 'validation', operation: 'bulk', param });
}

/**
 * Runs `fn` over every item with at most `concurrency` in flight; resolves
 * to one `{ item, ok, value | error }` per item, in input order (see index.d.ts).
 */
export function bulk(items, fn, options) {
  return new Promise((resolve, reject) => {
    let list;
    let concurrency = 8;
    let signal;
    let onProgress;
    try {
      if (items === null || items === undefined || typeof items[Symbol.iterator] !== 'function') {
        return reject(invalid('items', 'must be iterable (an array, a Set, a generator...)'));
      }
      list = Array.from(items);
      if (typeof fn !== 'function') return reject(invalid('fn', 'must be a function'));
      if (options !== undefined && options !== null) {
        if (typeof options !== 'object') return reject(invalid('options', 'must be an object'));
        ({ concurrency = 8, signal, onProgress } = options);
      }
    } catch (cause) {
      return reject(invalid(list ? 'options' : 'items', `could not be read (${describe(cause)})`));
    }
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
      return reject(invalid('options.concurrency', 'must be a whole number from 1 to 64'));
    }
    if (onProgress !== undefined && typeof onProgress !== 'function') return reject(invalid('options.onProgress', 'must be a function'));
    if (signal !== undefined && (signal === null || typeof signal.addEventListener !== 'function' || typeof signal.aborted !== 'boolean')) {
      return reject(invalid('options.signal', 'must be an AbortSignal'));
    }
    const total = list.length;
    const results = new Array(total);
    const controller = new AbortController();
    let next = 0;
    let active = 0;
    let done = 0;
    let failed = 0;
    let pausedUntil = 0;
    let timer;
    const onAbort = () => {
      controller.abort();
      clearTimeout(timer);
      timer = undefined;
      pump();
    };
    const finish = () => {
      clearTimeout(timer);
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(results);
    };
    const settle = (i, result) => {
      results[i] = result;
      done++;
      if (!result.ok) failed++;
      try {
        onProgress?.({ done, failed, total });
      } catch {}
    };
    const pump = () => {
      while (active < concurrency && next < total) {
        if (controller.signal.aborted) {
          const i = next++;
          const error = new IdpUsersError("bulk: aborted by the caller's signal before this item started", { kind: 'aborted', operation: 'bulk' });
          settle(i, { item: list[i], ok: false, error });
          continue;
        }
        const wait = pausedUntil - Date.now();
        if (wait > 0) {
          timer ??= setTimeout(() => {
            timer = undefined;
            pump();
          }, wait);
          return;
        }
        const i = next++;
        const item = list[i];
        active++;
        let pending;
        try {
          pending = Promise.resolve(fn(item, { signal: controller.signal, index: i }));
        } catch (error) {
          pending = Promise.reject(error);
        }
        pending.then(
          (value) => {
            active--;
            settle(i, { item, ok: true, value });
            pump();
          },
          (error) => {
            active--;
            // Throttled: the whole run slows down, not just this item.
            const status = error && typeof error === 'object' ? error.status : undefined;
            const after = error && typeof error === 'object' ? error.retryAfterMs : undefined;
            if (status === 429 || typeof after === 'number') {
              // At most a minute: a server asking for hours is the item's failure, not the run's.
              const pause = Math.min(typeof after === 'number' ? after : 1000, 60_000);
              pausedUntil = Math.max(pausedUntil, Date.now() + pause);
            }
            settle(i, { item, ok: false, error });
            pump();
          },
        );
      }
      if (done === total) finish();
    };
    if (signal) {
      if (signal.aborted) controller.abort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    pump();
  });
}

let memory;

/** The current size of the module's wasm memory in bytes (a diagnostic for long-lived isolates). */
export function wasmMemoryBytes() {
  return memory ? memory.buffer.byteLength : 0;
}

/** Instantiates the module from bytes or a compiled module, then installs the methods. */
export function initSync(module) {
  memory = instantiate({ module }).memory;
  install(KindeUsersApi, Provider.Kinde);
  install(ClerkUsersApi, Provider.Clerk);
}
