//! The exported class and the synchronous steps the JS driver calls (its
//! `__` methods), over each provider's operation table.

use js_sys::Function;
use wasm_bindgen::prelude::*;

use super::error::to_js;
use super::exchange::{JsResponse, call_options, headers_js};
use super::js::{get, in_browser, json_parse, text_prefix, thrown_text};
use super::protocol::{self, Provider, TokenSource};
use crate::engine::auth::{self, TokenStep};
use crate::engine::client::{Client, MAX_MESSAGE, Outcome, now_ms};
use crate::engine::config::{self, Settings, add_header_secrets};
use crate::engine::error::{BODY_LIMIT, Error, ErrorKind, is_proxy_answer};
use crate::engine::exchange::{OutBody, Prepared};
use crate::engine::op::{Operation, ParamsObject};
use crate::engine::paging::{Cursor, MAX_PAGE_SIZE, Paging, next_page};
use crate::engine::retry::{self, FailedAttempt, RetryPolicy};
use crate::engine::value::MAX_TEXT;

/// The most arguments a method passes to `__prepare`: an operation's
/// positional arguments, its params object if it has one, then the call's
/// options. The driver's methods take exactly this many.
const MAX_CALL_ARGS: usize = 5;

/// Whether every operation of `ops` fits in [`MAX_CALL_ARGS`] (with its
/// options argument), checked when the tables compile.
const fn fits(ops: &[&Operation]) -> bool {
    let mut i = 0;
    while i < ops.len() {
        let extra = if matches!(ops[i].params_object, ParamsObject::None) { 0 } else { 1 };
        if ops[i].args.len() + extra + 1 > MAX_CALL_ARGS {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(feature = "kinde")]
const _: () = assert!(fits(crate::kinde::users::OPERATIONS), "a Kinde operation takes too many arguments");
#[cfg(feature = "clerk")]
const _: () = assert!(fits(crate::clerk::users::OPERATIONS), "a Clerk operation takes too many arguments");

/// Whether an `api` error is the proxy's own answer, by the body it keeps.
fn proxy_answered(error: &JsValue) -> bool {
    let body = get(error, "body");
    body.dyn_ref::<js_sys::JsString>().is_some_and(|b| b.length() as usize <= 4 * BODY_LIMIT)
        && json_parse(&body).is_ok_and(|json| is_proxy_answer(&json))
}

/// The operation table of a provider (empty when this build leaves it out).
/// A provider is one arm here and one in [`client_of`]: the rest is its
/// own module (`crate::kinde`, `crate::clerk`).
fn operations_of(provider: Provider) -> &'static [&'static Operation] {
    match provider {
        #[cfg(feature = "kinde")]
        Provider::Kinde => crate::kinde::users::OPERATIONS,
        #[cfg(feature = "clerk")]
        Provider::Clerk => crate::clerk::users::OPERATIONS,
        #[allow(unreachable_patterns)]
        _ => &[],
    }
}

/// The client a config object makes for `provider` (a [`Provider`]
/// number), its settings and its provider's operations. Each provider's
/// constructor is called directly, not through a table of function
/// pointers, which kept the optimizer from inlining them (0.2 KB more
/// gzipped).
pub(super) fn client_of(
    provider: u32,
    config: &JsValue,
) -> Result<(Client, Settings, &'static [&'static Operation]), JsValue> {
    let (made, operations) = match Provider::from_number(provider) {
        #[cfg(feature = "kinde")]
        Some(Provider::Kinde) => (crate::kinde::client(config, in_browser()), crate::kinde::users::OPERATIONS),
        #[cfg(feature = "clerk")]
        Some(Provider::Clerk) => (crate::clerk::client(config, in_browser()), crate::clerk::users::OPERATIONS),
        _ => return Err(to_js(Error::new(ErrorKind::Validation, "this build has no client for that provider"))),
    };
    let (client, settings) = made.map_err(to_js)?;
    Ok((client, settings, operations))
}

/// The one exported class: the sans-IO [`Client`] plus what only JS uses.
/// The package's `KindeUsersApi` and `ClerkUsersApi` are thin JS subclasses
/// (see `pkg-template/glue.js`) that pass their [`Provider`] to this
/// constructor: one set of exports serves both, which keeps the `.wasm` and
/// its JS bindings small.
#[wasm_bindgen]
pub struct UsersApi {
    client: Client,
    operations: &'static [&'static Operation],
    /// The client's `retries` and `maxRetryDelayMs`.
    retry: RetryPolicy,
    /// The driver's [`protocol::settings`], built once from the config.
    settings: JsValue,
}

