//! Renders the package's TypeScript declarations from the operation and
//! model tables, so the typings can never drift from what the client
//! validates and sends.
//!
//! The rendered file is committed as `pkg-template/index.d.ts`; a test fails
//! when it is stale (`UPDATE_TYPINGS=1 cargo test` rewrites it).

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::core::op::{Extra, Loc, Operation};
use crate::core::paging::Paging;
use crate::core::schema::{Model, Ty};
use crate::{clerk, kinde};

/// Declarations shared by every provider.
const COMMON: &str = r#"/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Options accepted by every operation, after its own arguments. */
export interface RequestOptions {
  /** Aborts the call: the request in flight is aborted, a wait between attempts ends, and the promise rejects with an `IdpUsersError` of kind `"aborted"`. */
  signal?: AbortSignal;
  /** Extra headers for this request (they take precedence over the client's `headers`). */
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

/** One item's outcome in `bulk`'s result. */
export type BulkResult<TItem, TValue> =
  | { item: TItem; ok: true; value: TValue }
  | { item: TItem; ok: false; error: unknown };

/**
 * Runs `fn` over every item with at most `concurrency` calls in flight and
 * resolves to one result per item, in input order. It never stops at a
 * failure; a throttled item (status 429 or a `retryAfterMs`) pauses the
 * start of the others for that long, so the whole run slows down. Bad
 * arguments reject with an `IdpUsersError` of kind `"validation"`.
 *
 * @example
 * const results = await bulk(userIds, (id, { signal }) => clerk.banUser(id, { signal }), { concurrency: 8 });
 * const failed = results.filter((r) => !r.ok);
 */
export declare function bulk<TItem, TValue>(
  items: Iterable<TItem>,
  fn: (item: TItem, context: BulkContext) => TValue | Promise<TValue>,
  options?: BulkOptions,
): Promise<Array<BulkResult<TItem, TValue>>>;

/** The size of the module's WebAssembly memory in bytes (for monitoring long-lived isolates). */
export declare function wasmMemoryBytes(): number;

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
  /** The fields above, for logging (`JSON.stringify(error)`). */
  toJSON(): IdpUsersErrorFields;
}
"#;

/// Kinde's config type.
const KINDE_CONFIG: &str = r#"/** What `getToken` is called with. */
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
  /** Time limit of each call in milliseconds, token request, retries and waits included (default 30000). */
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
"#;

/// Clerk's config type.
const CLERK_CONFIG: &str = r#"/** Authenticate with the instance's secret key (on a server). */
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

/** Options of every `ClerkUsersApi`, whichever way it authenticates. */
export interface ClerkUsersApiBaseConfig {
  /** API base URL (default `https://api.clerk.com/v1`), e.g. a proxy or a local fake. */
  baseUrl?: string;
  /** Value of the `Clerk-API-Version` header (default `"2026-05-12"`, the version these typings follow). */
  apiVersion?: string;
  /** The `fetch` to use (default: the runtime's global `fetch`), e.g. a service binding's or a test fake's. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Headers sent with every request (the API version is set with `apiVersion`). */
  headers?: Record<string, string>;
  /** Time limit of each call in milliseconds, token request, retries and waits included (default 30000). */
  timeoutMs?: number;
  /** Retries after a failed attempt, 0 to 10 (default 2): 429, 502, 503, 504 and network failures, for GET, PUT and DELETE (POST and PATCH only with the call option `retryNonIdempotent`). */
  retries?: number;
  /** The longest wait between attempts in ms (default 5000). The server's `Retry-After` / `RateLimit-Reset` wins when shorter; when longer, the call fails at once with `retryAfterMs` set. */
  maxRetryDelayMs?: number;
  /** Allow the secret key in a browser page (where `window` and `document` exist), which exposes it to anyone who can load the page. */
  dangerouslyAllowBrowser?: boolean;
}
"#;

/// The whole `index.d.ts` of the package.
pub fn render() -> String {
    let mut out = String::from(
        "// Generated from the operation and model tables in src/ by `UPDATE_TYPINGS=1 cargo test`.\n// Do not edit by hand.\n\n",
    );
    out.push_str(COMMON);
    out.push('\n');
    out.push_str(KINDE_CONFIG);
    render_models(&mut out, kinde::users::OPERATIONS, kinde::models::MODELS);
    render_class(
        &mut out,
        "KindeUsersApi",
        "Client for the Users endpoints of the Kinde Management API.\n\nEvery method returns a promise; failures reject with an `IdpUsersError`.\nParameters and results use Kinde's own field names.",
        "config: KindeUsersApiConfig",
        kinde::users::OPERATIONS,
    );
    out.push('\n');
    out.push_str(CLERK_CONFIG);
    render_models(&mut out, clerk::users::OPERATIONS, clerk::models::MODELS);
    render_class(
        &mut out,
        "ClerkUsersApi",
        "Client for the Users endpoints of the Clerk Backend API (version 2026-05-12).\n\nEvery method returns a promise; failures reject with an `IdpUsersError`.\nParameters and results use Clerk's own field names.",
        "config: ClerkUsersApiConfig",
        clerk::users::OPERATIONS,
    );
    out
}

