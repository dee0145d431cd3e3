//! A read-only view of caller-supplied values.
//!
//! The request builder validates and encodes whatever the caller passed
//! without knowing where it came from: in wasm it reads JS values in place
//! (no copy of the whole object into Rust), in native tests it reads
//! `serde_json` values.

/// The shape of a caller-supplied value, in JavaScript's terms.
///
/// In wasm, `kindOf` in `pkg-template/runtime.js` classifies a JS value in
/// one call and returns one of these numbers. Its constants (`KIND_*`) are written
/// from this enum by `crate::typings::runtime_js`; a test fails when the two
/// drift apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Kind {
    /// `undefined`, or a missing property.
    Undefined = 0,
    /// `null`.
    Null = 1,
    /// `true` or `false`.
    Bool = 2,
    /// Any JS number, including `NaN` and infinities.
    Number = 3,
    /// A string.
    String = 4,
    /// An array.
    Array = 5,
    /// A `Date` instance.
    Date = 6,
    /// Any other object.
    Object = 7,
    /// A function.
    Function = 8,
    /// Symbols, bigints and the like.
    Other = 9,
    /// A string longer than [`MAX_TEXT`]: refused before it is copied.
    LongString = 10,
    /// An array longer than [`MAX_ITEMS`]: refused before anything is allocated.
    LongArray = 11,
    /// A property whose read threw (a getter or a Proxy trap).
    Unreadable = 12,
}

/// The longest string read from a caller, in UTF-16 code units (1 MiB of
/// ASCII). Longer ones are refused before a byte is copied into wasm memory.
pub(crate) const MAX_TEXT: usize = 1 << 20;
/// The most items read from a caller's array. The APIs take at most a few
/// hundred anywhere; a longer array is refused before anything is allocated.
pub(crate) const MAX_ITEMS: usize = 1000;
/// The most properties read from a caller's object.
pub(crate) const MAX_KEYS: usize = 1000;
/// The longest property name read from a caller's object.
pub(crate) const MAX_KEY_LEN: usize = 1024;

/// Why an object's property names could not be listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeysError {
    /// Listing them threw (a Proxy's `ownKeys` trap, say).
    Unreadable,
    /// More than [`MAX_KEYS`] names, or a name longer than [`MAX_KEY_LEN`].
    TooMany,
}

impl Kind {
    /// Every kind, in the order of their numbers.
    pub(crate) const ALL: [Kind; 13] = [
        Kind::Undefined,
        Kind::Null,
        Kind::Bool,
        Kind::Number,
        Kind::String,
        Kind::Array,
        Kind::Date,
        Kind::Object,
        Kind::Function,
        Kind::Other,
        Kind::LongString,
        Kind::LongArray,
        Kind::Unreadable,
    ];

    /// The kind numbered `n` by `kindOf` (anything unknown is [`Kind::Other`]).
    pub(crate) fn from_number(n: u8) -> Kind {
        Kind::ALL.get(usize::from(n)).copied().unwrap_or(Kind::Other)
    }

    /// The word used for this kind in error messages ("got number").
    pub(crate) fn describe(self) -> &'static str {
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
            Kind::LongString => "a string longer than 1048576 characters",
            Kind::LongArray => "an array of more than 1000 items",
            Kind::Unreadable => "a property whose getter threw",
        }
    }

    /// Whether the value counts as "not given" (`undefined` or `null`).
    pub(crate) fn is_absent(self) -> bool {
        matches!(self, Kind::Undefined | Kind::Null)
    }
}

