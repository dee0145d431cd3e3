// Typings of `idp-users/proxy`: a fetch handler that lets a browser client
// call the Kinde and Clerk Users APIs without holding a provider credential.

import type { ClerkUsersApiConfig, KindeUsersApiConfig } from './index.js';

/** The operations of `KindeUsersApi` (each method's name without `WithHttpInfo`). */
export type KindeOperationName =
  | 'createUser'
  | 'createUserIdentity'
  | 'deleteUser'
  | 'deleteUserSessions'
  | 'getUserData'
  | 'getUserIdentities'
  | 'getUserPropertyValues'
  | 'getUserSessions'
  | 'getUsers'
  | 'getUsersMfa'
  | 'refreshUserClaims'
  | 'resetUsersMfa'
  | 'resetUsersMfaAll'
  | 'setUserPassword'
  | 'updateUser'
  | 'updateUserFeatureFlagOverride'
  | 'updateUserProperties'
  | 'updateUserProperty'
  | 'addOrganizationUsers'
  | 'getOrganizationUsers'
  | 'removeOrganizationUsers'
  | 'removeOrganizationUser';

/** The operations of `ClerkUsersApi` (each method's name without `WithHttpInfo`). */
export type ClerkOperationName =
  | 'banUser'
  | 'createUser'
  | 'createUserTotp'
  | 'deleteBackupCode'
  | 'deleteExternalAccount'
  | 'deleteTotp'
  | 'deleteUser'
  | 'deleteUserProfileImage'
  | 'disableMfa'
  | 'getOAuthAccessToken'
  | 'getUser'
  | 'getUserList'
  | 'getUsersCount'
  | 'lockUser'
  | 'setUserProfileImage'
  | 'unbanUser'
  | 'unlockUser'
  | 'updateUser'
  | 'updateUserMetadata'
  | 'userPasskeyDelete'
  | 'userWeb3WalletDelete'
  | 'usersGetOrganizationInvitations'
  | 'usersGetOrganizationMemberships'
  | 'verifyPassword'
  | 'verifyTotp';

/**
 * An entry of `allow`: one operation qualified by its provider
 * (`"kinde.getUsers"`, `"clerk.banUser"`), or every operation of a provider
 * (`"kinde.*"`, `"clerk.*"`). An operation allows its method and its
 * `...WithHttpInfo` twin, which send the same request.
 */
export type UsersProxyOperation = `kinde.${KindeOperationName}` | 'kinde.*' | `clerk.${ClerkOperationName}` | 'clerk.*';

/** What `createUsersProxy` takes. Invalid options throw an `IdpUsersError` of kind `"validation"` naming the option (`param`). */
export interface UsersProxyOptions {
  /**
   * The Kinde side: exactly the config of `new KindeUsersApi(config)`
   * (`domain`, `clientId` + `clientSecret` or `accessToken` or `getToken`,
   * `fetch`, `headers`, `timeoutMs`, ...). Its token is minted and cached by
   * the same single-flight cache as the client's own calls, and re-minted
   * once when the API rejects it (401/403). Omit it to serve Clerk only.
   */
  kinde?: KindeUsersApiConfig;
  /**
   * The Clerk side: exactly the config of `new ClerkUsersApi(config)`
   * (`secretKey`, `baseUrl`, `apiVersion`, `fetch`, `headers`, `timeoutMs`, ...).
   * Omit it to serve Kinde only.
   */
  clerk?: ClerkUsersApiConfig;
  /**
   * The operations the proxy may run, e.g. `["kinde.getUsers", "kinde.getUserData", "clerk.*"]`.
   * Required and non-empty; an unknown name throws (with a "did you mean"),
   * and so does a name whose provider has no config. A request for any
   * other operation is answered 403 `operation_not_allowed`.
   */
  allow: readonly UsersProxyOperation[];
  /**
   * Decides whether a request may use the proxy at all: return (or resolve
   * to) exactly `true` to let it through. Anything else, or throwing, is
   * answered 401 `unauthorized` and nothing is sent to the provider.
   * Required: there is no open mode. Check the caller's own credential here
   * (the admin's session or a bearer your app issued), preferably in
   * constant time; do not read the request body (use `request.clone()` if
   * you must), since the proxy forwards it.
   */
  authorize: (request: Request) => boolean | Promise<boolean>;
  /**
   * Where the proxy is mounted (default `"/admin-api"`):
   * `${basePath}/kinde/<Kinde API path>` and `${basePath}/clerk/<path under Clerk's baseUrl>`.
   * A trailing `/` is ignored; `"/"` mounts it at the root.
   */
  basePath?: string;
  /**
   * The largest request body accepted, in bytes (default 1048576 = 1 MiB;
   * at most 64 MiB). Larger bodies are answered 413 `body_too_large`,
   * judged by `Content-Length` and by counting while reading.
   */
  maxBodyBytes?: number;
}

/** A standard fetch handler: give it every request under `basePath` (others are answered 404). */
export type UsersProxyHandler = (request: Request) => Promise<Response>;

