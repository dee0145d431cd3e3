/**
 * In-memory fakes of identity-provider APIs (the Kinde Management API and the
 * Clerk Backend API Users endpoints), served through a fetch-compatible
 * handler. Runs in Node 20+, Deno, Bun, workerd and browsers.
 *
 * @example
 * ```ts
 * import { createFakeProviders } from 'idp-users/fake';
 * const fake = createFakeProviders({ seed: 25 });
 * const res = await fake.fetch('https://fake.kinde.com/api/v1/users', {
 *   headers: { authorization: `Bearer ${fake.kinde.issueToken()}` },
 * });
 * const users = await fake.fetch('https://api.clerk.com/v1/users', {
 *   headers: { authorization: `Bearer ${fake.clerk.secretKey}` },
 * });
 * ```
 */

/**
 * Load controls: a rate limit, a share of failing requests and a delay, for
 * testing retries, backoff and timeouts. Given to {@link createFakeProviders}
 * or changed later with {@link FakeProviders.setControls}.
 */
export interface FakeControls {
  /**
   * Requests per second each provider accepts (Kinde and Clerk counted apart;
   * Kinde's token requests count for Kinde). A positive number, decimals
   * allowed; `0` or `undefined` means no limit (the default).
   *
   * A token bucket on the fake clock (it moves with real time and
   * {@link FakeProviders.advanceTime}): a burst of `max(1, rateLimit)` requests
   * passes, then `rateLimit` per second. A request over the limit changes no
   * state and gets a 429 — Kinde: no body, `RateLimit-Limit: <rateLimit>`,
   * `RateLimit-Remaining: 0`, `RateLimit-Reset: <seconds>`; Clerk:
   * `Retry-After: <seconds>` and a ClerkErrors body with code
   * `too_many_requests`. `<seconds>` is the whole number of seconds (at least
   * 1) after which a request would be accepted again.
   * @throws TypeError when negative, not finite or not a number.
   */
  rateLimit?: number | undefined;
  /**
   * The fraction of requests (0 to 1; default 0) answered 500 with the
   * provider's error body (Kinde `INTERNAL_SERVER_ERROR`, Clerk
   * `internal_clerk_error`) before they touch any state. Which requests fail
   * is drawn from a generator seeded with `randomSeed`, so the same requests
   * fail on every run. Requests refused by the rate limit are not drawn.
   * @throws TypeError outside 0..1.
   */
  failRate?: number | undefined;
  /**
   * Milliseconds (a whole number, default 0) every answer waits before the
   * fake looks at the request (with `setTimeout`). If the request's signal
   * aborts meanwhile, `fetch` rejects at once with the signal's reason and
   * the request changes nothing.
   * @throws TypeError when not a whole number from 0 to 2147483647.
   */
  latencyMs?: number | undefined;
  /**
   * Seed of the generator behind `failRate` (a whole number from 0 to
   * 4294967295; default 20260101). Setting it restarts the sequence.
   */
  randomSeed?: number | undefined;
}

/** Options of {@link createFakeProviders}. */
export interface FakeProvidersOptions extends FakeControls {
  /** Number of seeded users of each provider, Kinde and Clerk (a non-negative integer; default 25). See fake/README.md for the data. */
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
  /** The body as UTF-8 text (binary parts of multipart uploads decoded lossily); `null` when the request had none. */
  body: string | null;
}

/** A canned response for the next matching request(s); see {@link FakeKinde.injectFault} and {@link FakeClerk.injectFault}. */
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
  /** How many `POST /oauth2/token` requests arrived (faulted, rate-limited and failRate ones included). */
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
   * Restores the seeded data, clears pending faults and gives Kinde a full
   * rate-limit allowance. Issued tokens, the token request count, the clock,
   * the load controls and the request log are kept.
   */
  reset(): void;
}

/** The `verification` of a Clerk identification (the fake's seeded and created ones). */
export interface ClerkVerification {
  /** `verification_otp` (status `unverified`) for a reserved email address or phone number. */
  object: 'verification_admin' | 'verification_otp' | 'verification_web3' | 'verification_passkey' | 'verification_oauth';
  status: 'verified' | 'unverified';
  /** `admin`, `email_code`/`phone_code` (reserved), `web3_metamask_signature`, `passkey`, or the OAuth provider (e.g. `oauth_google`). */
  strategy: string;
  attempts: number | null;
  expire_at: number | null;
}

