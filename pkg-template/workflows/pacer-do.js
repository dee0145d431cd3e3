// UsersPacer: one Durable Object per provider credential (named by a hash of
// it, never the credential) holding that credential's request budget for the
// whole account: every Workflow instance, every step and any plain Worker
// request that asks it takes a slot here before it sends. Slots are handed
// out evenly spaced at the bucket's rate (a bucket of one token, as
// idp-users/jobs' own pacer does), and a 429 reported here pauses the bucket
// for as long as the provider said (Retry-After, RateLimit-Reset,
// X-RateLimit-Reset). The state lives in the object's SQLite storage, so an
// evicted object comes back with the slots it already gave out.

import { DurableObject } from 'cloudflare:workers';
import { pauseOf } from '../jobs/pacer.js';

/** The longest pause a 429 may impose (a provider's answer is capped, as in idp-users/jobs). */
const MAX_PAUSE_MS = 60_000;
const HEADER_NAMES = ['retry-after', 'ratelimit-reset', 'x-ratelimit-reset'];

/** The Durable Object class: re-export it from the Worker and bind it (new_sqlite_classes). */
export class UsersPacer extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec('CREATE TABLE IF NOT EXISTS bucket (id INTEGER PRIMARY KEY CHECK (id = 1), next_at REAL NOT NULL, paused_until REAL NOT NULL, requests INTEGER NOT NULL, throttled INTEGER NOT NULL, paused_ms REAL NOT NULL)');
    this.sql.exec('INSERT OR IGNORE INTO bucket VALUES (1, 0, 0, 0, 0, 0)');
  }

  #row() {
    return this.sql.exec('SELECT next_at, paused_until, requests, throttled, paused_ms FROM bucket WHERE id = 1').one();
  }

  /**
   * Reserves the next slot at `rate` requests per second: resolves to
   * `{ waitMs }`, how long the caller waits before it sends (0: now).
   */
  reserve(rate) {
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) throw new TypeError('UsersPacer.reserve: rate must be a number of requests per second above 0');
    const now = Date.now();
    const row = this.#row();
    const at = Math.max(now, row.next_at, row.paused_until);
    this.sql.exec('UPDATE bucket SET next_at = ?, requests = requests + 1 WHERE id = 1', at + 1000 / rate);
    return { waitMs: Math.ceil(at - now) };
  }

  /**
   * A 429 answered to a request of this credential: `headers` holds its
   * retry-after / ratelimit-reset / x-ratelimit-reset values (others are
   * ignored). No slot is given out before the pause it asks for ends.
   * Resolves to `{ pausedMs }`.
   */
  report429(headers = {}) {
    const picked = new Headers();
    for (const name of HEADER_NAMES) {
      const v = headers?.[name];
      if (typeof v === 'string' && v.length < 100) picked.set(name, v);
    }
    const now = Date.now();
    const wait = Math.min(Math.max(0, pauseOf(picked, now)), MAX_PAUSE_MS);
    const row = this.#row();
    const until = now + wait;
    const added = Math.max(0, until - Math.max(row.paused_until, row.next_at, now));
    this.sql.exec('UPDATE bucket SET paused_until = MAX(paused_until, ?), throttled = throttled + 1, paused_ms = paused_ms + ? WHERE id = 1', until, added);
    return { pausedMs: wait };
  }

  /** `{ requests, throttled, pausedMs, nextAt }`: slots given out, 429s reported, time paused. */
  stats() {
    const row = this.#row();
    return { requests: row.requests, throttled: row.throttled, pausedMs: Math.round(row.paused_ms), nextAt: Math.max(row.next_at, row.paused_until) };
  }
}

/** Hex SHA-256 of `text`. */
async function sha256(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The name of a credential's pacer: `<provider>:<sha256>` of what identifies
 * the budget (Kinde: domain and client id; Clerk: the secret key and base
 * URL). The credential itself never leaves the Worker.
 */
export async function pacerName(provider, config) {
  if (provider === 'kinde') return `kinde:${await sha256(`kinde\n${config?.domain ?? ''}\n${config?.clientId ?? config?.accessToken ?? ''}`)}`;
  return `clerk:${await sha256(`clerk\n${config?.baseUrl ?? ''}\n${config?.secretKey ?? ''}`)}`;
}

const sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener?.('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

/**
 * A fetch that takes a slot from the pacer `stub` (a UsersPacer stub)
 * before every request and reports every 429 to it. `fetchFn` defaults to
 * the global fetch; `rate` is the credential's requests per second.
 */
export function pacedFetch(stub, rate, fetchFn = (input, init) => fetch(input, init)) {
  return async function paced(input, init) {
    const { waitMs } = await stub.reserve(rate);
    await sleep(waitMs, init?.signal);
    const res = await fetchFn(input, init);
    if (res.status === 429) {
      const headers = {};
      for (const name of HEADER_NAMES) {
        const v = res.headers.get(name);
        if (v !== null) headers[name] = v;
      }
      await stub.report429(headers);
    }
    return res;
  };
}
