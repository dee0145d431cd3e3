// How the JS driver is bundled with the wasm-bindgen glue: the esbuild options
// `npm run build` uses for every entry, and that benches/crates.mjs uses for
// its spike builds so that both measure the same bundle.
import * as acorn from 'acorn';

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
 * `gluePath`) before it is bundled, for smaller bundles. `names` is what
 * minifyWasmNames (wasm-names.mjs) renamed in the .wasm that ships with it.
 * Each rewrite fails the build when wasm-bindgen's output no longer has the
 * shape it expects, instead of shipping glue it did not check.
 *
 * - The imports object: wasm-bindgen imports the snippet module
 *   (pkg-template/runtime.js) once as a namespace per import the .wasm
 *   takes from it, and hands the namespaces over under duplicate keys, so
 *   a bundler must build a namespace object with a getter for every export
 *   of runtime.js. The .wasm's imports now come from one module with short
 *   names: one object holds wasm-bindgen's import functions under those
 *   names, and the snippet's functions the .wasm imports, by reference.
 * - wasm-bindgen writes its import functions `name: function (…) {…}`; as
 *   methods (`name(…) {…}`) they behave the same (none is called with
 *   `new`), and a bundler that keeps function names (wrangler does by
 *   default) adds nothing for a method, where it wraps each property
 *   function in a call repeating its name.
 * - Every `wasm.<export>` takes the export's new name.
 * - initSync's warning for the deprecated call form goes: the driver always
 *   passes `{ module }`.
 * - An import function that may throw (`JSON.parse` of every response
 *   body, `Reflect.get`, `Reflect.set`) catches in itself, instead of
 *   wasm-bindgen's `handleError(function (…) {…}, arguments)`, which makes
 *   a closure and spreads `arguments` through `apply` on every call.
 */
