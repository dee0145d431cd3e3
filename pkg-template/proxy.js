// `idp-users/proxy`: a fetch handler that forwards a browser client's calls
// to Kinde or Clerk with credentials only the server holds (see proxy.d.ts).
//
// It imports the package by its own name, so every runtime's export
// condition picks the same entry (and the same wasm instance) as the app's
// own `import 'idp-users'`: node.mjs in Node, Deno and Bun, workerd.js under
// wrangler, browser.js in bundlers. The build also turns this file into
// proxy.cjs, whose `require('idp-users')` picks node.cjs.
//
// A request runs: path under basePath → authorize → provider → operation
// (the clients' own operation tables, through the classes' __route) → allow →
// body (size-capped) → the bearer the client would send (client.__bearer:
// the same single-flight token cache) → fetch the provider → status, body
// (credentials redacted) and the rate-limit headers back.
import { ClerkUsersApi, IdpUsersError, KindeUsersApi } from 'idp-users';

// Each class's static `__operations()` (its method names, in operation
// order) and `__route(method, path)` (the index of an operation) come from
// the package's driver.
// `index`: the provider's position in this list and in the arrays below.
const PROVIDERS = [
  { name: 'kinde', index: 0, Api: KindeUsersApi, secrets: ['clientSecret', 'accessToken'] },
  { name: 'clerk', index: 1, Api: ClerkUsersApi, secrets: ['secretKey'] },
];
const OPTIONS = ['kinde', 'clerk', 'allow', 'authorize', 'basePath', 'maxBodyBytes'];
const MiB = 1024 * 1024;
const DEFAULT_MAX_BODY = MiB;
const MAX_BODY_LIMIT = 64 * MiB;
const DEFAULT_BASE_PATH = '/admin-api';
/** Query strings longer than this are refused (the clients never send one: they stop at 32 KiB). */
const MAX_QUERY = 32 * 1024;
/** Request headers forwarded from the incoming request; everything else (Authorization, Cookie, Host, hop-by-hop, ...) is dropped. */
const FORWARDED = ['content-type', 'accept', 'x-request-id', 'x-correlation-id'];
/** Response headers passed back from the provider, besides `ratelimit-*` and `x-ratelimit-*`. */
const PASSED_BACK = new Set(['content-type', 'retry-after', 'cf-ray']);
const RATE_LIMIT = /^(?:x-)?ratelimit(?:-|$)/;
const NO_BODY_STATUS = new Set([204, 205, 304]);
const REDACTED = '[redacted]';
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

/** The forms a credential can take in a body: as is, JSON-escaped, with `\/`, percent-encoded. */
function variants(secret) {
  const json = JSON.stringify(secret).slice(1, -1);
  let encoded = secret;
  try {
    encoded = encodeURIComponent(secret);
  } catch {}
  return [...new Set([secret, json, json.replaceAll('/', '\\/'), encoded])].filter((s) => s.length > 0);
}

const encoder = new TextEncoder();

