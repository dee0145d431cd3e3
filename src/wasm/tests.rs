//! The wasm layer in real JS engines: what it reads from hostile caller
//! values, call options, response headers, and the errors it builds.
//!
//! Run by `wasm-bindgen-test-runner` (the cargo runner for wasm32, see
//! `.cargo/config.toml`): `cargo test --target wasm32-unknown-unknown --lib`
//! runs them in Node; with `WASM_BINDGEN_USE_BROWSER=1
//! CHROMEDRIVER=/usr/bin/chromedriver`, the same build runs in headless
//! Chromium (`scripts/test.mjs` does both). The fixtures below build the JS
//! values; every test asserts that a read neither throws through wasm nor
//! copies or allocates without bound.

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

use super::error::to_js;
use super::exchange::{JsResponse, call_options, headers_js};
use super::js::in_browser;
use crate::engine::error::{Error, ErrorKind};
use crate::engine::exchange::Response;
use crate::engine::value::{KeysError, Kind, MAX_ITEMS, MAX_KEYS, MAX_TEXT, Value};

#[wasm_bindgen(inline_js = r#"
const boom = () => { throw new Error('boom'); };
const everyTrap = {
  get: boom, set: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom,
  getPrototypeOf: boom, defineProperty: boom, deleteProperty: boom,
};

export function isNode() {
  return typeof process === 'object' && process !== null && typeof process.versions?.node === 'string';
}

// Options and headers.
export function abortSignal() { return new AbortController().signal; }
export function fullOptions(signal) {
  return { signal, headers: { 'X-Request-Id': 'r1' }, timeoutMs: 1000, retries: 3, maxRetryDelayMs: 200, retryNonIdempotent: true };
}
export function duckSignal() { return { aborted: false, addEventListener() {} }; }
export function throwingProxy() { return new Proxy({}, everyTrap); }
export function revokedProxy() { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; }
export function manyKeys(n) { const o = {}; for (let i = 0; i < n; i++) o['k' + i] = i; return o; }
export function withThrowingGetter(key) { return Object.defineProperty({}, key, { get: boom, enumerable: true }); }
export function withOwnProto() { return JSON.parse('{"__proto__": "x"}'); }
export function ownKeys(o) { return Object.keys(o); }

// Responses.
export function realHeaders(pairs) { return new Headers(pairs); }
export function headersWhoseGetThrows() { return { get: boom }; }
export function headersWhoseGetReturns(v) { return { get: () => v }; }
export function longString(n) { return 'x'.repeat(n); }
export function surrogatePair() { return 'a\u{1F600}'; }
export function notAString() { return 42; }

