//! Spikes: the crates the package leaves out, doing the work they would do,
//! so that `node benches/crates.mjs` can weigh them against the default
//! build (size of the `.wasm` and its glue, time per call). Each part exists
//! only behind its Cargo feature and never ships:
//!
//! - `spike-futures`: a whole call driven from Rust with `web-sys` and
//!   `wasm-bindgen-futures` (prepare with the core, `fetch`, read the text,
//!   finish with the core), exported as `SpikeClient.__fetchInRust`.
//! - `spike-gloo`: the same call through `gloo-net`'s `http` feature,
//!   `SpikeClient.__fetchInRustGloo`.
//! - `spike-serde`: the Kinde config and a call's options read with `serde`
//!   derive and `serde_wasm_bindgen::from_value` into the same validated
//!   values the hand-written readers make (`__serdeKindeConfig`,
//!   `__serdeCallOptions`), next to exports of those readers
//!   (`__handKindeConfig`, `__handCallOptions`) to time them against.
//!
//! The Rust-driven calls do what a Rust driver would do at the least: one
//! attempt with a token at hand (an `accessToken` or a Clerk `secretKey`),
//! no deadline, no cancellation, no retries, no token minting. What they
//! cost per call is therefore a lower bound.

#[cfg(any(feature = "spike-futures", feature = "spike-gloo"))]
mod driven {
    use std::rc::Rc;

    use js_sys::Function;
    use wasm_bindgen::prelude::*;

    use crate::engine::auth::TokenStep;
    use crate::engine::client::{Client, Outcome, now_ms};
    use crate::engine::error::{Error, ErrorKind};
    use crate::engine::exchange::{OutBody, Prepared};
    use crate::engine::op::{Operation, ParamsObject};
    use crate::wasm::error::to_js;
    use crate::wasm::exchange::JsResponse;
    use crate::wasm::js::get;

