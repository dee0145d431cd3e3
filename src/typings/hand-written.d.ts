// The hand-written declarations of pkg-template/index.d.ts, in parts that
// src/typings/mod.rs places among the generated ones. Each part runs from its
// `// part:` line to the next; `{NAME}` placeholders are filled in there.
// part: common
/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Options accepted by every operation, after its own arguments. */
export interface RequestOptions {
  /** Aborts the call: the request in flight is aborted, a wait between attempts ends, and the promise rejects with an `IdpUsersError` of kind `"aborted"`. */
  signal?: AbortSignal;
  /** Extra headers for this request (they take precedence over the client's `headers`); the value of a header carrying a credential (`Cookie`, `Proxy-Authorization`, or a name containing token, secret, key, auth, session, password, credential or signature, in any case) is redacted from errors like the client's own secrets. */
  headers?: Record<string, string>;
  /** Time limit of the whole call in milliseconds, retries and waits included (default: the client's `timeoutMs`). At the limit the request in flight is aborted and the promise rejects with kind `"timeout"`. */
  timeoutMs?: number;
  /** Retries after the first attempt, 0 to {MAX_RETRIES} (default: the client's `retries`, {DEFAULT_RETRIES}). Retried: 429, 502, 503, 504 and network failures. */
  retries?: number;
  /** The longest wait between attempts, in ms (default: the client's `maxRetryDelayMs`, {DEFAULT_MAX_DELAY_MS}). A server that asks for longer makes the call fail at once, with `retryAfterMs` set. */
  maxRetryDelayMs?: number;
  /** Also retry this call when it is a POST or PATCH. Off by default: a replayed create can create twice. */
  retryNonIdempotent?: boolean;
}

/**
 * What a list operation returns: a promise of one page (`await`), which is
 * also an async iterable over every item of every page (`for await`).
 * Iterating asks for 500 items per page unless the call set a page size,
 * fetches one page at a time (memory stays flat), and stops fetching when
 * the loop breaks. Each page request follows the retry rules.
 */
export interface PagePromise<TPage, TItem> extends Promise<TPage>, AsyncIterable<TItem> {}

/** What `bulk` passes to its function with each item. */
export interface BulkContext {
  /** Aborted when the run's `signal` aborts: pass it on as the call's `signal`. */
  signal: AbortSignal;
  /** The item's position in the input. */
  index: number;
}

/** `bulk`'s progress, after each item settles. */
export interface BulkProgress {
  /** Items settled so far, successes and failures. */
  done: number;
  /** Items that failed so far. */
  failed: number;
  /** All items. */
  total: number;
}

/** Options of `bulk`. */
export interface BulkOptions {
  /** The most items in flight at once, 1 to 64 (default 8). */
  concurrency?: number;
  /** Stops the run: items in flight see their `signal` abort; items not started fail with kind `"aborted"`. `bulk` still resolves. */
  signal?: AbortSignal;
  /** Called after each item settles. */
  onProgress?: (progress: BulkProgress) => void;
}

/**
 * One item's outcome in `bulk`'s result. `error` is what `fn` threw or
 * rejected with, or an `IdpUsersError` of kind `"aborted"` for an item the
 * run's `signal` stopped before it started.
 */
export type BulkResult<TItem, TValue, TError = IdpUsersError> =
  | { item: TItem; ok: true; value: TValue }
  | { item: TItem; ok: false; error: TError };

/**
 * Runs `fn` over every item with at most `concurrency` calls in flight and
 * resolves to one result per item, in input order. It never stops at a
 * failure; a throttled item (status 429 or a `retryAfterMs`) pauses the
 * start of the others for that long, so the whole run slows down. Bad
 * arguments reject with an `IdpUsersError` of kind `"validation"`.
 *
 * A failed item's `error` is typed `IdpUsersError`, which holds when `fn`
 * fails only through this package's methods (every failure of a method is
 * an `IdpUsersError`). When `fn` can throw anything else, name the error
 * type: `bulk<string, ClerkUser, unknown>(...)` or `bulk<string, ClerkUser, IdpUsersError | MyError>(...)`.
 *
 * @example
 * const userIds = ['user_1', 'user_2', 'user_3'];
 * const results = await bulk(userIds, (id, { signal }) => clerk.banUser(id, { signal }), { concurrency: 8 });
 * for (const r of results) if (!r.ok) console.error(r.item, r.error.kind, r.error.status, r.error.message);
 */
