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
   * the same single-flight cache as the client's own calls; when the API
   * rejects it (401/403) the cache may re-mint it (at most once per token)
   * and the request is then retried once. Omit it to serve Clerk only.
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
  /**
   * Origins, besides the proxy's own, whose pages may send it
   * state-changing requests (anything but GET, HEAD and OPTIONS), e.g.
   * `["https://admin.example.com"]` when the console is served from another
   * origin, or the proxy sits behind a server that rewrites the URL it sees.
   * Each entry is an origin exactly as browsers send it (scheme, lower-case
   * host, port only when not the default; no path, no trailing `/`): others
   * throw, with a "did you mean". `["*"]` turns the check off.
   *
   * By default such a request is answered 403 `cross_site_refused`, before
   * `authorize` runs, when its `Origin` is not the proxy's own (`null`
   * included), or when it has no `Origin` and its `Sec-Fetch-Site` is
   * `cross-site` or `same-site` (a sibling subdomain: cookies scoped to the
   * parent domain ride along). This stops forged requests from other sites
   * when `authorize` reads a cookie. Requests with neither header (servers,
   * scripts, curl) pass.
   */
  allowedOrigins?: readonly string[];
}

/** A standard fetch handler: give it every request under `basePath` (others are answered 404). */
export type UsersProxyHandler = (request: Request) => Promise<Response>;

/** The `code` of the proxy's own JSON errors (the provider's JSON errors are passed back, rebuilt without credentials). */
export type UsersProxyErrorCode =
  /** 400: the argument is not a Request, or its body could not be read. */
  | 'bad_request'
  /** 403: a state-changing request from another site (see `allowedOrigins`); `authorize` did not run. */
  | 'cross_site_refused'
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
  /** 408: the request body did not arrive within the provider config's `timeoutMs`. */
  | 'body_timeout'
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
  /** 502: the provider's answer was not a usable response: a status outside 2xx, 4xx and 5xx, or a 2xx whose body is not JSON (or still held a credential); none of its body is passed back. */
  | 'upstream_bad_response'
  /** The provider's own 4xx or 5xx status, with a body that is not JSON (an HTML error page, say), is over 64 KiB, or still held a credential: the body is withheld, the status and rate-limit headers kept. */
  | 'upstream_error'
  /** 504: no complete answer within the provider config's `timeoutMs`. */
  | 'upstream_timeout';

/**
 * The body of the proxy's own error responses (`content-type: application/json`).
 * Never contains a credential, nor a piece of one: its messages are the
 * proxy's own words, and quote no provider text and no `getToken` or
 * `fetch` error message (only a status, an error code or an error's name).
 */
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
 * - State-changing requests from other sites are refused (403
 *   `cross_site_refused`) before `authorize` runs; see `allowedOrigins`.
 * - Passed back: the status, the body if it is JSON, `Retry-After`,
 *   `RateLimit-*`, `X-RateLimit-*` and `CF-Ray`. Every answer carries
 *   `Content-Type: application/json; charset=utf-8`,
 *   `X-Content-Type-Options: nosniff` and `Cache-Control: no-store`. A body
 *   that is not JSON (HTML, text, another charset, compressed) is withheld:
 *   a 2xx becomes 502 `upstream_bad_response`, an error keeps its status
 *   with a JSON `upstream_error` in its place (so does an error body over
 *   64 KiB); an empty body stays empty.
 * - No credential leaves, in any form the provider might echo it in: an
 *   error body is rebuilt from its decoded strings (canonical escapes,
 *   numbers as written), a success body is searched as a whole and rebuilt
 *   only if it holds one. The provider token, client secret or secret key
 *   is searched as is and in any letter case, percent-, `\u`-, `\x`- or
 *   HTML-escaped (repeatedly, in any case), as hex, base64 or base64url
 *   (every alignment) of its UTF-8 or UTF-16 bytes, with separators, NULs
 *   or line breaks between its characters, or as an array of byte values;
 *   in error bodies and headers, any 10 letters and digits of it in a row
 *   count too, and base64 and hex runs are decoded and searched again (two
 *   layers deep). Found as is in a string, it becomes `[redacted]`; in another
 *   form, the whole string does; across strings, the body is withheld. A
 *   passed-back header holding one is dropped.
 * - The provider config's `timeoutMs` bounds each exchange (reading the
 *   request body, the token, the provider's answer): 408 `body_timeout`
 *   while the body is still arriving, 504 `upstream_timeout` after; the
 *   incoming request's signal aborting ends it too (499). The proxy itself
 *   never retries (except Kinde's re-mint of a rejected token): the browser
 *   client retries on the passed-back rate-limit headers.
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
