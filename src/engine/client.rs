//! One operation, start to end, without I/O: validate and build the request,
//! say how to get a token, and read the response (success, a token to
//! refresh once, or an [`Error`]).
//!
//! A driver runs it:
//! 1. [`Client::prepare`] the request (validation errors: nothing is sent);
//! 2. get a token as [`Client::token_step`] says;
//! 3. send it, then [`Client::finish`]; on [`Outcome::RefreshToken`] get a token
//!    again, passing the rejected one, and send once more.

use super::auth::{TokenSource, TokenStep, get_token_value};
use super::config::add_header_secrets;
use super::error::{BODY_LIMIT, Error, ErrorKind, Secrets, api_error, is_proxy_answer};
use super::exchange::{Prepared, Response};
use super::op::{Operation, Shape};
use super::request::build;
use super::text::{cat, push_int};
use super::value::{Kind, Value};

/// The most characters of a runtime's error text an error message keeps
/// (read from a window twice as long, and redacted before the cut).
pub(crate) const MAX_MESSAGE: usize = 1024;

/// What a response means for the call.
#[derive(Debug, PartialEq)]
pub(crate) enum Outcome<J> {
    /// Success: the parsed body.
    Done(J),
    /// The API rejected a token that can be replaced: refresh it (get a new
    /// one) and send the request again (once).
    RefreshToken,
}

/// Everything a provider client knows, independent of any HTTP stack.
#[derive(Debug)]
pub(crate) struct Client {
    /// Provider name for errors (`kinde`).
    pub provider: &'static str,
    /// API base URL without a trailing slash (`https://acme.kinde.com`).
    pub base_url: String,
    /// Where its tokens come from.
    pub tokens: TokenSource,
    /// Its configured headers: the values of those that carry credentials
    /// ([`super::config::is_secret_header`]) are redacted like its own.
    pub headers: Vec<(String, String)>,
}

impl Client {
    /// Every secret an error of this client must not show: those of its
    /// token source, the values of its credential headers, and `token`,
    /// the one a request was sent with.
    pub(crate) fn secrets(&self, token: Option<&str>) -> Secrets {
        let mut secrets = Secrets::new(token);
        add_header_secrets(&self.headers, &mut secrets);
        self.tokens.add_secrets(&mut secrets);
        secrets
    }

    fn fail(&self, op: &Operation, e: Error, token: Option<&str>) -> Error {
        self.fail_with(op, e, &self.secrets(token))
    }

    fn fail_with(&self, op: &Operation, e: Error, secrets: &Secrets) -> Error {
        e.during(self.provider, op.name).redact(secrets)
    }

    /// Validates the arguments and builds the request.
    pub(crate) fn prepare<V: Value>(
        &self,
        op: &'static Operation,
        args: &[V],
        extra: Option<&V>,
    ) -> Result<Prepared, Error> {
        build(op, args, extra, &self.base_url).map_err(|e| self.fail(op, e, None))
    }

    /// How to get the token for the next request; `rejected` is the token
    /// the API just refused, if any, and `status` the refusal's HTTP status
    /// when known (a replacement token refused with 403 is kept: see
    /// [`super::auth::Replacements`]).
    pub(crate) fn token_step(
        &self,
        now_ms: impl FnOnce() -> f64,
        rejected: Option<&str>,
        status: Option<u16>,
    ) -> TokenStep {
        self.tokens.step(now_ms, rejected, status)
    }

    /// The token endpoint of the client-credentials grant (None in other modes).
    pub(crate) fn token_url(&self) -> Option<&str> {
        match &self.tokens {
            #[cfg(feature = "kinde")]
            TokenSource::Mint(cache) => Some(&cache.grant().token_url),
            _ => None,
        }
    }

    /// The token request of the client-credentials grant (None in other modes).
    pub(crate) fn token_request(&self) -> Option<Prepared> {
        match &self.tokens {
            #[cfg(feature = "kinde")]
            TokenSource::Mint(cache) => Some(cache.request()),
            _ => None,
        }
    }

