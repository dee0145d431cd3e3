// How the JS driver is bundled with the wasm-bindgen glue: the esbuild options
// `npm run build` uses for every entry, and that benches/crates.mjs uses for
// its spike builds so that both measure the same bundle.
export const glueOptions = {
  bundle: true,
  minifyWhitespace: true,
  minifySyntax: true,
  // The driver (driver/clients.js) names its public classes itself (`KindeUsersApi.name`),
  // which costs far less than esbuild's keepNames.
  minifyIdentifiers: true,
  legalComments: 'none',
  // wasm-bindgen lists the snippet module once per import it takes from it.
  logOverride: { 'duplicate-object-key': 'silent' },
  logLevel: 'warning',
  target: 'es2022',
};

/**
 * An esbuild plugin that rewrites wasm-bindgen's generated glue (the file at
 * `gluePath`) before it is bundled, for smaller Worker bundles. Each rewrite
 * fails the build when wasm-bindgen's output no longer has the shape it
 * expects, instead of shipping glue it did not check.
 *
 * - wasm-bindgen imports the snippet module (pkg-template/runtime.js) once
 *   as a namespace per import the .wasm takes from it, and hands the
 *   namespaces to the .wasm under duplicate keys: a bundler must then build
 *   a namespace object with a getter for every export of runtime.js. One
 *   object of exactly the functions the .wasm imports (read from its import
 *   section) replaces them.
 * - Its import functions are written `name: function (…) {…}`; as methods
 *   (`name(…) {…}`) they behave the same (none is called with `new`), and a
 *   bundler that keeps function names (wrangler does by default) adds
 *   nothing for a method, where it wraps each property function in a call
 *   repeating its long hashed name.
 * - initSync's warning for the deprecated call form goes: the driver always
 *   passes `{ module }`.
 */
export function trimGlue(gluePath, wasmBytes) {
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasmBytes));
  return {
    name: 'idp-users-trim-glue',
    setup(build) {
      build.onLoad({ filter: /[\\/]idp_users\.js$/ }, async (args) => {
        if (args.path !== gluePath) return undefined;
        const { readFile } = await import('node:fs/promises');
        let text = await readFile(gluePath, 'utf8');
        const must = (re, what) => {
          if (!re.test(text)) throw new Error(`trimGlue: wasm-bindgen's glue ${gluePath} no longer has ${what}: update scripts/glue-options.mjs`);
        };
        // The snippet namespaces.
        const nsImport = /^import \* as (import\d+) from ("[^"]+");?\n/gm;
        const spaces = [...text.matchAll(nsImport)];
        if (spaces.length === 0) throw new Error(`trimGlue: no snippet namespace import in ${gluePath}`);
        const [, first, spec] = spaces[0];
        const module = JSON.parse(spec);
        if (spaces.some((m) => m[2] !== spec)) throw new Error('trimGlue: the glue imports more than one snippet module');
        const names = [...new Set(imports.filter((i) => i.module === module).map((i) => i.name))];
        if (names.length === 0) throw new Error(`trimGlue: the .wasm imports nothing from ${module}`);
        text = text.replace(nsImport, (line, ns) => (ns === first ? line : ''));
        const entries = new RegExp(`^\\s*${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: import\\d+,\\n`, 'gm');
        must(entries, 'the snippet namespaces in the imports object');
        let placed = false;
        text = text.replace(entries, () => {
          if (placed) return '';
          placed = true;
          return `        ${spec}: { ${names.map((n) => `${n}: ${first}.${n}`).join(', ')} },\n`;
        });
        // Import functions as methods.
        const body = /function __wbg_get_imports\(\) \{[\s\S]*?\n\}\n/;
        must(body, 'function __wbg_get_imports()');
        text = text.replace(body, (fn) => {
          const out = fn.replace(/^(\s+)(\w+): function\(/gm, '$1$2(');
          if (out === fn) throw new Error('trimGlue: no import function written `name: function(` in __wbg_get_imports');
          return out;
        });
        // initSync's deprecated form.
        const warn = /\} else \{\n\s*console\.warn\('using deprecated parameters for `initSync\(\)`[^\n]*\n\s*\}/;
        must(warn, "initSync's warning for deprecated parameters");
        text = text.replace(warn, '}');
        return { contents: text, loader: 'js' };
      });
    },
  };
}
