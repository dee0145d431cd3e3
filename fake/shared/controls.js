// Load controls shared by every fake provider: a per-provider rate limit, a
// fraction of requests that fail with a 500, and a delay before each answer.
//
// The rate limit is a token bucket per provider on the fake clock: it holds at
// most max(1, rateLimit) requests and refills at rateLimit per second, so a
// burst of rateLimit requests passes and later ones pass at the steady rate.
// Failures are drawn from a small seeded generator, so the same randomSeed and
// the same sequence of requests fail the same requests on every run.

import { isPlainObject } from './values.js';

/** The randomSeed used when none is given. */
export const DEFAULT_RANDOM_SEED = 20260101;
/** The longest latency setTimeout can wait (2^31 - 1 ms, about 24.8 days). */
export const MAX_LATENCY_MS = 2 ** 31 - 1;

const KEYS = ['rateLimit', 'failRate', 'latencyMs', 'randomSeed'];

/** Throws a TypeError naming `where` (e.g. 'options.rateLimit') when `value` is not a valid control. */
function check(key, value, where) {
  switch (key) {
    case 'rateLimit':
      if (value === undefined || value === 0) return;
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        throw new TypeError(`${where} must be a positive number of requests per second (or 0/undefined for no limit), got ${describe(value)}`);
      }
      return;
    case 'failRate':
      if (value === undefined) return;
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw new TypeError(`${where} must be a number from 0 to 1 (the fraction of requests answered 500), got ${describe(value)}`);
      }
      return;
    case 'latencyMs':
      if (value === undefined) return;
      if (!Number.isInteger(value) || value < 0 || value > MAX_LATENCY_MS) {
        throw new TypeError(`${where} must be a whole number of milliseconds from 0 to ${MAX_LATENCY_MS}, got ${describe(value)}`);
      }
      return;
    case 'randomSeed':
      if (value === undefined) return;
      if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
        throw new TypeError(`${where} must be a whole number from 0 to 4294967295, got ${describe(value)}`);
      }
      return;
    default:
      throw new TypeError(`${where} is not a control; use ${KEYS.join(', ')}`);
  }
}

function describe(value) {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol' || typeof value === 'function') return typeof value;
  if (value !== null && typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}

/**
 * mulberry32: a 32-bit state generator, good enough to pick which requests
 * fail and cheap to seed. Returns numbers in [0, 1).
 */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The controls of one createFakeProviders(). `options` holds rateLimit,
 * failRate, latencyMs and randomSeed as given to createFakeProviders.
 */
export function createControls(clock, options) {
  for (const key of KEYS) check(key, options[key], `options.${key}`);
  let rateLimit = options.rateLimit || undefined;
  let failRate = options.failRate ?? 0;
  let latencyMs = options.latencyMs ?? 0;
  let random = seededRandom(options.randomSeed ?? DEFAULT_RANDOM_SEED);
  const buckets = new Map(); // provider name → { tokens, at }

  /** The bucket of `provider`, refilled up to now. */
  function bucket(provider) {
    const now = clock.now();
    const capacity = Math.max(1, rateLimit);
    let b = buckets.get(provider);
    if (!b) {
      b = { tokens: capacity, at: now };
      buckets.set(provider, b);
    } else if (now > b.at) {
      b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * rateLimit);
      b.at = now;
    }
    return b;
  }

  return {
    /** The delay before every answer, in milliseconds. */
    get latencyMs() {
      return latencyMs;
    },

    /**
     * Decides the fate of one request to `provider` before it touches any state:
     * `undefined` (serve it), `{ limited: true, limit, resetSeconds }` (answer 429;
     * nothing is counted against the limit) or `{ failed: true }` (answer 500).
     */
    admit(provider) {
      if (rateLimit !== undefined) {
        const b = bucket(provider);
        if (b.tokens < 1) {
          const resetSeconds = Math.max(1, Math.ceil((1 - b.tokens) / rateLimit - 1e-9));
          return { limited: true, limit: rateLimit, resetSeconds };
        }
        b.tokens -= 1;
      }
      if (failRate > 0 && random() < failRate) return { failed: true };
      return undefined;
    },

    /** Gives `provider` a full allowance again (its reset()). */
    refill(provider) {
      buckets.delete(provider);
    },

    /** Changes the controls named in `changes`; validates all of them before changing any. */
    set(changes) {
      if (!isPlainObject(changes)) {
        throw new TypeError('setControls(controls) needs an object such as { rateLimit: 10 }');
      }
      const keys = Object.keys(changes);
      for (const key of keys) check(key, changes[key], `setControls: ${key}`);
      if (keys.includes('rateLimit')) {
        rateLimit = changes.rateLimit || undefined;
        buckets.clear();
      }
      if (keys.includes('failRate')) failRate = changes.failRate ?? 0;
      if (keys.includes('latencyMs')) latencyMs = changes.latencyMs ?? 0;
      if (keys.includes('randomSeed')) random = seededRandom(changes.randomSeed ?? DEFAULT_RANDOM_SEED);
    },
  };
}

/**
 * Resolves after `ms` milliseconds, or rejects with `abort` (the signal's
 * reason) as soon as `signal` aborts; the timer is cleared then, so nothing is
 * left pending.
 */
export function delay(ms, signal, abortReason) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
