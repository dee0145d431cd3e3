//! The one error type every failure maps onto.

use super::encode::push_json_string;
use super::exchange::Response;
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
    pub(crate) fn invalid(param: impl Into<String>, message: impl Into<String>) -> Error {
        let param = param.into();
        let mut e = Error::new(ErrorKind::Validation, format!("{param} {}", message.into()));
        e.param = Some(param);
        e
    }

    /// A validation error for an object whose properties cannot be listed.
    pub(crate) fn keys(param: &str, why: KeysError) -> Error {
        match why {
            KeysError::Unreadable => Error::invalid(param, "could not be read (listing its properties threw)"),
            KeysError::TooMany => Error::invalid(
                param,
                format!("has more than {MAX_KEYS} properties, or a property name longer than {MAX_KEY_LEN} characters"),
            ),
        }
    }

    /// Sets provider and operation, and prefixes the message with the operation.
    pub(crate) fn during(mut self, provider: &'static str, operation: &'static str) -> Error {
        if self.operation.is_empty() {
            self.provider = provider;
            self.operation = operation;
            self.message = format!("{operation}: {}", self.message);
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
            if secrets.forms.iter().any(|f| t.contains(f.as_str())) {
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

/// What a redacted secret becomes.
pub(crate) const REDACTED: &str = "[redacted]";
/// Shorter secrets (and shorter cut-off starts of one) are not redacted:
/// they would mask ordinary text and say next to nothing.
const MIN_SECRET: usize = 4;

/// `text` percent-encoded: ASCII letters, digits and `keep` as they are,
/// a space as `+` when `plus`, every other byte as `%XX`.
fn percent(text: &str, keep: &[u8], plus: bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(char::from(b));
        } else if b == b' ' && plus {
            out.push('+');
        } else {
            out.extend(['%', char::from(HEX[usize::from(b >> 4)]), char::from(HEX[usize::from(b & 15)])]);
        }
    }
    out
}

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
            json.split('/').collect::<Vec<_>>().join("\\/"),
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
            while let Some(at) = text.get(from..).and_then(|t| t.find(form.as_str())) {
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
/// token endpoint's `{error, error_description}`. A server's body is outside
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
        if let Some(long) = text(item, "long_message", secrets) {
            into.long_messages.push(long);
        }
    }
    if items.is_empty() {
        if let Some(code) = text(body, "error", secrets) {
            into.codes.push(code);
        }
        if let Some(message) = text(body, "error_description", secrets).or_else(|| text(body, "message", secrets)) {
            into.messages.push(message);
        }
    }
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

/// The longest delay any header parser here yields: 2^53 − 1 ms
/// (`Number.MAX_SAFE_INTEGER`, about 285,000 years), so JS reads it exactly
/// and adding a clock reading to it cannot overflow. Larger asks saturate here.
pub(crate) const MAX_DELAY_MS: u64 = (1 << 53) - 1;

/// Milliseconds from a float: NaN and negatives are 0, fractions round up
/// (never wait less than asked), anything larger saturates at [`MAX_DELAY_MS`].
fn delay_from_f64(ms: f64) -> u64 {
    if ms.is_nan() || ms <= 0.0 {
        0
    } else if ms >= MAX_DELAY_MS as f64 {
        MAX_DELAY_MS
    } else {
        ms.ceil() as u64
    }
}

/// Parses a `Retry-After` header value (delay-seconds or an IMF-fixdate
/// HTTP date) into milliseconds from `now_ms`.
///
/// Total: any text gives None or a delay, never a panic. Delay-seconds too
/// large to represent saturate at [`MAX_DELAY_MS`] rather than being
/// dropped, so a server asking for a very long wait still reads as one.
/// A date in the past is 0; dates outside years 1..=9999 are None.
pub(crate) fn parse_retry_after(value: &str, now_ms: f64) -> Option<u64> {
    let v = value.trim();
    // delay-seconds is a whole number (RFC 9110 §10.2.3).
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        // All digits, so parsing only fails on overflow.
        let secs = v.parse::<u64>().unwrap_or(u64::MAX);
        return Some(secs.saturating_mul(1000).min(MAX_DELAY_MS));
    }
    let at = parse_http_date(v)?;
    Some(delay_from_f64(at as f64 - now_ms))
}