// Values.
export function plainValues() { return [undefined, null, true, 1.5, NaN, 's', [1], { a: 1 }, new Date(0), () => 1]; }
export function hugeArray() { return new Array(2e7); }
export function sparseMaxArray() { const a = []; a.length = 2 ** 32 - 1; a[5] = 'x'; return a; }
export function holes(n) { return new Array(n); }
export function arrayWithThrowingIndex() { const a = [1, 2, 3]; Object.defineProperty(a, 1, { get: boom }); return a; }
export function arrayProxyThrowingItems() { return new Proxy([1, 2, 3], { get(t, k) { if (k === 'length') return 3; throw new Error('boom'); } }); }
export function arrayProxyThrowingLength() { return new Proxy([1, 2, 3], { get: boom }); }
export function arrayProxyGrowing() {
  let reads = 0;
  return new Proxy([], { get(t, k) { if (k === 'length') return reads++ === 0 ? 1 : 2 ** 32 - 1; return 'item'; } });
}
export function hostileDate() {
  const d = new Date(0);
  for (const k of ['toISOString', 'getTime', 'valueOf', 'toJSON', 'toString']) d[k] = boom;
  Object.defineProperty(d, Symbol.toPrimitive, { value: boom });
  return d;
}
export function lyingDate() {
  const d = new Date(0);
  d.toISOString = () => '2099-01-01T00:00:00.000Z';
  d.getTime = d.valueOf = () => 4102444800000;
  Object.defineProperty(d, Symbol.toPrimitive, { value: () => 4102444800000 });
  return d;
}
export function throwingDateSubclass() {
  class D extends Date { toISOString() { throw new Error('boom'); } getTime() { throw new Error('boom'); } }
  return new D(0);
}
export function proxiedDate() { return new Proxy(new Date(0), {}); }
export function forgedDate() { return Object.create(Date.prototype); }
export function invalidDate() { return new Date(NaN); }
export function cyclic() { const o = {}; o.self = o; return o; }
export function toJsonThrows() { return { toJSON: boom }; }
export function toJsonReturns(v) { return { toJSON: () => v }; }
export function nestedSparseArray() { const a = []; a.length = 2 ** 32 - 1; return { m: { a } }; }
export function blob(text) { return new Blob([text]); }
export function blobWithThrowingSize() { return Object.defineProperty(new Blob(['abc']), 'size', { get: boom }); }
export function forgedBlob() { return Object.create(Blob.prototype); }
export function bytes(n) { return new Uint8Array(n); }
export function arrayBuffer(n) { return new ArrayBuffer(n); }
export function proxiedBytes() { return new Proxy(new Uint8Array(4), {}); }
export function longKey(n) { return { ['k'.repeat(n)]: 1 }; }
export function proxyWithKeys(n) {
  return new Proxy({}, {
    ownKeys: () => Array.from({ length: n }, (_, i) => 'k' + i),
    getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }),
  });
}
export function functionProxy() { return new Proxy(() => 1, everyTrap); }
export function loneSurrogate() { return 'a\ud800b'; }
export function withSymbolKey() { return { a: 1, [Symbol('s')]: 2 }; }
"#)]
extern "C" {
    #[wasm_bindgen(js_name = isNode)]
    fn is_node() -> bool;
    #[wasm_bindgen(js_name = abortSignal)]
    fn abort_signal() -> JsValue;
    #[wasm_bindgen(js_name = fullOptions)]
    fn full_options(signal: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = duckSignal)]
    fn duck_signal() -> JsValue;
    #[wasm_bindgen(js_name = throwingProxy)]
    fn throwing_proxy() -> JsValue;
    #[wasm_bindgen(js_name = revokedProxy)]
    fn revoked_proxy() -> JsValue;
    #[wasm_bindgen(js_name = manyKeys)]
    fn many_keys(n: u32) -> JsValue;
    #[wasm_bindgen(js_name = withThrowingGetter)]
    fn with_throwing_getter(key: &str) -> JsValue;
    #[wasm_bindgen(js_name = withOwnProto)]
    fn with_own_proto() -> JsValue;
    #[wasm_bindgen(js_name = ownKeys)]
    fn own_keys(o: &JsValue) -> Array;
    #[wasm_bindgen(js_name = realHeaders)]
    fn real_headers(pairs: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = headersWhoseGetThrows)]
    fn headers_whose_get_throws() -> JsValue;
    #[wasm_bindgen(js_name = headersWhoseGetReturns)]
    fn headers_whose_get_returns(v: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = longString)]
    fn long_string(n: u32) -> JsValue;
    #[wasm_bindgen(js_name = surrogatePair)]
    fn surrogate_pair() -> JsValue;
    #[wasm_bindgen(js_name = notAString)]
    fn not_a_string() -> JsValue;

    #[wasm_bindgen(js_name = plainValues)]
    fn plain_values() -> Array;
    #[wasm_bindgen(js_name = hugeArray)]
    fn huge_array() -> JsValue;
    #[wasm_bindgen(js_name = sparseMaxArray)]
    fn sparse_max_array() -> JsValue;
    fn holes(n: u32) -> JsValue;
    #[wasm_bindgen(js_name = arrayWithThrowingIndex)]
    fn array_with_throwing_index() -> JsValue;
    #[wasm_bindgen(js_name = arrayProxyThrowingItems)]
    fn array_proxy_throwing_items() -> JsValue;
    #[wasm_bindgen(js_name = arrayProxyThrowingLength)]
    fn array_proxy_throwing_length() -> JsValue;
    #[wasm_bindgen(js_name = arrayProxyGrowing)]
    fn array_proxy_growing() -> JsValue;
    #[wasm_bindgen(js_name = hostileDate)]
    fn hostile_date() -> JsValue;
    #[wasm_bindgen(js_name = lyingDate)]
    fn lying_date() -> JsValue;
    #[wasm_bindgen(js_name = throwingDateSubclass)]
    fn throwing_date_subclass() -> JsValue;
    #[wasm_bindgen(js_name = proxiedDate)]
    fn proxied_date() -> JsValue;
    #[wasm_bindgen(js_name = forgedDate)]
    fn forged_date() -> JsValue;
    #[wasm_bindgen(js_name = invalidDate)]
    fn invalid_date() -> JsValue;
    fn cyclic() -> JsValue;
    #[wasm_bindgen(js_name = toJsonThrows)]
    fn to_json_throws() -> JsValue;
    #[wasm_bindgen(js_name = toJsonReturns)]
    fn to_json_returns(v: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = nestedSparseArray)]
    fn nested_sparse_array() -> JsValue;
    fn blob(text: &str) -> JsValue;
    #[wasm_bindgen(js_name = blobWithThrowingSize)]
    fn blob_with_throwing_size() -> JsValue;
    #[wasm_bindgen(js_name = forgedBlob)]
    fn forged_blob() -> JsValue;
    fn bytes(n: u32) -> JsValue;
    #[wasm_bindgen(js_name = arrayBuffer)]
    fn array_buffer(n: u32) -> JsValue;
    #[wasm_bindgen(js_name = proxiedBytes)]
    fn proxied_bytes() -> JsValue;
    #[wasm_bindgen(js_name = longKey)]
    fn long_key(n: u32) -> JsValue;
    #[wasm_bindgen(js_name = proxyWithKeys)]
    fn proxy_with_keys(n: u32) -> JsValue;
    #[wasm_bindgen(js_name = functionProxy)]
    fn function_proxy() -> JsValue;
    #[wasm_bindgen(js_name = loneSurrogate)]
    fn lone_surrogate() -> JsValue;
    #[wasm_bindgen(js_name = withSymbolKey)]
    fn with_symbol_key() -> JsValue;
}

/// `obj[key]` for assertions (the objects under test are plain ones).
fn prop(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("readable property") // ok: test helper
}

/// Parses JSON text into a JS value.
fn js(text: &str) -> JsValue {
    js_sys::JSON::parse(text).expect("test JSON") // ok: test helper
}

/// The current size of the module's linear memory, in bytes.
fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// The validation error `call_options` returns for `options`.
fn options_error(options: &JsValue) -> Error {
    match call_options(options) {
        Err(e) => {
            assert_eq!(e.kind, ErrorKind::Validation, "{}", e.message);
            e
        }
        Ok(_) => panic!("options accepted"),
    }
}