    /// A client whose calls are driven from Rust: what the package would
    /// hold if the `.wasm` performed the fetch itself.
    struct Driven {
        client: Client,
        operations: &'static [&'static Operation],
        /// The config's headers (Clerk's version header among them).
        headers: Vec<(String, String)>,
        /// The config's `fetch`, when it gave one (gloo-net cannot use it).
        #[cfg_attr(not(feature = "spike-futures"), allow(dead_code))]
        fetch: Option<Function>,
    }

    /// What one attempt sends.
    struct Attempt {
        op: &'static Operation,
        req: Prepared,
        token: String,
        headers: Vec<(String, String)>,
    }

    impl Driven {
        /// Validates the arguments (positional, then the params object if
        /// the operation has one) and collects the request's headers.
        fn attempt(&self, index: u32, args: [JsValue; 3]) -> Result<Attempt, JsValue> {
            let op = self
                .operations
                .get(index as usize)
                .copied()
                .ok_or_else(|| to_js(Error::new(ErrorKind::Validation, "unknown operation")))?;
            let arity = op.args.len().min(args.len());
            let (positional, rest) = args.split_at(arity);
            let extra = if matches!(op.params_object, ParamsObject::None) { None } else { rest.first() };
            let req = self.client.prepare(op, positional, extra).map_err(to_js)?;
            if matches!(req.body, Some(OutBody::Multipart(_))) {
                return Err(self.failed(op, ErrorKind::Validation, "the spike sends no uploads"));
            }
            let TokenStep::Ready(token) = self.client.token_step(now_ms, None, None) else {
                return Err(self.failed(op, ErrorKind::Auth, "the spike sends only with a token at hand"));
            };
            let mut headers = vec![("accept".to_owned(), "application/json".to_owned())];
            headers.extend(self.headers.iter().cloned());
            if let Some(body) = &req.body {
                headers.push(("content-type".to_owned(), body.content_type().to_owned()));
            }
            headers.push(("authorization".to_owned(), format!("Bearer {token}")));
            Ok(Attempt { op, req, token, headers })
        }

        fn failed(&self, op: &Operation, kind: ErrorKind, message: &str) -> JsValue {
            to_js(self.client.no_response(op, kind, (message, false), None, None))
        }

        /// Reads the response with the core: the data, or the error.
        fn finish(&self, attempt: &Attempt, resp: &JsResponse) -> Result<JsValue, JsValue> {
            match self.client.finish(attempt.op, resp, || attempt.token.clone(), |_| {}, false).map_err(to_js)? {
                Outcome::Done(data) => Ok(data),
                Outcome::RefreshToken => Err(self.failed(attempt.op, ErrorKind::Auth, "the API refused the token")),
            }
        }
    }

    /// A client of Kinde or Clerk whose calls run in Rust, start to end.
    #[wasm_bindgen]
    pub struct SpikeClient {
        inner: Rc<Driven>,
    }

    #[wasm_bindgen]
    impl SpikeClient {
        /// Validates `config` as `new KindeUsersApi` / `new ClerkUsersApi`
        /// do (`provider` is a `Provider` number).
        #[wasm_bindgen(constructor)]
        pub fn new(provider: u32, config: JsValue) -> Result<SpikeClient, JsValue> {
            let (client, settings, operations) = crate::wasm::api::client_of(provider, &config)?;
            let headers = settings.headers;
            let fetch = get(&config, "fetch").dyn_into::<Function>().ok();
            Ok(SpikeClient { inner: Rc::new(Driven { client, operations, headers, fetch }) })
        }
    }

    #[cfg(feature = "spike-futures")]
    mod futures {
        use std::rc::Rc;

        use js_sys::{Function, Object, Promise};
        use wasm_bindgen::prelude::*;
        use wasm_bindgen_futures::{JsFuture, future_to_promise};
        use web_sys::{RequestInit, Response};

        use super::{Driven, SpikeClient};
        use crate::engine::error::ErrorKind;
        use crate::wasm::exchange::JsResponse;
        use crate::wasm::js::{set, thrown_text};

        #[wasm_bindgen]
        extern "C" {
            /// The runtime's own `fetch(url, init)`.
            #[wasm_bindgen(catch, js_name = fetch)]
            fn global_fetch(url: &str, init: &RequestInit) -> Result<JsValue, JsValue>;
        }

        /// One call: prepare, fetch with web-sys, await the response and its
        /// text through wasm-bindgen-futures, finish.
        async fn run(d: Rc<Driven>, index: u32, args: [JsValue; 3]) -> Result<JsValue, JsValue> {
            let attempt = d.attempt(index, args)?;
            let network = |e: JsValue| {
                d.failed(attempt.op, ErrorKind::Network, &thrown_text(&e, &crate::engine::error::Secrets::default()))
            };
            let init = RequestInit::new();
            init.set_method(attempt.req.method.as_str());
            init.set_headers(&headers_object(&attempt.headers));
            if let Some(body) = &attempt.req.body {
                init.set_body(&JsValue::from_str(body.text()));
            }
            let sent = match &d.fetch {
                Some(f) => Function::call2(f, &JsValue::UNDEFINED, &JsValue::from_str(&attempt.req.url), &init),
                None => global_fetch(&attempt.req.url, &init),
            }
            .map_err(network)?;
            let res: Response = JsFuture::from(Promise::resolve(&sent))
                .await
                .map_err(network)?
                .dyn_into()
                .map_err(|_| network(JsValue::from_str("fetch resolved to something that is not a Response")))?;
            let text = JsFuture::from(res.text().map_err(network)?).await.map_err(network)?;
            if !text.is_string() {
                return Err(network(JsValue::from_str("the response body is not text")));
            }
            let resp = JsResponse { status: res.status(), text, headers: res.headers().into() };
            d.finish(&attempt, &resp)
        }

        #[wasm_bindgen]
        impl SpikeClient {
            /// Runs operation `index` with up to three arguments (positional,
            /// then its params object), from Rust: a promise of the data.
            #[wasm_bindgen(js_name = __fetchInRust)]
            pub fn fetch_in_rust(&self, index: u32, a: JsValue, b: JsValue, c: JsValue) -> Promise {
                future_to_promise(run(Rc::clone(&self.inner), index, [a, b, c]))
            }
        }

        /// Header names and values as a plain JS object (what the JS driver
        /// passes to fetch too).
        fn headers_object(list: &[(String, String)]) -> Object {
            let obj = Object::new();
            for (name, value) in list {
                set(&obj, name, &JsValue::from_str(value));
            }
            obj
        }
    }

    #[cfg(feature = "spike-gloo")]
    mod gloo {
        use std::rc::Rc;

        use gloo_net::http::{Method, RequestBuilder};
        use js_sys::Promise;
        use wasm_bindgen::prelude::*;
        use wasm_bindgen_futures::future_to_promise;

        use super::{Driven, SpikeClient};
        use crate::engine::error::ErrorKind;
        use crate::engine::exchange::HttpMethod;
        use crate::wasm::exchange::JsResponse;

        fn method(m: HttpMethod) -> Method {
            match m {
                HttpMethod::Get => Method::GET,
                HttpMethod::Post => Method::POST,
                HttpMethod::Put => Method::PUT,
                HttpMethod::Patch => Method::PATCH,
                HttpMethod::Delete => Method::DELETE,
            }
        }

        /// One call through gloo-net (always the runtime's global `fetch`:
        /// gloo-net takes no fetch function).
        async fn run(d: Rc<Driven>, index: u32, args: [JsValue; 3]) -> Result<JsValue, JsValue> {
            let attempt = d.attempt(index, args)?;
            let network = |e: gloo_net::Error| d.failed(attempt.op, ErrorKind::Network, &e.to_string());
            let mut builder = RequestBuilder::new(&attempt.req.url).method(method(attempt.req.method));
            for (name, value) in &attempt.headers {
                builder = builder.header(name, value);
            }
            let request = match &attempt.req.body {
                Some(body) => builder.body(body.text()),
                None => builder.build(),
            }
            .map_err(network)?;
            let res = request.send().await.map_err(network)?;
            let status = res.status();
            let headers = JsValue::from(res.headers().into_raw());
            let text = res.text().await.map_err(network)?;
            d.finish(&attempt, &JsResponse { status, text: JsValue::from_str(&text), headers })
        }

        #[wasm_bindgen]
        impl SpikeClient {
            /// Runs operation `index` as [`SpikeClient::fetch_in_rust`] does,
            /// through gloo-net.
            #[wasm_bindgen(js_name = __fetchInRustGloo)]
            pub fn fetch_in_rust_gloo(&self, index: u32, a: JsValue, b: JsValue, c: JsValue) -> Promise {
                future_to_promise(run(Rc::clone(&self.inner), index, [a, b, c]))
            }
        }
    }
}