/// The names of every model reachable from the operations' inputs.
fn input_models(ops: &[&Operation]) -> BTreeSet<&'static str> {
    fn walk(ty: &Ty, into: &mut BTreeSet<&'static str>) {
        match ty {
            Ty::Object(m) | Ty::IdOr(m, _) => {
                into.insert(m.name);
                m.fields.iter().for_each(|f| walk(&f.ty, into));
            }
            Ty::Array(t) | Ty::Map(t) => walk(t, into),
            _ => {}
        }
    }
    let mut set = BTreeSet::new();
    for op in ops {
        op.args.iter().for_each(|a| walk(&a.ty, &mut set));
        match op.extra {
            Extra::Query(m) | Extra::Body(m) => walk(&Ty::Object(m), &mut set),
            Extra::None => {}
        }
    }
    set.remove("");
    set
}

fn render_models(out: &mut String, ops: &[&Operation], models: &[&Model]) {
    let inputs = input_models(ops);
    for model in models {
        let input = inputs.contains(model.name);
        let _ = write!(out, "\n/** {} */\nexport interface {} ", model.doc, model.name);
        render_fields(out, model, input, "");
        out.push('\n');
    }
}

fn render_fields(out: &mut String, model: &Model, input: bool, indent: &str) {
    out.push_str("{\n");
    for f in model.fields {
        let _ = writeln!(out, "{indent}  /** {} */", f.doc);
        let opt = if f.required { "" } else { "?" };
        let null = if f.nullable { " | null" } else { "" };
        let _ = write!(out, "{indent}  {}{opt}: ", f.name);
        render_type(out, &f.ty, input, &format!("{indent}  "));
        let _ = writeln!(out, "{null};");
    }
    let _ = write!(out, "{indent}}}");
}

fn literals(set: &[&str]) -> String {
    set.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(" | ")
}

fn render_type(out: &mut String, ty: &Ty, input: bool, indent: &str) {
    match ty {
        Ty::Str | Ty::Id => out.push_str("string"),
        Ty::Bool => out.push_str("boolean"),
        Ty::Int { .. } => out.push_str("number"),
        Ty::Enum(set) => out.push_str(&literals(set)),
        Ty::DateTime if input => out.push_str("string | Date"),
        Ty::DateTime => out.push_str("string"),
        Ty::Scalar => out.push_str("string | number | boolean"),
        Ty::Millis if input => out.push_str("number | Date"),
        Ty::Millis => out.push_str("number"),
        Ty::File => out.push_str("Blob | ArrayBuffer | ArrayBufferView"),
        Ty::List([]) => out.push_str("string | readonly string[]"),
        Ty::List(set) => {
            // The joined forms of up to three distinct values, or an array.
            let e = format!("({})", literals(set));
            let two = format!("`${{{e}}},${{{e}}}`");
            let three = format!("`${{{e}}},${{{e}}},${{{e}}}`");
            let _ = write!(out, "{e} | {two} | {three} | readonly {e}[]");
        }
        Ty::Array(item) => {
            out.push_str(if input { "ReadonlyArray<" } else { "Array<" });
            render_type(out, item, input, indent);
            out.push('>');
        }
        Ty::Object(m) if !m.name.is_empty() => out.push_str(m.name),
        Ty::Object(m) => render_fields(out, m, input, indent),
        Ty::IdOr(m, _) => {
            let _ = write!(out, "string | {}", m.name);
        }
        Ty::Map(item) => {
            out.push_str("Record<string, ");
            render_type(out, item, input, indent);
            out.push('>');
        }
        Ty::Json => out.push_str("JsonValue"),
    }
}

/// The TypeScript parameter list of an operation.
fn params(op: &Operation) -> String {
    let mut ps: Vec<String> = op
        .args
        .iter()
        .map(|a| match (a.loc, a.ty) {
            (Loc::Body, Ty::Object(m)) => format!("{}: {}", a.js, m.name),
            (Loc::Body, Ty::File) => {
                format!(
                    "{}: Blob | ArrayBuffer | ArrayBufferView | {{ {}: Blob | ArrayBuffer | ArrayBufferView }}",
                    a.js, a.wire
                )
            }
            (_, Ty::Scalar) => format!("{}: string | number | boolean", a.js),
            _ => format!("{}: string", a.js),
        })
        .collect();
    match op.extra {
        Extra::Query(m) => ps.push(format!("params?: {}", m.name)),
        Extra::Body(m) => ps.push(format!("body?: {}", m.name)),
        Extra::None => {}
    }
    ps.push("options?: RequestOptions".into());
    ps.join(", ")
}