fn response(text: JsValue, headers: JsValue) -> JsResponse {
    JsResponse { status: 200, text, headers }
}

// --- the engine -------------------------------------------------------------

#[wasm_bindgen_test]
fn browser_detection_matches_the_engine() {
    // Node has no `window`; the Chromium test page has both `window` and `document`.
    assert_eq!(in_browser(), !is_node());
}

// --- call options -------------------------------------------------------------

#[wasm_bindgen_test]
fn call_options_absent() {
    assert!(call_options(&JsValue::UNDEFINED).expect("undefined").is_undefined());
    assert!(call_options(&JsValue::NULL).expect("null").is_undefined());
}

/// The names of the driver's `callOptions` shape, in its order.
const CALL_OPTION_FIELDS: [&str; 6] =
    ["signal", "headers", "timeoutMs", "retries", "maxRetryDelayMs", "retryNonIdempotent"];

#[wasm_bindgen_test]
fn call_options_empty_object_gives_six_undefined_fields() {
    let out = call_options(&js("{}")).expect("ok");
    let keys: Vec<String> = own_keys(&out).iter().filter_map(|k| k.as_string()).collect();
    assert_eq!(keys, CALL_OPTION_FIELDS);
    assert!(CALL_OPTION_FIELDS.iter().all(|k| prop(&out, k).is_undefined()));
}