function indexOfBytes(haystack, needle, from) {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** `bytes` with every occurrence of `needle` replaced by `replacement` (all Uint8Arrays). */
function replaceBytes(bytes, needle, replacement) {
  const parts = [];
  let start = 0;
  let size = 0;
  for (let at = indexOfBytes(bytes, needle, 0); at !== -1; at = indexOfBytes(bytes, needle, start)) {
    parts.push(bytes.subarray(start, at), replacement);
    size += at - start + replacement.length;
    start = at + needle.length;
  }
  if (parts.length === 0) return bytes;
  parts.push(bytes.subarray(start));
  size += bytes.length - start;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Replaces every credential in `text`. */
function redactText(text, secrets) {
  let out = text;
  for (const secret of secrets) for (const form of variants(secret)) if (out.includes(form)) out = out.replaceAll(form, REDACTED);
  return out;
}

/** `bytes` with every credential replaced; the same bytes when none occurs (the common case: one native search per form). */
function redactBytes(bytes, secrets) {
  if (bytes.length === 0 || secrets.length === 0) return bytes;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const found = [];
  for (const secret of secrets) for (const form of variants(secret)) if (text.includes(form)) found.push(form);
  if (found.length === 0) return bytes;
  // Longest first, so a form that contains another is replaced whole.
  found.sort((a, b) => b.length - a.length);
  const replacement = encoder.encode(REDACTED);
  let out = bytes;
  for (const form of found) out = replaceBytes(out, encoder.encode(form), replacement);
  return out;
}

/** A short description of a thrown value; never throws. */
function describe(cause) {
  try {
    const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return 'unknown error';
  }
}

function reply(status, code, message, extra, headers) {
  // `errors` is the shape both providers use, so a client behind the proxy
  // reads the code and message into its IdpUsersError like any API error.
  return new Response(JSON.stringify({ error: { code, message, ...extra }, errors: [{ code, message }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** `[path, query]` of a request URL as received (not normalized again). */
function splitUrl(url) {
  const m = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?(?:\/\/[^/?#]*)?([^?#]*)(?:\?([^#]*))?/.exec(url);
  return [m[1] || '/', m[2] ?? ''];
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

const TOO_LARGE = Symbol('too large');

/** The request body as bytes, at most `max` of them; TOO_LARGE beyond. Throws when the body cannot be read. */
async function readBody(request, max) {
  const length = request.headers.get('content-length');
  if (length !== null && /^\d+$/.test(length.trim()) && Number(length) > max) return TOO_LARGE;
  const body = request.body;
  if (body === null || body === undefined) return undefined;
  const reader = body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = value instanceof Uint8Array ? value : new Uint8Array(value);
    size += chunk.length;
    if (size > max) {
      reader.cancel().catch(() => {});
      return TOO_LARGE;
    }
    chunks.push(chunk);
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
 * A fetch handler that runs allowed Kinde and Clerk Users operations for
 * authorized callers with credentials they never see (see proxy.d.ts).
 */
export function createUsersProxy(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw invalid('options', 'createUsersProxy takes an options object: { kinde?, clerk?, allow, authorize, basePath?, maxBodyBytes? }');
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
  const clients = PROVIDERS.map((p, i) => (configs[i] === undefined ? undefined : makeClient(p, configs[i])));
  // Credentials of every configured provider: none may leave the proxy.
  const allSecrets = clients.flatMap((c) => (c ? c.secrets : []));
  // The last tokens sent, redacted too (an API might echo an older one).
  const recent = [];
  const remember = (token) => {
    if (recent.includes(token)) return;
    recent.push(token);
    if (recent.length > 16) recent.shift();
  };

  async function handle(request) {
    let url;
    let method;
    try {
      url = String(request.url);
      method = String(request.method);
    } catch {
      return reply(400, 'bad_request', 'the proxy was called with something that is not a Request');
    }
    const [path, query] = splitUrl(url);
    const prefix = `${basePath}/`;
    const slash = path.indexOf('/', prefix.length);
    const providerName = path.startsWith(prefix) ? path.slice(prefix.length, slash < 0 ? undefined : slash) : undefined;
    const provider = PROVIDERS.find((p) => p.name === providerName);
    if (!provider) {
      return reply(404, 'not_found', `not a proxy path: the proxy serves ${basePath}/kinde/... and ${basePath}/clerk/...`);
    }

    let authorized = false;
    try {
      authorized = (await authorize(request)) === true;
    } catch {}
    if (!authorized) {
      return reply(401, 'unauthorized', 'the request is not authorized to use this proxy', undefined, { 'www-authenticate': 'Bearer' });
    }

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

    const upperMethod = method.toUpperCase();
    let body;
    try {
      body = await readBody(request, maxBody);
    } catch (e) {
      return reply(400, 'bad_request', `the request body could not be read (${describe(e)})`, { operation });
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

    // The time limit of the whole exchange (token, request, response body),
    // and the caller going away, abort the request to the provider.
    const controller = new AbortController();
    let stopped;
    const stop = (why) => {
      if (stopped) return;
      stopped = why;
      controller.abort();
    };
    const timer = setTimeout(() => stop('timeout'), client.timeoutMs);
    const incoming = request.signal;
    const onAbort = () => stop('aborted');
    try {
      if (incoming?.aborted) stop('aborted');
      else incoming?.addEventListener?.('abort', onAbort, { once: true });
    } catch {}
    const halted = new Promise((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }));
    halted.catch(() => {});
    const within = (promise) => Promise.race([promise, halted]);
    const secrets = [...allSecrets, ...recent];
    const fetchFn = client.fetch ?? ((input, init) => fetch(input, init));
    const target = `${client.base}${apiPath}${query ? `?${query}` : ''}`;
    const send = (token) =>
      within(
        Promise.resolve().then(() =>
          fetchFn(target, { method: upperMethod, headers: { ...headers, authorization: `Bearer ${token}` }, body, signal: controller.signal, redirect: 'manual' }),
        ),
      );
    const failure = (e, what) => {
      if (stopped === 'timeout') return reply(504, 'upstream_timeout', `${provider.name} did not answer within ${client.timeoutMs} ms`, { operation });
      if (stopped === 'aborted') return reply(499, 'aborted', 'the caller went away', { operation });
      if (e instanceof IdpUsersError && e.kind === 'timeout') return reply(504, 'upstream_timeout', redactText(e.message, secrets), { operation });
      return reply(502, what, redactText(`${provider.name}: ${e instanceof IdpUsersError ? e.message : describe(e)}`, secrets), { operation });
    };

    try {
      let token;
      try {
        token = await within(client.api.__bearer(index));
      } catch (e) {
        return failure(e, 'upstream_auth_failed');
      }
      secrets.push(token);
      remember(token);
      let res;
      try {
        res = await send(token);
        // Kinde: a token the API rejects is re-minted once and the request retried once.
        if (provider.name === 'kinde' && (res.status === 401 || res.status === 403)) {
          let fresh;
          try {
            fresh = await within(client.api.__bearer(index, token));
          } catch {}
          if (typeof fresh === 'string' && fresh !== token) {
            try {
              res.body?.cancel().catch(() => {});
            } catch {}
            secrets.push(fresh);
            remember(fresh);
            res = await send(fresh);
          }
        }
      } catch (e) {
        return failure(e, 'upstream_unreachable');
      }
      let bytes;
      let status;
      let responseHeaders;
      try {
        status = res.status;
        responseHeaders = res.headers;
        bytes = new Uint8Array(await within(res.arrayBuffer()));
      } catch (e) {
        return failure(e, 'upstream_unreachable');
      }
      if (!Number.isInteger(status) || status < 200 || status > 599) {
        return reply(502, 'upstream_bad_response', `${provider.name} answered with status ${status}`, { operation });
      }
      const out = new Headers({ 'cache-control': 'no-store' });
      try {
        for (const [name, value] of responseHeaders) {
          const key = name.toLowerCase();
          if (PASSED_BACK.has(key) || RATE_LIMIT.test(key)) out.set(key, redactText(value, secrets));
        }
      } catch {
        // Headers a custom fetch made unreadable: none are passed back.
      }
      return new Response(NO_BODY_STATUS.has(status) ? null : redactBytes(bytes, secrets), { status, headers: out });
    } finally {
      clearTimeout(timer);
      try {
        incoming?.removeEventListener?.('abort', onAbort);
      } catch {}
    }
  }

  return async function usersProxy(request) {
    try {
      return await handle(request);
    } catch (e) {
      return reply(500, 'proxy_error', redactText(`the proxy failed: ${describe(e)}`, [...allSecrets, ...recent]));
    }
  };
}