export function trimGlue(gluePath, names) {
  const { imports, exports, module: importModule } = names;
  return {
    name: 'idp-users-trim-glue',
    setup(build) {
      build.onLoad({ filter: /[\\/]idp_users\.js$/ }, async (args) => {
        if (args.path !== gluePath) return undefined;
        const { readFile } = await import('node:fs/promises');
        let text = await readFile(gluePath, 'utf8');
        const fail = (what) => {
          throw new Error(`trimGlue: wasm-bindgen's glue ${gluePath} ${what}: update scripts/glue-options.mjs`);
        };
        // The snippet namespaces: one stays, for the references below.
        const nsImport = /^import \* as (import\d+) from ("[^"]+");?\n/gm;
        const spaces = [...text.matchAll(nsImport)];
        if (spaces.length === 0) fail('imports no snippet namespace');
        const [, ns, spec] = spaces[0];
        const snippet = JSON.parse(spec);
        if (spaces.some((m) => m[2] !== spec)) fail('imports more than one snippet module');
        text = text.replace(nsImport, (line, n) => (n === ns ? line : ''));
        // The import functions that catch: `function() { return handleError(function (args) {…}, arguments); }`.
        const caught = /function\(\) \{ return handleError\(function \(([\w, ]*)\) \{\n([\s\S]*?)\n        \}, arguments\); \}/g;
        const handler = /\nfunction handleError\(f, args\) \{\n    try \{\n        return f\.apply\(this, args\);\n    \} catch \(e\) \{\n(        const idx = addToExternrefTable0\(e\);\n        wasm\.__wbindgen_exn_store\(idx\);)\n    \}\n\}\n/;
        const store = handler.exec(text)?.[1];
        if (!store) fail('has no handleError(f, args) of the expected shape');
        text = text.replace(handler, () => '\n');
        text = text.replace(caught, (m, args, inner) => `function(${args}) {\n        try {\n${inner}\n        } catch (e) {\n${store}\n        }\n    }`);
        if (/\bhandleError\b/.test(text)) fail('calls handleError in a form this rewrite does not know');
        // The imports object.
        const body = /function __wbg_get_imports\(\) \{\n    const (import0) = \{\n[\s\S]*?\n    \};\n    return \{\n[\s\S]*?\n    \};\n\}\n/;
        const fn = body.exec(text)?.[0];
        if (!fn) fail('has no __wbg_get_imports() of the expected shape');
        const own = new Map();
        const fromSnippet = [];
        for (const [key, short] of imports) {
          const [module, field] = key.split('\0');
          if (module === snippet) fromSnippet.push(`${short}: ${ns}.${field}`);
          else if (module === './idp_users_bg.js') own.set(field, short);
          else fail(`is not where the .wasm's import ${module} ${field} comes from`);
        }
        let renamed = 0;
        let rewritten = fn.replace(/^(        )(\w+): function\(/gm, (m, indent, field) => {
          const short = own.get(field);
          if (!short) fail(`defines an import function ${field} the .wasm does not import`);
          renamed++;
          return `${indent}${short}(`;
        });
        if (renamed !== own.size) fail(`defines ${renamed} of the ${own.size} import functions the .wasm takes from ./idp_users_bg.js`);
        rewritten = rewritten.replace(/\n    return \{\n[\s\S]*?\n    \};\n\}\n$/, () => `\n    return { ${importModule}: Object.assign(import0, { ${fromSnippet.join(', ')} }) };\n}\n`);
        text = text.replace(fn, () => rewritten);
        // The exports.
        text = text.replace(/\bwasm\.(\w+)/g, (m, field) => {
          if (field === 'memory') return m;
          const short = exports.get(field);
          if (!short) fail(`reads wasm.${field}, which the .wasm does not export`);
          return `wasm.${short}`;
        });
        // initSync's deprecated form.
        const warn = /\} else \{\n\s*console\.warn\('using deprecated parameters for `initSync\(\)`[^\n]*\n\s*\}/;
        if (!warn.test(text)) fail("has no initSync warning for deprecated parameters");
        text = text.replace(warn, '}');
        return { contents: text, loader: 'js' };
      });
    },
  };
}

/**
 * Rewrites a bundled entry (esbuild's output, `text`) so that a bundler that
 * keeps function names (wrangler does by default: esbuild's keepNames) finds
 * none to keep. keepNames wraps every function or class that has a name of
 * its own or one inferred from where it is written (`function f`,
 * `const f = () => …`, `{ key: function () {} }`) in a call repeating the
 * name (`__name(f, "f")`; 79 in the Clerk Worker, some run on every call);
 * it leaves a method (`{ key() {} }`) and a function whose name is not
 * inferred alone. So:
 *
 * - each anonymous function, arrow or class written where it would take a
 *   name (a variable's, property's, assignment's or default value's) is
 *   written `(0, …)`, where it takes none;
 * - each top-level function declaration becomes `var f = (0, function …)`,
 *   all of them before the module's first statement (where hoisting binds
 *   declarations), each its own statement so that a bundler still drops
 *   the ones a Worker does not use.
 *
 * The functions behave the same (callable with `new`, with their
 * `prototype`, `this` and `arguments`); only `.name` is empty instead of a
 * minified name nothing reads (the driver names its public classes and
 * IdpUsersError itself). Nested function declarations stay as they are.
 */
export function unnameFunctions(text) {
  const parse = (source) => acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  // The values that would take a name.
  const anonymous = (node) =>
    node && ((node.type === 'FunctionExpression' || node.type === 'ClassExpression') ? !node.id : node.type === 'ArrowFunctionExpression');
  const wrap = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node.type !== 'string') return;
    let value;
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') value = node.init;
    else if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && node.operator !== '+=') value = node.right;
    else if (node.type === 'AssignmentPattern' && node.left.type === 'Identifier') value = node.right;
    else if (node.type === 'Property' && node.kind === 'init' && !node.method && !node.shorthand) value = node.value;
    else if (node.type === 'PropertyDefinition') value = node.value;
    if (anonymous(value)) wrap.push(value);
    for (const key of Object.keys(node)) if (key !== 'type' && node[key] && typeof node[key] === 'object') visit(node[key]);
  };
  visit(parse(text));
  const edits = wrap.flatMap((v) => [
    [v.start, '(0,'],
    [v.end, ')'],
  ]);
  edits.sort((a, b) => b[0] - a[0]);
  for (const [at, insert] of edits) text = text.slice(0, at) + insert + text.slice(at);
  // The top-level function declarations.
  const program = parse(text);
  const fns = program.body.filter((node) => node.type === 'FunctionDeclaration');
  if (fns.length === 0) return text;
  const first = program.body.find((node) => node.type !== 'ImportDeclaration' && !node.directive);
  const bindings = fns.map((fn) => `var ${fn.id.name}=(0,${text.slice(fn.start, fn.id.start).trimEnd()}${text.slice(fn.id.end, fn.end)});`);
  // No declaration comes before the first statement: removing them all
  // leaves the text before it where it was.
  let out = text.slice(0, first.start) + bindings.join('');
  let at = first.start;
  for (const fn of fns) {
    out += text.slice(at, fn.start);
    at = fn.end;
  }
  return out + text.slice(at);
}
