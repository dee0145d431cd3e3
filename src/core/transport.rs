//! The seam between request logic and an HTTP stack.
//!
//! The client builds requests and interprets responses; a transport only
//! moves bytes. In wasm the transport is the runtime's `fetch`; in native
//! tests it is a scripted fake.

use std::future::Future;

use super::error::Error;
use super::op::Method;
use super::value::Value;

/// A request body and the content type it is sent with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutBody {
    /// `application/json`.
    Json(String),
    /// `application/x-www-form-urlencoded`.
    Form(String),
}

impl OutBody {
    /// The `Content-Type` header value.
    pub fn content_type(&self) -> &'static str {
        match self {
            OutBody::Json(_) => "application/json",
            OutBody::Form(_) => "application/x-www-form-urlencoded",
        }
    }

    /// The body text.
    pub fn text(&self) -> &str {
        match self {
            OutBody::Json(t) | OutBody::Form(t) => t,
        }
    }
}

/// A request as it goes out.
#[derive(Clone, Debug)]
pub struct Outgoing<'a> {
    /// HTTP method.
    pub method: Method,
    /// Absolute URL.
    pub url: String,
    /// The `Authorization` header value, if any. Applied after the headers
    /// the caller configured: nothing configured can replace it.
    pub authorization: Option<&'a str>,
    /// The body.
    pub body: Option<OutBody>,
}

/// A response as it came back, body already read.
pub struct Incoming<T: Transport + ?Sized> {
    /// HTTP status.
    pub status: u16,
    /// Response headers, in the transport's own form.
    pub headers: T::Headers,
    /// Response body text, in the transport's own form.
    pub text: T::Text,
}

/// An HTTP stack. It sends `Accept: application/json`, then the headers the
/// client was configured with, then the call's own (from `Ctx`), then the
/// content type and authorization of the [`Outgoing`] request.
pub trait Transport {
    /// Caller-supplied values and parsed JSON.
    type Value: Value;
    /// A response body's text (a JS string in wasm: never copied unless needed).
    type Text;
    /// Response headers.
    type Headers;
    /// Per-call options (abort signal, extra headers).
    type Ctx;
    /// The caller's own token source (`getToken`).
    type TokenSource: TokenSource;

    /// Sends a request and reads the whole response body. Network failures,
    /// timeouts and aborts come back as errors of those kinds.
    fn send(&self, req: Outgoing<'_>, ctx: Option<&Self::Ctx>) -> impl Future<Output = Result<Incoming<Self>, Error>>;
    /// Parses body text as JSON (None when it is not JSON).
    fn parse_json(&self, text: &Self::Text) -> Option<Self::Value>;
    /// The first `max` bytes of the body text, as a Rust string (cut on a
    /// character boundary).
    fn text_prefix(&self, text: &Self::Text, max: usize) -> String;
    /// Whether the body is empty.
    fn text_is_empty(&self, text: &Self::Text) -> bool;
    /// One response header.
    fn header(&self, headers: &Self::Headers, name: &str) -> Option<String>;
    /// Wall-clock time in Unix milliseconds.
    fn now_ms(&self) -> f64;
}

/// A caller-supplied source of access tokens.
pub trait TokenSource {
    /// Returns a token; `force_refresh` is set after the API rejected the
    /// previous one.
    fn token(&self, force_refresh: bool) -> impl Future<Output = Result<String, Error>>;
}
