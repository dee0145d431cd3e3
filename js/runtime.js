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

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Why a request produced no response: read by the Rust side. */
class Failure {
  constructor(kind, cause) {
    this.kind = kind;
    this.message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  }
}

/**
 * One HTTP exchange: fetch, then read the whole body as text. Resolves to
 * [status, text, headers]; rejects with a Failure of kind "aborted" (the
 * caller's signal), "timeout" (the time limit) or "network".
 *
 * The time limit is a timer raced against the exchange, not an AbortSignal:
 * a signal on every request is costly in Node's fetch, and the caller's own
 * signal (passed to fetch as is) remains the way to cancel a request. At the
 * limit the promise rejects at once and the late response is dropped. The
 * timer keeps a Node process alive while a request is pending (a hung request
 * ends in a timeout error, not a silent exit) and is cleared as soon as the
 * exchange settles (it never delays exit).
 */
export function send(fetchFn, url, method, headers, callHeaders, authorization, contentType, body, ms, signal) {
  const all = { accept: 'application/json', ...headers, ...callHeaders };
  if (contentType) all['content-type'] = contentType;
  if (authorization) all.authorization = authorization;
  const init = { method: METHODS[method], headers: all };
  if (body !== undefined) init.body = body;
  if (signal) init.signal = signal;
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Failure('timeout', `no response within ${ms} ms`)), ms);
  });
  let pending;
  try {
    pending = Promise.resolve(fetchFn ? fetchFn(url, init) : fetch(url, init));
  } catch (cause) {
    pending = Promise.reject(cause);
  }
  const exchange = pending.then((res) => {
    const status = res && res.status;
    if (typeof status !== 'number' || status < 100 || status > 599 || typeof res.text !== 'function') {
      throw new Failure('network', 'fetch resolved to something that is not a Response');
    }
    return Promise.resolve(res.text()).then((text) => {
      if (typeof text !== 'string') throw new Failure('network', 'the response body is not text');
      return [status, text, res.headers];
    });
  });
  return Promise.race([exchange, deadline])
    .catch((cause) => {
      if (cause instanceof Failure) throw cause;
      throw new Failure(signal && signal.aborted ? 'aborted' : 'network', cause);
    })
    .finally(() => clearTimeout(timer));
}
