//! The one error type every failure maps onto.

use super::encode::{find, percent, push_json_string};
use super::exchange::Response;
use super::retry_after::retry_after_ms;
use super::text::{cat, int, push_int, push_joined};
use super::value::{KeysError, Kind, MAX_KEY_LEN, MAX_KEYS, Value};

/// What went wrong, broadly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) enum ErrorKind {
    /// The caller's input (arguments or config) was invalid; nothing was sent.
    Validation,
    /// The request could not be sent or its answer not received.
    Network,
    /// The request took longer than the configured timeout.
    Timeout,
    /// The caller aborted the request through its `AbortSignal`.
    Aborted,
    /// Getting an access token failed (token endpoint or `getToken`).
    Auth,
    /// The API answered with a non-2xx status.
    Api,
    /// The API answered 2xx with a body that is not JSON.
    Decode,
}

impl ErrorKind {
    /// The kind's name as JS sees it (`error.kind`).
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Validation => "validation",
            ErrorKind::Network => "network",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Aborted => "aborted",
            ErrorKind::Auth => "auth",
            ErrorKind::Api => "api",
            ErrorKind::Decode => "decode",
        }
    }
}

/// How much of a response body an error keeps.
pub(crate) const BODY_LIMIT: usize = 2048;

/// A failure, with the fields callers branch on (through `Deref` to
/// [`Details`]). Boxed, so that `Result<T, Error>` stays one pointer wide.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Error(Box<Details>);

impl std::ops::Deref for Error {
    type Target = Details;
    fn deref(&self) -> &Details {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut Details {
        &mut self.0
    }
}

/// The message, as the JS `IdpUsersError` shows it (it never holds a secret).
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// The fields of an [`Error`].
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Details {
    /// Broad category.
    pub kind: ErrorKind,
    /// Human-readable summary (never contains a secret).
    pub message: String,
    /// Provider (`kinde`, `clerk`).
    pub provider: &'static str,
    /// Operation name (`getUsers`), or `constructor` for config errors.
    pub operation: &'static str,
    /// HTTP status, when a response arrived.
    pub status: Option<u16>,
    /// The provider's error codes, in order.
    pub codes: Vec<String>,
    /// The provider's error messages, in order.
    pub messages: Vec<String>,
    /// The provider's long messages (Clerk), in order.
    pub long_messages: Vec<String>,
    /// The raw response body, truncated to [`BODY_LIMIT`] bytes.
    pub body: Option<String>,
    /// For validation errors: which argument or field (`body.identities[0].type`).
    pub param: Option<String>,
    /// `Retry-After`, in milliseconds.
    pub retry_after_ms: Option<u64>,
    /// A request trace id from the provider (Clerk's `clerk_trace_id`, or `cf-ray`).
    pub trace_id: Option<String>,
}

impl Error {
    /// An error with only kind and message set.
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error::of(kind, message.into())
    }

    /// [`Error::new`] past the conversion: one copy of this code in the
    /// `.wasm`, not one per type of message.
    fn of(kind: ErrorKind, message: String) -> Error {
        Error(Box::new(Details {
            kind,
            message,
            provider: "",
            operation: "",
            status: None,
            codes: Vec::new(),
            messages: Vec::new(),
            long_messages: Vec::new(),
            body: None,
            param: None,
            retry_after_ms: None,
            trace_id: None,
        }))
    }

    /// A validation error about one argument or field.
    pub(crate) fn invalid(param: &str, message: &str) -> Error {
        let mut e = Error::new(ErrorKind::Validation, cat(&[param, " ", message]));
        e.param = Some(param.to_owned());
        e
    }

    /// A validation error for a value of the wrong kind: `expectation` (`must
    /// be a string`) then what it is (` (got number)`).
    pub(crate) fn got(param: &str, expectation: &str, kind: Kind) -> Error {
        Error::invalid(param, &cat(&[expectation, " (got ", kind.describe(), ")"]))
    }