    /// Reads the token endpoint's answer (client-credentials mode).
    #[cfg_attr(not(feature = "kinde"), allow(unused_variables))] // the clock and the answer serve `Mint` only
    pub(crate) fn accept_token<R: Response>(&self, op: &Operation, resp: &R, now_ms: f64) -> Result<String, Error> {
        match &self.tokens {
            #[cfg(feature = "kinde")]
            TokenSource::Mint(cache) => {
                let secrets = self.secrets(None);
                cache.accept(resp, now_ms, &secrets).map_err(|e| self.fail_with(op, e, &secrets))
            }
            _ => Err(self.fail(op, Error::new(ErrorKind::Auth, "no token endpoint in this mode"), None)),
        }
    }

    /// Checks what the caller's `getToken` returned (asked after the API
    /// refused a token when the driver says so).
    pub(crate) fn accept_get_token<V: Value>(&self, op: &Operation, value: &V) -> Result<String, Error> {
        let token = get_token_value(value).map_err(|e| self.fail(op, e, None))?;
        self.tokens.got_token(&token);
        Ok(token)
    }

    /// The error for a `getToken` that threw (`message` describes what it
    /// threw); `rejected` is the token the API just refused, which that
    /// message may well name.
    pub(crate) fn get_token_failed(&self, op: &Operation, message: &str, rejected: Option<&str>) -> Error {
        self.fail(op, Error::new(ErrorKind::Auth, cat(&["getToken failed: ", message])), rejected)
    }

    /// An error for a request that got no response (`kind` is network,
    /// timeout or aborted); `token_url` is set when it was the token request.
    /// `message` is the start of the runtime's text (`cut` when it went
    /// on); `token` the one the request was sent with, if any.
    pub(crate) fn no_response(
        &self,
        op: &Operation,
        kind: ErrorKind,
        (message, cut): (&str, bool),
        token_url: Option<&str>,
        token: Option<&str>,
    ) -> Error {
        let secrets = self.secrets(token);
        let message = secrets.clip(message, cut, MAX_MESSAGE);
        let message = match (kind, token_url) {
            (ErrorKind::Aborted, _) => "aborted by the caller's signal".to_owned(),
            (_, Some(url)) => cat(&["token request to ", url, " failed: ", &message]),
            (_, None) => message,
        };
        self.fail_with(op, Error::new(kind, message), &secrets)
    }

    /// Every secret an error of a call must not show: the client's, `token`
    /// (the one its request was sent with) and those `call` adds, the
    /// values of the call's own credential headers.
    fn call_secrets(&self, token: &str, call: impl FnOnce(&mut Secrets)) -> Secrets {
        let mut secrets = self.secrets(Some(token));
        call(&mut secrets);
        secrets
    }

    /// Reads the API's response to a request sent with the token `token`
    /// gives and the credential headers of its own `call` adds (both asked
    /// only when an error must be redacted of them, so a success never
    /// copies them). `retried` says whether this was already the second
    /// attempt.
    pub(crate) fn finish<R: Response>(
        &self,
        op: &Operation,
        resp: &R,
        token: impl FnOnce() -> String,
        call: impl FnOnce(&mut Secrets),
        retried: bool,
    ) -> Result<Outcome<R::Json>, Error> {
        let status = resp.status();
        if matches!(status, 204 | 205) {
            // "No Content" / "Reset Content": success that carries no body by
            // definition (Kinde answers some deletes so), whatever the
            // operation. The promise resolves to `null` (undefined is the
            // driver's signal to retry with a new token).
            self.tokens.accepted(token);
            return Ok(Outcome::Done(R::Json::null()));
        }
        if (200..300).contains(&status) {
            // Every other documented success has a JSON body of a known
            // top-level type; anything else is a broken answer, not data.
            let json = if resp.is_empty() { None } else { resp.json() };
            let problem = match &json {
                _ if resp.is_empty() => "an empty body",
                None => "a body that is not JSON",
                Some(v) => match (op.returns, v.kind()) {
                    (Shape::Object, Kind::Object) | (Shape::Array, Kind::Array | Kind::LongArray) => "",
                    // A page documented as an array that comes as `{ data, total_count }`.
                    (Shape::Array, Kind::Object) if op.paging.envelope().is_some() => "",
                    _ => "JSON of another type",
                },
            };
            return match json {
                Some(data) if problem.is_empty() => {
                    self.tokens.accepted(token);
                    Ok(Outcome::Done(data))
                }
                _ => {
                    let mut message = String::from("HTTP ");
                    push_int(&mut message, status.into());
                    message.push_str(&cat(&[" with ", problem, " (expected ", op.returns.describe(), ")"]));
                    let mut e = Error::new(ErrorKind::Decode, message);
                    e.status = Some(status);
                    let secrets = self.call_secrets(&token(), call);
                    e.body = Some(secrets.body(resp, BODY_LIMIT));
                    Err(self.fail_with(op, e, &secrets))
                }
            };
        }
        let json = if resp.is_empty() { None } else { resp.json() };
        // The proxy (`idp-users/proxy`) refusing the call itself (an
        // operation outside its `allow`, a caller it does not authorize) is
        // final: no new token or second try changes its answer.
        let proxy = json.as_ref().is_some_and(is_proxy_answer);
        let used = token();
        // Kinde documents expired or revoked tokens as 403; 401 is the HTTP
        // norm. A token is re-minted at most once: a replacement refused with
        // 403 is final (a missing scope stays missing).
        let replaceable = status == 401 || (status == 403 && !self.tokens.is_final(&used));
        if replaceable && !retried && !proxy && self.tokens.can_refresh() {
            return Ok(Outcome::RefreshToken);
        }
        let secrets = self.call_secrets(&used, call);
        let mut e = api_error(resp, json.as_ref(), &secrets, proxy, now_ms());
        if let (Some(note), 404 | 405) = (op.removed, status) {
            e.message = cat(&[&e.message, " (", note, ")"]);
        }
        Err(self.fail_with(op, e, &secrets))
    }
}