/// The driver's [`protocol::request`] for `req`. A multipart body is an
/// [`protocol::upload`] of the file taken from the call's arguments `args`.
fn request_js(req: &Prepared, args: &[JsValue], options: JsValue) -> JsValue {
    let (body, content_type) = match &req.body {
        Some(OutBody::Multipart(part)) => {
            let arg = args.get(part.arg).cloned().unwrap_or(JsValue::UNDEFINED);
            let file = if part.wrapped { get(&arg, part.part) } else { arg };
            (protocol::upload(part.part, file), JsValue::from_str("multipart/form-data"))
        }
        Some(b) => (JsValue::from_str(b.text()), JsValue::from_str(b.content_type())),
        None => (JsValue::UNDEFINED, JsValue::UNDEFINED),
    };
    protocol::request(&req.url, req.method.into(), body, content_type, options)
}

impl UsersApi {
    fn op(&self, index: u32) -> Result<&'static Operation, JsValue> {
        self.operations
            .get(index as usize)
            .copied()
            .ok_or_else(|| to_js(Error::new(ErrorKind::Validation, "unknown operation")))
    }
}

#[wasm_bindgen]
impl UsersApi {
    /// Validates the config of a client of `provider` (a [`Provider`]);
    /// sends nothing. The number is checked here rather than typed as the
    /// enum, whose conversion would throw past Rust on a bad value.
    #[wasm_bindgen(constructor)]
    pub fn new(provider: u32, config: JsValue) -> Result<UsersApi, JsValue> {
        let (client, settings, operations) = client_of(provider, &config)?;
        let function = |key: &str| get(&config, key).dyn_into::<Function>().map_or(JsValue::UNDEFINED, JsValue::from);
        let fetch = if settings.custom_fetch { function("fetch") } else { JsValue::UNDEFINED };
        let settings_js =
            protocol::settings(fetch, settings.timeout_ms, headers_js(&client.headers), function("getToken"));
        Ok(UsersApi { client, operations, retry: settings.retry, settings: settings_js })
    }

    /// The operations of a provider's class, in index order, as
    /// [`protocol::operation`]s; the driver turns each into a method and its
    /// `...WithHttpInfo` twin. Empty for a provider this build leaves out.
    #[wasm_bindgen(js_name = __operations)]
    pub fn operations(provider: u32) -> js_sys::Array {
        let ops = Provider::from_number(provider).map_or(&[][..], operations_of);
        ops.iter()
            .map(|op| {
                let paged = op.paging != Paging::None;
                let size = op.paging.size_param().map(str::to_owned);
                protocol::operation(op.name, op.args.len() as u32, paged, size, MAX_PAGE_SIZE)
            })
            .collect()
    }

    /// For the proxy: the index of the operation of `provider` that a
    /// request with this method and path (relative to the API base, without
    /// the query) is, or undefined. Paths over 4096 characters match nothing.
    #[wasm_bindgen(js_name = __route)]
    pub fn route(provider: u32, method: &JsValue, path: &JsValue) -> Option<u32> {
        let method = text_prefix(method, 16)?;
        let path = path.dyn_ref::<js_sys::JsString>().filter(|p| p.length() <= 4096).map(String::from)?;
        let ops = operations_of(Provider::from_number(provider)?);
        let op = crate::engine::op::route(ops, &method, &path)?;
        ops.iter().position(|o| std::ptr::eq(*o, op)).map(|i| i as u32)
    }

    /// For the proxy: the API base URL requests go to.
    #[wasm_bindgen(js_name = __baseUrl)]
    pub fn base_url(&self) -> String {
        self.client.base_url.clone()
    }

    /// Reads a page of list operation `index`, called with `params`, into a
    /// [`protocol::page`]. Throws a `decode` error when the page's items or
    /// cursor are malformed.
    #[wasm_bindgen(js_name = __nextPage)]
    pub fn next_page(&self, index: u32, params: JsValue, page: JsValue) -> Result<JsValue, JsValue> {
        let op = self.op(index)?;
        let read = next_page(op.paging, &params, &page).map_err(|e| to_js(e.during(self.client.provider, op.name)))?;
        let (param, value) = match read.next {
            Some((key, Cursor::Text(t))) => (JsValue::from_str(key), JsValue::from_str(&t)),
            Some((key, Cursor::Number(n))) => (JsValue::from_str(key), JsValue::from(n)),
            None => (JsValue::UNDEFINED, JsValue::UNDEFINED),
        };
        Ok(protocol::page(read.items, param, value))
    }