/** An `IdentificationLink`: the external account an email address is linked to. */
export interface ClerkIdentificationLink {
  /** The provider, e.g. `oauth_google`. */
  type: string;
  /** The external account id. */
  id: string;
}

/** The spec's `EmailAddress` model. Timestamps are unix milliseconds of the fake clock. */
export interface ClerkEmailAddress {
  id: string;
  object: 'email_address';
  email_address: string;
  reserved: boolean;
  /** An unverified `verification_otp` for a reserved address (the fake never sends null). */
  verification: ClerkVerification | null;
  linked_to: ClerkIdentificationLink[];
  matches_sso_connection: boolean;
  created_at: number;
  updated_at: number;
}

/** The spec's `PhoneNumber` model. */
export interface ClerkPhoneNumber {
  id: string;
  object: 'phone_number';
  phone_number: string;
  reserved_for_second_factor: boolean;
  default_second_factor: boolean;
  reserved: boolean;
  verification: ClerkVerification | null;
  linked_to: ClerkIdentificationLink[];
  created_at: number;
  updated_at: number;
}

/** The spec's `Web3Wallet` model. */
export interface ClerkWeb3Wallet {
  id: string;
  object: 'web3_wallet';
  web3_wallet: string;
  verification: ClerkVerification | null;
  created_at: number;
  updated_at: number;
}

/** The spec's `Passkey` model. */
export interface ClerkPasskey {
  id: string;
  object: 'passkey';
  name: string;
  last_used_at: number;
  verification: ClerkVerification | null;
}

/** The spec's `ExternalAccountWithVerification` model, as the fake fills it. */
export interface ClerkExternalAccount {
  object: 'external_account';
  id: string;
  /** e.g. `oauth_google`. */
  provider: string;
  identification_id: string;
  provider_user_id: string;
  /** Space-separated scopes. */
  approved_scopes: string;
  email_address: string;
  email_address_verified: boolean | null;
  first_name: string;
  last_name: string;
  image_url: string | null;
  username: string | null;
  phone_number: string | null;
  public_metadata: Record<string, unknown>;
  label: string | null;
  created_at: number;
  updated_at: number;
  verification: ClerkVerification | null;
}

/** The spec's `User` model, with every field the fake sends (it sends no others). */
export interface ClerkUser {
  id: string;
  object: 'user';
  external_id: string | null;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  primary_web3_wallet_id: string | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  /** Same as `image_url` (deprecated by Clerk). */
  profile_image_url: string;
  /** The uploaded/seeded image, or the fake's default avatar when `has_image` is false. */
  image_url: string;
  has_image: boolean;
  public_metadata: Record<string, unknown>;
  private_metadata: Record<string, unknown> | null;
  unsafe_metadata: Record<string, unknown>;
  email_addresses: ClerkEmailAddress[];
  phone_numbers: ClerkPhoneNumber[];
  web3_wallets: ClerkWeb3Wallet[];
  passkeys: ClerkPasskey[];
  password_enabled: boolean;
  /** `totp_enabled || backup_code_enabled`. */
  two_factor_enabled: boolean;
  totp_enabled: boolean;
  backup_code_enabled: boolean;
  mfa_enabled_at: number | null;
  mfa_disabled_at: number | null;
  password_last_updated_at: number | null;
  external_accounts: ClerkExternalAccount[];
  /** Always empty in the fake. */
  saml_accounts: never[];
  /** Always empty in the fake. */
  enterprise_accounts: never[];
  last_sign_in_at: number | null;
  banned: boolean;
  locked: boolean;
  deprovisioned: boolean;
  /** Always null: a lock by the API never expires. */
  lockout_expires_in_seconds: number | null;
  /** 0 while locked, 100 otherwise. */
  verification_attempts_remaining: number | null;
  updated_at: number;
  created_at: number;
  delete_self_enabled: boolean;
  create_organization_enabled: boolean;
  create_organizations_limit: number | null;
  last_active_at: number | null;
  legal_accepted_at: number | null;
  bypass_client_trust: boolean;
}

