//! The exported client classes.

use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::error::to_js;
use super::js::{get, json_parse, set};
use super::transport::{CallOptions, FetchTransport, JsTokenSource, headers_js, headers_object};
use crate::core::auth::{Auth, TokenCache};
use crate::core::client::Client;
use crate::core::error::{BODY_LIMIT, Error, ErrorKind};
use crate::core::op::{Extra, Operation};
use crate::core::transport::Transport;
use crate::kinde::config::{KindeAuth, KindeConfig};
use crate::kinde::{self, users};

type JsClient = Rc<Client<FetchTransport>>;

fn operation_names(ops: &[&Operation]) -> Array {
    ops.iter().map(|op| JsValue::from_str(op.name)).collect()
}

/// Runs operation `index` of `ops` with the raw JS arguments of a method
/// call: the positional arguments, then the optional object if the operation
/// has one, then the request options. Resolves to the parsed body, or
/// `{ data, status, headers }` for the `...WithHttpInfo` twin.
fn run(client: &JsClient, ops: &'static [&'static Operation], index: u32, args: [JsValue; 5], info: bool) -> Promise {
    let Some(op) = ops.get(index as usize).copied() else {
        return Promise::reject(&to_js(Error::new(ErrorKind::Validation, "unknown operation")));
    };
    let client = client.clone();
    let mut args = args.into_iter();
    let positional: Vec<JsValue> = args.by_ref().take(op.args.len()).collect();
    let extra = match op.extra {
        Extra::None => None,
        _ => args.next(),
    };
    let options = args.next().unwrap_or(JsValue::UNDEFINED);
    future_to_promise(async move {
        let during = |e: Error| to_js(e.during(client.provider, op.name));
        let ctx = CallOptions::parse(&options).map_err(during)?;
        let resp = client.execute(op, &positional, extra.as_ref(), Some(&ctx)).await.map_err(to_js)?;
        let t = &*client.transport;
        let data = if t.text_is_empty(&resp.text) {
            // Every documented success has a body; an empty one is read as `{}`.
            Object::new().into()
        } else {
            json_parse(&resp.text).map_err(|_| {
                let mut e = Error::new(ErrorKind::Decode, format!("HTTP {} with a body that is not JSON", resp.status));
                e.status = Some(resp.status);
                e.body = Some(t.text_prefix(&resp.text, BODY_LIMIT));
                during(e)
            })?
        };
        if !info {
            return Ok(data);
        }
        let out = Object::new();
        set(&out, "data", &data);
        set(&out, "status", &JsValue::from(resp.status));
        set(&out, "headers", &headers_object(&resp.headers));
        Ok(out.into())
    })
}

/// Client for the Kinde Management API Users endpoints.
#[wasm_bindgen]
pub struct KindeUsersApi {
    client: JsClient,
}

#[wasm_bindgen]
impl KindeUsersApi {
    /// `new KindeUsersApi(config)`: validates the config and sends nothing.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<KindeUsersApi, JsValue> {
        let parsed = KindeConfig::parse(&config).map_err(|e| to_js(e.during(kinde::PROVIDER, "KindeUsersApi")))?;
        let function = |key: &str| get(&config, key).dyn_into::<Function>().ok();
        let auth = match parsed.auth {
            KindeAuth::AccessToken(token) => Auth::Static(token),
            KindeAuth::ClientCredentials(grant) => Auth::ClientCredentials(TokenCache::new(grant)),
            KindeAuth::GetToken => match function("getToken") {
                Some(f) => Auth::Source(JsTokenSource(f)),
                None => {
                    return Err(to_js(
                        Error::invalid("config.getToken", "must be a function")
                            .during(kinde::PROVIDER, "KindeUsersApi"),
                    ));
                }
            },
        };
        let transport = FetchTransport {
            fetch: function("fetch").filter(|_| parsed.custom_fetch),
            timeout_ms: parsed.timeout_ms,
            headers: headers_js(&parsed.headers),
        };
        Ok(KindeUsersApi {
            client: Rc::new(Client {
                provider: kinde::PROVIDER,
                base_url: parsed.base_url,
                transport: Rc::new(transport),
                auth,
            }),
        })
    }

    /// The operation names, in index order; the package's loader turns each
    /// into a method and its `...WithHttpInfo` twin that call [`Self::call`].
    #[wasm_bindgen(js_name = __operations)]
    pub fn operations() -> Array {
        operation_names(users::OPERATIONS)
    }

    /// Runs operation `index` with the raw arguments of a method call.
    #[wasm_bindgen(js_name = __call)]
    #[allow(clippy::too_many_arguments)]
    pub fn call(&self, index: u32, info: bool, a: JsValue, b: JsValue, c: JsValue, d: JsValue, e: JsValue) -> Promise {
        run(&self.client, users::OPERATIONS, index, [a, b, c, d, e], info)
    }
}
