//! The runtime's `fetch` (or the caller's) as a [`Transport`].

use js_sys::{Function, JsString, Object, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::js::{Deadline, call_method, describe, get, json_parse, object_from_entries, set};
use crate::core::config::{check_keys, headers, timeout_ms};
use crate::core::error::{Error, ErrorKind};
use crate::core::transport::{Incoming, Outgoing, TokenSource, Transport};
use crate::core::value::{Kind, Value};

/// Per-call options: `{ signal, headers, timeoutMs }`.
#[derive(Default)]
pub struct CallOptions {
    signal: Option<JsValue>,
    headers: Vec<(String, String)>,
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
            Kind::Object if get(&signal, "aborted").as_bool().is_some() && get(&signal, "addEventListener").is_function() => {
                Some(signal)
            }
            k => return Err(Error::invalid("options.signal", format!("must be an AbortSignal (got {})", k.describe()))),
        };
        Ok(CallOptions {
            signal,
            headers: headers(&get(options, "headers"), "options.headers")?,
            timeout_ms: timeout_ms(options, "options")?,
        })
    }

    /// Whether the caller's signal has already fired.
    pub fn aborted(&self) -> bool {
        self.signal.as_ref().is_some_and(|s| get(s, "aborted").as_bool() == Some(true))
    }
}

/// Clears the request's timer however the request ends.
struct Timer(Deadline);

impl Drop for Timer {
    fn drop(&mut self) {
        self.0.clear();
    }
}

/// `fetch` with a timeout on every request.
pub struct FetchTransport {
    /// The caller's `fetch`; the global one when None.
    pub fetch: Option<Function>,
    /// Default timeout.
    pub timeout_ms: u32,
}

impl FetchTransport {
    /// Why a fetch or body read failed: the caller's abort, the timeout, or the network.
    fn failure(err: &JsValue, user: Option<&JsValue>, deadline: &Deadline, ms: u32) -> Error {
        let fired = |s: &JsValue| get(s, "aborted").as_bool() == Some(true);
        if user.is_some_and(fired) {
            Error::new(ErrorKind::Aborted, "aborted by the caller's signal")
        } else if deadline.timed_out() {
            Error::new(ErrorKind::Timeout, format!("no response within {ms} ms"))
        } else {
            Error::new(ErrorKind::Network, format!("request failed: {}", describe(err)))
        }
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
        let headers = Object::new();
        set(&headers, "accept", &JsValue::from_str("application/json"));
        for (k, v) in req.configured.iter().chain(ctx.map_or(&[][..], |c| &c.headers[..])) {
            set(&headers, k, &JsValue::from_str(v));
        }
        let init = Object::new();
        set(&init, "method", &JsValue::from_str(req.method.as_str()));
        if let Some(body) = &req.body {
            set(&headers, "content-type", &JsValue::from_str(body.content_type()));
            set(&init, "body", &JsValue::from_str(body.text()));
        }
        if let Some(auth) = &req.authorization {
            set(&headers, "authorization", &JsValue::from_str(auth));
        }
        set(&init, "headers", &headers);

        let ms = ctx.and_then(|c| c.timeout_ms).unwrap_or(self.timeout_ms);
        let user = ctx.and_then(|c| c.signal.as_ref());
        let deadline = Timer(Deadline::new(ms, user).map_err(|e| Error::new(ErrorKind::Network, describe(&e)))?);
        set(&init, "signal", &deadline.0.signal());
        let fail = |e: JsValue| FetchTransport::failure(&e, user, &deadline.0, ms);
        let url = JsValue::from_str(&req.url);
        let started = match &self.fetch {
            Some(f) => f.call2(&JsValue::UNDEFINED, &url, &init),
            None => call_method(&js_sys::global(), "fetch", &[&url, &init]),
        };
        let response = JsFuture::from(Promise::resolve(&started.map_err(fail)?)).await.map_err(fail)?;
        let status = get(&response, "status").as_f64().filter(|s| (100.0..=599.0).contains(s));
        let Some(status) = status else {
            return Err(Error::new(ErrorKind::Network, "fetch resolved to something that is not a Response"));
        };
        let text = call_method(&response, "text", &[]).map_err(fail)?;
        let text = JsFuture::from(Promise::resolve(&text)).await.map_err(fail)?;
        if !text.is_string() {
            return Err(Error::new(ErrorKind::Network, "the response body is not text"));
        }
        Ok(Incoming { status: status as u16, headers: get(&response, "headers"), text })
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
