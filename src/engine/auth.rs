//! Where tokens come from (a [`TokenSource`]): a fixed token, the caller's
//! `getToken`, or tokens minted with the OAuth 2 client-credentials grant,
//! cached.
//!
//! The cache decides when a token is fresh, builds the token request and
//! reads its answer. That one request is in flight at a time, however many
//! calls wait for it, is the driver's part (it shares one promise).

use std::cell::{Cell, RefCell};

use super::encode::component;
use super::error::{BODY_LIMIT, Error, ErrorKind, Secrets, read_error_body};
use super::exchange::{HttpMethod, OutBody, Prepared, Response};
use super::retry_after::retry_after_ms;
use super::text::{cat, push_int, trim};
use super::value::Value;

/// Lifetime assumed when a token response has no `expires_in`.
const DEFAULT_LIFETIME_MS: f64 = 300_000.0;
/// A token is refreshed this long before it expires, at most...
const MAX_MARGIN_MS: f64 = 60_000.0;
/// ...and at most this share of its lifetime (so short-lived tokens are used).
const MARGIN_SHARE: f64 = 0.1;

/// The client-credentials grant's parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Grant {
    /// Token endpoint URL.
    pub token_url: String,
    /// OAuth client id.
    pub client_id: String,
    /// OAuth client secret (never appears in any error).
    pub client_secret: String,
    /// `audience` parameter.
    pub audience: String,
}

impl Grant {
    /// The form body of the token request.
    pub(crate) fn form(&self) -> String {
        cat(&[
            "grant_type=client_credentials&client_id=",
            &component(&self.client_id),
            "&client_secret=",
            &component(&self.client_secret),
            "&audience=",
            &component(&self.audience),
        ])
    }
}

/// When a token of this lifetime, received at `now`, should be replaced.
pub(crate) fn refresh_at(now_ms: f64, lifetime_ms: f64) -> f64 {
    now_ms + lifetime_ms - (lifetime_ms * MARGIN_SHARE).min(MAX_MARGIN_MS)
}

/// Which token was obtained to replace one the API refused.
///
/// A refusal is answered by one new token, not by a new token per refusal:
/// a 403 often means a missing scope or permission, which no new token
/// cures, and re-minting on each one would double every request and hammer
/// the token endpoint. So a token that is itself a replacement is final on
/// 403: its calls fail at once. A 401 (expired, revoked) still replaces it.
#[derive(Debug, Default)]
pub(crate) struct Replacements {
    /// The next token obtained replaces a refused one.
    pending: Cell<bool>,
    /// The latest token obtained as a replacement.
    latest: RefCell<Option<String>>,
    /// The latest token obtained at all (redacted from every error).
    last: RefCell<Option<String>>,
}

impl Replacements {
    /// A token was refused: the next one obtained replaces it.
    fn refused(&self) {
        self.pending.set(true);
    }

    /// A token was obtained; `replacing` says whether it replaces a refused one.
    fn obtained(&self, token: &str, replacing: bool) {
        self.pending.set(false);
        *self.last.borrow_mut() = Some(token.to_owned());
        let mut latest = self.latest.borrow_mut();
        if replacing {
            *latest = Some(token.to_owned());
        } else if latest.as_deref() != Some(token) {
            // A token obtained anew (the old one expired): a first one again.
            // The same replacement handed out again (a `getToken` cache) stays one.
            *latest = None;
        }
    }

    /// Whether `token` was obtained to replace a refused one.
    fn is_replacement(&self, token: &str) -> bool {
        self.latest.borrow().as_deref() == Some(token)
    }

    /// The API accepted `token`: a replacement it accepts is an ordinary
    /// token from then on (a later refusal is news, and may be re-minted
    /// once). `token` is asked only while a replacement is on record.
    fn accepted(&self, token: impl FnOnce() -> String) {
        if self.latest.borrow().is_some() && self.is_replacement(&token()) {
            *self.latest.borrow_mut() = None;
        }
    }
}

