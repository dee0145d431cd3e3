//! Runs one operation: validate, authenticate, send, re-mint a rejected
//! token once, and map failures onto [`Error`].

use std::rc::Rc;

use super::auth::Auth;
use super::error::{BODY_LIMIT, Error, ErrorKind, parse_retry_after, read_error_body};
use super::op::Operation;
use super::request::{HttpRequest, build};
use super::transport::{Incoming, OutBody, Outgoing, Transport};

/// Everything a provider client needs, over any transport.
pub struct Client<T: Transport> {
    /// Provider name for errors (`kinde`).
    pub provider: &'static str,
    /// API base URL without a trailing slash (`https://acme.kinde.com`).
    pub base_url: String,
    /// The HTTP stack.
    pub transport: Rc<T>,
    /// How requests are authenticated.
    pub auth: Auth<T::TokenSource>,
}

impl<T: Transport + 'static> Client<T> {
    /// Validates the arguments and runs the operation. A 2xx response is
    /// returned as is; anything else is an [`Error`].
    pub async fn execute(
        &self,
        op: &'static Operation,
        args: &[T::Value],
        extra: Option<&T::Value>,
        ctx: Option<&T::Ctx>,
    ) -> Result<Incoming<T>, Error> {
        let result = match build(op, args, extra) {
            Ok(req) => self.send(&req, ctx).await,
            Err(e) => Err(e),
        };
        result.map_err(|e| e.during(self.provider, op.name).redact(&self.auth.secrets()))
    }

    async fn send(&self, req: &HttpRequest, ctx: Option<&T::Ctx>) -> Result<Incoming<T>, Error> {
        let mut rejected: Option<String> = None;
        loop {
            let token = self.auth.token(&self.transport, rejected.as_deref()).await?;
            let authorization = format!("Bearer {token}");
            let out = Outgoing {
                method: req.method,
                url: format!("{}{}", self.base_url, req.path),
                authorization: Some(&authorization),
                body: req.body.clone().map(OutBody::Json),
            };
            let resp = self.transport.send(out, ctx).await?;
            if (200..300).contains(&resp.status) {
                return Ok(resp);
            }
            // Kinde documents expired or revoked tokens as 403; 401 is the HTTP norm.
            if matches!(resp.status, 401 | 403) && rejected.is_none() && self.auth.can_refresh() {
                rejected = Some(token);
                continue;
            }
            return Err(self.api_error(&resp).redact(&[&token]));
        }
    }

    /// Maps a non-2xx response onto an [`Error`].
    pub fn api_error(&self, resp: &Incoming<T>) -> Error {
        let t = &*self.transport;
        let mut e = Error::new(ErrorKind::Api, String::new());
        e.status = Some(resp.status);
        if !t.text_is_empty(&resp.text) {
            e.body = Some(t.text_prefix(&resp.text, BODY_LIMIT));
            if let Some(json) = t.parse_json(&resp.text) {
                read_error_body(&json, &mut e);
            }
        }
        e.retry_after_ms = t.header(&resp.headers, "retry-after").and_then(|v| parse_retry_after(&v, t.now_ms()));
        if e.trace_id.is_none() {
            e.trace_id = t.header(&resp.headers, "cf-ray");
        }
        let detail: Vec<String> = e
            .codes
            .iter()
            .zip(e.messages.iter())
            .map(|(c, m)| format!("{c}: {m}"))
            .chain(e.codes.iter().skip(e.messages.len()).cloned())
            .chain(e.messages.iter().skip(e.codes.len()).cloned())
            .collect();
        e.message = if detail.is_empty() {
            format!("HTTP {}", resp.status)
        } else {
            format!("HTTP {} ({})", resp.status, detail.join("; "))
        };
        e
    }
}

#[cfg(test)]
mod tests {
    //! The client's flow over a scripted transport.
    use std::cell::{Cell, RefCell};
    use std::collections::VecDeque;
    use std::rc::Rc;

    use futures_executor::block_on;
    use futures_util::future::join_all;

    use super::*;
    use crate::core::auth::{Grant, TokenCache};
    use crate::core::op::{Arg, Extra, Method};
    use crate::core::transport::TokenSource;
    use crate::core::value::json::{J, j};

