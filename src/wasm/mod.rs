//! The `#[wasm_bindgen]` layer: converts between JavaScript and the Rust
//! core, and nothing more. Every JS value is read through catching calls, so
//! a hostile or odd input (a throwing getter, a Proxy, a custom `fetch` that
//! returns garbage) becomes a typed error instead of a trap. No Rust future
//! crosses the boundary: the package's JS driver (pkg-template/glue.js) owns
//! the promises and calls the synchronous steps exported here.

/// The allocator: talc instead of Rust's default dlmalloc, for its size
/// (measured by `node benches/size-report.mjs`). wasm32 here is single
/// threaded, which `TalckWasm` assumes.
#[global_allocator]
// SAFETY: the module runs on one thread (no wasm threads are enabled), the
// one case `new_global` requires.
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

mod api;
mod error;
mod exchange;
mod js;
mod protocol;
#[cfg(test)]
mod tests;
mod value;
