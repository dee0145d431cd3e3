// `idp-users/proxy`: a fetch handler that forwards a browser client's calls
// to Kinde or Clerk with credentials only the server holds (see proxy.d.ts).
//
// It imports the package by its own name, so every runtime's export
// condition picks the same entry (and the same wasm instance) as the app's
// own `import 'idp-users'`: node.mjs in Node, Deno and Bun, workerd.js under
// wrangler, browser.js in bundlers. The build also turns this file into
// proxy.cjs, whose `require('idp-users')` picks node.cjs.
//
// A request runs: route (provider from the path under basePath) → authorize
// (the request's site, then the app's `authorize`) → operation (the clients'
// own operation tables, through the classes' __route) and allow → forward
// (body, size-capped; the bearer the client would send, from client.__bearer
// and its single-flight token cache; fetch), all within the config's time
// limit → answer (status, body rebuilt without credentials, rate-limit headers).
import { ClerkUsersApi, IdpUsersError, KindeUsersApi } from 'idp-users';

// Each class's static `__operations()` (its method names, in operation
// order) and `__route(method, path)` (the index of an operation) come from
// the package's driver.
// `index`: the provider's position in this list and in the arrays below.
const PROVIDERS = [
  { name: 'kinde', index: 0, Api: KindeUsersApi, secrets: ['clientSecret', 'accessToken'] },
  { name: 'clerk', index: 1, Api: ClerkUsersApi, secrets: ['secretKey'] },
];
const OPTIONS = ['kinde', 'clerk', 'allow', 'authorize', 'basePath', 'maxBodyBytes', 'allowedOrigins'];
const MiB = 1024 * 1024;
const DEFAULT_MAX_BODY = MiB;
const MAX_BODY_LIMIT = 64 * MiB;
const DEFAULT_BASE_PATH = '/admin-api';
/** Query strings longer than this are refused (the clients never send one: they stop at 32 KiB). */
const MAX_QUERY = 32 * 1024;
/** Request headers forwarded from the incoming request; everything else (Authorization, Cookie, Host, hop-by-hop, ...) is dropped. */
const FORWARDED = ['content-type', 'accept', 'x-request-id', 'x-correlation-id'];
/** Response headers passed back from the provider, besides `ratelimit-*` and `x-ratelimit-*` (the content type is the proxy's own). */
const PASSED_BACK = new Set(['retry-after', 'cf-ray']);
const RATE_LIMIT = /^(?:x-)?ratelimit(?:-|$)/;
const NO_BODY_STATUS = new Set([204, 205, 304]);
/** Methods that change nothing: no cross-site check for them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** One path segment of basePath: RFC 3986 pchar without `%` (no escapes). */
const BASE_SEGMENT = /^[A-Za-z0-9._~!$&'()*+,;=:@-]+$/;

function invalid(param, message) {
  return new IdpUsersError(`createUsersProxy: ${message}`, { kind: 'validation', operation: 'createUsersProxy', param });
}

/** Own property of a plain options object, read once; a throwing getter is a validation error. */
function read(object, key, param) {
  try {
    return object[key];
  } catch {
    throw invalid(param, `${param} could not be read`);
  }
}

function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** The closest of `names` to `given` (case-insensitive edit distance up to a third of its length), or undefined. */
function closest(given, names) {
  let best;
  let bestDistance = Math.max(2, Math.floor(given.length / 3)) + 1;
  for (const name of names) {
    const d = distance(given.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** The allow list as [provider index → Set of operation indexes]. */
function parseAllow(allow, operations, configured) {
  let list;
  try {
    if (!Array.isArray(allow)) throw 0;
    list = Array.from(allow);
  } catch {
    throw invalid('allow', 'allow must be an array of operation names such as "kinde.getUsers", "clerk.banUser" or "clerk.*"');
  }
  if (list.length === 0) throw invalid('allow', 'allow is empty: name the operations the proxy may run ("kinde.getUsers", "clerk.*", ...)');
  const allowed = PROVIDERS.map(() => new Set());
  list.forEach((entry, i) => {
    const param = `allow[${i}]`;
    if (typeof entry !== 'string') throw invalid(param, `${param} must be a string such as "kinde.getUsers"`);
    const dot = entry.indexOf('.');
    const providerName = dot < 0 ? entry : entry.slice(0, dot);
    const op = dot < 0 ? '' : entry.slice(dot + 1);
    const provider = PROVIDERS.find((p) => p.name === providerName);
    if (!provider || dot < 0) {
      const hint = provider ? ` (did you mean "${entry}.*"?)` : PROVIDERS.some((p) => p.name === providerName.toLowerCase()) ? ` (did you mean "${providerName.toLowerCase()}.${op}"?)` : '';
      throw invalid(param, `${param} "${entry.slice(0, 100)}" is not "kinde.<operation>", "clerk.<operation>", "kinde.*" or "clerk.*"${hint}`);
    }
    if (!configured[provider.index]) {
      throw invalid(param, `${param} "${entry}" names a ${provider.name} operation, but there is no ${provider.name} config`);
    }
    const names = operations[provider.index];
    if (op === '*') {
      names.forEach((_, index) => allowed[provider.index].add(index));
      return;
    }
    const index = names.indexOf(op);
    if (index < 0) {
      let hint = '';
      const base = op.replace(/WithHttpInfo$/, '');
      if (base !== op && names.includes(base)) hint = ` ("${provider.name}.${base}" allows both ${base} and ${op})`;
      else {
        const near = closest(op, names);
        const other = PROVIDERS.find((p) => p !== provider && operations[p.index].includes(op));
        if (near) hint = ` (did you mean "${provider.name}.${near}"?)`;
        else if (other) hint = ` (${op} is a ${other.name} operation: "${other.name}.${op}")`;
        else hint = ` (${provider.name} operations: ${names.join(', ')})`;
      }
      throw invalid(param, `${param}: "${entry.slice(0, 100)}" is not a ${provider.name} operation${hint}`);
    }
    allowed[provider.index].add(index);
  });
  return allowed;
}

function parseBasePath(value) {
  if (value === undefined) return DEFAULT_BASE_PATH;
  const bad = () =>
    invalid('basePath', 'basePath must be a path such as "/admin-api": it starts with "/", and its segments are non-empty, not "." or "..", and hold no "%", "?", "#" or "\\"');
  if (typeof value !== 'string' || value.length > 512 || !value.startsWith('/')) throw bad();
  const path = value.length > 1 && value.endsWith('/') ? value.slice(0, -1) : value;
  if (path === '/') return '';
  for (const segment of path.slice(1).split('/')) {
    if (!BASE_SEGMENT.test(segment) || segment === '.' || segment === '..') throw bad();
  }
  return path;
}

function parseMaxBody(value) {
  if (value === undefined) return DEFAULT_MAX_BODY;
  if (!Number.isInteger(value) || value < 0 || value > MAX_BODY_LIMIT) {
    throw invalid('maxBodyBytes', `maxBodyBytes must be a whole number of bytes from 0 to ${MAX_BODY_LIMIT} (64 MiB)`);
  }
  return value;
}

/** The client of one provider, from the same config `new KindeUsersApi(config)` takes. */
function makeClient(provider, config) {
  let api;
  try {
    api = new provider.Api(config);
  } catch (e) {
    if (e instanceof IdpUsersError) {
      const param = typeof e.param === 'string' ? e.param.replace(/^config/, provider.name) : provider.name;
      throw new IdpUsersError(`createUsersProxy: ${provider.name}: ${e.message}`, { kind: 'validation', operation: 'createUsersProxy', provider: provider.name, param });
    }
    throw e;
  }
  const secrets = [];
  for (const key of provider.secrets) {
    try {
      const value = config[key];
      if (typeof value === 'string' && value) secrets.push(value);
    } catch {}
  }
  const settings = api.__settings();
  return {
    ...provider,
    api,
    base: api.__baseUrl(),
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    headers: settings.headers ?? {},
    secrets,
  };
}


// ---- Credentials: recognising them in what goes back ---------------------
//
// Nothing the proxy answers may hold a credential (a provider token, the
// Kinde client secret, the Clerk secret key), in whatever form a provider
// might echo it. So no upstream byte is passed through as it came:
//
// - A body must be JSON (anything else is withheld, see `answer`). An
//   error answer (non-2xx) is rebuilt by `cleanJson`: every string is
//   decoded, checked in its decoded form and written back with canonical
//   escapes, whitespace between tokens is dropped, numbers and literals are
//   kept as written (no precision lost). A success answer is searched as a
//   whole (its escapes undone) and passed as sent when it holds none; else
//   it is rebuilt the same way. In a rebuilt string, a credential found as
//   is becomes `[redacted]`, and a string that holds one in another form
//   becomes `[redacted]` whole. If the rebuilt body as a whole still holds
//   one (split across strings, or as an array of byte values), it is withheld.
// - Passed-back headers are short, printable and checked the same way; one
//   that holds a credential is dropped.
// - The proxy's own error messages quote nothing from outside: no provider
//   text, no `getToken`/`fetch` error message (see `failure`).
//
// `holdsCredential` searches a text after undoing its escapes, again and
// again (`\uXXXX`, `\u{...}`, `\xXX`, `%XX`, `%uXXXX`, `&#...;`, `\c`),
// and after dropping everything but letters and digits (separators, the
// NULs of UTF-16, BOMs, MIME line breaks, `+/-_=` of both base64
// alphabets), for each credential: itself in any letter case; hex of its
// UTF-8, UTF-16LE and UTF-16BE bytes (any case, `0x` prefixes or
// separators allowed); base64 or base64url of the same bytes at each of the
// three alignments (padded or not); its UTF-8 bytes as decimal numbers. In
// error answers (non-2xx) and headers, any 10 letters and digits in a row of
// a credential count too (a provider may cut an echo short), and base64 and
// hex runs are decoded and searched again, two layers deep. Not recognised:
// transforms that are not encodings (hashing, encryption, compression)
// inside a JSON string, and (in success answers) an encoding of an encoding.

const REDACTED = '[redacted]';
/** In error answers and headers, this many letters and digits of a credential in a row count as one. */
const PARTIAL = 10;
/** A credential with fewer letters and digits than this is searched only as it is (its folded forms would match too much). */
const MIN_FOLDED = 8;
const ESCAPE =
  /\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|%u([0-9a-fA-F]{4})|%([0-9a-fA-F]{2})|&#[xX]([0-9a-fA-F]{1,6});?|&#([0-9]{1,7});?|\\([\s\S])/g;

/** What JSON's one-letter escapes stand for (any other `\c` is `c`). */
const CONTROL = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The replacement of one ESCAPE match. */
function unescapeOne(match, ...groups) {
  for (let i = 0; i < 7; i++) {
    if (groups[i] === undefined) continue;
    const n = parseInt(groups[i], i === 6 ? 10 : 16);
    return n <= 0x10ffff ? String.fromCodePoint(n) : match;
  }
  return CONTROL[groups[7]] ?? groups[7];
}

/**
 * `text`, then `text` with its escapes undone, round after round until none
 * is left (`%2573` → `%73` → `s`). Every round is searched: undoing an
 * escape can also break a form next to it (a `%` before hex).
 */
function unescapings(text) {
  const out = [text];
  for (let round = 0; round < 8 && /[\\%&]/.test(out[round]); round++) {
    const next = out[round].replace(ESCAPE, unescapeOne);
    if (next === out[round]) break;
    out.push(next);
  }
  return out;
}

const encoder = new TextEncoder();

function utf16(text, littleEndian) {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = c & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = c >> 8;
  }
  return out;
}

const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fold = (text) => text.replace(/[^A-Za-z0-9]+/g, '').toLowerCase();

/** The base64 characters that depend on `bytes` alone, at each of the three alignments (letters and digits only: alphabet-neutral). */
function base64Cores(bytes) {
  const cores = [];
  for (let k = 0; k < 3; k++) {
    let binary = '\0'.repeat(k);
    for (const b of bytes) binary += String.fromCharCode(b);
    const core = btoa(binary).slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + bytes.length)) / 6));
    cores.push(core.replace(/[^A-Za-z0-9]/g, ''));
  }
  return cores;
}

