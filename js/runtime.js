// The error class every idp-users failure rejects with. It lives in JS so
// that it can extend Error (stack traces, `instanceof Error`); the Rust side
// fills it through `createError`.

const FIELDS = [
  'kind', 'provider', 'operation', 'status', 'code', 'codes', 'messages',
  'longMessages', 'body', 'param', 'retryAfterMs', 'traceId',
];

export class IdpUsersError extends Error {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, 'name', { value: 'IdpUsersError', enumerable: false, configurable: true, writable: true });
    for (const key of FIELDS) this[key] = fields && key in fields ? fields[key] : null;
    if (!Array.isArray(this.codes)) this.codes = [];
    if (!Array.isArray(this.messages)) this.messages = [];
    if (!Array.isArray(this.longMessages)) this.longMessages = [];
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

/**
 * The kind of a caller's value, numbered as `Kind` in src/core/value.rs:
 * one call from wasm instead of a chain of type checks. A value whose
 * inspection throws (a revoked Proxy, say) counts as "other".
 */
export function kindOf(v) {
  try {
    switch (typeof v) {
      case 'undefined':
        return 0;
      case 'boolean':
        return 2;
      case 'number':
        return 3;
      case 'string':
        return 4;
      case 'function':
        return 8;
      case 'object':
        return v === null ? 1 : Array.isArray(v) ? 5 : v instanceof Date ? 6 : 7;
      default:
        return 9;
    }
  } catch {
    return 9;
  }
}