#[wasm_bindgen_test]
fn call_options_every_option() {
    let signal = abort_signal();
    let out = call_options(&full_options(&signal)).expect("ok");
    assert!(Object::is(&prop(&out, "signal"), &signal), "the caller's own signal is passed on");
    let headers = prop(&out, "headers");
    assert_eq!(own_keys(&headers).iter().filter_map(|k| k.as_string()).collect::<Vec<_>>(), ["x-request-id"]);
    assert_eq!(prop(&headers, "x-request-id").as_string().as_deref(), Some("r1"));
    assert_eq!(prop(&out, "timeoutMs").as_f64(), Some(1000.0));
    assert_eq!(prop(&out, "retries").as_f64(), Some(3.0));
    assert_eq!(prop(&out, "maxRetryDelayMs").as_f64(), Some(200.0));
    assert_eq!(prop(&out, "retryNonIdempotent").as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn call_options_accept_a_duck_typed_signal() {
    let options = js("{}");
    Reflect::set(&options, &"signal".into(), &duck_signal()).expect("set");
    assert!(call_options(&options).is_ok());
}

#[wasm_bindgen_test]
fn call_options_refuse_bad_values_naming_the_param() {
    let cases: &[(&str, &str)] = &[
        ("{\"timeout_ms\": 5}", "options.timeout_ms"),
        ("{\"signal\": {}}", "options.signal"),
        ("{\"signal\": \"abc\"}", "options.signal"),
        ("{\"timeoutMs\": 0}", "options.timeoutMs"),
        ("{\"timeoutMs\": 1.5}", "options.timeoutMs"),
        ("{\"timeoutMs\": \"1000\"}", "options.timeoutMs"),
        ("{\"timeoutMs\": 600001}", "options.timeoutMs"),
        ("{\"retries\": 11}", "options.retries"),
        ("{\"retries\": -1}", "options.retries"),
        ("{\"maxRetryDelayMs\": 1e9}", "options.maxRetryDelayMs"),
        ("{\"retryNonIdempotent\": \"yes\"}", "options.retryNonIdempotent"),
        ("{\"headers\": \"x\"}", "options.headers"),
        ("{\"headers\": {\"Authorization\": \"Bearer x\"}}", "options.headers.Authorization"),
        ("{\"headers\": {\"x-a\": \"line\\nbreak\"}}", "options.headers.x-a"),
        ("{\"headers\": {\"bad name\": \"v\"}}", "options.headers.bad name"),
        ("{\"headers\": {\"x-a\": 1}}", "options.headers.x-a"),
        ("[]", "options"),
        ("\"opts\"", "options"),
    ];
    for (text, param) in cases {
        let e = options_error(&js(text));
        assert_eq!(e.param.as_deref(), Some(*param), "{text}: {}", e.message);
    }
    let hint = options_error(&js("{\"timeout_ms\": 5}"));
    assert!(hint.message.contains("did you mean \"timeoutMs\""), "{}", hint.message);
}

#[wasm_bindgen_test]
fn call_options_refuse_hostile_objects() {
    assert_eq!(options_error(&throwing_proxy()).param.as_deref(), Some("options"));
    assert_eq!(options_error(&revoked_proxy()).param.as_deref(), Some("options"));
    assert_eq!(options_error(&many_keys(5000)).param.as_deref(), Some("options"));
    assert_eq!(options_error(&JsValue::from(f64::NAN)).param.as_deref(), Some("options"));
    assert_eq!(options_error(&JsValue::bigint_from_str("10")).param.as_deref(), Some("options"));
    assert_eq!(options_error(&JsValue::symbol(Some("s"))).param.as_deref(), Some("options"));
    let headers = js("{}");
    Reflect::set(&headers, &"headers".into(), &with_throwing_getter("x-a")).expect("set");
    assert_eq!(options_error(&headers).param.as_deref(), Some("options.headers.x-a"));
    let headers = js("{}");
    Reflect::set(&headers, &"headers".into(), &many_keys(5000)).expect("set");
    assert_eq!(options_error(&headers).param.as_deref(), Some("options.headers"));
    let timeout = js("{}");
    Reflect::set(&timeout, &"timeoutMs".into(), &JsValue::bigint_from_str("1000")).expect("set");
    assert_eq!(options_error(&timeout).param.as_deref(), Some("options.timeoutMs"));
}

#[wasm_bindgen_test]
fn call_options_with_a_throwing_signal_getter_never_throw() {
    // A getter that throws reads as "not given" or is refused; either way
    // nothing unwinds through wasm.
    match call_options(&with_throwing_getter("signal")) {
        Ok(out) => assert!(out.is_object() && prop(&out, "signal").is_undefined(), "options were given"),
        Err(e) => assert_eq!(e.param.as_deref(), Some("options.signal"), "{}", e.message),
    }
}

// --- headers ----------------------------------------------------------------

#[wasm_bindgen_test]
fn headers_js_builds_a_plain_object() {
    let list = [("x-a".to_owned(), "1".to_owned()), ("x-b".to_owned(), "two words".to_owned())];
    let obj = headers_js(&list);
    assert!(!Array::is_array(&obj) && obj.is_object());
    assert_eq!(own_keys(&obj).length(), 2);
    assert_eq!(prop(&obj, "x-a").as_string().as_deref(), Some("1"));
    assert_eq!(prop(&obj, "x-b").as_string().as_deref(), Some("two words"));
    assert_eq!(own_keys(&headers_js(&[])).length(), 0);
}

#[wasm_bindgen_test]
fn headers_named_proto_are_refused() {
    // `__proto__` is a token, and JSON.parse gives it as an own key, but on a
    // plain object it would set the prototype instead of a header: refused.
    let e = crate::engine::config::headers(&with_own_proto(), "options.headers").expect_err("__proto__");
    assert_eq!(e.param.as_deref(), Some("options.headers.__proto__"));
}

// --- responses ----------------------------------------------------------------

#[wasm_bindgen_test]
fn response_header_from_real_headers() {
    let headers = real_headers(&js("[[\"Retry-After\", \"5\"], [\"X-Multi\", \"a\"], [\"x-multi\", \"b\"]]"));
    let r = response(JsValue::from_str(""), headers);
    assert_eq!(r.header("retry-after").as_deref(), Some("5"));
    assert_eq!(r.header("x-multi").as_deref(), Some("a, b"));
    assert_eq!(r.header("ratelimit-reset"), None);
}

#[wasm_bindgen_test]
fn response_header_from_hostile_headers() {
    let text = JsValue::from_str("");
    let hostile =
        [JsValue::UNDEFINED, JsValue::NULL, js("{}"), headers_whose_get_throws(), throwing_proxy(), revoked_proxy()];
    for headers in hostile {
        assert_eq!(response(text.clone(), headers).header("retry-after"), None);
    }
    assert_eq!(response(text.clone(), headers_whose_get_returns(&not_a_string())).header("x"), None);
    // A huge value is cut before it is copied into wasm memory.
    let huge = headers_whose_get_returns(&long_string(2 << 20));
    assert_eq!(response(text, huge).header("x").map(|v| v.len()), Some(1024));
}

#[wasm_bindgen_test]
fn response_body() {
    let r = response(JsValue::from_str("{\"a\":1}"), JsValue::UNDEFINED);
    assert_eq!(r.status(), 200);
    assert!(!r.is_empty());
    assert_eq!(r.prefix(4), "{\"a\"");
    assert_eq!(r.prefix(100), "{\"a\":1}");
    assert_eq!(r.json().map(|v| prop(&v, "a").as_f64()), Some(Some(1.0)));

    for text in [JsValue::from_str(""), JsValue::UNDEFINED, JsValue::NULL, not_a_string()] {
        let r = response(text.clone(), JsValue::UNDEFINED);
        assert!(r.is_empty(), "{text:?} is empty");
        assert_eq!(r.prefix(10), "");
    }
    assert!(response(JsValue::from_str(""), JsValue::UNDEFINED).json().is_none());
    assert!(response(JsValue::UNDEFINED, JsValue::UNDEFINED).json().is_none());
    assert!(response(JsValue::from_str("not json"), JsValue::UNDEFINED).json().is_none());
    assert!(response(JsValue::from_str("{\"a\":"), JsValue::UNDEFINED).json().is_none());
}

#[wasm_bindgen_test]
fn response_prefix_is_bounded_and_survives_a_cut_surrogate_pair() {
    let before = memory_bytes();
    let r = response(long_string(4 << 20), JsValue::UNDEFINED);
    assert_eq!(r.prefix(100).len(), 100);
    assert!(memory_bytes() - before < f64::from(1 << 20), "the 4 MiB body was not copied");
    // "a" + U+1F600 is three UTF-16 units; cutting at two splits the pair.
    let r = response(surrogate_pair(), JsValue::UNDEFINED);
    assert_eq!(r.prefix(2), "a\u{FFFD}");
    assert_eq!(r.prefix(3), "a\u{1F600}");
}

// --- errors -------------------------------------------------------------------

#[wasm_bindgen_test]
fn validation_error_as_idp_users_error() {
    let e = Error::invalid("options.timeoutMs", "must be a number (got string)").during("kinde", "getUsers");
    let js_err = to_js(e);
    assert!(js_err.is_instance_of::<js_sys::Error>(), "extends Error");
    assert_eq!(prop(&js_err, "name").as_string().as_deref(), Some("IdpUsersError"));
    assert_eq!(
        prop(&js_err, "message").as_string().as_deref(),
        Some("getUsers: options.timeoutMs must be a number (got string)")
    );
    assert_eq!(prop(&js_err, "kind").as_string().as_deref(), Some("validation"));
    assert_eq!(prop(&js_err, "provider").as_string().as_deref(), Some("kinde"));
    assert_eq!(prop(&js_err, "operation").as_string().as_deref(), Some("getUsers"));
    assert_eq!(prop(&js_err, "param").as_string().as_deref(), Some("options.timeoutMs"));
    for key in ["status", "code", "body", "retryAfterMs", "traceId"] {
        assert!(prop(&js_err, key).is_null(), "{key} is null");
    }
    for key in ["codes", "messages", "longMessages"] {
        let list = prop(&js_err, key);
        assert!(Array::is_array(&list) && Array::from(&list).length() == 0, "{key} is []");
    }
    // Nothing was sent for a validation error.
    assert_eq!(prop(&js_err, "attempts").as_f64(), Some(0.0));
    let json = js_sys::JSON::stringify(&js_err).expect("toJSON").as_string().expect("text");
    let fields =
        ["\"name\":\"IdpUsersError\"", "\"kind\":\"validation\"", "\"param\":\"options.timeoutMs\"", "\"attempts\":0"];
    for key in fields {
        assert!(json.contains(key), "{key} in {json}");
    }
}

#[wasm_bindgen_test]
fn api_error_as_idp_users_error() {
    let mut e = Error::new(ErrorKind::Api, "HTTP 429").during("clerk", "getUserList");
    e.status = Some(429);
    e.codes = vec!["too_many_requests".into(), "second".into()];
    e.messages = vec!["Too many requests".into()];
    e.long_messages = vec!["Slow down".into()];
    e.body = Some("{\"errors\":[]}".into());
    e.retry_after_ms = Some(1500);
    e.trace_id = Some("trace-1".into());
    let js_err = to_js(e);
    assert_eq!(prop(&js_err, "kind").as_string().as_deref(), Some("api"));
    assert_eq!(prop(&js_err, "message").as_string().as_deref(), Some("getUserList: HTTP 429"));
    assert_eq!(prop(&js_err, "status").as_f64(), Some(429.0));
    assert_eq!(prop(&js_err, "code").as_string().as_deref(), Some("too_many_requests"));
    let codes: Vec<String> = Array::from(&prop(&js_err, "codes")).iter().filter_map(|c| c.as_string()).collect();
    assert_eq!(codes, ["too_many_requests", "second"]);
    assert_eq!(Array::from(&prop(&js_err, "messages")).get(0).as_string().as_deref(), Some("Too many requests"));
    assert_eq!(Array::from(&prop(&js_err, "longMessages")).get(0).as_string().as_deref(), Some("Slow down"));
    assert_eq!(prop(&js_err, "body").as_string().as_deref(), Some("{\"errors\":[]}"));
    assert_eq!(prop(&js_err, "retryAfterMs").as_f64(), Some(1500.0));
    assert_eq!(prop(&js_err, "traceId").as_string().as_deref(), Some("trace-1"));
    assert!(prop(&js_err, "param").is_null());
}

#[wasm_bindgen_test]
fn error_text_with_odd_unicode_converts() {
    let e = Error::invalid("body.name", "got \u{0}\u{FFFD}\u{1F600}");
    let js_err = to_js(e);
    let message = prop(&js_err, "message").dyn_into::<JsString>().expect("string");
    assert_eq!(String::from(message), "body.name got \u{0}\u{FFFD}\u{1F600}");
}

// --- reading caller values ----------------------------------------------------

// `JsValue` has inherent `as_string` / `as_f64` / `as_bool`, which win over
// the trait's: the reads under test are called as `Value::as_string(&v)`
// (the inherent `as_string` copies a string of any length).

/// Every read of `Value` on `v`, none of which may throw through wasm; returns
/// the kind so that callers can assert on it.
fn read_everything(v: &JsValue) -> Kind {
    let kind = v.kind();
    let _ = (Value::as_bool(v), Value::as_f64(v), Value::as_string(v), v.get("a"), v.get("length"), v.keys());
    let _ = (v.array_len(), v.item(0), v.items().len(), v.date_iso(), v.date_ms(), v.binary_len(), v.to_json());
    kind
}

#[wasm_bindgen_test]
fn kinds_of_plain_values() {
    let want = [
        Kind::Undefined,
        Kind::Null,
        Kind::Bool,
        Kind::Number,
        Kind::Number,
        Kind::String,
        Kind::Array,
        Kind::Object,
        Kind::Date,
        Kind::Function,
    ];
    let got: Vec<Kind> = plain_values().iter().map(|v| v.kind()).collect();
    assert_eq!(got, want);
    assert_eq!(JsValue::bigint_from_str("10").kind(), Kind::Other);
    assert_eq!(JsValue::symbol(Some("s")).kind(), Kind::Other);
}

#[wasm_bindgen_test]
fn plain_reads() {
    let v = js("{\"a\": 1, \"b\": [true, \"x\", null], \"c\": \"text\"}");
    assert_eq!(Value::as_f64(&v.get("a")), Some(1.0));
    assert_eq!(v.get("missing").kind(), Kind::Undefined);
    assert_eq!(Value::as_string(&v.get("c")).as_deref(), Some("text"));
    assert_eq!(v.keys(), Ok(vec!["a".to_owned(), "b".to_owned(), "c".to_owned()]));
    let items = v.get("b").items();
    assert_eq!(items.iter().map(Value::kind).collect::<Vec<_>>(), [Kind::Bool, Kind::String, Kind::Null]);
    assert_eq!(v.to_json().as_deref(), Some("{\"a\":1,\"b\":[true,\"x\",null],\"c\":\"text\"}"));
    // Reads of a non-object are empty, never a panic.
    let s = JsValue::from_str("abc");
    assert_eq!(s.get("length").kind(), Kind::Undefined);
    assert_eq!(s.keys(), Ok(Vec::new()));
    assert_eq!(s.array_len(), 0);
    assert!(s.items().is_empty());
    assert_eq!(with_symbol_key().keys(), Ok(vec!["a".to_owned()]));
}

#[wasm_bindgen_test]
fn strings_over_the_limit_are_refused_before_they_are_copied() {
    let long = long_string(2 << 20);
    let before = memory_bytes();
    assert_eq!(long.kind(), Kind::LongString);
    assert_eq!(Value::as_string(&long), None);
    assert!(long.to_json().is_none());
    assert!(to_json_returns(&long).to_json().is_none());
    assert!(memory_bytes() - before < f64::from(1 << 20), "a 2 MiB string was copied into wasm memory");
    let at_limit = long_string(MAX_TEXT as u32);
    assert_eq!(at_limit.kind(), Kind::String);
    assert_eq!(Value::as_string(&at_limit).map(|s| s.len()), Some(MAX_TEXT));
    // A lone surrogate is replaced, not a trap.
    assert_eq!(Value::as_string(&lone_surrogate()).as_deref(), Some("a\u{FFFD}b"));
}

#[wasm_bindgen_test]
fn arrays_over_the_limit_are_refused_without_allocating() {
    for (array, len) in [(huge_array(), 20_000_000usize), (sparse_max_array(), u32::MAX as usize)] {
        let before = memory_bytes();
        assert_eq!(array.kind(), Kind::LongArray);
        assert_eq!(array.array_len(), len);
        assert_eq!(array.items().len(), MAX_ITEMS, "items() stops at {MAX_ITEMS}");
        assert!(memory_bytes() - before < f64::from(1 << 20), "memory grew reading an array of {len}");
    }
    assert_eq!(Value::as_string(&sparse_max_array().item(5)).as_deref(), Some("x"));
    // At the limit: still an array.
    assert_eq!(holes(MAX_ITEMS as u32).kind(), Kind::Array);
    assert_eq!(holes(MAX_ITEMS as u32 + 1).kind(), Kind::LongArray);
    let with_holes = holes(5).items();
    assert_eq!(with_holes.len(), 5);
    assert!(with_holes.iter().all(|v| v.kind() == Kind::Undefined));
}

#[wasm_bindgen_test]
fn hostile_arrays() {
    let a = array_with_throwing_index();
    assert_eq!(a.kind(), Kind::Array);
    let items = a.items();
    assert_eq!(items.iter().map(|v| v.kind()).collect::<Vec<_>>(), [Kind::Number, Kind::Undefined, Kind::Number]);

    let p = array_proxy_throwing_items();
    assert_eq!(p.kind(), Kind::Array);
    assert!(p.items().iter().all(|v| v.kind() == Kind::Undefined));

    assert_eq!(read_everything(&array_proxy_throwing_length()), Kind::Other);

    // A Proxy that says "1 item" to the kind check, then 2^32 - 1: the cap holds.
    let growing = array_proxy_growing();
    assert_eq!(growing.kind(), Kind::Array);
    assert!(growing.items().len() <= MAX_ITEMS);
}

#[wasm_bindgen_test]
fn objects_with_too_many_or_too_long_keys() {
    assert_eq!(many_keys(MAX_KEYS as u32).keys().map(|k| k.len()), Ok(MAX_KEYS));
    assert_eq!(many_keys(MAX_KEYS as u32 + 1).keys(), Err(KeysError::TooMany));
    let before = memory_bytes();
    assert_eq!(many_keys(5000).keys(), Err(KeysError::TooMany));
    assert_eq!(proxy_with_keys(5000).keys(), Err(KeysError::TooMany));
    assert!(memory_bytes() - before < f64::from(1 << 20));
    assert_eq!(long_key(1024).keys().map(|k| k.len()), Ok(1));
    assert_eq!(long_key(1025).keys(), Err(KeysError::TooMany));
    assert_eq!(long_key(2 << 20).keys(), Err(KeysError::TooMany));
}

#[wasm_bindgen_test]
fn throwing_getters_and_proxies() {
    let getter = with_throwing_getter("a");
    assert_eq!(getter.kind(), Kind::Object);
    assert_eq!(getter.get("a").kind(), Kind::Unreadable);
    assert_eq!(getter.keys(), Ok(vec!["a".to_owned()]), "listing keys runs no getter");
    assert_eq!(getter.to_json(), None);

    let proxy = throwing_proxy();
    assert!(matches!(read_everything(&proxy), Kind::Object | Kind::Other));
    assert_eq!(proxy.get("a").kind(), Kind::Unreadable);
    assert_eq!(proxy.keys(), Err(KeysError::Unreadable));
    assert_eq!(proxy.to_json(), None);
    assert_eq!(proxy.date_iso(), None);
    assert_eq!(proxy.binary_len(), None);

    let revoked = revoked_proxy();
    assert_eq!(read_everything(&revoked), Kind::Other);
    assert_eq!(revoked.keys(), Err(KeysError::Unreadable));
    assert_eq!(revoked.to_json(), None);

    let f = function_proxy();
    assert_eq!(read_everything(&f), Kind::Function);
    assert_eq!(f.get("a").kind(), Kind::Unreadable);
}

#[wasm_bindgen_test]
fn bigint_and_symbol() {
    for v in [JsValue::bigint_from_str("12345678901234567890"), JsValue::symbol(Some("s"))] {
        assert_eq!(read_everything(&v), Kind::Other);
        assert_eq!(Value::as_f64(&v), None);
        assert_eq!(Value::as_string(&v), None);
        assert_eq!(v.to_json(), None);
    }
    let nested = js("{}");
    Reflect::set(&nested, &"n".into(), &JsValue::bigint_from_str("1")).expect("set");
    assert_eq!(nested.to_json(), None);
}

#[wasm_bindgen_test]
fn dates_are_read_through_the_built_ins() {
    let d = plain_values().get(8);
    assert_eq!(d.date_iso().as_deref(), Some("1970-01-01T00:00:00.000Z"));
    assert_eq!(d.date_ms(), Some(0.0));
    for bad in [invalid_date(), proxied_date(), forged_date(), JsValue::from_str("2020-01-01"), JsValue::from(0)] {
        assert_eq!(bad.date_iso(), None);
        assert_eq!(bad.date_ms(), None);
    }
    assert_eq!(forged_date().kind(), Kind::Date);
}

#[wasm_bindgen_test]
fn hostile_dates_never_throw_nor_lie() {
    // Whatever a Date's own methods do, a read gives nothing or its true time.
    for d in [hostile_date(), lying_date(), throwing_date_subclass()] {
        assert_eq!(read_everything(&d), Kind::Date);
        assert!(matches!(d.date_iso().as_deref(), None | Some("1970-01-01T00:00:00.000Z")));
        assert!(matches!(d.date_ms(), None | Some(0.0)));
    }
}

#[wasm_bindgen_test]
fn binary_lengths() {
    assert_eq!(bytes(10).binary_len(), Some(10.0));
    assert_eq!(array_buffer(7).binary_len(), Some(7.0));
    assert_eq!(blob("abc").binary_len(), Some(3.0));
    let not_binary = [blob_with_throwing_size(), forged_blob(), proxied_bytes(), throwing_proxy(), js("{\"size\": 3}")];
    for v in not_binary.into_iter().chain([JsValue::from_str("abc")]) {
        assert_eq!(v.binary_len(), None);
    }
}

#[wasm_bindgen_test]
fn to_json_of_hostile_values() {
    let refused = [cyclic(), to_json_throws(), to_json_returns(&long_string(2 << 20)), nested_sparse_array()];
    for v in refused.into_iter().chain([JsValue::UNDEFINED]) {
        assert!(v.to_json().is_none());
    }
    assert_eq!(to_json_returns(&JsValue::from_str("ok")).to_json().as_deref(), Some("\"ok\""));
    assert_eq!(lying_date().to_json().as_deref(), Some("\"2099-01-01T00:00:00.000Z\""), "to_json is JSON.stringify");
}

#[wasm_bindgen_test]
fn thousands_of_hostile_reads_leave_the_module_working() {
    let before = memory_bytes();
    let (proxy, revoked, date) = (throwing_proxy(), revoked_proxy(), hostile_date());
    let headers = response(JsValue::UNDEFINED, headers_whose_get_throws());
    // Each of these makes JS throw inside a guarded read.
    for _ in 0..5000 {
        assert_eq!(proxy.get("a").kind(), Kind::Unreadable);
        assert_eq!(revoked.keys(), Err(KeysError::Unreadable));
        assert!(date.to_json().is_none());
        assert_eq!(headers.header("retry-after"), None);
        let _ = to_js(options_error(&proxy));
    }
    assert!(memory_bytes() - before < f64::from(4 << 20), "memory grew by {} bytes", memory_bytes() - before);
    // And a normal read still works.
    let v = js("{\"name\": \"ok\", \"list\": [1, 2]}");
    assert_eq!(Value::as_string(&v.get("name")).as_deref(), Some("ok"));
    assert_eq!(v.get("list").items().len(), 2);
    assert!(call_options(&js("{\"timeoutMs\": 5}")).is_ok());
}

// --- the protocol -------------------------------------------------------------
// Each shape the driver reads by name is built by runtime.js from the
// parameters Rust passes in order (src/wasm/protocol.rs): these pin the
// two sides together.

/// The own keys of `v`, as Rust strings.
fn field_names(v: &JsValue) -> Vec<String> {
    own_keys(v).iter().filter_map(|k| k.as_string()).collect()
}

#[wasm_bindgen_test]
fn protocol_shapes_name_every_field_in_the_order_rust_passes_them() {
    use super::protocol;
    let req = protocol::request(
        "https://x.test/u",
        protocol::HttpMethod::Patch,
        "{}".into(),
        "application/json".into(),
        7.into(),
    );
    assert_eq!(field_names(&req), ["url", "method", "body", "contentType", "options"]);
    assert_eq!(prop(&req, "url").as_string().as_deref(), Some("https://x.test/u"));
    assert_eq!(prop(&req, "method").as_string().as_deref(), Some("PATCH"));
    assert_eq!(prop(&req, "body").as_string().as_deref(), Some("{}"));
    assert_eq!(prop(&req, "contentType").as_string().as_deref(), Some("application/json"));
    assert_eq!(prop(&req, "options").as_f64(), Some(7.0));

    let up = protocol::upload("file", 3.into());
    assert_eq!(field_names(&up), ["part", "file"]);
    assert_eq!((prop(&up, "part").as_string().as_deref(), prop(&up, "file").as_f64()), (Some("file"), Some(3.0)));

    let s = protocol::settings(1.into(), 2500, 3.into(), 4.into());
    assert_eq!(field_names(&s), ["fetch", "timeoutMs", "headers", "getToken"]);
    let numbers: Vec<Option<f64>> = field_names(&s).iter().map(|k| prop(&s, k).as_f64()).collect();
    assert_eq!(numbers, [Some(1.0), Some(2500.0), Some(3.0), Some(4.0)]);

    let o = protocol::call_options(1.into(), 2.into(), 3.into(), 4.into(), 5.into(), 6.into());
    assert_eq!(field_names(&o), CALL_OPTION_FIELDS);
    let numbers: Vec<Option<f64>> = CALL_OPTION_FIELDS.iter().map(|k| prop(&o, k).as_f64()).collect();
    assert_eq!(numbers, [Some(1.0), Some(2.0), Some(3.0), Some(4.0), Some(5.0), Some(6.0)]);

    let op = protocol::operation("getUsers", 0, true, Some("page_size".to_owned()), 500);
    assert_eq!(field_names(&op), ["name", "arity", "paged", "sizeParam", "pageSize"]);
    assert_eq!(prop(&op, "pageSize").as_f64(), Some(500.0));
    assert_eq!(prop(&op, "name").as_string().as_deref(), Some("getUsers"));
    assert_eq!((prop(&op, "arity").as_f64(), prop(&op, "paged").as_bool()), (Some(0.0), Some(true)));
    assert_eq!(prop(&op, "sizeParam").as_string().as_deref(), Some("page_size"));

    let p = protocol::page(1.into(), "offset".into(), 2.into());
    assert_eq!(field_names(&p), ["items", "param", "value"]);
    assert_eq!(prop(&p, "param").as_string().as_deref(), Some("offset"));
}

#[wasm_bindgen_test]
fn a_failed_attempt_built_by_runtime_js_reads_back_field_by_field() {
    use super::protocol;
    let attempt = protocol::failed_attempt(1.into(), 2, true, 0.25, 750.0, 3.into());
    assert_eq!(field_names(&attempt), ["error", "failures", "sent", "random", "remainingMs", "options"]);
    let read = protocol::read_failed_attempt(&attempt);
    assert_eq!((read.error.as_f64(), read.options.as_f64()), (Some(1.0), Some(3.0)));
    assert_eq!((read.failures, read.sent, read.random, read.remaining_ms), (2, true, 0.25, 750.0));
    let empty = protocol::read_failed_attempt(&js("{}"));
    assert_eq!((empty.failures, empty.sent), (u32::MAX, true));
    assert!(empty.remaining_ms.is_nan());
}

#[wasm_bindgen_test]
fn the_operations_the_driver_installs_come_from_the_tables() {
    use super::api::UsersApi;
    use super::protocol::Provider;
    for (provider, ops) in
        [(Provider::Kinde, crate::kinde::users::OPERATIONS), (Provider::Clerk, crate::clerk::users::OPERATIONS)]
    {
        let listed = UsersApi::operations(provider as u32);
        assert_eq!(listed.length() as usize, ops.len());
        for (entry, op) in listed.iter().zip(ops.iter()) {
            assert_eq!(prop(&entry, "name").as_string().as_deref(), Some(op.name));
            assert_eq!(prop(&entry, "arity").as_f64(), Some(op.args.len() as f64));
            let paged = op.paging != crate::engine::paging::Paging::None;
            assert_eq!(prop(&entry, "paged").as_bool(), Some(paged), "{}", op.name);
        }
    }
    assert_eq!(UsersApi::operations(7).length(), 0, "an unknown provider has no operations");
}

#[wasm_bindgen_test]
fn every_kind_number_means_the_same_on_both_sides() {
    // kindOf's table (runtime.js, written from Kind by a native test) and
    // Kind::from_number agree for every kind, through values of each.
    let cases: Vec<(JsValue, Kind)> = vec![
        (JsValue::UNDEFINED, Kind::Undefined),
        (JsValue::NULL, Kind::Null),
        (JsValue::TRUE, Kind::Bool),
        (JsValue::from(1.5), Kind::Number),
        (JsValue::from_str("s"), Kind::String),
        (js("[]"), Kind::Array),
        (js_sys::Date::new_0().into(), Kind::Date),
        (js("{}"), Kind::Object),
        (js_sys::Function::new_no_args("").into(), Kind::Function),
        (JsValue::symbol(None), Kind::Other),
        (long_string(2 << 20), Kind::LongString),
        (huge_array(), Kind::LongArray),
        (with_throwing_getter("x").get("x"), Kind::Unreadable),
    ];
    assert_eq!(cases.len(), Kind::ALL.len(), "one case per kind");
    for (value, kind) in cases {
        assert_eq!(value.kind(), kind);
        assert_eq!(super::js::kind_of(&value), kind as u8);
    }
}

#[wasm_bindgen_test]
fn string_lengths_and_starts_are_read_without_copying_the_rest() {
    let before = memory_bytes();
    let huge = long_string(4 << 20);
    assert_eq!(huge.text_len(), Some(4 << 20));
    let (start, cut) = huge.string_start(100).expect("a string"); // ok: test
    assert_eq!((start.len(), cut), (100, true));
    assert!(memory_bytes() - before < f64::from(1 << 20), "the 4 MiB string was not copied");
    assert_eq!(JsValue::from_str("ab").string_start(2), Some(("ab".to_owned(), false)));
    assert_eq!(JsValue::from(1).text_len(), None);
}
