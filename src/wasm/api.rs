//! The exported client classes.

use std::rc::Rc;

use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::error::to_js;
use super::js::{get, json_parse, set};
use super::transport::{CallOptions, FetchTransport, JsTokenSource, headers_object};
use crate::core::auth::{Auth, TokenCache};
use crate::core::client::Client;
use crate::core::error::{BODY_LIMIT, Error, ErrorKind};
use crate::core::op::{Extra, Operation};
use crate::core::transport::Transport;
use crate::kinde::config::{KindeAuth, KindeConfig};
use crate::kinde::{self, users};

type JsClient = Rc<Client<FetchTransport>>;

/// Runs `op` with the raw JS arguments of a method call: the positional
/// arguments, then the optional object if the operation has one, then the
/// request options. Resolves to the parsed body, or `{ data, status,
/// headers }` for the `...WithHttpInfo` twin.
fn call(client: &JsClient, op: &'static Operation, args: [JsValue; 5], info: bool) -> Promise {
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

/// Declares one JS method per operation and its `...WithHttpInfo` twin. Every
/// method takes up to five raw arguments; `call` assigns them by the
/// operation's shape (the typings give each method its precise signature).
macro_rules! methods {
    ($class:ident { $($name:ident, $info:ident => $op:path;)* }) => {
        #[wasm_bindgen]
        #[allow(non_snake_case)]
        impl $class {
            $(
                #[doc = concat!("`", stringify!($name), "`: see the typings.")]
                pub fn $name(&self, a: JsValue, b: JsValue, c: JsValue, d: JsValue, e: JsValue) -> Promise {
                    call(&self.client, &$op, [a, b, c, d, e], false)
                }
                #[doc = concat!("`", stringify!($info), "`: see the typings.")]
                pub fn $info(&self, a: JsValue, b: JsValue, c: JsValue, d: JsValue, e: JsValue) -> Promise {
                    call(&self.client, &$op, [a, b, c, d, e], true)
                }
            )*
        }
    };
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
                None => return Err(to_js(Error::invalid("config.getToken", "must be a function").during(kinde::PROVIDER, "KindeUsersApi"))),
            },
        };
        let transport = FetchTransport { fetch: function("fetch").filter(|_| parsed.custom_fetch), timeout_ms: parsed.timeout_ms };
        Ok(KindeUsersApi {
            client: Rc::new(Client {
                provider: kinde::PROVIDER,
                base_url: parsed.base_url,
                transport: Rc::new(transport),
                auth,
                headers: parsed.headers,
            }),
        })
    }
}

methods!(KindeUsersApi {
    createUser, createUserWithHttpInfo => users::CREATE_USER;
    createUserIdentity, createUserIdentityWithHttpInfo => users::CREATE_USER_IDENTITY;
    deleteUser, deleteUserWithHttpInfo => users::DELETE_USER;
    deleteUserSessions, deleteUserSessionsWithHttpInfo => users::DELETE_USER_SESSIONS;
    getUserData, getUserDataWithHttpInfo => users::GET_USER_DATA;
    getUserIdentities, getUserIdentitiesWithHttpInfo => users::GET_USER_IDENTITIES;
    getUserPropertyValues, getUserPropertyValuesWithHttpInfo => users::GET_USER_PROPERTY_VALUES;
    getUserSessions, getUserSessionsWithHttpInfo => users::GET_USER_SESSIONS;
    getUsers, getUsersWithHttpInfo => users::GET_USERS;
    getUsersMfa, getUsersMfaWithHttpInfo => users::GET_USERS_MFA;
    refreshUserClaims, refreshUserClaimsWithHttpInfo => users::REFRESH_USER_CLAIMS;
    resetUsersMfa, resetUsersMfaWithHttpInfo => users::RESET_USERS_MFA;
    resetUsersMfaAll, resetUsersMfaAllWithHttpInfo => users::RESET_USERS_MFA_ALL;
    setUserPassword, setUserPasswordWithHttpInfo => users::SET_USER_PASSWORD;
    updateUser, updateUserWithHttpInfo => users::UPDATE_USER;
    updateUserFeatureFlagOverride, updateUserFeatureFlagOverrideWithHttpInfo => users::UPDATE_USER_FEATURE_FLAG_OVERRIDE;
    updateUserProperties, updateUserPropertiesWithHttpInfo => users::UPDATE_USER_PROPERTIES;
    updateUserProperty, updateUserPropertyWithHttpInfo => users::UPDATE_USER_PROPERTY;
    addOrganizationUsers, addOrganizationUsersWithHttpInfo => users::ADD_ORGANIZATION_USERS;
    getOrganizationUsers, getOrganizationUsersWithHttpInfo => users::GET_ORGANIZATION_USERS;
    removeOrganizationUsers, removeOrganizationUsersWithHttpInfo => users::REMOVE_ORGANIZATION_USERS;
    removeOrganizationUser, removeOrganizationUserWithHttpInfo => users::REMOVE_ORGANIZATION_USER;
});
