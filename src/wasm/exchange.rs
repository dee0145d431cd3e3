//! The JS side of an exchange: a response as JS values, and per-call options.

use js_sys::{JsString, Object};
use wasm_bindgen::{JsCast, JsValue};

use super::js::{header_of, json_parse, set};
use super::protocol;
use crate::engine::config::{check_keys, headers, opt_bool, retry_options, timeout_ms};
use crate::engine::error::Error;
use crate::engine::exchange::Response;
use crate::engine::value::{Kind, Value};

/// A response read by the JS driver: status, body text (a JS string, never
/// copied into Rust unless an error needs it) and the `Headers` object.
pub struct JsResponse {
    pub status: u16,
    pub text: JsValue,
    pub headers: JsValue,
}

impl Response for JsResponse {
    type Json = JsValue;

    fn status(&self) -> u16 {
        self.status
    }

    fn is_empty(&self) -> bool {
        self.text.dyn_ref::<JsString>().is_none_or(|s| s.length() == 0)
    }

    fn prefix(&self, max: usize) -> String {
        let Some(s) = self.text.dyn_ref::<JsString>() else { return String::new() };
        let cut = if s.length() as usize > max { s.slice(0, max as u32) } else { s.clone() };
        String::from(cut)
    }

    fn longer_than(&self, max: usize) -> bool {
        self.text.dyn_ref::<JsString>().is_some_and(|s| s.length() as usize > max)
    }

    fn json(&self) -> Option<JsValue> {
        json_parse(&self.text).ok()
    }

    fn header(&self, name: &str) -> Option<String> {
        header_of(&self.headers, name, 1024)
    }
}

/// Header names and values as a plain JS object.
pub fn headers_js(list: &[(String, String)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in list {
        set(&obj, k, &JsValue::from_str(v));
    }
    obj.into()
}

/// The keys of an operation's options argument.
pub const CALL_OPTIONS: &[&str] =
    &["signal", "headers", "timeoutMs", "retries", "maxRetryDelayMs", "retryNonIdempotent"];

/// Validates the options argument of an operation into the driver's
/// [`protocol::call_options`], each undefined when not given (undefined
/// when no options were given).
pub fn call_options(options: &JsValue) -> Result<JsValue, Error> {
    if options.kind().is_absent() {
        return Ok(JsValue::UNDEFINED);
    }
    check_keys(options, "options", CALL_OPTIONS)?;
    let signal = Value::get(options, "signal");
    match signal.kind() {
        Kind::Undefined | Kind::Null => {}
        // Duck-typed, so signals of polyfills and other realms work too.
        Kind::Object
            if Value::get(&signal, "aborted").as_bool().is_some()
                && Value::get(&signal, "addEventListener").is_function() => {}
        k => return Err(Error::got("options.signal", "must be an AbortSignal", k)),
    }
    let list = headers(&Value::get(options, "headers"), "options.headers")?;
    let headers = if list.is_empty() { JsValue::UNDEFINED } else { headers_js(&list) };
    let number = |n: Option<u32>| n.map_or(JsValue::UNDEFINED, JsValue::from);
    let timeout = number(timeout_ms(options, "options")?);
    let (retries, max_delay) = retry_options(options, "options")?;
    let non_idempotent = opt_bool(options, "options", "retryNonIdempotent")?.map_or(JsValue::UNDEFINED, JsValue::from);
    Ok(protocol::call_options(signal, headers, timeout, number(retries), number(max_delay), non_idempotent))
}
