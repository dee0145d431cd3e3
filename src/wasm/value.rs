//! [`Value`] over JS values, read in place.
//!
//! Every read goes through one of the guarded helpers of `pkg-template/runtime.js`
//! (`kindOf`, `keysOf`, `itemOf`, `dateMs`, ...) or through a `catch` import:
//! a caller's getter, Proxy trap, `toJSON` or `toISOString` can throw or lie,
//! and neither may unwind through wasm or make it allocate without bound.

use js_sys::{Array, JsString};
use wasm_bindgen::{JsCast, JsValue};

use super::js::{byte_size, date_iso, date_ms, item_of, keys_of, kind_of, length_of, prop_of, to_json};
use crate::engine::value::{KeysError, Kind, MAX_TEXT, Value};

impl Value for JsValue {
    fn null() -> JsValue {
        JsValue::NULL
    }

    fn kind(&self) -> Kind {
        Kind::from_number(kind_of(self))
    }

    fn as_bool(&self) -> Option<bool> {
        JsValue::as_bool(self)
    }

    fn as_f64(&self) -> Option<f64> {
        JsValue::as_f64(self)
    }

    fn as_string(&self) -> Option<String> {
        // Checked again here, not only by `kind`: nothing longer is copied.
        let s = self.dyn_ref::<JsString>()?;
        if s.length() as usize > MAX_TEXT {
            return None;
        }
        Some(String::from(s))
    }

    fn text_len(&self) -> Option<usize> {
        self.dyn_ref::<JsString>().map(|s| s.length() as usize)
    }

    fn string_start(&self, max: usize) -> Option<(String, bool)> {
        let s = self.dyn_ref::<JsString>()?;
        let long = s.length() as usize > max;
        Some((String::from(if long { s.slice(0, max as u32) } else { s.clone() }), long))
    }

    fn get(&self, key: &str) -> Self {
        if !self.is_object() && !self.is_function() {
            return JsValue::UNDEFINED;
        }
        // A getter or Proxy trap that throws gives a value of kind
        // Unreadable: refused with the param's name, never read as "absent".
        prop_of(self, key)
    }

    fn keys(&self) -> Result<Vec<String>, KeysError> {
        let keys = keys_of(self);
        match keys.as_f64() {
            Some(-2.0) => return Err(KeysError::TooMany),
            Some(_) => return Err(KeysError::Unreadable),
            None => {}
        }
        let keys: Array = keys.dyn_into().map_err(|_| KeysError::Unreadable)?;
        // `keysOf` checked the count and each length before anything is copied.
        Ok(keys.iter().filter_map(|k| k.as_string()).collect())
    }

    fn array_len(&self) -> usize {
        if !matches!(self.kind(), Kind::Array | Kind::LongArray) {
            return 0;
        }
        length_of(self) as usize
    }

    fn item(&self, index: usize) -> Self {
        u32::try_from(index).map_or(JsValue::UNDEFINED, |i| item_of(self, i))
    }

    fn date_iso(&self) -> Option<String> {
        let iso = date_iso(self);
        iso.dyn_ref::<JsString>().filter(|s| s.length() < 64).map(String::from)
    }

    fn date_ms(&self) -> Option<f64> {
        Some(date_ms(self)).filter(|t| !t.is_nan())
    }

    fn binary_len(&self) -> Option<f64> {
        Some(byte_size(self)).filter(|n| *n >= 0.0)
    }

    fn to_json(&self) -> Option<String> {
        to_json(self).as_string()
    }
}