/** What `holdsCredential` searches for, for one credential. */
function formsOf(secret) {
  const forms = { exact: new Set(), folded: new Set(), hex: new Set(), base64: new Set(), decimal: [], grams: new Set() };
  // The credential as written and as its own escapes read (a secret holding a `%41`).
  for (const value of new Set(unescapings(secret))) {
    forms.exact.add(value);
    const folded = fold(value);
    if (folded.length < MIN_FOLDED) continue;
    forms.folded.add(folded);
    for (let i = 0; i + PARTIAL <= folded.length; i++) forms.grams.add(folded.slice(i, i + PARTIAL));
    const bytes = encoder.encode(value);
    for (const form of [bytes, utf16(value, true), utf16(value, false)]) {
      forms.hex.add(toHex(form));
      for (const core of base64Cores(form)) if (core.length >= MIN_FOLDED) forms.base64.add(core);
    }
    forms.decimal.push(new RegExp(`(?:^|[^0-9])${Array.from(bytes).join('[^0-9]{1,4}')}(?![0-9])`));
  }
  return forms;
}

/** Forms by credential: the same few (the configured secrets, the current tokens) come back on every request. */
const FORMS = new Map();
function formsFor(secret) {
  let forms = FORMS.get(secret);
  if (!forms) {
    if (FORMS.size >= 64) FORMS.clear();
    forms = formsOf(secret);
    FORMS.set(secret, forms);
  }
  return forms;
}