export declare function bulk<TItem, TValue, TError = IdpUsersError>(
  items: Iterable<TItem>,
  fn: (item: TItem, context: BulkContext) => TValue | Promise<TValue>,
  options?: BulkOptions,
): Promise<Array<BulkResult<TItem, TValue, TError>>>;

/**
 * The size of the module's WebAssembly memory in bytes (for monitoring long-lived isolates).
 *
 * @example
 * console.log(`wasm memory: ${wasmMemoryBytes()} bytes`);
 */
export declare function wasmMemoryBytes(): number;

/** What the `...WithHttpInfo` twin of an operation resolves to. */
export interface HttpInfo<T> {
  /** The parsed response body, exactly as the API sent it (`null` for `204 No Content` or `205 Reset Content`, which any operation resolves to). */
  data: T;
  /** The HTTP status code. */
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
}

/**
 * The broad category of an `IdpUsersError`:
 * - `validation`: bad arguments or config; nothing was sent.
 * - `network`: the request could not be sent or the response not received.
 * - `timeout`: the request took longer than `timeoutMs`.
 * - `aborted`: the caller's `signal` aborted the request.
 * - `auth`: getting an access token failed (token endpoint or `getToken`).
 * - `api`: the API answered with a non-2xx status.
 * - `decode`: the API answered 2xx with a body that is empty, not JSON, or not the JSON type documented (or a page whose cursor or items are malformed).
 */
export type IdpUsersErrorKind = "validation" | "network" | "timeout" | "aborted" | "auth" | "api" | "decode";

/** The provider an error came from. */
export type IdpUsersProvider = "kinde" | "clerk";

/** The enumerable fields of an `IdpUsersError`, as `toJSON()` returns them. */
export interface IdpUsersErrorFields {
  name: "IdpUsersError";
  message: string;
  kind: IdpUsersErrorKind;
  provider: IdpUsersProvider;
  operation: string;
  status: number | null;
  code: string | null;
  codes: string[];
  messages: string[];
  longMessages: string[];
  body: string | null;
  param: string | null;
  retryAfterMs: number | null;
  traceId: string | null;
  attempts: number;
}

/**
 * Every failure of this package rejects with an `IdpUsersError` (an `Error`).
 * It never contains an access token, client secret or secret key.
 */
export declare class IdpUsersError extends Error {
  readonly name: "IdpUsersError";
  /** Broad category of the failure. */
  readonly kind: IdpUsersErrorKind;
  /** Provider of the client that failed. */
  readonly provider: IdpUsersProvider;
  /** Method that failed (`getUsers`), or the client's class name for config errors. */
  readonly operation: string;
  /** HTTP status, when a response arrived. */
  readonly status: number | null;
  /** The provider's first error code, if any. */
  readonly code: string | null;
  /** All of the provider's error codes, in order. */
  readonly codes: string[];
  /** All of the provider's error messages, in order. */
  readonly messages: string[];
  /** The provider's long messages (Clerk), in order. */
  readonly longMessages: string[];
  /** Raw response body, truncated to 2 KiB. */
  readonly body: string | null;
  /** For validation errors: the argument or field at fault, e.g. `params.page_size`. */
  readonly param: string | null;
  /** The delay the server asked for, in milliseconds (`Retry-After`, `RateLimit-Reset` or `X-RateLimit-Reset`). */
  readonly retryAfterMs: number | null;
  /** A request trace id (Clerk's `clerk_trace_id`, or the `cf-ray` header). */
  readonly traceId: string | null;
  /** Requests sent for the operation, retries included (0 when nothing was sent, e.g. a validation error). */
  readonly attempts: number;
  /**
   * The fields above, for logging (`JSON.stringify(error)`).
   *
   * @example
   * try {
   *   await kinde.getUserData('kp_123');
   * } catch (error) {
   *   if (error instanceof IdpUsersError) console.error(JSON.stringify(error.toJSON()));
   * }
   */
  toJSON(): IdpUsersErrorFields;
}

/** What `getToken` is called with. */
export interface TokenRequestContext {
  /** True after the API rejected the previous token: return a new one. */
  forceRefresh: boolean;
}
// part: fetch-option
  /** The `fetch` to use (default: the runtime's global `fetch`), e.g. a service binding's or a test fake's. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
// part: call-limit-options
  /** Time limit of each call in milliseconds, token request, retries and waits included (default {DEFAULT_TIMEOUT_MS}, at most {MAX_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Retries after a failed attempt, 0 to {MAX_RETRIES} (default {DEFAULT_RETRIES}): 429, 502, 503, 504 and network failures, for GET, PUT and DELETE (POST and PATCH only with the call option `retryNonIdempotent`). */
  retries?: number;
  /** The longest wait between attempts in ms (default {DEFAULT_MAX_DELAY_MS}). The server's `Retry-After` / `RateLimit-Reset` wins when shorter; when longer, the call fails at once with `retryAfterMs` set. */
  maxRetryDelayMs?: number;