/// A cached client-credentials token.
#[derive(Debug)]
pub(crate) struct TokenCache {
    grant: Grant,
    /// The token and when to replace it (Unix ms).
    cached: RefCell<Option<(String, f64)>>,
    /// Which token replaced a refused one.
    replacements: Replacements,
}

impl TokenCache {
    /// An empty cache for this grant.
    pub(crate) fn new(grant: Grant) -> TokenCache {
        TokenCache { grant, cached: RefCell::new(None), replacements: Replacements::default() }
    }

    /// The grant (for redaction of its secret).
    pub(crate) fn grant(&self) -> &Grant {
        &self.grant
    }

    /// The cached token, if still fresh at `now_ms`.
    pub(crate) fn fresh(&self, now_ms: f64) -> Option<String> {
        self.cached.borrow().as_ref().filter(|(_, at)| now_ms < *at).map(|(t, _)| t.clone())
    }

    /// Forgets `rejected` if it is still the cached token (a newer one, minted
    /// meanwhile for another call, is kept).
    pub(crate) fn invalidate(&self, rejected: &str) {
        self.replacements.refused();
        let mut cached = self.cached.borrow_mut();
        if cached.as_ref().is_some_and(|(t, _)| t == rejected) {
            *cached = None;
        }
    }

    /// The token request.
    pub(crate) fn request(&self) -> Prepared {
        Prepared {
            method: HttpMethod::Post,
            url: self.grant.token_url.clone(),
            body: Some(OutBody::Form(self.grant.form())),
        }
    }

    /// Reads the token endpoint's answer; caches and returns the token.
    /// `secrets` (the client's: its client secret among them) are redacted
    /// from an error's body before it is cut.
    pub(crate) fn accept<R: Response>(&self, resp: &R, now_ms: f64, secrets: &Secrets) -> Result<String, Error> {
        let url = &self.grant.token_url;
        let json = resp.json();
        let status = resp.status();
        if !(200..300).contains(&status) {
            let mut e = Error::new(ErrorKind::Auth, String::new());
            e.status = Some(status);
            e.retry_after_ms = retry_after_ms(|name| resp.header(name), now_ms);
            e.body = (!resp.is_empty()).then(|| secrets.body(resp, BODY_LIMIT));
            if let Some(j) = &json {
                read_error_body(j, &mut e, secrets);
            }
            let mut message = cat(&["token request to ", url, " failed with HTTP "]);
            push_int(&mut message, status.into());
            match (e.codes.first(), e.messages.first()) {
                (Some(c), Some(m)) => message.push_str(&cat(&[" (", c, ": ", m, ")"])),
                (Some(x), None) | (None, Some(x)) => message.push_str(&cat(&[" (", x, ")"])),
                (None, None) => {}
            }
            e.message = message;
            return Err(e.redact(secrets));
        }
        let token = json.as_ref().and_then(|j| j.get("access_token").as_string()).filter(|t| !t.is_empty());
        let Some(token) = token else {
            let mut e = Error::new(ErrorKind::Auth, cat(&["token response from ", url, " has no access_token"]));
            e.status = Some(status);
            return Err(e);
        };
        let lifetime = json
            .as_ref()
            .and_then(|j| j.get("expires_in").as_f64())
            .filter(|s| s.is_finite() && *s > 0.0)
            .map_or(DEFAULT_LIFETIME_MS, |s| s * 1000.0);
        *self.cached.borrow_mut() = Some((token.clone(), refresh_at(now_ms, lifetime)));
        self.replacements.obtained(&token, self.replacements.pending.get());
        Ok(token)
    }
}

