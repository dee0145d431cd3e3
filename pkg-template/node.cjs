// Node.js and Bun (CommonJS `require`): same as node.mjs.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const glue = require('./wasm/idp_users.cjs');

glue.initSync(readFileSync(join(__dirname, 'wasm', 'idp_users_bg.wasm')));

exports.ClerkUsersApi = glue.ClerkUsersApi;
exports.KindeUsersApi = glue.KindeUsersApi;
exports.IdpUsersError = glue.IdpUsersError;
exports.bulk = glue.bulk;
exports.wasmMemoryBytes = glue.wasmMemoryBytes;
// For idp-users/proxy alone (see glue.js).
exports.__proxy = glue.__proxy;
