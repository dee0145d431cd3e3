// The wasm-bindgen glue as the package ships it (the build bundles this file
// into dist/wasm/idp_users.js and .cjs, resolving the two aliased imports to
// the wasm-pack output). The Rust side exports one generic `__call` per
// client class plus the list of its operations; each operation becomes a
// method and its `...WithHttpInfo` twin here, which keeps both the .wasm and
// this glue small. Their typings are in index.d.ts.
import { initSync as instantiate, KindeUsersApi } from 'idp-users:glue';

export { IdpUsersError } from 'idp-users:runtime';
export { KindeUsersApi };

function install(cls) {
  cls.__operations().forEach((name, index) => {
    for (const [key, info] of [[name, false], [`${name}WithHttpInfo`, true]]) {
      const method = {
        [key](a, b, c, d, e) {
          return this.__call(index, info, a, b, c, d, e);
        },
      }[key];
      Object.defineProperty(cls.prototype, key, { value: method, writable: true, configurable: true });
    }
  });
}

/** Instantiates the module from bytes or a compiled module, then installs the methods. */
export function initSync(module) {
  instantiate({ module });
  install(KindeUsersApi);
}