/// Read access to one caller-supplied value.
///
/// Every accessor is total: asking a string for a property yields an
/// undefined value, never a panic, because the caller controls the input.
pub(crate) trait Value: Sized + Clone {
    /// The value's kind.
    fn kind(&self) -> Kind;
    /// The boolean, when the value is one.
    fn as_bool(&self) -> Option<bool>;
    /// The number, when the value is one.
    fn as_f64(&self) -> Option<f64>;
    /// The string, when the value is one.
    fn as_string(&self) -> Option<String>;
    /// The length of a string in UTF-16 units, read without copying it.
    fn text_len(&self) -> Option<usize>;
    /// The first `max` UTF-16 units of a string (chars in native tests),
    /// however long it is, and whether it went on past them. Nothing
    /// beyond them is copied.
    fn string_start(&self, max: usize) -> Option<(String, bool)>;
    /// An own property (undefined when absent or when this is not an object).
    fn get(&self, key: &str) -> Self;
    /// The own enumerable property names of an object (empty otherwise), at
    /// most [`MAX_KEYS`] of them, each at most [`MAX_KEY_LEN`] long.
    fn keys(&self) -> Result<Vec<String>, KeysError>;
    /// The length of an array (its real length, however long; 0 for
    /// anything else). Reading it allocates nothing.
    fn array_len(&self) -> usize;
    /// Element `index` of an array (undefined when absent or unreadable).
    fn item(&self, index: usize) -> Self;
    /// The elements of an array (empty otherwise), at most [`MAX_ITEMS`]:
    /// callers check [`Kind::LongArray`] first; the cap holds even for a
    /// Proxy whose length changes between reads.
    fn items(&self) -> Vec<Self> {
        (0..self.array_len().min(MAX_ITEMS)).map(|i| self.item(i)).collect()
    }
    /// The ISO 8601 form of a valid `Date` (None for anything else).
    fn date_iso(&self) -> Option<String>;
    /// The Unix milliseconds of a valid `Date` (None for anything else).
    fn date_ms(&self) -> Option<f64>;
    /// The size in bytes of binary data (a `Blob`, `ArrayBuffer` or typed
    /// array); None for anything else.
    fn binary_len(&self) -> Option<f64>;
    /// The JSON text of a free-form value, as the runtime's own serializer writes it.
    fn to_json(&self) -> Option<String>;
    /// JSON `null` (what a response without content resolves to).
    fn null() -> Self;
}

#[cfg(test)]
pub(crate) mod json {
    //! `Value` over `serde_json`, for native tests.
    use super::{KeysError, Kind, MAX_ITEMS, MAX_KEYS, MAX_TEXT, Value};

    /// A JSON value, or a missing one (JS `undefined`).
    #[derive(Clone, Debug, PartialEq)]
    pub(crate) struct J(pub Option<serde_json::Value>);

    /// Parses JSON text into a test value (`undefined` for the empty string).
    pub(crate) fn j(text: &str) -> J {
        if text.is_empty() {
            return J(None);
        }
        J(Some(serde_json::from_str(text).expect("test JSON"))) // ok: test-only helper
    }

    impl Value for J {
        fn null() -> J {
            J(Some(serde_json::Value::Null))
        }
        fn kind(&self) -> Kind {
            match &self.0 {
                None => Kind::Undefined,
                Some(serde_json::Value::Null) => Kind::Null,
                Some(serde_json::Value::Bool(_)) => Kind::Bool,
                Some(serde_json::Value::Number(_)) => Kind::Number,
                // Tests spell a Date as {"$date": "..."}.
                Some(serde_json::Value::Object(m)) if m.contains_key("$date") => Kind::Date,
                Some(serde_json::Value::String(s)) if s.encode_utf16().count() > MAX_TEXT => Kind::LongString,
                Some(serde_json::Value::String(_)) => Kind::String,
                Some(serde_json::Value::Array(a)) if a.len() > MAX_ITEMS => Kind::LongArray,
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
        fn text_len(&self) -> Option<usize> {
            Some(self.0.as_ref()?.as_str()?.encode_utf16().count())
        }
        fn string_start(&self, max: usize) -> Option<(String, bool)> {
            let s = self.0.as_ref()?.as_str()?;
            Some((s.chars().take(max).collect(), s.chars().count() > max))
        }
        fn get(&self, key: &str) -> Self {
            J(self.0.as_ref().and_then(|v| v.as_object()).and_then(|m| m.get(key)).cloned())
        }
        fn keys(&self) -> Result<Vec<String>, KeysError> {
            match &self.0 {
                Some(serde_json::Value::Object(m)) if m.len() > MAX_KEYS => Err(KeysError::TooMany),
                Some(serde_json::Value::Object(m)) => Ok(m.keys().cloned().collect()),
                _ => Ok(Vec::new()),
            }
        }
        fn array_len(&self) -> usize {
            self.0.as_ref().and_then(|v| v.as_array()).map_or(0, Vec::len)
        }
        fn item(&self, index: usize) -> Self {
            J(self.0.as_ref().and_then(|v| v.as_array()).and_then(|a| a.get(index)).cloned())
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
