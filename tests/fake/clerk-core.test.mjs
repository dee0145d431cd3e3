// The fake Clerk's plumbing: routing, auth, error shapes, faults, controls.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFakeProviders } from '../../fake/index.js';
import { CLERK_KEY, assertClerkError, clerkSetup } from './helpers.mjs';

test('served under /v1 on any origin, in-process, next to Kinde', async () => {
  const fake = createFakeProviders();
  const headers = { authorization: `Bearer ${fake.clerk.secretKey}` };
  for (const origin of ['https://api.clerk.com', 'http://127.0.0.1:9', 'https://anything.example']) {
    const res = await fake.fetch(`${origin}/v1/users/user_fake_0001`, { headers });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).id, 'user_fake_0001');
  }
  const relative = await fake.fetch('/v1/users/count', { headers });
  assert.deepEqual(await relative.json(), { object: 'total_count', total_count: 25 });
  const kinde = await fake.fetch('https://x/api/v1/users', { headers: { authorization: `Bearer ${fake.kinde.issueToken()}` } });
  assert.equal(kinde.status, 200);
  assert.equal(fake.clerk.secretKey, 'sk_test_fake');
});

test('auth: a missing or wrong secret key is 401 authentication_invalid', async () => {
  const { call } = clerkSetup();
  assertClerkError(await call('GET', '/users', { auth: null }), 401, 'authentication_invalid');
  assertClerkError(await call('GET', '/users', { auth: 'sk_test_other' }), 401, 'authentication_invalid');
  assertClerkError(await call('GET', '/users', { auth: null, headers: { authorization: 'Basic c2tfdGVzdF9mYWtl' } }), 401, 'authentication_invalid');
  // The scheme is case-insensitive; verify_password's 401 keeps its body (only 400/404/422 are bodiless).
  assert.equal((await call('GET', '/users', { auth: null, headers: { authorization: `bearer ${CLERK_KEY}` } })).status, 200);
  assertClerkError(await call('POST', '/users/user_fake_0001/verify_password', { auth: null, body: { password: 'x' } }), 401, 'authentication_invalid');
});

test('the Clerk-API-Version header is recorded, not required', async () => {
  const { call, fake } = clerkSetup();
  assert.equal((await call('GET', '/users/count')).status, 200);
  assert.equal(fake.requests.at(-1).headers['clerk-api-version'], '2026-05-12');
  const res = await fake.fetch('https://api.clerk.com/v1/users/count', { headers: { authorization: `Bearer ${CLERK_KEY}` } });
  assert.equal(res.status, 200);
  assert.equal(fake.requests.at(-1).headers['clerk-api-version'], undefined);
  assert.equal(fake.requests.at(-1).path, '/v1/users/count');
});

test('unknown routes are 404 resource_not_found; a wrong method is 405 with Allow; trace ids are deterministic', async () => {
  const { call } = clerkSetup();
  const missing = await call('GET', '/organizations');
  assertClerkError(missing, 404, 'resource_not_found');
  assert.equal(missing.json.clerk_trace_id, 'trace_fake_000001');
  const wrong = await call('PUT', '/users/user_fake_0001');
  assertClerkError(wrong, 405, 'method_not_allowed');
  assert.equal(wrong.headers.get('allow'), 'GET, PATCH, DELETE');
  assert.equal(wrong.json.clerk_trace_id, 'trace_fake_000002');
  const again = clerkSetup();
  assert.equal((await again.call('GET', '/organizations')).json.clerk_trace_id, 'trace_fake_000001');
  assertClerkError(await call('GET', '/users/user_nobody'), 404, 'resource_not_found');
});

