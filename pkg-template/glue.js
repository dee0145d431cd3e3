// The package's JS half: it owns every promise, and the Rust core (the
// wasm-bindgen glue imported below) makes every decision. The build bundles
// this file into dist/wasm/idp_users.js and .cjs, resolving the two aliased
// imports to the wasm-pack output.
//
// A call runs: __prepare (validate; throws, so the promise rejects before
// anything is sent) → a token (__token says which way) → send → __finish
// (the data, an IdpUsersError, or "retry once with a new token").
//
// The .wasm exports one class, Client; KindeUsersApi and ClerkUsersApi
// extend it with their provider. Client.__operations(provider) lists each
// one's operations; every name becomes a method and its `...WithHttpInfo`
// twin here, which keeps the .wasm and this glue small.
// Their typings are in index.d.ts.
import { Client, initSync as instantiate } from 'idp-users:glue';

export { IdpUsersError } from 'idp-users:runtime';

const KINDE = 0;
const CLERK = 1;

/** Client for the Users endpoints of the Kinde Management API (see index.d.ts). */
export class KindeUsersApi extends Client {
  constructor(config) {
    super(KINDE, config);
  }
}

/** Client for the Users endpoints of the Clerk Backend API (see index.d.ts). */
export class ClerkUsersApi extends Client {
  constructor(config) {
    super(CLERK, config);
  }
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const MINT = 1;
const MULTIPART = 'multipart/form-data';

// Image types recognised from their first bytes, for uploads given as bytes.
const SIGNATURES = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47], 'png'],
  ['image/jpeg', [0xff, 0xd8, 0xff], 'jpg'],
  ['image/gif', [0x47, 0x49, 0x46, 0x38], 'gif'],
  ['image/webp', [0x52, 0x49, 0x46, 0x46], 'webp'],
];

/**
 * The form of an upload: `[partName, file]`, the file already checked by the
 * core to be a Blob/File or bytes. Bytes become a Blob typed from their
 * signature; a nameless Blob gets a file name from its type. fetch writes the
 * multipart boundary itself.
 */
function form([name, file]) {
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

/** Why a request got no response; mapped to an IdpUsersError by the core. */
class Failure {
  constructor(kind, cause) {
    this.kind = kind;
    this.message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  }
}

/**
 * One HTTP exchange: fetch, then read the whole body as text. Resolves to
 * [status, text, headers]; rejects with a Failure.
 *
 * The time limit is a timer raced against the exchange, not an AbortSignal:
 * a signal on every request is costly in Node's fetch, and the caller's own
 * signal (passed to fetch as is) remains the way to cancel a request. At the
 * limit the promise rejects at once and the late response is dropped. The
 * timer keeps a Node process alive while a request is pending (a hung request
 * ends in a timeout error, not a silent exit) and is cleared as soon as the
 * exchange settles (it never delays exit).
 */
function send(fetchFn, [url, method, body, contentType], headers, callHeaders, token, ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) return reject(new Failure('aborted', 'aborted'));
    const all = { accept: 'application/json', ...headers, ...callHeaders };
    if (contentType === MULTIPART) delete all['content-type'];
    else if (contentType) all['content-type'] = contentType;
    if (token) all.authorization = `Bearer ${token}`;
    const init = { method: METHODS[method], headers: all };
    if (body !== undefined) {
      try {
        init.body = contentType === MULTIPART ? form(body) : body;
      } catch (cause) {
        return reject(new Failure('network', cause));
      }
    }
    if (signal) init.signal = signal;
    const timer = setTimeout(() => reject(new Failure('timeout', `no response within ${ms} ms`)), ms);
    const fail = (cause) => {
      clearTimeout(timer);
      reject(cause instanceof Failure ? cause : new Failure(signal && signal.aborted ? 'aborted' : 'network', cause));
    };
    const read = (res) => {
      const status = res && res.status;
      if (typeof status !== 'number' || status < 100 || status > 599 || typeof res.text !== 'function') {
        return fail(new Failure('network', 'fetch resolved to something that is not a Response'));
      }
      Promise.resolve(res.text()).then((text) => {
        if (typeof text !== 'string') return fail(new Failure('network', 'the response body is not text'));
        clearTimeout(timer);
        resolve([status, text, res.headers]);
      }, fail);
    };
    try {
      Promise.resolve(fetchFn ? fetchFn(url, init) : fetch(url, init)).then(read, fail);
    } catch (cause) {
      fail(cause);
    }
  });
}

const SETTINGS = new WeakMap(); // client → [fetch, timeoutMs, headers, getToken]
const MINTING = new WeakMap(); // client → the one token request in flight

function settings(client) {
  let s = SETTINGS.get(client);
  if (!s) SETTINGS.set(client, (s = client.__settings()));
  return s;
}

/**
 * A token for operation `index` (a string when one is at hand, else a
 * promise); `rejected` is the one the API just refused.
 */
function token(client, index, s, rejected) {
  const step = client.__token(rejected);
  return typeof step === 'string' ? step : obtain(client, index, s, rejected, step);
}

async function obtain(client, index, s, rejected, step) {
  if (step === MINT) {
    // One token request at a time, however many calls wait for it.
    let minting = MINTING.get(client);
    if (!minting) {
      minting = send(s[0], client.__tokenRequest(), s[2], undefined, undefined, s[1], undefined);
      MINTING.set(client, minting);
      minting.then(
        () => MINTING.delete(client),
        () => MINTING.delete(client),
      );
    }
    let answer;
    try {
      answer = await minting;
    } catch (failure) {
      throw client.__noResponse(index, failure.kind, failure.message, true);
    }
    return client.__tokenResponse(index, answer[0], answer[1], answer[2]);
  }
  let value;
  let failed = false;
  try {
    value = await s[3]({ forceRefresh: rejected !== undefined });
  } catch (cause) {
    value = cause;
    failed = true;
  }
  return client.__sourceToken(index, value, failed);
}

async function exchange(client, index, s, req, tok) {
  const [signal, callHeaders, ms] = req[4] || [];
  try {
    return await send(s[0], req, s[2], callHeaders, tok, ms === undefined ? s[1] : ms, signal);
  } catch (failure) {
    throw client.__noResponse(index, failure.kind, failure.message, false);
  }
}

async function call(client, index, info, a, b, c, d, e) {
  const req = client.__prepare(index, a, b, c, d, e);
  const s = settings(client);
  let tok = token(client, index, s, undefined);
  if (typeof tok !== 'string') tok = await tok;
  let [status, text, headers] = await exchange(client, index, s, req, tok);
  let data = client.__finish(index, status, text, headers, tok, false);
  if (data === undefined) {
    tok = await token(client, index, s, tok);
    [status, text, headers] = await exchange(client, index, s, req, tok);
    data = client.__finish(index, status, text, headers, tok, true);
  }
  if (!info) return data;
  const iterable = headers && typeof headers[Symbol.iterator] === 'function';
  return { data, status, headers: iterable ? Object.fromEntries(headers) : {} };
}

function install(cls, provider) {
  Client.__operations(provider).forEach((name, index) => {
    for (const [key, info] of [
      [name, false],
      [`${name}WithHttpInfo`, true],
    ]) {
      const method = {
        [key](a, b, c, d, e) {
          return call(this, index, info, a, b, c, d, e);
        },
      }[key];
      Object.defineProperty(cls.prototype, key, { value: method, writable: true, configurable: true });
    }
  });
}

/** Instantiates the module from bytes or a compiled module, then installs the methods. */
export function initSync(module) {
  instantiate({ module });
  install(KindeUsersApi, KINDE);
  install(ClerkUsersApi, CLERK);
}
