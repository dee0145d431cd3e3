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
// The .wasm exports one class, UsersApi; each KindeUsersApi and
// ClerkUsersApi holds one, made with its provider, out of reach (see
// Holder). UsersApi.__operations(provider) lists each provider's
// operations; every name becomes a method and its `...WithHttpInfo` twin
// here, which keeps the .wasm and this glue small. The paged lists
// return a promise that is also async-iterable. Their typings are in
// index.d.ts.
import { UsersApi, Provider, TokenSource, initSync as instantiate } from 'idp-users:glue';
import { IdpUsersError, failedAttempt, snapshot } from 'idp-users:runtime';

export { IdpUsersError };

/** wasm-bindgen's methods (`__prepare`, `__finish`, `free`, ...), called only by this driver. */
const W = UsersApi.prototype;

/**
 * What wasm-bindgen's UsersApi objects are made as (Reflect.construct's
 * new.target): a frozen prototype of nothing but what its `free` calls.
 * Such an object is the only `this` wasm-bindgen's methods ever get: it
 * never leaves this file, and no setter or Proxy up a caller's prototype
 * chain sees the pointer it stores. The public classes do not extend
 * UsersApi, so none of its methods is reachable from a client: called with
 * a forged or dangling pointer a few thousand times, they broke the
 * instance for every later call.
 */
function Holder() {}
Holder.prototype = Object.freeze(Object.assign(Object.create(null), { __destroy_into_raw: W.__destroy_into_raw }));

/** The operations of each provider (`operation` from runtime.js), by Provider number. */
const OPS = [];
const NAMES = ['kinde', 'clerk'];

/**
 * The clients that are alive, each with its record: its wasm-bindgen
 * object (`inner`), its provider, its settings (`{ fetch, timeoutMs,
 * headers, getToken }`, read from wasm once when the client is made), its
 * token when it was configured with one, its secrets (for the texts this
 * file builds), and the scopes of its calls in flight (which `free` ends).
 * The record is this module's own, never handed out.
 */
const CLIENTS = new WeakMap();

function make(client, provider, config) {
  const inner = Reflect.construct(UsersApi, [provider, config], Holder);
  // Its secrets, for the texts this file builds: its token, or the client
  // secret its token requests carry.
  const token = W.__fixedToken.call(inner);
  const secrets = [token, new URLSearchParams(W.__tokenRequest.call(inner)?.body).get('client_secret')];
  CLIENTS.set(client, Object.assign({ inner, provider, scopes: new Set() }, W.__settings.call(inner), { token, secrets }));
}

/** Client for the Users endpoints of the Kinde Management API (see index.d.ts). */
export class KindeUsersApi {
  constructor(config) {
    make(this, Provider.Kinde, config);
  }
}

/** Client for the Users endpoints of the Clerk Backend API (see index.d.ts). */
export class ClerkUsersApi {
  constructor(config) {
    make(this, Provider.Clerk, config);
  }
}

/**
 * Releases a client's memory now; a second free does nothing. Its calls in
 * flight reject at once, and later calls reject, with IdpUsersErrors: none
 * reaches wasm again.
 */
function free() {
  const rec = CLIENTS.get(this);
  if (!rec) return;
  CLIENTS.delete(this);
  // Even from a caller's getter that wasm is reading: wasm-bindgen keeps
  // the object until that method returns.
  W.free.call(rec.inner);
  for (const scope of rec.scopes) scope.stop('freed');
}

// Why a call is refused: its receiver is no live client of the method's class, or was freed during the call.
const NOT_LIVE = 'called on no live client of its class (freed, forged, or the other provider\'s)';
const FREED = 'the client was freed during the call';

/** The validation error of a call that cannot run on its client. */
function refused(provider, index, why) {
  const operation = (Number.isInteger(index) && OPS[provider][index]?.name) || null;
  return new IdpUsersError(operation ? `${operation}: ${why}` : why, { kind: 'validation', provider: NAMES[provider], operation });
}