/// Wall-clock time in Unix milliseconds.
pub(crate) fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    #[cfg(feature = "kinde")]
    use crate::engine::auth::{Grant, TokenCache};
    #[cfg(feature = "kinde")]
    use crate::engine::error::is_proxy_answer;
    use crate::engine::exchange::HttpMethod;
    use crate::engine::exchange::testing::{Canned, canned};
    use crate::engine::op::{Arg, ParamsObject};
    use crate::engine::value::json::{J, j};

    static OP: Operation = Operation {
        name: "getUserSessions",
        example: "",
        method: HttpMethod::Get,
        path: "/api/v1/users/{user_id}/sessions",
        args: &[Arg::path("userId", "user_id", "")],
        params_object: ParamsObject::None,
        result: "R",
        doc: "",
        removed: None,
        returns: crate::engine::op::Shape::Object,
        paging: crate::engine::paging::Paging::None,
    };

    const SECRET: &str = "very-secret-value";

    fn client(tokens: TokenSource) -> Client {
        Client { provider: "kinde", base_url: "https://acme.kinde.com".into(), tokens, headers: vec![] }
    }

    #[cfg(feature = "kinde")]
    fn cc() -> Client {
        client(TokenSource::Mint(TokenCache::new(Grant {
            token_url: "https://acme.kinde.com/oauth2/token".into(),
            client_id: "cid".into(),
            client_secret: SECRET.into(),
            audience: "https://acme.kinde.com/api".into(),
        })))
    }

    fn finish(c: &Client, resp: &Canned, retried: bool) -> Result<Outcome<J>, Error> {
        c.finish(&OP, resp, || "tok-in-use-1".into(), |_| {}, retried)
    }

    #[test]
    fn prepare_builds_the_url_from_the_base() {
        let req = client(TokenSource::Fixed("t".into())).prepare(&OP, &[j("\"kp_1\"")], None).expect("valid"); // ok: test
        assert_eq!(req.url, "https://acme.kinde.com/api/v1/users/kp_1/sessions");
        assert_eq!((req.method, req.body), (HttpMethod::Get, None));
    }

    #[test]
    fn validation_errors_name_the_operation() {
        let e = client(TokenSource::Fixed("t".into())).prepare(&OP, &[j("\"\"")], None).expect_err("empty"); // ok: test
        assert_eq!(e.kind, ErrorKind::Validation);
        assert_eq!((e.provider, e.operation), ("kinde", "getUserSessions"));
        assert_eq!(e.message, "getUserSessions: userId must not be empty");
    }

    #[test]
    fn success_bodies_are_parsed_and_checked_at_the_top_level() {
        let c = client(TokenSource::Fixed("t".into()));
        let Ok(Outcome::Done(J(Some(v)))) = finish(&c, &canned(200, r#"{"code":"OK"}"#), false) else { panic!() };
        assert_eq!(v, serde_json::json!({"code": "OK"}));
        let e = finish(&c, &canned(200, "<html>"), false).expect_err("decode"); // ok: test
        assert_eq!((e.kind, e.status, e.body.as_deref()), (ErrorKind::Decode, Some(200), Some("<html>")));
        for (status, body, problem) in [
            (200, "", "an empty body"),
            (200, r#""x""#, "JSON of another type"),
            (200, "[]", "JSON of another type"),
            (200, "null", "JSON of another type"),
            (200, "{\"tru", "a body that is not JSON"),
        ] {
            let e = finish(&c, &canned(status, body), false).expect_err(body); // ok: test
            assert_eq!(e.kind, ErrorKind::Decode, "{body}");
            assert_eq!(e.message, format!("getUserSessions: HTTP {status} with {problem} (expected a JSON object)"));
        }
        static LIST: Operation = Operation { returns: Shape::Array, ..OP };
        let Ok(Outcome::Done(J(Some(v)))) = c.finish(&LIST, &canned(200, "[1]"), || "t".into(), |_| {}, false) else {
            panic!()
        };
        assert_eq!(v, serde_json::json!([1]));
        let e = c.finish(&LIST, &canned(200, "{}"), || "t".into(), |_| {}, false).expect_err("object for a list"); // ok: test
        assert!(e.message.ends_with("with JSON of another type (expected a JSON array)"), "{}", e.message);
    }

    #[test]
    fn no_content_is_success_with_null_for_any_operation() {
        static LIST: Operation = Operation { returns: Shape::Array, ..OP };
        let c = client(TokenSource::Fixed("t".into()));
        for op in [&OP, &LIST] {
            for status in [204, 205] {
                let done = c.finish(op, &canned(status, ""), || "t".into(), |_| {}, false);
                assert_eq!(done, Ok(Outcome::Done(J(Some(serde_json::Value::Null)))), "{status}");
            }
        }
        // An empty 200 is still a broken answer.
        assert_eq!(finish(&c, &canned(200, ""), false).map_err(|e| e.kind), Err(ErrorKind::Decode));
    }

    #[test]
    fn shapes_follow_the_result_type() {
        assert_eq!(Shape::of("Array<ClerkUser>"), Shape::Array);
        assert_eq!(Shape::of("KindeUser[]"), Shape::Array);
        assert_eq!(Shape::of("KindeUsersResponse"), Shape::Object);
        assert_eq!(Shape::of("Array"), Shape::Object);
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn rejected_tokens_are_refreshed_once_unless_fixed() {
        let c = cc();
        assert_eq!(finish(&c, &canned(403, ""), false), Ok(Outcome::RefreshToken));
        assert_eq!(finish(&c, &canned(401, ""), false), Ok(Outcome::RefreshToken));
        let e = finish(&c, &canned(401, ""), true).expect_err("second rejection"); // ok: test
        assert_eq!((e.kind, e.status), (ErrorKind::Api, Some(401)));
        let fixed = client(TokenSource::Fixed("tok-static-1".into()));
        assert_eq!(finish(&fixed, &canned(403, ""), false).map_err(|e| e.status), Err(Some(403)));
        assert_eq!(finish(&client(TokenSource::get_token()), &canned(401, ""), false), Ok(Outcome::RefreshToken));
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn a_token_is_re_minted_at_most_once_on_403() {
        let c = cc();
        let mint = |c: &Client, t: &str| {
            assert_eq!(c.token_step(|| 0.0, None, None), TokenStep::Mint);
            let body = format!(r#"{{"access_token":"{t}","expires_in":3600}}"#);
            assert_eq!(c.accept_token(&OP, &canned(200, &body), 0.0).as_deref(), Ok(t));
        };
        let finish_with = |c: &Client, status: u16, t: &str, retried: bool| {
            c.finish(&OP, &canned(status, ""), || t.to_owned(), |_| {}, retried).map_err(|e| (e.kind, e.status))
        };
        mint(&c, "t1");
        // The first token refused with 403: one replacement.
        assert_eq!(finish_with(&c, 403, "t1", false), Ok(Outcome::RefreshToken));
        assert_eq!(c.token_step(|| 1.0, Some("t1"), None), TokenStep::Mint);
        let t2 = c.accept_token(&OP, &canned(200, r#"{"access_token":"t2","expires_in":3600}"#), 1.0);
        assert_eq!(t2.as_deref(), Ok("t2"));
        assert_eq!(finish_with(&c, 403, "t2", true), Err((ErrorKind::Api, Some(403))));
        // Later calls with the replacement fail at once on 403...
        for _ in 0..3 {
            assert_eq!(c.token_step(|| 2.0, None, None), TokenStep::Ready("t2".into()));
            assert_eq!(finish_with(&c, 403, "t2", false), Err((ErrorKind::Api, Some(403))));
        }
        // ...and the proxy's path (status given) keeps it rather than re-minting.
        assert_eq!(c.token_step(|| 2.0, Some("t2"), Some(403)), TokenStep::Ready("t2".into()));
        // A 401 still replaces it once.
        assert_eq!(finish_with(&c, 401, "t2", false), Ok(Outcome::RefreshToken));
        assert_eq!(c.token_step(|| 3.0, Some("t2"), Some(401)), TokenStep::Mint);
        // A replacement the API then accepts is an ordinary token again.
        let c2 = cc();
        mint(&c2, "t1");
        assert_eq!(c2.token_step(|| 1.0, Some("t1"), Some(401)), TokenStep::Mint);
        let _ = c2.accept_token(&OP, &canned(200, r#"{"access_token":"t2","expires_in":3600}"#), 1.0);
        assert!(matches!(c2.finish(&OP, &canned(200, "{}"), || "t2".into(), |_| {}, true), Ok(Outcome::Done(_))));
        assert_eq!(finish_with(&c2, 403, "t2", false), Ok(Outcome::RefreshToken));
        // A token minted anew after expiry is a first one again.
        let c = cc();
        mint(&c, "t1");
        assert_eq!(c.token_step(|| 1.0, Some("t1"), Some(403)), TokenStep::Mint);
        let _ = c.accept_token(&OP, &canned(200, r#"{"access_token":"t2","expires_in":1}"#), 1.0);
        assert_eq!(c.token_step(|| 10_000.0, None, None), TokenStep::Mint);
        let _ = c.accept_token(&OP, &canned(200, r#"{"access_token":"t3","expires_in":3600}"#), 10_000.0);
        assert_eq!(finish_with(&c, 403, "t3", false), Ok(Outcome::RefreshToken));
    }

    #[test]
    fn a_get_token_replacement_refused_with_403_is_final() {
        let c = client(TokenSource::get_token());
        assert_eq!(c.accept_get_token(&OP, &j("\"s1\"")).as_deref(), Ok("s1"));
        let refused = |t: &str| c.finish(&OP, &canned(403, ""), || t.to_owned(), |_| {}, false).map_err(|e| e.status);
        assert_eq!(refused("s1"), Ok(Outcome::RefreshToken));
        assert_eq!(c.token_step(|| 0.0, Some("s1"), Some(403)), TokenStep::GetToken);
        assert_eq!(c.accept_get_token(&OP, &j("\"s2\"")).as_deref(), Ok("s2"));
        // Another call handed the same replacement by getToken's own cache.
        assert_eq!(c.accept_get_token(&OP, &j("\"s2\"")).as_deref(), Ok("s2"));
        assert_eq!(refused("s2"), Err(Some(403)));
        assert_eq!(c.token_step(|| 0.0, Some("s2"), Some(403)), TokenStep::Ready("s2".into()));
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn the_proxys_own_refusals_are_final() {
        let body = |code: &str| {
            format!(
                r#"{{"error":{{"code":"{code}","message":"m","operation":"kinde.getUserSessions"}},"errors":[{{"code":"{code}","message":"m"}}]}}"#
            )
        };
        for c in [cc(), client(TokenSource::get_token())] {
            for (status, code) in [(403, "operation_not_allowed"), (401, "unauthorized")] {
                let e = finish(&c, &canned(status, &body(code)), false).expect_err(code); // ok: test
                assert_eq!((e.kind, e.status, e.codes.clone()), (ErrorKind::Api, Some(status), vec![code.to_owned()]));
                assert_eq!(e.message, format!("getUserSessions: the proxy answered HTTP {status} ({code}: m)"));
            }
        }
        // The token endpoint's `error` is a string: not the proxy.
        let oauth = canned(401, r#"{"error":"invalid_token","error_description":"expired"}"#);
        assert_eq!(finish(&cc(), &oauth, false), Ok(Outcome::RefreshToken));
        assert!(!is_proxy_answer(&j(r#"{"error":{"message":"no code"}}"#)));
    }

    #[test]
    fn api_errors_are_mapped() {
        let c = client(TokenSource::Fixed("tok-static-1".into()));
        let resp = Canned(
            404,
            r#"{"errors":{"code":"USER_NOT_FOUND","message":"No user with id kp_1"}}"#.into(),
            vec![("retry-after", "3"), ("cf-ray", "ray-1")],
        );
        let e = finish(&c, &resp, false).expect_err("404"); // ok: test
        assert_eq!((e.kind, e.status), (ErrorKind::Api, Some(404)));
        assert_eq!(e.codes, ["USER_NOT_FOUND"]);
        assert_eq!(e.message, "getUserSessions: HTTP 404 (USER_NOT_FOUND: No user with id kp_1)");
        assert_eq!(e.retry_after_ms, Some(3000));
        assert_eq!(e.trace_id.as_deref(), Some("ray-1"));
        assert_eq!(e.provider, "kinde");
    }

    #[test]
    fn removed_endpoints_say_so_on_404_and_405_only() {
        static GONE: Operation = Operation { name: "createUserTotp", removed: Some("it was removed"), ..OP };
        let c = client(TokenSource::Fixed("tok-static-1".into()));
        for status in [404, 405] {
            let e = c.finish(&GONE, &canned(status, ""), || "tok-static-1".into(), |_| {}, false).expect_err("gone"); // ok: test
            assert_eq!(e.message, format!("createUserTotp: HTTP {status} (it was removed)"));
        }
        let e = c.finish(&GONE, &canned(500, ""), || "tok-static-1".into(), |_| {}, false).expect_err("500"); // ok: test
        assert_eq!(e.message, "createUserTotp: HTTP 500");
    }

    #[test]
    fn bodiless_and_non_json_errors() {
        let c = client(TokenSource::Fixed("tok-static-1".into()));
        let e = finish(&c, &Canned(429, String::new(), vec![("retry-after", "1")]), false).expect_err("429"); // ok: test
        assert_eq!((e.status, e.body.clone(), e.retry_after_ms), (Some(429), None, Some(1000)));
        assert_eq!(e.message, "getUserSessions: HTTP 429");
        let e = finish(&c, &canned(502, "<html>bad gateway</html>"), false).expect_err("502"); // ok: test
        assert_eq!(e.body.as_deref(), Some("<html>bad gateway</html>"));
        assert!(e.codes.is_empty());
    }

    #[test]
    fn error_bodies_are_truncated_and_scrubbed_of_secrets_and_tokens() {
        let c = client(TokenSource::Fixed("tok-static-1".into()));
        let long = format!("{{\"echo\":\"tok-static-1 tok-in-use-1\",\"pad\":\"{}\"}}", "x".repeat(5000));
        let e = finish(&c, &canned(400, &long), false).expect_err("400"); // ok: test
        let body = e.body.clone().unwrap_or_default();
        assert!(body.len() <= BODY_LIMIT + 10, "{}", body.len());
        assert!(!body.contains("tok-static-1") && !body.contains("tok-in-use-1"));
    }

    #[test]
    fn a_key_across_the_body_limit_is_redacted_whole() {
        const KEY: &str = "sk_test_0123456789abcdefABCDEF012345";
        let c = client(TokenSource::Fixed(KEY.into()));
        for at in BODY_LIMIT - 40..BODY_LIMIT + 2 {
            let body = format!("{}{KEY}{}", "x".repeat(at), "y".repeat(3000));
            for status in [200, 400] {
                let e = finish(&c, &canned(status, &body), false).expect_err("error"); // ok: test
                let shown = e.body.clone().unwrap_or_default();
                assert!(!shown.contains(&KEY[..4]), "{at}: {}", &shown[shown.len() - 40..]);
            }
        }
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn credential_header_values_are_redacted_like_the_clients_own() {
        const KEY: &str = "hdr-api-key-0123456789";
        let mut c = cc();
        c.headers =
            vec![("x-api-key".into(), KEY.into()), ("x-key".into(), "ab".into()), ("x-trace".into(), "trace-1".into())];
        let echo = format!(r#"{{"errors":[{{"code":"{KEY}","message":"x-api-key: {KEY}"}}],"pad":"ab"}}"#);
        // A success that is not an object (a decode error), and API errors.
        for (status, body) in [(200, format!("[{echo}]")), (400, echo.clone()), (500, echo)] {
            let e = finish(&c, &canned(status, &body), false).expect_err("error"); // ok: test
            assert!(!format!("{e:?}").contains("hdr-api"), "{status}: {e:?}");
            // Values under 4 characters are not redacted (as for every secret).
            assert!(e.body.as_deref().is_some_and(|b| b.contains("\"ab\"")), "{status}: {e:?}");
        }
        // Across the body's cut: no start of it stays.
        let body = format!("{}{KEY}{}", "x".repeat(BODY_LIMIT - 8), "y".repeat(100));
        let e = finish(&c, &canned(400, &body), false).expect_err("400"); // ok: test
        assert!(!e.body.clone().unwrap_or_default().contains("hdr-"));
        // A call's own credential headers, in an API error.
        const CALL: &str = "call-session-token-987";
        let e = c.finish(&OP, &canned(400, &format!("{KEY} {CALL}")), || "t".into(), |s| s.add(CALL), false);
        let e = e.expect_err("400"); // ok: test
        assert_eq!(e.body.as_deref(), Some("[redacted] [redacted]"));
        let e = c.no_response(&OP, ErrorKind::Network, (&format!("refused {KEY}"), false), None, None);
        assert_eq!(e.message, "getUserSessions: refused [redacted]");
        let e = c.accept_token(&OP, &canned(401, &format!("{}{KEY}", "z".repeat(BODY_LIMIT - 6))), 0.0);
        assert!(!format!("{e:?}").contains("hdr-"), "{e:?}");
    }

    #[test]
    fn network_errors_are_redacted_of_the_token_sent() {
        let c = client(TokenSource::get_token());
        let message = format!("{} Bearer tok-sent-1234", "m".repeat(2 * MAX_MESSAGE - 14));
        let e = c.no_response(&OP, ErrorKind::Network, (&message, true), None, Some("tok-sent-1234"));
        assert!(!e.message.contains("tok-"), "{}", &e.message[e.message.len() - 30..]);
        let e = c.no_response(&OP, ErrorKind::Network, ("Bearer tok-sent-1234", false), None, Some("tok-sent-1234"));
        assert_eq!(e.message, "getUserSessions: Bearer [redacted]");
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn requests_without_response() {
        let c = cc();
        let e = c.no_response(&OP, ErrorKind::Timeout, ("no response within 10 ms", false), None, None);
        assert_eq!((e.kind, e.message.as_str()), (ErrorKind::Timeout, "getUserSessions: no response within 10 ms"));
        let e = c.no_response(
            &OP,
            ErrorKind::Network,
            ("TypeError: fetch failed", false),
            Some("https://x/oauth2/token"),
            None,
        );
        assert_eq!(
            e.message,
            "getUserSessions: token request to https://x/oauth2/token failed: TypeError: fetch failed"
        );
        let e = c.no_response(&OP, ErrorKind::Aborted, ("AbortError", false), None, None);
        assert_eq!(e.message, "getUserSessions: aborted by the caller's signal");
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn the_client_credentials_flow() {
        let c = cc();
        assert_eq!(c.token_step(|| 0.0, None, None), TokenStep::Mint);
        let req = c.token_request().expect("token request"); // ok: test
        assert_eq!(req.url, "https://acme.kinde.com/oauth2/token");
        let t = c.accept_token(&OP, &canned(200, r#"{"access_token":"t1","expires_in":3600}"#), 0.0);
        assert_eq!(t.as_deref(), Ok("t1"));
        assert_eq!(c.token_step(|| 1.0, None, None), TokenStep::Ready("t1".into()));
        // Rejected: re-mint.
        assert_eq!(c.token_step(|| 2.0, Some("t1"), None), TokenStep::Mint);
        let e = c
            .accept_token(
                &OP,
                &canned(401, r#"{"error":"invalid_client","error_description":"very-secret-value"}"#),
                3.0,
            )
            .expect_err("401"); // ok: test
        assert_eq!((e.kind, e.operation), (ErrorKind::Auth, "getUserSessions"));
        assert!(!format!("{e:?}").contains(SECRET));
        assert_eq!(c.token_url(), Some("https://acme.kinde.com/oauth2/token"));
        assert_eq!(client(TokenSource::get_token()).token_request(), None);
        assert_eq!(client(TokenSource::Fixed("t".into())).token_url(), None);
    }
}
