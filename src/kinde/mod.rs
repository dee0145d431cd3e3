//! Kinde Management API: the Users operations.
//!
//! Kinde authenticates with a bearer token from the client-credentials grant
//! (`POST {domain}/oauth2/token`, audience `{domain}/api`), or one the caller
//! supplies. Operations and wire types are declared in [`users`] and
//! [`models`]; the shared machinery of [`crate::engine`] runs them. What they
//! resolve to is declared for the typings only, in `results`.

pub mod config;
pub mod models;
#[cfg(not(target_arch = "wasm32"))]
pub mod results;
pub mod users;

/// Provider name used in errors.
pub(crate) const PROVIDER: &str = "kinde";

use crate::engine::auth::{TokenCache, TokenSource};
use crate::engine::client::Client;
use crate::engine::config::Settings;
use crate::engine::error::Error;
use crate::engine::value::Value;
use config::{KindeAuth, KindeConfig};

/// The name of the client class, in errors of its construction.
pub(crate) const CLASS: &str = "KindeUsersApi";

/// A client from a `KindeUsersApi` config object, with its settings.
/// `in_browser`: whether this runs in a browser page (see [`KindeConfig::parse`]).
pub(crate) fn client<V: Value>(config: &V, in_browser: bool) -> Result<(Client, Settings), Error> {
    let parsed = KindeConfig::parse(config, in_browser).map_err(|e| e.during(PROVIDER, CLASS))?;
    let tokens = match parsed.auth {
        KindeAuth::Fixed(token) => TokenSource::Fixed(token),
        KindeAuth::Mint(grant) => TokenSource::Mint(TokenCache::new(grant)),
        KindeAuth::GetToken => TokenSource::get_token(),
    };
    // The client keeps the headers (it redacts their credentials); the driver's settings are made from its copy.
    let mut settings = parsed.settings;
    let headers = std::mem::take(&mut settings.headers);
    Ok((Client { provider: PROVIDER, base_url: parsed.base_url, tokens, headers }, settings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::auth::TokenStep;
    use crate::engine::error::ErrorKind;
    use crate::engine::value::json::j;

    #[test]
    fn each_way_to_authenticate_makes_its_token_source() {
        let make = |text: &str| client(&j(text), false).map(|(c, _)| c);
        let fixed = make(r#"{"domain":"acme.kinde.com","accessToken":"t"}"#).expect("fixed"); // ok: test
        assert_eq!((fixed.provider, fixed.base_url.as_str()), (PROVIDER, "https://acme.kinde.com"));
        assert_eq!(fixed.token_step(|| 0.0, None, None), TokenStep::Ready("t".into()));
        let mint = make(r#"{"domain":"acme.kinde.com","clientId":"i","clientSecret":"s"}"#).expect("mint"); // ok: test
        assert_eq!(mint.token_step(|| 0.0, None, None), TokenStep::Mint);
        assert_eq!(mint.token_url(), Some("https://acme.kinde.com/oauth2/token"));
        let (_, settings) =
            client(&j(r#"{"domain":"acme.kinde.com","accessToken":"t","timeoutMs":5}"#), false).expect("settings"); // ok: test
        assert_eq!(settings.timeout_ms, 5);
    }

    #[test]
    fn config_errors_name_the_class() {
        let e = client(&j("{}"), false).map(|_| ()).expect_err("no domain"); // ok: test
        assert_eq!((e.kind, e.provider, e.operation), (ErrorKind::Validation, PROVIDER, CLASS));
    }
}
