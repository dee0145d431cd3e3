//! Provider-independent machinery: values, schemas, operations, encoding,
//! validation, errors, auth and the client flow. Everything here runs (and
//! is tested) natively; only `crate::wasm` touches JavaScript.

pub mod auth;
pub mod client;
pub mod config;
pub mod encode;
pub mod error;
pub mod exchange;
pub mod op;
pub mod paging;
pub mod request;
pub mod retry;
pub mod retry_after;
pub mod schema;
pub mod text;
pub mod value;