/**
 * Whether `text` holds one of `secrets` in a recognised form. `partial`
 * (error answers and headers, which are small): 10 letters and digits in a
 * row of one count, and base64 and hex runs are decoded and searched again,
 * two layers deep (base64 of base64, of hex, of JSON, ...).
 */
function holdsCredential(text, secrets, partial, depth = 0) {
  if (text.length === 0 || secrets.length === 0) return false;
  const rounds = unescapings(text);
  if (rounds.some((plain) => holdsForm(plain, secrets, partial))) return true;
  if (!partial || depth >= 2) return false;
  // All runs in one text: one search per layer, however many runs.
  const inner = decodedRuns(rounds.at(-1));
  return inner.length > 0 && holdsCredential(inner.join('\n'), secrets, partial, depth + 1);
}

/**
 * Each run of base64 (either alphabet; at every offset) or hex (at both
 * offsets) in `text`, decoded to one character per byte. Runs over 2 KiB
 * are left to the search of their surface: an echo is short, and decoding
 * large blobs layer after layer costs time.
 */
function decodedRuns(text) {
  const out = [];
  const compact = text.replace(/\s+/g, '');
  for (const run of compact.match(/[A-Za-z0-9+/_-]{12,}/g)?.filter((run) => run.length <= 2048) ?? []) {
    const standard = run.replace(/-/g, '+').replace(/_/g, '/');
    for (let k = 0; k < 4; k++) {
      const part = standard.slice(k);
      try {
        out.push(atob(part.slice(0, part.length - (part.length % 4))));
      } catch {}
    }
  }
  for (const run of compact.match(/[0-9a-fA-F]{16,}/g)?.filter((run) => run.length <= 2048) ?? []) {
    for (let k = 0; k < 2; k++) out.push(run.slice(k).replace(/[0-9a-fA-F]{2}/g, (pair) => String.fromCharCode(parseInt(pair, 16))));
  }
  return out;
}

