//! Raw bindings to JavaScript built-ins, each one catching exceptions.

use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/runtime.js")]
extern "C" {
    /// Builds an `IdpUsersError`.
    #[wasm_bindgen(js_name = createError)]
    #[allow(clippy::too_many_arguments)]
    pub fn create_error(
        message: &str,
        kind: &str,
        provider: &str,
        operation: &str,
        status: JsValue,
        codes: Array,
        messages: Array,
        long_messages: Array,
        body: JsValue,
        param: JsValue,
        retry_after_ms: JsValue,
        trace_id: JsValue,
    ) -> JsValue;

    /// The kind of a value as a number (see `Kind`), in one call.
    #[wasm_bindgen(js_name = kindOf)]
    pub fn kind_of(value: &JsValue) -> u8;
}

#[wasm_bindgen]
extern "C" {
    /// `Object.keys(value)`.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    pub fn object_keys(value: &JsValue) -> Result<Array, JsValue>;

    /// `JSON.parse(text)`, on a JS string without copying it into Rust.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    pub fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;

    /// The web platform's `Blob` (a `File` is one).
    pub type Blob;

}

/// `obj[key]`, or undefined when the read throws.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    if !obj.is_object() && !obj.is_function() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[key] = value` on an object this crate created.
pub fn set(obj: &JsValue, key: &str, value: &JsValue) {
    // Setting a plain property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

/// `obj.name(...args)`, catching both a missing method and a throw.
pub fn call_method(obj: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(obj, name).dyn_into().map_err(|_| JsValue::from_str(&format!("no {name}() method")))?;
    match args {
        [] => f.call0(obj),
        [a] => f.call1(obj, a),
        [a, b, ..] => f.call2(obj, a, b),
    }
}

/// The `message` of a thrown value, for error texts.
pub fn describe(err: &JsValue) -> String {
    if let Some(s) = err.as_string() {
        return s;
    }
    let name = get(err, "name").as_string().unwrap_or_default();
    let message = get(err, "message").as_string().unwrap_or_default();
    match (name.is_empty(), message.is_empty()) {
        (_, true) if name.is_empty() => "unknown error".to_owned(),
        (true, _) => message,
        (_, true) => name,
        _ => format!("{name}: {message}"),
    }
}

/// Whether this runs in a browser page: `window` and `document` both exist.
pub fn in_browser() -> bool {
    let global = js_sys::global();
    ["window", "document"].iter().all(|k| !get(&global, k).is_undefined())
}
