// The error class every idp-users failure rejects with. It lives in JS so
// that it can extend Error (stack traces, `instanceof Error`); the Rust side
// fills it through `createError`.

const FIELDS = [
  'kind', 'provider', 'operation', 'status', 'code', 'codes', 'messages',
  'longMessages', 'body', 'param', 'retryAfterMs', 'traceId', 'attempts',
];

export class IdpUsersError extends Error {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, 'name', { value: 'IdpUsersError', enumerable: false, configurable: true, writable: true });
    for (const key of FIELDS) this[key] = fields && key in fields ? fields[key] : null;
    if (!Array.isArray(this.codes)) this.codes = [];
    if (!Array.isArray(this.messages)) this.messages = [];
    if (!Array.isArray(this.longMessages)) this.longMessages = [];
    if (typeof this.attempts !== 'number') this.attempts = 0;
  }

  toJSON() {
    const out = { name: this.name, message: this.message };
    for (const key of FIELDS) out[key] = this[key];
    return out;
  }
}

export function createError(message, kind, provider, operation, status, codes, messages, longMessages, body, param, retryAfterMs, traceId) {
  return new IdpUsersError(message, {
    kind, provider, operation, status, code: codes.length > 0 ? codes[0] : null, codes, messages,
    longMessages, body, param, retryAfterMs, traceId,
  });
}

// Every function below reads a value that came from a caller or a server
// and may run its code (getters, Proxy traps, toJSON). Each catches what
// that code throws, so no exception ever unwinds through wasm frames (which
// would leak the module's stack), and each checks sizes before wasm copies
// anything.

/**
 * The kind of a caller's value, numbered as `Kind` in src/core/value.rs:
 * one call from wasm instead of a chain of type checks. Strings longer than
 * `maxText` and arrays longer than `maxItems` get kinds of their own (10,
 * 11), so they are refused before wasm copies or allocates anything. A value
 * whose inspection throws (a revoked Proxy, say) counts as "other".
 */
export function kindOf(v, maxText, maxItems) {
  if (v === UNREADABLE) return 12;
  try {
    switch (typeof v) {
      case 'undefined':
        return 0;
      case 'boolean':
        return 2;
      case 'number':
        return 3;
      case 'string':
        return v.length > maxText ? 10 : 4;
      case 'function':
        return 8;
      case 'object':
        if (v === null) return 1;
        if (Array.isArray(v)) return v.length > maxItems ? 11 : 5;
        return v instanceof Date ? 6 : 7;
      default:
        return 9;
    }
  } catch {
    return 9;
  }
}

/** What `propOf` gives for a property whose read threw: its own kind (12), so it is refused, never taken for "absent". */
const UNREADABLE = Object.freeze({});

/** `v[key]`, or the UNREADABLE marker when the read throws (a getter, a Proxy trap). */
export function propOf(v, key) {
  try {
    return v[key];
  } catch {
    return UNREADABLE;
  }
}

/**
 * An object's own enumerable keys, or -1 when listing them throws, or -2
 * when there are more than `maxKeys` or one is longer than `maxKeyLen`.
 */
export function keysOf(v, maxKeys, maxKeyLen) {
  try {
    if (typeof v !== 'object' || v === null) return [];
    const keys = Object.keys(v);
    if (keys.length > maxKeys) return -2;
    for (const k of keys) if (k.length > maxKeyLen) return -2;
    return keys;
  } catch {
    return -1;
  }
}

/** Element `i` of an array, or undefined when reading it throws. */
export function itemOf(v, i) {
  try {
    return v[i];
  } catch {
    return undefined;
  }
}

/** The length of an array (0 when unreadable or not a valid length). */
export function lengthOf(v) {
  try {
    const n = v.length;
    return typeof n === 'number' && n >= 0 && n <= 4294967295 ? Math.floor(n) : 0;
  } catch {
    return 0;
  }
}

/**
 * The time of a Date, read through the built-in getter: a Date that
 * overrides `getTime` or `valueOf` cannot lie or throw its way in. NaN for
 * anything that is not a real Date.
 */
export function dateMs(v) {
  try {
    return Date.prototype.getTime.call(v);
  } catch {
    return NaN;
  }
}

/** The ISO 8601 form of a valid Date (built-in method), else undefined. */
export function dateIso(v) {
  try {
    return Date.prototype.toISOString.call(v);
  } catch {
    return undefined;
  }
}

/** The byte size of a Blob, ArrayBuffer or typed array; -1 for anything else. */
export function byteSize(v) {
  try {
    if (typeof Blob === 'function' && v instanceof Blob) return typeof v.size === 'number' ? v.size : -1;
    if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return v.byteLength;
  } catch {}
  return -1;
}

/** JSON.stringify(v) when it succeeds within `max` characters, else undefined. */
export function toJson(v, max) {
  try {
    const s = JSON.stringify(v);
    return typeof s === 'string' && s.length <= max ? s : undefined;
  } catch {
    return undefined;
  }
}
