//! The one error type every failure maps onto.

use super::value::{KeysError, Kind, MAX_KEY_LEN, MAX_KEYS, Value};

/// What went wrong, broadly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
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
    pub fn as_str(self) -> &'static str {
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
pub const BODY_LIMIT: usize = 2048;

/// A failure, with the fields callers branch on (through `Deref` to
/// [`Details`]). Boxed, so that `Result<T, Error>` stays one pointer wide.
#[derive(Clone, Debug, PartialEq)]
pub struct Error(Box<Details>);

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

/// The fields of an [`Error`].
#[derive(Clone, Debug, PartialEq)]
pub struct Details {
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
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(Details {
            kind,
            message: message.into(),
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
    pub fn invalid(param: impl Into<String>, message: impl Into<String>) -> Error {
        let param = param.into();
        let mut e = Error::new(ErrorKind::Validation, format!("{param} {}", message.into()));
        e.param = Some(param);
        e
    }

    /// A validation error for an object whose properties cannot be listed.
    pub fn keys(param: &str, why: KeysError) -> Error {
        match why {
            KeysError::Unreadable => Error::invalid(param, "could not be read (listing its properties threw)"),
            KeysError::TooMany => Error::invalid(
                param,
                format!("has more than {MAX_KEYS} properties, or a property name longer than {MAX_KEY_LEN} characters"),
            ),
        }
    }

    /// Sets provider and operation, and prefixes the message with the operation.
    pub fn during(mut self, provider: &'static str, operation: &'static str) -> Error {
        if self.operation.is_empty() {
            self.provider = provider;
            self.operation = operation;
            self.message = format!("{operation}: {}", self.message);
        }
        self
    }

    /// Replaces every occurrence of each secret with `[redacted]`, everywhere
    /// text from outside could have carried it.
    pub fn redact(mut self, secrets: &[&str]) -> Error {
        for s in secrets.iter().filter(|s| s.len() >= 4) {
            let scrub = |t: &mut String| {
                if t.contains(*s) {
                    *t = t.replace(*s, "[redacted]");
                }
            };
            scrub(&mut self.message);
            if let Some(b) = self.body.as_mut() {
                scrub(b);
            }
            self.messages.iter_mut().for_each(scrub);
            self.long_messages.iter_mut().for_each(scrub);
            self.codes.iter_mut().for_each(scrub);
        }
        self
    }
}

/// Reads the provider's error codes and messages out of a parsed error body.
///
/// Handles every shape the two APIs use: Kinde's `{errors: [{code, message}]}`
/// and `{errors: {code, message}}` (404s), Clerk's
/// `{errors: [{code, message, long_message}], clerk_trace_id}`, and the OAuth 2
/// token endpoint's `{error, error_description}`.
pub fn read_error_body<V: Value>(body: &V, into: &mut Error) {
    let errors = body.get("errors");
    let items = match errors.kind() {
        Kind::Array => errors.items(),
        Kind::Object => vec![errors],
        _ => Vec::new(),
    };
    for item in &items {
        if let Some(code) = item.get("code").as_string() {
            into.codes.push(code);
        }
        if let Some(message) = item.get("message").as_string() {
            into.messages.push(message);
        }
        if let Some(long) = item.get("long_message").as_string() {
            into.long_messages.push(long);
        }
    }
    if items.is_empty() {
        if let Some(code) = body.get("error").as_string() {
            into.codes.push(code);
        }
        if let Some(message) = body.get("error_description").as_string() {
            into.messages.push(message);
        } else if let Some(message) = body.get("message").as_string() {
            into.messages.push(message);
        }
    }
    if let Some(trace) = body.get("clerk_trace_id").as_string() {
        into.trace_id = Some(trace);
    }
}

/// Parses a `Retry-After` header value (delay-seconds or an HTTP date) into
/// milliseconds from `now_ms`.
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<u64> {
    let v = value.trim();
    // delay-seconds is a whole number (RFC 9110 §10.2.3).
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        return v.parse::<u64>().ok().map(|s| s.saturating_mul(1000));
    }
    let at = parse_http_date(v)?;
    Some((at - now_ms).max(0.0) as u64)
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) into Unix milliseconds.
fn parse_http_date(v: &str) -> Option<f64> {
    let mut parts = v.split_whitespace();
    let _weekday = parts.next()?;
    let day: i64 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i64 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if parts.next()? != "GMT" || !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(((days * 86_400 + h * 3600 + m * 60 + s) * 1000) as f64)
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::value::json::j;

    fn read(text: &str) -> Error {
        let mut e = Error::new(ErrorKind::Api, "x");
        read_error_body(&j(text), &mut e);
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
    fn clerk_errors_with_trace() {
        let e = read(
            r#"{"errors":[{"code":"resource_not_found","message":"not found","long_message":"No user was found"}],"clerk_trace_id":"t-1"}"#,
        );
        assert_eq!(e.codes, ["resource_not_found"]);
        assert_eq!(e.long_messages, ["No user was found"]);
        assert_eq!(e.trace_id.as_deref(), Some("t-1"));
    }

    #[test]
    fn oauth_errors() {
        let e = read(r#"{"error":"invalid_client","error_description":"bad secret"}"#);
        assert_eq!(e.codes, ["invalid_client"]);
        assert_eq!(e.messages, ["bad secret"]);
    }

    #[test]
    fn odd_bodies_yield_nothing() {
        for text in ["null", "[]", "\"x\"", r#"{"errors":"nope"}"#, r#"{"errors":[1,null]}"#] {
            let e = read(text);
            assert!(e.codes.is_empty() && e.messages.is_empty(), "{text}");
        }
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(parse_retry_after("2", 0.0), Some(2000));
        assert_eq!(parse_retry_after(" 120 ", 0.0), Some(120_000));
        assert_eq!(parse_retry_after("1.5", 0.0), None);
        assert_eq!(parse_retry_after("-1", 0.0), None);
        assert_eq!(parse_retry_after("soon", 0.0), None);
        // 1994-11-06T08:49:37Z is 784111777 s after the epoch.
        let now = 784_111_770_000.0;
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), Some(7000));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now + 60_000.0), Some(0));
        assert_eq!(parse_retry_after("Sun, 06 Foo 1994 08:49:37 GMT", now), None);
    }

    #[test]
    fn redaction_covers_every_text_field() {
        let mut e = Error::new(ErrorKind::Auth, "token s3cr3t-value rejected");
        e.body = Some("{\"echo\":\"s3cr3t-value\"}".into());
        e.messages.push("bad s3cr3t-value".into());
        let e = e.redact(&["s3cr3t-value", ""]);
        assert!(!format!("{e:?}").contains("s3cr3t-value"));
        assert!(e.message.contains("[redacted]"));
    }

    #[test]
    fn during_prefixes_once() {
        let e = Error::invalid("userId", "is required").during("kinde", "getUserSessions");
        let e = e.during("kinde", "other");
        assert_eq!(e.message, "getUserSessions: userId is required");
        assert_eq!(e.param.as_deref(), Some("userId"));
    }
}
