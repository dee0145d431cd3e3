//! `new KindeUsersApi(config)`: what the config object may hold.

use crate::engine::auth::Grant;
use crate::engine::config::{Settings, base_url, browser_guard, check_keys, has_function, opt_string};
use crate::engine::error::Error;
use crate::engine::text::cat;
use crate::engine::value::Value;

/// The option names of `KindeUsersApiConfig`.
pub(crate) const KEYS: &[&str] = &[
    "domain",
    "accessToken",
    "clientId",
    "clientSecret",
    "audience",
    "getToken",
    "fetch",
    "headers",
    "timeoutMs",
    "retries",
    "maxRetryDelayMs",
    "dangerouslyAllowBrowser",
];

/// How the client gets its bearer token.
#[derive(Debug, PartialEq)]
pub(crate) enum KindeAuth {
    /// `accessToken`: a fixed token the caller already has.
    Fixed(String),
    /// `clientId` + `clientSecret`: tokens minted with the client-credentials grant.
    Mint(Grant),
    /// `getToken`: the caller's own async function.
    GetToken,
}

/// A validated Kinde client configuration.
#[derive(Debug, PartialEq)]
pub(crate) struct KindeConfig {
    /// `https://<business>.kinde.com`, no trailing slash.
    pub base_url: String,
    /// Authentication.
    pub auth: KindeAuth,
    /// Headers, time limit (token requests included), fetch and retries.
    pub settings: Settings,
}

