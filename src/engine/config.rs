//! Reading the options object callers pass to a client and to each call.

use super::error::{Error, Secrets};
use super::retry::{MAX_RETRIES, RetryPolicy};
use super::text::{cat, int, is_one_of, is_space, pieces, push_joined, trim};
use super::value::{Kind, Value};

/// Default time a request (token request included) may take.
pub(crate) const DEFAULT_TIMEOUT_MS: u32 = 30_000;
/// Longest timeout accepted (10 minutes).
pub(crate) const MAX_TIMEOUT_MS: u32 = 600_000;

/// A client's settings: how its requests go out, whatever the provider (the
/// part of every config the JS driver uses).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Settings {
    /// Headers for every request (taken by the [`super::client::Client`]
    /// made with these settings, which keeps them).
    pub headers: Vec<(String, String)>,
    /// The time a call may take (token request, attempts and waits).
    pub timeout_ms: u32,
    /// Whether the config gave its own `fetch`.
    pub custom_fetch: bool,
    /// `retries` and `maxRetryDelayMs` (POST and PATCH are replayed only
    /// when a call asks).
    pub retry: RetryPolicy,
}

impl Settings {
    /// Reads the keys every provider's config shares: `headers`,
    /// `timeoutMs`, `fetch`, `retries` and `maxRetryDelayMs`.
    pub(crate) fn parse<V: Value>(config: &V) -> Result<Settings, Error> {
        const CONFIG: &str = "config";
        Ok(Settings {
            headers: headers(&config.get("headers"), "config.headers")?,
            timeout_ms: timeout_ms(config, CONFIG)?.unwrap_or(DEFAULT_TIMEOUT_MS),
            custom_fetch: has_function(config, CONFIG, "fetch")?,
            retry: retry_policy(config, CONFIG)?,
        })
    }
}

/// Rejects keys the options object does not know, naming the nearest known
/// spelling when the caller used snake_case for a camelCase option.
pub(crate) fn check_keys<V: Value>(options: &V, label: &str, known: &[&str]) -> Result<(), Error> {
    if options.kind() != Kind::Object {
        return Err(Error::got(label, "must be an object", options.kind()));
    }
    for key in options.keys().map_err(|e| Error::keys(label, e))? {
        if !known.contains(&key.as_str()) {
            let camel = camel_case(&key);
            let mut message = String::from("is not a known option");
            if known.contains(&camel.as_str()) && camel != key {
                message.push_str(" (did you mean \"");
                message.push_str(&camel);
                message.push_str("\"?)");
            } else {
                message.push_str(" (known options: ");
                push_joined(&mut message, known, ", ");
                message.push(')');
            }
            return Err(Error::invalid(&cat(&[label, ".", &key]), &message));
        }
    }
    Ok(())
}

