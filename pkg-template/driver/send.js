// One HTTP exchange: the request wasm built (and an upload's form) sent
// with the call's signal, the whole body read as text, defensively.
import { NoResponse } from './scope.js';
import { headerSecrets } from './secrets.js';

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

/**
 * A response's headers, or undefined when reading them throws. Read only
 * when something needs them (an answer other than a success, a call
 * WithHttpInfo): in a Worker each read makes a Headers object.
 */
export function headersOf(res) {
  try {
    return res.headers;
  } catch {}
}

/** A response's headers as a plain object (at most 1,000: a custom fetch's may be any iterable). */
export function plainHeaders(headers) {
  try {
    const list = [];
    for (const entry of headers) if (list.push(entry) > 1000) break;
    return Object.fromEntries(list);
  } catch {
    return {};
  }
}

/**
 * One HTTP exchange of `req` (a `request` from wasm): fetch, then read the
 * whole body as text. Resolves to `{ status, text, res }` (its headers are
 * read only when needed: see `headersOf`); rejects with
 * a NoResponse. Anything a custom fetch returns is read defensively: a getter
 * that throws or a body that never arrives ends in a typed error, never in
 * an exception inside wasm or a promise that hangs.
 */
export function send(fetchFn, { url, method, body, contentType }, headers, callHeaders, token, scope, secrets) {
  return new Promise((resolve, reject) => {
    if (scope.stopped) return reject(scope.noResponse());
    // Whatever fails (fetch rejecting with a revoked Proxy, say) becomes a
    // NoResponse here, without a throw; its text and cause are cleaned of
    // the call's token, the client's secrets and the values of the call's
    // own credential headers.
    const fail = (cause) => {
      if (scope.waiting === reject) scope.waiting = undefined;
      reject(scope.stopped ? scope.noResponse() : new NoResponse('network', cause, [token, ...secrets, ...headerSecrets(callHeaders)]));
    };
    const all = { accept: 'application/json', ...headers, ...callHeaders };
    if (contentType === MULTIPART) delete all['content-type'];
    else if (contentType) all['content-type'] = contentType;
    if (token) all.authorization = `Bearer ${token}`;
    const init = { method, headers: all, signal: scope.fetchSignal() };
    if (body !== undefined) {
      try {
        init.body = contentType === MULTIPART ? form(body) : body;
      } catch (cause) {
        return fail(cause);
      }
    }
    scope.waiting = reject;
    // Whatever throws here (fetch itself, a `constructor` or own `then` of
    // what it returned, a getter of the response) ends in `fail`.
    try {
      Promise.resolve(fetchFn ? fetchFn(url, init) : fetch(url, init)).then((res) => {
        try {
          const status = res.status;
          if (typeof status !== 'number' || !(status >= 100 && status < 600) || typeof res.text !== 'function') {
            return fail('fetch resolved to something that is not a Response');
          }
          Promise.resolve(res.text()).then((text) => {
            if (typeof text !== 'string') return fail('the response body is not text');
            if (scope.waiting === reject) scope.waiting = undefined;
            resolve({ status, text, res });
          }, fail);
        } catch (cause) {
          fail(cause);
        }
      }, fail);
    } catch (cause) {
      fail(cause);
    }
  });
}