/// The TypeScript type of one item of a paged list's pages.
fn item_type(op: &Operation) -> Option<String> {
    let array_item = |t: &str| t.strip_prefix("Array<").and_then(|t| t.strip_suffix('>')).map(str::to_owned);
    match op.paging {
        Paging::None => None,
        Paging::Offset { items: None, .. } => array_item(op.result),
        Paging::NextToken { items, .. }
        | Paging::StartingAfter { items }
        | Paging::Offset { items: Some(items), .. } => Some(format!("NonNullable<{}[\"{items}\"]>[number]", op.result)),
    }
}

fn render_class(out: &mut String, class: &str, doc: &str, ctor: &str, ops: &[&Operation]) {
    let _ = write!(out, "\n/**\n * {}\n */\nexport declare class {class} {{\n", doc.replace('\n', "\n * "));
    let _ = writeln!(
        out,
        "  /** Validates the config (throws an `IdpUsersError` of kind `\"validation\"`); sends nothing. */"
    );
    let _ = writeln!(out, "  constructor({ctor});");
    for op in ops {
        let mut arg_docs = String::new();
        for a in op.args {
            let _ = write!(arg_docs, "\n   * @param {} {}", a.js, a.doc);
        }
        let deprecated = op.removed.map(|note| format!("\n   * @deprecated {note}")).unwrap_or_default();
        let http = format!("`{} {}`", op.method.as_str(), op.path);
        let ps = params(op);
        let (returns, paged) = match item_type(op) {
            Some(item) => (
                format!("PagePromise<{}, {item}>", op.result),
                "\n   *\n   * The promise is also async-iterable over every item of every page: `for await (const item of ...)`.",
            ),
            None => (format!("Promise<{}>", op.result), ""),
        };
        let _ = write!(
            out,
            "  /**\n   * {}\n   *\n   * {http} (seed: `{}`).{paged}{arg_docs}{deprecated}\n   */\n  {}({ps}): {returns};\n",
            op.doc, op.seed, op.name
        );
        let _ = write!(
            out,
            "  /**\n   * `{}`, resolving to the data with the HTTP status and headers (seed: `{}_with_http_info`).{deprecated}\n   */\n  {}WithHttpInfo({ps}): Promise<HttpInfo<{}>>;\n",
            op.name, op.seed, op.name, op.result
        );
    }
    out.push_str(
        "  /** Releases the client's memory now instead of when it is garbage-collected. */\n  free(): void;\n}\n",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/index.d.ts");

    #[test]
    fn typings_file_is_current() {
        let rendered = render();
        if std::env::var_os("UPDATE_TYPINGS").is_some() {
            std::fs::write(PATH, &rendered).expect("write typings"); // ok: test
        }
        let committed = std::fs::read_to_string(PATH).unwrap_or_default();
        assert!(committed == rendered, "pkg-template/index.d.ts is stale: run `UPDATE_TYPINGS=1 cargo test`");
    }

    #[test]
    fn typings_have_no_any() {
        let rendered = render();
        for word in [": any", "<any", "any>", "any[]", "| any", "any |"] {
            assert!(!rendered.contains(word), "found {word:?}");
        }
    }

    const PROVIDERS: [(&[&Operation], &[&Model]); 2] =
        [(kinde::users::OPERATIONS, kinde::models::MODELS), (clerk::users::OPERATIONS, clerk::models::MODELS)];

    #[test]
    fn every_operation_has_its_http_info_twin() {
        let rendered = render();
        for op in PROVIDERS.iter().flat_map(|(ops, _)| ops.iter()) {
            assert!(rendered.contains(&format!("  {}(", op.name)), "{}", op.name);
            assert!(rendered.contains(&format!("  {}WithHttpInfo(", op.name)), "{}", op.name);
        }
    }

    #[test]
    fn every_referenced_model_is_declared() {
        let rendered = render();
        for (ops, models) in PROVIDERS {
            let declared: BTreeSet<&str> = models.iter().map(|m| m.name).collect();
            for name in input_models(ops) {
                assert!(declared.contains(name), "{name} is used but not in MODELS");
            }
            for op in ops {
                let name = op.result.trim_start_matches("Array<").trim_end_matches('>');
                assert!(rendered.contains(&format!("export interface {name} ")), "{}", op.result);
            }
        }
        // Every model a rendered type names is declared once.
        let mut names = BTreeSet::new();
        for model in PROVIDERS.iter().flat_map(|(_, models)| models.iter()) {
            assert!(names.insert(model.name), "{} is declared twice", model.name);
        }
    }

    #[test]
    fn removed_operations_are_deprecated() {
        let rendered = render();
        assert_eq!(rendered.matches("@deprecated Clerk removed POST /users/{user_id}/totp").count(), 2);
    }
}