fn camel_case(key: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// An optional non-empty string option.
pub(crate) fn opt_string<V: Value>(options: &V, label: &str, key: &str) -> Result<Option<String>, Error> {
    let v = options.get(key);
    match v.kind() {
        Kind::Undefined => Ok(None),
        Kind::String => match v.as_string() {
            Some(s) if !trim(&s).is_empty() => Ok(Some(s)),
            _ => Err(Error::invalid(&cat(&[label, ".", key]), "must not be empty")),
        },
        k => Err(Error::got(&cat(&[label, ".", key]), "must be a string", k)),
    }
}

/// Whether an optional function option is set (its value stays on the JS side).
pub(crate) fn has_function<V: Value>(options: &V, label: &str, key: &str) -> Result<bool, Error> {
    match options.get(key).kind() {
        Kind::Undefined => Ok(false),
        Kind::Function => Ok(true),
        k => Err(Error::got(&cat(&[label, ".", key]), "must be a function", k)),
    }
}

/// Refuses a secret credential (`config.<secret>`) in a browser page, where
/// every visitor could read it, unless `dangerouslyAllowBrowser: true`.
pub(crate) fn browser_guard<V: Value>(config: &V, in_browser: bool, secret: &str) -> Result<(), Error> {
    let allow = config.get("dangerouslyAllowBrowser");
    let allowed = match allow.kind() {
        Kind::Undefined => false,
        Kind::Bool => allow.as_bool() == Some(true),
        k => {
            return Err(Error::got("config.dangerouslyAllowBrowser", "must be a boolean", k));
        }
    };
    if in_browser && !allowed {
        return Err(Error::invalid(
            &cat(&["config.", secret]),
            "is a secret, and this is a browser page (window and document exist), where anyone who opens the page can read it. Call the API from a server, or set dangerouslyAllowBrowser: true if only trusted people can load this page",
        ));
    }
    Ok(())
}

/// The longest base URL (a domain and perhaps a proxy's path prefix), so
/// that with a request's path and query it stays within `request::MAX_URL`.
pub(crate) const MAX_BASE_URL: usize = 2048;

/// Normalises an API origin: `acme.kinde.com` and `https://acme.kinde.com/`
/// both become `https://acme.kinde.com`. `http://` is kept (local fakes and
/// proxies); a path prefix is kept; query and fragment are refused.
pub(crate) fn base_url(raw: &str, label: &str) -> Result<String, Error> {
    let raw = trim(raw);
    if raw.len() > MAX_BASE_URL {
        return Err(Error::invalid(label, &cat(&["is longer than ", &int(MAX_BASE_URL as i64), " bytes"])));
    }
    let lower = raw.to_ascii_lowercase();
    let (scheme, rest) = if lower.starts_with("https://") {
        ("https://", raw.get(8..).unwrap_or_default())
    } else if lower.starts_with("http://") {
        ("http://", raw.get(7..).unwrap_or_default())
    } else if super::encode::find(raw, "://").is_some() {
        return Err(Error::invalid(label, "must use http or https"));
    } else {
        ("https://", raw)
    };
    let mut rest = rest;
    while let Some(shorter) = rest.strip_suffix('/') {
        rest = shorter;
    }
    let host = pieces(rest, b'/').next().unwrap_or_default();
    let bad_char = |c: char| is_space(c) || c.is_control() || matches!(c, '?' | '#' | '\\' | '@');
    if host.is_empty() || rest.chars().any(bad_char) {
        return Err(Error::invalid(
            label,
            "must be a host name such as acme.kinde.com, or an http(s) URL without query or fragment",
        ));
    }
    Ok(cat(&[scheme, rest]))
}

/// Whether a header of this (lowercase) name carries a credential, so its
/// value is redacted like the client's own: `cookie`, `proxy-authorization`,
/// or a name containing `token`, `secret`, `key`, `auth`, `session`,
/// `password`, `credential` or `signature` (`x-api-key`,
/// `cf-access-client-secret`, `x-session-token`, ...).
pub(crate) fn is_secret_header(name: &str) -> bool {
    const PARTS: [&str; 8] = ["token", "secret", "key", "auth", "session", "password", "credential", "signature"];
    // Compared as bytes: `str::contains(&str)` brings in the two-way searcher.
    let name = name.as_bytes();
    name == b"cookie" || PARTS.iter().any(|p| name.windows(p.len()).any(|w| w == p.as_bytes()))
}

/// Adds to `out` the values of the headers in `list` that carry
/// credentials (see [`is_secret_header`]): secrets, redacted from errors
/// like the client's own.
pub(crate) fn add_header_secrets(list: &[(String, String)], out: &mut Secrets) {
    for (name, value) in list {
        if is_secret_header(name) {
            out.add(value);
        }
    }
}

/// Header names and values from an object of strings, names lowercased.
pub(crate) fn headers<V: Value>(value: &V, label: &str) -> Result<Vec<(String, String)>, Error> {
    match value.kind() {
        Kind::Undefined => return Ok(Vec::new()),
        Kind::Object => {}
        k => {
            return Err(Error::got(label, "must be an object of strings", k));
        }
    }
    let mut out: Vec<(String, String)> = Vec::new();
    for key in value.keys().map_err(|e| Error::keys(label, e))? {
        let at = cat(&[label, ".", &key]);
        // Compared as bytes (a byte of a char beyond ASCII is none of
        // these): `str::contains(char)` brings in the two-way searcher.
        let token = |b: u8| b.is_ascii_alphanumeric() || is_one_of(b"!#$%&'*+-.^_`|~", b);
        if key.is_empty() || !key.bytes().all(token) {
            return Err(Error::invalid(&at, "is not a valid header name"));
        }
        let name = key.to_ascii_lowercase();
        if name == "__proto__" {
            return Err(Error::invalid(&at, "is not a header name this client can send"));
        }
        if name == "authorization" {
            return Err(Error::invalid(&at, "cannot be set here; authentication comes from the client's credentials"));
        }
        let v = value.get(&key);
        let Some(text) = v.as_string() else {
            return Err(Error::got(&at, "must be a string", v.kind()));
        };
        if text.contains(['\r', '\n', '\0']) {
            return Err(Error::invalid(&at, "must not contain line breaks"));
        }
        out.retain(|(n, _)| *n != name);
        out.push((name, text));
    }
    Ok(out)
}

/// An optional timeout in milliseconds (a positive integer up to 10 minutes).
pub(crate) fn timeout_ms<V: Value>(options: &V, label: &str) -> Result<Option<u32>, Error> {
    opt_int(options, label, "timeoutMs", 1, MAX_TIMEOUT_MS, " of milliseconds")
}

/// An optional whole number option within `min..=max`; `unit` follows
/// "whole number" in the message (" of milliseconds").
pub(crate) fn opt_int<V: Value>(
    options: &V,
    label: &str,
    key: &str,
    min: u32,
    max: u32,
    unit: &str,
) -> Result<Option<u32>, Error> {
    let v = options.get(key);
    if v.kind() == Kind::Undefined {
        return Ok(None);
    }
    let at = cat(&[label, ".", key]);
    match v.as_f64() {
        Some(n) if n.fract() == 0.0 && n >= f64::from(min) && n <= f64::from(max) => Ok(Some(n as u32)),
        Some(_) => Err(Error::invalid(
            &at,
            &cat(&["must be a whole number", unit, " from ", &int(min.into()), " to ", &int(max.into())]),
        )),
        None => Err(Error::got(&at, "must be a number", v.kind())),
    }
}

/// An optional boolean option.
pub(crate) fn opt_bool<V: Value>(options: &V, label: &str, key: &str) -> Result<Option<bool>, Error> {
    let v = options.get(key);
    match v.kind() {
        Kind::Undefined => Ok(None),
        Kind::Bool => Ok(v.as_bool()),
        k => Err(Error::got(&cat(&[label, ".", key]), "must be a boolean", k)),
    }
}

/// A client's retry policy from its config (`retries`, `maxRetryDelayMs`).
pub(crate) fn retry_policy<V: Value>(config: &V, label: &str) -> Result<RetryPolicy, Error> {
    let (retries, max_delay) = retry_options(config, label)?;
    let d = RetryPolicy::default();
    Ok(RetryPolicy {
        retries: retries.unwrap_or(d.retries),
        max_delay_ms: max_delay.unwrap_or(d.max_delay_ms),
        non_idempotent: false,
    })
}

/// The retry options a client config and a call's options share:
/// `retries` and `maxRetryDelayMs`, each None when not given.
pub(crate) fn retry_options<V: Value>(options: &V, label: &str) -> Result<(Option<u32>, Option<u32>), Error> {
    let retries = opt_int(options, label, "retries", 0, MAX_RETRIES, "")?;
    let max_delay = opt_int(options, label, "maxRetryDelayMs", 0, MAX_TIMEOUT_MS, " of milliseconds")?;
    Ok((retries, max_delay))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::value::json::j;

    #[test]
    fn base_urls_are_normalised() {
        assert_eq!(base_url("acme.kinde.com", "d").as_deref(), Ok("https://acme.kinde.com"));
        assert_eq!(base_url(" https://acme.kinde.com/ ", "d").as_deref(), Ok("https://acme.kinde.com"));
        assert_eq!(base_url("HTTP://127.0.0.1:8790", "d").as_deref(), Ok("http://127.0.0.1:8790"));
        assert_eq!(base_url("https://proxy.test/kinde/", "d").as_deref(), Ok("https://proxy.test/kinde"));
        for bad in ["", "https://", "ftp://x", "acme.kinde.com?x=1", "a b.com", "https://u:p@x.com", "x.com#f"] {
            assert!(base_url(bad, "d").is_err(), "{bad}");
        }
    }

    #[test]
    fn credential_headers_are_named_by_the_rule() {
        for name in [
            "cookie",
            "proxy-authorization",
            "x-api-key",
            "cf-access-client-secret",
            "x-csrf-token",
            "x-session-id",
            "x-auth",
            "x-password",
            "x-credentials",
            "x-amz-signature",
            "apikey",
        ] {
            assert!(is_secret_header(name), "{name}");
        }
        for name in ["x-trace", "accept-language", "x-request-id", "cookies-x", "user-agent", "x-tenant", ""] {
            assert!(!is_secret_header(name), "{name}");
        }
        let settings = Settings::parse(&j(
            r#"{"headers":{"X-Api-Key":"k-123456","Cookie":"sid=abc","X-Trace":"trace-1234","x-token":"ab"}}"#,
        ))
        .expect("valid"); // ok: test
        let mut secrets = Secrets::default();
        add_header_secrets(&settings.headers, &mut secrets);
        // Values under 4 characters are not redacted, as for every secret.
        let text = "sid=abc k-123456 ab trace-1234";
        assert_eq!(secrets.clip(text, false, 100), "[redacted] [redacted] ab trace-1234");
    }

    #[test]
    fn headers_are_checked_and_lowercased() {
        let h = headers(&j(r#"{"X-Trace":"1","x-trace":"2","Accept-Language":"en"}"#), "headers");
        // The later spelling wins (test JSON objects iterate in sorted key order).
        assert_eq!(h, Ok(vec![("accept-language".into(), "en".into()), ("x-trace".into(), "2".into())]));
        for bad in [r#"{"Authorization":"Bearer x"}"#, r#"{"a b":"1"}"#, r#"{"x":1}"#, r#"{"x":"a\nb"}"#, "[]", "\"x\""]
        {
            assert!(headers(&j(bad), "headers").is_err(), "{bad}");
        }
        assert_eq!(headers(&j(""), "headers"), Ok(vec![]));
    }

    #[test]
    fn unknown_options_get_a_hint() {
        let e = check_keys(&j(r#"{"client_id":"x"}"#), "config", &["clientId", "domain"]).expect_err("unknown"); // ok: test
        assert_eq!(e.param.as_deref(), Some("config.client_id"));
        assert!(e.message.contains("did you mean \"clientId\""), "{}", e.message);
        let e = check_keys(&j(r#"{"zzz":1}"#), "config", &["domain"]).expect_err("unknown"); // ok: test
        assert!(e.message.contains("known options: domain"), "{}", e.message);
        assert!(check_keys(&j("5"), "config", &[]).is_err());
    }

    #[test]
    fn timeouts() {
        assert_eq!(timeout_ms(&j(r#"{"timeoutMs":2500}"#), "o"), Ok(Some(2500)));
        assert_eq!(timeout_ms(&j("{}"), "o"), Ok(None));
        for bad in [r#"{"timeoutMs":0}"#, r#"{"timeoutMs":1.5}"#, r#"{"timeoutMs":"5"}"#, r#"{"timeoutMs":600001}"#] {
            assert!(timeout_ms(&j(bad), "o").is_err(), "{bad}");
        }
    }

    #[test]
    fn strings_and_functions() {
        let o = j(r#"{"a":"x","b":"","c":3}"#);
        assert_eq!(opt_string(&o, "config", "a"), Ok(Some("x".into())));
        assert_eq!(opt_string(&o, "config", "z"), Ok(None));
        assert!(opt_string(&o, "config", "b").is_err());
        assert!(opt_string(&o, "config", "c").is_err());
        assert_eq!(has_function(&o, "config", "z"), Ok(false));
        assert!(has_function(&o, "config", "a").is_err());
    }

    /// Properties over generated input (native only: proptest does not build for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        /// Text shaped like what callers put in `domain` or `baseUrl`: odd
        /// schemes and cases, ports, paths, and the chars that must be refused.
        fn url_like() -> impl Strategy<Value = String> {
            let scheme = prop_oneof![
                Just(""),
                Just("https://"),
                Just("HTTP://"),
                Just("hTtPs://"),
                Just("ftp://"),
                Just("https:/"),
                Just("//"),
                Just("http://https://"),
            ];
            let piece = "[a-z0-9.:/%?#@\\\\ \t\n\u{a0}\u{3000}é-]{0,12}";
            let pad = "[ \t\n\u{a0}]{0,2}";
            (pad, scheme, "[a-zA-Z0-9.-]{0,10}", piece, "/{0,3}", pad)
                .prop_map(|(a, s, h, p, t, b)| format!("{a}{s}{h}{p}{t}{b}"))
        }

        fn chars(len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
            proptest::collection::vec(any::<char>(), len).prop_map(String::from_iter)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn base_urls_are_clean_and_idempotent(raw in prop_oneof![chars(0..30), url_like()]) {
                if let Ok(url) = base_url(&raw, "d") {
                    prop_assert!(url.starts_with("https://") || url.starts_with("http://"), "{}", url);
                    prop_assert!(!url.ends_with('/'), "{}", url);
                    let bad = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '@' | '\\');
                    prop_assert!(!url.contains(bad), "{}", url);
                    prop_assert_eq!(base_url(&url, "d").ok(), Some(url.clone()));
                }
            }

            #[test]
            fn host_names_are_accepted(host in "[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?(\\.[a-z0-9]{1,8}){0,3}(:[0-9]{1,5})?", path in "(/[a-zA-Z0-9._~-]{1,6}){0,3}", slash in any::<bool>(), http in any::<bool>()) {
                let scheme = if http { "http://" } else { "https://" };
                let raw = format!("{}{host}{path}{}", if http { scheme } else { "" }, if slash { "/" } else { "" });
                prop_assert_eq!(base_url(&raw, "d").ok(), Some(format!("{scheme}{host}{path}")));
            }
        }
    }
}