    /// A validation error for an object whose properties cannot be listed.
    pub(crate) fn keys(param: &str, why: KeysError) -> Error {
        match why {
            KeysError::Unreadable => Error::invalid(param, "could not be read (listing its properties threw)"),
            KeysError::TooMany => Error::invalid(
                param,
                &cat(&[
                    "has more than ",
                    &int(MAX_KEYS as i64),
                    " properties, or a property name longer than ",
                    &int(MAX_KEY_LEN as i64),
                    " characters",
                ]),
            ),
        }
    }

    /// Sets provider and operation, and prefixes the message with the operation.
    pub(crate) fn during(mut self, provider: &'static str, operation: &'static str) -> Error {
        if self.operation.is_empty() {
            self.provider = provider;
            self.operation = operation;
            self.message = cat(&[operation, ": ", &self.message]);
        }
        self
    }

    /// Replaces every occurrence of each of `secrets`' forms with
    /// `[redacted]`, everywhere text from outside could have carried it.
    /// (Texts cut to length were redacted before the cut, by [`Secrets::clip`].)
    pub(crate) fn redact(mut self, secrets: &Secrets) -> Error {
        if secrets.forms.is_empty() {
            return self;
        }
        let scrub = |t: &mut String| {
            if secrets.forms.iter().any(|f| find(t, f).is_some()) {
                *t = secrets.clip(t, false, usize::MAX);
            }
        };
        scrub(&mut self.message);
        if let Some(b) = self.body.as_mut() {
            scrub(b);
        }
        self.messages.iter_mut().for_each(scrub);
        self.long_messages.iter_mut().for_each(scrub);
        self.codes.iter_mut().for_each(scrub);
        if let Some(t) = self.trace_id.as_mut() {
            scrub(t);
        }
        self
    }
}

/// `json` with each `/` escaped as `\/`.
fn escape_slashes(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c == '/' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// What a redacted secret becomes.
pub(crate) const REDACTED: &str = "[redacted]";
/// Shorter secrets (and shorter cut-off starts of one) are not redacted:
/// they would mask ordinary text and say next to nothing.
const MIN_SECRET: usize = 4;

/// Every form in which a secret can come back in an error text: as is,
/// JSON-escaped, and percent-encoded as the client sends it (a Kinde client
/// secret goes out in a form body) or as a server may re-encode it.
#[derive(Debug, Default)]
pub(crate) struct Secrets {
    forms: Vec<String>,
}

impl Secrets {
    /// The forms of each of `secrets` (those under 4 characters are ignored).
    pub(crate) fn new<'a>(secrets: impl IntoIterator<Item = &'a str>) -> Secrets {
        let mut out = Secrets::default();
        for s in secrets {
            out.add(s);
        }
        out
    }

    /// Adds the forms of one secret.
    pub(crate) fn add(&mut self, secret: &str) {
        if secret.chars().count() < MIN_SECRET {
            return;
        }
        let mut json = String::new();
        push_json_string(&mut json, secret);
        let json = json.get(1..json.len().saturating_sub(1)).unwrap_or_default();
        let forms = [
            secret.to_owned(),
            json.to_owned(),
            // JSON writers may also escape `/` (PHP's do).
            escape_slashes(json),
            // Percent-encoded as the client sends it (RFC 3986 unreserved
            // kept), with `+` for spaces, and as forms and `URLSearchParams`
            // write it (`*` kept, `~` escaped).
            percent(secret, b"-._~", false),
            percent(secret, b"-._~", true),
            percent(secret, b"*-._", true),
        ];
        for form in forms {
            if !self.forms.contains(&form) {
                self.forms.push(form);
            }
        }
    }

    /// `text` redacted and then cut to `limit` characters, where `text` is
    /// the start of a longer one when `cut` says so.
    ///
    /// Every occurrence of every form is found first (overlapping ones
    /// too), and the cut is made afterwards, counting the text's own
    /// characters: a secret across the cut is replaced whole, so no part of
    /// it is left before the cut. When `text` was itself cut, an end of it
    /// that starts a secret (at least 4 characters of it) is replaced too:
    /// that is a secret cut off, not text.
    pub(crate) fn clip(&self, text: &str, cut: bool, limit: usize) -> String {
        // The byte ranges that hold a secret, overlapping ones too.
        let mut hidden: Vec<(usize, usize)> = Vec::new();
        for form in &self.forms {
            let mut from = 0;
            while let Some(at) = text.get(from..).and_then(|t| find(t, form)) {
                hidden.push((from + at, from + at + form.len()));
                // On to the next char, so overlapping occurrences count too.
                from += at + 1;
                while !text.is_char_boundary(from) {
                    from += 1;
                }
            }
            if cut {
                // (Counted in bytes, which are at least as many as chars.)
                let partial =
                    (MIN_SECRET..form.len()).rev().find(|&n| form.is_char_boundary(n) && text.ends_with(&form[..n]));
                if let Some(n) = partial {
                    hidden.push((text.len() - n, text.len()));
                }
            }
        }
        let mut out = String::new();
        let mut in_secret = false;
        for (i, c) in text.char_indices().take(limit) {
            if hidden.iter().any(|&(start, end)| start <= i && i < end) {
                if !in_secret {
                    out.push_str(REDACTED);
                }
                in_secret = true;
            } else {
                in_secret = false;
                out.push(c);
            }
        }
        out
    }

    /// The start of a response's body for an error: read a window twice as
    /// long as `limit`, redacted, then cut to `limit` characters.
    pub(crate) fn body<R: Response>(&self, resp: &R, limit: usize) -> String {
        let window = limit.saturating_mul(2);
        self.clip(&resp.prefix(window), resp.longer_than(window), limit)
    }
}

