/**
 * In-memory fakes of identity-provider APIs (Kinde Management API today),
 * served through a fetch-compatible handler. Runs in Node 20+, Deno, Bun,
 * workerd and browsers.
 *
 * @example
 * ```ts
 * import { createFakeProviders } from 'idp-users/fake';
 * const fake = createFakeProviders({ seed: 25 });
 * const res = await fake.fetch('https://fake.kinde.com/api/v1/users', {
 *   headers: { authorization: `Bearer ${fake.kinde.issueToken()}` },
 * });
 * ```
 */

/** Options of {@link createFakeProviders}. */
export interface FakeProvidersOptions {
  /** Number of seeded Kinde users (a non-negative integer; default 25). See fake/README.md for the data. */
  seed?: number;
  /** Lifetime of each issued access token, in whole seconds of the fake clock (default 3600). */
  tokenTtlSeconds?: number;
  /** The base clock, in milliseconds since the epoch (default `Date.now`). `advanceTime` adds to it. */
  now?: () => number;
}

/** One request as the fake received it. */
export interface LoggedRequest {
  /** The HTTP method as sent. fetch upper-cases DELETE/GET/HEAD/OPTIONS/POST/PUT only, so a `patch` stays lower-case (and gets 405). */
  method: string;
  /** The full request URL. */
  url: string;
  /** The URL's pathname. */
  path: string;
  /** Request headers, names lower-cased. */
  headers: Record<string, string>;
  /** The body as UTF-8 text; `null` when the request had none. */
  body: string | null;
}

/** A canned response for the next matching request(s); see {@link FakeKinde.injectFault}. */
export interface FaultSpec {
  /** Only requests with this method (any case) match. Default: any method. */
  method?: string;
  /** Only requests whose pathname equals this string, or matches this RegExp. Default: any path. */
  path?: string | RegExp;
  /** Status of the canned response (200 to 599). */
  status: number;
  /** Body of the canned response. A non-empty body gets `content-type: application/json; charset=utf-8` unless `headers` names one. */
  body?: string;
  /** Headers of the canned response (e.g. `{ 'retry-after': '2' }`). */
  headers?: Record<string, string>;
  /** How many matching requests get this response: a positive integer or `Infinity` (default 1). */
  times?: number;
}

/** An identity of a {@link KindeUserSnapshot}. */
export interface KindeIdentitySnapshot {
  id: string;
  /** `email`, `username`, `phone`, or a connection strategy such as `oauth2:google` / `saml:custom`. */
  type: string;
  /** The identity's value (email address, username, phone number). */
  name: string;
  email: string | null;
  connection_id: string | null;
  is_confirmed: boolean;
  is_primary: boolean;
}

/** A session of a {@link KindeUserSnapshot}, in the API's `get_user_sessions_response` shape. */
export interface KindeSessionSnapshot {
  session_id: string;
  user_id: string;
  org_code: string | null;
  client_id: string;
  connection_id: string;
  started_on: string;
  updated_on: string;
  expires_on: string;
  initial_ip_address: string;
  last_ip_address: string;
  initial_user_agent: string;
  last_user_agent: string;
}

/** An MFA factor of a {@link KindeUserSnapshot}. */
export interface KindeMfaFactorSnapshot {
  id: string;
  type: string;
  name: string;
  is_verified: boolean;
  created_on: string;
  usage_count: number;
  last_used_on: string | null;
}

/** A user's membership of an organization. */
export interface KindeMembershipSnapshot {
  /** The organization code. */
  code: string;
  roles: string[];
  /** Permissions granted directly (role permissions not included). */
  permissions: string[];
  joined_on: string;
  last_accessed_on: string | null;
}

/** Hashing methods accepted by SetUserPassword. */
export type KindeHashingMethod =
  | 'bcrypt'
  | 'crypt'
  | 'md5'
  | 'sha256'
  | 'wordpress'
  | 'pbkdf2'
  | 'firebase-scrypt'
  | 'aspnet-identity-v2';

/** A password set through SetUserPassword (the hash itself is not kept). */
export interface KindePasswordSnapshot {
  hashing_method: KindeHashingMethod;
  is_temporary_password: boolean;
  /** ISO 8601 time on the fake clock. */
  set_on: string;
}

/** A copy of one fake Kinde user, for assertions. Changing it does not change the fake. */
export interface KindeUserSnapshot {
  id: string;
  provided_id: string | null;
  first_name: string | null;
  last_name: string | null;
  /** The preferred email: the primary email identity, else the first one. */
  email: string | null;
  /** The first username identity. */
  username: string | null;
  /** The first phone identity. */
  phone: string | null;
  picture: string | null;
  is_suspended: boolean;
  is_password_reset_requested: boolean;
  total_sign_ins: number;
  failed_sign_ins: number;
  last_signed_in: string | null;
  created_on: string;
  billing_customer_id: string;
  identities: KindeIdentitySnapshot[];
  sessions: KindeSessionSnapshot[];
  mfa: KindeMfaFactorSnapshot[];
  /** Property key → value (`null` when unset). */
  properties: Record<string, string | null>;
  /** Feature flag key → override value (only flags with an override). */
  feature_flags: Record<string, boolean>;
  organizations: KindeMembershipSnapshot[];
  password: KindePasswordSnapshot | null;
  /** When refresh_claims was last called for the user (fake clock), or null. */
  claims_refreshed_on: string | null;
}

/** Test controls of the fake Kinde. */
export interface FakeKinde {
  /** The only client id the token endpoint accepts. */
  readonly clientId: 'fake-client-id';
  /** The only client secret the token endpoint accepts. */
  readonly clientSecret: 'fake-client-secret';
  /** A valid access token, without a token request (for access-token mode). */
  issueToken(): string;
  /** Invalidates every token issued so far; later requests with them get 403 TOKEN_INVALID. */
  revokeTokens(): void;
  /** How many `POST /oauth2/token` requests arrived (faulted ones included). */
  readonly tokenRequests: number;
  /**
   * Makes the next matching request(s) get a raw response, after routing to
   * Kinde and before the bearer token is checked.
   * @throws TypeError when the fault is malformed.
   */
  injectFault(fault: FaultSpec): void;
  /** A snapshot of every user, oldest first. */
  users(): KindeUserSnapshot[];
  /**
   * Restores the seeded data and clears pending faults. Issued tokens, the
   * token request count, the clock and the request log are kept.
   */
  reset(): void;
}

/** The fake providers: one fetch handler for all of them, plus their controls. */
export interface FakeProviders {
  /**
   * A bound `fetch` to hand to a client. Works for any origin (routes by path).
   * Rejects with the signal's reason (an `AbortError` DOMException by default)
   * if `init.signal` (or the Request's signal) is or becomes aborted.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Answers one Request (no abort handling). */
  handle(request: Request): Promise<Response>;
  /** Moves the fake clock forward by `ms` milliseconds (token expiry, timestamps of new data). */
  advanceTime(ms: number): void;
  /** Every request received, oldest first. The array is live; clear it with `requests.length = 0`. */
  readonly requests: LoggedRequest[];
  /** The fake Kinde Management API (`/oauth2/token`, `/api/...`). */
  readonly kinde: FakeKinde;
}

/**
 * Creates fake providers sharing one clock and one request log.
 * @throws TypeError for invalid options.
 */
export declare function createFakeProviders(options?: FakeProvidersOptions): FakeProviders;
