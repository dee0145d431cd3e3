// Browsers and their bundlers: the .wasm is an asset of its own. Vite and
// webpack 5 see `new URL('…', import.meta.url)` and emit the file (hashed)
// next to the bundle; the browser then fetches it and compiles it while it
// downloads. Top-level await finishes that before any importer runs, so
// there is still no init() to call. A single file with the .wasm inside
// is `idp-users/inline` (see README).
import { initSync } from './wasm/idp_users.js';

const url = new URL('./wasm/idp_users_bg.wasm', import.meta.url);
const res = await fetch(url);
if (!res.ok) throw new Error(`idp-users: ${url} answered HTTP ${res.status}: serve the .wasm next to the bundle (see the README's "Browsers")`);
// Streaming compilation needs the server to say application/wasm; under any
// other type the module is compiled from its bytes, as correctly.
initSync(
  /^application\/wasm(;|$)/i.test(res.headers.get('content-type') ?? '')
    ? await WebAssembly.compileStreaming(res)
    : await WebAssembly.compile(await res.arrayBuffer()),
);

export { ClerkUsersApi, KindeUsersApi, IdpUsersError, bulk, wasmMemoryBytes, __proxy } from './wasm/idp_users.js';
