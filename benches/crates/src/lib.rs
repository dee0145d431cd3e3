//! The package's sources with the spikes of `wasm/spikes.rs` beside them:
//! the crates the package leaves out, doing the work they would do, weighed
//! by `node benches/crates.mjs` against the package as it is. The modules
//! below are the package's own files (`src/`), compiled here unchanged, so a
//! spike measures today's code; only `wasm::spikes` is this crate's.
#![allow(dead_code)]

#[cfg(feature = "clerk")]
#[path = "../../../src/clerk/mod.rs"]
pub mod clerk;
#[path = "../../../src/engine/mod.rs"]
pub mod engine;
#[cfg(feature = "kinde")]
#[path = "../../../src/kinde/mod.rs"]
pub mod kinde;

/// `src/wasm` without its tests, plus the spikes.
#[cfg(target_arch = "wasm32")]
mod wasm {
    /// The package's allocator (see `src/wasm/mod.rs`).
    #[global_allocator]
    // SAFETY: the module runs on one thread, as in the package.
    static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

    #[path = "../../../../src/wasm/api.rs"]
    mod api;
    #[path = "../../../../src/wasm/error.rs"]
    mod error;
    #[path = "../../../../src/wasm/exchange.rs"]
    mod exchange;
    #[path = "../../../../src/wasm/js.rs"]
    mod js;
    #[path = "../../../../src/wasm/protocol.rs"]
    mod protocol;
    mod spikes;
    #[path = "../../../../src/wasm/value.rs"]
    mod value;
}
