// Generated from the operation and model tables in src/ by `UPDATE_TYPINGS=1 cargo test`.
// Do not edit by hand.

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Options accepted by every operation, after its own arguments. */
export interface RequestOptions {
  /** Aborts the request; the promise then rejects with an `IdpUsersError` of kind `"aborted"`. */
  signal?: AbortSignal;
  /** Extra headers for this request (they take precedence over the client's `headers`). */
  headers?: Record<string, string>;
  /** Time limit for this request in milliseconds (default: the client's `timeoutMs`). */
  timeoutMs?: number;
}

/** What the `...WithHttpInfo` twin of an operation resolves to. */
export interface HttpInfo<T> {
  /** The parsed response body, exactly as the API sent it. */
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
 * - `decode`: the API answered 2xx with a body that is not JSON.
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
  /** The `Retry-After` header, in milliseconds. */
  readonly retryAfterMs: number | null;
  /** A request trace id (Clerk's `clerk_trace_id`, or the `cf-ray` header). */
  readonly traceId: string | null;
  /** The fields above, for logging (`JSON.stringify(error)`). */
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
  /** Headers sent with every API request. */
  headers?: Record<string, string>;
  /** Time limit per request in milliseconds, token requests included (default 30000). */
  timeoutMs?: number;
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
  /** The M2M application's client secret. */
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
  /** Validates the config (throws an `IdpUsersError` of kind `"validation"`); sends nothing. */
  constructor(config: KindeUsersApiConfig);
  /**
   * Creates a user, optionally with identities (scope `create:users`).
   *
   * `POST /api/v1/user` (seed: `create_user`).
   */
  createUser(body?: KindeCreateUserRequest, options?: RequestOptions): Promise<KindeCreateUserResponse>;
  /** `createUser`, resolving to the data with the HTTP status and headers (seed: `create_user_with_http_info`). */
  createUserWithHttpInfo(body?: KindeCreateUserRequest, options?: RequestOptions): Promise<HttpInfo<KindeCreateUserResponse>>;
  /**
   * Adds an identity to a user (scope `create:user_identities`).
   *
   * `POST /api/v1/users/{user_id}/identities` (seed: `create_user_identity`).
   * @param userId The user's id.
   */
  createUserIdentity(userId: string, body?: KindeCreateUserIdentityRequest, options?: RequestOptions): Promise<KindeCreateIdentityResponse>;
  /** `createUserIdentity`, resolving to the data with the HTTP status and headers (seed: `create_user_identity_with_http_info`). */
  createUserIdentityWithHttpInfo(userId: string, body?: KindeCreateUserIdentityRequest, options?: RequestOptions): Promise<HttpInfo<KindeCreateIdentityResponse>>;
  /**
   * Deletes a user (scope `delete:users`).
   *
   * `DELETE /api/v1/user` (seed: `delete_user`).
   * @param id The user's id.
   */
  deleteUser(id: string, params?: KindeDeleteUserParams, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /** `deleteUser`, resolving to the data with the HTTP status and headers (seed: `delete_user_with_http_info`). */
  deleteUserWithHttpInfo(id: string, params?: KindeDeleteUserParams, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Ends all of a user's sessions (scope `delete:user_sessions`).
   *
   * `DELETE /api/v1/users/{user_id}/sessions` (seed: `delete_user_sessions`).
   * @param userId The user's id.
   */
  deleteUserSessions(userId: string, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /** `deleteUserSessions`, resolving to the data with the HTTP status and headers (seed: `delete_user_sessions_with_http_info`). */
  deleteUserSessionsWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Gets one user (scope `read:users`).
   *
   * `GET /api/v1/user` (seed: `get_user_data`).
   * @param id The user's id.
   */
  getUserData(id: string, params?: KindeGetUserDataParams, options?: RequestOptions): Promise<KindeUser>;
  /** `getUserData`, resolving to the data with the HTTP status and headers (seed: `get_user_data_with_http_info`). */
  getUserDataWithHttpInfo(id: string, params?: KindeGetUserDataParams, options?: RequestOptions): Promise<HttpInfo<KindeUser>>;
  /**
   * Lists a user's identities (scope `read:user_identities`).
   *
   * `GET /api/v1/users/{user_id}/identities` (seed: `get_user_identities`).
   * @param userId The user's id.
   */
  getUserIdentities(userId: string, params?: KindeGetUserIdentitiesParams, options?: RequestOptions): Promise<KindeGetIdentitiesResponse>;
  /** `getUserIdentities`, resolving to the data with the HTTP status and headers (seed: `get_user_identities_with_http_info`). */
  getUserIdentitiesWithHttpInfo(userId: string, params?: KindeGetUserIdentitiesParams, options?: RequestOptions): Promise<HttpInfo<KindeGetIdentitiesResponse>>;
  /**
   * Lists a user's property values (scope `read:user_properties`).
   *
   * `GET /api/v1/users/{user_id}/properties` (seed: `get_user_property_values`).
   * @param userId The user's id.
   */
  getUserPropertyValues(userId: string, options?: RequestOptions): Promise<KindeGetPropertyValuesResponse>;
  /** `getUserPropertyValues`, resolving to the data with the HTTP status and headers (seed: `get_user_property_values_with_http_info`). */
  getUserPropertyValuesWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<KindeGetPropertyValuesResponse>>;
  /**
   * Lists a user's sessions (scope `read:user_sessions`).
   *
   * `GET /api/v1/users/{user_id}/sessions` (seed: `get_user_sessions`).
   * @param userId The user's id.
   */
  getUserSessions(userId: string, options?: RequestOptions): Promise<KindeGetUserSessionsResponse>;
  /** `getUserSessions`, resolving to the data with the HTTP status and headers (seed: `get_user_sessions_with_http_info`). */
  getUserSessionsWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<KindeGetUserSessionsResponse>>;
  /**
   * Lists users, a page at a time, with optional filters (scope `read:users`).
   *
   * `GET /api/v1/users` (seed: `get_users`).
   */
  getUsers(params?: KindeGetUsersParams, options?: RequestOptions): Promise<KindeUsersResponse>;
  /** `getUsers`, resolving to the data with the HTTP status and headers (seed: `get_users_with_http_info`). */
  getUsersWithHttpInfo(params?: KindeGetUsersParams, options?: RequestOptions): Promise<HttpInfo<KindeUsersResponse>>;
  /**
   * Gets a user's MFA configuration (scope `read:user_mfa`).
   *
   * `GET /api/v1/users/{user_id}/mfa` (seed: `get_users_mfa`).
   * @param userId The user's id.
   */
  getUsersMfa(userId: string, options?: RequestOptions): Promise<KindeGetUserMfaResponse>;
  /** `getUsersMfa`, resolving to the data with the HTTP status and headers (seed: `get_users_mfa_with_http_info`). */
  getUsersMfaWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<KindeGetUserMfaResponse>>;
  /**
   * Refreshes a user's token claims and invalidates their cache (scope `update:user_refresh_claims`).
   *
   * `POST /api/v1/users/{user_id}/refresh_claims` (seed: `refresh_user_claims`).
   * @param userId The user's id.
   */
  refreshUserClaims(userId: string, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /** `refreshUserClaims`, resolving to the data with the HTTP status and headers (seed: `refresh_user_claims_with_http_info`). */
  refreshUserClaimsWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Removes one MFA factor of a user (scope `delete:user_mfa`).
   *
   * `DELETE /api/v1/users/{user_id}/mfa/{factor_id}` (seed: `reset_users_mfa`).
   * @param userId The user's id.
   * @param factorId The MFA factor's id.
   */
  resetUsersMfa(userId: string, factorId: string, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /** `resetUsersMfa`, resolving to the data with the HTTP status and headers (seed: `reset_users_mfa_with_http_info`). */
  resetUsersMfaWithHttpInfo(userId: string, factorId: string, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Removes all MFA factors of a user (scope `delete:user_mfa`).
   *
   * `DELETE /api/v1/users/{user_id}/mfa` (seed: `reset_users_mfa_all`).
   * @param userId The user's id.
   */
  resetUsersMfaAll(userId: string, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /** `resetUsersMfaAll`, resolving to the data with the HTTP status and headers (seed: `reset_users_mfa_all_with_http_info`). */
  resetUsersMfaAllWithHttpInfo(userId: string, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Sets a user's password from a hash (scope `update:user_passwords`).
   *
   * `PUT /api/v1/users/{user_id}/password` (seed: `set_user_password`).
   * @param userId The user's id.
   * @param body The hashed password.
   */
  setUserPassword(userId: string, body: KindeSetUserPasswordRequest, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /** `setUserPassword`, resolving to the data with the HTTP status and headers (seed: `set_user_password_with_http_info`). */
  setUserPasswordWithHttpInfo(userId: string, body: KindeSetUserPasswordRequest, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Updates a user (scope `update:users`).
   *
   * `PATCH /api/v1/user` (seed: `update_user`).
   * @param id The user's id.
   * @param body The fields to change.
   */
  updateUser(id: string, body: KindeUpdateUserRequest, options?: RequestOptions): Promise<KindeUpdateUserResponse>;
  /** `updateUser`, resolving to the data with the HTTP status and headers (seed: `update_user_with_http_info`). */
  updateUserWithHttpInfo(id: string, body: KindeUpdateUserRequest, options?: RequestOptions): Promise<HttpInfo<KindeUpdateUserResponse>>;
  /**
   * Overrides a feature flag's value for a user (scope `update:user_feature_flags`).
   *
   * `PATCH /api/v1/users/{user_id}/feature_flags/{feature_flag_key}` (seed: `update_user_feature_flag_override`).
   * @param userId The user's id.
   * @param featureFlagKey The feature flag's key.
   * @param value The override value.
   */
  updateUserFeatureFlagOverride(userId: string, featureFlagKey: string, value: string | number | boolean, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /** `updateUserFeatureFlagOverride`, resolving to the data with the HTTP status and headers (seed: `update_user_feature_flag_override_with_http_info`). */
  updateUserFeatureFlagOverrideWithHttpInfo(userId: string, featureFlagKey: string, value: string | number | boolean, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Sets several property values of a user (scope `update:user_properties`).
   *
   * `PATCH /api/v1/users/{user_id}/properties` (seed: `update_user_properties`).
   * @param userId The user's id.
   * @param body The properties to set.
   */
  updateUserProperties(userId: string, body: KindeUpdateUserPropertiesRequest, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /** `updateUserProperties`, resolving to the data with the HTTP status and headers (seed: `update_user_properties_with_http_info`). */
  updateUserPropertiesWithHttpInfo(userId: string, body: KindeUpdateUserPropertiesRequest, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Sets one property value of a user (scope `update:user_properties`).
   *
   * `PUT /api/v1/users/{user_id}/properties/{property_key}` (seed: `update_user_property`).
   * @param userId The user's id.
   * @param propertyKey The property's key.
   * @param value The new value.
   */
  updateUserProperty(userId: string, propertyKey: string, value: string | number | boolean, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /** `updateUserProperty`, resolving to the data with the HTTP status and headers (seed: `update_user_property_with_http_info`). */
  updateUserPropertyWithHttpInfo(userId: string, propertyKey: string, value: string | number | boolean, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /**
   * Adds users to an organization (scope `create:organization_users`). The older SDK's `POST /api/v1/organization/users?code=` is now this endpoint.
   *
   * `POST /api/v1/organizations/{org_code}/users` (seed: `add_organization_users`).
   * @param orgCode The organization's code.
   * @param body The users to add.
   */
  addOrganizationUsers(orgCode: string, body: KindeAddOrganizationUsersRequest, options?: RequestOptions): Promise<KindeAddOrganizationUsersResponse>;
  /** `addOrganizationUsers`, resolving to the data with the HTTP status and headers (seed: `add_organization_users_with_http_info`). */
  addOrganizationUsersWithHttpInfo(orgCode: string, body: KindeAddOrganizationUsersRequest, options?: RequestOptions): Promise<HttpInfo<KindeAddOrganizationUsersResponse>>;
  /**
   * Lists an organization's members (scope `read:organization_users`). The older SDK's `GET /api/v1/organization/users?code=` is now this endpoint.
   *
   * `GET /api/v1/organizations/{org_code}/users` (seed: `get_organization_users`).
   * @param orgCode The organization's code.
   */
  getOrganizationUsers(orgCode: string, params?: KindeGetOrganizationUsersParams, options?: RequestOptions): Promise<KindeGetOrganizationUsersResponse>;
  /** `getOrganizationUsers`, resolving to the data with the HTTP status and headers (seed: `get_organization_users_with_http_info`). */
  getOrganizationUsersWithHttpInfo(orgCode: string, params?: KindeGetOrganizationUsersParams, options?: RequestOptions): Promise<HttpInfo<KindeGetOrganizationUsersResponse>>;
  /**
   * Removes users from an organization (scope `update:organization_users`): sent to today's `PATCH` as `operation: "delete"` entries.
   *
   * `PATCH /api/v1/organizations/{org_code}/users` (seed: `remove_organization_users`).
   * @param orgCode The organization's code.
   * @param body The users to remove.
   */
  removeOrganizationUsers(orgCode: string, body: KindeRemoveOrganizationUsersRequest, options?: RequestOptions): Promise<KindeUpdateOrganizationUsersResponse>;
  /** `removeOrganizationUsers`, resolving to the data with the HTTP status and headers (seed: `remove_organization_users_with_http_info`). */
  removeOrganizationUsersWithHttpInfo(orgCode: string, body: KindeRemoveOrganizationUsersRequest, options?: RequestOptions): Promise<HttpInfo<KindeUpdateOrganizationUsersResponse>>;
  /**
   * Removes one user from an organization (scope `delete:organization_users`). Not in the seeds; today's single-user form.
   *
   * `DELETE /api/v1/organizations/{org_code}/users/{user_id}` (seed: `remove_organization_user`).
   * @param orgCode The organization's code.
   * @param userId The user's id.
   */
  removeOrganizationUser(orgCode: string, userId: string, options?: RequestOptions): Promise<KindeSuccessResponse>;
  /** `removeOrganizationUser`, resolving to the data with the HTTP status and headers (seed: `remove_organization_user_with_http_info`). */
  removeOrganizationUserWithHttpInfo(orgCode: string, userId: string, options?: RequestOptions): Promise<HttpInfo<KindeSuccessResponse>>;
  /** Releases the client's memory now instead of when it is garbage-collected. */
  free(): void;
}
