/** Options of every `KindeUsersApi`, whichever way it authenticates. */
export interface KindeUsersApiBaseConfig {
  /** Your Kinde domain: `acme.kinde.com`, `https://acme.kinde.com`, or a custom domain or proxy URL. */
  domain: string;
{FETCH_OPTION}
  /** Headers sent with every API request. */
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
