// Query and JSON-body reading with Clerk's validation errors (422 for a bad
// parameter, 400 for an unreadable body). fake/README.md lists the codes.

import { readJsonObject } from '../shared/http.js';
import { isEmailAddress, isPlainObject, rfc3339Ms } from '../shared/values.js';
import { bodyError, paramError } from './errors.js';

export const MAX_LIMIT = 500;
const MAX_ARRAY_VALUES = 100;

/** Query parameters: a scalar is the first value given (Clerk keeps the first), arrays are repeated keys. */
export class ClerkQuery {
  constructor(searchParams) {
    this.params = searchParams;
  }

  has(name) {
    return this.params.has(name);
  }

  /** The first value, or undefined when absent (an empty value is a value). */
  first(name) {
    return this.params.has(name) ? this.params.get(name) : undefined;
  }

  /** Every value of a repeated key (`a=1&a=2`); undefined when absent. At most 100 values. */
  array(name) {
    if (!this.params.has(name)) return undefined;
    const values = this.params.getAll(name);
    if (values.length > MAX_ARRAY_VALUES) {
      throw paramError(name, `${name} accepts up to ${MAX_ARRAY_VALUES} values, got ${values.length}`, 'form_param_value_invalid');
    }
    return values;
  }

  /** An integer parameter within [min, max]; `fallback` when absent. */
  integer(name, { min = -Infinity, max = Infinity, fallback } = {}) {
    const raw = this.first(name);
    if (raw === undefined) return fallback;
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
      throw paramError(name, `${name} must be an integer, got '${raw}'`);
    }
    const n = Number(raw);
    if (n < min || n > max) {
      const range = max === Infinity ? `at least ${min}` : `from ${min} to ${max}`;
      throw paramError(name, `${name} must be ${range}, got ${n}`, 'form_param_value_invalid');
    }
    return n;
  }

  /** `true`/`false` (any case); undefined when absent. */
  boolean(name) {
    const raw = this.first(name);
    if (raw === undefined) return undefined;
    const lower = raw.toLowerCase();
    if (lower !== 'true' && lower !== 'false') throw paramError(name, `${name} must be true or false, got '${raw}'`);
    return lower === 'true';
  }

  /** One of `allowed`; undefined when absent. */
  oneOf(name, allowed) {
    const raw = this.first(name);
    if (raw !== undefined && !allowed.includes(raw)) {
      throw paramError(name, `${name} must be one of ${allowed.join(', ')}; got '${raw}'`, 'form_param_value_invalid');
    }
    return raw;
  }

  /** limit (1..500, default 10) and offset (>= 0, default 0). */
  page() {
    return {
      limit: this.integer('limit', { min: 1, max: MAX_LIMIT, fallback: 10 }),
      offset: this.integer('offset', { min: 0, fallback: 0 }),
    };
  }
}

/**
 * The JSON body as an object. An absent or blank body is `{}` unless `required`
 * (then 400). A body that is not JSON, not sent as JSON, or not an object is 400.
 */
export function jsonBody(ctx, { required }) {
  // Clerk has one code for every unreadable body: 400 request_body_invalid.
  return readJsonObject(ctx, { required, fail: (_problem, message) => bodyError(message) }) ?? {};
}

const TYPES = {
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  integer: (v) => Number.isSafeInteger(v),
  object: isPlainObject,
  'string[]': (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
};
const TYPE_NAMES = { string: 'a string', boolean: 'a boolean', integer: 'an integer', object: 'an object', 'string[]': 'an array of strings' };

/**
 * Checks `body` against `schema` ({ field: 'type' | 'type?' }, `?` = nullable):
 * unknown fields are 422 form_param_unknown (the spec's bodies have
 * additionalProperties: false), a wrong type 422 form_param_format_invalid,
 * null for a non-nullable field 422 form_param_nil. Returns the body with
 * nulls removed (a null means "not given").
 */
export function checkBody(body, schema) {
  const out = {};
  for (const [key, value] of Object.entries(body)) {
    const spec = schema[key];
    if (spec === undefined) throw paramError(key, `${key} is not a valid parameter for this request`, 'form_param_unknown', 'is unknown');
    const nullable = spec.endsWith('?');
    const type = nullable ? spec.slice(0, -1) : spec;
    if (value === null) {
      if (!nullable) throw paramError(key, `${key} must not be null`, 'form_param_nil', 'is null');
      continue;
    }
    if (!TYPES[type](value)) throw paramError(key, `${key} must be ${TYPE_NAMES[type]}`);
    out[key] = value;
  }
  return out;
}

/** An RFC 3339 body field as unix milliseconds. */
export function rfc3339(key, value) {
  const ms = rfc3339Ms(value);
  if (ms === undefined) {
    throw paramError(key, `${key} must be an RFC 3339 date-time such as 2026-01-31T07:15:20.902Z, got '${value}'`);
  }
  return ms;
}

const PHONE = /^\+[1-9]\d{6,14}$/; // E.164
const WALLET = /^0x[0-9a-fA-F]{40}$/;
const USERNAME = /^[A-Za-z0-9_.-]+$/;
const IDENTIFIER_CHECKS = { email: isEmailAddress, phone: (v) => PHONE.test(v), web3: (v) => WALLET.test(v) };

export function checkIdentifier(param, value, kind) {
  if (!IDENTIFIER_CHECKS[kind](value)) {
    const what = { email: 'an email address', phone: 'a phone number in E.164 format (+15550000001)', web3: 'a web3 wallet address (0x + 40 hex digits)' }[kind];
    throw paramError(param, `${param} must be ${what}, got '${value}'`);
  }
}

export function checkUsername(value) {
  if (value.length < 4 || value.length > 64) {
    throw paramError('username', 'Usernames must be between 4 and 64 characters long', 'form_username_invalid_length');
  }
  if (!USERNAME.test(value)) {
    throw paramError('username', 'Usernames may only contain letters, digits, _, . and -', 'form_username_invalid_character');
  }
}

const PWNED = new Set(['password', 'password1', 'password123', '12345678', '123456789', 'qwertyuiop', 'iloveyou']);

/** Clerk's password policy (as faked): 8 to 72 characters, not a known breached password. */
export function checkPassword(value, skipChecks) {
  if (skipChecks) return;
  if (value.length < 8) {
    throw paramError('password', 'Passwords must be 8 characters or more.', 'form_password_length_too_short');
  }
  if (value.length > 72) {
    throw paramError('password', 'Passwords must be less than 72 characters.', 'form_password_length_too_long');
  }
  if (PWNED.has(value.toLowerCase())) {
    throw paramError('password', 'This password has been found in an online data breach. Please use a different password.', 'form_password_pwned');
  }
}

