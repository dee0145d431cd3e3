//! [`Value`] over JS values, read in place.

use js_sys::{Array, ArrayBuffer, Date, JsString};
use wasm_bindgen::{JsCast, JsValue};

use super::js::{Blob, get, object_keys};
use crate::core::value::{Kind, Value};

impl Value for JsValue {
    fn kind(&self) -> Kind {
        if self.is_undefined() {
            Kind::Undefined
        } else if self.is_null() {
            Kind::Null
        } else if self.as_bool().is_some() {
            Kind::Bool
        } else if self.as_f64().is_some() {
            Kind::Number
        } else if self.is_string() {
            Kind::String
        } else if Array::is_array(self) {
            Kind::Array
        } else if self.is_function() {
            Kind::Function
        } else if self.is_instance_of::<Date>() {
            Kind::Date
        } else if self.is_object() {
            Kind::Object
        } else {
            Kind::Other
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