/** Throws unless `client` is alive: nothing reaches wasm with a freed client's pointer. */
function live(client, provider, index) {
  if (!CLIENTS.has(client)) throw refused(provider, index, FREED);
}

/**
 * Milliseconds on a monotonic clock (every runtime the package supports
 * has `performance.now`): a wall clock stepped back or forth moves no
 * deadline.
 */
const clock = () => performance.now();

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

/** The forms a secret can take in a text: as is, JSON-escaped, percent-encoded (none under 4 characters, as in the core). */
function forms(secrets) {
  const out = [];
  for (const s of secrets) {
    if (typeof s !== 'string' || s.length < 4) continue;
    out.push(s, JSON.stringify(s).slice(1, -1));
    try {
      out.push(encodeURIComponent(s));
    } catch {}
  }
  return out;
}

/**
 * `text` cut to 1,000 characters, each of `secrets` (their forms)
 * replaced. The cut moves past any secret it would go through (so none
 * leaves a prefix behind), and the text is searched only as far as that:
 * linear, however long the text or the secrets.
 */
function scrub(text, secrets) {
  const t = String(text);
  let end = 1000;
  for (let moved = true; moved; ) {
    moved = false;
    for (const f of secrets) {
      const at = t.indexOf(f, end - f.length + 1);
      if (at >= 0 && at < end && at + f.length > end) {
        end = at + f.length;
        moved = true;
      }
    }
  }
  let out = t.slice(0, end);
  for (const f of secrets) out = out.split(f).join('[redacted]');
  return out.slice(0, 1000);
}

/**
 * A copy of a thrown value, safe to keep and show: an Error with its name,
 * message and code as text cleaned of `secrets`, and so its cause, two
 * deep (a primitive: its text). Never throws; undefined when nothing can
 * be read.
 */
function copy(v, secrets, depth = 0) {
  try {
    if (!v || (typeof v !== 'object' && typeof v !== 'function')) return scrub(v, secrets);
    let { name, message, code, cause, errors } = v;
    // Node's AggregateError of every address it tried has no message of its own.
    if (!message && Array.isArray(errors)) message = errors[0]?.message;
    const text = (x) => typeof x === 'string' && scrub(x, secrets);
    const out = new Error(text(message) || '');
    if (text(name)) out.name = text(name);
    if (text(code)) out.code = text(code);
    if (depth < 2 && cause != null) out.cause = copy(cause, secrets, depth + 1);
    return out;
  } catch {}
}

/**
 * A short description of a `copy`: `name: message`, and its cause's code
 * and message (where Node's fetch says why: `TypeError: fetch failed
 * (ECONNREFUSED: connect ECONNREFUSED ...)`).
 */
function describe(c) {
  let t = 'unknown error';
  if (typeof c === 'string') t = c;
  else if (c) {
    t = c.message ? `${c.name}: ${c.message}` : c.name;
    const inner = c.cause;
    if (inner instanceof Error) t += ` (${inner.code ? `${inner.code}: ` : ''}${inner.message})`;
  }
  return t.length > 300 ? `${t.slice(0, 300)}…` : t;
}

/**
 * Why a request got no response (network, timeout, aborted, freed); mapped
 * to an IdpUsersError by the core. `secrets`: the call's token and the
 * client's secrets, redacted from its message and from the copy of its
 * cause, before either goes anywhere.
 */
