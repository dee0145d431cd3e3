//! Clerk Backend API: the Users operations.
//!
//! Clerk authenticates every request with the instance's secret key as a
//! bearer token, and versions its API by date through the `Clerk-API-Version`
//! header. Operations and wire types are declared in [`users`] and
//! [`models`]; the shared machinery of [`crate::core`] runs them.

pub mod config;
pub mod models;
pub mod users;

/// Provider name used in errors.
pub const PROVIDER: &str = "clerk";