/// The most entries of an error body's `errors` array that are read.
pub(crate) const MAX_ERRORS: usize = 20;
/// The longest code, message or trace id kept from an error body, in chars.
pub(crate) const MAX_ERROR_TEXT: usize = 1024;

/// A string field of an error body, redacted of `secrets`, then cut to
/// [`MAX_ERROR_TEXT`] chars (read from a window twice that long, so a
/// string of any length is never copied whole).
fn text<V: Value>(value: &V, key: &str, secrets: &Secrets) -> Option<String> {
    let (s, cut) = value.get(key).string_start(2 * MAX_ERROR_TEXT)?;
    Some(secrets.clip(&s, cut, MAX_ERROR_TEXT))
}

/// Reads the provider's error codes and messages out of a parsed error body.
///
/// Handles every shape the two APIs use: Kinde's `{errors: [{code, message}]}`
/// and `{errors: {code, message}}` (404s), Clerk's
/// `{errors: [{code, message, long_message}], clerk_trace_id}`, and the OAuth 2
/// token endpoint's `{error, error_description}`; each provider's own fields
/// (Clerk's `long_message` and `clerk_trace_id`, the token endpoint's and a
/// bare `{message}`, which only Kinde's builds talk to) are read only in
/// builds with that provider. A server's body is outside
/// text, so at most [`MAX_ERRORS`] entries are read and every string is cut
/// to [`MAX_ERROR_TEXT`] chars, after `secrets` are redacted from it.
pub(crate) fn read_error_body<V: Value>(body: &V, into: &mut Error, secrets: &Secrets) {
    let errors = body.get("errors");
    let items = match errors.kind() {
        Kind::Array | Kind::LongArray => (0..errors.array_len().min(MAX_ERRORS)).map(|i| errors.item(i)).collect(),
        Kind::Object => vec![errors],
        _ => Vec::new(),
    };
    for item in &items {
        if let Some(code) = text(item, "code", secrets) {
            into.codes.push(code);
        }
        if let Some(message) = text(item, "message", secrets) {
            into.messages.push(message);
        }
        #[cfg(feature = "clerk")]
        if let Some(long) = text(item, "long_message", secrets) {
            into.long_messages.push(long);
        }
    }
    // Bodies without `errors`: the OAuth token endpoint's (Kinde's), and
    // `{message}`; Clerk's API and the proxy always answer with `errors`.
    #[cfg(feature = "kinde")]
    if items.is_empty() {
        if let Some(code) = text(body, "error", secrets) {
            into.codes.push(code);
        }
        if let Some(message) = text(body, "error_description", secrets).or_else(|| text(body, "message", secrets)) {
            into.messages.push(message);
        }
    }
    #[cfg(feature = "clerk")]
    if let Some(trace) = text(body, "clerk_trace_id", secrets) {
        into.trace_id = Some(trace);
    }
}