// part: kinde-config
/** Options of every `KindeUsersApi`, whichever way it authenticates. */
export interface KindeUsersApiBaseConfig {
  /** Your Kinde domain: `acme.kinde.com`, `https://acme.kinde.com`, or a custom domain or proxy URL. */
  domain: string;
{FETCH_OPTION}
  /** Headers sent with every API request (`Authorization` cannot be set here); the value of a header carrying a credential (`Cookie`, `Proxy-Authorization`, or a name containing token, secret, key, auth, session, password, credential or signature, in any case) is redacted from errors like the client's own secrets. */
  headers?: Record<string, string>;
{CALL_LIMIT_OPTIONS}
  /** Allow `clientSecret` in a browser page (where `window` and `document` exist), which exposes it to anyone who can load the page. */
  dangerouslyAllowBrowser?: boolean;
}

/** Authenticate with a bearer token you already have. */
export interface KindeAccessTokenAuth {
  /** A Management API access token. */
  accessToken: string;
  clientId?: never;
  clientSecret?: never;
  audience?: never;
  getToken?: never;
}

/** Authenticate with the client-credentials grant of a machine-to-machine application. */
export interface KindeClientCredentialsAuth {
  /** The M2M application's client id. */
  clientId: string;
  /** The M2M application's client secret. In a browser page it is refused unless `dangerouslyAllowBrowser` is true. */
  clientSecret: string;
  /** Token audience (default `https://<domain>/api`). */
  audience?: string;
  accessToken?: never;
  getToken?: never;
}

/** Authenticate with tokens from your own store. */
export interface KindeGetTokenAuth {
  /** Returns a Management API access token; called before each request. */
  getToken: (context: TokenRequestContext) => string | Promise<string>;
  accessToken?: never;
  clientId?: never;
  clientSecret?: never;
  audience?: never;
}

/** `new KindeUsersApi(config)`: a domain and exactly one way to authenticate. */
export type KindeUsersApiConfig = KindeUsersApiBaseConfig &
  (KindeAccessTokenAuth | KindeClientCredentialsAuth | KindeGetTokenAuth);
// part: clerk-config
/** Options of every `ClerkUsersApi`, whichever way it authenticates. */
export interface ClerkUsersApiBaseConfig {
  /** API base URL (default `{DEFAULT_BASE_URL}`), e.g. a proxy or a local fake. */
  baseUrl?: string;
  /** Value of the `Clerk-API-Version` header (default `"{API_VERSION}"`, the version these typings follow). */
  apiVersion?: string;
{FETCH_OPTION}
  /** Headers sent with every request (the API version is set with `apiVersion`; `Authorization` cannot be set here); the value of a header carrying a credential (`Cookie`, `Proxy-Authorization`, or a name containing token, secret, key, auth, session, password, credential or signature, in any case) is redacted from errors like the client's own secrets. */
  headers?: Record<string, string>;
{CALL_LIMIT_OPTIONS}
  /** Allow the secret key in a browser page (where `window` and `document` exist), which exposes it to anyone who can load the page. */
  dangerouslyAllowBrowser?: boolean;
}

/** Authenticate with the instance's secret key (on a server). */
export interface ClerkSecretKeyAuth {
  /** The instance's secret key (`sk_live_...` or `sk_test_...`), sent as the bearer token. In a browser page it is refused unless `dangerouslyAllowBrowser` is true. */
  secretKey: string;
  getToken?: never;
}

/** Authenticate to a proxy that holds the secret key (see `idp-users/proxy`): `getToken` supplies the bearer the proxy checks. */
export interface ClerkGetTokenAuth {
  /** Returns the bearer to send (e.g. your admin session token); called before each request, with `forceRefresh: true` after a 401. */
  getToken: (context: TokenRequestContext) => string | Promise<string>;
  secretKey?: never;
}

/** `new ClerkUsersApi(config)`: a secret key, or `getToken` behind a proxy. */
export type ClerkUsersApiConfig = ClerkUsersApiBaseConfig & (ClerkSecretKeyAuth | ClerkGetTokenAuth);
