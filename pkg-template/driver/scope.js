// The scope of one call: its deadline and cancellation (the caller's
// signal, the client's free), the AbortController its fetches get, and the
// deadline timers shared by the calls in flight. A call that stops gets a
// NoResponse, which the core maps to an IdpUsersError.
import { copy, describe, forms } from './secrets.js';

/**
 * Milliseconds on a monotonic clock (every runtime the package supports
 * has `performance.now`): a wall clock stepped back or forth moves no
 * deadline.
 */
export const clock = () => performance.now();

/**
 * Why a request got no response (network, timeout, aborted, freed); mapped
 * to an IdpUsersError by the core. `secrets`: the call's token and the
 * client's secrets, redacted from its message and from the copy of its
 * cause, before either goes anywhere.
 */
export class NoResponse {
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

/** A scope's own deadline timer fired (where each call has its own: see DEADLINES). */
function timeOut(scope) {
  scope.stop('timeout');
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
export class Scope {
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
    else this.timer = setTimeout(timeOut, ms, this); // no closure made per call
    if (signal) {
      try {
        if (signal.aborted) this.stopped = 'aborted';
        else signal.addEventListener('abort', (this.onAbort = () => this.stop('aborted')), { once: true });
      } catch {
        this.stopped = 'aborted';
      }
    }
  }

  noResponse() {
    const why = this.stopped;
    return new NoResponse(why, why === 'timeout' ? `no response within ${this.ms} ms` : why);
  }

  stop(why) {
    if (this.stopped) return;
    this.stopped = why;
    try {
      this.controller?.abort();
    } catch {}
    const reject = this.waiting;
    this.waiting = undefined;
    if (reject) reject(this.noResponse());
  }

  /** The signal for a fetch of this call. */
  fetchSignal() {
    let c = this.controller;
    if (!c) {
      // Uses are counted only where controllers are reused: an own
      // property added to a host object costs a Worker every call.
      if (MAX_IDLE === 0) c = new AbortController();
      else (c = IDLE.pop() ?? new AbortController()).uses = (c.uses ?? 0) + 1;
      this.controller = c;
    }
    return c.signal;
  }

  /**
   * `promise` (one of the driver's), or a NoResponse as soon as the call times
   * out or is aborted. Its outcome is always handled, even when the call
   * has already stopped: a token request failing later is no unhandled
   * rejection.
   */
  wait(promise) {
    return new Promise((resolve, reject) => {
      if (this.stopped) reject(this.noResponse());
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

  /** Resolves after `ms`, or rejects with a NoResponse as soon as the call times out or is aborted. */
  sleep(ms) {
    return new Promise((resolve, reject) => {
      if (this.stopped) return reject(this.noResponse());
      const timer = setTimeout(() => {
        if (this.waiting === cancel) this.waiting = undefined;
        resolve();
      }, ms);
      const cancel = (why) => {
        clearTimeout(timer);
        reject(why);
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
