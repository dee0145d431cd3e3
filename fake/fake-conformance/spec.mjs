// What the conformance drivers (kinde.mjs, clerk.mjs) share: reading an
// answer through Prism, the final report, and what they read from an official
// spec to check what Prism lets through: fields a response has that the spec
// does not define (at any depth, following oneOf/allOf), and a body on a
// response the spec documents without content.
//
// The spec is read with the YAML parser that Prism's install brings
// (PRISM_HOME, default ~/.cache/idp-users-conformance).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/**
 * Loads a spec: from the path in the environment variable `envVar`, else
 * `../shared/reference/<file>` next to this checkout. Returns its
 * `strictProblems(method, path, status, json, text)`.
 */
export function loadSpec(envVar, file) {
  const prismHome = process.env.PRISM_HOME ?? join(homedir(), '.cache', 'idp-users-conformance');
  const specPath = process.env[envVar] ?? fileURLToPath(new URL(`../../../shared/reference/${file}`, import.meta.url));
  const yaml = createRequire(join(prismHome, 'node_modules', 'x.js'))('js-yaml');
  const spec = yaml.load(readFileSync(specPath, 'utf8'));

  function resolve(node) {
    let n = node;
    while (n && n.$ref) n = n.$ref.slice(2).split('/').reduce((acc, key) => acc[key], spec);
    return n;
  }

  /** The spec's response object for `method path status` (path is a concrete path). */
  function specResponse(method, path, status) {
    // Literal templates first, so /users/count is not taken for /users/{user_id}.
    const templates = Object.entries(spec.paths).sort(([a], [b]) => (a.match(/\{/g) ?? []).length - (b.match(/\{/g) ?? []).length);
    for (const [template, item] of templates) {
      const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      if (re.test(path) && item[method.toLowerCase()]) return resolve(item[method.toLowerCase()].responses?.[String(status)]);
    }
    return undefined;
  }

  /** The properties a (resolved) schema defines, merging allOf; undefined when it defines none. */
  function propertiesOf(s) {
    if (s.allOf) return Object.assign({}, ...s.allOf.map((x) => propertiesOf(resolve(x)) ?? {}));
    return s.properties;
  }

  /** Paths of fields in `value` that `schema` does not define. */
  function undefinedFields(schema, value, path = '', out = []) {
    let s = resolve(schema);
    if (!s) return out;
    if (s.oneOf || s.anyOf) {
      const variants = (s.oneOf ?? s.anyOf).map(resolve);
      // The variant named by the discriminator (`object`), else the first that defines every key.
      const byObject = variants.find((v) => value && propertiesOf(v)?.object?.enum?.includes(value.object));
      const fitting = variants.find((v) => value && typeof value === 'object' && Object.keys(value).every((k) => k in (propertiesOf(v) ?? {})));
      s = byObject ?? fitting ?? variants[0];
    }
    if (Array.isArray(value)) {
      if (s.items) value.forEach((v, i) => undefinedFields(s.items, v, `${path}[${i}]`, out));
      return out;
    }
    const props = propertiesOf(s);
    if (value !== null && typeof value === 'object' && props) {
      for (const [key, v] of Object.entries(value)) {
        if (!(key in props)) out.push(`${path}.${key}`);
        else undefinedFields(props[key], v, `${path}.${key}`, out);
      }
    }
    return out;
  }

  /** Problems Prism does not report: fields outside the schema, a body where the spec has none. */
  function strictProblems(method, path, status, json, text) {
    const documented = specResponse(method, path, status);
    if (!documented) return [];
    if (!documented.content) return text === '' ? [] : [`spec gives ${status} no body, got: ${text.slice(0, 200)}`];
    const schema = Object.values(documented.content)[0]?.schema;
    return undefinedFields(schema, json).map((f) => `field not in the spec: ${f}`);
  }

  return { spec, strictProblems };
}

/** Reads an answer through Prism: its text, its JSON (if any) and what Prism found wrong. */
export async function readAnswer(response) {
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const problems = [];
  const headerViolations = response.headers.get('sl-violations');
  if (headerViolations) problems.push(`sl-violations: ${headerViolations}`);
  if (response.status === 500 && json?.validation) problems.push(`response violations: ${JSON.stringify(json.validation)}`);
  return { text, json, problems };
}

/**
 * Prints every check (`{ name, method, path, status, ok, problems }`) and a
 * summary; true when all passed.
 */
export function report(results) {
  const failed = results.filter((r) => !r.ok);
  for (const r of results) {
    process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${String(r.status).padEnd(3)} ${r.name}  (${r.method} ${r.path})\n`);
    for (const p of r.problems) process.stdout.write(`       ${p}\n`);
  }
  const byStatus = {};
  for (const r of results) if (r.status !== '') byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  process.stdout.write(
    `\n${results.length} checks, ${results.length - failed.length} passed, ${failed.length} failed; statuses seen: ${JSON.stringify(byStatus)}\n`,
  );
  return failed.length === 0;
}
