#!/usr/bin/env node
// What each entry's .wasm is made of: builds the crate with the release size
// flags of scripts/build.mjs, keeps function names through wasm-bindgen and
// wasm-opt (-g), reads the code and data sections, and sums the bytes by
// part of the crate (engine::request, core::fmt, the allocator, ...).
// Prints a markdown table per entry; BENCHMARKS.md quotes it.
//
//   node benches/size-report.mjs [--entries both,clerk,kinde]
//
// The sizes are those of the named build; names are kept only in the
// custom section, so the code and data bytes are the shipped ones (within a
// few hundred bytes: -g can keep wasm-opt from merging a few functions).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin');
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const ENTRIES = { both: [], clerk: ['--no-default-features', '--features', 'clerk'], kinde: ['--no-default-features', '--features', 'kinde'] };
const entries = arg('--entries', 'both,clerk,kinde').split(',');
const OPT_FLAGS = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

function build(entry) {
  const target = join(root, 'target', 'wasm-release');
  execFileSync('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib', ...ENTRIES[entry], '-Zbuild-std=std,panic_abort', '-Zbuild-std-features=optimize_for_size'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      RUSTC_BOOTSTRAP: '1',
      RUSTFLAGS: '-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -Zinline-mir=yes',
      CARGO_TARGET_DIR: target,
    },
  });
  const out = join(root, 'target', 'size-report', entry);
  mkdirSync(out, { recursive: true });
  const raw = join(out, 'raw.wasm');
  copyFileSync(join(target, 'wasm32-unknown-unknown', 'release', 'idp_users.wasm'), raw);
  execFileSync('wasm-bindgen', ['--target', 'web', '--keep-debug', '--no-typescript', '--out-dir', out, raw], { stdio: 'inherit' });
  const named = join(out, 'named.wasm');
  execFileSync(join(bin, 'wasm-opt'), ['-Oz', '-g', ...OPT_FLAGS, join(out, 'raw_bg.wasm'), '-o', named], { stdio: 'inherit' });
  return readFileSync(named);
}

/** A LEB128 reader over a byte array. */
function reader(bytes, pos = 0) {
  return {
    get pos() {
      return pos;
    },
    skip(n) {
      pos += n;
    },
    u32() {
      let result = 0;
      let shift = 0;
      for (;;) {
        const b = bytes[pos++];
        result |= (b & 0x7f) << shift;
        if ((b & 0x80) === 0) return result >>> 0;
        shift += 7;
      }
    },
    name() {
      const n = this.u32();
      const s = new TextDecoder().decode(bytes.subarray(pos, pos + n));
      pos += n;
      return s;
    },
  };
}

/** Function body sizes by function index, data segment sizes, and function names. */
function sections(bytes) {
  const r = reader(bytes, 8);
  let imports = 0;
  const bodies = [];
  const data = [];
  const names = new Map();
  while (r.pos < bytes.length) {
    const id = bytes[r.pos];
    r.skip(1);
    const size = r.u32();
    const start = r.pos;
    if (id === 2) {
      const s = reader(bytes, start);
      const count = s.u32();
      for (let i = 0; i < count; i++) {
        s.name();
        s.name();
        const kind = bytes[s.pos];
        s.skip(1);
        if (kind === 0) {
          imports++;
          s.u32();
        } else if (kind === 1) {
          s.skip(1);
          const flags = s.u32();
          s.u32();
          if (flags & 1) s.u32();
        } else if (kind === 2) {
          const flags = s.u32();
          s.u32();
          if (flags & 1) s.u32();
        } else if (kind === 3) s.skip(2);
        else if (kind === 4) {
          s.skip(1);
          s.u32();
        }
      }
    } else if (id === 10) {
      const s = reader(bytes, start);
      const count = s.u32();
      for (let i = 0; i < count; i++) {
        const n = s.u32();
        bodies.push(n);
        s.skip(n);
      }
    } else if (id === 11) {
      const s = reader(bytes, start);
      const count = s.u32();
      for (let i = 0; i < count; i++) {
        const segStart = s.pos;
        const flags = s.u32();
        if (flags === 2) s.u32();
        if (flags !== 1) {
          // The offset expression: skip to its `end` opcode.
          while (bytes[s.pos] !== 0x0b) s.skip(1);
          s.skip(1);
        }
        const n = s.u32();
        s.skip(n);
        data.push(s.pos - segStart);
      }
    } else if (id === 0) {
      const s = reader(bytes, start);
      if (s.name() === 'name') {
        while (s.pos < start + size) {
          const sub = bytes[s.pos];
          s.skip(1);
          const subSize = s.u32();
          const subEnd = s.pos + subSize;
          if (sub === 1) {
            const count = s.u32();
            for (let i = 0; i < count; i++) {
              const index = s.u32();
              names.set(index, s.name());
            }
          }
          s.skip(subEnd - s.pos);
        }
      }
    }
    r.skip(start + size - r.pos);
  }
  return { imports, bodies, data, names };
}

/** The part of the program a function belongs to, from its (mangled or demangled) name. */
function part(name) {
  const n = name.replace(/\[[0-9a-f]+\]/g, '');
  const own = /idp_users::(engine|wasm|kinde|clerk)::(\w+)/.exec(n);
  if (own) return own[1] === 'kinde' || own[1] === 'clerk' ? `${own[1]} (tables, config)` : `${own[1]}::${own[2]}`;
  // LTO inlines most of the engine into the exported methods' bodies.
  if (/^usersapi_/.test(n)) return 'exported methods (with the engine code LTO inlined into them)';
  if (/^__wbg_|wasm_bindgen|js_sys|__wbindgen|externref/.test(n)) return 'wasm-bindgen glue';
  if (/talc|dlmalloc|__rust_(alloc|dealloc|realloc)|__rdl_|__rg_/.test(n)) return 'allocator (talc)';
  if (/core::fmt|Formatter|fmt::write|pad_integral|as core::fmt/.test(n)) return 'core::fmt (formatting)';
  if (/percent_encoding/.test(n)) return 'percent-encoding';
  if (/alloc::|core::|std::|memcpy|memmove|memset|memcmp|compiler_builtins/.test(n)) return 'core/alloc/std (strings, vecs, slices)';
  return 'other';
}

function report(entry, bytes) {
  const { imports, bodies, data, names } = sections(bytes);
  const parts = new Map();
  bodies.forEach((size, i) => {
    const p = part(names.get(imports + i) ?? '');
    parts.set(p, (parts.get(p) ?? 0) + size);
  });
  parts.set('data (message strings, operation tables)', data.reduce((a, b) => a + b, 0));
  const total = [...parts.values()].reduce((a, b) => a + b, 0);
  const rows = [...parts].sort((a, b) => b[1] - a[1]);
  const lines = [`#### ${entry === 'both' ? 'idp-users' : `idp-users/${entry}`}: ${total.toLocaleString('en')} B of code and data`, '', '| part | bytes | share |', '|---|---:|---:|'];
  for (const [p, size] of rows) lines.push(`| ${p} | ${size.toLocaleString('en')} | ${((100 * size) / total).toFixed(1)}% |`);
  return lines.join('\n');
}

for (const entry of entries) {
  if (!ENTRIES[entry]) throw new Error(`unknown entry ${entry} (both, clerk, kinde)`);
  console.log(`${report(entry, build(entry))}\n`);
}
