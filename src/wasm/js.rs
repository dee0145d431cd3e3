//! Bindings to the guarded readers of `pkg-template/runtime.js` and to
//! JavaScript built-ins, each one catching exceptions.

use js_sys::{Array, JsString};
use wasm_bindgen::prelude::*;

use crate::engine::error::Secrets;

#[wasm_bindgen(module = "/pkg-template/runtime.js")]
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

    /// The kind of a value as a number (see `Kind`), in one call; strings
    /// and arrays over the limits get kinds of their own.
    #[wasm_bindgen(js_name = kindOf)]
    pub fn kind_of(value: &JsValue) -> u8;

    /// An object's own enumerable keys, or -1 (unreadable) or -2 (too many
    /// or too long).
    #[wasm_bindgen(js_name = keysOf)]
    pub fn keys_of(value: &JsValue) -> JsValue;

    /// `value[key]`, or a marker whose kind is "unreadable" when the read throws.
    #[wasm_bindgen(js_name = propOf)]
    pub fn prop_of(value: &JsValue, key: &str) -> JsValue;

    /// `value[index]`, or undefined when the read throws.
    #[wasm_bindgen(js_name = itemOf)]
    pub fn item_of(value: &JsValue, index: u32) -> JsValue;

    /// `value.length` as a whole number (0 when unreadable).
    #[wasm_bindgen(js_name = lengthOf)]
    pub fn length_of(value: &JsValue) -> f64;

    /// The time of a real Date through the built-in getter (NaN otherwise).
    #[wasm_bindgen(js_name = dateMs)]
    pub fn date_ms(value: &JsValue) -> f64;

    /// The ISO form of a valid Date through the built-in method, else undefined.
    #[wasm_bindgen(js_name = dateIso)]
    pub fn date_iso(value: &JsValue) -> JsValue;

    /// The byte size of binary data, or -1.
    #[wasm_bindgen(js_name = byteSize)]
    pub fn byte_size(value: &JsValue) -> f64;

    /// `headers.get(name)` of a response's headers, at most `max` characters
    /// of it, or undefined. Read in JS, not through web-sys's
    /// `Headers::get`: that returns a Rust `String`, so its glue copies a
    /// value of any length into wasm memory before Rust could check it (a
    /// custom fetch can build `new Headers` with a 100 MB value, and wasm
    /// memory never shrinks). Duck-typed, so headers that are not this
    /// realm's `Headers` (a custom fetch's `Map`, a polyfill's) work too.
    #[wasm_bindgen(js_name = headerOf)]
    pub fn header_of(headers: &JsValue, name: &str, max: u32) -> Option<String>;

    /// `JSON.stringify(value)` within `MAX_TEXT` characters, else undefined.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(value: &JsValue) -> JsValue;

    /// Whether this runs in a browser page: `window` and `document` both
    /// exist. One import, where `js_sys::global()` took four (one per way
    /// of finding the global object) and a property read for each name.
    #[wasm_bindgen(js_name = inBrowser)]
    pub fn in_browser() -> bool;
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse(text)`, on a JS string without copying it into Rust.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    pub fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;
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

/// A JS string, cut to its first `max` UTF-16 units before it is copied
/// into wasm memory; None for anything that is not a string.
pub fn text_prefix(value: &JsValue, max: u32) -> Option<String> {
    let s = value.dyn_ref::<JsString>()?;
    Some(String::from(if s.length() > max { s.slice(0, max) } else { s.clone() }))
}

/// A short text for a thrown JS value, for error messages: the string
/// itself, or its `name: message`, at most a few hundred characters of each,
/// each redacted of `secrets` before it is cut (see [`Secrets::clip`]).
pub fn thrown_text(err: &JsValue, secrets: &Secrets) -> String {
    const MAX: u32 = 300;
    let part = |v: &JsValue| {
        let s = v.dyn_ref::<JsString>()?;
        let cut = s.length() > 2 * MAX;
        let window = String::from(if cut { s.slice(0, 2 * MAX) } else { s.clone() });
        Some(secrets.clip(&window, cut, MAX as usize))
    };
    if let Some(s) = part(err) {
        return s;
    }
    let name = part(&get(err, "name")).unwrap_or_default();
    let message = part(&get(err, "message")).unwrap_or_default();
    match (name.is_empty(), message.is_empty()) {
        (_, true) if name.is_empty() => "unknown error".to_owned(),
        (true, _) => message,
        (_, true) => name,
        _ => crate::engine::text::cat(&[&name, ": ", &message]),
    }
}