impl KindeConfig {
    /// Validates a config object. `in_browser` says whether this runs in a
    /// browser page, where a client secret needs `dangerouslyAllowBrowser`.
    pub(crate) fn parse<V: Value>(config: &V, in_browser: bool) -> Result<KindeConfig, Error> {
        const CONFIG: &str = "config";
        check_keys(config, CONFIG, KEYS)?;
        let domain = opt_string(config, CONFIG, "domain")?
            .ok_or_else(|| Error::invalid("config.domain", "is required (e.g. \"acme.kinde.com\")"))?;
        let base_url = base_url(&domain, "config.domain")?;
        let access_token = opt_string(config, CONFIG, "accessToken")?;
        let client_id = opt_string(config, CONFIG, "clientId")?;
        let client_secret = opt_string(config, CONFIG, "clientSecret")?;
        let audience = opt_string(config, CONFIG, "audience")?;
        let get_token = has_function(config, CONFIG, "getToken")?;
        let modes = [access_token.is_some(), client_id.is_some() || client_secret.is_some(), get_token];
        if modes.iter().filter(|m| **m).count() != 1 {
            return Err(Error::invalid(
                CONFIG,
                "needs exactly one way to authenticate: accessToken, clientId + clientSecret, or getToken",
            ));
        }
        browser_guard(config, in_browser && client_secret.is_some(), "clientSecret")?;
        if audience.is_some() && client_id.is_none() {
            return Err(Error::invalid("config.audience", "applies only with clientId + clientSecret"));
        }
        let auth = match (access_token, client_id, client_secret) {
            (Some(token), _, _) => KindeAuth::Fixed(token),
            (None, Some(client_id), Some(client_secret)) => KindeAuth::Mint(Grant {
                token_url: cat(&[&base_url, "/oauth2/token"]),
                audience: audience.unwrap_or_else(|| cat(&[&base_url, "/api"])),
                client_id,
                client_secret,
            }),
            (None, Some(_), None) => {
                return Err(Error::invalid("config.clientSecret", "is required with clientId"));
            }
            (None, None, Some(_)) => {
                return Err(Error::invalid("config.clientId", "is required with clientSecret"));
            }
            (None, None, None) => KindeAuth::GetToken,
        };
        Ok(KindeConfig { base_url, auth, settings: Settings::parse(config)? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::config::DEFAULT_TIMEOUT_MS;
    use crate::engine::value::json::j;

    fn parse(text: &str) -> Result<KindeConfig, Error> {
        KindeConfig::parse(&j(text), false)
    }

    #[test]
    fn client_credentials_defaults() {
        let c = parse(r#"{"domain":"acme.kinde.com","clientId":"id","clientSecret":"sec"}"#).expect("valid"); // ok: test
        assert_eq!(c.base_url, "https://acme.kinde.com");
        assert_eq!(
            c.auth,
            KindeAuth::Mint(Grant {
                token_url: "https://acme.kinde.com/oauth2/token".into(),
                client_id: "id".into(),
                client_secret: "sec".into(),
                audience: "https://acme.kinde.com/api".into(),
            })
        );
        assert_eq!(c.settings.timeout_ms, DEFAULT_TIMEOUT_MS);
    }

    #[test]
    fn audience_and_token_modes() {
        let c = parse(
            r#"{"domain":"https://acme.kinde.com/","clientId":"i","clientSecret":"s","audience":"https://acme.kinde.com/api2"}"#,
        );
        assert!(matches!(c.map(|c| c.auth), Ok(KindeAuth::Mint(g)) if g.audience.ends_with("/api2")));
        let c = parse(r#"{"domain":"acme.kinde.com","accessToken":"t","timeoutMs":5000,"headers":{"X-A":"1"}}"#);
        let c = c.expect("valid"); // ok: test
        assert_eq!(c.auth, KindeAuth::Fixed("t".into()));
        assert_eq!((c.settings.timeout_ms, c.settings.headers), (5000, vec![("x-a".into(), "1".into())]));
    }

    #[test]
    fn invalid_configs_say_which_option() {
        let cases = [
            ("{}", "config.domain"),
            (r#"{"domain":"acme.kinde.com"}"#, "config"),
            (r#"{"domain":"acme.kinde.com","accessToken":"t","clientId":"i","clientSecret":"s"}"#, "config"),
            (r#"{"domain":"acme.kinde.com","clientId":"i"}"#, "config.clientSecret"),
            (r#"{"domain":"acme.kinde.com","clientSecret":"s"}"#, "config.clientId"),
            (r#"{"domain":"acme.kinde.com","accessToken":"t","audience":"a"}"#, "config.audience"),
            (r#"{"domain":"acme.kinde.com","accessToken":""}"#, "config.accessToken"),
            (r#"{"domain":"acme.kinde.com","accessToken":"t","fetch":"x"}"#, "config.fetch"),
            (r#"{"domain":"acme.kinde.com","client_secret":"s"}"#, "config.client_secret"),
            (r#"{"domain":"ftp://acme","accessToken":"t"}"#, "config.domain"),
            ("null", "config"),
        ];
        for (text, param) in cases {
            let e = parse(text).expect_err(text); // ok: test
            assert_eq!(e.param.as_deref(), Some(param), "{text}: {}", e.message);
        }
    }

    #[test]
    fn client_secrets_need_consent_in_a_browser() {
        let cc = r#"{"domain":"acme.kinde.com","clientId":"i","clientSecret":"s"}"#;
        let e = KindeConfig::parse(&j(cc), true).expect_err("browser"); // ok: test
        assert_eq!(e.param.as_deref(), Some("config.clientSecret"));
        assert!(e.message.contains("dangerouslyAllowBrowser"), "{}", e.message);
        let allowed = r#"{"domain":"acme.kinde.com","clientId":"i","clientSecret":"s","dangerouslyAllowBrowser":true}"#;
        assert!(KindeConfig::parse(&j(allowed), true).is_ok());
        let token = r#"{"domain":"acme.kinde.com","accessToken":"t"}"#;
        assert!(KindeConfig::parse(&j(token), true).is_ok(), "a short-lived token is not refused");
        let bad = r#"{"domain":"acme.kinde.com","accessToken":"t","dangerouslyAllowBrowser":"yes"}"#;
        let e = KindeConfig::parse(&j(bad), false).expect_err("type"); // ok: test
        assert_eq!(e.param.as_deref(), Some("config.dangerouslyAllowBrowser"));
    }

    #[test]
    fn secrets_never_appear_in_config_errors() {
        let e = parse(r#"{"domain":"acme.kinde.com","clientSecret":"hunter2-secret"}"#).expect_err("no id"); // ok: test
        assert!(!e.message.contains("hunter2-secret"));
    }
}
