//! The runtime's `fetch` (or the caller's) as a [`Transport`].

use js_sys::{Function, JsString, Object, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::js::{call_method, describe, get, json_parse, object_from_entries, send, set};
use crate::core::config::{check_keys, headers, timeout_ms};
use crate::core::error::{Error, ErrorKind};
use crate::core::op::Method;
use crate::core::transport::{Incoming, Outgoing, TokenSource, Transport};
use crate::core::value::{Kind, Value};

/// Header names and values as a plain JS object.
pub fn headers_js(list: &[(String, String)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in list {
        set(&obj, k, &JsValue::from_str(v));
    }
    obj.into()
}

/// Per-call options: `{ signal, headers, timeoutMs }`.
#[derive(Default)]
pub struct CallOptions {
    signal: Option<JsValue>,
    headers: Option<JsValue>,
    timeout_ms: Option<u32>,
}

impl CallOptions {
    /// Validates the options argument of an operation.
    pub fn parse(options: &JsValue) -> Result<CallOptions, Error> {
        if options.kind().is_absent() {
            return Ok(CallOptions::default());
        }
        check_keys(options, "options", &["signal", "headers", "timeoutMs"])?;
        let signal = get(options, "signal");
        let signal = match signal.kind() {
            Kind::Undefined | Kind::Null => None,
            // Duck-typed, so signals of polyfills and other realms work too.
            Kind::Object
                if get(&signal, "aborted").as_bool().is_some() && get(&signal, "addEventListener").is_function() =>
            {
                Some(signal)
            }
            k => {
                return Err(Error::invalid("options.signal", format!("must be an AbortSignal (got {})", k.describe())));
            }
        };
        let list = headers(&get(options, "headers"), "options.headers")?;
        Ok(CallOptions {
            signal,
            headers: (!list.is_empty()).then(|| headers_js(&list)),
            timeout_ms: timeout_ms(options, "options")?,
        })
    }

    /// Whether the caller's signal has already fired.
    fn aborted(&self) -> bool {
        self.signal.as_ref().is_some_and(|s| get(s, "aborted").as_bool() == Some(true))
    }
}

/// `fetch` with a time limit on every request.
pub struct FetchTransport {
    /// The caller's `fetch`; the global one when None.
    pub fetch: Option<Function>,
    /// Default time limit.
    pub timeout_ms: u32,
    /// The client's configured headers, as a JS object built once.
    pub headers: JsValue,
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

/// Maps a rejection of `send` onto an error.
fn failure(reason: &JsValue) -> Error {
    let kind = match get(reason, "kind").as_string().as_deref() {
        Some("aborted") => return Error::new(ErrorKind::Aborted, "aborted by the caller's signal"),
        Some("timeout") => ErrorKind::Timeout,
        _ => ErrorKind::Network,
    };
    let message = get(reason, "message").as_string().unwrap_or_else(|| describe(reason));
    match kind {
        ErrorKind::Timeout => Error::new(kind, "no response within the time limit"),
        _ => Error::new(kind, format!("request failed: {message}")),
    }
}

impl Transport for FetchTransport {
    type Value = JsValue;
    type Text = JsValue;
    type Headers = JsValue;
    type Ctx = CallOptions;
    type TokenSource = JsTokenSource;

    async fn send(&self, req: Outgoing<'_>, ctx: Option<&CallOptions>) -> Result<Incoming<Self>, Error> {
        if ctx.is_some_and(CallOptions::aborted) {
            return Err(Error::new(ErrorKind::Aborted, "aborted by the caller's signal"));
        }
        let pending = send(
            self.fetch.as_ref(),
            &req.url,
            method_index(req.method),
            &self.headers,
            ctx.and_then(|c| c.headers.as_ref()),
            req.authorization,
            req.body.as_ref().map(|b| b.content_type()),
            req.body.as_ref().map(|b| b.text()),
            ctx.and_then(|c| c.timeout_ms).unwrap_or(self.timeout_ms),
            ctx.and_then(|c| c.signal.as_ref()),
        )
        .map_err(|e| failure(&e))?;
        let exchange = JsFuture::from(pending).await.map_err(|e| failure(&e))?;
        let at = |i: u32| js_sys::Reflect::get_u32(&exchange, i).unwrap_or(JsValue::UNDEFINED);
        // `send` checked the status range; the cast cannot truncate.
        let status = at(0).as_f64().unwrap_or(0.0) as u16;
        Ok(Incoming { status, text: at(1), headers: at(2) })
    }

    fn parse_json(&self, text: &JsValue) -> Option<JsValue> {
        json_parse(text).ok()
    }

    fn text_prefix(&self, text: &JsValue, max: usize) -> String {
        let Some(s) = text.dyn_ref::<JsString>() else { return String::new() };
        let cut = if s.length() as usize > max { s.slice(0, max as u32) } else { s.clone() };
        String::from(cut)
    }

    fn text_is_empty(&self, text: &JsValue) -> bool {
        text.dyn_ref::<JsString>().is_none_or(|s| s.length() == 0)
    }

    fn header(&self, headers: &JsValue, name: &str) -> Option<String> {
        call_method(headers, "get", &[&JsValue::from_str(name)]).ok()?.as_string()
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
}

/// Response headers as a plain object (names in lower case).
pub fn headers_object(headers: &JsValue) -> JsValue {
    object_from_entries(headers).unwrap_or_else(|_| Object::new().into())
}

/// The caller's `getToken(context)`.
pub struct JsTokenSource(pub Function);

impl TokenSource for JsTokenSource {
    async fn token(&self, force_refresh: bool) -> Result<String, Error> {
        let context = Object::new();
        set(&context, "forceRefresh", &JsValue::from_bool(force_refresh));
        let fail = |e: JsValue| Error::new(ErrorKind::Auth, format!("getToken failed: {}", describe(&e)));
        let result = self.0.call1(&JsValue::UNDEFINED, &context).map_err(fail)?;
        let token = JsFuture::from(Promise::resolve(&result)).await.map_err(fail)?;
        token.as_string().ok_or_else(|| {
            Error::new(ErrorKind::Auth, format!("getToken must return a string (got {})", token.kind().describe()))
        })
    }
}
