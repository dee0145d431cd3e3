//! Kinde Management API: the Users operations.
//!
//! Kinde authenticates with a bearer token from the client-credentials grant
//! (`POST {domain}/oauth2/token`, audience `{domain}/api`), or one the caller
//! supplies. Operations and wire types are declared in [`users`] and
//! [`models`]; the shared machinery of [`crate::engine`] runs them. What they
//! resolve to is declared for the typings only, in `results`.

pub mod config;
pub mod models;
#[cfg(not(target_arch = "wasm32"))]
pub mod results;
pub mod users;

/// Provider name used in errors.
pub(crate) const PROVIDER: &str = "kinde";
