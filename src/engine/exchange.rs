//! The two halves of an HTTP exchange as the core sees them: a request to
//! send, and a view of the response that came back.
//!
//! The core never performs I/O (it is "sans-IO"): it builds requests and
//! interprets responses, and a driver moves the bytes. In the package the
//! driver is a few lines of JS around the runtime's `fetch` (promises stay
//! native, no Rust future crosses the boundary); in native tests it is the
//! test itself.

use super::value::Value;

/// An HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HttpMethod {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl HttpMethod {
    /// The method's name on the wire.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
        }
    }
}

/// Where the file of an upload is among the call's arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Upload {
    /// The multipart part's name (`file`).
    pub part: &'static str,
    /// The index of the positional argument that holds it.
    pub arg: usize,
    /// Whether the argument is the seed's `{ file }` wrapper rather than the
    /// file itself.
    pub wrapped: bool,
}

/// A request body and the content type it is sent with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum OutBody {
    /// `application/json`.
    Json(String),
    /// `application/x-www-form-urlencoded`.
    Form(String),
    /// `multipart/form-data` with one file part, taken from the call's
    /// arguments. The driver builds the form (and its boundary) from the
    /// caller's own `Blob` or bytes.
    Multipart(Upload),
}

impl OutBody {
    /// The `Content-Type` header value.
    pub(crate) fn content_type(&self) -> &'static str {
        match self {
            OutBody::Json(_) => "application/json",
            OutBody::Form(_) => "application/x-www-form-urlencoded",
            OutBody::Multipart(..) => "multipart/form-data",
        }
    }

    /// The body text (the part name for a multipart body).
    pub(crate) fn text(&self) -> &str {
        match self {
            OutBody::Json(t) | OutBody::Form(t) => t,
            OutBody::Multipart(upload) => upload.part,
        }
    }
}

/// A request ready to send, as [`super::request::build`] makes it from an
/// operation and its arguments (or the token cache for the token endpoint).
/// The driver adds `Accept: application/json`, the
/// client's configured headers, the call's own headers, then the content
/// type and the authorization (which nothing configured can replace).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Prepared {
    /// HTTP method.
    pub method: HttpMethod,
    /// Absolute URL.
    pub url: String,
    /// The body.
    pub body: Option<OutBody>,
}

/// A response as it came back, body fully read.
pub(crate) trait Response {
    /// Parsed JSON.
    type Json: Value;
    /// HTTP status.
    fn status(&self) -> u16;
    /// Whether the body is empty.
    fn is_empty(&self) -> bool;
    /// The first `max` characters of the body.
    fn prefix(&self, max: usize) -> String;
    /// Whether the body is longer than `max` characters (what [`Response::prefix`] counts).
    fn longer_than(&self, max: usize) -> bool;
    /// The body parsed as JSON (None when it is not JSON).
    fn json(&self) -> Option<Self::Json>;
    /// One header, by lower-case name.
    fn header(&self, name: &str) -> Option<String>;
}

#[cfg(test)]
pub(crate) mod testing {
    //! A response built by hand, for native tests.
    use super::Response;
    use crate::engine::value::json::J;

    /// Status, body and headers.
    pub(crate) struct Canned(pub u16, pub String, pub Vec<(&'static str, &'static str)>);

    /// A canned response.
    pub(crate) fn canned(status: u16, body: &str) -> Canned {
        Canned(status, body.to_owned(), Vec::new())
    }

    impl Response for Canned {
        type Json = J;
        fn status(&self) -> u16 {
            self.0
        }
        fn is_empty(&self) -> bool {
            self.1.is_empty()
        }
        fn prefix(&self, max: usize) -> String {
            self.1.chars().take(max).collect()
        }
        fn longer_than(&self, max: usize) -> bool {
            self.1.chars().count() > max
        }
        fn json(&self) -> Option<J> {
            serde_json::from_str(&self.1).ok().map(|v| J(Some(v)))
        }
        fn header(&self, name: &str) -> Option<String> {
            self.2.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        }
    }
}
