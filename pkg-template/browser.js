// Browsers (and any runtime without a more specific entry): the .wasm travels inside a JS module
// as base64, so importing this file is all it takes (no fetch of a separate
// asset, no top-level await, no init call).
import { initSync } from './wasm/idp_users.js';
import { wasmBase64 } from './wasm/idp_users_bg.wasm.js';

const binary = atob(wasmBase64);
const bytes = new Uint8Array(binary.length);
for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
initSync(bytes);

export { ClerkUsersApi, KindeUsersApi, IdpUsersError, bulk, wasmMemoryBytes } from './wasm/idp_users.js';
