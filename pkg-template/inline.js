// idp-users/inline: one self-contained module, the .wasm inside as base64,
// for pages and runtimes that cannot serve a second file (a single-file
// build, a script from a CDN, an unknown bundler). Importing it is all it
// takes: no fetch, no top-level await, no init call. It costs about a third
// more bytes on the wire than the default entry's separate .wasm.
import { initSync } from './wasm/idp_users.js';
import { wasmBase64 } from './wasm/idp_users_bg.wasm.js';

const binary = atob(wasmBase64);
const bytes = new Uint8Array(binary.length);
for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
initSync(bytes);

export { ClerkUsersApi, KindeUsersApi, IdpUsersError, bulk, wasmMemoryBytes, __proxy } from './wasm/idp_users.js';
