// Shared helpers for the fake-provider tests.
import assert from 'node:assert/strict';
import { createFakeProviders } from '../../fake/index.js';

export const ORIGIN = 'https://fake.kinde.com';

/** Fresh fake providers plus a valid access token and a small request helper. */
export function setup(options) {
  const fake = createFakeProviders(options);
  const token = fake.kinde.issueToken();
  /**
   * Calls the fake. `query` values are set as given; `body` objects are sent
   * as JSON. Returns { status, headers, text, json }.
   */
  async function call(method, path, { query, body, headers = {}, auth = token } = {}) {
    const url = new URL(path, ORIGIN);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    const h = { ...headers };
    if (auth) h.authorization = `Bearer ${auth}`;
    let payload;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    return readResponse(await fake.fetch(url, { method, headers: h, body: payload }));
  }
  return { fake, token, call };
}

/** Asserts a Kinde error_response: status, `{errors: [{code, message}]}`. */
export function assertErrorArray(res, status, code) {
  assert.equal(res.status, status, res.text);
  assert.ok(Array.isArray(res.json?.errors), `errors must be an array: ${res.text}`);
  assert.equal(res.json.errors.length, 1);
  assert.equal(res.json.errors[0].code, code, res.text);
  assert.equal(typeof res.json.errors[0].message, 'string');
}

/** Asserts a Kinde not_found_response: 404, `{errors: {code, message}}`. */
export function assertNotFound(res, code) {
  assert.equal(res.status, 404, res.text);
  assert.ok(res.json?.errors && !Array.isArray(res.json.errors), `errors must be an object: ${res.text}`);
  assert.equal(res.json.errors.code, code);
  assert.equal(typeof res.json.errors.message, 'string');
}

/** A form-encoded client-credentials token request. */
export function tokenRequest(fields, headers = {}) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  };
}

export const GOOD_CREDENTIALS = {
  grant_type: 'client_credentials',
  client_id: 'fake-client-id',
  client_secret: 'fake-client-secret',
  audience: `${ORIGIN}/api`,
};

export const CLERK_ORIGIN = 'https://api.clerk.com';
export const CLERK_KEY = 'sk_test_fake';

/**
 * Fresh fake providers and a helper calling the fake Clerk under /v1.
 * `query` values may be arrays (sent as repeated keys); `body` objects are sent
 * as JSON, `form` (a FormData) as multipart. Returns { status, headers, text, json }.
 */
export function clerkSetup(options) {
  const fake = createFakeProviders(options);
  async function call(method, path, { query, body, form, headers = {}, auth = CLERK_KEY } = {}) {
    const url = new URL(`/v1${path}`, CLERK_ORIGIN);
    for (const [k, v] of Object.entries(query ?? {})) {
      for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, item);
    }
    const h = { 'clerk-api-version': '2026-05-12', ...headers };
    if (auth) h.authorization = `Bearer ${auth}`;
    let payload = form;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    return readResponse(await fake.fetch(url, { method, headers: h, body: payload }));
  }
  return { fake, call };
}

/** Asserts a ClerkErrors answer: status, one error with `code` (and `meta.param_name` when given), a trace id. */
export function assertClerkError(res, status, code, param) {
  assert.equal(res.status, status, res.text);
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.ok(Array.isArray(res.json?.errors), `errors must be an array: ${res.text}`);
  assert.equal(res.json.errors.length, 1);
  const [error] = res.json.errors;
  assert.equal(error.code, code, res.text);
  assert.equal(typeof error.message, 'string');
  assert.equal(typeof error.long_message, 'string');
  if (param !== undefined) assert.equal(error.meta?.param_name, param, res.text);
  assert.match(res.json.clerk_trace_id, /^trace_fake_\d{6}$/);
  assert.deepEqual(Object.keys(res.json).sort(), ['clerk_trace_id', 'errors']);
}

/** Asserts an answer without a body (verify_password / verify_totp errors). */
export function assertEmpty(res, status) {
  assert.equal(res.status, status, res.text);
  assert.equal(res.text, '');
  assert.equal(res.headers.get('content-type'), null);
}

/** A response's status, headers, text and (when the text is JSON) parsed body. */
export async function readResponse(response) {
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