#[cfg(all(feature = "spike-serde", feature = "kinde"))]
mod serde_read {
    //! The Kinde config and the call options read with serde: typed fields
    //! first (serde-wasm-bindgen), then the checks serde cannot express
    //! (ranges, one way to authenticate, header names), written by hand.

    use std::collections::BTreeMap;

    use js_sys::Function;
    use serde::Deserialize;
    use wasm_bindgen::prelude::*;

    use crate::engine::auth::Grant;
    use crate::engine::config::{DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, Settings, base_url};
    use crate::engine::error::Error;
    use crate::engine::retry::{MAX_RETRIES, RetryPolicy};
    use crate::kinde::PROVIDER;
    use crate::kinde::config::{KindeAuth, KindeConfig};
    use crate::wasm::error::to_js;
    use crate::wasm::exchange::{call_options, headers_js};
    use crate::wasm::js::{get, in_browser, set};
    use crate::wasm::protocol;

    /// `KindeUsersApiConfig` as serde reads it.
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct KindeConfigSerde {
        domain: Option<String>,
        access_token: Option<String>,
        client_id: Option<String>,
        client_secret: Option<String>,
        audience: Option<String>,
        #[serde(default, with = "serde_wasm_bindgen::preserve")]
        get_token: JsValue,
        #[serde(default, with = "serde_wasm_bindgen::preserve")]
        fetch: JsValue,
        headers: Option<BTreeMap<String, String>>,
        timeout_ms: Option<u32>,
        retries: Option<u32>,
        max_retry_delay_ms: Option<u32>,
        dangerously_allow_browser: Option<bool>,
    }

    /// A call's options as serde reads them.
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct CallOptionsSerde {
        #[serde(default, with = "serde_wasm_bindgen::preserve")]
        signal: JsValue,
        headers: Option<BTreeMap<String, String>>,
        timeout_ms: Option<u32>,
        retries: Option<u32>,
        max_retry_delay_ms: Option<u32>,
        retry_non_idempotent: Option<bool>,
    }

    /// What serde itself reports, under the name of the whole object: it
    /// does not say which option it was reading.
    fn serde_error(label: &str, e: serde_wasm_bindgen::Error) -> Error {
        // serde-wasm-bindgen's errors are JS `Error`s; their text is `String(error)`.
        let text = e.to_string();
        Error::invalid(label, &format!("is invalid: {}", text.strip_prefix("Error: ").unwrap_or(&text)))
    }

    fn non_empty(value: Option<String>, param: &str) -> Result<Option<String>, Error> {
        match value {
            Some(s) if s.trim().is_empty() => Err(Error::invalid(param, "must not be empty")),
            other => Ok(other),
        }
    }

    fn function(value: JsValue, param: &str) -> Result<Option<Function>, Error> {
        if value.is_undefined() {
            return Ok(None);
        }
        value.dyn_into::<Function>().map(Some).map_err(|_| Error::invalid(param, "must be a function"))
    }

