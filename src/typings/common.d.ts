/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Options accepted by every operation, after its own arguments. */
export interface RequestOptions {
  /** Aborts the call: the request in flight is aborted, a wait between attempts ends, and the promise rejects with an `IdpUsersError` of kind `"aborted"`. */
  signal?: AbortSignal;
  /** Extra headers for this request (they take precedence over the client's `headers`). */
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