/// Parses a `RateLimit-Reset` or `X-RateLimit-Reset` header value into
/// milliseconds from `now_ms`.
///
/// The value is seconds, whole or with a decimal fraction (`30`, `1.5`):
/// a delta, or, when greater than 1,000,000,000, a Unix time in seconds
/// (then the time until it, 0 when it has passed). Signs, exponents and
/// anything else give None; huge values saturate at [`MAX_DELAY_MS`].
pub(crate) fn parse_rate_limit_reset(value: &str, now_ms: f64) -> Option<u64> {
    let v = value.trim();
    let (whole, fraction) = v.split_once('.').unwrap_or((v, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    // Integer arithmetic only: `str::parse::<f64>` would pull ~17 KB of
    // float-parsing tables into the wasm. All digits, so parsing only fails
    // on overflow.
    let secs = whole.parse::<u64>().unwrap_or(u64::MAX);
    let mut frac_ms = fraction.bytes().chain(*b"000").take(3).fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'));
    // Round a fraction of a millisecond up.
    if fraction.bytes().skip(3).any(|b| b != b'0') {
        frac_ms += 1;
    }
    let ms = secs.saturating_mul(1000).saturating_add(frac_ms);
    if ms > 1_000_000_000_000 { Some(delay_from_f64(ms as f64 - now_ms)) } else { Some(ms.min(MAX_DELAY_MS)) }
}

/// The delay a response asks for, in milliseconds from `now_ms`, read from
/// its headers (`header` gets a header by lowercase name).
///
/// Tries, in order, `Retry-After` ([`parse_retry_after`]), `RateLimit-Reset`
/// and `X-RateLimit-Reset` ([`parse_rate_limit_reset`]); the first that
/// parses wins, and one that does not parse is skipped.
pub(crate) fn server_delay_ms(header: impl Fn(&str) -> Option<String>, now_ms: f64) -> Option<u64> {
    let read = |name: &str, parse: fn(&str, f64) -> Option<u64>| parse(&header(name)?, now_ms);
    read("retry-after", parse_retry_after)
        .or_else(|| read("ratelimit-reset", parse_rate_limit_reset))
        .or_else(|| read("x-ratelimit-reset", parse_rate_limit_reset))
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) of a year in
/// 1..=9999 into Unix milliseconds. The weekday name is required but not
/// checked against the date; the day must exist in its month.
fn parse_http_date(v: &str) -> Option<i64> {
    const DAYS: [&str; 7] = ["Mon,", "Tue,", "Wed,", "Thu,", "Fri,", "Sat,", "Sun,"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    // Exactly `n` ASCII digits (at most 4, so the value fits).
    let num = |s: &str, n: usize| -> Option<u16> {
        if s.len() != n || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(s.bytes().fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0')))
    };
    let mut parts = v.split_whitespace();
    if !DAYS.contains(&parts.next()?) {
        return None;
    }
    let day = parts.next()?;
    let day = num(day, 2).or_else(|| num(day, 1))?;
    let month = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month)? as u16 + 1;
    let year = num(parts.next()?, 4)?;
    let mut hms = parts.next()?.split(':').map(|p| num(p, 2));
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if year == 0 || !(1..=month_days).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let secs = days * 86_400 + i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(s);
    Some(secs * 1000)
}

/// Days since 1970-01-01 of a proleptic Gregorian date. The narrow argument
/// types bound the arithmetic far inside `i64`, so it cannot overflow.
pub(crate) fn days_from_civil(y: u16, m: u16, d: u16) -> i64 {
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
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
    fn retry_after_never_overflows() {
        // Once overflowed `days_from_civil` (a panic in debug builds).
        assert_eq!(parse_retry_after("Sun, 06 Nov 99999999999999 08:49:37 GMT", 0.0), None);
        assert_eq!(parse_retry_after("Sun, 06 Nov -9999 08:49:37 GMT", 0.0), None);
        assert_eq!(parse_retry_after("Sun, 06 Nov 0000 08:49:37 GMT", 0.0), None);
        // Huge delay-seconds saturate rather than being dropped.
        assert_eq!(parse_retry_after("99999999999999999999999", 0.0), Some(MAX_DELAY_MS));
        assert_eq!(parse_retry_after("18446744073709551615", 0.0), Some(MAX_DELAY_MS));
        // The extreme years of the range.
        assert_eq!(parse_retry_after("Mon, 01 Jan 0001 00:00:00 GMT", 0.0), Some(0));
        assert_eq!(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", 0.0), Some(253_402_300_799_000));
        // A clock reading that is not a number waits nothing rather than panicking.
        assert_eq!(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", f64::NAN), Some(0));
        assert_eq!(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", f64::NEG_INFINITY), Some(MAX_DELAY_MS));
    }

    #[test]
    fn http_dates_are_strict_imf_fixdates() {
        let now = 784_111_770_000.0;
        for bad in [
            "Sun, 06 Nov 1994 08:49:37",
            "Sun, 06 Nov 1994 08:49:37 GMT extra",
            "Sun 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 94 08:49:37 GMT",
            "Sun, +6 Nov 1994 08:49:37 GMT",
            "Sun, 006 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 8:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37:00 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 31 Nov 1994 08:49:37 GMT",
            "Sun, 29 Feb 1900 08:49:37 GMT",
            "Sun, 00 Nov 1994 08:49:37 GMT",
            // The obsolete RFC 850 and asctime forms are not accepted.
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad}");
        }
        assert_eq!(parse_retry_after("Sun,  6 Nov 1994 08:49:37 GMT", now), Some(7000));
        assert_eq!(parse_retry_after("Tue, 29 Feb 2000 00:00:00 GMT", 951_782_400_000.0), Some(0));
        assert_eq!(parse_retry_after("Tue, 29 Feb 2000 00:00:00 GMT", 951_782_399_000.0), Some(1000));
    }

    #[test]
    fn rate_limit_resets() {
        assert_eq!(parse_rate_limit_reset("30", 5.0), Some(30_000));
        assert_eq!(parse_rate_limit_reset(" 1.5 ", 0.0), Some(1500));
        assert_eq!(parse_rate_limit_reset("0.0001", 0.0), Some(1), "a fraction of a ms rounds up");
        assert_eq!(parse_rate_limit_reset("0", 0.0), Some(0));
        assert_eq!(parse_rate_limit_reset("1000000000", 5000.0), Some(1_000_000_000_000), "not above 1e9: a delta");
        // Above 1e9: a Unix time in seconds.
        assert_eq!(parse_rate_limit_reset("1700000010", 1_700_000_000_000.0), Some(10_000));
        assert_eq!(parse_rate_limit_reset("1700000000.25", 1_700_000_000_000.0), Some(250));
        assert_eq!(parse_rate_limit_reset("1700000000", 1_800_000_000_000.0), Some(0), "past");
        assert_eq!(parse_rate_limit_reset("99999999999999999999999.5", 0.0), Some(MAX_DELAY_MS));
        for bad in ["", "-1", "+1", "1e3", "1.", ".5", "1.2.3", "inf", "NaN", "0x10", "1 2", "١"] {
            assert_eq!(parse_rate_limit_reset(bad, 0.0), None, "{bad}");
        }
    }

    #[test]
    fn server_delay_prefers_retry_after_then_ratelimit_then_x() {
        fn headers<'a>(pairs: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<String> + 'a {
            move |name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        }
        let now = 1_700_000_000_000.0;
        let all = [("retry-after", "1"), ("ratelimit-reset", "2"), ("x-ratelimit-reset", "3")];
        assert_eq!(server_delay_ms(headers(&all), now), Some(1000));
        assert_eq!(server_delay_ms(headers(&all[1..]), now), Some(2000));
        assert_eq!(server_delay_ms(headers(&all[2..]), now), Some(3000));
        assert_eq!(server_delay_ms(headers(&[("x-ratelimit-reset", "1700000004")]), now), Some(4000));
        // One that does not parse is skipped.
        let skip = [("retry-after", "later"), ("ratelimit-reset", "1.5"), ("x-ratelimit-reset", "3")];
        assert_eq!(server_delay_ms(headers(&skip), now), Some(1500));
        // Retry-After as a date; RateLimit-Reset never is one.
        assert_eq!(server_delay_ms(headers(&[("retry-after", "Tue, 14 Nov 2023 22:13:25 GMT")]), now), Some(5000));
        assert_eq!(server_delay_ms(headers(&[("ratelimit-reset", "Tue, 14 Nov 2023 22:13:25 GMT")]), now), None);
        assert_eq!(server_delay_ms(headers(&[]), now), None);
    }

    #[test]
    fn error_bodies_are_bounded() {
        let item = format!(r#"{{"code":"{}","message":"{}","long_message":"x"}}"#, "c".repeat(3000), "é".repeat(3000));
        let body = format!(r#"{{"errors":[{}],"clerk_trace_id":"{}"}}"#, vec![item; 50].join(","), "t".repeat(2000));
        let e = read(&body);
        assert_eq!((e.codes.len(), e.messages.len(), e.long_messages.len()), (MAX_ERRORS, MAX_ERRORS, MAX_ERRORS));
        assert!(e.codes.iter().all(|c| *c == "c".repeat(MAX_ERROR_TEXT)));
        assert!(e.messages.iter().all(|m| *m == "é".repeat(MAX_ERROR_TEXT)));
        assert_eq!(e.trace_id.as_deref().map(str::len), Some(MAX_ERROR_TEXT));
        // More than the caller-side item cap still yields the first entries.
        let many = format!(r#"{{"errors":[{}]}}"#, vec![r#"{"code":"A"}"#; 1500].join(","));
        assert_eq!(read(&many).codes.len(), MAX_ERRORS);
        let e = read(&format!(r#"{{"error":"{}","error_description":"{}"}}"#, "e".repeat(1025), "d".repeat(1024)));
        assert_eq!((e.codes[0].len(), e.messages[0].len()), (MAX_ERROR_TEXT, MAX_ERROR_TEXT));
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

        const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        /// 9999-12-31T23:59:59Z in Unix seconds.
        const LAST_SECOND: u64 = 253_402_300_799;

        /// An IMF-fixdate for Unix seconds, by counting whole years and
        /// months: an oracle independent of `days_from_civil`.
        fn imf_fixdate(secs: u64) -> String {
            let (mut days, rest) = (secs / 86_400, secs % 86_400);
            let weekday = WEEKDAYS[((days + 3) % 7) as usize]; // 1970-01-01 was a Thursday.
            let leap = |y: u64| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
            let mut year = 1970;
            while days >= if leap(year) { 366 } else { 365 } {
                days -= if leap(year) { 366 } else { 365 };
                year += 1;
            }
            let lengths = [31, if leap(year) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            let mut month = 0;
            while days >= lengths[month] {
                days -= lengths[month];
                month += 1;
            }
            let (h, m, s) = (rest / 3600, rest / 60 % 60, rest % 60);
            format!("{weekday}, {:02} {} {year:04} {h:02}:{m:02}:{s:02} GMT", days + 1, MONTHS[month])
        }

        /// Text shaped almost like the header values: each piece of a date
        /// mostly right, sometimes wrong (widths, signs, huge numbers), and
        /// numbers with odd signs, fractions and exponents.
        fn near_valid() -> impl Strategy<Value = String> {
            let weekday = prop_oneof![3 => "(Mon|Sun),", 1 => "(Sunday|Xyz|Sun)?,? ?"];
            let day = prop_oneof![3 => "[0-3]?[0-9]", 1 => "[+-]?[0-9]{0,5}"];
            let month = prop_oneof![3 => "(Jan|Feb|Nov|Dec)", 1 => "[A-Za-z]{0,4}"];
            let year = prop_oneof![2 => "[0-9]{4}", 2 => "[0-9]{5,22}", 1 => "[+-]?[0-9]{0,6}"];
            let time = prop_oneof![3 => "[0-9]{2}:[0-9]{2}:[0-9]{2}", 1 => "[0-9]{0,3}(:[+-]?[0-9]{0,3}){0,3}"];
            let zone = prop_oneof![3 => "GMT", 1 => "(UTC|GMT )?[ \\t]?"];
            let date = (weekday, day, month, year, time, zone)
                .prop_map(|(w, d, m, y, t, z)| format!("{w} {d} {m} {y} {t} {z}"));
            let number = "[ \\t]?[+-]?[0-9]{0,30}(\\.[0-9]{0,30})?(e[0-9]{1,3})?[ \\t]?";
            prop_oneof![date, number, "[0-9.:, A-Za-z-]{0,40}"]
        }

        /// Any text (of chars from the whole Unicode range: proptest's
        /// regex-driven `any::<String>()` is slow in debug builds).
        fn chars(len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
            proptest::collection::vec(any::<char>(), len).prop_map(String::from_iter)
        }

        fn any_text() -> impl Strategy<Value = String> {
            prop_oneof![chars(0..40), near_valid()]
        }

        /// Clock readings, including the absurd ones.
        fn any_now() -> impl Strategy<Value = f64> {
            prop_oneof![0.0..4e14f64, any::<f64>()]
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
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn header_parsers_are_total(v in any_text(), now in any_now()) {
                for ms in [parse_retry_after(&v, now), parse_rate_limit_reset(&v, now)].into_iter().flatten() {
                    prop_assert!(ms <= MAX_DELAY_MS);
                }
            }

            #[test]
            fn server_delay_takes_the_first_that_parses(
                a in proptest::option::of(any_text()),
                b in proptest::option::of(any_text()),
                c in proptest::option::of(any_text()),
                now in any_now(),
            ) {
                let header = |name: &str| match name {
                    "retry-after" => a.clone(),
                    "ratelimit-reset" => b.clone(),
                    "x-ratelimit-reset" => c.clone(),
                    _ => None,
                };
                let expected = a.as_deref().and_then(|v| parse_retry_after(v, now))
                    .or_else(|| b.as_deref().and_then(|v| parse_rate_limit_reset(v, now)))
                    .or_else(|| c.as_deref().and_then(|v| parse_rate_limit_reset(v, now)));
                prop_assert_eq!(server_delay_ms(header, now), expected);
            }

            #[test]
            fn http_dates_round_trip(at in 0..=LAST_SECOND, back in 0..=LAST_SECOND * 1000, after in 1..1_000_000u64) {
                let text = imf_fixdate(at);
                let at_ms = at * 1000;
                let now = at_ms.saturating_sub(back);
                prop_assert_eq!(parse_retry_after(&text, now as f64), Some(at_ms - now), "{}", text);
                prop_assert_eq!(parse_retry_after(&text, (at_ms + after) as f64), Some(0), "{}", text);
            }

            #[test]
            fn delay_seconds_are_exact_below_the_cap(secs in 0..MAX_DELAY_MS / 1000, pad in 0..3usize) {
                let text = format!("{}{secs}", "0".repeat(pad));
                prop_assert_eq!(parse_retry_after(&text, 0.0), Some(secs * 1000));
                // With the clock at 0, a delta and a Unix time mean the same wait.
                prop_assert_eq!(parse_rate_limit_reset(&text, 0.0), Some(secs * 1000));
            }

            #[test]
            fn rate_limit_deltas_and_epochs(secs in 0..=1_000_000_000u64, frac in 0..1000u64, ahead in 0..100_000_000u64, now in 1_000_000_000_000..4_000_000_000_000u64) {
                prop_assert_eq!(parse_rate_limit_reset(&format!("{secs}.{frac:03}"), now as f64), Some(secs * 1000 + frac));
                let at = now + ahead;
                let epoch = format!("{}.{:03}", at / 1000, at % 1000);
                prop_assert_eq!(parse_rate_limit_reset(&epoch, now as f64), Some(ahead));
                prop_assert_eq!(parse_rate_limit_reset(&epoch, (at + 1 + ahead) as f64), Some(0));
            }
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
