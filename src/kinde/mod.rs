//! Kinde Management API: the Users operations.
//!
//! Kinde authenticates with a bearer token from the client-credentials grant
//! (`POST {domain}/oauth2/token`, audience `{domain}/api`), or one the caller
//! supplies. Operations and wire types are declared in [`users`] and
//! [`models`]; the shared machinery of [`crate::core`] runs them.

pub mod config;
pub mod models;
pub mod users;

/// Provider name used in errors.
pub const PROVIDER: &str = "kinde";
