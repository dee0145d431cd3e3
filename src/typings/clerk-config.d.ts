/** Options of every `ClerkUsersApi`, whichever way it authenticates. */
export interface ClerkUsersApiBaseConfig {
  /** API base URL (default `{DEFAULT_BASE_URL}`), e.g. a proxy or a local fake. */
  baseUrl?: string;
  /** Value of the `Clerk-API-Version` header (default `"{API_VERSION}"`, the version these typings follow). */
  apiVersion?: string;
{FETCH_OPTION}
  /** Headers sent with every request (the API version is set with `apiVersion`). */
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
