//! Access tokens: a fixed token, the caller's own source, or the OAuth 2
//! client-credentials grant with a cache and a single in-flight refresh.

use std::cell::RefCell;
use std::rc::Rc;

use futures_util::future::{FutureExt, LocalBoxFuture, Shared};

use super::encode::component;
use super::error::{BODY_LIMIT, Error, ErrorKind, read_error_body};
use super::op::Method;
use super::transport::{OutBody, Outgoing, TokenSource, Transport};
use super::value::Value;

/// Lifetime assumed when a token response has no `expires_in`.
const DEFAULT_LIFETIME_MS: f64 = 300_000.0;
/// A token is refreshed this long before it expires, at most...
const MAX_MARGIN_MS: f64 = 60_000.0;
/// ...and at most this share of its lifetime (so short-lived tokens are used).
const MARGIN_SHARE: f64 = 0.1;

/// The client-credentials grant's parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grant {
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
    pub fn form(&self) -> String {
        format!(
            "grant_type=client_credentials&client_id={}&client_secret={}&audience={}",
            component(&self.client_id),
            component(&self.client_secret),
            component(&self.audience)
        )
    }
}

type Minting = Shared<LocalBoxFuture<'static, Result<String, Error>>>;

/// Where the token cache stands.
#[derive(Clone)]
enum State {
    /// No usable token.
    Empty,
    /// A token, good until `refresh_at` (Unix ms).
    Ready { token: String, refresh_at: f64 },
    /// A token request is in flight; every caller awaits this one.
    Minting(Minting),
}

/// When a token of this lifetime, received at `now`, should be replaced.
pub fn refresh_at(now_ms: f64, lifetime_ms: f64) -> f64 {
    now_ms + lifetime_ms - (lifetime_ms * MARGIN_SHARE).min(MAX_MARGIN_MS)
}

/// A cached client-credentials token.
pub struct TokenCache {
    grant: Rc<Grant>,
    state: Rc<RefCell<State>>,
}

impl TokenCache {
    /// An empty cache for this grant.
    pub fn new(grant: Grant) -> TokenCache {
        TokenCache { grant: Rc::new(grant), state: Rc::new(RefCell::new(State::Empty)) }
    }

    /// The grant (for redaction of its secret).
    pub fn grant(&self) -> &Grant {
        &self.grant
    }

    /// A valid token: the cached one, the one being fetched, or a new one.
    pub async fn token<T: Transport + 'static>(&self, transport: &Rc<T>) -> Result<String, Error> {
        let now = transport.now_ms();
        let minting = {
            let mut state = self.state.borrow_mut();
            match &*state {
                State::Ready { token, refresh_at } if now < *refresh_at => return Ok(token.clone()),
                State::Minting(m) => m.clone(),
                _ => {
                    let m = mint(transport.clone(), self.grant.clone(), self.state.clone()).boxed_local().shared();
                    *state = State::Minting(m.clone());
                    m
                }
            }
        };
        minting.await
    }

    /// Forgets `rejected` if it is still the cached token (a newer one, minted
    /// meanwhile by another call, is kept).
    pub fn invalidate(&self, rejected: &str) {
        let mut state = self.state.borrow_mut();
        if matches!(&*state, State::Ready { token, .. } if token == rejected) {
            *state = State::Empty;
        }
    }
}

/// Requests a token and records the outcome in the cache (exactly once,
/// however many callers await it).
async fn mint<T: Transport>(transport: Rc<T>, grant: Rc<Grant>, state: Rc<RefCell<State>>) -> Result<String, Error> {
    let result = request_token(&*transport, &grant).await;
    let now = transport.now_ms();
    *state.borrow_mut() = match &result {
        Ok((token, lifetime)) => State::Ready { token: token.clone(), refresh_at: refresh_at(now, *lifetime) },
        Err(_) => State::Empty,
    };
    result.map(|(token, _)| token).map_err(|e| e.redact(&[&grant.client_secret]))
}

