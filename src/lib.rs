//! # idp-users
//!
//! Fetch-backed clients for the Users endpoints of identity providers,
//! compiled to WebAssembly and published to npm as `idp-users`.
//!
//! The crate is a sans-IO Rust core ([`engine`]) that validates arguments,
//! builds requests, manages tokens and maps responses and errors; one module
//! per provider ([`kinde`], [`clerk`]) that describes its operations and wire
//! types as data; and a thin `#[wasm_bindgen]` layer (`wasm`, on wasm32 only)
//! that the package's JS driver calls around the runtime's `fetch`.
#![deny(missing_docs)]
// Items internal to the crate are `pub(crate)`. The product is the wasm
// build, whose only user is `wasm`: there the compiler reports dead code. A
// native build's only users are the tests and the typings generator, so dead
// code is not reported for it. A one-provider build leaves the other
// provider's machinery (client credentials, offset paging, uploads) unused:
// dead code is judged on the full wasm build. (One attribute for both: two
// that apply at once are a duplicated-attribute warning.)
#![cfg_attr(any(not(target_arch = "wasm32"), not(all(feature = "kinde", feature = "clerk"))), allow(dead_code))]

#[cfg(feature = "clerk")]
pub mod clerk;
pub mod engine;
#[cfg(feature = "kinde")]
pub mod kinde;
#[cfg(all(not(target_arch = "wasm32"), feature = "kinde", feature = "clerk"))]
pub mod typings;

#[cfg(target_arch = "wasm32")]
mod wasm;
