//! The exported client class and the synchronous steps the JS driver calls
//! (its `__` methods), over each provider's operation table.

use std::cell::RefCell;

use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;

use super::error::to_js;
use super::exchange::{JsResponse, call_options, headers_js};
use super::js::{describe, get, in_browser, text_prefix};
use crate::core::auth::{Auth, TokenCache, TokenStep};
use crate::core::client::{Client as CoreClient, Outcome, now_ms};
use crate::core::error::{Error, ErrorKind};
use crate::core::exchange::{OutBody, Prepared};
use crate::core::op::{Extra, Method, Operation};
use crate::core::paging::{Cursor, Paging, next_page};
use crate::core::retry::{self, Failure, RetryPolicy};

/// `new Client(KINDE, config)`: a `KindeUsersApi`.
const KINDE: u32 = 0;
/// `new Client(CLERK, config)`: a `ClerkUsersApi`.
const CLERK: u32 = 1;

/// The one exported class: the core client plus what only JS uses. The
/// package's `KindeUsersApi` and `ClerkUsersApi` are thin JS subclasses (see
/// `pkg-template/glue.js`) that pass their provider to this constructor: one
/// set of exports serves both, which keeps the `.wasm` and its JS bindings
/// small.
#[wasm_bindgen]
pub struct Client {
    core: CoreClient,
    ops: &'static [&'static Operation],
    /// The client's `retries` and `maxRetryDelayMs`.
    retry: RetryPolicy,
    /// `[fetch | undefined, timeoutMs, headers, getToken | undefined]`.
    settings: Array,
    /// The last token handed to JS, as a JS string (saves converting the
    /// same token again on every call).
    last_token: RefCell<Option<(String, JsValue)>>,
}

fn method_index(m: Method) -> u8 {
    match m {
        Method::Get => 0,
        Method::Post => 1,
        Method::Put => 2,
        Method::Patch => 3,
        Method::Delete => 4,
    }
}

/// `[url, method, body, contentType]` for the driver's `send`. A multipart
/// body is `[partName, file]`, taken from the call's arguments `args`.
fn request_js(req: &Prepared, args: &[JsValue]) -> Array {
    let (body, content_type) = match &req.body {
        Some(OutBody::Multipart(upload)) => {
            let arg = args.get(upload.arg).cloned().unwrap_or(JsValue::UNDEFINED);
            let file = if upload.wrapped { get(&arg, upload.part) } else { arg };
            let part: Array = [JsValue::from_str(upload.part), file].into_iter().collect();
            (part.into(), JsValue::from_str("multipart/form-data"))
        }
        Some(b) => (JsValue::from_str(b.text()), JsValue::from_str(b.content_type())),
        None => (JsValue::UNDEFINED, JsValue::UNDEFINED),
    };
    [JsValue::from_str(&req.url), JsValue::from(method_index(req.method)), body, content_type].into_iter().collect()
}

/// The operation table of a provider.
fn provider_ops(provider: u32) -> &'static [&'static Operation] {
    if provider == KINDE { crate::kinde::users::OPERATIONS } else { crate::clerk::users::OPERATIONS }
}

impl Client {
    /// Builds a client from validated parts.
    #[allow(clippy::too_many_arguments)]
    fn build(
        core: CoreClient,
        ops: &'static [&'static Operation],
        config: &JsValue,
        custom_fetch: bool,
        timeout_ms: u32,
        headers: &[(String, String)],
        retry: RetryPolicy,
    ) -> Client {
        let function = |key: &str| get(config, key).dyn_into::<Function>().map_or(JsValue::UNDEFINED, JsValue::from);
        let fetch = if custom_fetch { function("fetch") } else { JsValue::UNDEFINED };
        let settings =
            [fetch, JsValue::from(timeout_ms), headers_js(headers), function("getToken")].into_iter().collect();
        Client { core, ops, retry, settings, last_token: RefCell::new(None) }
    }

    fn kinde(config: &JsValue) -> Result<Client, JsValue> {
        use crate::kinde::config::{KindeAuth, KindeConfig};
        use crate::kinde::{PROVIDER, users};
        let parsed =
            KindeConfig::parse(config, in_browser()).map_err(|e| to_js(e.during(PROVIDER, "KindeUsersApi")))?;
        let auth = match parsed.auth {
            KindeAuth::AccessToken(token) => Auth::Static(token),
            KindeAuth::ClientCredentials(grant) => Auth::ClientCredentials(TokenCache::new(grant)),
            KindeAuth::GetToken => Auth::Source,
        };
        let core = CoreClient { provider: PROVIDER, base_url: parsed.base_url, auth };
        Ok(Client::build(
            core,
            users::OPERATIONS,
            config,
            parsed.custom_fetch,
            parsed.timeout_ms,
            &parsed.headers,
            parsed.retry,
        ))
    }

    fn clerk(config: &JsValue) -> Result<Client, JsValue> {
        use crate::clerk::config::ClerkConfig;
        use crate::clerk::{PROVIDER, users};
        let parsed =
            ClerkConfig::parse(config, in_browser()).map_err(|e| to_js(e.during(PROVIDER, "ClerkUsersApi")))?;
        let auth = parsed.secret_key.map_or(Auth::Source, Auth::Static);
        let core = CoreClient { provider: PROVIDER, base_url: parsed.base_url, auth };
        Ok(Client::build(
            core,
            users::OPERATIONS,
            config,
            parsed.custom_fetch,
            parsed.timeout_ms,
            &parsed.headers,
            parsed.retry,
        ))
    }

    fn op(&self, index: u32) -> Result<&'static Operation, JsValue> {
        self.ops
            .get(index as usize)
            .copied()
            .ok_or_else(|| to_js(Error::new(ErrorKind::Validation, "unknown operation")))
    }
}

