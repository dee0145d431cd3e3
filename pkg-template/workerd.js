// Cloudflare Workers / workerd: the .wasm is imported statically (bundlers
// for Workers turn it into a WebAssembly.Module) and instantiated
// synchronously, so the first request pays no fetch and no await.
import wasm from './wasm/idp_users_bg.wasm';
import { initSync } from './wasm/idp_users.js';

initSync(wasm);

export { ClerkUsersApi, KindeUsersApi, IdpUsersError, bulk, wasmMemoryBytes, __proxy } from './wasm/idp_users.js';