    fn in_range(value: Option<u32>, param: &str, min: u32, max: u32) -> Result<Option<u32>, Error> {
        match value {
            Some(n) if n < min || n > max => {
                Err(Error::invalid(param, &format!("must be a whole number from {min} to {max}")))
            }
            other => Ok(other),
        }
    }

    /// The header rules of `crate::engine::config::headers`, over a map.
    fn header_list(map: Option<BTreeMap<String, String>>, label: &str) -> Result<Vec<(String, String)>, Error> {
        let mut out: Vec<(String, String)> = Vec::new();
        for (key, text) in map.unwrap_or_default() {
            let at = format!("{label}.{key}");
            let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
            if key.is_empty() || !key.chars().all(token) {
                return Err(Error::invalid(&at, "is not a valid header name"));
            }
            let name = key.to_ascii_lowercase();
            if name == "__proto__" {
                return Err(Error::invalid(&at, "is not a header name this client can send"));
            }
            if name == "authorization" {
                return Err(Error::invalid(
                    &at,
                    "cannot be set here; authentication comes from the client's credentials",
                ));
            }
            if text.contains(['\r', '\n', '\0']) {
                return Err(Error::invalid(&at, "must not contain line breaks"));
            }
            out.retain(|(n, _)| *n != name);
            out.push((name, text));
        }
        Ok(out)
    }

    /// The validated config, its `fetch` and `getToken`, from serde.
    fn kinde_serde(config: JsValue, in_browser: bool) -> Result<(KindeConfig, JsValue, JsValue), Error> {
        let c: KindeConfigSerde = serde_wasm_bindgen::from_value(config).map_err(|e| serde_error("config", e))?;
        let domain = non_empty(c.domain, "config.domain")?
            .ok_or_else(|| Error::invalid("config.domain", "is required (e.g. \"acme.kinde.com\")"))?;
        let base_url = base_url(&domain, "config.domain")?;
        let access_token = non_empty(c.access_token, "config.accessToken")?;
        let client_id = non_empty(c.client_id, "config.clientId")?;
        let client_secret = non_empty(c.client_secret, "config.clientSecret")?;
        let audience = non_empty(c.audience, "config.audience")?;
        let get_token = function(c.get_token, "config.getToken")?;
        let fetch = function(c.fetch, "config.fetch")?;
        let modes = [access_token.is_some(), client_id.is_some() || client_secret.is_some(), get_token.is_some()];
        if modes.iter().filter(|m| **m).count() != 1 {
            return Err(Error::invalid(
                "config",
                "needs exactly one way to authenticate: accessToken, clientId + clientSecret, or getToken",
            ));
        }
        if in_browser && client_secret.is_some() && c.dangerously_allow_browser != Some(true) {
            return Err(Error::invalid("config.clientSecret", "is a secret, and this is a browser page"));
        }
        if audience.is_some() && client_id.is_none() {
            return Err(Error::invalid("config.audience", "applies only with clientId + clientSecret"));
        }
        let auth = match (access_token, client_id, client_secret) {
            (Some(token), _, _) => KindeAuth::Fixed(token),
            (None, Some(client_id), Some(client_secret)) => KindeAuth::Mint(Grant {
                token_url: format!("{base_url}/oauth2/token"),
                audience: audience.unwrap_or_else(|| format!("{base_url}/api")),
                client_id,
                client_secret,
            }),
            (None, Some(_), None) => return Err(Error::invalid("config.clientSecret", "is required with clientId")),
            (None, None, Some(_)) => return Err(Error::invalid("config.clientId", "is required with clientSecret")),
            (None, None, None) => KindeAuth::GetToken,
        };
        let d = RetryPolicy::default();
        let parsed = KindeConfig {
            base_url,
            auth,
            settings: Settings {
                headers: header_list(c.headers, "config.headers")?,
                timeout_ms: in_range(c.timeout_ms, "config.timeoutMs", 1, MAX_TIMEOUT_MS)?
                    .unwrap_or(DEFAULT_TIMEOUT_MS),
                custom_fetch: fetch.is_some(),
                retry: RetryPolicy {
                    retries: in_range(c.retries, "config.retries", 0, MAX_RETRIES)?.unwrap_or(d.retries),
                    max_delay_ms: in_range(c.max_retry_delay_ms, "config.maxRetryDelayMs", 0, MAX_TIMEOUT_MS)?
                        .unwrap_or(d.max_delay_ms),
                    non_idempotent: false,
                },
            },
        };
        let js = |f: Option<Function>| f.map_or(JsValue::UNDEFINED, JsValue::from);
        Ok((parsed, js(fetch), js(get_token)))
    }

