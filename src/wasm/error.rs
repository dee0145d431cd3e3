//! [`Error`] as a JS `IdpUsersError`.

use js_sys::Array;
use wasm_bindgen::JsValue;

use super::js::create_error;
use crate::engine::error::Error;

fn strings(items: &[String]) -> Array {
    items.iter().map(|s| JsValue::from_str(s)).collect()
}

fn opt_str(s: &Option<String>) -> JsValue {
    s.as_deref().map_or(JsValue::NULL, JsValue::from_str)
}

/// Converts an error into the `IdpUsersError` a promise rejects with.
pub fn to_js(e: Error) -> JsValue {
    create_error(
        &e.message,
        e.kind.as_str(),
        e.provider,
        e.operation,
        e.status.map_or(JsValue::NULL, JsValue::from),
        strings(&e.codes),
        strings(&e.messages),
        strings(&e.long_messages),
        opt_str(&e.body),
        opt_str(&e.param),
        e.retry_after_ms.map_or(JsValue::NULL, |ms| JsValue::from(ms as f64)),
        opt_str(&e.trace_id),
    )
}
