//! The `#[wasm_bindgen]` layer: converts between JavaScript and the Rust
//! core, and nothing more. Every JS value is read through catching calls, so
//! a hostile or odd input (a throwing getter, a Proxy, a custom `fetch` that
//! returns garbage) becomes a typed error instead of a trap.

mod api;
mod error;
mod js;
mod transport;
mod value;
