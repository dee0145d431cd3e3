// Response builders and request-reading helpers shared by every fake provider.
// Only web-platform globals are used so the module runs unchanged in Node,
// Deno, Bun, workerd and browsers.

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

/** True for `application/json` and `application/*+json`, with any parameters. */
export function isJsonContentType(value) {
  if (!value) return false;
  const type = value.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** The media type of a content-type header value, lower-cased and without parameters. */
export function mediaType(value) {
  return (value ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Reads query parameters that the API defines as single strings.
 * A repeated key is reported instead of silently picking one value, because a
 * client that repeats it (array style) is sending something the API does not define.
 */
export class Query {
  constructor(searchParams) {
    this.params = searchParams;
  }

  /** `undefined` when absent; the string otherwise (possibly empty). */
  raw(name) {
    const values = this.params.getAll(name);
    if (values.length === 0) return undefined;
    if (values.length > 1) throw new QueryError(name, `Query parameter '${name}' was given ${values.length} times; send it once`);
    return values[0];
  }

  /** Like raw(), but an empty value counts as absent (how a null is sent for a nullable parameter). */
  optional(name) {
    const value = this.raw(name);
    return value === undefined || value === '' ? undefined : value;
  }
}

/** Thrown by Query when a parameter is repeated. */
export class QueryError extends Error {
  constructor(param, message) {
    super(message);
    this.param = param;
  }
}

/** Splits a comma-separated list, trimming entries and dropping empty ones. */
export function commaList(value) {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
