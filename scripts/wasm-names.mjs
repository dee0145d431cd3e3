// Short names for what the .wasm imports and exports, for smaller bundles.
//
// wasm-bindgen names every import `__wbg_<name>_<16 hex digits>` under its
// module (`./idp_users_bg.js`, or the snippet's path, 60 characters, again
// for every import taken from it), and every export by its Rust path: 3 KB
// of the .wasm and of its JS glue, the hex digits incompressible. The build
// renames them (imports under one module `a`, each field and export a name
// of one or two letters; `memory` keeps its name, which the driver reads),
// drops the two custom sections no runtime reads (`producers`,
// `target_features`), and rewrites the glue to match (trimGlue in
// glue-options.mjs). Every other byte is copied as it is: binaryen's
// `--minify-imports-and-exports-and-modules` does the renaming too, but
// re-encodes the code section 228 bytes larger.

/** The module every import comes from once renamed. */
export const IMPORT_MODULE = 'a';

/** Name number `i`: a, b, ..., Z, aa, ba, ... (letters only: they are JS property names too). */
function shortName(i) {
  const ABC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = ABC[i % ABC.length];
  for (i = Math.floor(i / ABC.length); i > 0; i = Math.floor(i / ABC.length)) s += ABC[(i - 1) % ABC.length];
  return s;
}

/**
 * Renames the imports and exports of a .wasm. Returns `{ bytes, imports,
 * exports }`: the new module, a map from `module\0name` of each import to
 * its new field name, and one from each export's name to its new name.
 */
export function minifyWasmNames(input) {
  const b = Buffer.from(input);
  if (b.readUInt32LE(0) !== 0x6d736100 || b.readUInt32LE(4) !== 1) throw new Error('minifyWasmNames: not a version 1 .wasm');
  let p = 8;
  const uleb = () => {
    let r = 0;
    let shift = 0;
    let x;
    do {
      x = b[p++];
      r += (x & 0x7f) * 2 ** shift;
      shift += 7;
    } while (x & 0x80);
    return r;
  };
  const name = () => {
    const n = uleb();
    const s = b.toString('utf8', p, p + n);
    p += n;
    return s;
  };
  const encU = (n) => {
    const out = [];
    do {
      let x = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) x |= 0x80;
      out.push(x);
    } while (n > 0);
    return Buffer.from(out);
  };
  const encName = (s) => {
    const t = Buffer.from(s, 'utf8');
    return Buffer.concat([encU(t.length), t]);
  };
  /** Skips a limits (table and memory types): flags, min, and max when flagged. */
  const limits = () => {
    const flags = b[p++];
    uleb();
    if (flags & 1) uleb();
  };
  const imports = new Map();
  const exports = new Map();
  let next = 0;
  const parts = [b.subarray(0, 8)];
  let sawImports = false;
  let sawExports = false;
  while (p < b.length) {
    const start = p;
    const id = b[p++];
    const len = uleb();
    const body = p;
    const end = body + len;
    if (id === 0) {
      const custom = name();
      if (custom !== 'producers' && custom !== 'target_features') parts.push(b.subarray(start, end));
    } else if (id === 2) {
      sawImports = true;
      const count = uleb();
      const out = [encU(count)];
      for (let i = 0; i < count; i++) {
        const module = name();
        const field = name();
        const descStart = p;
        const kind = b[p++];
        if (kind === 0) uleb(); // a function: its type index
        else if (kind === 1) {
          p++; // a table: its reference type, then limits
          limits();
        } else if (kind === 2) limits(); // a memory
        else if (kind === 3) p += 2; // a global: value type (one byte for numbers and references), mutability
        else if (kind === 4) {
          p++; // a tag: attribute, type index
          uleb();
        } else throw new Error(`minifyWasmNames: import ${module} ${field} has unknown kind ${kind}`);
        const key = `${module}\0${field}`;
        if (imports.has(key)) throw new Error(`minifyWasmNames: ${module} ${field} is imported twice`);
        const short = shortName(next++);
        imports.set(key, short);
        out.push(encName(IMPORT_MODULE), encName(short), b.subarray(descStart, p));
      }
      if (p !== end) throw new Error('minifyWasmNames: the import section was not read to its end');
      const content = Buffer.concat(out);
      parts.push(Buffer.from([2]), encU(content.length), content);
    } else if (id === 7) {
      sawExports = true;
      const count = uleb();
      const out = [encU(count)];
      for (let i = 0; i < count; i++) {
        const field = name();
        const kind = b[p++];
        const index = uleb();
        let short = field;
        if (field !== 'memory') {
          // Export names must not collide with one kept as it is.
          do short = shortName(next++);
          while (short === 'memory');
          exports.set(field, short);
        }
        out.push(encName(short), Buffer.from([kind]), encU(index));
      }
      if (p !== end) throw new Error('minifyWasmNames: the export section was not read to its end');
      const content = Buffer.concat(out);
      parts.push(Buffer.from([7]), encU(content.length), content);
    } else {
      parts.push(b.subarray(start, end));
    }
    p = end;
  }
  if (p !== b.length || !sawImports || !sawExports) throw new Error('minifyWasmNames: no import or export section, or a section runs past the end');
  const bytes = Buffer.concat(parts);
  // The result must still be a module with the same imports and exports, renamed.
  const m = new WebAssembly.Module(bytes);
  if (WebAssembly.Module.imports(m).length !== imports.size || WebAssembly.Module.exports(m).length !== exports.size + 1) {
    throw new Error('minifyWasmNames: the renamed module does not list the same imports and exports');
  }
  return { bytes, imports, exports };
}