#[wasm_bindgen]
impl Client {
    /// Validates the config of a `provider` client (`KINDE` or `CLERK`);
    /// sends nothing.
    #[wasm_bindgen(constructor)]
    pub fn new(provider: u32, config: JsValue) -> Result<Client, JsValue> {
        match provider {
            KINDE => Client::kinde(&config),
            CLERK => Client::clerk(&config),
            _ => Err(to_js(Error::new(ErrorKind::Validation, "unknown provider"))),
        }
    }

    /// The operation names of a provider's class, in index order; the
    /// package's loader turns each into a method and its `...WithHttpInfo` twin.
    #[wasm_bindgen(js_name = __operations)]
    pub fn operations(provider: u32) -> Array {
        provider_ops(provider).iter().map(|op| JsValue::from_str(op.name)).collect()
    }

    /// The paged list operations of a provider: `[index, arity, sizeParam]`
    /// each (arity: the positional arguments before the params object;
    /// sizeParam: the page-size parameter, or undefined).
    #[wasm_bindgen(js_name = __lists)]
    pub fn lists(provider: u32) -> Array {
        let ops = provider_ops(provider);
        ops.iter()
            .enumerate()
            .filter(|(_, op)| op.paging != Paging::None)
            .map(|(i, op)| {
                let size = op.paging.size_param().map_or(JsValue::UNDEFINED, JsValue::from_str);
                let entry: Array =
                    [JsValue::from(i as u32), JsValue::from(op.args.len() as u32), size].into_iter().collect();
                JsValue::from(entry)
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
        let ops = provider_ops(provider);
        let op = crate::core::op::route(ops, &method, &path)?;
        ops.iter().position(|o| std::ptr::eq(*o, op)).map(|i| i as u32)
    }

    /// For the proxy: the API base URL requests go to.
    #[wasm_bindgen(js_name = __baseUrl)]
    pub fn base_url(&self) -> String {
        self.core.base_url.clone()
    }

    /// Reads a page of list operation `index`, called with `params`: `[items]`
    /// for the last page, `[items, param, value]` to ask for the next. Throws
    /// a `decode` error when the page's items or cursor are malformed.
    #[wasm_bindgen(js_name = __nextPage)]
    pub fn next_page(&self, index: u32, params: JsValue, page: JsValue) -> Result<Array, JsValue> {
        let op = self.op(index)?;
        let read = next_page(op.paging, &params, &page).map_err(|e| to_js(e.during(self.core.provider, op.name)))?;
        let out: Array = [read.items].into_iter().collect();
        if let Some((key, cursor)) = read.next {
            out.push(&JsValue::from_str(key));
            out.push(&match cursor {
                Cursor::Text(t) => JsValue::from_str(&t),
                Cursor::Number(n) => JsValue::from(n),
            });
        }
        Ok(out)
    }

    /// The wait in milliseconds before attempt `attempts + 1` of operation
    /// `index` after it failed with `error` (an `IdpUsersError` this module
    /// made), or -1 to give up. `sent`: whether the operation's own request
    /// went out (a failed token request did not send it); `random` in
    /// `[0, 1)` for the jitter; `remaining_ms` before the call's deadline;
    /// `options`: the call's options as `__prepare` returned them.
    #[wasm_bindgen(js_name = __retryDelay)]
    #[allow(clippy::too_many_arguments)]
    pub fn retry_delay(
        &self,
        index: u32,
        error: &JsValue,
        attempts: u32,
        sent: bool,
        random: f64,
        remaining_ms: f64,
        options: &JsValue,
    ) -> i32 {
        let Ok(op) = self.op(index) else { return -1 };
        let number = |i: u32| js_sys::Reflect::get_u32(options, i).ok().and_then(|v| v.as_f64());
        let policy = RetryPolicy {
            retries: number(3).map_or(self.retry.retries, |n| n as u32),
            max_delay_ms: number(4).map_or(self.retry.max_delay_ms, |n| n as u32),
            non_idempotent: js_sys::Reflect::get_u32(options, 5).ok().and_then(|v| v.as_bool()).unwrap_or(false),
        };
        let kind = match text_prefix(&get(error, "kind"), 16).as_deref() {
            Some("network") => ErrorKind::Network,
            Some("api") => ErrorKind::Api,
            Some("auth") => ErrorKind::Auth,
            _ => return -1,
        };
        let failure = Failure {
            kind,
            status: get(error, "status").as_f64().map(|s| s as u16),
            sent,
            server_delay_ms: get(error, "retryAfterMs").as_f64().map(|ms| ms as u64),
        };
        retry::delay(&policy, op.method, attempts, &failure, random, remaining_ms).map_or(-1, |ms| ms as i32)
    }

    /// `[fetch, timeoutMs, headers, getToken]` for the driver.
    #[wasm_bindgen(js_name = __settings)]
    pub fn settings(&self) -> Array {
        self.settings.clone()
    }

    /// Validates a call's raw arguments (positional, then the optional
    /// object if the operation has one, then the options) into
    /// `[url, method, body, contentType, options]`.
    #[wasm_bindgen(js_name = __prepare)]
    pub fn prepare(
        &self,
        index: u32,
        a: JsValue,
        b: JsValue,
        c: JsValue,
        d: JsValue,
        e: JsValue,
    ) -> Result<Array, JsValue> {
        let op = self.op(index)?;
        let mut args = [a, b, c, d, e].into_iter();
        let positional: Vec<JsValue> = args.by_ref().take(op.args.len()).collect();
        let extra = match op.extra {
            Extra::None => None,
            _ => args.next(),
        };
        let options = args.next().unwrap_or(JsValue::UNDEFINED);
        let options = call_options(&options).map_err(|e| to_js(e.during(self.core.provider, op.name)))?;
        let req = self.core.prepare(op, &positional, extra.as_ref()).map_err(to_js)?;
        let out = request_js(&req, &positional);
        if let Some(o) = options {
            out.push(&o);
        }
        Ok(out)
    }

    /// The token to use: a string, or 1 (mint through the token endpoint)
    /// or 2 (ask `getToken`).
    #[wasm_bindgen(js_name = __token)]
    pub fn token(&self, rejected: Option<String>) -> JsValue {
        match self.core.token_step(now_ms, rejected.as_deref()) {
            TokenStep::Ready(t) => {
                let mut last = self.last_token.borrow_mut();
                match &*last {
                    Some((s, js)) if *s == t => js.clone(),
                    _ => {
                        let js = JsValue::from_str(&t);
                        *last = Some((t, js.clone()));
                        js
                    }
                }
            }
            TokenStep::Mint => JsValue::from(1),
            TokenStep::AskSource => JsValue::from(2),
        }
    }

    /// `[url, method, body, contentType]` of the token request.
    #[wasm_bindgen(js_name = __tokenRequest)]
    pub fn token_request(&self) -> JsValue {
        self.core.token_request().map_or(JsValue::UNDEFINED, |r| request_js(&r, &[]).into())
    }

    /// Reads the token endpoint's answer.
    #[wasm_bindgen(js_name = __tokenResponse)]
    pub fn token_response(&self, index: u32, status: u16, text: JsValue, headers: JsValue) -> Result<String, JsValue> {
        let op = self.op(index)?;
        self.core.accept_token(op, &JsResponse { status, text, headers }, now_ms()).map_err(to_js)
    }

    /// Checks what `getToken` produced (or threw, when `failed`).
    #[wasm_bindgen(js_name = __sourceToken)]
    pub fn source_token(
        &self,
        index: u32,
        value: JsValue,
        failed: bool,
        rejected: Option<String>,
    ) -> Result<String, JsValue> {
        let op = self.op(index)?;
        if failed {
            return Err(to_js(self.core.source_failed(op, &describe(&value), rejected.as_deref())));
        }
        self.core.accept_source_token(op, &value).map_err(to_js)
    }

    /// Reads the API's response: the data, or undefined to retry with a new
    /// token.
    #[wasm_bindgen(js_name = __finish)]
    pub fn finish(
        &self,
        index: u32,
        status: u16,
        text: JsValue,
        headers: JsValue,
        token: &str,
        retried: bool,
    ) -> Result<JsValue, JsValue> {
        let op = self.op(index)?;
        match self.core.finish(op, &JsResponse { status, text, headers }, token, retried).map_err(to_js)? {
            Outcome::Done(data) => Ok(data),
            Outcome::Retry => Ok(JsValue::UNDEFINED),
        }
    }

    /// The error for a request that got no response.
    #[wasm_bindgen(js_name = __noResponse)]
    pub fn no_response(&self, index: u32, kind: &str, message: &str, token_request: bool) -> JsValue {
        let Ok(op) = self.op(index) else { return to_js(Error::new(ErrorKind::Network, message)) };
        let kind = match kind {
            "aborted" => ErrorKind::Aborted,
            "timeout" => ErrorKind::Timeout,
            _ => ErrorKind::Network,
        };
        let url = self.core.token_url().filter(|_| token_request);
        to_js(self.core.no_response(op, kind, message, url))
    }
}