test('POST /users/{id}/totp: 405 Allow: DELETE by default; the seed SDK behaviour with legacyTotp(true)', async () => {
  const { call, fake } = clerkSetup();
  const removed = await call('POST', '/users/user_fake_0001/totp');
  assertClerkError(removed, 405, 'method_not_allowed');
  assert.equal(removed.headers.get('allow'), 'DELETE');
  assert.equal(fake.clerk.users()[0].totp_enabled, false);

  fake.clerk.legacyTotp(true);
  const created = await call('POST', '/users/user_fake_0001/totp');
  assert.equal(created.status, 200, created.text);
  assert.deepEqual(Object.keys(created.json), ['object', 'id', 'secret', 'uri', 'verified', 'backup_codes']);
  assert.equal(created.json.object, 'totp');
  assert.equal(created.json.id, 'totp_fake_0001_1');
  assert.match(created.json.secret, /^[A-Z2-7]{32}$/);
  assert.equal(created.json.verified, false);
  assert.match(created.json.uri, new RegExp(`^otpauth://totp/.+\\?secret=${created.json.secret}&`));
  assert.equal(created.json.backup_codes.length, 10);
  const user = fake.clerk.users()[0];
  assert.equal(user.totp_enabled, true);
  assert.equal(user.backup_code_enabled, true);
  assert.equal(user.two_factor_enabled, true);
  assert.equal(user.totp_secret, created.json.secret);
  const code = await fake.clerk.totpCode('user_fake_0001');
  const verified = await call('POST', '/users/user_fake_0001/verify_totp', { body: { code } });
  assert.deepEqual(verified.json, { verified: true, code_type: 'totp' });
  assertClerkError(await call('POST', '/users/user_nobody/totp'), 404, 'resource_not_found');
  assertClerkError(await call('POST', '/users/user_fake_0001/totp', { auth: null }), 401, 'authentication_invalid');
  assert.equal((await call('GET', '/users/user_fake_0001/totp')).headers.get('allow'), 'DELETE, POST');

  fake.clerk.legacyTotp(false);
  assert.equal((await call('POST', '/users/user_fake_0001/totp')).status, 405);
  assert.throws(() => fake.clerk.legacyTotp('yes'), TypeError);
});

test('injectFault: exact or RegExp path, method, times, before auth', async () => {
  const { call, fake } = clerkSetup();
  fake.clerk.injectFault({ path: '/v1/users', status: 429, headers: { 'retry-after': '2' } });
  const throttled = await call('GET', '/users', { auth: null });
  assert.equal(throttled.status, 429);
  assert.equal(throttled.headers.get('retry-after'), '2');
  assert.equal((await call('GET', '/users')).status, 200);

  const body = JSON.stringify({ errors: [{ message: 'x', long_message: 'y', code: 'internal_clerk_error' }] });
  fake.clerk.injectFault({ method: 'delete', path: /^\/v1\/users\/[^/]+$/, status: 500, body, times: 2 });
  assert.equal((await call('GET', '/users/user_fake_0001')).status, 200);
  const failed = await call('DELETE', '/users/user_fake_0001');
  assert.equal(failed.status, 500);
  assert.deepEqual(failed.json, JSON.parse(body));
  assert.equal((await call('DELETE', '/users/user_fake_0002')).status, 500);
  assert.equal((await call('DELETE', '/users/user_fake_0002')).status, 200);

  // Clerk faults do not touch Kinde, and the other way round.
  fake.clerk.injectFault({ status: 503, times: Infinity });
  const kinde = await fake.fetch('https://x/api/v1/users', { headers: { authorization: `Bearer ${fake.kinde.issueToken()}` } });
  assert.equal(kinde.status, 200);
  assert.equal((await call('GET', '/users/count')).status, 503);
  fake.clerk.reset();
  assert.equal((await call('GET', '/users/count')).status, 200, 'reset clears faults');
  assert.throws(() => fake.clerk.injectFault({ status: 99 }), TypeError);
});

test('users() is a snapshot; reset() restores the seed and id counters', async () => {
  const { call, fake } = clerkSetup();
  const snap = fake.clerk.users();
  assert.equal(snap.length, 25);
  snap[0].first_name = 'Changed';
  snap[0].public_metadata.plan = 'x';
  snap[1].backup_codes.length = 0;
  assert.equal(fake.clerk.users()[0].first_name, 'Ada');
  assert.equal(fake.clerk.users()[0].public_metadata.plan, 'free');
  assert.equal(fake.clerk.users()[1].backup_codes.length, 5);

  await call('DELETE', '/users/user_fake_0001');
  await call('POST', '/users', { body: { email_address: ['new@example.com'] } });
  fake.clerk.legacyTotp(true);
  const seeded = createFakeProviders().clerk.users();
  assert.notDeepEqual(fake.clerk.users(), seeded);
  fake.clerk.reset();
  assert.deepEqual(fake.clerk.users(), seeded);
  const again = await call('POST', '/users', { body: { email_address: ['new@example.com'] } });
  assert.equal(again.json.id, 'user_fake_0026');
  assert.equal((await call('POST', '/users/user_fake_0001/totp')).status, 200, 'legacyTotp survives reset');
});

test('a lower-case patch is another method (405), as on a real server', async () => {
  const { call } = clerkSetup();
  const res = await call('patch', '/users/user_fake_0001', { body: { first_name: 'X' } });
  assertClerkError(res, 405, 'method_not_allowed');
});
