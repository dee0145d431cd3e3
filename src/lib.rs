//! # idp-users
//!
//! Fetch-backed clients for the Users endpoints of identity providers,
//! compiled to WebAssembly and published to npm as `idp-users`.
//!
//! The crate is a sans-IO Rust core ([`core`]) that validates arguments,
//! builds requests, manages tokens and maps responses and errors; one module
//! per provider ([`kinde`], [`clerk`]) that describes its operations and wire
//! types as data; and a thin `#[wasm_bindgen]` layer (`wasm`, on wasm32 only)
//! that the package's JS driver calls around the runtime's `fetch`.
#![deny(missing_docs)]

#[cfg(feature = "clerk")]
pub mod clerk;
pub mod core;
#[cfg(feature = "kinde")]
pub mod kinde;
#[cfg(all(not(target_arch = "wasm32"), feature = "kinde", feature = "clerk"))]
pub mod typings;

#[cfg(target_arch = "wasm32")]
mod wasm;
