//! The `#[wasm_bindgen]` layer: converts between JavaScript and the Rust
//! core, and nothing more. Every JS value is read through catching calls, so
//! a hostile or odd input (a throwing getter, a Proxy, a custom `fetch` that
//! returns garbage) becomes a typed error instead of a trap. No Rust future
//! crosses the boundary: the package's JS driver (pkg-template/glue.js) owns
//! the promises and calls the synchronous steps exported here.

/// The allocator: talc instead of Rust's default dlmalloc, for its size
/// (measured by `node benches/size-report.mjs`). wasm32 here is single
/// threaded, which `TalckWasm` assumes. Its `lock_api` feature is the least
/// it builds with (`WasmHandler`, which grows the memory, needs it).
///
/// Not `lol_alloc`'s free-list allocator, although it is about 1 KB smaller
/// gzipped: its `realloc` always moves (talc grows a block in place) and it
/// grows the memory by a whole request even when the free block at the top
/// could take part of it, so a 1 MiB non-ASCII id (1 MiB, then 3 MiB, as
/// wasm-bindgen passes it) takes 4 MiB where talc takes 3, and the soak run
/// of the fuzz suite grew the memory by 10 MiB against its 4 MiB budget
/// (benches/GAPS.md, "Size").
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
