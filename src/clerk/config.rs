//! `new ClerkUsersApi(config)`: what the config object may hold.

use crate::engine::config::{Settings, base_url, browser_guard, check_keys, has_function, opt_string};
use crate::engine::error::Error;
use crate::engine::value::Value;

/// The option names of `ClerkUsersApiConfig`.
pub(crate) const KEYS: &[&str] = &[
    "secretKey",
    "getToken",
    "baseUrl",
    "apiVersion",
    "fetch",
    "headers",
    "timeoutMs",
    "retries",
    "maxRetryDelayMs",
    "dangerouslyAllowBrowser",
];

/// Where the Backend API lives.
pub(crate) const DEFAULT_BASE_URL: &str = "https://api.clerk.com/v1";
/// The API version the operation tables follow.
pub(crate) const API_VERSION: &str = "2026-05-12";
/// The header that selects the API version.
pub(crate) const VERSION_HEADER: &str = "clerk-api-version";

/// A validated Clerk client configuration.
#[derive(Debug, PartialEq)]
pub(crate) struct ClerkConfig {
    /// API base URL, no trailing slash (`https://api.clerk.com/v1`).
    pub base_url: String,
    /// The instance's secret key, sent as the bearer token; None when
    /// `getToken` supplies the bearer (a client behind a proxy that holds the key).
    pub secret_key: Option<String>,
    /// Headers (`clerk-api-version` first), time limit, fetch and retries.
    pub settings: Settings,
}

impl ClerkConfig {
    /// Validates a config object. `in_browser` says whether this runs in a
    /// browser page, where the secret key needs `dangerouslyAllowBrowser`.
    pub(crate) fn parse<V: Value>(config: &V, in_browser: bool) -> Result<ClerkConfig, Error> {
        const CONFIG: &str = "config";
        check_keys(config, CONFIG, KEYS)?;
        let secret_key = opt_string(config, CONFIG, "secretKey")?;
        let get_token = has_function(config, CONFIG, "getToken")?;
        let secret_key = match (secret_key, get_token) {
            (Some(_), true) => {
                return Err(Error::invalid(CONFIG, "needs exactly one way to authenticate: secretKey or getToken"));
            }
            (None, false) => {
                return Err(Error::invalid(
                    "config.secretKey",
                    "is required (the instance's secret key, sk_...), unless getToken supplies the bearer (behind a proxy)",
                ));
            }
            (Some(key), false) if key.starts_with("pk_") => {
                return Err(Error::invalid(
                    "config.secretKey",
                    "is a publishable key (pk_...); the Backend API needs the secret key (sk_...)",
                ));
            }
            (key, _) => key,
        };
        browser_guard(config, in_browser && secret_key.is_some(), "secretKey")?;
        let base_url = match opt_string(config, CONFIG, "baseUrl")? {
            Some(url) => base_url(&url, "config.baseUrl")?,
            None => DEFAULT_BASE_URL.to_owned(),
        };
        let version = opt_string(config, CONFIG, "apiVersion")?.unwrap_or_else(|| API_VERSION.to_owned());
        if version.contains(['\r', '\n', '\0']) {
            return Err(Error::invalid("config.apiVersion", "must be a date such as \"2026-05-12\""));
        }
        let mut settings = Settings::parse(config)?;
        if settings.headers.iter().any(|(name, _)| name == VERSION_HEADER) {
            return Err(Error::invalid("config.headers.Clerk-API-Version", "is set with config.apiVersion"));
        }
        settings.headers.insert(0, (VERSION_HEADER.to_owned(), version));
        Ok(ClerkConfig { base_url, secret_key, settings })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::config::DEFAULT_TIMEOUT_MS;
    use crate::engine::value::json::j;

    fn parse(text: &str) -> Result<ClerkConfig, Error> {
        ClerkConfig::parse(&j(text), false)
    }

    #[test]
    fn defaults() {
        let c = parse(r#"{"secretKey":"sk_test_1"}"#).expect("valid"); // ok: test
        assert_eq!(c.base_url, "https://api.clerk.com/v1");
        assert_eq!(c.secret_key.as_deref(), Some("sk_test_1"));
        assert_eq!(c.settings.headers, vec![("clerk-api-version".into(), "2026-05-12".into())]);
        assert_eq!((c.settings.timeout_ms, c.settings.custom_fetch), (DEFAULT_TIMEOUT_MS, false));
    }

    #[test]
    fn base_url_version_and_headers_are_configurable() {
        let c = parse(
            r#"{"secretKey":"sk_1","baseUrl":"http://127.0.0.1:8790/v1/","apiVersion":"2025-11-10","headers":{"X-Trace":"1"},"timeoutMs":5000}"#,
        )
        .expect("valid"); // ok: test
        assert_eq!(c.base_url, "http://127.0.0.1:8790/v1");
        assert_eq!(
            c.settings.headers,
            vec![("clerk-api-version".into(), "2025-11-10".into()), ("x-trace".into(), "1".into())]
        );
        assert_eq!(c.settings.timeout_ms, 5000);
    }

    #[test]
    fn invalid_configs_say_which_option() {
        let cases = [
            ("{}", "config.secretKey"),
            (r#"{"secretKey":""}"#, "config.secretKey"),
            (r#"{"secretKey":"pk_test_1"}"#, "config.secretKey"),
            (r#"{"secret_key":"sk_1"}"#, "config.secret_key"),
            (r#"{"secretKey":"sk_1","baseUrl":"ftp://x"}"#, "config.baseUrl"),
            (r#"{"secretKey":"sk_1","apiVersion":""}"#, "config.apiVersion"),
            (r#"{"secretKey":"sk_1","headers":{"Clerk-API-Version":"x"}}"#, "config.headers.Clerk-API-Version"),
            (r#"{"secretKey":"sk_1","headers":{"Authorization":"x"}}"#, "config.headers.Authorization"),
            (r#"{"secretKey":"sk_1","fetch":1}"#, "config.fetch"),
            (r#"{"secretKey":"sk_1","dangerouslyAllowBrowser":1}"#, "config.dangerouslyAllowBrowser"),
            ("null", "config"),
        ];
        for (text, param) in cases {
            let e = parse(text).expect_err(text); // ok: test
            assert_eq!(e.param.as_deref(), Some(param), "{text}: {}", e.message);
            assert!(!e.message.contains("sk_1"), "{}", e.message);
        }
    }

    #[test]
    fn secret_keys_need_consent_in_a_browser() {
        let e = ClerkConfig::parse(&j(r#"{"secretKey":"sk_live_x"}"#), true).expect_err("browser"); // ok: test
        assert_eq!(e.param.as_deref(), Some("config.secretKey"));
        assert!(!e.message.contains("sk_live_x"));
        let ok = ClerkConfig::parse(&j(r#"{"secretKey":"sk_live_x","dangerouslyAllowBrowser":true}"#), true);
        assert!(ok.is_ok());
        let no = ClerkConfig::parse(&j(r#"{"secretKey":"sk_live_x","dangerouslyAllowBrowser":false}"#), true);
        assert!(no.is_err());
    }
}
