// The package's JS half, the driver: it owns every promise, timer and
// fetch, and the Rust core (the wasm-bindgen glue, 'idp-users:glue') makes
// every decision. The build bundles this file and driver/*.js into
// dist/wasm/idp_users.js and .cjs, resolving the two aliased imports to the
// wasm-pack output.
//
// A call, top to bottom (`client.getUserList(params)`):
//   install (here)        every operation name becomes a method and its
//                         `...WithHttpInfo` twin; paged lists go through
//   driver/paging.js      paged: a promise of the first page, async-iterable
//                         over every item (items, stuck)
//   driver/call.js        call: the receiver check, __prepare (validate;
//                         throws, so the promise rejects before anything is
//                         sent), then attempts: a token, send, __finish (the
//                         data, an IdpUsersError, or "refresh the token
//                         once"); a failed attempt asks __retryDelay whether
//                         and when to retry, and waits
//   driver/token.js       a token that is not fixed: __token says which way
//                         (mint at the token endpoint, or getToken)
//   driver/scope.js       the call's deadline and cancellation (Scope,
//                         NoResponse, the shared deadline timer)
//   driver/send.js        one HTTP exchange (fetch, the body as text)
//   driver/clients.js     the client classes, their records and the receiver
//                         checks (refused, live), the errors of no response
//   driver/secrets.js     redaction of what a caller's fetch threw
//   driver/bulk.js        `bulk` (independent of the clients)
//
// What crosses between wasm and the driver is named once: the numbers passed
// in are wasm-exported enums (Provider, TokenSource), and every object wasm
// hands back is built by a function of runtime.js (`request`, `settings`,
// `callOptions`, `operation`, `page`), read here by field name. See
// src/wasm/protocol.rs.
//
// The .wasm exports one class, UsersApi; each KindeUsersApi and
// ClerkUsersApi holds one, made with its provider, out of reach (see
// Holder in driver/clients.js). UsersApi.__operations(provider) lists each
// provider's operations; every name becomes a method and its
// `...WithHttpInfo` twin here, which keeps the .wasm and this glue small.
// Their typings are in index.d.ts.
//
// What a Worker that only calls a client does not use stays out of its
// bundle: `bulk` and `__proxy` (the proxy's hooks) are exports nothing else
// here refers to, and a provider's entry starts with initKinde or
// initClerk, which name one class only. Bundlers drop what no import
// reaches.
import { UsersApi, Provider, initSync as instantiate } from 'idp-users:glue';
import { IdpUsersError } from 'idp-users:runtime';
import { CLIENTS, ClerkUsersApi, KindeUsersApi, NOT_LIVE, OPS, W, free, refused } from './driver/clients.js';
import { call } from './driver/call.js';
import { paged } from './driver/paging.js';
import { bearer } from './driver/token.js';
import { bulk } from './driver/bulk.js';
import { headerSecrets } from './driver/secrets.js';

export { IdpUsersError, KindeUsersApi, ClerkUsersApi, bulk };

/**
 * Instantiates the module from bytes or a compiled module, then installs
 * the methods of both classes (the root entry). A provider's entry calls
 * initKinde or initClerk instead, so that its bundle holds no other class.
 */
export function initSync(module) {
  start(module);
  install(KindeUsersApi, Provider.Kinde, 'KindeUsersApi');
  install(ClerkUsersApi, Provider.Clerk, 'ClerkUsersApi');
}

/** initSync for idp-users/kinde: KindeUsersApi alone. */
export function initKinde(module) {
  start(module);
  install(KindeUsersApi, Provider.Kinde, 'KindeUsersApi');
}

/** initSync for idp-users/clerk: ClerkUsersApi alone. */
export function initClerk(module) {
  start(module);
  install(ClerkUsersApi, Provider.Clerk, 'ClerkUsersApi');
}

let memory;

function start(module) {
  memory = instantiate({ module }).memory;
  // The build minifies identifiers: the public classes keep their names.
  Object.defineProperty(IdpUsersError, 'name', { value: 'IdpUsersError' });
}

/** The current size of the module's wasm memory in bytes (a diagnostic for long-lived isolates). */
export function wasmMemoryBytes() {
  return memory ? memory.buffer.byteLength : 0;
}

/** The provider number of a client class (what the proxy passes in). */
function providerOf(Api) {
  if (Api === KindeUsersApi) return Provider.Kinde;
  if (Api === ClerkUsersApi) return Provider.Clerk;
  throw new TypeError('not a client class of this entry');
}

/** What only idp-users/proxy reads of a client, through the same receiver check as every call. */
function internal(Api, client, key) {
  const provider = providerOf(Api);
  const rec = CLIENTS.get(client);
  if (rec?.provider !== provider) throw refused(provider, -1, NOT_LIVE);
  return W[key].call(rec.inner);
}

/**
 * For idp-users/proxy, and nothing else: a client's bearer token, settings
 * and API base, and a class's router. Only the root entry exports it, and
 * an app that does not import the proxy never refers to it, so bundlers
 * leave it (and the bearer logic of driver/token.js) out.
 */
export const __proxy = {
  /** The bearer token a call of operation `index` would send now (see `bearer` in driver/token.js). */
  bearer: (Api, client, index, rejected, status) => bearer(client, providerOf(Api), index, rejected, status),
  /** The client's settings (`{ fetch, timeoutMs, headers, getToken }`). */
  settings: (Api, client) => internal(Api, client, '__settings'),
  /** The API base URL the client's requests go to. */
  baseUrl: (Api, client) => internal(Api, client, '__baseUrl'),
  /** The index of the operation that serves `method` `path`, or undefined. */
  route: (Api, method, path) => UsersApi.__route(providerOf(Api), method, path),
  /** The values of the credential headers among `headers` (the one rule of driver/secrets.js). */
  headerSecrets,
};

function install(cls, provider, name) {
  Object.defineProperty(cls, 'name', { value: name });
  for (const key of ['free', Symbol.dispose]) if (key) Object.defineProperty(cls.prototype, key, { value: free, writable: true, configurable: true });
  const operations = (OPS[provider] = UsersApi.__operations(provider));
  // Each class's method names, in operation order (for the proxy's allow
  // list and the jobs' checks), without the provider's number.
  Object.defineProperty(cls, '__operations', { value: () => operations.map((op) => op.name), configurable: true });
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
