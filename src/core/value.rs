//! A read-only view of caller-supplied values.
//!
//! The request builder validates and encodes whatever the caller passed
//! without knowing where it came from: in wasm it reads JS values in place
//! (no copy of the whole object into Rust), in native tests it reads
//! `serde_json` values.

/// The shape of a caller-supplied value, in JavaScript's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `undefined`, or a missing property.
    Undefined,
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// Any JS number, including `NaN` and infinities.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// A `Date` instance.
    Date,
    /// Any other object.
    Object,
    /// A function.
    Function,
    /// Symbols, bigints and the like.
    Other,
}

impl Kind {
    /// The word used for this kind in error messages ("got number").
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Undefined => "undefined",
            Kind::Null => "null",
            Kind::Bool => "boolean",
            Kind::Number => "number",
            Kind::String => "string",
            Kind::Array => "array",
            Kind::Date => "Date",
            Kind::Object => "object",
            Kind::Function => "function",
            Kind::Other => "a non-JSON value",
        }
    }

    /// Whether the value counts as "not given" (`undefined` or `null`).
    pub fn is_absent(self) -> bool {
        matches!(self, Kind::Undefined | Kind::Null)
    }
}

/// Read access to one caller-supplied value.
///
/// Every accessor is total: asking a string for a property yields an
/// undefined value, never a panic, because the caller controls the input.
pub trait Value: Sized {
    /// The value's kind.
    fn kind(&self) -> Kind;
    /// The boolean, when the value is one.
    fn as_bool(&self) -> Option<bool>;
    /// The number, when the value is one.
    fn as_f64(&self) -> Option<f64>;
    /// The string, when the value is one.
    fn as_string(&self) -> Option<String>;
    /// An own property (undefined when absent or when this is not an object).
    fn get(&self, key: &str) -> Self;
    /// The own enumerable property names of an object (empty otherwise);
    /// None when they cannot be read (a Proxy that throws, say).
    fn keys(&self) -> Option<Vec<String>>;
    /// The elements of an array (empty otherwise).
    fn items(&self) -> Vec<Self>;
    /// The ISO 8601 form of a valid `Date` (None for anything else).
    fn date_iso(&self) -> Option<String>;
    /// The Unix milliseconds of a valid `Date` (None for anything else).
    fn date_ms(&self) -> Option<f64>;
    /// The size in bytes of binary data (a `Blob`, `ArrayBuffer` or typed
    /// array); None for anything else.
    fn binary_len(&self) -> Option<f64>;
    /// The JSON text of a free-form value, as the runtime's own serializer writes it.
    fn to_json(&self) -> Option<String>;
}

#[cfg(test)]
pub(crate) mod json {
    //! `Value` over `serde_json`, for native tests.
    use super::{Kind, Value};

    /// A JSON value, or a missing one (JS `undefined`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct J(pub Option<serde_json::Value>);

    /// Parses JSON text into a test value (`undefined` for the empty string).
    pub fn j(text: &str) -> J {
        if text.is_empty() {
            return J(None);
        }
        J(Some(serde_json::from_str(text).expect("test JSON"))) // ok: test-only helper
    }

    impl Value for J {
        fn kind(&self) -> Kind {
            match &self.0 {
                None => Kind::Undefined,
                Some(serde_json::Value::Null) => Kind::Null,
                Some(serde_json::Value::Bool(_)) => Kind::Bool,
                Some(serde_json::Value::Number(_)) => Kind::Number,
                // Tests spell a Date as {"$date": "..."}.
                Some(serde_json::Value::Object(m)) if m.contains_key("$date") => Kind::Date,
                Some(serde_json::Value::String(_)) => Kind::String,
                Some(serde_json::Value::Array(_)) => Kind::Array,
                Some(serde_json::Value::Object(_)) => Kind::Object,
            }
        }
        fn as_bool(&self) -> Option<bool> {
            self.0.as_ref()?.as_bool()
        }
        fn as_f64(&self) -> Option<f64> {
            self.0.as_ref()?.as_f64()
        }
        fn as_string(&self) -> Option<String> {
            self.0.as_ref()?.as_str().map(str::to_owned)
        }
        fn get(&self, key: &str) -> Self {
            J(self.0.as_ref().and_then(|v| v.as_object()).and_then(|m| m.get(key)).cloned())
        }
        fn keys(&self) -> Option<Vec<String>> {
            match &self.0 {
                Some(serde_json::Value::Object(m)) => Some(m.keys().cloned().collect()),
                _ => Some(Vec::new()),
            }
        }
        fn items(&self) -> Vec<Self> {
            match &self.0 {
                Some(serde_json::Value::Array(a)) => a.iter().cloned().map(|v| J(Some(v))).collect(),
                _ => Vec::new(),
            }
        }
        fn date_iso(&self) -> Option<String> {
            self.0.as_ref()?.get("$date")?.as_str().map(str::to_owned)
        }
        // Tests spell a Date's milliseconds as {"$date": "...", "ms": N}.
        fn date_ms(&self) -> Option<f64> {
            self.0.as_ref()?.get("$date")?;
            self.0.as_ref()?.get("ms")?.as_f64()
        }
        // Tests spell binary data as {"$bytes": N}.
        fn binary_len(&self) -> Option<f64> {
            self.0.as_ref()?.get("$bytes")?.as_f64()
        }
        fn to_json(&self) -> Option<String> {
            self.0.as_ref().map(|v| v.to_string())
        }
    }
}