/// Where a client's tokens come from.
#[derive(Debug)]
pub(crate) enum TokenSource {
    /// A fixed token, configured once (`accessToken`, `secretKey`).
    Fixed(String),
    /// Tokens minted with the client-credentials grant, cached. Only Kinde
    /// has that grant: the Clerk-only build leaves it, and the code that
    /// sends and reads token requests, out of its `.wasm`.
    #[cfg(feature = "kinde")]
    Mint(TokenCache),
    /// The caller's `getToken`, called by the driver.
    GetToken(Replacements),
}

/// What the driver must do to get a token for the next request.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TokenStep {
    /// Use this token.
    Ready(String),
    /// Send [`TokenCache::request`] (once, shared by every waiting call) and
    /// hand the answer to [`TokenCache::accept`].
    Mint,
    /// Ask the caller's `getToken`, passing whether a refresh is needed.
    GetToken,
}

impl TokenSource {
    /// The caller's own token source, nothing replaced yet.
    pub(crate) fn get_token() -> TokenSource {
        TokenSource::GetToken(Replacements::default())
    }

    /// The next step towards a token; `rejected` is the token the API just
    /// refused, if any, with the refusal's HTTP `status` when known. A
    /// replacement token refused with 403 is not replaced again: the step
    /// is that same token (see [`Replacements`]). The clock is read only
    /// when a cached token's age matters.
    #[cfg_attr(not(feature = "kinde"), allow(unused_variables))] // the clock and the answer serve `Mint` only
    pub(crate) fn step(&self, now_ms: impl FnOnce() -> f64, rejected: Option<&str>, status: Option<u16>) -> TokenStep {
        if let Some(r) = rejected.filter(|r| status == Some(403) && self.is_final(r)) {
            return TokenStep::Ready(r.to_owned());
        }
        match self {
            TokenSource::Fixed(t) => TokenStep::Ready(t.clone()),
            #[cfg(feature = "kinde")]
            TokenSource::Mint(cache) => {
                if let Some(r) = rejected {
                    cache.invalidate(r);
                }
                cache.fresh(now_ms()).map_or(TokenStep::Mint, TokenStep::Ready)
            }
            TokenSource::GetToken(replacements) => {
                if rejected.is_some() {
                    replacements.refused();
                }
                TokenStep::GetToken
            }
        }
    }

    /// Whether a 403 for `token` is final: it was obtained to replace a
    /// refused token (or it cannot be replaced at all).
    pub(crate) fn is_final(&self, token: &str) -> bool {
        match self {
            TokenSource::Fixed(_) => true,
            #[cfg(feature = "kinde")]
            TokenSource::Mint(cache) => cache.replacements.is_replacement(token),
            TokenSource::GetToken(replacements) => replacements.is_replacement(token),
        }
    }

    /// Records that the API accepted `token` (see [`Replacements::accepted`]).
    pub(crate) fn accepted(&self, token: impl FnOnce() -> String) {
        match self {
            TokenSource::Fixed(_) => {}
            #[cfg(feature = "kinde")]
            TokenSource::Mint(cache) => cache.replacements.accepted(token),
            TokenSource::GetToken(replacements) => replacements.accepted(token),
        }
    }

    /// Records a token that the caller's `getToken` produced.
    pub(crate) fn got_token(&self, token: &str) {
        if let TokenSource::GetToken(replacements) = self {
            replacements.obtained(token, replacements.pending.get());
        }
    }

    /// Whether a rejected token can be replaced by asking again.
    pub(crate) fn can_refresh(&self) -> bool {
        !matches!(self, TokenSource::Fixed(_))
    }

    /// Adds to `out` the secrets this auth holds or last obtained (every
    /// form of each), for redaction: the token or secret key, the client
    /// secret, and the tokens the token endpoint or `getToken` last gave.
    pub(crate) fn add_secrets(&self, out: &mut Secrets) {
        let mut add_latest = |r: &Replacements| {
            for t in [&r.last, &r.latest] {
                if let Some(t) = t.borrow().as_deref() {
                    out.add(t);
                }
            }
        };
        match self {
            TokenSource::Fixed(t) => out.add(t),
            #[cfg(feature = "kinde")]
            TokenSource::Mint(c) => {
                add_latest(&c.replacements);
                out.add(&c.grant().client_secret);
                if let Some((t, _)) = c.cached.borrow().as_ref() {
                    out.add(t);
                }
            }
            TokenSource::GetToken(r) => add_latest(r),
        }
    }
}

