// Node.js, Bun and Deno (ESM; Deno and Bun match the `node` condition too):
// the .wasm is read from the package directory
// and instantiated synchronously at import time.
import { readFileSync } from 'node:fs';
import { initSync } from './wasm/idp_users.js';

initSync(readFileSync(new URL('./wasm/idp_users_bg.wasm', import.meta.url)));

export { ClerkUsersApi, KindeUsersApi, IdpUsersError, bulk, wasmMemoryBytes, __proxy } from './wasm/idp_users.js';
