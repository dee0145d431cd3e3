//! The protocol between this module and the package's JS driver
//! (`pkg-template/glue.js`), named once.
//!
//! Numbers the driver passes in are the exported enums below (wasm-bindgen
//! writes them into the JS glue as frozen objects: `Provider.Kinde`). What
//! wasm hands back is built by the functions of `pkg-template/runtime.js`
//! imported here, one per shape, so the driver reads every field by name;
//! their parameters are declared in the same order on both sides, and
//! `src/wasm/tests.rs` checks each shape from Rust.

use wasm_bindgen::prelude::*;

/// The provider of a client: `new UsersApi(Provider.Kinde, config)`.
#[wasm_bindgen]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provider {
    /// The Kinde Management API (`KindeUsersApi`).
    Kinde = 0,
    /// The Clerk Backend API (`ClerkUsersApi`).
    Clerk = 1,
}

impl Provider {
    /// The provider numbered `n`, if any (the number comes from JS).
    pub(crate) fn from_number(n: u32) -> Option<Provider> {
        match n {
            0 => Some(Provider::Kinde),
            1 => Some(Provider::Clerk),
            _ => None,
        }
    }
}

/// Where the token for a call must come from, when `__token` has none at
/// hand (it then returns one of these numbers instead of a string; a fixed
/// token is the string itself).
#[wasm_bindgen]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenSource {
    /// Mint one: send `__tokenRequest()` (once for all waiting calls) and
    /// pass the answer to `__tokenResponse`.
    Mint = 1,
    /// Call the config's `getToken` and pass what it gives to `__gotToken`.
    GetToken = 2,
}

/// An HTTP method. A string enum: wasm-bindgen hands JS the string from a
/// table in its glue, so no text is decoded per request.
#[wasm_bindgen]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HttpMethod {
    /// GET
    Get = "GET",
    /// POST
    Post = "POST",
    /// PUT
    Put = "PUT",
    /// PATCH
    Patch = "PATCH",
    /// DELETE
    Delete = "DELETE",
}

impl From<crate::engine::exchange::HttpMethod> for HttpMethod {
    fn from(m: crate::engine::exchange::HttpMethod) -> HttpMethod {
        use crate::engine::exchange::HttpMethod as Method;
        match m {
            Method::Get => HttpMethod::Get,
            Method::Post => HttpMethod::Post,
            Method::Put => HttpMethod::Put,
            Method::Patch => HttpMethod::Patch,
            Method::Delete => HttpMethod::Delete,
        }
    }
}

#[wasm_bindgen(module = "/pkg-template/runtime.js")]
extern "C" {
    /// `{ url, method, body, contentType, options }`: a request for the
    /// driver to send. `body` is text, an [`upload`], or undefined.
    pub fn request(url: &str, method: HttpMethod, body: JsValue, content_type: JsValue, options: JsValue) -> JsValue;

    /// `{ part, file }`: a multipart body.
    pub fn upload(part: &str, file: JsValue) -> JsValue;

    /// `{ signal, headers, timeoutMs, retries, maxRetryDelayMs,
    /// retryNonIdempotent }`: a call's validated options.
    #[wasm_bindgen(js_name = callOptions)]
    pub fn call_options(
        signal: JsValue,
        headers: JsValue,
        timeout_ms: JsValue,
        retries: JsValue,
        max_retry_delay_ms: JsValue,
        retry_non_idempotent: JsValue,
    ) -> JsValue;

    /// `{ fetch, timeoutMs, headers, getToken }`: a client's settings.
    pub fn settings(fetch: JsValue, timeout_ms: u32, headers: JsValue, get_token: JsValue) -> JsValue;

    /// `{ name, arity, paged, sizeParam, pageSize }`: an operation of a
    /// client class (`pageSize`: what iteration asks for when the caller
    /// chose no page size).
    pub fn operation(name: &str, arity: u32, paged: bool, size_param: Option<String>, page_size: u32) -> JsValue;

    /// `{ items, param, value }`: a page of a list and how to ask for the next.
    pub fn page(items: JsValue, param: JsValue, value: JsValue) -> JsValue;

    /// `{ error, failures, sent, random, remainingMs, options }`: what
    /// `__retryDelay` decides on, built by the driver (read by
    /// [`read_failed_attempt`]; imported here for the shape test only).
    #[cfg(test)]
    #[wasm_bindgen(js_name = failedAttempt)]
    pub fn failed_attempt(
        error: JsValue,
        failures: u32,
        sent: bool,
        random: f64,
        remaining_ms: f64,
        options: JsValue,
    ) -> JsValue;
}

/// A failed attempt (runtime.js's `failedAttempt`) as Rust reads it.
pub struct FailedAttemptJs {
    /// The `IdpUsersError` the attempt ended with (made by this module).
    pub error: JsValue,
    /// How many attempts of the call failed so far (1 after the first).
    pub failures: u32,
    /// Whether the operation's own request went out (a failed token
    /// request did not send it).
    pub sent: bool,
    /// A number in `[0, 1)` for the jitter.
    pub random: f64,
    /// The time left before the call's deadline.
    pub remaining_ms: f64,
    /// The call's [`call_options`], or undefined.
    pub options: JsValue,
}

/// Reads the driver's `failedAttempt` by field name. A field that is
/// not what the driver passes reads as giving up: no failures left, nothing
/// to wait for.
pub fn read_failed_attempt(attempt: &JsValue) -> FailedAttemptJs {
    use super::js::get;
    let number = |key: &str| get(attempt, key).as_f64().unwrap_or(f64::NAN);
    FailedAttemptJs {
        error: get(attempt, "error"),
        // NaN and anything over u32::MAX saturate: no retry budget left.
        failures: if number("failures") >= 0.0 { number("failures") as u32 } else { u32::MAX },
        sent: get(attempt, "sent").as_bool().unwrap_or(true),
        random: number("random"),
        remaining_ms: number("remainingMs"),
        options: get(attempt, "options"),
    }
}
