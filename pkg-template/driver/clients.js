// The client classes and their records: each KindeUsersApi and
// ClerkUsersApi holds a wasm-bindgen UsersApi out of reach, and every method
// first checks its receiver is a live client of its class.
import { Provider, UsersApi } from 'idp-users:glue';
import { IdpUsersError } from 'idp-users:runtime';
import { NoResponse } from './scope.js';
import { headerSecrets } from './secrets.js';

/** wasm-bindgen's methods (`__prepare`, `__finish`, `free`, ...), called only by this driver. */
export const W = UsersApi.prototype;

/**
 * What wasm-bindgen's UsersApi objects are made as (Reflect.construct's
 * new.target): a frozen prototype of nothing but what its `free` calls.
 * Such an object is the only `this` wasm-bindgen's methods ever get: it
 * never leaves the driver, and no setter or Proxy up a caller's prototype
 * chain sees the pointer it stores. The public classes do not extend
 * UsersApi, so none of its methods is reachable from a client: called with
 * a forged or dangling pointer a few thousand times, they broke the
 * instance for every later call.
 */
function Holder() {}
Holder.prototype = Object.freeze(Object.assign(Object.create(null), { __destroy_into_raw: W.__destroy_into_raw }));

/** The operations of each provider (`operation` from runtime.js), by Provider number. */
export const OPS = [];
export const NAMES = ['kinde', 'clerk'];

/**
 * The clients that are alive, each with its record: its wasm-bindgen
 * object (`inner`), its provider, its settings (`{ fetch, timeoutMs,
 * headers, getToken }`, read from wasm once when the client is made), its
 * token when it was configured with one, its secrets (for the texts the
 * driver builds), and the scopes of its calls in flight (which `free` ends).
 * The record is this module's own, never handed out.
 */
export const CLIENTS = new WeakMap();

function make(client, provider, config) {
  const inner = Reflect.construct(UsersApi, [provider, config], Holder);
  // Its secrets, for the texts the driver builds: its token, or the client
  // secret its token requests carry, and its credential headers' values.
  const token = W.__fixedToken.call(inner);
  const settings = W.__settings.call(inner);
  const secrets = [token, new URLSearchParams(W.__tokenRequest.call(inner)?.body).get('client_secret'), ...headerSecrets(settings.headers)];
  CLIENTS.set(client, Object.assign({ inner, provider, scopes: new Set() }, settings, { token, secrets }));
}

/** Client for the Users endpoints of the Kinde Management API (see index.d.ts). */
export class KindeUsersApi {
  constructor(config) {
    make(this, Provider.Kinde, config);
  }
}

/** Client for the Users endpoints of the Clerk Backend API (see index.d.ts). */
export class ClerkUsersApi {
  constructor(config) {
    make(this, Provider.Clerk, config);
  }
}

/**
 * Releases a client's memory now; a second free does nothing. Its calls in
 * flight reject at once, and later calls reject, with IdpUsersErrors: none
 * reaches wasm again.
 */
export function free() {
  const rec = CLIENTS.get(this);
  if (!rec) return;
  CLIENTS.delete(this);
  // Even from a caller's getter that wasm is reading: wasm-bindgen keeps
  // the object until that method returns.
  W.free.call(rec.inner);
  for (const scope of rec.scopes) scope.stop('freed');
}

// Why a call is refused: its receiver is no live client of the method's class, or was freed during the call.
export const NOT_LIVE = 'called on no live client of its class (freed, forged, or the other provider\'s)';
export const FREED = 'the client was freed during the call';

/** The validation error of a call that cannot run on its client. */
export function refused(provider, index, why) {
  const operation = (Number.isInteger(index) && OPS[provider][index]?.name) || null;
  return new IdpUsersError(operation ? `${operation}: ${why}` : why, { kind: 'validation', provider: NAMES[provider], operation });
}

/** Throws unless `client` is alive: nothing reaches wasm with a freed client's pointer. */
export function live(client, provider, index) {
  if (!CLIENTS.has(client)) throw refused(provider, index, FREED);
}

/** The IdpUsersError for a request that got no response (a NoResponse), with a copy of what fetch threw as its `cause`. */
export function noResponse(client, rec, index, why, tokenRequest, sentToken) {
  if (!CLIENTS.has(client)) return refused(rec.provider, index, FREED);
  const error = W.__noResponse.call(rec.inner, index, why.kind, why.message, tokenRequest, sentToken);
  if (why.cause !== undefined) Object.defineProperty(error, 'cause', { value: why.cause, writable: true, configurable: true });
  return error;
}

/** An IdpUsersError for whatever an attempt threw; `sentToken` is the token its request carried, if any. */
export function asError(client, rec, index, e, sentToken) {
  // Only the driver's own values reach here: what a caller's fetch threw is a NoResponse by now.
  return e instanceof NoResponse ? noResponse(client, rec, index, e, false, sentToken) : e;
}
