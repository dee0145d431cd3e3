// Response builders and request-reading helpers shared by every fake provider.
// Only web-platform globals are used so the module runs unchanged in Node,
// Deno, Bun, workerd and browsers. How a provider reads its query string is
// its own (Kinde refuses a repeated parameter, Clerk keeps the first value),
// so query readers live with each provider.

import { isPlainObject } from './values.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON response. `headers` are added to the content type. */
export function jsonResponse(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
  });
}

/** A response without a body (the spec's "no body" 403/429 answers). */
export function emptyResponse(status, headers = {}) {
  return new Response(null, { status, headers });
}

// Statuses for which the Response constructor refuses a body.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A response built from raw parts (fault injection). A JSON content type is
 * assumed for a non-empty body unless the headers name one.
 */
export function rawResponse(status, body, headers = {}) {
  const h = new Headers(headers);
  const hasBody = body !== undefined && body !== null && !NULL_BODY_STATUSES.has(status);
  if (hasBody && body !== '' && !h.has('content-type')) h.set('content-type', JSON_TYPE);
  return new Response(hasBody ? body : null, { status, headers: h });
}

/** Lower-cased header names → values, as a plain object. */
export function headersToObject(headers) {
  const out = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** The media type of a content-type header value, lower-cased and without parameters. */
export function mediaType(value) {
  return (value ?? '').split(';')[0].trim().toLowerCase();
}

/** True for `application/json` and `application/*+json`, with any parameters. */
function isJsonContentType(value) {
  if (!value) return false;
  const type = mediaType(value);
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** The token of an `Authorization: Bearer <token>` header (scheme in any case), or undefined. */
export function bearerToken(request) {
  return /^bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
}

/**
 * The request's JSON body, which must be a JSON object sent as application/json
 * (or +json); undefined when the body is absent or blank and not `required`.
 * Both APIs check a body in this order; only the errors differ, so
 * `fail(problem, message)` builds the provider's error for `problem`
 * ('missing', 'content-type', 'json' or 'object'), and it is thrown.
 */
export function readJsonObject(ctx, { required, fail }) {
  if (ctx.body === null || ctx.body.trim() === '') {
    if (required) throw fail('missing', 'This endpoint needs a JSON request body');
    return undefined;
  }
  const type = ctx.request.headers.get('content-type');
  if (!isJsonContentType(type)) {
    throw fail('content-type', `The request body must be sent as application/json, not '${type ?? 'no content type'}'`);
  }
  let value;
  try {
    value = JSON.parse(ctx.body);
  } catch (error) {
    throw fail('json', `The request body is not valid JSON: ${error.message}`);
  }
  if (!isPlainObject(value)) throw fail('object', 'The request body must be a JSON object');
  return value;
}