class Failure {
  constructor(kind, cause, secrets = []) {
    this.kind = kind;
    if (typeof cause === 'string') this.message = cause;
    else this.message = describe((this.cause = copy(cause, forms(secrets))));
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
  d.timer = setTimeout(fireDeadlines, Math.max(0, at - clock()));
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
  const now = clock();
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
  constructor(signal, ms, scopes) {
    this.ms = ms;
    this.deadline = clock() + ms;
    this.stopped = undefined; // 'timeout' | 'aborted' | 'freed' | 'ended'
    this.waiting = undefined; // rejects what the call awaits
    this.controller = undefined; // made for the first fetch
    this.signal = signal;
    this.watched = false; // in DEADLINES
    this.scopes = scopes; // the client's scopes in flight, which `free` stops
    scopes.add(this);
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
    const why = this.stopped;
    return new Failure(why, why === 'timeout' ? `no response within ${this.ms} ms` : why);
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

  /**
   * `promise` (one of this file's), or a Failure as soon as the call times
   * out or is aborted. Its outcome is always handled, even when the call
   * has already stopped: a token request failing later is no unhandled
   * rejection.
   */
  wait(promise) {
    return new Promise((resolve, reject) => {
      if (this.stopped) reject(this.failure());
      else this.waiting = reject;
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
    this.scopes.delete(this);
    // Ended for good: a caller's signal that kept its listener (one
    // without a working removeEventListener) must not abort the
    // controller another call reuses.
    this.stopped ??= 'ended';
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
function send(fetchFn, { url, method, body, contentType }, headers, callHeaders, token, scope, secrets) {
  return new Promise((resolve, reject) => {
    if (scope.stopped) return reject(scope.failure());
    // A Failure's text and cause are cleaned of the call's token and the client's secrets.
    const failure = (cause) => new Failure('network', cause, token ? [token, ...secrets] : secrets);
    const all = { accept: 'application/json', ...headers, ...callHeaders };
    if (contentType === MULTIPART) delete all['content-type'];
    else if (contentType) all['content-type'] = contentType;
    if (token) all.authorization = `Bearer ${token}`;
    const init = { method, headers: all, signal: scope.fetchSignal() };
    if (body !== undefined) {
      try {
        init.body = contentType === MULTIPART ? form(body) : body;
      } catch (cause) {
        return reject(failure(cause));
      }
    }
    scope.waiting = reject;
    // Whatever fetch rejects with (a revoked Proxy, say) becomes a Failure here, without a throw.
    const fail = (cause) => {
      if (scope.waiting === reject) scope.waiting = undefined;
      reject(scope.stopped ? scope.failure() : failure(cause));
    };
    const read = (res) => {
      try {
        const status = res.status;
        if (typeof status !== 'number' || !(status >= 100 && status < 600) || typeof res.text !== 'function') {
          return fail('fetch resolved to something that is not a Response');
        }
        Promise.resolve(res.text()).then((text) => {
          if (typeof text !== 'string') return fail('the response body is not text');
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
    // Whatever throws here (fetch itself, a `constructor` or own `then` of
    // what it returned) ends in `fail`.
    try {
      Promise.resolve(fetchFn ? fetchFn(url, init) : fetch(url, init)).then(read, fail);
    } catch (cause) {
      fail(cause);
    }
  });
}

// Per client.
const MINTING = new WeakMap(); // client → the one token request in flight
const PAUSED = new WeakMap(); // client → time (on `clock`) before which no attempt starts (a server asked)

/**
 * A token for operation `index` (a string when one is at hand, else a
 * promise); `rejected` is the one the API just refused.
 */
function token(client, rec, index, rejected, status) {
  live(client, rec.provider, index);
  const step = W.__token.call(rec.inner, rejected, status);
  return typeof step === 'string' ? step : obtain(client, rec, index, rejected, step);
}

async function obtain(client, rec, index, rejected, step) {
  if (step === TokenSource.Mint) {
    // One token request at a time, however many calls wait for it. It has
    // its own time limit and no caller's signal: one call giving up must
    // not fail the others waiting for the same token.
    let minting = MINTING.get(client);
    if (!minting) {
      const scope = new Scope(undefined, rec.timeoutMs, rec.scopes);
      minting = send(rec.fetch, W.__tokenRequest.call(rec.inner), rec.headers, undefined, undefined, scope, rec.secrets);
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
      throw noResponse(client, rec, index, failure, true);
    }
    live(client, rec.provider, index);
    return W.__tokenResponse.call(rec.inner, index, answer.status, answer.text, answer.headers);
  }
  let value;
  let failed = false;
  try {
    value = await rec.getToken({ forceRefresh: rejected !== undefined });
  } catch (cause) {
    value = cause;
    failed = true;
  }
  live(client, rec.provider, index);
  return W.__gotToken.call(rec.inner, index, value, failed, rejected);
}

/**
 * For the proxy (`idp-users/proxy`): the bearer token a call of operation
 * `index` would send now, minted and cached exactly as for the client's own
 * calls; `rejected` is a token the API just refused, with HTTP `status`
 * (a replacement refused with 403 comes back as itself: not re-minted
 * again). Rejects with an
 * IdpUsersError (kind `auth`, or `timeout` at the client's time limit).
 */
async function bearer(client, provider, index, rejected, status) {
  const rec = CLIENTS.get(client);
  if (
    rec?.provider !== provider ||
    !Number.isInteger(index) ||
    !OPS[provider][index] ||
    (rejected !== undefined && (typeof rejected !== 'string' || rejected.length > 65536)) ||
    (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599))
  ) {
    throw refused(provider, index, NOT_LIVE);
  }
  const scope = new Scope(undefined, rec.timeoutMs, rec.scopes);
  try {
    const tok = token(client, rec, index, rejected, status);
    return typeof tok === 'string' ? tok : await scope.wait(tok);
  } catch (e) {
    throw asError(client, rec, index, e);
  } finally {
    scope.end();
  }
}

/** The IdpUsersError for a request that got no response (a Failure), with a copy of what fetch threw as its `cause`. */
function noResponse(client, rec, index, failure, tokenRequest, sentToken) {
  if (!CLIENTS.has(client)) return refused(rec.provider, index, FREED);
  const error = W.__noResponse.call(rec.inner, index, failure.kind, failure.message, tokenRequest, sentToken);
  if (failure.cause !== undefined) Object.defineProperty(error, 'cause', { value: failure.cause, writable: true, configurable: true });
  return error;
}

/** An IdpUsersError for whatever an attempt threw; `sentToken` is the token its request carried, if any. */
function asError(client, rec, index, e, sentToken) {
  // Only this file's own values reach here: what a caller's fetch threw is a Failure by now.
  return e instanceof Failure ? noResponse(client, rec, index, e, false, sentToken) : e;
}

/** A response's headers as a plain object (at most 1,000: a custom fetch's may be any iterable). */
function plainHeaders(headers) {
  try {
    const list = [];
    for (const entry of headers) if (list.push(entry) > 1000) break;
    return Object.fromEntries(list);
  } catch {
    return {};
  }
}

async function call(client, provider, index, info, a, b, c, d, e) {
  const rec = CLIENTS.get(client);
  if (rec?.provider !== provider) {
    throw refused(provider, index, NOT_LIVE);
  }
  const req = W.__prepare.call(rec.inner, index, a, b, c, d, e);
  const o = req.options; // the call's options, validated (undefined when none were given)
  const scope = new Scope(o?.signal, o?.timeoutMs ?? rec.timeoutMs, rec.scopes);
  let attempts = 0; // requests sent for the operation
  let failures = 0; // failed attempts, for the retry budget
  let rejected; // the token the API refused, if any
  try {
    for (;;) {
      let sent = false;
      let error;
      let tok;
      try {
        // Stopped already (a signal aborted before the call): no token is asked for.
        if (scope.stopped) throw scope.failure();
        const until = PAUSED.get(client);
        if (until !== undefined && until > clock()) await scope.sleep(until - clock());
        tok = rec.token ?? token(client, rec, index, rejected);
        if (typeof tok !== 'string') tok = await scope.wait(tok);
        if (scope.stopped) throw scope.failure();
        sent = true;
        attempts++;
        const { status, text, headers } = await send(rec.fetch, req, rec.headers, o?.headers, tok, scope, rec.secrets);
        live(client, provider, index);
        const data = W.__finish.call(rec.inner, index, status, text, headers, tok, rejected !== undefined);
        if (data === undefined) {
          rejected = tok;
          continue;
        }
        return info ? { data, status, headers: plainHeaders(headers) } : data;
      } catch (thrown) {
        error = asError(client, rec, index, thrown, sent ? tok : undefined);
      }
      if (!(error instanceof IdpUsersError)) throw error;
      failures++;
      const wait = scope.stopped || !CLIENTS.has(client) ? -1 : W.__retryDelay.call(rec.inner, index, failedAttempt(error, failures, sent, Math.random(), scope.deadline - clock(), o));
      if (wait < 0) {
        error.attempts = attempts;
        throw error;
      }
      if (typeof error.retryAfterMs === 'number') {
        // The server asked for a pause: the client's other calls honour it too.
        const until = clock() + wait;
        if (!(PAUSED.get(client) >= until)) PAUSED.set(client, until);
      }
      try {
        await scope.sleep(wait);
      } catch (failure) {
        const stopped = asError(client, rec, index, failure);
        stopped.attempts = attempts;
        throw stopped;
      }
    }
  } finally {
    scope.end();
  }
}

/**
 * A list call: a real promise of the first page that is also
 * async-iterable over every item of every page. Iteration reads the
 * caller's params and options once, when it starts: every page is asked
 * for with that copy (see `snapshot` in runtime.js). The request starts on
 * the next microtask, so that `for await (… of client.getUserList())`,
 * which asks for the iterator at once, can still choose the largest page
 * size (and a page that is only awaited reads its params once, in wasm).
 */
function paged(client, provider, index, op, args) {
  const { arity, sizeParam: size, pageSize } = op;
  const raw = args[arity];
  let first;
  const run = (p) => {
    args[arity] = p;
    return call(client, provider, index, false, args[0], args[1], args[2], args[3], args[4]);
  };
  const firstPage = (p) => (first ??= run(p));
  const promise = Promise.resolve().then(() => firstPage(raw));
  promise[Symbol.asyncIterator] = () => {
    let params = snapshot(raw);
    args[arity + 1] = snapshot(args[arity + 1]);
    // The largest page, unless the caller chose a size. Only params given
    // as a plain object are added to: snapshot's copy, which is the one
    // value here other than `raw` with no prototype.
    if (!first && size !== undefined && (params == null || (params !== raw && Object.getPrototypeOf(params) === null && params[size] == null))) {
      params = { ...params, [size]: pageSize };
    }
    // The iterator reports errors itself; the promise's own copy of them is not unhandled.
    promise.catch(() => {});
    return items(client, provider, index, params, firstPage(params), run);
  };
  return promise;
}

/** The decode error that ends an iteration whose pages do not move on. */
function stuck(provider, index, why) {
  const operation = OPS[provider][index].name;
  return new IdpUsersError(`${operation}: cannot read the next page: ${why}`, { kind: 'decode', provider: NAMES[provider], operation });
}

async function* items(client, provider, index, params, firstPage, run) {
  let page = await firstPage;
  // A server cycling through cursors, or serving the same page at every
  // offset, is stopped. Cycles are found as Brent's method finds them: the
  // cursor saved at each power-of-two step is compared with every later
  // one, so any cycle is caught within about two of its laps, with one
  // cursor kept, however long the list. A page is compared by its length
  // and its first and last item with the one before.
  let saved;
  let lap = 1;
  let steps = 0;
  let previous;
  for (;;) {
    live(client, provider, index);
    const { items: list, param, value } = W.__nextPage.call(CLIENTS.get(client).inner, index, params, page);
    let ends;
    try {
      ends = list.length ? JSON.stringify([list.length, list[0], list[list.length - 1]]) : '';
    } catch {}
    if (ends && ends === previous) throw stuck(provider, index, 'the API returned the same items again');
    previous = ends;
    yield* list;
    if (param === undefined) return;
    if (value === saved) throw stuck(provider, index, 'the API returned a cursor it had given before');
    if (++steps === lap) {
      saved = value;
      lap *= 2;
      steps = 0;
    }
    params = { ...params, [param]: value };
    page = await run(params);
  }
}

function install(cls, provider) {
  for (const key of ['free', Symbol.dispose]) if (key) Object.defineProperty(cls.prototype, key, { value: free, writable: true, configurable: true });
  const operations = (OPS[provider] = UsersApi.__operations(provider));
  // For the proxy: a client's bearer token, settings and API base, through
  // the same check as every call.
  Object.defineProperty(cls.prototype, '__bearer', {
    value(index, rejected, status) {
      return bearer(this, provider, index, rejected, status);
    },
    configurable: true,
  });
  for (const key of ['__settings', '__baseUrl']) {
    Object.defineProperty(cls.prototype, key, {
      value() {
        const rec = CLIENTS.get(this);
        if (rec?.provider !== provider) throw refused(provider, -1, NOT_LIVE);
        return W[key].call(rec.inner);
      },
      configurable: true,
    });
  }
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
                return paged(this, provider, index, op, [a, b, c, d, e]);
              },
            }[key]
          : {
              [key](a, b, c, d, e) {
                return call(this, provider, index, info, a, b, c, d, e);
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
    // Every read of a caller's value below may throw (a getter, a revoked Proxy): it rejects naming the value.
    let param = 'items';
    try {
      if (items === null || items === undefined || typeof items[Symbol.iterator] !== 'function') {
        return reject(invalid('items', 'must be iterable (an array, a Set, a generator...)'));
      }
      list = Array.from(items);
      if (typeof fn !== 'function') return reject(invalid('fn', 'must be a function'));
      param = 'options';
      if (options !== undefined && options !== null) {
        if (typeof options !== 'object') return reject(invalid('options', 'must be an object'));
        ({ concurrency = 8, signal, onProgress } = options);
      }
      param = 'options.signal';
      if (signal !== undefined && (signal === null || typeof signal.addEventListener !== 'function' || typeof signal.aborted !== 'boolean')) {
        return reject(invalid('options.signal', 'must be an AbortSignal'));
      }
    } catch (cause) {
      return reject(invalid(param, `could not be read (${describe(copy(cause, []))})`));
    }
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
      return reject(invalid('options.concurrency', 'must be a whole number from 1 to 64'));
    }
    if (onProgress !== undefined && typeof onProgress !== 'function') return reject(invalid('options.onProgress', 'must be a function'));
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
      resolve(results);
      try {
        signal?.removeEventListener('abort', onAbort);
      } catch {}
    };
    const settle = (i, result) => {
      results[i] = result;
      done++;
      if (!result.ok) failed++;
      try {
        // Its result is ignored; an async onProgress that rejects is not left unhandled.
        const r = onProgress?.({ done, failed, total });
        if (r !== undefined) Promise.resolve(r).catch(() => {});
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
        const wait = pausedUntil - clock();
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
        // A promise of this file's own: what fn throws, or a `then` of its result that throws, only rejects it.
        new Promise((r) => r(fn(item, { signal: controller.signal, index: i }))).then(
          (value) => {
            active--;
            settle(i, { item, ok: true, value });
            pump();
          },
          (error) => {
            active--;
            // Throttled: the whole run slows down, not just this item.
            let status;
            let after;
            try {
              if (error && typeof error === 'object') ({ status, retryAfterMs: after } = error);
            } catch {}
            if (status === 429 || typeof after === 'number') {
              // At most a minute: a server asking for hours is the item's failure, not the run's.
              const pause = Math.min(typeof after === 'number' ? after : 1000, 60_000);
              pausedUntil = Math.max(pausedUntil, clock() + pause);
            }
            settle(i, { item, ok: false, error });
            pump();
          },
        );
      }
      if (done === total) finish();
    };
    if (signal) {
      try {
        if (signal.aborted) controller.abort();
        else signal.addEventListener('abort', onAbort, { once: true });
      } catch (cause) {
        return reject(invalid('options.signal', `could not be read (${describe(copy(cause, []))})`));
      }
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
