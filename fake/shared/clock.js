// The fake's clock: a base clock (Date.now unless the caller injects one)
// plus an offset that tests move forward with advanceTime().

import { toHex } from './bytes.js';

export function createClock(now = Date.now) {
  if (typeof now !== 'function') throw new TypeError('options.now must be a function returning milliseconds');
  let offset = 0;
  return {
    /** Current fake time in milliseconds since the epoch. */
    now() {
      return now() + offset;
    },
    /** Current fake time as an ISO 8601 string. */
    iso() {
      return new Date(now() + offset).toISOString();
    },
    advance(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new TypeError('advanceTime(ms) needs a finite, non-negative number of milliseconds');
      }
      offset += ms;
    },
  };
}

/** `prefix` followed by `bytes` random bytes in hex (crypto.getRandomValues). */
export function randomToken(prefix, bytes = 24) {
  return prefix + toHex(crypto.getRandomValues(new Uint8Array(bytes)));
}