/// Checks what the caller's `getToken` produced.
pub(crate) fn get_token_value<V: Value>(value: &V) -> Result<String, Error> {
    match value.as_string() {
        Some(t) if !trim(&t).is_empty() => Ok(t),
        Some(_) => Err(Error::new(ErrorKind::Auth, "getToken returned an empty token")),
        None => Err(Error::new(
            ErrorKind::Auth,
            cat(&["getToken must return a string (got ", value.kind().describe(), ")"]),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(feature = "kinde")]
    use crate::engine::exchange::testing::canned;
    use crate::engine::value::json::j;

    const SECRET: &str = "very-secret-value";

    /// What a client of [`cache`] redacts: its client secret.
    fn secrets() -> Secrets {
        Secrets::new([SECRET])
    }

    /// The secrets `source` redacts.
    fn secrets_of(source: &TokenSource) -> Secrets {
        let mut out = Secrets::default();
        source.add_secrets(&mut out);
        out
    }

    fn cache() -> TokenCache {
        TokenCache::new(Grant {
            token_url: "https://acme.kinde.com/oauth2/token".into(),
            client_id: "id 1".into(),
            client_secret: SECRET.into(),
            audience: "https://acme.kinde.com/api".into(),
        })
    }

    #[test]
    fn refresh_margin_is_bounded() {
        // A day-long token is replaced a minute early.
        assert_eq!(refresh_at(0.0, 86_400_000.0), 86_340_000.0);
        // A two-second token is used for 1.8 s.
        assert_eq!(refresh_at(1000.0, 2000.0), 2800.0);
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn the_token_request_is_a_form_post() {
        let req = cache().request();
        assert_eq!((req.method, req.url.as_str()), (HttpMethod::Post, "https://acme.kinde.com/oauth2/token"));
        let body = req.body.expect("form body"); // ok: test
        assert_eq!(body.content_type(), "application/x-www-form-urlencoded");
        assert_eq!(
            body.text(),
            "grant_type=client_credentials&client_id=id%201&client_secret=very-secret-value&audience=https%3A%2F%2Facme.kinde.com%2Fapi"
        );
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn tokens_are_cached_until_shortly_before_expiry() {
        let auth = TokenSource::Mint(cache());
        assert_eq!(auth.step(|| 0.0, None, None), TokenStep::Mint);
        let TokenSource::Mint(c) = &auth else { unreachable!() };
        let token =
            c.accept(&canned(200, r#"{"access_token":"t1","expires_in":100,"token_type":"bearer"}"#), 0.0, &secrets());
        assert_eq!(token.as_deref(), Ok("t1"));
        assert_eq!(auth.step(|| 89_999.0, None, None), TokenStep::Ready("t1".into()));
        // 100 s lifetime: replaced after 90 s.
        assert_eq!(auth.step(|| 90_000.0, None, None), TokenStep::Mint);
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn a_rejected_token_is_dropped_but_a_newer_one_kept() {
        let auth = TokenSource::Mint(cache());
        let TokenSource::Mint(c) = &auth else { unreachable!() };
        let _ = c.accept(&canned(200, r#"{"access_token":"t2","expires_in":3600}"#), 0.0, &secrets());
        // Another call already replaced "t1": its rejection does not drop "t2".
        assert_eq!(auth.step(|| 1.0, Some("t1"), None), TokenStep::Ready("t2".into()));
        assert_eq!(auth.step(|| 1.0, Some("t2"), None), TokenStep::Mint);
    }

    #[test]
    fn fixed_and_get_token_tokens() {
        assert_eq!(TokenSource::Fixed("s".into()).step(|| 0.0, Some("s"), None), TokenStep::Ready("s".into()));
        assert!(!TokenSource::Fixed("s".into()).can_refresh());
        assert_eq!(TokenSource::get_token().step(|| 0.0, None, None), TokenStep::GetToken);
        assert_eq!(get_token_value(&j("\"tok\"")).as_deref(), Ok("tok"));
        assert_eq!(get_token_value(&j("\" \"")).map_err(|e| e.kind), Err(ErrorKind::Auth));
        assert_eq!(get_token_value(&j("42")).map_err(|e| e.kind), Err(ErrorKind::Auth));
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn failed_token_requests_carry_the_answer_but_not_the_secret() {
        let c = cache();
        let e = c
            .accept(
                &canned(401, r#"{"error":"invalid_client","error_description":"bad secret very-secret-value"}"#),
                0.0,
                &secrets(),
            )
            .expect_err("401"); // ok: test
        assert_eq!((e.kind, e.status), (ErrorKind::Auth, Some(401)));
        assert_eq!(e.codes, ["invalid_client"]);
        assert!(e.message.contains("invalid_client"), "{}", e.message);
        assert!(!format!("{e:?}").contains(SECRET));
        // Nothing was cached.
        assert_eq!(c.fresh(0.0), None);
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn a_token_endpoint_echoing_the_form_body_does_not_leak_the_secret() {
        let c = TokenCache::new(Grant { client_secret: "p@ss word/+=~*é".into(), ..cache().grant().clone() });
        let Some(OutBody::Form(form)) = c.request().body else { panic!("a form body") };
        // As sent, and as a server re-encoding it with `+` for spaces.
        for echoed in [form.clone(), form.replace("%20", "+")] {
            let body = format!(r#"{{"error":"invalid_request","error_description":"bad body: {echoed}"}}"#);
            let secrets = Secrets::new([c.grant().client_secret.as_str()]);
            let e = c.accept(&canned(400, &body), 0.0, &secrets).expect_err("400"); // ok: test
            let shown = format!("{e:?}");
            assert!(!shown.contains("p%40ss") && !shown.contains("p@ss"), "{shown}");
            assert!(shown.contains("client_secret=[redacted]"), "{shown}");
        }
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn minted_tokens_are_redacted_from_errors() {
        let auth = TokenSource::Mint(cache());
        let TokenSource::Mint(c) = &auth else { unreachable!() };
        let _ = c.accept(&canned(200, r#"{"access_token":"minted-token-1","expires_in":3600}"#), 0.0, &secrets());
        let e = Error::new(ErrorKind::Network, "fetch failed: Bearer minted-token-1").redact(&secrets_of(&auth));
        assert_eq!(e.message, "fetch failed: Bearer [redacted]");
        let source = TokenSource::get_token();
        source.got_token("from-get-token");
        let e = Error::new(ErrorKind::Network, "from-get-token").redact(&secrets_of(&source));
        assert_eq!(e.message, "[redacted]");
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn token_responses_without_a_token_are_auth_errors() {
        let e = cache().accept(&canned(200, r#"{"token_type":"bearer"}"#), 0.0, &secrets()).expect_err("no token"); // ok: test
        assert_eq!(e.kind, ErrorKind::Auth);
        let e = cache().accept(&canned(200, "not json"), 0.0, &secrets()).expect_err("not json"); // ok: test
        assert_eq!(e.kind, ErrorKind::Auth);
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn missing_lifetimes_default_to_five_minutes() {
        let c = cache();
        let _ = c.accept(&canned(200, r#"{"access_token":"t"}"#), 0.0, &secrets());
        assert_eq!(c.fresh(269_999.0).as_deref(), Some("t"));
        assert_eq!(c.fresh(270_000.0), None);
    }
}
