// Generated from the operation and model tables in src/ by `UPDATE_TYPINGS=1 cargo test`.
// Do not edit by hand.

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
  /** Retries after the first attempt, 0 to 10 (default: the client's `retries`, 2). Retried: 429, 502, 503, 504 and network failures. */
  retries?: number;
  /** The longest wait between attempts, in ms (default: the client's `maxRetryDelayMs`, 5000). A server that asks for longer makes the call fail at once, with `retryAfterMs` set. */
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

/** Options of every `KindeUsersApi`, whichever way it authenticates. */
export interface KindeUsersApiBaseConfig {
  /** Your Kinde domain: `acme.kinde.com`, `https://acme.kinde.com`, or a custom domain or proxy URL. */
  domain: string;
  /** The `fetch` to use (default: the runtime's global `fetch`), e.g. a service binding's or a test fake's. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Headers sent with every API request (`Authorization` cannot be set here); the value of a header carrying a credential (`Cookie`, `Proxy-Authorization`, or a name containing token, secret, key, auth, session, password, credential or signature, in any case) is redacted from errors like the client's own secrets. */
  headers?: Record<string, string>;
  /** Time limit of each call in milliseconds, token request, retries and waits included (default 30000, at most 600000). */
  timeoutMs?: number;
  /** Retries after a failed attempt, 0 to 10 (default 2): 429, 502, 503, 504 and network failures, for GET, PUT and DELETE (POST and PATCH only with the call option `retryNonIdempotent`). */
  retries?: number;
  /** The longest wait between attempts in ms (default 5000). The server's `Retry-After` / `RateLimit-Reset` wins when shorter; when longer, the call fails at once with `retryAfterMs` set. */
  maxRetryDelayMs?: number;
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

/** Body of `createUser`. */
export interface KindeCreateUserRequest {
  /** Names and picture. */
  profile?: {
    /** First name. */
    given_name?: string;
    /** Last name. */
    family_name?: string;
    /** Profile picture URL. */
    picture?: string;
  };
  /** Organization the new user joins. */
  organization_code?: string;
  /** Your own id for the user. */
  provided_id?: string;
  /** Identities to create with the user. */
  identities?: ReadonlyArray<KindeCreateUserIdentity>;
}

/** An identity created together with a user. */
export interface KindeCreateUserIdentity {
  /** Kind of identity. */
  type?: "email" | "phone" | "username";
  /** Whether an email or phone identity counts as verified. */
  is_verified?: boolean;
  /** The identity's value. */
  details?: {
    /** Email address (for an `email` identity). */
    email?: string;
    /** Phone number (for a `phone` identity). */
    phone?: string;
    /** Country code of the phone number. */
    phone_country_id?: string;
    /** Username (for a `username` identity). */
    username?: string;
  };
}

/** Body of `createUserIdentity`. */
export interface KindeCreateUserIdentityRequest {
  /** The email address, phone number, username or social identity. */
  value?: string;
  /** Kind of identity. */
  type?: "email" | "username" | "phone" | "enterprise" | "social";
  /** Country code, for a `phone` identity. */
  phone_country_id?: string;
  /** Connection id, for a `social` or `enterprise` identity. */
  connection_id?: string;
}

/** Body of `setUserPassword`: an already-hashed password and how it was hashed. */
export interface KindeSetUserPasswordRequest {
  /** The password hash. */
  hashed_password: string;
  /** Hash algorithm (bcrypt when omitted). */
  hashing_method?: "bcrypt" | "crypt" | "md5" | "sha256" | "wordpress" | "pbkdf2" | "firebase-scrypt" | "aspnet-identity-v2";
  /** Salt, for algorithms that use one. */
  salt?: string;
  /** Where the salt goes. */
  salt_position?: "prefix" | "suffix";
  /** Iteration count (pbkdf2). */
  iterations?: number;
  /** Hash variant (pbkdf2). */
  variant?: string;
  /** Base64 signer key (firebase-scrypt). */
  signer_key?: string;
  /** Base64 salt separator (firebase-scrypt). */
  salt_separator?: string;
  /** Scrypt rounds, 1 to 16 (firebase-scrypt). */
  rounds?: number;
  /** Scrypt memory cost, 1 to 20 (firebase-scrypt). */
  mem_cost?: number;
  /** Ask the user for a new password at next sign-in. */
  is_temporary_password?: boolean;
}

/** Body of `updateUser`: the fields to change. */
export interface KindeUpdateUserRequest {
  /** First name. */
  given_name?: string;
  /** Last name. */
  family_name?: string;
  /** Profile picture URL. */
  picture?: string;
  /** Suspend or reinstate the user. */
  is_suspended?: boolean;
  /** Ask for a new password at next sign-in. */
  is_password_reset_requested?: boolean;
  /** Your own id for the user. */
  provided_id?: string;
}

/** Body of `updateUserProperties` (the seeds call it `UpdateOrganizationPropertiesRequest`). */
export interface KindeUpdateUserPropertiesRequest {
  /** Property keys and their new values. */
  properties: Record<string, string | number | boolean>;
}

/** Body of `addOrganizationUsers`: user ids (as in the older SDK) or user objects. */
export interface KindeAddOrganizationUsersRequest {
  /** The users to add. */
  users: ReadonlyArray<string | KindeOrganizationUserInput>;
}

/** A user to add to an organization, with the roles and permissions to give them. */
export interface KindeOrganizationUserInput {
  /** The user's id. */
  id: string;
  /** Role keys. */
  roles?: ReadonlyArray<string>;
  /** Permission keys. */
  permissions?: ReadonlyArray<string>;
}

/** Body of `removeOrganizationUsers`: user ids (as in the older SDK) or `{ id }` objects. */
export interface KindeRemoveOrganizationUsersRequest {
  /** The users to remove. */
  users: ReadonlyArray<string | KindeOrganizationUserRemoval>;
}

/** A user to remove from an organization. */
export interface KindeOrganizationUserRemoval {
  /** The user's id. */
  id: string;
}

/** Optional query parameters of `getUsers`. */
export interface KindeGetUsersParams {
  /** Users per page, 1 to 500 (10 when omitted). */
  page_size?: number | null;
  /** Only these user ids (comma-separated string or array). */
  user_id?: string | readonly string[] | null;
  /** The `next_token` of the previous page. */
  next_token?: string | null;
  /** Only these email addresses. */
  email?: string | readonly string[] | null;
  /** Only these usernames. */
  username?: string | readonly string[] | null;
  /** Only these phone numbers. */
  phone?: string | readonly string[] | null;
  /** Extra data to include. */
  expand?: ("organizations" | "identities" | "billing") | `${("organizations" | "identities" | "billing")},${("organizations" | "identities" | "billing")}` | `${("organizations" | "identities" | "billing")},${("organizations" | "identities" | "billing")},${("organizations" | "identities" | "billing")}` | readonly ("organizations" | "identities" | "billing")[] | null;
  /** Only users with (or without) an organization. */
  has_organization?: boolean | null;
  /** Only users active since this date-time. */
  active_since?: string | Date | null;
}

/** Optional query parameters of `getUserData`. */
export interface KindeGetUserDataParams {
  /** Extra data to include. */
  expand?: ("organizations" | "identities" | "billing") | `${("organizations" | "identities" | "billing")},${("organizations" | "identities" | "billing")}` | `${("organizations" | "identities" | "billing")},${("organizations" | "identities" | "billing")},${("organizations" | "identities" | "billing")}` | readonly ("organizations" | "identities" | "billing")[] | null;
}

/** Optional query parameters of `deleteUser`. */
export interface KindeDeleteUserParams {
  /** Also delete the user's profile everywhere in Kinde. */
  is_delete_profile?: boolean | null;
}

/** Optional query parameters of `getUserIdentities`. */
export interface KindeGetUserIdentitiesParams {
  /** Identities after this identity id. */
  starting_after?: string | null;
  /** Identities before this identity id. */
  ending_before?: string | null;
}

/** Optional query parameters of `getOrganizationUsers`. */
export interface KindeGetOrganizationUsersParams {
  /** Sort order. */
  sort?: "name_asc" | "name_desc" | "email_asc" | "email_desc" | null;
  /** Users per page, 1 to 500 (10 when omitted). */
  page_size?: number | null;
  /** The `next_token` of the previous page. */
  next_token?: string | null;
  /** Only users with all of these permissions. */
  permissions?: string | readonly string[];
  /** Only users with all of these roles. */
  roles?: string | readonly string[];
}

/** Outcome of an operation that returns no data. */
export interface KindeSuccessResponse {
  /** Outcome message. */
  message?: string;
  /** Outcome code. */
  code?: string;
}

/** Result of `createUser`. */
export interface KindeCreateUserResponse {
  /** The new user's id. */
  id?: string;
  /** Whether the user was created. */
  created?: boolean;
  /** Outcome per identity. */
  identities?: Array<KindeUserIdentity>;
}

/** Outcome of creating one identity of a new user. */
export interface KindeUserIdentity {
  /** Kind of identity. */
  type?: string;
  /** Outcome. */
  result?: {
    /** Whether the identity was created. */
    created?: boolean;
  };
}

/** Result of `createUserIdentity`. */
export interface KindeCreateIdentityResponse {
  /** Outcome message. */
  message?: string;
  /** Outcome code. */
  code?: string;
  /** The new identity. */
  identity?: {
    /** The identity's id. */
    id?: string;
  };
}

/** A user, as `getUserData` returns it (note `preferred_email`). */
export interface KindeUser {
  /** Kinde's id of the user. */
  id?: string;
  /** Your own id for the user. */
  provided_id?: string;
  /** Primary email address. */
  preferred_email?: string;
  /** Primary phone number. */
  phone?: string;
  /** Primary username. */
  username?: string;
  /** Last name. */
  last_name?: string;
  /** First name. */
  first_name?: string;
  /** Whether the user is suspended. */
  is_suspended?: boolean;
  /** Profile picture URL. */
  picture?: string;
  /** Number of sign-ins. */
  total_sign_ins?: number | null;
  /** Consecutive failed sign-ins. */
  failed_sign_ins?: number | null;
  /** Last sign-in (ISO 8601). */
  last_signed_in?: string | null;
  /** Creation date (ISO 8601). */
  created_on?: string | null;
  /** Codes of the user's organizations (with `expand`). */
  organizations?: Array<string>;
  /** Identities (with `expand`). */
  identities?: Array<{
    /** Kind of identity. */
    type?: string;
    /** The identity's value. */
    identity?: string;
  }>;
  /** Billing data (with `expand`). */
  billing?: KindeUserBilling;
}

/** Billing data of a user (with `expand: "billing"`). */
export interface KindeUserBilling {
  /** Billing customer id. */
  customer_id?: string;
}

/** A page of users (result of `getUsers`). */
export interface KindeUsersResponse {
  /** Response code. */
  code?: string;
  /** Response message. */
  message?: string;
  /** The users of this page. */
  users?: Array<KindeUsersResponseUser>;
  /** Pass as `next_token` for the next page; absent on the last page. */
  next_token?: string;
}

/** A user, as `getUsers` lists it (note `email`, not `preferred_email`). */
export interface KindeUsersResponseUser {
  /** Kinde's id of the user. */
  id?: string;
  /** Your own id for the user. */
  provided_id?: string;
  /** Primary email address. */
  email?: string;
  /** Primary phone number. */
  phone?: string;
  /** Primary username. */
  username?: string;
  /** Last name. */
  last_name?: string;
  /** First name. */
  first_name?: string;
  /** Whether the user is suspended. */
  is_suspended?: boolean;
  /** Profile picture URL. */
  picture?: string;
  /** Number of sign-ins. */
  total_sign_ins?: number | null;
  /** Consecutive failed sign-ins. */
  failed_sign_ins?: number | null;
  /** Last sign-in (ISO 8601). */
  last_signed_in?: string | null;
  /** Creation date (ISO 8601). */
  created_on?: string | null;
  /** Last sign-in per organization. */
  last_organization_sign_ins?: Array<{
    /** Organization code. */
    org_code?: string;
    /** Last sign-in to it (ISO 8601). */
    last_signed_in?: string;
  }> | null;
  /** Codes of the user's organizations (with `expand`). */
  organizations?: Array<string>;
  /** Identities (with `expand`). */
  identities?: Array<{
    /** Kind of identity. */
    type?: string;
    /** The identity's value. */
    identity?: string;
    /** Social or enterprise connection id (null for others). */
    connection_id?: string | null;
  }>;
  /** Billing data (with `expand`). */
  billing?: KindeUserBilling;
}

/** Result of `getUserIdentities`. */
export interface KindeGetIdentitiesResponse {
  /** Response code. */
  code?: string;
  /** Response message. */
  message?: string;
  /** The identities. */
  identities?: Array<KindeIdentity>;
  /** Whether more identities follow. */
  has_more?: boolean;
}

/** One identity of a user. */
export interface KindeIdentity {
  /** The identity's id. */
  id?: string;
  /** Kind of identity. */
  type?: string;
  /** Whether it is confirmed. */
  is_confirmed?: boolean;
  /** Creation date (ISO 8601). */
  created_on?: string;
  /** Last sign-in with it (ISO 8601). */
  last_login_on?: string;
  /** Sign-ins with it. */
  total_logins?: number;
  /** The identity's value. */
  name?: string;
  /** Associated email address. */
  email?: string;
  /** Social or enterprise connection id (null for others). */
  connection_id?: string | null;
  /** Whether it is the user's primary identity. */
  is_primary?: boolean | null;
}

/** Result of `getUserPropertyValues`. */
export interface KindeGetPropertyValuesResponse {
  /** Response code. */
  code?: string;
  /** Response message. */
  message?: string;
  /** The properties. */
  properties?: Array<KindePropertyValue>;
  /** Pagination token. */
  next_token?: string;
}

/** One property and the user's value for it. */
export interface KindePropertyValue {
  /** Property id. */
  id?: string;
  /** Property name. */
  name?: string;
  /** Property description. */
  description?: string | null;
  /** Property key. */
  key?: string;
  /** The user's value. */
  value?: string | null;
}

/** Result of `getUserSessions`. */
export interface KindeGetUserSessionsResponse {
  /** Response code. */
  code?: string;
  /** Response message. */
  message?: string;
  /** Whether more sessions follow. */
  has_more?: boolean;
  /** The sessions. */
  sessions?: Array<KindeUserSession>;
}

/** One session of a user. */
export interface KindeUserSession {
  /** The user's id. */
  user_id?: string;
  /** Organization of the session, if any. */
  org_code?: string | null;
  /** Client that started it. */
  client_id?: string;
  /** Expiry (ISO 8601). */
  expires_on?: string;
  /** Session id. */
  session_id?: string;
  /** Start (ISO 8601). */
  started_on?: string;
  /** Last update (ISO 8601). */
  updated_on?: string;
  /** Connection used. */
  connection_id?: string;
  /** Last IP address. */
  last_ip_address?: string;
  /** Last user agent. */
  last_user_agent?: string;
  /** First IP address. */
  initial_ip_address?: string;
  /** First user agent. */
  initial_user_agent?: string;
}

/** Result of `getUsersMfa`. */
export interface KindeGetUserMfaResponse {
  /** Response message. */
  message?: string;
  /** Response code. */
  code?: string;
  /** The MFA configuration. */
  mfa?: KindeUserMfa;
}

/** A user's MFA configuration. */
export interface KindeUserMfa {
  /** Factor id. */
  id?: string;
  /** Factor type (email, SMS, authenticator app...). */
  type?: string;
  /** Creation date (ISO 8601). */
  created_on?: string;
  /** The factor's identifier (an email address, a phone number...). */
  name?: string;
  /** Whether it is verified. */
  is_verified?: boolean;
  /** Times used. */
  usage_count?: number;
  /** Last use (ISO 8601). */
  last_used_on?: string;
}

/** Result of `updateUser`. */
export interface KindeUpdateUserResponse {
  /** The user's id. */
  id?: string;
  /** First name. */
  given_name?: string;
  /** Last name. */
  family_name?: string;
  /** Preferred email address. */
  email?: string;
  /** Whether the user is suspended. */
  is_suspended?: boolean;
  /** Whether a new password is requested. */
  is_password_reset_requested?: boolean;
  /** Profile picture URL. */
  picture?: string | null;
}

/** Result of `addOrganizationUsers`. */
export interface KindeAddOrganizationUsersResponse {
  /** Response code. */
  code?: string;
  /** Response message. */
  message?: string;
  /** Ids of the users added. */
  users_added?: Array<string>;
}

/** A page of organization members (result of `getOrganizationUsers`). */
export interface KindeGetOrganizationUsersResponse {
  /** Response code. */
  code?: string;
  /** Response message. */
  message?: string;
  /** The members of this page. */
  organization_users?: Array<KindeOrganizationUser>;
  /** Pass as `next_token` for the next page. */
  next_token?: string;
}

/** A member of an organization. */
export interface KindeOrganizationUser {
  /** The user's id. */
  id?: string | null;
  /** Email address. */
  email?: string | null;
  /** Full name. */
  full_name?: string;
  /** Last name. */
  last_name?: string | null;
  /** First name. */
  first_name?: string | null;
  /** Profile picture URL. */
  picture?: string | null;
  /** When the user joined (ISO 8601). */
  joined_on?: string;
  /** Last access (ISO 8601). */
  last_accessed_on?: string | null;
  /** Whether the user is suspended. */
  is_suspended?: boolean;
  /** Role keys in the organization. */
  roles?: Array<string>;
}

/** Result of `removeOrganizationUsers`. */
export interface KindeUpdateOrganizationUsersResponse {
  /** Response message. */
  message?: string;
  /** Response code. */
  code?: string;
  /** Ids of users added. */
  users_added?: Array<string>;
  /** Ids of users updated. */
  users_updated?: Array<string>;
  /** Ids of users removed. */
  users_removed?: Array<string>;
}

/**
 * Client for the Users endpoints of the Kinde Management API.
 * 
 * Every method returns a promise; failures reject with an `IdpUsersError`.
 * Parameters and results use Kinde's own field names.
 */
export declare class KindeUsersApi {
  /**
   * Validates the config (throws an `IdpUsersError` of kind `"validation"`); sends nothing.
   *
   * @example
   * const kinde = new KindeUsersApi({ domain: 'acme.kinde.com', clientId: 'm2m-client-id', clientSecret: 'm2m-client-secret' });
   */
  constructor(config: KindeUsersApiConfig);
  /**
   * Creates a user, optionally with identities (scope `create:users`).
   *
   * `POST /api/v1/user` (seed: `create_user`).
   *
   * @example
   * const created = await kinde.createUser({ profile: { given_name: 'Ada', family_name: 'Lovelace' } });
   */
  createUser(body?: KindeCreateUserRequest, options?: RequestOptions): Promise<KindeCreateUserResponse>;
  /**
   * `createUser`, resolving to the data with the HTTP status and headers (seed: `create_user_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.createUserWithHttpInfo({ profile: { given_name: 'Ada', family_name: 'Lovelace' } });
   */
  createUserWithHttpInfo(body?: KindeCreateUserRequest, options?: RequestOptions): Promise<HttpInfo<KindeCreateUserResponse>>;
  /**
   * Adds an identity to a user (scope `create:user_identities`).
   *
   * `POST /api/v1/users/{user_id}/identities` (seed: `create_user_identity`).
   * @param userId The user's id.
   *
   * @example
   * const created = await kinde.createUserIdentity('kp_123', { type: 'email', value: 'ada@example.com' });
   */
  createUserIdentity(userId: string, body?: KindeCreateUserIdentityRequest, options?: RequestOptions): Promise<KindeCreateIdentityResponse>;
  /**
   * `createUserIdentity`, resolving to the data with the HTTP status and headers (seed: `create_user_identity_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.createUserIdentityWithHttpInfo('kp_123', { type: 'email', value: 'ada@example.com' });
   */
  createUserIdentityWithHttpInfo(userId: string, body?: KindeCreateUserIdentityRequest, options?: RequestOptions): Promise<HttpInfo<KindeCreateIdentityResponse>>;
  /**
   * Deletes a user (scope `delete:users`). Resolves to `null` when Kinde answers `204 No Content`.
   *
   * `DELETE /api/v1/user` (seed: `delete_user`).
   * @param id The user's id.
   *
   * @example
   * const result = await kinde.deleteUser('kp_123', { is_delete_profile: true });
   */
  deleteUser(id: string, params?: KindeDeleteUserParams, options?: RequestOptions): Promise<KindeSuccessResponse | null>;
  /**
   * `deleteUser`, resolving to the data with the HTTP status and headers (seed: `delete_user_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.deleteUserWithHttpInfo('kp_123', { is_delete_profile: true });
   */
  deleteUserWithHttpInfo(id: string, params?: KindeDeleteUserParams, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse | null>>;
  /**
   * Ends all of a user's sessions (scope `delete:user_sessions`).
   *
   * `DELETE /api/v1/users/{user_id}/sessions` (seed: `delete_user_sessions`).
   * @param userId The user's id.
   *
   * @example
   * const result = await kinde.deleteUserSessions('kp_123');
   */
  deleteUserSessions(userId: string, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /**
   * `deleteUserSessions`, resolving to the data with the HTTP status and headers (seed: `delete_user_sessions_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.deleteUserSessionsWithHttpInfo('kp_123');
   */
  deleteUserSessionsWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Gets one user (scope `read:users`).
   *
   * `GET /api/v1/user` (seed: `get_user_data`).
   * @param id The user's id.
   *
   * @example
   * const user = await kinde.getUserData('kp_123', { expand: 'organizations' });
   */
  getUserData(id: string, params?: KindeGetUserDataParams, options?: RequestOptions): Promise<KindeUser>;
  /**
   * `getUserData`, resolving to the data with the HTTP status and headers (seed: `get_user_data_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.getUserDataWithHttpInfo('kp_123', { expand: 'organizations' });
   */
  getUserDataWithHttpInfo(id: string, params?: KindeGetUserDataParams, options?: RequestOptions): Promise<HttpInfo<KindeUser>>;
  /**
   * Lists a user's identities (scope `read:user_identities`).
   *
   * `GET /api/v1/users/{user_id}/identities` (seed: `get_user_identities`).
   *
   * The promise is also async-iterable over every item of every page: `for await (const item of ...)`.
   * @param userId The user's id.
   *
   * @example
   * const page = await kinde.getUserIdentities('kp_123');
   * for await (const item of kinde.getUserIdentities('kp_123')) console.log(item);
   */
  getUserIdentities(userId: string, params?: KindeGetUserIdentitiesParams, options?: RequestOptions): PagePromise<KindeGetIdentitiesResponse, NonNullable<KindeGetIdentitiesResponse["identities"]>[number]>;
  /**
   * `getUserIdentities`, resolving to the data with the HTTP status and headers (seed: `get_user_identities_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.getUserIdentitiesWithHttpInfo('kp_123');
   */
  getUserIdentitiesWithHttpInfo(userId: string, params?: KindeGetUserIdentitiesParams, options?: RequestOptions): Promise<HttpInfo<KindeGetIdentitiesResponse>>;
  /**
   * Lists a user's property values (scope `read:user_properties`).
   *
   * `GET /api/v1/users/{user_id}/properties` (seed: `get_user_property_values`).
   * @param userId The user's id.
   *
   * @example
   * const properties = await kinde.getUserPropertyValues('kp_123');
   */
  getUserPropertyValues(userId: string, options?: RequestOptions): Promise<KindeGetPropertyValuesResponse>;
  /**
   * `getUserPropertyValues`, resolving to the data with the HTTP status and headers (seed: `get_user_property_values_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.getUserPropertyValuesWithHttpInfo('kp_123');
   */
  getUserPropertyValuesWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<KindeGetPropertyValuesResponse>>;
  /**
   * Lists a user's sessions (scope `read:user_sessions`).
   *
   * `GET /api/v1/users/{user_id}/sessions` (seed: `get_user_sessions`).
   * @param userId The user's id.
   *
   * @example
   * const sessions = await kinde.getUserSessions('kp_123');
   */
  getUserSessions(userId: string, options?: RequestOptions): Promise<KindeGetUserSessionsResponse>;
  /**
   * `getUserSessions`, resolving to the data with the HTTP status and headers (seed: `get_user_sessions_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.getUserSessionsWithHttpInfo('kp_123');
   */
  getUserSessionsWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<KindeGetUserSessionsResponse>>;
  /**
   * Lists users, a page at a time, with optional filters (scope `read:users`).
   *
   * `GET /api/v1/users` (seed: `get_users`).
   *
   * The promise is also async-iterable over every item of every page: `for await (const item of ...)`.
   *
   * @example
   * const page = await kinde.getUsers({ page_size: 100, expand: 'organizations' });
   * for await (const item of kinde.getUsers({ page_size: 100, expand: 'organizations' })) console.log(item);
   */
  getUsers(params?: KindeGetUsersParams, options?: RequestOptions): PagePromise<KindeUsersResponse, NonNullable<KindeUsersResponse["users"]>[number]>;
  /**
   * `getUsers`, resolving to the data with the HTTP status and headers (seed: `get_users_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.getUsersWithHttpInfo({ page_size: 100, expand: 'organizations' });
   */
  getUsersWithHttpInfo(params?: KindeGetUsersParams, options?: RequestOptions): Promise<HttpInfo<KindeUsersResponse>>;
  /**
   * Gets a user's MFA configuration (scope `read:user_mfa`).
   *
   * `GET /api/v1/users/{user_id}/mfa` (seed: `get_users_mfa`).
   * @param userId The user's id.
   *
   * @example
   * const mfa = await kinde.getUsersMfa('kp_123');
   */
  getUsersMfa(userId: string, options?: RequestOptions): Promise<KindeGetUserMfaResponse>;
  /**
   * `getUsersMfa`, resolving to the data with the HTTP status and headers (seed: `get_users_mfa_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.getUsersMfaWithHttpInfo('kp_123');
   */
  getUsersMfaWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<KindeGetUserMfaResponse>>;
  /**
   * Refreshes a user's token claims and invalidates their cache (scope `update:user_refresh_claims`).
   *
   * `POST /api/v1/users/{user_id}/refresh_claims` (seed: `refresh_user_claims`).
   * @param userId The user's id.
   *
   * @example
   * const result = await kinde.refreshUserClaims('kp_123');
   */
  refreshUserClaims(userId: string, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /**
   * `refreshUserClaims`, resolving to the data with the HTTP status and headers (seed: `refresh_user_claims_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.refreshUserClaimsWithHttpInfo('kp_123');
   */
  refreshUserClaimsWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Removes one MFA factor of a user (scope `delete:user_mfa`).
   *
   * `DELETE /api/v1/users/{user_id}/mfa/{factor_id}` (seed: `reset_users_mfa`).
   * @param userId The user's id.
   * @param factorId The MFA factor's id.
   *
   * @example
   * const result = await kinde.resetUsersMfa('kp_123', 'mfa_456');
   */
  resetUsersMfa(userId: string, factorId: string, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /**
   * `resetUsersMfa`, resolving to the data with the HTTP status and headers (seed: `reset_users_mfa_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.resetUsersMfaWithHttpInfo('kp_123', 'mfa_456');
   */
  resetUsersMfaWithHttpInfo(userId: string, factorId: string, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Removes all MFA factors of a user (scope `delete:user_mfa`).
   *
   * `DELETE /api/v1/users/{user_id}/mfa` (seed: `reset_users_mfa_all`).
   * @param userId The user's id.
   *
   * @example
   * const result = await kinde.resetUsersMfaAll('kp_123');
   */
  resetUsersMfaAll(userId: string, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /**
   * `resetUsersMfaAll`, resolving to the data with the HTTP status and headers (seed: `reset_users_mfa_all_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.resetUsersMfaAllWithHttpInfo('kp_123');
   */
  resetUsersMfaAllWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Sets a user's password from a hash (scope `update:user_passwords`).
   *
   * `PUT /api/v1/users/{user_id}/password` (seed: `set_user_password`).
   * @param userId The user's id.
   * @param body The hashed password.
   *
   * @example
   * const result = await kinde.setUserPassword('kp_123', { hashed_password: '<bcrypt hash>', hashing_method: 'bcrypt' });
   */
  setUserPassword(userId: string, body: KindeSetUserPasswordRequest, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /**
   * `setUserPassword`, resolving to the data with the HTTP status and headers (seed: `set_user_password_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.setUserPasswordWithHttpInfo('kp_123', { hashed_password: '<bcrypt hash>', hashing_method: 'bcrypt' });
   */
  setUserPasswordWithHttpInfo(userId: string, body: KindeSetUserPasswordRequest, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Updates a user (scope `update:users`).
   *
   * `PATCH /api/v1/user` (seed: `update_user`).
   * @param id The user's id.
   * @param body The fields to change.
   *
   * @example
   * const updated = await kinde.updateUser('kp_123', { given_name: 'Ada', is_suspended: false });
   */
  updateUser(id: string, body: KindeUpdateUserRequest, options?: RequestOptions): Promise<KindeUpdateUserResponse>;
  /**
   * `updateUser`, resolving to the data with the HTTP status and headers (seed: `update_user_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.updateUserWithHttpInfo('kp_123', { given_name: 'Ada', is_suspended: false });
   */
  updateUserWithHttpInfo(id: string, body: KindeUpdateUserRequest, options?: RequestOptions): Promise<HttpInfo<KindeUpdateUserResponse>>;
  /**
   * Overrides a feature flag's value for a user (scope `update:user_feature_flags`).
   *
   * `PATCH /api/v1/users/{user_id}/feature_flags/{feature_flag_key}` (seed: `update_user_feature_flag_override`).
   * @param userId The user's id.
   * @param featureFlagKey The feature flag's key.
   * @param value The override value.
   *
   * @example
   * const result = await kinde.updateUserFeatureFlagOverride('kp_123', 'new_dashboard', true);
   */
  updateUserFeatureFlagOverride(userId: string, featureFlagKey: string, value: string | number | boolean, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /**
   * `updateUserFeatureFlagOverride`, resolving to the data with the HTTP status and headers (seed: `update_user_feature_flag_override_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.updateUserFeatureFlagOverrideWithHttpInfo('kp_123', 'new_dashboard', true);
   */
  updateUserFeatureFlagOverrideWithHttpInfo(userId: string, featureFlagKey: string, value: string | number | boolean, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Sets several property values of a user (scope `update:user_properties`).
   *
   * `PATCH /api/v1/users/{user_id}/properties` (seed: `update_user_properties`).
   * @param userId The user's id.
   * @param body The properties to set.
   *
   * @example
   * const result = await kinde.updateUserProperties('kp_123', { properties: { plan: 'pro', seats: 5 } });
   */
  updateUserProperties(userId: string, body: KindeUpdateUserPropertiesRequest, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /**
   * `updateUserProperties`, resolving to the data with the HTTP status and headers (seed: `update_user_properties_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.updateUserPropertiesWithHttpInfo('kp_123', { properties: { plan: 'pro', seats: 5 } });
   */
  updateUserPropertiesWithHttpInfo(userId: string, body: KindeUpdateUserPropertiesRequest, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Sets one property value of a user (scope `update:user_properties`).
   *
   * `PUT /api/v1/users/{user_id}/properties/{property_key}` (seed: `update_user_property`).
   * @param userId The user's id.
   * @param propertyKey The property's key.
   * @param value The new value.
   *
   * @example
   * const result = await kinde.updateUserProperty('kp_123', 'plan', 'pro');
   */
  updateUserProperty(userId: string, propertyKey: string, value: string | number | boolean, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /**
   * `updateUserProperty`, resolving to the data with the HTTP status and headers (seed: `update_user_property_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.updateUserPropertyWithHttpInfo('kp_123', 'plan', 'pro');
   */
  updateUserPropertyWithHttpInfo(userId: string, propertyKey: string, value: string | number | boolean, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Adds users to an organization (scope `create:organization_users`). The older SDK's `POST /api/v1/organization/users?code=` is now this endpoint.
   *
   * `POST /api/v1/organizations/{org_code}/users` (seed: `add_organization_users`).
   * @param orgCode The organization's code.
   * @param body The users to add.
   *
   * @example
   * const added = await kinde.addOrganizationUsers('org_123', { users: ['kp_123', { id: 'kp_456', roles: ['admin'] }] });
   */
  addOrganizationUsers(orgCode: string, body: KindeAddOrganizationUsersRequest, options?: RequestOptions): Promise<KindeAddOrganizationUsersResponse>;
  /**
   * `addOrganizationUsers`, resolving to the data with the HTTP status and headers (seed: `add_organization_users_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.addOrganizationUsersWithHttpInfo('org_123', { users: ['kp_123', { id: 'kp_456', roles: ['admin'] }] });
   */
  addOrganizationUsersWithHttpInfo(orgCode: string, body: KindeAddOrganizationUsersRequest, options?: RequestOptions): Promise<HttpInfo<KindeAddOrganizationUsersResponse>>;
  /**
   * Lists an organization's members (scope `read:organization_users`). The older SDK's `GET /api/v1/organization/users?code=` is now this endpoint.
   *
   * `GET /api/v1/organizations/{org_code}/users` (seed: `get_organization_users`).
   *
   * The promise is also async-iterable over every item of every page: `for await (const item of ...)`.
   * @param orgCode The organization's code.
   *
   * @example
   * const page = await kinde.getOrganizationUsers('org_123', { roles: 'admin' });
   * for await (const item of kinde.getOrganizationUsers('org_123', { roles: 'admin' })) console.log(item);
   */
  getOrganizationUsers(orgCode: string, params?: KindeGetOrganizationUsersParams, options?: RequestOptions): PagePromise<KindeGetOrganizationUsersResponse, NonNullable<KindeGetOrganizationUsersResponse["organization_users"]>[number]>;
  /**
   * `getOrganizationUsers`, resolving to the data with the HTTP status and headers (seed: `get_organization_users_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.getOrganizationUsersWithHttpInfo('org_123', { roles: 'admin' });
   */
  getOrganizationUsersWithHttpInfo(orgCode: string, params?: KindeGetOrganizationUsersParams, options?: RequestOptions): Promise<HttpInfo<KindeGetOrganizationUsersResponse>>;
  /**
   * Removes users from an organization (scope `update:organization_users`): sent to today's `PATCH` as `operation: "delete"` entries.
   *
   * `PATCH /api/v1/organizations/{org_code}/users` (seed: `remove_organization_users`).
   * @param orgCode The organization's code.
   * @param body The users to remove.
   *
   * @example
   * const removed = await kinde.removeOrganizationUsers('org_123', { users: ['kp_123'] });
   */
  removeOrganizationUsers(orgCode: string, body: KindeRemoveOrganizationUsersRequest, options?: RequestOptions): Promise<KindeUpdateOrganizationUsersResponse>;
  /**
   * `removeOrganizationUsers`, resolving to the data with the HTTP status and headers (seed: `remove_organization_users_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.removeOrganizationUsersWithHttpInfo('org_123', { users: ['kp_123'] });
   */
  removeOrganizationUsersWithHttpInfo(orgCode: string, body: KindeRemoveOrganizationUsersRequest, options?: RequestOptions): Promise<HttpInfo<KindeUpdateOrganizationUsersResponse>>;
  /**
   * Removes one user from an organization (scope `delete:organization_users`). Not in the seeds; today's single-user form.
   *
   * `DELETE /api/v1/organizations/{org_code}/users/{user_id}` (seed: `remove_organization_user`).
   * @param orgCode The organization's code.
   * @param userId The user's id.
   *
   * @example
   * const result = await kinde.removeOrganizationUser('org_123', 'kp_123');
   */
  removeOrganizationUser(orgCode: string, userId: string, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /**
   * `removeOrganizationUser`, resolving to the data with the HTTP status and headers (seed: `remove_organization_user_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await kinde.removeOrganizationUserWithHttpInfo('org_123', 'kp_123');
   */
  removeOrganizationUserWithHttpInfo(orgCode: string, userId: string, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Releases the client's memory now instead of when it is garbage-collected.
   *
   * @example
   * kinde.free();
   */
  free(): void;
}

/** Options of every `ClerkUsersApi`, whichever way it authenticates. */
export interface ClerkUsersApiBaseConfig {
  /** API base URL (default `https://api.clerk.com/v1`), e.g. a proxy or a local fake. */
  baseUrl?: string;
  /** Value of the `Clerk-API-Version` header (default `"2026-05-12"`, the version these typings follow). */
  apiVersion?: string;
  /** The `fetch` to use (default: the runtime's global `fetch`), e.g. a service binding's or a test fake's. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Headers sent with every request (the API version is set with `apiVersion`; `Authorization` cannot be set here); the value of a header carrying a credential (`Cookie`, `Proxy-Authorization`, or a name containing token, secret, key, auth, session, password, credential or signature, in any case) is redacted from errors like the client's own secrets. */
  headers?: Record<string, string>;
  /** Time limit of each call in milliseconds, token request, retries and waits included (default 30000, at most 600000). */
  timeoutMs?: number;
  /** Retries after a failed attempt, 0 to 10 (default 2): 429, 502, 503, 504 and network failures, for GET, PUT and DELETE (POST and PATCH only with the call option `retryNonIdempotent`). */
  retries?: number;
  /** The longest wait between attempts in ms (default 5000). The server's `Retry-After` / `RateLimit-Reset` wins when shorter; when longer, the call fails at once with `retryAfterMs` set. */
  maxRetryDelayMs?: number;
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

/** Body of `POST /users`: the new user's identifiers, password and settings. */
export interface ClerkCreateUserRequest {
  /** Your own unique id for the user. */
  external_id?: string | null;
  /** First name. */
  first_name?: string | null;
  /** Last name. */
  last_name?: string | null;
  /** Locale, such as `en-US`. */
  locale?: string | null;
  /** Email addresses to add; the first one becomes the primary one. */
  email_address?: ReadonlyArray<string>;
  /** Status of each email address, one item per address, in the same order. */
  email_address_identification_status?: ReadonlyArray<"verified" | "reserved">;
  /** Phone numbers to add; the first one becomes the primary one. */
  phone_number?: ReadonlyArray<string>;
  /** Status of each phone number, one item per number, in the same order. */
  phone_number_identification_status?: ReadonlyArray<"verified" | "reserved">;
  /** Web3 wallet addresses to add; the first one becomes the primary one. */
  web3_wallet?: ReadonlyArray<string>;
  /** Unique username. */
  username?: string | null;
  /** Plaintext password (8 characters or more, not a known leaked one). */
  password?: string | null;
  /** An existing password hash to import instead of a password. */
  password_digest?: string | null;
  /** Algorithm of `password_digest` (`bcrypt`, `argon2id`, `scrypt_firebase`, `pbkdf2_sha256`...). */
  password_hasher?: string;
  /** Skip the password policy checks (for migrations). */
  skip_password_checks?: boolean | null;
  /** Allow creating the user without a password. */
  skip_password_requirement?: boolean | null;
  /** An existing TOTP secret to enable authenticator-app MFA with. */
  totp_secret?: string | null;
  /** Existing backup codes to enable them for the user. */
  backup_codes?: ReadonlyArray<string>;
  /** Metadata readable by the frontend and the backend. */
  public_metadata?: Record<string, JsonValue>;
  /** Metadata readable by the backend only. */
  private_metadata?: Record<string, JsonValue>;
  /** Metadata the frontend may also write (do not trust it). */
  unsafe_metadata?: Record<string, JsonValue>;
  /** Let the user delete their own account from the frontend. */
  delete_self_enabled?: boolean | null;
  /** When the user accepted the legal terms. */
  legal_accepted_at?: string | Date | null;
  /** Skip the legal-acceptance requirement. */
  skip_legal_checks?: boolean | null;
  /** Do not enforce the instance's required identifiers. */
  skip_user_requirement?: boolean | null;
  /** Let the user create organizations from the frontend. */
  create_organization_enabled?: boolean | null;
  /** Most organizations the user may create (0: no limit). */
  create_organizations_limit?: number | null;
  /** Sign-up date to record instead of now (for migrations). */
  created_at?: string | Date | null;
  /** Exempt the user from Device Trust checks at sign-in. */
  bypass_client_trust?: boolean | null;
  /** Create the user already banned. */
  banned?: boolean | null;
  /** Create the user already locked (needs lockout enabled). */
  locked?: boolean | null;
}

/** Body of `PATCH /users/{user_id}`: the fields to change (metadata has its own endpoint). */
export interface ClerkUpdateUserRequest {
  /** Your own unique id for the user. */
  external_id?: string | null;
  /** First name. */
  first_name?: string | null;
  /** Last name. */
  last_name?: string | null;
  /** Locale, such as `en-US`. */
  locale?: string | null;
  /** Id of a verified email address of the user to make primary. */
  primary_email_address_id?: string | null;
  /** Tell the user that their primary email changed. */
  notify_primary_email_address_changed?: boolean | null;
  /** Id of a verified phone number of the user to make primary. */
  primary_phone_number_id?: string | null;
  /** Id of a verified web3 wallet of the user to make primary. */
  primary_web3_wallet_id?: string | null;
  /** Unique username. */
  username?: string | null;
  /** Id of an uploaded image to use as profile picture. */
  profile_image_id?: string | null;
  /** New plaintext password. */
  password?: string | null;
  /** An existing password hash to set instead of a password. */
  password_digest?: string;
  /** Algorithm of `password_digest`. */
  password_hasher?: string;
  /** Skip the password policy checks for the new password. */
  skip_password_checks?: boolean | null;
  /** End the user's other sessions after the password change. */
  sign_out_of_other_sessions?: boolean | null;
  /** A TOTP secret to enable authenticator-app MFA with. */
  totp_secret?: string | null;
  /** Backup codes to enable for the user. */
  backup_codes?: ReadonlyArray<string>;
  /** Let the user delete their own account from the frontend. */
  delete_self_enabled?: boolean | null;
  /** Let the user create organizations from the frontend. */
  create_organization_enabled?: boolean | null;
  /** When the user accepted the legal terms. */
  legal_accepted_at?: string | Date | null;
  /** Skip the legal-acceptance requirement. */
  skip_legal_checks?: boolean | null;
  /** Most organizations the user may create (0: no limit). */
  create_organizations_limit?: number | null;
  /** Sign-up date to record. */
  created_at?: string | Date | null;
  /** Exempt the user from Device Trust checks at sign-in. */
  bypass_client_trust?: boolean | null;
}

/** Body of `PATCH /users/{user_id}/metadata`: objects merged into the user's metadata. */
export interface ClerkUpdateUserMetadataRequest {
  /** Merged into the metadata readable by the frontend and the backend. */
  public_metadata?: Record<string, JsonValue>;
  /** Merged into the metadata readable by the backend only. */
  private_metadata?: Record<string, JsonValue>;
  /** Merged into the metadata the frontend may also write. */
  unsafe_metadata?: Record<string, JsonValue>;
}

/** Body of `POST /users/{user_id}/verify_password`. */
export interface ClerkVerifyPasswordRequest {
  /** The password to check. */
  password: string;
}

/** Body of `POST /users/{user_id}/verify_totp`. */
export interface ClerkVerifyTotpRequest {
  /** The TOTP code or backup code to check. */
  code: string;
}

/** Optional query parameters of `GET /users`. */
export interface ClerkGetUserListParams {
  /** Only these email addresses (up to 100). */
  email_address?: string | ReadonlyArray<string>;
  /** Only these phone numbers (up to 100). */
  phone_number?: string | ReadonlyArray<string>;
  /** Only these external ids (up to 100). */
  external_id?: string | ReadonlyArray<string>;
  /** Only these usernames (up to 100). */
  username?: string | ReadonlyArray<string>;
  /** Only these web3 wallet addresses (up to 100). */
  web3_wallet?: string | ReadonlyArray<string>;
  /** Only these user ids (up to 100); on lists, prefix `-` to exclude one. */
  user_id?: string | ReadonlyArray<string>;
  /** Only members of these organizations; `+`/`-` prefixes allowed. */
  organization_id?: string | ReadonlyArray<string>;
  /** Fuzzy search over identifiers, ids and names. */
  query?: string;
  /** Case-insensitive substring of an email address. */
  email_address_query?: string;
  /** Case-insensitive substring of a phone number. */
  phone_number_query?: string;
  /** Case-insensitive substring of a username. */
  username_query?: string;
  /** Case-insensitive substring of a first or last name. */
  name_query?: string;
  /** Only banned (`true`) or only not banned (`false`) users. */
  banned?: boolean;
  /** Last session activity before this time. */
  last_active_at_before?: number | Date;
  /** Last session activity after this time. */
  last_active_at_after?: number | Date;
  /** Deprecated: use `last_active_at_after`. */
  last_active_at_since?: number | Date;
  /** Created before this time. */
  created_at_before?: number | Date;
  /** Created after this time. */
  created_at_after?: number | Date;
  /** Last sign-in before this time. */
  last_sign_in_at_before?: number | Date;
  /** Last sign-in after this time. */
  last_sign_in_at_after?: number | Date;
  /** OAuth provider of `provider_user_id`, such as `oauth_google`. */
  provider?: string;
  /** Only these user ids at `provider` (needs `provider`). */
  provider_user_id?: string | ReadonlyArray<string>;
  /** Users per page, 1 to 500 (10 when omitted). */
  limit?: number;
  /** Users to skip (0 when omitted). */
  offset?: number;
  /** Cursor: id of the last user of the previous page (needs `created_at` order). */
  starting_after?: string;
  /** Sort field, prefixed with `+` or `-` (`-created_at` when omitted). */
  order_by?: string;
}

/** Optional query parameters of `GET /users/count`. */
export interface ClerkGetUsersCountParams {
  /** Only these email addresses (up to 100). */
  email_address?: string | ReadonlyArray<string>;
  /** Only these phone numbers (up to 100). */
  phone_number?: string | ReadonlyArray<string>;
  /** Only these external ids (up to 100). */
  external_id?: string | ReadonlyArray<string>;
  /** Only these usernames (up to 100). */
  username?: string | ReadonlyArray<string>;
  /** Only these web3 wallet addresses (up to 100). */
  web3_wallet?: string | ReadonlyArray<string>;
  /** Only these user ids (up to 100); on lists, prefix `-` to exclude one. */
  user_id?: string | ReadonlyArray<string>;
  /** Only members of these organizations; `+`/`-` prefixes allowed. */
  organization_id?: string | ReadonlyArray<string>;
  /** Fuzzy search over identifiers, ids and names. */
  query?: string;
  /** Case-insensitive substring of an email address. */
  email_address_query?: string;
  /** Case-insensitive substring of a phone number. */
  phone_number_query?: string;
  /** Case-insensitive substring of a username. */
  username_query?: string;
  /** Case-insensitive substring of a first or last name. */
  name_query?: string;
  /** Only banned (`true`) or only not banned (`false`) users. */
  banned?: boolean;
  /** Last session activity before this time. */
  last_active_at_before?: number | Date;
  /** Last session activity after this time. */
  last_active_at_after?: number | Date;
  /** Deprecated: use `last_active_at_after`. */
  last_active_at_since?: number | Date;
  /** Created before this time. */
  created_at_before?: number | Date;
  /** Created after this time. */
  created_at_after?: number | Date;
  /** Last sign-in before this time. */
  last_sign_in_at_before?: number | Date;
  /** Last sign-in after this time. */
  last_sign_in_at_after?: number | Date;
  /** OAuth provider of `provider_user_id`, such as `oauth_google`. */
  provider?: string;
  /** Only these user ids at `provider` (needs `provider`). */
  provider_user_id?: string | ReadonlyArray<string>;
}

/** Optional query parameters of `GET /users/{user_id}/oauth_access_tokens/{provider}`. */
export interface ClerkGetOAuthAccessTokenParams {
  /** Whether to page the tokens with `limit` and `offset`. */
  paginated?: boolean;
  /** Tokens per page, 1 to 500 (10 when omitted). */
  limit?: number;
  /** Tokens to skip (0 when omitted). */
  offset?: number;
}

/** Optional query parameters of `GET /users/{user_id}/organization_invitations`. */
export interface ClerkOrganizationInvitationsParams {
  /** Invitations per page, 1 to 500 (10 when omitted). */
  limit?: number;
  /** Invitations to skip (0 when omitted). */
  offset?: number;
  /** Only invitations in this state. */
  status?: "pending" | "accepted" | "revoked" | "expired";
}

/** Optional query parameters of `GET /users/{user_id}/organization_memberships`. */
export interface ClerkOrganizationMembershipsParams {
  /** Memberships per page, 1 to 500 (10 when omitted). */
  limit?: number;
  /** Memberships to skip (0 when omitted). */
  offset?: number;
}

/** A user, with identifiers, accounts and settings. */
export interface ClerkUser {
  /** The user's id. */
  id: string;
  /** Always `user`. */
  object: "user";
  /** Your own id for the user. */
  external_id: string | null;
  /** Id of the primary email address. */
  primary_email_address_id: string | null;
  /** Id of the primary phone number. */
  primary_phone_number_id: string | null;
  /** Id of the primary web3 wallet. */
  primary_web3_wallet_id: string | null;
  /** Username. */
  username: string | null;
  /** First name. */
  first_name: string | null;
  /** Last name. */
  last_name: string | null;
  /** Locale, such as `en-US`. */
  locale?: string | null;
  /** Deprecated: use `image_url`. */
  profile_image_url?: string;
  /** Profile picture URL. */
  image_url?: string;
  /** Whether a profile picture was uploaded. */
  has_image: boolean;
  /** Metadata readable by the frontend and the backend. */
  public_metadata: Record<string, JsonValue>;
  /** Metadata readable by the backend only. */
  private_metadata?: Record<string, JsonValue> | null;
  /** Metadata the frontend may also write. */
  unsafe_metadata?: Record<string, JsonValue>;
  /** Email addresses. */
  email_addresses: Array<ClerkEmailAddress>;
  /** Phone numbers. */
  phone_numbers: Array<ClerkPhoneNumber>;
  /** Web3 wallets. */
  web3_wallets: Array<ClerkWeb3Wallet>;
  /** Passkeys. */
  passkeys: Array<ClerkPasskey>;
  /** Whether the user has a password. */
  password_enabled: boolean;
  /** Whether a second factor is enabled. */
  two_factor_enabled: boolean;
  /** Whether authenticator-app codes are enabled. */
  totp_enabled: boolean;
  /** Whether backup codes are enabled. */
  backup_code_enabled: boolean;
  /** When MFA was last turned on (Unix ms; kept after turning it off). */
  mfa_enabled_at: number | null;
  /** When MFA was last turned off (Unix ms; kept after turning it on). */
  mfa_disabled_at: number | null;
  /** Last password change (Unix ms). */
  password_last_updated_at?: number | null;
  /** OAuth accounts. */
  external_accounts: Array<ClerkExternalAccount>;
  /** SAML accounts. */
  saml_accounts: Array<ClerkSamlAccount>;
  /** Enterprise accounts. */
  enterprise_accounts: Array<ClerkEnterpriseAccount>;
  /** Organization memberships. */
  organization_memberships?: Array<ClerkOrganizationMembership>;
  /** Last sign-in (Unix ms). */
  last_sign_in_at: number | null;
  /** Whether the user is banned. */
  banned: boolean;
  /** Whether the user is locked out of signing in. */
  locked: boolean;
  /** Whether the user was deprovisioned and may not sign in. */
  deprovisioned?: boolean;
  /** Seconds until the lockout ends (null for a locked user: never). */
  lockout_expires_in_seconds: number | null;
  /** Failed attempts left before a lockout (null: no lockout). */
  verification_attempts_remaining: number | null;
  /** Last update (Unix ms). */
  updated_at: number;
  /** Creation time (Unix ms). */
  created_at: number;
  /** Whether the user may delete their own account from the frontend. */
  delete_self_enabled: boolean;
  /** Whether the user may create organizations from the frontend. */
  create_organization_enabled: boolean;
  /** Most organizations the user may create (0: no limit). */
  create_organizations_limit?: number | null;
  /** Latest session activity (Unix ms, day precision). */
  last_active_at: number | null;
  /** When the user accepted the legal terms (Unix ms). */
  legal_accepted_at: number | null;
  /** Whether Device Trust checks are skipped at sign-in. */
  bypass_client_trust?: boolean;
  /** Directory linkage (webhook events only). */
  scim?: ClerkScimUserMetadata | null;
}

/** An email address of a user. */
export interface ClerkEmailAddress {
  /** The email address's id. */
  id?: string;
  /** Always `email_address`. */
  object: "email_address";
  /** The address. */
  email_address: string;
  /** Whether the address is reserved for the user but not usable yet. */
  reserved: boolean;
  /** Its verification, if any. */
  verification: ClerkVerification | null;
  /** Accounts it is linked to. */
  linked_to: Array<ClerkIdentificationLink>;
  /** Whether its domain belongs to an active enterprise connection. */
  matches_sso_connection?: boolean;
  /** Creation time (Unix ms). */
  created_at: number;
  /** Last update (Unix ms). */
  updated_at: number;
}

/** A phone number of a user. */
export interface ClerkPhoneNumber {
  /** The phone number's id. */
  id?: string;
  /** Always `phone_number`. */
  object: "phone_number";
  /** The number. */
  phone_number: string;
  /** Whether it is kept for second-factor codes. */
  reserved_for_second_factor?: boolean;
  /** Whether it is the default second factor. */
  default_second_factor?: boolean;
  /** Whether the number is reserved for the user but not usable yet. */
  reserved: boolean;
  /** Its verification, if any. */
  verification: ClerkVerification | null;
  /** Accounts it is linked to. */
  linked_to: Array<ClerkIdentificationLink>;
  /** Backup codes tied to it. */
  backup_codes?: Array<string> | null;
  /** Creation time (Unix ms). */
  created_at: number;
  /** Last update (Unix ms). */
  updated_at: number;
}

/** A web3 wallet of a user. */
export interface ClerkWeb3Wallet {
  /** The wallet's id. */
  id?: string;
  /** Always `web3_wallet`. */
  object: "web3_wallet";
  /** The wallet address. */
  web3_wallet: string;
  /** Its verification, if any. */
  verification: ClerkVerification | null;
  /** Creation time (Unix ms). */
  created_at: number;
  /** Last update (Unix ms). */
  updated_at: number;
}

/** A passkey of a user. */
export interface ClerkPasskey {
  /** The passkey's id. */
  id?: string;
  /** Always `passkey`. */
  object: "passkey";
  /** Display name. */
  name: string;
  /** Last use (Unix ms). */
  last_used_at: number;
  /** Its verification, if any. */
  verification: ClerkVerification | null;
}

/** An account of a user at an OAuth provider, with its verification. */
export interface ClerkExternalAccount {
  /** Kind of object (usually `external_account`). */
  object: "external_account" | "facebook_account" | "google_account";
  /** The account's id. */
  id: string;
  /** The provider, such as `oauth_google`. */
  provider: string;
  /** Id of the identification behind it. */
  identification_id: string;
  /** The user's id at the provider. */
  provider_user_id: string;
  /** Scopes the user granted (space-separated). */
  approved_scopes: string;
  /** Email address the provider reported. */
  email_address: string;
  /** Whether the provider said the email was verified (null: unknown). */
  email_address_verified?: boolean | null;
  /** First name at the provider. */
  first_name: string;
  /** Last name at the provider. */
  last_name: string;
  /** Deprecated: use `image_url`. */
  avatar_url?: string;
  /** Profile picture URL at the provider. */
  image_url?: string | null;
  /** Username at the provider. */
  username?: string | null;
  /** Phone number at the provider. */
  phone_number?: string | null;
  /** Public metadata of the account. */
  public_metadata: Record<string, JsonValue>;
  /** Label of the account. */
  label?: string | null;
  /** Creation time (Unix ms). */
  created_at: number;
  /** Last update (Unix ms). */
  updated_at: number;
  /** Its verification, if any. */
  verification: ClerkVerification | null;
}

/** An account of a user at a SAML identity provider. */
export interface ClerkSamlAccount {
  /** The account's id. */
  id: string;
  /** Always `saml_account`. */
  object: "saml_account";
  /** Identity provider. */
  provider: string;
  /** Whether the account is enabled. */
  active: boolean;
  /** Email address of the account. */
  email_address: string;
  /** First name at the provider. */
  first_name?: string | null;
  /** Last name at the provider. */
  last_name?: string | null;
  /** The user's id at the provider. */
  provider_user_id?: string | null;
  /** Last sign-in with it (Unix ms). */
  last_authenticated_at?: number | null;
  /** Public metadata of the account. */
  public_metadata?: Record<string, JsonValue>;
  /** Its verification, if any. */
  verification: ClerkVerification | null;
  /** The connection used. */
  saml_connection?: ClerkSamlAccountConnection | null;
}

/** The SAML connection behind a SAML account. */
export interface ClerkSamlAccountConnection {
  /** The connection's id. */
  id: string;
  /** Display name. */
  name: string;
  /** Deprecated: use `domains`. */
  domain?: string;
  /** Email domains the connection serves. */
  domains?: Array<string>;
  /** Whether the connection is enabled. */
  active: boolean;
  /** Identity provider. */
  provider: string;
  /** Whether user attributes are updated at each sign-in. */
  sync_user_attributes: boolean;
  /** Whether subdomains of `domains` are accepted. */
  allow_subdomains?: boolean;
  /** Whether sign-ins started at the identity provider are accepted. */
  allow_idp_initiated?: boolean;
  /** Whether users may not add other identifiers. */
  disable_additional_identifications?: boolean;
  /** Creation time (Unix ms). */
  created_at: number;
  /** Last update (Unix ms). */
  updated_at: number;
}

/** An account of a user at an enterprise identity provider (SAML or OAuth). */
export interface ClerkEnterpriseAccount {
  /** The account's id. */
  id: string;
  /** Always `enterprise_account`. */
  object: "enterprise_account";
  /** Protocol used to sign in. */
  protocol?: "oauth" | "saml";
  /** Identity provider. */
  provider: string;
  /** Whether the account is enabled. */
  active: boolean;
  /** Email address of the account. */
  email_address: string;
  /** First name at the provider. */
  first_name?: string | null;
  /** Last name at the provider. */
  last_name?: string | null;
  /** The user's id at the provider. */
  provider_user_id?: string | null;
  /** Id of the connection used. */
  enterprise_connection_id?: string | null;
  /** Public metadata of the account. */
  public_metadata?: Record<string, JsonValue>;
  /** Its verification, if any. */
  verification: ClerkVerification | null;
  /** The connection used. */
  enterprise_connection?: ClerkEnterpriseAccountConnection | null;
  /** Last sign-in with it (Unix ms). */
  last_authenticated_at?: number | null;
}

/** The enterprise connection behind an enterprise account. */
export interface ClerkEnterpriseAccountConnection {
  /** The connection's id. */
  id: string;
  /** Protocol, such as `saml` or `oauth`. */
  protocol: string;
  /** Identity provider. */
  provider: string;
  /** Display name. */
  name: string;
  /** Logo URL. */
  logo_public_url: string | null;
  /** Deprecated: use `domains`. */
  domain?: string;
  /** Email domains the connection serves. */
  domains?: Array<string>;
  /** Whether the connection is enabled. */
  active: boolean;
  /** Whether user attributes are updated at each sign-in. */
  sync_user_attributes: boolean;
  /** Whether subdomains of `domains` are accepted. */
  allow_subdomains: boolean;
  /** Whether sign-ins started at the identity provider are accepted. */
  allow_idp_initiated: boolean;
  /** Whether users may not add other identifiers. */
  disable_additional_identifications: boolean;
  /** Creation time (Unix ms). */
  created_at: number;
  /** Last update (Unix ms). */
  updated_at: number;
}

/** A link from an identifier to an account, such as an OAuth account. */
export interface ClerkIdentificationLink {
  /** Kind of account, such as `oauth_google`. */
  type: string;
  /** The linked account's id. */
  id: string;
}

/** How (`strategy`) and how far (`status`) an identifier or account was verified; all kinds share it. */
export interface ClerkVerification {
  /** Kind of verification, such as `verification_otp` or `verification_oauth`. */
  object?: string;
  /** State: `unverified`, `verified`, `failed`, `expired` or `transferable`. */
  status: string;
  /** Method, such as `email_code`, `admin`, `oauth_google`, `saml` or `passkey`. */
  strategy: string;
  /** Attempts made so far. */
  attempts: number | null;
  /** When the verification expires (Unix ms). */
  expire_at?: number | null;
  /** Why it failed (OAuth, Google One Tap and SAML). */
  error?: ClerkErrorDetail | null;
  /** Nonce to sign (web3 wallets and passkeys). */
  nonce?: string | null;
  /** Message to sign (web3 wallets and passkeys). */
  message?: string | null;
  /** Where to send the user to finish (OAuth and SAML). */
  external_verification_redirect_url?: string | null;
  /** Channel the code was sent through (phone codes). */
  channel?: string | null;
  /** Client on which the verification completed. */
  verified_at_client?: string | null;
}

/** One error as Clerk reports it (also found in failed verifications). */
export interface ClerkErrorDetail {
  /** Short description. */
  message: string;
  /** Longer description. */
  long_message: string;
  /** Machine-readable error code. */
  code: string;
  /** Extra details, such as the offending parameter. */
  meta?: Record<string, JsonValue>;
}

/** How a user is linked to the directory that provisions them (webhook events only). */
export interface ClerkScimUserMetadata {
  /** The directory's id. */
  directory_id: string;
  /** Whether the directory is enabled (absent when not). */
  directory_enabled?: boolean;
  /** The user's id in the directory. */
  external_id: string | null;
}

/** A page of a user's organization memberships. */
export interface ClerkOrganizationMemberships {
  /** The memberships of this page. */
  data: Array<ClerkOrganizationMembership>;
  /** Number of memberships across all pages. */
  total_count: number;
}

/** A user's membership in an organization. */
export interface ClerkOrganizationMembership {
  /** The membership's id. */
  id: string;
  /** Always `organization_membership`. */
  object: "organization_membership";
  /** Role key. */
  role: string;
  /** Role display name. */
  role_name?: string;
  /** Permission keys the role grants. */
  permissions: Array<string>;
  /** Metadata readable by the frontend and the backend. */
  public_metadata: Record<string, JsonValue>;
  /** Metadata readable by the backend only. */
  private_metadata?: Record<string, JsonValue>;
  /** The organization. */
  organization: ClerkOrganization;
  /** Public data of the member. */
  public_user_data?: ClerkOrganizationMembershipPublicUserData;
  /** Creation time (Unix ms). */
  created_at: number;
  /** Last update (Unix ms). */
  updated_at: number;
}

/** An organization. */
export interface ClerkOrganization {
  /** Always `organization`. */
  object: "organization";
  /** The organization's id. */
  id: string;
  /** Name. */
  name: string;
  /** URL-friendly unique name. */
  slug: string;
  /** Logo URL. */
  image_url?: string;
  /** Whether a logo was uploaded. */
  has_image: boolean;
  /** Number of members. */
  members_count?: number;
  /** Whether no member holds admin permissions. */
  missing_member_with_elevated_permissions?: boolean;
  /** Number of pending invitations. */
  pending_invitations_count?: number;
  /** Most members allowed (0: no limit). */
  max_allowed_memberships: number;
  /** Whether admins may delete the organization. */
  admin_delete_enabled: boolean;
  /** Metadata readable by the frontend and the backend. */
  public_metadata: Record<string, JsonValue>;
  /** Metadata readable by the backend only. */
  private_metadata?: Record<string, JsonValue>;
  /** Id of the user who created it. */
  created_by?: string;
  /** Creation time (Unix ms). */
  created_at: number;
  /** Last update (Unix ms). */
  updated_at: number;
  /** Last activity (Unix ms). */
  last_active_at?: number;
  /** Key of the role set the organization uses. */
  role_set_key?: string | null;
}

/** The public data of the member of an organization membership. */
export interface ClerkOrganizationMembershipPublicUserData {
  /** The user's id. */
  user_id: string;
  /** First name. */
  first_name: string | null;
  /** Last name. */
  last_name: string | null;
  /** Deprecated: use `image_url`. */
  profile_image_url: string | null;
  /** Profile picture URL. */
  image_url: string;
  /** Whether a profile picture was uploaded. */
  has_image: boolean;
  /** Primary identifier, such as the email address. */
  identifier?: string | null;
  /** Username. */
  username?: string | null;
  /** Whether the user is banned. */
  banned?: boolean;
  /** Whether the user was deprovisioned. */
  deprovisioned?: boolean;
}

/** A page of a user's organization invitations. */
export interface ClerkOrganizationInvitations {
  /** The invitations of this page. */
  data: Array<ClerkOrganizationInvitation>;
  /** Number of invitations across all pages. */
  total_count: number;
}

/** An invitation to join an organization, with public data of the organization. */
export interface ClerkOrganizationInvitation {
  /** Always `organization_invitation`. */
  object?: "organization_invitation";
  /** The invitation's id. */
  id?: string;
  /** Address the invitation was sent to. */
  email_address?: string;
  /** Role key the invitee gets. */
  role?: string;
  /** Role display name. */
  role_name?: string;
  /** The organization's id. */
  organization_id?: string;
  /** Id of the user who sent it. */
  inviter_id?: string | null;
  /** Public data of the user who sent it. */
  public_inviter_data?: ClerkOrganizationInvitationPublicUserData | null;
  /** State, such as `pending`, `accepted`, `revoked` or `expired`. */
  status?: string;
  /** Metadata readable by the frontend and the backend. */
  public_metadata?: Record<string, JsonValue>;
  /** Metadata readable by the backend only. */
  private_metadata?: Record<string, JsonValue>;
  /** Link to accept the invitation. */
  url?: string | null;
  /** Expiry (Unix ms). */
  expires_at?: number | null;
  /** Creation time (Unix ms). */
  created_at?: number;
  /** Last update (Unix ms). */
  updated_at?: number;
  /** Public data of the organization. */
  public_organization_data?: ClerkOrganizationInvitationPublicOrganizationData;
}

/** The public data of the user who sent an organization invitation. */
export interface ClerkOrganizationInvitationPublicUserData {
  /** The inviter's id. */
  user_id: string;
  /** First name. */
  first_name: string | null;
  /** Last name. */
  last_name: string | null;
  /** Profile picture URL. */
  image_url: string;
  /** Whether a profile picture was uploaded. */
  has_image: boolean;
  /** Primary identifier, such as the email address. */
  identifier: string;
}

/** The public data of the organization an invitation is for. */
export interface ClerkOrganizationInvitationPublicOrganizationData {
  /** The organization's id. */
  id: string;
  /** Name. */
  name: string;
  /** URL-friendly unique name. */
  slug: string;
  /** Logo URL. */
  image_url?: string;
  /** Whether a logo was uploaded. */
  has_image: boolean;
}

/** What a deletion removed. */
export interface ClerkDeletedObject {
  /** Kind of object removed. */
  object: string;
  /** Its id. */
  id?: string;
  /** Its slug, if it had one. */
  slug?: string;
  /** Whether it was deleted. */
  deleted: boolean;
  /** Its external id, if it had one. */
  external_id?: string;
}

/** A number of users. */
export interface ClerkTotalCount {
  /** Always `total_count`. */
  object: "total_count";
  /** The count. */
  total_count: number;
}

/** An OAuth access token of a user at a provider. */
export interface ClerkOAuthAccessToken {
  /** Always `oauth_access_token`. */
  object: "oauth_access_token";
  /** Id of the external account it belongs to. */
  external_account_id: string;
  /** The user's id at the provider. */
  provider_user_id: string;
  /** The access token. */
  token: string;
  /** Expiry (Unix ms). */
  expires_at: number | null;
  /** The provider, such as `oauth_google`. */
  provider: string;
  /** Public metadata of the account. */
  public_metadata: Record<string, JsonValue>;
  /** Label of the account. */
  label: string | null;
  /** Scopes the token grants (OAuth 2.0 only). */
  scopes?: Array<string>;
  /** OpenID Connect ID token, when the provider issued one. */
  id_token?: string;
  /** Token secret (OAuth 1.0 only). */
  token_secret?: string;
}

/** A page of a user's OAuth access tokens: what `paginated: true` answers, as the official SDKs read it (the OpenAPI document says an array). */
export interface ClerkOAuthAccessTokenPage {
  /** The tokens of this page. */
  data: Array<ClerkOAuthAccessToken>;
  /** Number of tokens across all pages. */
  total_count: number;
}

/** Result of removing backup codes, TOTP or all MFA methods: the user's id. */
export interface ClerkUserIdResult {
  /** The user's id. */
  user_id?: string;
}

/** Result of a correct password check. */
export interface ClerkVerifyPasswordResult {
  /** Whether the password matched. */
  verified?: boolean;
}

/** Result of a correct TOTP or backup code check. */
export interface ClerkVerifyTotpResult {
  /** Whether the code matched. */
  verified?: boolean;
  /** Which kind of code matched. */
  code_type?: "totp" | "backup_code";
}

/** A TOTP authenticator; historical, as returned by `POST /users/{user_id}/totp` before Clerk removed it. */
export interface ClerkTotp {
  /** Kind of object. */
  object: string;
  /** The authenticator's id. */
  id: string;
  /** Shared secret. */
  secret: string | null;
  /** `otpauth://` URI for authenticator apps. */
  uri: string | null;
  /** Whether it was verified. */
  verified: boolean;
  /** Backup codes issued with it. */
  backup_codes?: Array<string> | null;
}

/**
 * Client for the Users endpoints of the Clerk Backend API (version 2026-05-12).
 * 
 * Every method returns a promise; failures reject with an `IdpUsersError`.
 * Parameters and results use Clerk's own field names.
 */
export declare class ClerkUsersApi {
  /**
   * Validates the config (throws an `IdpUsersError` of kind `"validation"`); sends nothing.
   *
   * @example
   * const clerk = new ClerkUsersApi({ secretKey: 'sk_test_...' });
   */
  constructor(config: ClerkUsersApiConfig);
  /**
   * Bans a user: their sessions are revoked and they cannot sign in until unbanned.
   *
   * `POST /users/{user_id}/ban` (seed: `ban_user`).
   * @param userId The user's id.
   *
   * @example
   * const user = await clerk.banUser('user_123');
   */
  banUser(userId: string, options?: RequestOptions): Promise<ClerkUser>;
  /**
   * `banUser`, resolving to the data with the HTTP status and headers (seed: `ban_user_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.banUserWithHttpInfo('user_123');
   */
  banUserWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<ClerkUser>>;
  /**
   * Creates a user. Which identifiers are required depends on the instance's settings.
   *
   * `POST /users` (seed: `create_user`).
   * @param body The new user's identifiers, password and settings.
   *
   * @example
   * const user = await clerk.createUser({ email_address: ['ada@example.com'], first_name: 'Ada', skip_password_requirement: true });
   */
  createUser(body: ClerkCreateUserRequest, options?: RequestOptions): Promise<ClerkUser>;
  /**
   * `createUser`, resolving to the data with the HTTP status and headers (seed: `create_user_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.createUserWithHttpInfo({ email_address: ['ada@example.com'], first_name: 'Ada', skip_password_requirement: true });
   */
  createUserWithHttpInfo(body: ClerkCreateUserRequest, options?: RequestOptions): Promise<HttpInfo<ClerkUser>>;
  /**
   * Creates a TOTP for a user, as the seed SDK documents it.
   *
   * `POST /users/{user_id}/totp` (seed: `create_user_totp`).
   * @param userId The user's id.
   * @deprecated Clerk removed POST /users/{user_id}/totp from the Backend API in January 2025: set a TOTP with `totp_secret` in createUser or updateUser
   *
   * @example
   * const totp = await clerk.createUserTotp('user_123');
   */
  createUserTotp(userId: string, options?: RequestOptions): Promise<ClerkTotp>;
  /**
   * `createUserTotp`, resolving to the data with the HTTP status and headers (seed: `create_user_totp_with_http_info`).
   * @deprecated Clerk removed POST /users/{user_id}/totp from the Backend API in January 2025: set a TOTP with `totp_secret` in createUser or updateUser
   *
   * @example
   * const { data, status, headers } = await clerk.createUserTotpWithHttpInfo('user_123');
   */
  createUserTotpWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<ClerkTotp>>;
  /**
   * Disables all of a user's backup codes.
   *
   * `DELETE /users/{user_id}/backup_code` (seed: `delete_backup_code`).
   * @param userId The user's id.
   *
   * @example
   * const result = await clerk.deleteBackupCode('user_123');
   */
  deleteBackupCode(userId: string, options?: RequestOptions): Promise<ClerkUserIdResult>;
  /**
   * `deleteBackupCode`, resolving to the data with the HTTP status and headers (seed: `delete_backup_code_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.deleteBackupCodeWithHttpInfo('user_123');
   */
  deleteBackupCodeWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<ClerkUserIdResult>>;
  /**
   * Deletes one of a user's external (OAuth) accounts.
   *
   * `DELETE /users/{user_id}/external_accounts/{external_account_id}` (seed: `delete_external_account`).
   * @param userId The user's id.
   * @param externalAccountId The external account's id.
   *
   * @example
   * const deleted = await clerk.deleteExternalAccount('user_123', 'eac_123');
   */
  deleteExternalAccount(userId: string, externalAccountId: string, options?: RequestOptions): Promise<ClerkDeletedObject>;
  /**
   * `deleteExternalAccount`, resolving to the data with the HTTP status and headers (seed: `delete_external_account_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.deleteExternalAccountWithHttpInfo('user_123', 'eac_123');
   */
  deleteExternalAccountWithHttpInfo(userId: string, externalAccountId: string, options?: RequestOptions): Promise<HttpInfo<ClerkDeletedObject>>;
  /**
   * Deletes all of a user's TOTPs.
   *
   * `DELETE /users/{user_id}/totp` (seed: `delete_totp`).
   * @param userId The user's id.
   *
   * @example
   * const result = await clerk.deleteTotp('user_123');
   */
  deleteTotp(userId: string, options?: RequestOptions): Promise<ClerkUserIdResult>;
  /**
   * `deleteTotp`, resolving to the data with the HTTP status and headers (seed: `delete_totp_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.deleteTotpWithHttpInfo('user_123');
   */
  deleteTotpWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<ClerkUserIdResult>>;
  /**
   * Deletes a user.
   *
   * `DELETE /users/{user_id}` (seed: `delete_user`).
   * @param userId The user's id.
   *
   * @example
   * const deleted = await clerk.deleteUser('user_123');
   */
  deleteUser(userId: string, options?: RequestOptions): Promise<ClerkDeletedObject>;
  /**
   * `deleteUser`, resolving to the data with the HTTP status and headers (seed: `delete_user_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.deleteUserWithHttpInfo('user_123');
   */
  deleteUserWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<ClerkDeletedObject>>;
  /**
   * Deletes a user's profile image.
   *
   * `DELETE /users/{user_id}/profile_image` (seed: `delete_user_profile_image`).
   * @param userId The user's id.
   *
   * @example
   * const user = await clerk.deleteUserProfileImage('user_123');
   */
  deleteUserProfileImage(userId: string, options?: RequestOptions): Promise<ClerkUser>;
  /**
   * `deleteUserProfileImage`, resolving to the data with the HTTP status and headers (seed: `delete_user_profile_image_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.deleteUserProfileImageWithHttpInfo('user_123');
   */
  deleteUserProfileImageWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<ClerkUser>>;
  /**
   * Disables all of a user's MFA methods (TOTP, backup codes, second-factor phone numbers).
   *
   * `DELETE /users/{user_id}/mfa` (seed: `disable_mfa`).
   * @param userId The user's id.
   *
   * @example
   * const result = await clerk.disableMfa('user_123');
   */
  disableMfa(userId: string, options?: RequestOptions): Promise<ClerkUserIdResult>;
  /**
   * `disableMfa`, resolving to the data with the HTTP status and headers (seed: `disable_mfa_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.disableMfaWithHttpInfo('user_123');
   */
  disableMfaWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<ClerkUserIdResult>>;
  /**
   * Gets the OAuth access tokens a user holds for one provider. With `paginated: true`, each page is a `ClerkOAuthAccessTokenPage` (`{ data, total_count }`, as the API answers) or the array its OpenAPI document describes; iteration reads either.
   *
   * `GET /users/{user_id}/oauth_access_tokens/{provider}` (seed: `get_o_auth_access_token`).
   *
   * The promise is also async-iterable over every item of every page: `for await (const item of ...)`.
   * @param userId The user's id.
   * @param provider The OAuth provider's id, such as `oauth_google`.
   *
   * @example
   * const page = await clerk.getOAuthAccessToken('user_123', 'oauth_google', { paginated: true }); // { data, total_count }
   * for await (const item of clerk.getOAuthAccessToken('user_123', 'oauth_google', { paginated: true })) console.log(item);
   */
  getOAuthAccessToken(userId: string, provider: string, params: ClerkGetOAuthAccessTokenParams & { paginated: true }, options?: RequestOptions): PagePromise<ClerkOAuthAccessTokenPage | Array<ClerkOAuthAccessToken>, ClerkOAuthAccessToken>;
  /**
   * `getOAuthAccessToken` with `paginated: true`, resolving to the data with the HTTP status and headers.
   *
   * @example
   * const { data, status } = await clerk.getOAuthAccessTokenWithHttpInfo('user_123', 'oauth_google', { paginated: true });
   */
  getOAuthAccessTokenWithHttpInfo(userId: string, provider: string, params: ClerkGetOAuthAccessTokenParams & { paginated: true }, options?: RequestOptions): Promise<HttpInfo<ClerkOAuthAccessTokenPage | Array<ClerkOAuthAccessToken>>>;
  /**
   * Gets the OAuth access tokens a user holds for one provider.
   *
   * `GET /users/{user_id}/oauth_access_tokens/{provider}` (seed: `get_o_auth_access_token`).
   *
   * The promise is also async-iterable over every item of every page: `for await (const item of ...)`.
   * @param userId The user's id.
   * @param provider The OAuth provider's id, such as `oauth_google`.
   *
   * @example
   * const tokens = await clerk.getOAuthAccessToken('user_123', 'oauth_google');
   * for await (const item of clerk.getOAuthAccessToken('user_123', 'oauth_google')) console.log(item);
   */
  getOAuthAccessToken(userId: string, provider: string, params?: ClerkGetOAuthAccessTokenParams, options?: RequestOptions): PagePromise<Array<ClerkOAuthAccessToken>, ClerkOAuthAccessToken>;
  /**
   * `getOAuthAccessToken`, resolving to the data with the HTTP status and headers (seed: `get_o_auth_access_token_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.getOAuthAccessTokenWithHttpInfo('user_123', 'oauth_google');
   */
  getOAuthAccessTokenWithHttpInfo(userId: string, provider: string, params?: ClerkGetOAuthAccessTokenParams, options?: RequestOptions): Promise<HttpInfo<Array<ClerkOAuthAccessToken>>>;
  /**
   * Gets one user.
   *
   * `GET /users/{user_id}` (seed: `get_user`).
   * @param userId The user's id.
   *
   * @example
   * const user = await clerk.getUser('user_123');
   */
  getUser(userId: string, options?: RequestOptions): Promise<ClerkUser>;
  /**
   * `getUser`, resolving to the data with the HTTP status and headers (seed: `get_user_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.getUserWithHttpInfo('user_123');
   */
  getUserWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<ClerkUser>>;
  /**
   * Lists users, newest first unless `order_by` says otherwise, with optional filters and `limit`/`offset` paging.
   *
   * `GET /users` (seed: `get_user_list`).
   *
   * The promise is also async-iterable over every item of every page: `for await (const item of ...)`.
   *
   * @example
   * const users = await clerk.getUserList({ limit: 100, order_by: '-created_at', banned: false });
   * for await (const item of clerk.getUserList({ limit: 100, order_by: '-created_at', banned: false })) console.log(item);
   */
  getUserList(params?: ClerkGetUserListParams, options?: RequestOptions): PagePromise<Array<ClerkUser>, ClerkUser>;
  /**
   * `getUserList`, resolving to the data with the HTTP status and headers (seed: `get_user_list_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.getUserListWithHttpInfo({ limit: 100, order_by: '-created_at', banned: false });
   */
  getUserListWithHttpInfo(params?: ClerkGetUserListParams, options?: RequestOptions): Promise<HttpInfo<Array<ClerkUser>>>;
  /**
   * Counts the users that match the same filters as getUserList.
   *
   * `GET /users/count` (seed: `get_users_count`).
   *
   * @example
   * const count = await clerk.getUsersCount({ banned: false });
   */
  getUsersCount(params?: ClerkGetUsersCountParams, options?: RequestOptions): Promise<ClerkTotalCount>;
  /**
   * `getUsersCount`, resolving to the data with the HTTP status and headers (seed: `get_users_count_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.getUsersCountWithHttpInfo({ banned: false });
   */
  getUsersCountWithHttpInfo(params?: ClerkGetUsersCountParams, options?: RequestOptions): Promise<HttpInfo<ClerkTotalCount>>;
  /**
   * Locks a user: they cannot sign in until unlocked or the lockout expires.
   *
   * `POST /users/{user_id}/lock` (seed: `lock_user`).
   * @param userId The user's id.
   *
   * @example
   * const user = await clerk.lockUser('user_123');
   */
  lockUser(userId: string, options?: RequestOptions): Promise<ClerkUser>;
  /**
   * `lockUser`, resolving to the data with the HTTP status and headers (seed: `lock_user_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.lockUserWithHttpInfo('user_123');
   */
  lockUserWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<ClerkUser>>;
  /**
   * Uploads a user's profile image (sent as `multipart/form-data`).
   *
   * `POST /users/{user_id}/profile_image` (seed: `set_user_profile_image`).
   * @param userId The user's id.
   * @param file The image: a `Blob` or `File`, or its bytes as an `ArrayBuffer` or `Uint8Array`.
   *
   * @example
   * const user = await clerk.setUserProfileImage('user_123', new Blob([await (await fetch('https://example.com/ada.png')).arrayBuffer()], { type: 'image/png' }));
   */
  setUserProfileImage(userId: string, file: Blob | ArrayBuffer | ArrayBufferView | { file: Blob | ArrayBuffer | ArrayBufferView }, options?: RequestOptions): Promise<ClerkUser>;
  /**
   * `setUserProfileImage`, resolving to the data with the HTTP status and headers (seed: `set_user_profile_image_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.setUserProfileImageWithHttpInfo('user_123', new Blob([await (await fetch('https://example.com/ada.png')).arrayBuffer()], { type: 'image/png' }));
   */
  setUserProfileImageWithHttpInfo(userId: string, file: Blob | ArrayBuffer | ArrayBufferView | { file: Blob | ArrayBuffer | ArrayBufferView }, options?: RequestOptions): Promise<HttpInfo<ClerkUser>>;
  /**
   * Lifts a user's ban.
   *
   * `POST /users/{user_id}/unban` (seed: `unban_user`).
   * @param userId The user's id.
   *
   * @example
   * const user = await clerk.unbanUser('user_123');
   */
  unbanUser(userId: string, options?: RequestOptions): Promise<ClerkUser>;
  /**
   * `unbanUser`, resolving to the data with the HTTP status and headers (seed: `unban_user_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.unbanUserWithHttpInfo('user_123');
   */
  unbanUserWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<ClerkUser>>;
  /**
   * Unlocks a user.
   *
   * `POST /users/{user_id}/unlock` (seed: `unlock_user`).
   * @param userId The user's id.
   *
   * @example
   * const user = await clerk.unlockUser('user_123');
   */
  unlockUser(userId: string, options?: RequestOptions): Promise<ClerkUser>;
  /**
   * `unlockUser`, resolving to the data with the HTTP status and headers (seed: `unlock_user_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.unlockUserWithHttpInfo('user_123');
   */
  unlockUserWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<ClerkUser>>;
  /**
   * Updates a user. Metadata is changed with updateUserMetadata.
   *
   * `PATCH /users/{user_id}` (seed: `update_user`).
   * @param userId The user's id.
   * @param body The fields to change.
   *
   * @example
   * const user = await clerk.updateUser('user_123', { first_name: 'Ada', last_name: 'Lovelace' });
   */
  updateUser(userId: string, body: ClerkUpdateUserRequest, options?: RequestOptions): Promise<ClerkUser>;
  /**
   * `updateUser`, resolving to the data with the HTTP status and headers (seed: `update_user_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.updateUserWithHttpInfo('user_123', { first_name: 'Ada', last_name: 'Lovelace' });
   */
  updateUserWithHttpInfo(userId: string, body: ClerkUpdateUserRequest, options?: RequestOptions): Promise<HttpInfo<ClerkUser>>;
  /**
   * Deep-merges metadata into a user's: a `null` value removes that key.
   *
   * `PATCH /users/{user_id}/metadata` (seed: `update_user_metadata`).
   * @param userId The user's id.
   *
   * @example
   * const user = await clerk.updateUserMetadata('user_123', { public_metadata: { plan: 'pro' }, private_metadata: { legacy_id: null } });
   */
  updateUserMetadata(userId: string, body?: ClerkUpdateUserMetadataRequest, options?: RequestOptions): Promise<ClerkUser>;
  /**
   * `updateUserMetadata`, resolving to the data with the HTTP status and headers (seed: `update_user_metadata_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.updateUserMetadataWithHttpInfo('user_123', { public_metadata: { plan: 'pro' }, private_metadata: { legacy_id: null } });
   */
  updateUserMetadataWithHttpInfo(userId: string, body?: ClerkUpdateUserMetadataRequest, options?: RequestOptions): Promise<HttpInfo<ClerkUser>>;
  /**
   * Deletes one of a user's passkeys.
   *
   * `DELETE /users/{user_id}/passkeys/{passkey_identification_id}` (seed: `user_passkey_delete`).
   * @param userId The user's id.
   * @param passkeyIdentificationId The passkey's id.
   *
   * @example
   * const deleted = await clerk.userPasskeyDelete('user_123', 'idn_123');
   */
  userPasskeyDelete(userId: string, passkeyIdentificationId: string, options?: RequestOptions): Promise<ClerkDeletedObject>;
  /**
   * `userPasskeyDelete`, resolving to the data with the HTTP status and headers (seed: `user_passkey_delete_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.userPasskeyDeleteWithHttpInfo('user_123', 'idn_123');
   */
  userPasskeyDeleteWithHttpInfo(userId: string, passkeyIdentificationId: string, options?: RequestOptions): Promise<HttpInfo<ClerkDeletedObject>>;
  /**
   * Deletes one of a user's web3 wallets.
   *
   * `DELETE /users/{user_id}/web3_wallets/{web3_wallet_identification_id}` (seed: `user_web3_wallet_delete`).
   * @param userId The user's id.
   * @param web3WalletIdentificationId The web3 wallet's id.
   *
   * @example
   * const deleted = await clerk.userWeb3WalletDelete('user_123', 'idn_456');
   */
  userWeb3WalletDelete(userId: string, web3WalletIdentificationId: string, options?: RequestOptions): Promise<ClerkDeletedObject>;
  /**
   * `userWeb3WalletDelete`, resolving to the data with the HTTP status and headers (seed: `user_web3_wallet_delete_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.userWeb3WalletDeleteWithHttpInfo('user_123', 'idn_456');
   */
  userWeb3WalletDeleteWithHttpInfo(userId: string, web3WalletIdentificationId: string, options?: RequestOptions): Promise<HttpInfo<ClerkDeletedObject>>;
  /**
   * Lists the organization invitations sent to a user, optionally by status.
   *
   * `GET /users/{user_id}/organization_invitations` (seed: `users_get_organization_invitations`).
   *
   * The promise is also async-iterable over every item of every page: `for await (const item of ...)`.
   * @param userId The user's id.
   *
   * @example
   * const page = await clerk.usersGetOrganizationInvitations('user_123', { status: 'pending' });
   * for await (const item of clerk.usersGetOrganizationInvitations('user_123', { status: 'pending' })) console.log(item);
   */
  usersGetOrganizationInvitations(userId: string, params?: ClerkOrganizationInvitationsParams, options?: RequestOptions): PagePromise<ClerkOrganizationInvitations, NonNullable<ClerkOrganizationInvitations["data"]>[number]>;
  /**
   * `usersGetOrganizationInvitations`, resolving to the data with the HTTP status and headers (seed: `users_get_organization_invitations_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.usersGetOrganizationInvitationsWithHttpInfo('user_123', { status: 'pending' });
   */
  usersGetOrganizationInvitationsWithHttpInfo(userId: string, params?: ClerkOrganizationInvitationsParams, options?: RequestOptions): Promise<HttpInfo<ClerkOrganizationInvitations>>;
  /**
   * Lists a user's organization memberships.
   *
   * `GET /users/{user_id}/organization_memberships` (seed: `users_get_organization_memberships`).
   *
   * The promise is also async-iterable over every item of every page: `for await (const item of ...)`.
   * @param userId The user's id.
   *
   * @example
   * const page = await clerk.usersGetOrganizationMemberships('user_123', { limit: 100 });
   * for await (const item of clerk.usersGetOrganizationMemberships('user_123', { limit: 100 })) console.log(item);
   */
  usersGetOrganizationMemberships(userId: string, params?: ClerkOrganizationMembershipsParams, options?: RequestOptions): PagePromise<ClerkOrganizationMemberships, NonNullable<ClerkOrganizationMemberships["data"]>[number]>;
  /**
   * `usersGetOrganizationMemberships`, resolving to the data with the HTTP status and headers (seed: `users_get_organization_memberships_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.usersGetOrganizationMembershipsWithHttpInfo('user_123', { limit: 100 });
   */
  usersGetOrganizationMembershipsWithHttpInfo(userId: string, params?: ClerkOrganizationMembershipsParams, options?: RequestOptions): Promise<HttpInfo<ClerkOrganizationMemberships>>;
  /**
   * Checks a user's password: resolves when it is right; a wrong one rejects with status 422, no password set with 400.
   *
   * `POST /users/{user_id}/verify_password` (seed: `verify_password`).
   * @param userId The user's id.
   * @param body The password to check.
   *
   * @example
   * const check = await clerk.verifyPassword('user_123', { password: 'the password to check' });
   */
  verifyPassword(userId: string, body: ClerkVerifyPasswordRequest, options?: RequestOptions): Promise<ClerkVerifyPasswordResult>;
  /**
   * `verifyPassword`, resolving to the data with the HTTP status and headers (seed: `verify_password_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.verifyPasswordWithHttpInfo('user_123', { password: 'the password to check' });
   */
  verifyPasswordWithHttpInfo(userId: string, body: ClerkVerifyPasswordRequest, options?: RequestOptions): Promise<HttpInfo<ClerkVerifyPasswordResult>>;
  /**
   * Checks a TOTP or backup code: resolves when it is right; a wrong one rejects with status 422, no TOTP set with 400.
   *
   * `POST /users/{user_id}/verify_totp` (seed: `verify_totp`).
   * @param userId The user's id.
   * @param body The TOTP or backup code to check.
   *
   * @example
   * const check = await clerk.verifyTotp('user_123', { code: '123456' });
   */
  verifyTotp(userId: string, body: ClerkVerifyTotpRequest, options?: RequestOptions): Promise<ClerkVerifyTotpResult>;
  /**
   * `verifyTotp`, resolving to the data with the HTTP status and headers (seed: `verify_totp_with_http_info`).
   *
   * @example
   * const { data, status, headers } = await clerk.verifyTotpWithHttpInfo('user_123', { code: '123456' });
   */
  verifyTotpWithHttpInfo(userId: string, body: ClerkVerifyTotpRequest, options?: RequestOptions): Promise<HttpInfo<ClerkVerifyTotpResult>>;
  /**
   * Releases the client's memory now instead of when it is garbage-collected.
   *
   * @example
   * clerk.free();
   */
  free(): void;
}