    type Headers = Vec<(&'static str, &'static str)>;
    /// A scripted answer: status, body, headers.
    type Answer = Result<(u16, &'static str, Headers), Error>;
    /// What was sent: URL, authorization, body.
    type Sent = (String, Option<String>, Option<String>);

    /// A transport that answers from a script and records what it was sent.
    #[derive(Default)]
    struct Script {
        answers: RefCell<VecDeque<Answer>>,
        sent: RefCell<Vec<Sent>>,
        now: Cell<f64>,
        /// Answers to token requests: (status, body).
        tokens: RefCell<VecDeque<(u16, &'static str)>>,
        token_requests: Cell<u32>,
    }

    struct Source(RefCell<Vec<bool>>);

    impl TokenSource for Source {
        async fn token(&self, force_refresh: bool) -> Result<String, Error> {
            self.0.borrow_mut().push(force_refresh);
            Ok(format!("custom-{}", self.0.borrow().len()))
        }
    }

    impl Transport for Script {
        type Value = J;
        type Text = String;
        type Headers = Headers;
        type Ctx = ();
        type TokenSource = Source;

        async fn send(&self, req: Outgoing<'_>, _ctx: Option<&()>) -> Result<Incoming<Self>, Error> {
            if req.url.ends_with("/oauth2/token") {
                self.token_requests.set(self.token_requests.get() + 1);
                // Let every waiting caller run before the answer arrives.
                futures_util::future::ready(()).await;
                let (status, body) = self.tokens.borrow_mut().pop_front().unwrap_or((500, ""));
                return Ok(Incoming { status, headers: vec![], text: body.to_owned() });
            }
            self.sent.borrow_mut().push((
                req.url,
                req.authorization.map(str::to_owned),
                req.body.map(|b| b.text().to_owned()),
            ));
            let (status, body, headers) = self.answers.borrow_mut().pop_front().unwrap_or(Ok((500, "", vec![])))?;
            Ok(Incoming { status, headers, text: body.to_owned() })
        }
        fn parse_json(&self, text: &String) -> Option<J> {
            serde_json::from_str(text).ok().map(|v| J(Some(v)))
        }
        fn text_prefix(&self, text: &String, max: usize) -> String {
            text.chars().take(max).collect()
        }
        fn text_is_empty(&self, text: &String) -> bool {
            text.is_empty()
        }
        fn header(&self, headers: &Self::Headers, name: &str) -> Option<String> {
            headers.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        }
        fn now_ms(&self) -> f64 {
            self.now.get()
        }
    }

    static OP: Operation = Operation {
        name: "getUserSessions",
        seed: "get_user_sessions",
        method: Method::Get,
        path: "/api/v1/users/{user_id}/sessions",
        args: &[Arg::path("userId", "user_id", "")],
        extra: Extra::None,
        result: "R",
        doc: "",
    };

    const SECRET: &str = "very-secret-value";

    fn client(auth: Auth<Source>) -> Client<Script> {
        Client {
            provider: "kinde",
            base_url: "https://acme.kinde.com".into(),
            transport: Rc::new(Script::default()),
            auth,
        }
    }

    fn cc() -> Auth<Source> {
        Auth::ClientCredentials(TokenCache::new(Grant {
            token_url: "https://acme.kinde.com/oauth2/token".into(),
            client_id: "cid".into(),
            client_secret: SECRET.into(),
            audience: "https://acme.kinde.com/api".into(),
        }))
    }

    fn ok(c: &Client<Script>) {
        c.transport.answers.borrow_mut().push_back(Ok((200, "{}", vec![])));
    }

    fn run(c: &Client<Script>) -> Result<u16, Error> {
        block_on(c.execute(&OP, &[j("\"kp_1\"")], None, None)).map(|r| r.status)
    }

    #[test]
    fn static_token_and_url() {
        let c = client(Auth::Static("tok".into()));
        ok(&c);
        assert_eq!(run(&c), Ok(200));
        let sent = c.transport.sent.borrow();
        assert_eq!(sent[0].0, "https://acme.kinde.com/api/v1/users/kp_1/sessions");
        assert_eq!(sent[0].1.as_deref(), Some("Bearer tok"));
    }

    #[test]
    fn validation_errors_send_nothing() {
        let c = client(Auth::Static("tok".into()));
        let e = block_on(c.execute(&OP, &[j("\"\"")], None, None)).err();
        let e = e.expect("validation error"); // ok: test
        assert_eq!(e.kind, ErrorKind::Validation);
        assert_eq!(e.operation, "getUserSessions");
        assert_eq!(e.message, "getUserSessions: userId must not be empty");
        assert!(c.transport.sent.borrow().is_empty());
    }

    #[test]
    fn tokens_are_cached_until_shortly_before_expiry() {
        let c = client(cc());
        c.transport.tokens.borrow_mut().extend([
            (200, r#"{"access_token":"t1","expires_in":100,"token_type":"bearer"}"#),
            (200, r#"{"access_token":"t2","expires_in":100}"#),
        ]);
        for _ in 0..3 {
            ok(&c);
            assert_eq!(run(&c), Ok(200));
        }
        assert_eq!(c.transport.token_requests.get(), 1);
        // 100 s lifetime: refreshed after 90 s.
        c.transport.now.set(89_000.0);
        ok(&c);
        assert_eq!(run(&c), Ok(200));
        assert_eq!(c.transport.token_requests.get(), 1);
        c.transport.now.set(90_001.0);
        ok(&c);
        assert_eq!(run(&c), Ok(200));
        assert_eq!(c.transport.token_requests.get(), 2);
        let auths: Vec<_> = c.transport.sent.borrow().iter().map(|s| s.1.clone().unwrap_or_default()).collect();
        assert_eq!(auths, ["Bearer t1", "Bearer t1", "Bearer t1", "Bearer t1", "Bearer t2"]);
    }

    #[test]
    fn one_token_request_however_many_callers_wait() {
        let c = client(cc());
        c.transport.tokens.borrow_mut().push_back((200, r#"{"access_token":"t1","expires_in":3600}"#));
        for _ in 0..10 {
            ok(&c);
        }
        let args = [j("\"kp_1\"")];
        let calls = (0..10).map(|_| c.execute(&OP, &args, None, None));
        let results = block_on(join_all(calls));
        assert!(results.iter().all(|r| r.as_ref().is_ok_and(|r| r.status == 200)));
        assert_eq!(c.transport.token_requests.get(), 1);
    }

    #[test]
    fn a_rejected_token_is_reminted_once() {
        let c = client(cc());
        c.transport.tokens.borrow_mut().extend([
            (200, r#"{"access_token":"t1","expires_in":3600}"#),
            (200, r#"{"access_token":"t2","expires_in":3600}"#),
            (200, r#"{"access_token":"t3","expires_in":3600}"#),
        ]);
        c.transport.answers.borrow_mut().extend([Ok((403, "", vec![])), Ok((200, "{}", vec![]))]);
        assert_eq!(run(&c), Ok(200));
        assert_eq!(c.transport.token_requests.get(), 2);
        // Rejected again after re-minting: the error surfaces, no third token.
        c.transport.answers.borrow_mut().extend([Ok((401, "", vec![])), Ok((401, "", vec![]))]);
        let e = run(&c).expect_err("rejected twice"); // ok: test
        assert_eq!((e.kind, e.status), (ErrorKind::Api, Some(401)));
        assert_eq!(c.transport.token_requests.get(), 3);
    }

    #[test]
    fn static_tokens_are_not_retried() {
        let c = client(Auth::Static("tok-static-1".into()));
        c.transport.answers.borrow_mut().push_back(Ok((403, "", vec![])));
        let e = run(&c).expect_err("403"); // ok: test
        assert_eq!(e.status, Some(403));
        assert_eq!(c.transport.sent.borrow().len(), 1);
    }

    #[test]
    fn custom_sources_are_asked_to_refresh() {
        let c = client(Auth::Source(Source(RefCell::new(vec![]))));
        c.transport.answers.borrow_mut().extend([Ok((401, "", vec![])), Ok((200, "{}", vec![]))]);
        assert_eq!(run(&c), Ok(200));
        let Auth::Source(s) = &c.auth else { unreachable!() };
        assert_eq!(*s.0.borrow(), [false, true]);
        assert_eq!(c.transport.sent.borrow()[1].1.as_deref(), Some("Bearer custom-2"));
    }

    #[test]
    fn failed_token_requests_carry_the_answer_but_not_the_secret() {
        let c = client(cc());
        c.transport
            .tokens
            .borrow_mut()
            .push_back((401, r#"{"error":"invalid_client","error_description":"bad secret very-secret-value"}"#));
        let e = run(&c).expect_err("auth"); // ok: test
        assert_eq!(e.kind, ErrorKind::Auth);
        assert_eq!(e.status, Some(401));
        assert_eq!(e.codes, ["invalid_client"]);
        assert!(e.message.contains("invalid_client"), "{}", e.message);
        assert!(!format!("{e:?}").contains(SECRET));
        assert!(c.transport.sent.borrow().is_empty());
        // The failure is not cached: the next call asks again.
        c.transport.tokens.borrow_mut().push_back((200, r#"{"access_token":"t9"}"#));
        ok(&c);
        assert_eq!(run(&c), Ok(200));
    }

    #[test]
    fn token_responses_without_a_token_are_auth_errors() {
        let c = client(cc());
        c.transport.tokens.borrow_mut().push_back((200, r#"{"token_type":"bearer"}"#));
        assert_eq!(run(&c).map_err(|e| e.kind), Err(ErrorKind::Auth));
    }

    #[test]
    fn api_errors_are_mapped() {
        let c = client(Auth::Static("tok-static-1".into()));
        c.transport.answers.borrow_mut().push_back(Ok((
            404,
            r#"{"errors":{"code":"USER_NOT_FOUND","message":"No user with id kp_1"}}"#,
            vec![("retry-after", "3"), ("cf-ray", "ray-1")],
        )));
        let e = run(&c).expect_err("404"); // ok: test
        assert_eq!(e.kind, ErrorKind::Api);
        assert_eq!(e.status, Some(404));
        assert_eq!(e.codes, ["USER_NOT_FOUND"]);
        assert_eq!(e.message, "getUserSessions: HTTP 404 (USER_NOT_FOUND: No user with id kp_1)");
        assert_eq!(e.retry_after_ms, Some(3000));
        assert_eq!(e.trace_id.as_deref(), Some("ray-1"));
        assert_eq!(e.provider, "kinde");
    }

    #[test]
    fn bodiless_and_non_json_errors() {
        let c = client(Auth::Static("tok-static-1".into()));
        c.transport
            .answers
            .borrow_mut()
            .extend([Ok((429, "", vec![("retry-after", "1")])), Ok((502, "<html>bad gateway</html>", vec![]))]);
        let e = run(&c).expect_err("429"); // ok: test
        assert_eq!((e.status, e.body.clone(), e.retry_after_ms), (Some(429), None, Some(1000)));
        assert_eq!(e.message, "getUserSessions: HTTP 429");
        let e = run(&c).expect_err("502"); // ok: test
        assert_eq!(e.body.as_deref(), Some("<html>bad gateway</html>"));
        assert!(e.codes.is_empty());
    }

    #[test]
    fn error_bodies_are_truncated_and_scrubbed() {
        let c = client(Auth::Static("tok-static-1".into()));
        let long: &'static str =
            Box::leak(format!("{{\"echo\":\"tok-static-1\",\"pad\":\"{}\"}}", "x".repeat(5000)).into_boxed_str());
        c.transport.answers.borrow_mut().push_back(Ok((400, long, vec![])));
        let e = run(&c).expect_err("400"); // ok: test
        let body = e.body.clone().unwrap_or_default();
        assert!(body.len() <= BODY_LIMIT + 10, "{}", body.len());
        assert!(!body.contains("tok-static-1"));
    }

    #[test]
    fn network_errors_pass_through_with_the_operation() {
        let c = client(Auth::Static("tok".into()));
        c.transport.answers.borrow_mut().push_back(Err(Error::new(ErrorKind::Timeout, "timed out after 10 ms")));
        let e = run(&c).expect_err("timeout"); // ok: test
        assert_eq!(e.kind, ErrorKind::Timeout);
        assert_eq!(e.message, "getUserSessions: timed out after 10 ms");
    }
}