    /// Everything a config yields, as one JS object: the driver's settings
    /// plus `baseUrl`, `auth`, `retries` and `maxRetryDelayMs`.
    fn config_js(c: &KindeConfig, fetch: JsValue, get_token: JsValue) -> JsValue {
        let t = &c.settings;
        let fetch = if t.custom_fetch { fetch } else { JsValue::UNDEFINED };
        let out = protocol::settings(fetch, t.timeout_ms, headers_js(&t.headers), get_token);
        let auth = match &c.auth {
            KindeAuth::Fixed(_) => "accessToken",
            KindeAuth::Mint(_) => "clientCredentials",
            KindeAuth::GetToken => "getToken",
        };
        set(&out, "baseUrl", &JsValue::from_str(&c.base_url));
        set(&out, "auth", &JsValue::from_str(auth));
        set(&out, "retries", &JsValue::from(t.retry.retries));
        set(&out, "maxRetryDelayMs", &JsValue::from(t.retry.max_delay_ms));
        out
    }

    /// Reads a `KindeUsersApi` config with serde into what the constructor
    /// keeps (see `config_js`); throws the `IdpUsersError` it would.
    #[wasm_bindgen(js_name = __serdeKindeConfig)]
    pub fn serde_kinde_config(config: JsValue) -> Result<JsValue, JsValue> {
        let (c, fetch, get_token) =
            kinde_serde(config, in_browser()).map_err(|e| to_js(e.during(PROVIDER, "KindeUsersApi")))?;
        Ok(config_js(&c, fetch, get_token))
    }

    /// The same through the hand-written reader the package uses.
    #[wasm_bindgen(js_name = __handKindeConfig)]
    pub fn hand_kinde_config(config: JsValue) -> Result<JsValue, JsValue> {
        let c = KindeConfig::parse(&config, in_browser()).map_err(|e| to_js(e.during(PROVIDER, "KindeUsersApi")))?;
        let function = |key: &str| get(&config, key).dyn_into::<Function>().map_or(JsValue::UNDEFINED, JsValue::from);
        Ok(config_js(&c, function("fetch"), function("getToken")))
    }

    /// Reads a call's options with serde into the driver's
    /// `protocol::call_options` (undefined when none were given).
    #[wasm_bindgen(js_name = __serdeCallOptions)]
    pub fn serde_call_options(options: JsValue) -> Result<JsValue, JsValue> {
        if options.is_undefined() || options.is_null() {
            return Ok(JsValue::UNDEFINED);
        }
        let o: CallOptionsSerde = serde_wasm_bindgen::from_value(options)
            .map_err(|e| to_js(serde_error("options", e).during(PROVIDER, "getUserData")))?;
        let checked = (|| {
            let signal = o.signal;
            if !signal.is_undefined() && !signal.is_null() {
                let duck =
                    get(&signal, "aborted").as_bool().is_some() && get(&signal, "addEventListener").is_function();
                if !duck {
                    return Err(Error::invalid("options.signal", "must be an AbortSignal"));
                }
            }
            let list = header_list(o.headers, "options.headers")?;
            let headers = if list.is_empty() { JsValue::UNDEFINED } else { headers_js(&list) };
            let number = |n: Option<u32>| n.map_or(JsValue::UNDEFINED, JsValue::from);
            let timeout = number(in_range(o.timeout_ms, "options.timeoutMs", 1, MAX_TIMEOUT_MS)?);
            let retries = number(in_range(o.retries, "options.retries", 0, MAX_RETRIES)?);
            let max_delay = number(in_range(o.max_retry_delay_ms, "options.maxRetryDelayMs", 0, MAX_TIMEOUT_MS)?);
            let non_idempotent = o.retry_non_idempotent.map_or(JsValue::UNDEFINED, JsValue::from);
            Ok(protocol::call_options(signal, headers, timeout, retries, max_delay, non_idempotent))
        })();
        checked.map_err(|e| to_js(e.during(PROVIDER, "getUserData")))
    }

    /// The same through the hand-written reader the package uses.
    #[wasm_bindgen(js_name = __handCallOptions)]
    pub fn hand_call_options(options: JsValue) -> Result<JsValue, JsValue> {
        call_options(&options).map_err(|e| to_js(e.during(PROVIDER, "getUserData")))
    }
}