    /// The wait in milliseconds before the next attempt of operation `index`
    /// after the failed attempt `attempt` (runtime.js's `failedAttempt`,
    /// read by [`protocol::read_failed_attempt`]), or -1 to give up.
    #[wasm_bindgen(js_name = __retryDelay)]
    pub fn retry_delay(&self, index: u32, attempt: &JsValue) -> i32 {
        let Ok(op) = self.op(index) else { return -1 };
        let read = protocol::read_failed_attempt(attempt);
        let number = |key: &str| get(&read.options, key).as_f64();
        let policy = RetryPolicy {
            retries: number("retries").map_or(self.retry.retries, |n| n as u32),
            max_delay_ms: number("maxRetryDelayMs").map_or(self.retry.max_delay_ms, |n| n as u32),
            non_idempotent: get(&read.options, "retryNonIdempotent").as_bool().unwrap_or(false),
        };
        let error = &read.error;
        let kind = match text_prefix(&get(error, "kind"), 16).as_deref() {
            Some("network") => ErrorKind::Network,
            // The proxy's own refusal is final (see `Client::finish`).
            Some("api") if proxy_answered(error) => return -1,
            Some("api") => ErrorKind::Api,
            Some("auth") => ErrorKind::Auth,
            _ => return -1,
        };
        let failed = FailedAttempt {
            kind,
            status: get(error, "status").as_f64().map(|s| s as u16),
            sent: read.sent,
            retry_after_ms: get(error, "retryAfterMs").as_f64().map(|ms| ms as u64),
        };
        retry::delay(&policy, op.method, read.failures, &failed, read.random, read.remaining_ms)
            .map_or(-1, |ms| ms as i32)
    }

    /// The client's [`protocol::settings`]. The driver asks once, when the
    /// client is made, and keeps them with the client.
    #[wasm_bindgen(js_name = __settings)]
    pub fn settings(&self) -> JsValue {
        self.settings.clone()
    }

    /// The token of a client configured with one (`accessToken`,
    /// `secretKey`), else undefined. The driver asks once and keeps it in
    /// its private record of the client: every call then skips `__token`,
    /// whose answer (a string made anew in JS each time) cost about a tenth
    /// of a call's overhead in `benches/overhead.mjs`.
    #[wasm_bindgen(js_name = __fixedToken)]
    pub fn fixed_token(&self) -> Option<String> {
        match &self.client.tokens {
            auth::TokenSource::Fixed(token) => Some(token.clone()),
            _ => None,
        }
    }

    /// Validates a call's raw arguments (positional, then the params object
    /// if the operation has one, then the options) into a
    /// [`protocol::request`]. At most [`MAX_CALL_ARGS`] (checked against the
    /// tables when they compile).
    #[wasm_bindgen(js_name = __prepare)]
    pub fn prepare(
        &self,
        index: u32,
        a: JsValue,
        b: JsValue,
        c: JsValue,
        d: JsValue,
        e: JsValue,
    ) -> Result<JsValue, JsValue> {
        let op = self.op(index)?;
        let args: [JsValue; MAX_CALL_ARGS] = [a, b, c, d, e];
        let arity = op.args.len();
        let (positional, rest) = args.split_at(arity.min(MAX_CALL_ARGS));
        let (extra, rest) = match (op.params_object, rest) {
            (ParamsObject::None, _) | (_, []) => (None, rest),
            (_, [first, rest @ ..]) => (Some(first), rest),
        };
        let options = rest.first().unwrap_or(&JsValue::UNDEFINED).clone();
        let options = call_options(&options).map_err(|e| to_js(e.during(self.client.provider, op.name)))?;
        let req = self.client.prepare(op, positional, extra).map_err(to_js)?;
        Ok(request_js(&req, positional, options))
    }

