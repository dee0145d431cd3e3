//! Clerk Backend API: the Users operations.
//!
//! Clerk authenticates every request with the instance's secret key as a
//! bearer token, and versions its API by date through the `Clerk-API-Version`
//! header. Operations and wire types are declared in [`users`] and
//! [`models`]; the shared machinery of [`crate::engine`] runs them. What they
//! resolve to is declared for the typings only, in `results`.

pub mod config;
pub mod models;
#[cfg(not(target_arch = "wasm32"))]
pub mod results;
pub mod users;

/// Provider name used in errors.
pub(crate) const PROVIDER: &str = "clerk";

use crate::engine::auth::TokenSource;
use crate::engine::client::Client;
use crate::engine::config::Settings;
use crate::engine::error::Error;
use crate::engine::value::Value;
use config::ClerkConfig;

/// The name of the client class, in errors of its construction.
pub(crate) const CLASS: &str = "ClerkUsersApi";

/// A client from a `ClerkUsersApi` config object, with its settings.
/// `in_browser`: whether this runs in a browser page (see [`ClerkConfig::parse`]).
pub(crate) fn client<V: Value>(config: &V, in_browser: bool) -> Result<(Client, Settings), Error> {
    let parsed = ClerkConfig::parse(config, in_browser).map_err(|e| e.during(PROVIDER, CLASS))?;
    let tokens = parsed.secret_key.map_or_else(TokenSource::get_token, TokenSource::Fixed);
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
    fn a_secret_key_is_a_fixed_token() {
        let (fixed, settings) = client(&j(r#"{"secretKey":"sk_test_1"}"#), false).expect("fixed"); // ok: test
        // The client keeps the headers.
        assert!(settings.headers.is_empty());
        assert_eq!((fixed.provider, fixed.base_url.as_str()), (PROVIDER, "https://api.clerk.com/v1"));
        assert_eq!(fixed.token_step(|| 0.0, None, None), TokenStep::Ready("sk_test_1".into()));
        assert_eq!(fixed.headers[0].0, "clerk-api-version");
    }

    #[test]
    fn config_errors_name_the_class() {
        let e = client(&j("{}"), false).map(|_| ()).expect_err("no key"); // ok: test
        assert_eq!((e.kind, e.provider, e.operation), (ErrorKind::Validation, PROVIDER, CLASS));
    }
}