function holdsForm(plain, secrets, partial) {
  const base64Text = plain.replace(/[^A-Za-z0-9]+/g, '');
  const folded = base64Text.toLowerCase();
  // No hex form holds an `x`: `0x` prefixes go.
  const hexText = folded.includes('0x') ? folded.replaceAll('0x', '') : folded;
  const has = (set, where) => {
    for (const form of set) if (where.includes(form)) return true;
    return false;
  };
  for (const secret of secrets) {
    const forms = formsFor(secret);
    if (has(forms.exact, plain) || has(forms.folded, folded) || has(forms.hex, hexText) || has(forms.base64, base64Text)) return true;
    if (forms.decimal.some((form) => form.test(plain))) return true;
    if (partial && forms.grams.size > 0) {
      for (let i = 0; i + PARTIAL <= folded.length; i++) if (forms.grams.has(folded.slice(i, i + PARTIAL))) return true;
    }
  }
  return false;
}

/** `text` with the credentials it holds as they are replaced by `[redacted]`; `[redacted]` whole when one is there in another form. */
function redactString(text, secrets, partial) {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.replaceAll(secret, REDACTED);
  return holdsCredential(out, secrets, partial) ? REDACTED : out;
}

const NOT_JSON = Symbol('not JSON');
const WITHHELD = Symbol('withheld');
/** A string token, or whitespace between tokens, of a valid JSON text (there every `"` outside a string opens one). */
const JSON_TOKEN = /"[^"\\]*(?:\\[\s\S][^"\\]*)*"|[ \t\n\r]+/g;

/**
 * The JSON text `text` without credentials: NOT_JSON when it is not JSON,
 * WITHHELD when a credential could not be cut out of it. An error answer
 * (`error`) is always rebuilt from its decoded strings; a success answer
 * only when the search of its whole text (its escapes undone) finds one:
 * pages of users are large, and credentials in them are rare. Strings are
 * searched one by one only then; the rebuilt body is searched again as a
 * whole in any case.
 */
function cleanJson(text, secrets, error) {
  try {
    JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
  const found = holdsCredential(text, secrets, error);
  if (!error && !found) return text;
  const values = [];
  const out = text.replace(JSON_TOKEN, (token, at) => {
    if (token[0] !== '"') return '';
    // Decoded first, so that no escape hides a credential; written back with canonical escapes.
    const decoded = token.includes('\\') ? JSON.parse(token) : token.slice(1, -1);
    const value = found ? redactString(decoded, secrets, error) : decoded;
    if (!/^[ \t\n\r]*:/.test(text.slice(at + token.length, at + token.length + 64))) values.push(value);
    return JSON.stringify(value);
  });
  // Split across strings (keys between them left out), or an array of byte
  // values: the decoded values and the rebuilt text (its numbers), searched as one.
  return holdsCredential(`${values.join('\n')}\n${out}`, secrets, error) ? WITHHELD : out;
}

// ---- Answers ---------------------------------------------------------------

/** Headers on everything the proxy answers: JSON, never sniffed as anything else, never cached. */
const ANSWER_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

/** One of the proxy's own JSON answers. */
function reply(status, code, message, extra, headers) {
  // `errors` is the shape both providers use, so a client behind the proxy
  // reads the code and message into its IdpUsersError like any API error.
  return new Response(JSON.stringify({ error: { code, message, ...extra }, errors: [{ code, message }] }), {
    status,
    headers: { ...headers, ...ANSWER_HEADERS },
  });
}

/** The name of a thrown error, for the proxy's own messages (its message is not quoted: it may hold anything). */
function errorName(cause) {
  try {
    const name = cause instanceof Error ? cause.name : typeof cause;
    return /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(name) ? name : 'Error';
  } catch {
    return 'Error';
  }
}

/** The provider's headers worth passing back (rate limits, Retry-After, CF-Ray), each printable, short and free of credentials. */
function passedBack(headers, secrets) {
  const out = {};
  try {
    for (const [name, value] of headers) {
      const key = name.toLowerCase();
      if (!PASSED_BACK.has(key) && !RATE_LIMIT.test(key)) continue;
      // The name too: `x-ratelimit-<anything>` is passed back.
      if (key.length <= 64 && /^[\x20-\x7e]{0,256}$/.test(value) && !holdsCredential(`${key}\n${value}`, secrets, true)) out[key] = value;
    }
  } catch {
    // Headers a custom fetch made unreadable: none are passed back.
  }
  return out;
}

const strictUtf8 = () => new TextDecoder('utf-8', { fatal: true });
/** Error bodies larger than this are withheld rather than rebuilt: provider errors are small, and rebuilding costs time. */
const MAX_ERROR_BODY = 64 * 1024;

/**
 * The proxy's answer for the provider's `status`, `headers` and body
 * `bytes`: the status and a rebuilt JSON body (see cleanJson). A body that is
 * not JSON (HTML, text, UTF-16, compressed, ...), that still holds a
 * credential, or an error body over 64 KiB is withheld: a 2xx becomes 502
 * `upstream_bad_response`, an error keeps its status with a JSON
 * `upstream_error` in place of its body.
 */
function answer(name, operation, status, headers, bytes, secrets) {
  const ok = status >= 200 && status < 300;
  if (!ok && (status < 400 || status > 599)) return reply(502, 'upstream_bad_response', `${name} answered with status ${status}`, { operation });
  const back = passedBack(headers, secrets);
  if (NO_BODY_STATUS.has(status) || bytes.length === 0) return new Response(NO_BODY_STATUS.has(status) ? null : '', { status, headers: { ...back, ...ANSWER_HEADERS } });
  if (!ok && bytes.length > MAX_ERROR_BODY) return reply(status, 'upstream_error', `${name} answered ${status} with an error body over 64 KiB; it is withheld`, { operation }, back);
  let body = NOT_JSON;
  try {
    body = cleanJson(strictUtf8().decode(bytes), secrets, !ok);
  } catch {}
  if (typeof body === 'string') return new Response(body, { status, headers: { ...back, ...ANSWER_HEADERS } });
  const why = body === NOT_JSON ? 'a body that is not JSON' : 'a body holding a credential';
  if (ok) return reply(502, 'upstream_bad_response', `${name} answered ${status} with ${why}; it is withheld`, { operation });
  return reply(status, 'upstream_error', `${name} answered ${status} with ${why}; it is withheld`, { operation }, back);
}

// ---- Requests --------------------------------------------------------------

/** `[path, query]` of a request URL as received (not normalized again). */
function splitUrl(url) {
  const m = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?(?:\/\/[^/?#]*)?([^?#]*)(?:\?([^#]*))?/.exec(url);
  return [m[1] || '/', m[2] ?? ''];
}

/** The origin of a request URL, or undefined. */
function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Whether a path the operation tables matched still holds a segment some
 * server could read as another path: one that decodes to a `/` or `\`, to
 * `.` or `..` once a `;parameter` is cut off (`..;`), or to a control
 * character or invalid UTF-8. No provider id looks like that. (Plain `..`,
 * `%2e%2e`, `//`, `\` and bad escapes never match an operation at all.)
 */
function suspicious(path) {
  for (const segment of path.split('/').slice(1)) {
    let decoded;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return true;
    }
    const head = decoded.split(';')[0];
    if (head === '.' || head === '..' || /[/\\\u0000-\u001f\u007f]/.test(decoded)) return true;
  }
  return false;
}

/**
 * Whether a request may change state from where it comes. A browser marks
 * its requests with `Origin` (and `Sec-Fetch-Site`), which a page cannot
 * forge: a state-changing request from another origin, or from another site
 * or a sibling subdomain (`Sec-Fetch-Site: same-site` is refused too: a
 * cookie scoped to the parent domain rides along), is a forgery unless its
 * origin is allowed. Requests without these headers (servers, scripts,
 * curl) carry no ambient browser credential and pass.
 */
function fromAllowedSite(request, method, url, sites) {
  if (sites.any || SAFE_METHODS.has(method)) return true;
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === originOf(url) || sites.origins.has(origin);
  const site = request.headers.get('sec-fetch-site');
  return site !== 'cross-site' && site !== 'same-site';
}

const TOO_LARGE = Symbol('too large');

/**
 * The request body as bytes, at most `max` of them; TOO_LARGE beyond.
 * `within` bounds each read (time limit, caller gone); throws when the body
 * cannot be read or a read is cut short.
 */
async function readBody(request, max, within) {
  const length = request.headers.get('content-length');
  if (length !== null && /^\d+$/.test(length.trim()) && Number(length) > max) return TOO_LARGE;
  const body = request.body;
  if (body === null || body === undefined) return undefined;
  const reader = body.getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await within(reader.read());
      if (done) break;
      const chunk = value instanceof Uint8Array ? value : new Uint8Array(value);
      size += chunk.length;
      if (size > max) {
        reader.cancel().catch(() => {});
        return TOO_LARGE;
      }
      chunks.push(chunk);
    }
  } catch (e) {
    // A stalled or broken upload is let go, not left holding the stream.
    try {
      reader.cancel().catch(() => {});
    } catch {}
    throw e;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * The time limit and the caller's signal of one request: `within(promise)`
 * rejects once either ends it, `signal` aborts the provider request with it,
 * `stopped` says why ('timeout' or 'aborted').
 */
function guard(request, timeoutMs) {
  const controller = new AbortController();
  const state = { stopped: undefined, signal: controller.signal };
  const stop = (why) => {
    if (state.stopped) return;
    state.stopped = why;
    controller.abort();
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = () => stop('aborted');
  let incoming;
  try {
    incoming = request.signal;
    if (incoming?.aborted) stop('aborted');
    else incoming?.addEventListener?.('abort', onAbort, { once: true });
  } catch {}
  const halted = new Promise((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }));
  halted.catch(() => {});
  state.within = (promise) => Promise.race([promise, halted]);
  state.end = () => {
    clearTimeout(timer);
    try {
      incoming?.removeEventListener?.('abort', onAbort);
    } catch {}
  };
  return state;
}

/** Whether a 401/403 from Kinde may be a token it no longer takes (worth one re-mint). */
const rejectsToken = (name, status) => name === 'kinde' && (status === 401 || status === 403);

function parseAllowedOrigins(value) {
  const sites = { any: false, origins: new Set() };
  if (value === undefined) return sites;
  let list;
  try {
    if (!Array.isArray(value)) throw 0;
    list = Array.from(value);
  } catch {
    throw invalid('allowedOrigins', 'allowedOrigins must be an array of origins such as "https://admin.example.com" (or ["*"] for any site)');
  }
  list.forEach((entry, i) => {
    const param = `allowedOrigins[${i}]`;
    if (entry === '*') {
      sites.any = true;
      return;
    }
    const origin = typeof entry === 'string' && /^https?:\/\//i.test(entry) ? originOf(entry) : undefined;
    if (origin === undefined || origin === 'null') throw invalid(param, `${param} must be an origin such as "https://admin.example.com" (scheme, host and port only), or "*"`);
    if (origin !== entry) throw invalid(param, `${param} "${entry.slice(0, 100)}" is not an origin as browsers send it: did you mean "${origin}"?`);
    sites.origins.add(origin);
  });
  return sites;
}

/**
 * A fetch handler that runs allowed Kinde and Clerk Users operations for
 * authorized callers with credentials they never see (see proxy.d.ts).
 */
export function createUsersProxy(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw invalid('options', 'createUsersProxy takes an options object: { kinde?, clerk?, allow, authorize, basePath?, maxBodyBytes?, allowedOrigins? }');
  }
  let keys;
  try {
    keys = Object.keys(options);
  } catch {
    throw invalid('options', 'the options could not be read');
  }
  for (const key of keys) {
    if (!OPTIONS.includes(key)) {
      const near = closest(key, OPTIONS);
      throw invalid(key, `unknown option "${key.slice(0, 100)}"${near ? ` (did you mean "${near}"?)` : ''}; the options are ${OPTIONS.join(', ')}`);
    }
  }
  const authorize = read(options, 'authorize', 'authorize');
  if (typeof authorize !== 'function') {
    throw invalid('authorize', 'authorize is required: a function (request) => boolean | Promise<boolean> that returns true only for callers allowed to manage users (there is no open mode)');
  }
  const configs = PROVIDERS.map((p) => read(options, p.name, p.name));
  configs.forEach((config, i) => {
    if (config !== undefined && (config === null || typeof config !== 'object' || Array.isArray(config))) {
      throw invalid(PROVIDERS[i].name, `${PROVIDERS[i].name} must be the config of a ${PROVIDERS[i].Api.name} (an object)`);
    }
  });
  if (configs.every((c) => c === undefined)) {
    throw invalid('options', 'no provider: give kinde (the config of a KindeUsersApi), clerk (of a ClerkUsersApi), or both');
  }
  const operations = PROVIDERS.map((p) => p.Api.__operations());
  const allowed = parseAllow(
    read(options, 'allow', 'allow'),
    operations,
    configs.map((c) => c !== undefined),
  );
  const basePath = parseBasePath(read(options, 'basePath', 'basePath'));
  const maxBody = parseMaxBody(read(options, 'maxBodyBytes', 'maxBodyBytes'));
  const sites = parseAllowedOrigins(read(options, 'allowedOrigins', 'allowedOrigins'));
  const clients = PROVIDERS.map((p, i) => (configs[i] === undefined ? undefined : makeClient(p, configs[i])));
  // Credentials of every configured provider: none may leave the proxy.
  const allSecrets = clients.flatMap((c) => (c ? c.secrets : []));
  // The last tokens sent, searched for too (an API might echo an older one).
  const recent = [];
  const remember = (token) => {
    if (typeof token !== 'string' || token.length === 0 || recent.includes(token)) return;
    recent.push(token);
    if (recent.length > 4) recent.shift();
  };

  async function handle(request) {
    // 1. Route: provider from the path.
    let url;
    let method;
    try {
      url = String(request.url);
      method = String(request.method);
    } catch {
      return reply(400, 'bad_request', 'the proxy was called with something that is not a Request');
    }
    const upperMethod = method.toUpperCase();
    const [path, query] = splitUrl(url);
    const prefix = `${basePath}/`;
    const slash = path.indexOf('/', prefix.length);
    const providerName = path.startsWith(prefix) ? path.slice(prefix.length, slash < 0 ? undefined : slash) : undefined;
    const provider = PROVIDERS.find((p) => p.name === providerName);
    if (!provider) {
      return reply(404, 'not_found', `not a proxy path: the proxy serves ${basePath}/kinde/... and ${basePath}/clerk/...`);
    }

    // 2. Authorize: where the request comes from, then who sends it.
    if (!fromAllowedSite(request, upperMethod, url, sites)) {
      return reply(403, 'cross_site_refused', `a ${upperMethod.slice(0, 16)} from another site is refused (see allowedOrigins)`);
    }
    let authorized = false;
    try {
      authorized = (await authorize(request)) === true;
    } catch {}
    if (!authorized) {
      return reply(401, 'unauthorized', 'the request is not authorized to use this proxy', undefined, { 'www-authenticate': 'Bearer' });
    }

    // 3. The operation, and whether it is allowed.
    const client = clients[provider.index];
    if (!client) return reply(404, 'provider_not_configured', `this proxy has no ${provider.name} config`);
    const apiPath = slash < 0 ? '' : path.slice(slash);
    const index = provider.Api.__route(method, apiPath);
    if (index === undefined || suspicious(apiPath)) {
      const shown = `${method.slice(0, 16)} ${apiPath.length > 200 ? `${apiPath.slice(0, 200)}…` : apiPath}`;
      return reply(404, 'unknown_operation', `no ${provider.name} Users operation is ${shown}`);
    }
    const operation = `${provider.name}.${operations[provider.index][index]}`;
    if (!allowed[provider.index].has(index)) {
      return reply(403, 'operation_not_allowed', `${operation} is not allowed by this proxy`, { operation });
    }
    if (query.length > MAX_QUERY) return reply(414, 'query_too_long', `the query string is longer than ${MAX_QUERY} characters`, { operation });

    // 4. Forward, within the config's time limit (body, token, request,
    //    response body) and for as long as the caller waits.
    const g = guard(request, client.timeoutMs);
    const secrets = [...allSecrets, ...recent];
    const failure = (e, code) => {
      if (g.stopped === 'timeout') return reply(504, 'upstream_timeout', `${provider.name} did not answer within ${client.timeoutMs} ms`, { operation });
      if (g.stopped === 'aborted') return reply(499, 'aborted', 'the caller went away', { operation });
      if (e instanceof IdpUsersError && e.kind === 'timeout') return reply(504, 'upstream_timeout', `${provider.name} did not answer in time`, { operation });
      return reply(502, code, `${provider.name}: ${code === 'upstream_auth_failed' ? tokenFailure(e, secrets) : `no answer (${errorName(e)})`}`, { operation });
    };
    try {
      let body;
      try {
        body = await readBody(request, maxBody, g.within);
      } catch (e) {
        if (g.stopped === 'timeout') return reply(408, 'body_timeout', `the request body did not arrive within ${client.timeoutMs} ms`, { operation });
        if (g.stopped === 'aborted') return reply(499, 'aborted', 'the caller went away', { operation });
        return reply(400, 'bad_request', `the request body could not be read (${errorName(e)})`, { operation });
      }
      if (body === TOO_LARGE) return reply(413, 'body_too_large', `the request body is larger than ${maxBody} bytes`, { operation });
      if (upperMethod === 'GET' || (body && body.length === 0)) body = undefined;

      const headers = {};
      for (const name of FORWARDED) {
        const value = request.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      headers.accept ??= 'application/json';
      for (const [name, value] of Object.entries(client.headers)) headers[name.toLowerCase()] = value;
      const fetchFn = client.fetch ?? ((input, init) => fetch(input, init));
      const target = `${client.base}${apiPath}${query ? `?${query}` : ''}`;
      const send = (token) =>
        g.within(
          Promise.resolve().then(() =>
            fetchFn(target, { method: upperMethod, headers: { ...headers, authorization: `Bearer ${token}` }, body, signal: g.signal, redirect: 'manual' }),
          ),
        );

      let token;
      try {
        token = await g.within(client.api.__bearer(index));
      } catch (e) {
        return failure(e, 'upstream_auth_failed');
      }
      if (!secrets.includes(token)) secrets.push(token);
      remember(token);
      let res;
      try {
        res = await send(token);
        // Kinde: a token the API rejects may be re-minted (the client's
        // cache decides; at most once per token) and the request retried once.
        if (rejectsToken(provider.name, res.status)) {
          let fresh;
          try {
            fresh = await g.within(client.api.__bearer(index, token, res.status));
          } catch {}
          if (typeof fresh === 'string' && fresh !== token) {
            try {
              res.body?.cancel().catch(() => {});
            } catch {}
            if (!secrets.includes(fresh)) secrets.push(fresh);
            remember(fresh);
            res = await send(fresh);
          }
        }
      } catch (e) {
        return failure(e, 'upstream_unreachable');
      }

      // 5. Answer: the status, the body rebuilt without credentials, the rate-limit headers.
      let bytes;
      let status;
      try {
        status = res.status;
        bytes = new Uint8Array(await g.within(res.arrayBuffer()));
      } catch (e) {
        return failure(e, 'upstream_unreachable');
      }
      if (!Number.isInteger(status)) return reply(502, 'upstream_bad_response', `${provider.name} answered without a status`, { operation });
      return answer(provider.name, operation, status, res.headers, bytes, secrets);
    } finally {
      g.end();
    }
  }

  return async function usersProxy(request) {
    try {
      return await handle(request);
    } catch (e) {
      return reply(500, 'proxy_error', `the proxy failed (${errorName(e)})`);
    }
  };
}

/**
 * Why no token could be had, from the client's error: its kind, status and
 * code only. Its message is not quoted: it may hold the provider's words,
 * `getToken`'s or a cut-short credential.
 */
function tokenFailure(e, secrets) {
  if (!(e instanceof IdpUsersError)) return `no token (${errorName(e)})`;
  const parts = [];
  if (/^[a-z_]{1,32}$/.test(String(e.kind))) parts.push(`kind ${e.kind}`);
  if (Number.isInteger(e.status)) parts.push(`status ${e.status}`);
  const code = typeof e.code === 'string' ? e.code : '';
  if (/^[A-Za-z0-9_.:-]{1,64}$/.test(code) && !holdsCredential(code, secrets, true)) parts.push(`code ${code}`);
  return `no token could be had${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