/// Whether a parsed error body is the answer of `idp-users/proxy` itself
/// (`{ error: { code, message, operation? } }`), not the provider's: neither
/// provider's API puts an object under `error` (the OAuth token endpoint's
/// `error` is a string).
pub(crate) fn is_proxy_answer<V: Value>(body: &V) -> bool {
    let error = body.get("error");
    error.kind() == Kind::Object && error.get("code").kind() == Kind::String
}

/// Maps a non-2xx response (its body parsed as `json`) onto an [`Error`].
/// `proxy`: the body is the proxy's own answer (the message says so);
/// `now_ms`: the wall clock, to measure a `Retry-After` date from.
pub(crate) fn api_error<R: Response>(
    resp: &R,
    json: Option<&R::Json>,
    secrets: &Secrets,
    proxy: bool,
    now_ms: f64,
) -> Error {
    let status = resp.status();
    let mut e = Error::new(ErrorKind::Api, String::new());
    e.status = Some(status);
    if !resp.is_empty() {
        e.body = Some(secrets.body(resp, BODY_LIMIT));
        if let Some(json) = json {
            read_error_body(json, &mut e, secrets);
        }
    }
    // Retry-After (Clerk), else RateLimit-Reset / X-RateLimit-Reset (Kinde);
    // a date is measured from now.
    e.retry_after_ms = retry_after_ms(|name| resp.header(name), now_ms);
    if e.trace_id.is_none() {
        // Header values come cut to 1024 UTF-16 units (`Response::header`):
        // one of 1024 bytes or more may have been cut.
        e.trace_id = resp.header("cf-ray").map(|t| secrets.clip(&t, t.len() >= 1024, MAX_ERROR_TEXT));
    }
    let mut detail = Vec::new();
    for i in 0..e.codes.len().max(e.messages.len()) {
        match (e.codes.get(i), e.messages.get(i)) {
            (Some(c), Some(m)) => detail.push(cat(&[c, ": ", m])),
            (Some(x), None) | (None, Some(x)) => detail.push(x.clone()),
            (None, None) => {}
        }
    }
    let mut message = String::from(if proxy { "the proxy answered HTTP " } else { "HTTP " });
    push_int(&mut message, status.into());
    if !detail.is_empty() {
        message.push_str(" (");
        push_joined(&mut message, &detail, "; ");
        message.push(')');
    }
    e.message = message;
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::encode::component;
    use crate::engine::value::json::j;

    #[test]
    fn errors_display_their_message_and_are_std_errors() {
        let e = Error::new(ErrorKind::Validation, "userId is required");
        assert_eq!(e.to_string(), "userId is required");
        let boxed: Box<dyn std::error::Error> = Box::new(e);
        assert_eq!(boxed.to_string(), "userId is required");
    }

    fn read(text: &str) -> Error {
        let mut e = Error::new(ErrorKind::Api, "x");
        read_error_body(&j(text), &mut e, &Secrets::default());
        e
    }

    #[test]
    fn kinde_array_errors() {
        let e = read(r#"{"errors":[{"code":"A","message":"first"},{"code":"B","message":"second"}]}"#);
        assert_eq!(e.codes, ["A", "B"]);
        assert_eq!(e.messages, ["first", "second"]);
    }

    #[test]
    fn kinde_object_errors_of_404() {
        let e = read(r#"{"errors":{"code":"USER_NOT_FOUND","message":"No user"}}"#);
        assert_eq!(e.codes, ["USER_NOT_FOUND"]);
        assert_eq!(e.messages, ["No user"]);
    }

    #[test]
    #[cfg(feature = "clerk")]
    fn clerk_errors_with_trace() {
        let e = read(
            r#"{"errors":[{"code":"resource_not_found","message":"not found","long_message":"No user was found"}],"clerk_trace_id":"t-1"}"#,
        );
        assert_eq!(e.codes, ["resource_not_found"]);
        assert_eq!(e.long_messages, ["No user was found"]);
        assert_eq!(e.trace_id.as_deref(), Some("t-1"));
    }

    #[test]
    #[cfg(feature = "kinde")]
    fn oauth_errors() {
        let e = read(r#"{"error":"invalid_client","error_description":"bad secret"}"#);
        assert_eq!(e.codes, ["invalid_client"]);
        assert_eq!(e.messages, ["bad secret"]);
    }

    /// A build without Kinde reads no OAuth or bare `{message}` body (only
    /// Kinde's token endpoint and API answer so), one without Clerk no
    /// `long_message` or `clerk_trace_id`; the shared `errors` shape is read
    /// by both.
    #[test]
    fn each_build_reads_its_providers_fields_only() {
        let e = read(r#"{"error":"invalid_client","error_description":"bad secret","message":"m"}"#);
        assert_eq!(e.codes.is_empty(), !cfg!(feature = "kinde"));
        assert_eq!(e.messages.is_empty(), !cfg!(feature = "kinde"));
        let e = read(r#"{"errors":[{"code":"c","message":"m","long_message":"l"}],"clerk_trace_id":"t"}"#);
        assert_eq!((e.codes.as_slice(), e.messages.as_slice()), (&["c".to_owned()][..], &["m".to_owned()][..]));
        assert_eq!(e.long_messages.is_empty(), !cfg!(feature = "clerk"));
        assert_eq!(e.trace_id.is_none(), !cfg!(feature = "clerk"));
    }

    #[test]
    fn odd_bodies_yield_nothing() {
        for text in ["null", "[]", "\"x\"", r#"{"errors":"nope"}"#, r#"{"errors":[1,null]}"#] {
            let e = read(text);
            assert!(e.codes.is_empty() && e.messages.is_empty(), "{text}");
        }
    }

    #[test]
    fn error_bodies_are_bounded() {
        let item = format!(r#"{{"code":"{}","message":"{}","long_message":"x"}}"#, "c".repeat(3000), "é".repeat(3000));
        let body = format!(r#"{{"errors":[{}],"clerk_trace_id":"{}"}}"#, vec![item; 50].join(","), "t".repeat(2000));
        let e = read(&body);
        assert_eq!((e.codes.len(), e.messages.len()), (MAX_ERRORS, MAX_ERRORS));
        assert!(e.codes.iter().all(|c| *c == "c".repeat(MAX_ERROR_TEXT)));
        assert!(e.messages.iter().all(|m| *m == "é".repeat(MAX_ERROR_TEXT)));
        #[cfg(feature = "clerk")]
        {
            assert_eq!(e.long_messages.len(), MAX_ERRORS);
            assert_eq!(e.trace_id.as_deref().map(str::len), Some(MAX_ERROR_TEXT));
        }
        // More than the caller-side item cap still yields the first entries.
        let many = format!(r#"{{"errors":[{}]}}"#, vec![r#"{"code":"A"}"#; 1500].join(","));
        assert_eq!(read(&many).codes.len(), MAX_ERRORS);
        #[cfg(feature = "kinde")]
        {
            let e = read(&format!(r#"{{"error":"{}","error_description":"{}"}}"#, "e".repeat(1025), "d".repeat(1024)));
            assert_eq!((e.codes[0].len(), e.messages[0].len()), (MAX_ERROR_TEXT, MAX_ERROR_TEXT));
        }
    }

    #[test]
    fn redaction_covers_every_text_field() {
        let mut e = Error::new(ErrorKind::Auth, "token s3cr3t-value rejected");
        e.body = Some("{\"echo\":\"s3cr3t-value\"}".into());
        e.messages.push("bad s3cr3t-value".into());
        e.trace_id = Some("trace-s3cr3t-value".into());
        let e = e.redact(&Secrets::new(["s3cr3t-value", ""]));
        assert!(!format!("{e:?}").contains("s3cr3t-value"));
        assert!(e.message.contains("[redacted]"));
    }

    /// A Clerk-like secret key (36 chars) and a Kinde-like client secret
    /// with characters that every encoding changes.
    const KEY: &str = "sk_test_0123456789abcdefABCDEF012345";
    const ODD: &str = "s3cr3t +/=&%~*\"\\é\u{1F600}x";

    #[test]
    fn every_form_of_a_secret_is_redacted() {
        let secrets = Secrets::new([ODD]);
        let mut json = String::new();
        push_json_string(&mut json, ODD);
        let forms = [
            ODD.to_owned(),
            json[1..json.len() - 1].to_owned(),
            json[1..json.len() - 1].replace('/', "\\/"),
            component(ODD),
            component(ODD).replace("%20", "+"),
            // URLSearchParams: `*` kept, `~` escaped, space as `+`.
            "s3cr3t+%2B%2F%3D%26%25%7E*%22%5C%C3%A9%F0%9F%98%80x".to_owned(),
        ];
        for form in forms {
            let text = format!("echo: [{form}] end");
            assert_eq!(secrets.clip(&text, false, usize::MAX), "echo: [[redacted]] end", "{form}");
        }
        // Short secrets are left alone (they would mask ordinary text).
        assert_eq!(Secrets::new(["abc", ""]).clip("abc", false, 10), "abc");
    }

    #[test]
    fn a_secret_across_the_cut_is_redacted_whole() {
        let secrets = Secrets::new([KEY]);
        // The old order (cut, then redact) kept 35 of the key's 36 chars here.
        let text = format!("{}{KEY} and more", "x".repeat(BODY_LIMIT - 35));
        let out = secrets.clip(&text, false, BODY_LIMIT);
        assert_eq!(out, format!("{}[redacted]", "x".repeat(BODY_LIMIT - 35)));
        // A text that was itself cut mid-secret: the cut-off start is redacted...
        let start = format!("{}{}", "x".repeat(100), &KEY[..20]);
        assert_eq!(secrets.clip(&start, true, BODY_LIMIT), format!("{}[redacted]", "x".repeat(100)));
        // ...but only when it was cut, and only from 4 chars on.
        assert_eq!(secrets.clip(&start, false, BODY_LIMIT), start);
        let three = format!("{}{}", "x".repeat(10), &KEY[..3]);
        assert_eq!(secrets.clip(&three, true, BODY_LIMIT), three);
        // Overlapping occurrences of two secrets are one redacted run.
        let two = Secrets::new(["abcdef", "defghi"]);
        assert_eq!(two.clip("xabcdefghiy", false, 100), "x[redacted]y");
        // Every occurrence after a multi-byte char is found too.
        assert_eq!(two.clip("éabcdefé abcdef", false, 100), "é[redacted]é [redacted]");
        assert_eq!(Secrets::new(["ééé€"]).clip("ééé€ ééé€ ééé€", false, 100), "[redacted] [redacted] [redacted]");
    }

    #[test]
    fn error_body_texts_are_redacted_before_they_are_cut() {
        use crate::engine::value::json::J;
        let secrets = Secrets::new([KEY]);
        let message = format!("{}{KEY}", "m".repeat(MAX_ERROR_TEXT - 10));
        let body = serde_json::json!({ "errors": [{ "code": KEY, "message": message }], "clerk_trace_id": message });
        let mut e = Error::new(ErrorKind::Api, "x");
        read_error_body(&J(Some(body)), &mut e, &secrets);
        assert_eq!(e.codes, ["[redacted]"]);
        assert_eq!(e.messages, [format!("{}[redacted]", "m".repeat(MAX_ERROR_TEXT - 10))]);
        assert!(!format!("{e:?}").contains(&KEY[..4]), "{e:?}");
    }

    #[test]
    fn during_prefixes_once() {
        let e = Error::invalid("userId", "is required").during("kinde", "getUserSessions");
        let e = e.during("kinde", "other");
        assert_eq!(e.message, "getUserSessions: userId is required");
        assert_eq!(e.param.as_deref(), Some("userId"));
    }

    /// Properties over generated input (native only: proptest does not build for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use crate::engine::value::json::J;
        use proptest::prelude::*;
        use serde_json::Value as Json;

        /// Any text (of chars from the whole Unicode range: proptest's
        /// regex-driven `any::<String>()` is slow in debug builds).
        fn chars(len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
            proptest::collection::vec(any::<char>(), len).prop_map(String::from_iter)
        }

        /// Arbitrary JSON, biased toward the field names error bodies use.
        fn json() -> impl Strategy<Value = Json> {
            let leaf = prop_oneof![
                1 => Just(Json::Null),
                1 => any::<bool>().prop_map(Json::Bool),
                1 => any::<i64>().prop_map(Json::from),
                4 => chars(0..12).prop_map(Json::String),
                1 => chars(1000..1100).prop_map(Json::String),
            ];
            let key = prop_oneof![
                Just("errors".to_string()),
                Just("code".to_string()),
                Just("message".to_string()),
                Just("long_message".to_string()),
                Just("error".to_string()),
                Just("error_description".to_string()),
                Just("clerk_trace_id".to_string()),
                "[a-z$]{0,6}",
            ];
            leaf.prop_recursive(3, 96, 30, move |inner| {
                prop_oneof![
                    proptest::collection::vec(inner.clone(), 0..30).prop_map(Json::Array),
                    proptest::collection::btree_map(key.clone(), inner, 0..8)
                        .prop_map(|m| Json::Object(m.into_iter().collect())),
                ]
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            /// A secret (in any of its forms) at any offset around the cut,
            /// in a text that was or was not itself cut: no 4 consecutive
            /// characters of it survive.
            #[test]
            fn no_part_of_a_secret_survives_a_cut(
                secret in "[A-Za-z0-9_ +/=&%~*\"\\-]{8,48}",
                offset in (BODY_LIMIT - 60)..(BODY_LIMIT + 10),
                form in 0..4usize,
                tail in 0..80usize,
                cut in any::<bool>(),
            ) {
                let secrets = Secrets::new([secret.as_str()]);
                let mut json = String::new();
                push_json_string(&mut json, &secret);
                let shown = [secret.clone(), json[1..json.len() - 1].to_owned(), component(&secret), component(&secret).replace("%20", "+")];
                let sent = &shown[form];
                let text: String = format!("{}{sent}{}", ".".repeat(offset), ".".repeat(tail));
                // A window as the wasm side reads it, cut anywhere after the offset.
                let window: String = text.chars().take(offset + tail.min(sent.len())).collect();
                let was_cut = cut && window.len() < text.len();
                let window = if was_cut { window } else { text.clone() };
                let out = secrets.clip(&window, was_cut, BODY_LIMIT);
                prop_assert!(out.chars().count() <= BODY_LIMIT + REDACTED.len());
                for s in &shown {
                    let chars: Vec<char> = s.chars().collect();
                    for w in chars.windows(4) {
                        let piece: String = w.iter().collect();
                        // The marker itself is not the secret.
                        if REDACTED.contains(&piece) { continue; }
                        prop_assert!(!out.contains(&piece), "{:?} survived in {:?}", piece, &out[out.len().saturating_sub(80)..]);
                    }
                }
            }
        }

        proptest! {
            // Generated trees are costlier; fewer cases keep the run short.
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn error_bodies_never_panic_and_stay_bounded(body in json()) {
                let mut e = Error::new(ErrorKind::Api, "x");
                read_error_body(&J(Some(body)), &mut e, &Secrets::default());
                prop_assert!(e.codes.len() <= MAX_ERRORS && e.messages.len() <= MAX_ERRORS);
                prop_assert!(e.long_messages.len() <= MAX_ERRORS);
                let texts = e.codes.iter().chain(&e.messages).chain(&e.long_messages).chain(&e.trace_id);
                for t in texts {
                    prop_assert!(t.chars().count() <= MAX_ERROR_TEXT);
                }
            }

            #[test]
            fn error_entries_are_kept_in_order_up_to_the_cap(codes in proptest::collection::vec(chars(0..8), 0..60)) {
                let errors: Vec<Json> = codes.iter().map(|c| serde_json::json!({ "code": c, "message": c })).collect();
                let mut e = Error::new(ErrorKind::Api, "x");
                read_error_body(&J(Some(serde_json::json!({ "errors": errors }))), &mut e, &Secrets::default());
                let expected: Vec<String> = codes.iter().take(MAX_ERRORS).cloned().collect();
                prop_assert_eq!(&e.codes, &expected);
                prop_assert_eq!(&e.messages, &expected);
            }
        }
    }
}