/// One client-credentials token request: the token and its lifetime in ms.
pub async fn request_token<T: Transport>(transport: &T, grant: &Grant) -> Result<(String, f64), Error> {
    let req = Outgoing {
        method: Method::Post,
        url: grant.token_url.clone(),
        authorization: None,
        body: Some(OutBody::Form(grant.form())),
    };
    let resp = transport.send(req, None).await.map_err(|mut e| {
        e.message = format!("token request to {} failed: {}", grant.token_url, e.message);
        e
    })?;
    let json = transport.parse_json(&resp.text);
    if !(200..300).contains(&resp.status) {
        let mut e = Error::new(ErrorKind::Auth, String::new());
        e.status = Some(resp.status);
        e.body = Some(transport.text_prefix(&resp.text, BODY_LIMIT));
        if let Some(j) = &json {
            read_error_body(j, &mut e);
        }
        let detail = match (e.codes.first(), e.messages.first()) {
            (Some(c), Some(m)) => format!(" ({c}: {m})"),
            (Some(x), None) | (None, Some(x)) => format!(" ({x})"),
            (None, None) => String::new(),
        };
        e.message = format!("token request to {} failed with HTTP {}{detail}", grant.token_url, resp.status);
        return Err(e);
    }
    let token = json.as_ref().and_then(|j| j.get("access_token").as_string()).filter(|t| !t.is_empty());
    let Some(token) = token else {
        let mut e = Error::new(ErrorKind::Auth, format!("token response from {} has no access_token", grant.token_url));
        e.status = Some(resp.status);
        return Err(e);
    };
    let lifetime = json
        .as_ref()
        .and_then(|j| j.get("expires_in").as_f64())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(DEFAULT_LIFETIME_MS, |s| s * 1000.0);
    Ok((token, lifetime))
}

/// How a client authenticates.
pub enum Auth<S> {
    /// A bearer token the caller already has.
    Static(String),
    /// The client-credentials grant, cached.
    ClientCredentials(TokenCache),
    /// The caller's own token source.
    Source(S),
}

impl<S: TokenSource> Auth<S> {
    /// The token to send; `retry` is set after the API rejected `rejected`.
    pub async fn token<T: Transport<TokenSource = S> + 'static>(
        &self,
        transport: &Rc<T>,
        rejected: Option<&str>,
    ) -> Result<String, Error> {
        match self {
            Auth::Static(t) => Ok(t.clone()),
            Auth::ClientCredentials(cache) => {
                if let Some(r) = rejected {
                    cache.invalidate(r);
                }
                cache.token(transport).await
            }
            Auth::Source(source) => {
                let token = source.token(rejected.is_some()).await?;
                if token.trim().is_empty() {
                    return Err(Error::new(ErrorKind::Auth, "getToken returned an empty token"));
                }
                Ok(token)
            }
        }
    }

    /// Whether a rejected token can be replaced by asking again.
    pub fn can_refresh(&self) -> bool {
        !matches!(self, Auth::Static(_))
    }

    /// The secrets this auth holds, for redaction.
    pub fn secrets(&self) -> Vec<&str> {
        match self {
            Auth::Static(t) => vec![t.as_str()],
            Auth::ClientCredentials(c) => vec![c.grant().client_secret.as_str()],
            Auth::Source(_) => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refresh_margin_is_bounded() {
        // A day-long token is replaced a minute early.
        assert_eq!(refresh_at(0.0, 86_400_000.0), 86_340_000.0);
        // A two-second token is used for 1.8 s.
        assert_eq!(refresh_at(1000.0, 2000.0), 2800.0);
    }

    #[test]
    fn form_encodes_every_value() {
        let g = Grant {
            token_url: "https://x/oauth2/token".into(),
            client_id: "id 1".into(),
            client_secret: "s&e=c+r/et".into(),
            audience: "https://x.kinde.com/api".into(),
        };
        assert_eq!(
            g.form(),
            "grant_type=client_credentials&client_id=id%201&client_secret=s%26e%3Dc%2Br%2Fet&audience=https%3A%2F%2Fx.kinde.com%2Fapi"
        );
    }
}