/** A copy of one fake Clerk user, for assertions: the API's `User` plus state the API does not show. */
export interface ClerkUserSnapshot extends ClerkUser {
  /** The base32 TOTP secret, or null without TOTP. */
  totp_secret: string | null;
  /** The backup codes not used yet. */
  backup_codes: string[];
  /** Ids of the organizations the user is a member of, newest membership first. */
  organization_ids: string[];
}

/** A profile image as uploaded through `POST /v1/users/{id}/profile_image`. */
export interface ClerkProfileImage {
  /** The file name of the `file` part (`blob` when none was given). */
  name: string;
  /** The part's content type (empty when none was given). */
  type: string;
  /** Size in bytes. */
  size: number;
  /** A copy of the uploaded bytes. */
  bytes: Uint8Array;
}

/** Test controls of the fake Clerk (`/v1/...`). */
export interface FakeClerk {
  /** The only secret key accepted (`Authorization: Bearer sk_test_fake`). */
  readonly secretKey: 'sk_test_fake';
  /**
   * Makes the next matching request(s) to `/v1/...` get a raw response, after
   * routing to Clerk and before the secret key is checked. Same rules as Kinde's.
   * @throws TypeError when the fault is malformed.
   */
  injectFault(fault: FaultSpec): void;
  /** A snapshot of every user, oldest first. */
  users(): ClerkUserSnapshot[];
  /**
   * Restores the seeded data, clears pending faults and gives Clerk a full
   * rate-limit allowance. The legacyTotp setting, the clock, the load controls
   * and the request log are kept.
   */
  reset(): void;
  /**
   * Serves the removed `POST /v1/users/{id}/totp` (as the seed SDK documents it)
   * when true; when false (the default) it is a 405 with `Allow: DELETE`.
   * @throws TypeError when `enabled` is not a boolean.
   */
  legacyTotp(enabled: boolean): void;
  /** The 6-digit TOTP code valid now (fake clock) for the user, or undefined when the user or its TOTP does not exist. */
  totpCode(userId: string): Promise<string | undefined>;
  /** The last uploaded profile image of the user, or undefined (no user, no upload, seeded image or deleted). */
  profileImage(userId: string): ClerkProfileImage | undefined;
}

/** The fake providers: one fetch handler for all of them, plus their controls. */
export interface FakeProviders {
  /**
   * A bound `fetch` to hand to a client. Works for any origin (routes by path).
   * Rejects with the signal's reason (an `AbortError` DOMException by default)
   * if `init.signal` (or the Request's signal) is or becomes aborted.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Answers one Request (no abort handling, except that the Request's signal ends a `latencyMs` wait by rejecting with its reason). */
  handle(request: Request): Promise<Response>;
  /** Moves the fake clock forward by `ms` milliseconds (token expiry, timestamps of new data, the rate limit). */
  advanceTime(ms: number): void;
  /**
   * Changes the load controls from now on. Only the keys given change; a key
   * given as `undefined` goes back to its default (no limit, 0, 0, the default
   * seed). Changing `rateLimit` gives both providers a full allowance.
   * Everything is checked before anything changes.
   * @throws TypeError for a bad value or an unknown key.
   *
   * @example
   * ```ts
   * fake.setControls({ rateLimit: 5, failRate: 0.1 });
   * fake.setControls({ rateLimit: 0, failRate: 0 }); // back to normal
   * ```
   */
  setControls(controls: FakeControls): void;
  /**
   * Every request received, oldest first, including those refused by the rate
   * limit or failed by `failRate`. The array is live; clear it with `requests.length = 0`.
   */
  readonly requests: LoggedRequest[];
  /** The fake Kinde Management API (`/oauth2/token`, `/api/...`). */
  readonly kinde: FakeKinde;
  /** The fake Clerk Backend API, Users endpoints (`/v1/...`). */
  readonly clerk: FakeClerk;
}

/**
 * Creates fake providers sharing one clock and one request log.
 * @throws TypeError for invalid options.
 */
export declare function createFakeProviders(options?: FakeProvidersOptions): FakeProviders;
