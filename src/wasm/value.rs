//! [`Value`] over JS values, read in place.

use js_sys::{Array, ArrayBuffer, Date, JsString};
use wasm_bindgen::{JsCast, JsValue};

use super::js::{Blob, get, kind_of, object_keys};
use crate::core::value::{Kind, Value};

impl Value for JsValue {
    fn kind(&self) -> Kind {
        match kind_of(self) {
            0 => Kind::Undefined,
            1 => Kind::Null,
            2 => Kind::Bool,
            3 => Kind::Number,
            4 => Kind::String,
            5 => Kind::Array,
            6 => Kind::Date,
            7 => Kind::Object,
            8 => Kind::Function,
            _ => Kind::Other,
        }
    }

    fn as_bool(&self) -> Option<bool> {
        JsValue::as_bool(self)
    }

    fn as_f64(&self) -> Option<f64> {
        JsValue::as_f64(self)
    }

    fn as_string(&self) -> Option<String> {
        JsValue::as_string(self)
    }

    fn get(&self, key: &str) -> Self {
        get(self, key)
    }

    fn keys(&self) -> Option<Vec<String>> {
        if !self.is_object() {
            return Some(Vec::new());
        }
        object_keys(self).ok().map(|a| a.iter().filter_map(|k| k.as_string()).collect())
    }

    fn items(&self) -> Vec<Self> {
        if !Array::is_array(self) {
            return Vec::new();
        }
        let len = get(self, "length").as_f64().unwrap_or(0.0) as u32;
        (0..len).map(|i| js_sys::Reflect::get_u32(self, i).unwrap_or(JsValue::UNDEFINED)).collect()
    }

    fn date_iso(&self) -> Option<String> {
        let date = self.dyn_ref::<Date>()?;
        if date.get_time().is_nan() {
            return None;
        }
        Some(String::from(date.to_iso_string()))
    }

    fn date_ms(&self) -> Option<f64> {
        self.dyn_ref::<Date>().map(Date::get_time).filter(|t| !t.is_nan())
    }

    fn binary_len(&self) -> Option<f64> {
        if !self.is_object() {
            return None;
        }
        let key = if self.is_instance_of::<Blob>() {
            "size"
        } else if self.is_instance_of::<ArrayBuffer>() || ArrayBuffer::is_view(self) {
            "byteLength"
        } else {
            return None;
        };
        get(self, key).as_f64()
    }

    fn to_json(&self) -> Option<String> {
        js_sys::JSON::stringify(self).ok().and_then(|s: JsString| s.as_string())
    }
}