/** The `code` of the proxy's own JSON errors (the provider's errors are passed back as the provider sent them). */
export type UsersProxyErrorCode =
  /** 400: the argument is not a Request, or its body could not be read. */
  | 'bad_request'
  /** 401: `authorize` did not return true (or threw). */
  | 'unauthorized'
  /** 403: the operation is not in `allow`. */
  | 'operation_not_allowed'
  /** 404: the path is not under `${basePath}/kinde/` or `${basePath}/clerk/`. */
  | 'not_found'
  /** 404: the path names a provider without a config. */
  | 'provider_not_configured'
  /** 404: no operation has this method and path (path tricks such as `..`, `%2e%2e`, `//`, `\`, `%2F` land here too). */
  | 'unknown_operation'
  /** 413: the body is larger than `maxBodyBytes`. */
  | 'body_too_large'
  /** 414: the query string is longer than 32 KiB. */
  | 'query_too_long'
  /** 499: the caller went away (its request's signal aborted). */
  | 'aborted'
  /** 500: an unexpected failure of the proxy. */
  | 'proxy_error'
  /** 502: the provider's token could not be had (Kinde's token endpoint, or `getToken`, failed). */
  | 'upstream_auth_failed'
  /** 502: the provider could not be reached. */
  | 'upstream_unreachable'
  /** 502: the provider's answer was not a usable response. */
  | 'upstream_bad_response'
  /** 504: no complete answer within the provider config's `timeoutMs`. */
  | 'upstream_timeout';

/** The body of the proxy's own error responses (`content-type: application/json`). Never contains a credential. */
export interface UsersProxyErrorBody {
  error: {
    code: UsersProxyErrorCode;
    /** What happened, in words. */
    message: string;
    /** The recognised operation, e.g. `"clerk.deleteUser"`, once known. */
    operation?: `kinde.${KindeOperationName}` | `clerk.${ClerkOperationName}`;
  };
  /** The same code and message in the shape both providers use, so a client behind the proxy reads them into its `IdpUsersError` (`code`, `messages`). */
  errors: [{ code: UsersProxyErrorCode; message: string }];
}

/**
 * Makes a fetch handler that forwards the calls of credential-less clients
 * (in a browser, say) to Kinde and Clerk, adding the credentials only the
 * server holds:
 *
 * - `${basePath}/kinde/api/v1/users?page_size=10` is Kinde's
 *   `GET /api/v1/users?page_size=10` at the configured domain;
 *   `${basePath}/clerk/users?limit=10` is Clerk's `GET /users` under its `baseUrl`.
 * - The operation is recognised from the clients' own operation tables
 *   (method and path template); unknown requests get 404, operations not in
 *   `allow` 403, callers `authorize` refuses 401, bodies over
 *   `maxBodyBytes` 413. All of these are JSON (`UsersProxyErrorBody`).
 * - Forwarded: the method, the raw query string, the raw body bytes
 *   (multipart boundaries intact), `Content-Type`, `Accept`,
 *   `X-Request-Id`/`X-Correlation-Id`, the provider config's `headers` (and
 *   Clerk's API version) and `Authorization: Bearer <the provider credential>`.
 *   The incoming `Authorization`, cookies and every other header are dropped.
 * - Passed back: the status, the body, and `Content-Type`, `Retry-After`,
 *   `RateLimit-*`, `X-RateLimit-*`, `CF-Ray` (plus `Cache-Control: no-store`).
 *   Any occurrence of the provider token, client secret or secret key in
 *   them is replaced by `[redacted]`.
 * - The provider config's `timeoutMs` bounds each exchange; the request to
 *   the provider is aborted then, or when the incoming request's signal
 *   aborts. The proxy itself never retries (except Kinde's one re-mint):
 *   the browser client retries on the passed-back rate-limit headers.
 *
 * Throws an `IdpUsersError` (kind `"validation"`) for invalid options.
 *
 * @example
 * // A Cloudflare Worker (Deno: Deno.serve(handler); Bun: Bun.serve({ fetch: handler });
 * // Node: serve({ fetch: handler }) from '@hono/node-server').
 * import { createUsersProxy } from 'idp-users/proxy';
 *
 * let proxy;
 * export default {
 *   fetch(request, env) {
 *     proxy ??= createUsersProxy({
 *       kinde: { domain: env.KINDE_DOMAIN, clientId: env.KINDE_CLIENT_ID, clientSecret: env.KINDE_CLIENT_SECRET },
 *       clerk: { secretKey: env.CLERK_SECRET_KEY },
 *       allow: ['kinde.getUsers', 'kinde.getUserData', 'clerk.*'],
 *       authorize: (req) => req.headers.get('authorization') === `Bearer ${env.ADMIN_TOKEN}`,
 *     });
 *     return proxy(request);
 *   },
 * };
 *
 * // In the browser: no provider credential, only the admin's own token.
 * const kinde = new KindeUsersApi({ domain: location.origin + '/admin-api/kinde', getToken: () => adminToken });
 * const clerk = new ClerkUsersApi({ baseUrl: location.origin + '/admin-api/clerk', getToken: () => adminToken });
 */
export declare function createUsersProxy(options: UsersProxyOptions): UsersProxyHandler;
