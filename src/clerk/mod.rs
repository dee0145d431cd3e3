//! Clerk Backend API: the Users operations.
//!
//! Clerk authenticates every request with the instance's secret key as a
//! bearer token, and versions its API by date through the `Clerk-API-Version`
//! header. Operations and wire types are declared in [`users`] and
//! [`models`]; the shared machinery of [`crate::engine`] runs them. What they
//! resolve to is declared for the typings only, in `results`.

pub mod config;
pub mod models;
#[cfg(not(target_arch = "wasm32"))]
pub mod results;
pub mod users;

/// Provider name used in errors.
pub(crate) const PROVIDER: &str = "clerk";