    /// The token to use: a string, or a [`TokenSource`] number saying where
    /// to get one. `rejected`: the token the API just refused, if any;
    /// `status`: the HTTP status it was refused with, when known (a
    /// replacement token refused with 403 is answered with itself: it is
    /// not replaced again).
    #[wasm_bindgen(js_name = __token)]
    pub fn token(&self, rejected: Option<String>, status: Option<u16>) -> JsValue {
        match self.client.token_step(now_ms, rejected.as_deref(), status) {
            TokenStep::Ready(t) => JsValue::from_str(&t),
            TokenStep::Mint => JsValue::from(TokenSource::Mint as u32),
            TokenStep::GetToken => JsValue::from(TokenSource::GetToken as u32),
        }
    }

    /// The [`protocol::request`] of the token endpoint (undefined for a
    /// client that mints no tokens).
    #[wasm_bindgen(js_name = __tokenRequest)]
    pub fn token_request(&self) -> JsValue {
        self.client.token_request().map_or(JsValue::UNDEFINED, |r| request_js(&r, &[], JsValue::UNDEFINED))
    }

    /// Reads the token endpoint's answer into the token.
    #[wasm_bindgen(js_name = __tokenResponse)]
    pub fn token_response(&self, index: u32, status: u16, text: JsValue, headers: JsValue) -> Result<String, JsValue> {
        let op = self.op(index)?;
        self.client.accept_token(op, &JsResponse { status, text, headers }, now_ms()).map_err(to_js)
    }

    /// Checks what `getToken` produced (or threw, when `failed`).
    #[wasm_bindgen(js_name = __gotToken)]
    pub fn got_token(
        &self,
        index: u32,
        value: JsValue,
        failed: bool,
        rejected: Option<String>,
    ) -> Result<String, JsValue> {
        let op = self.op(index)?;
        if failed {
            let message = thrown_text(&value, &self.client.secrets(rejected.as_deref()));
            return Err(to_js(self.client.get_token_failed(op, &message, rejected.as_deref())));
        }
        self.client.accept_get_token(op, &value).map_err(to_js)
    }

    /// Reads the API's response: the data, or undefined to refresh the
    /// token and send once more (the API refused `token`, and `retried` says whether this
    /// was already the retry). `call_headers`: the call's own headers (its
    /// validated `options.headers`, if any), whose credentials an error
    /// does not show either. The token and those headers stay JS values
    /// unless an error must be redacted of them.
    #[wasm_bindgen(js_name = __finish)]
    #[allow(clippy::too_many_arguments)] // each is one plain value of the exchange, as the driver has it
    pub fn finish(
        &self,
        index: u32,
        status: u16,
        text: JsValue,
        headers: JsValue,
        token: JsValue,
        retried: bool,
        call_headers: JsValue,
    ) -> Result<JsValue, JsValue> {
        let op = self.op(index)?;
        let token = || text_prefix(&token, MAX_TEXT as u32).unwrap_or_default();
        let call = |secrets: &mut _| {
            if let Ok(list) = config::headers(&call_headers, "options.headers") {
                add_header_secrets(&list, secrets);
            }
        };
        match self.client.finish(op, &JsResponse { status, text, headers }, token, call, retried).map_err(to_js)? {
            Outcome::Done(data) => Ok(data),
            Outcome::RefreshToken => Ok(JsValue::UNDEFINED),
        }
    }

    /// The error for a request that got no response: `kind` is `aborted`,
    /// `timeout` or `network`; `message` the runtime's text (a string: at
    /// most twice [`MAX_MESSAGE`] units of it are read); `token_request` says
    /// whether it was the token endpoint's request; `token` (optional) is
    /// the token the request was sent with, redacted like every secret the
    /// client holds.
    #[wasm_bindgen(js_name = __noResponse)]
    pub fn no_response(
        &self,
        index: u32,
        kind: &str,
        message: JsValue,
        token_request: bool,
        token: JsValue,
    ) -> JsValue {
        let window = 2 * MAX_MESSAGE;
        let cut = message.dyn_ref::<js_sys::JsString>().is_some_and(|s| s.length() as usize > window);
        let message = text_prefix(&message, window as u32).unwrap_or_default();
        let Ok(op) = self.op(index) else { return to_js(Error::new(ErrorKind::Network, "unknown operation")) };
        let kind = match kind {
            "aborted" => ErrorKind::Aborted,
            "timeout" => ErrorKind::Timeout,
            _ => ErrorKind::Network,
        };
        let url = self.client.token_url().filter(|_| token_request);
        let token = text_prefix(&token, MAX_TEXT as u32);
        to_js(self.client.no_response(op, kind, (&message, cut), url, token.as_deref()))
    }
}
