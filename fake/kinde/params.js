// Parsing and validation of query parameters and JSON bodies, with the error
// codes the fake Kinde answers (all 400 error_response). fake/README.md lists them.

import { commaList, isJsonContentType } from '../shared/http.js';
import { decodeCursor } from '../shared/pagination.js';
import { badRequest } from './errors.js';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 500;
const EXPANDABLE = ['organizations', 'identities', 'billing'];
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

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
  const ms = Date.parse(raw);
  if (!RFC3339.test(raw) || Number.isNaN(ms)) {
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

/**
 * The JSON body as an object. An empty body gives `undefined` when optional,
 * REQUEST_BODY_REQUIRED when required.
 */
export function jsonBody(ctx, { required }) {
  if (ctx.body === null || ctx.body.trim() === '') {
    if (required) throw badRequest('REQUEST_BODY_REQUIRED', 'This endpoint needs a JSON request body');
    return undefined;
  }
  const type = ctx.request.headers.get('content-type');
  if (!isJsonContentType(type)) {
    throw badRequest('INVALID_CONTENT_TYPE', `The request body must be sent as application/json, not '${type ?? 'no content type'}'`);
  }
  let value;
  try {
    value = JSON.parse(ctx.body);
  } catch (error) {
    throw badRequest('INVALID_JSON', `The request body is not valid JSON: ${error.message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('INVALID_REQUEST_BODY', 'The request body must be a JSON object');
  }
  return value;
}

const typeChecks = {
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  integer: (v) => Number.isInteger(v),
  object: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{4,20}$/;

export function checkEmail(value, path) {
  if (!EMAIL.test(value)) throw badRequest('INVALID_EMAIL', `${path} is not a valid email address: '${value}'`);
}

export function checkPhone(value, path) {
  if (!PHONE.test(value)) throw badRequest('INVALID_PHONE', `${path} is not a valid phone number: '${value}'`);
}
