// Parsing and validation of query parameters and JSON bodies, with the error
// codes the fake Kinde answers (all 400 error_response). fake/README.md lists them.

import { readJsonObject } from '../shared/http.js';
import { decodeCursor } from '../shared/pagination.js';
import { isEmailAddress, isPlainObject, rfc3339Ms } from '../shared/values.js';
import { badRequest } from './errors.js';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 500;
const EXPANDABLE = ['organizations', 'identities', 'billing'];

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

/** Thrown by Query when a parameter is repeated (the provider answers DUPLICATE_PARAMETER). */
export class QueryError extends Error {
  constructor(param, message) {
    super(message);
    this.param = param;
  }
}

/** Splits a comma-separated list, trimming entries and dropping empty ones. */
function commaList(value) {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `page_size`: an integer from 1 to 500, 10 when absent. */
export function pageSize(query) {
  const raw = query.optional('page_size');
  if (raw === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) {
    throw badRequest('INVALID_PAGE_SIZE', `page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}, got '${raw}'`);
  }
  const n = Number(raw);
  if (n > MAX_PAGE_SIZE) throw badRequest('PAGE_SIZE_LIMIT_EXCEEDED', `page_size cannot be greater than ${MAX_PAGE_SIZE}`);
  return n;
}

/** A comma-separated filter value as a list (entries trimmed, empty ones dropped). */
export function parseCommaList(_name, raw) {
  return commaList(raw);
}

/** 'true'/'false' (any case) as a boolean. */
export function parseBoolean(name, raw) {
  const lower = raw.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw badRequest('INVALID_BOOLEAN', `${name} must be true or false, got '${raw}'`);
  return lower === 'true';
}

/** A boolean query parameter; undefined when absent. */
export function booleanParam(query, name) {
  const raw = query.optional(name);
  return raw === undefined ? undefined : parseBoolean(name, raw);
}

/** `expand`: a comma list of organizations, identities, billing. */
export function expandParam(query) {
  const values = commaList(query.optional('expand'));
  for (const v of values) {
    if (!EXPANDABLE.includes(v)) {
      throw badRequest('INVALID_EXPAND', `expand accepts ${EXPANDABLE.join(', ')} (comma-separated); got '${v}'`);
    }
  }
  return new Set(values);
}

/** An RFC 3339 date-time, as milliseconds since the epoch. */
export function parseDateTime(name, raw) {
  const ms = rfc3339Ms(raw);
  if (ms === undefined) {
    const hint = raw.includes(' ') ? " (a '+' in the offset must be sent as %2B)" : '';
    throw badRequest('INVALID_DATE_TIME', `${name} must be an ISO 8601 date-time such as 2026-01-31T00:00:00Z, got '${raw}'${hint}`);
  }
  return ms;
}

/**
 * The filters of a list request, merged with those its next_token remembers.
 * `parsers` maps each filter name to a function (name, raw) → typed value.
 * A filter sent along with a next_token must equal the remembered one.
 * Returns { raw, typed, afterKey }: `raw` is what a new next_token remembers.
 */
export function listFilters(query, scope, parsers) {
  const names = Object.keys(parsers);
  const given = {};
  for (const name of names) {
    const value = query.optional(name);
    if (value !== undefined) given[name] = value;
  }
  let raw = given;
  let afterKey;
  const token = query.optional('next_token');
  if (token !== undefined) {
    const cursor = decodeCursor(scope, token);
    if (!cursor) throw badRequest('INVALID_NEXT_TOKEN', 'next_token is not a token this endpoint issued');
    for (const name of names) {
      if (given[name] !== undefined && given[name] !== cursor.filters[name]) {
        throw badRequest('INVALID_NEXT_TOKEN', `next_token was issued for a different ${name} filter`);
      }
    }
    raw = { ...cursor.filters, ...given };
    afterKey = cursor.key;
  }
  const typed = {};
  for (const name of names) typed[name] = raw[name] === undefined ? undefined : parsers[name](name, raw[name]);
  return { raw, typed, afterKey };
}

/** The required `id` query parameter of /api/v1/user. */
export function requiredUserId(query) {
  const id = query.raw('id');
  if (id === undefined || id.trim() === '') throw badRequest('USER_ID_REQUIRED', 'The id query parameter is required');
  return id;
}

// readJsonObject's problems → Kinde's error codes.
const BODY_ERROR_CODES = {
  missing: 'REQUEST_BODY_REQUIRED',
  'content-type': 'INVALID_CONTENT_TYPE',
  json: 'INVALID_JSON',
  object: 'INVALID_REQUEST_BODY',
};

/**
 * The JSON body as an object. An empty body gives `undefined` when optional,
 * REQUEST_BODY_REQUIRED when required.
 */
export function jsonBody(ctx, { required }) {
  return readJsonObject(ctx, { required, fail: (problem, message) => badRequest(BODY_ERROR_CODES[problem], message) });
}

/** An entry of a body array (`path` names it in errors), which must be an object. */
export function objectEntry(entry, path) {
  if (!isPlainObject(entry)) throw badRequest('INVALID_FIELD_TYPE', `${path} must be an object`);
  return entry;
}

const typeChecks = {
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  integer: (v) => Number.isInteger(v),
  object: isPlainObject,
  array: (v) => Array.isArray(v),
  'string[]': (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
};

/**
 * `obj[key]` checked against `type` ('string', 'boolean', 'integer', 'object',
 * 'array', 'string[]'); undefined when absent. `path` names the field in errors.
 * null is rejected: the spec declares none of these fields nullable.
 */
export function field(obj, key, type, path = key) {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (!typeChecks[type](value)) {
    throw badRequest('INVALID_FIELD_TYPE', `${path} must be ${type === 'string[]' ? 'an array of strings' : `a ${type}`}`);
  }
  return value;
}

/** `field` restricted to `allowed` values. */
export function enumField(obj, key, allowed, code, path = key) {
  const value = field(obj, key, 'string', path);
  if (value !== undefined && !allowed.includes(value)) {
    throw badRequest(code, `${path} must be one of ${allowed.join(', ')}; got '${value}'`);
  }
  return value;
}

const PHONE = /^\+?[0-9][0-9 ()-]{4,20}$/;

export function checkEmail(value, path) {
  if (!isEmailAddress(value)) throw badRequest('INVALID_EMAIL', `${path} is not a valid email address: '${value}'`);
}

export function checkPhone(value, path) {
  if (!PHONE.test(value)) throw badRequest('INVALID_PHONE', `${path} is not a valid phone number: '${value}'`);
}
