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
import { UsersApi, Provider, initSync as instantiate } from 'idp-users:glue';
import { IdpUsersError } from 'idp-users:runtime';
import { CLIENTS, ClerkUsersApi, KindeUsersApi, NOT_LIVE, OPS, W, free, refused } from './driver/clients.js';
import { call } from './driver/call.js';
import { paged } from './driver/paging.js';
import { bearer } from './driver/token.js';
import { bulk } from './driver/bulk.js';

export { IdpUsersError, KindeUsersApi, ClerkUsersApi, bulk };

/** Instantiates the module from bytes or a compiled module, then installs the methods. */
export function initSync(module) {
  memory = instantiate({ module }).memory;
  install(KindeUsersApi, Provider.Kinde);
  install(ClerkUsersApi, Provider.Clerk);
}

let memory;

/** The current size of the module's wasm memory in bytes (a diagnostic for long-lived isolates). */
export function wasmMemoryBytes() {
  return memory ? memory.buffer.byteLength : 0;
}

function install(cls, provider) {
  for (const key of ['free', Symbol.dispose]) if (key) Object.defineProperty(cls.prototype, key, { value: free, writable: true, configurable: true });
  const operations = (OPS[provider] = UsersApi.__operations(provider));
  // For the proxy: a client's bearer token, settings and API base, through
  // the same check as every call.
  Object.defineProperty(cls.prototype, '__bearer', {
    value(index, rejected, status) {
      return bearer(this, provider, index, rejected, status);
    },
    configurable: true,
  });
  for (const key of ['__settings', '__baseUrl']) {
    Object.defineProperty(cls.prototype, key, {
      value() {
        const rec = CLIENTS.get(this);
        if (rec?.provider !== provider) throw refused(provider, -1, NOT_LIVE);
        return W[key].call(rec.inner);
      },
      configurable: true,
    });
  }
  // For the proxy, which sees only the public classes: their own operations
  // and routes, without the provider's number.
  Object.defineProperty(cls, '__operations', { value: () => operations.map((op) => op.name), configurable: true });
  Object.defineProperty(cls, '__route', { value: (method, path) => UsersApi.__route(provider, method, path), configurable: true });
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
