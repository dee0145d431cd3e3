import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertErrorArray, setup } from './helpers.mjs';

// Every endpoint, with whether the spec gives its 403 an error_response body.
const ENDPOINTS = [
  ['GET', '/api/v1/users', true],
  ['GET', '/api/v1/user?id=kp_fake_0001', true],
  ['POST', '/api/v1/user', true],
  ['PATCH', '/api/v1/user?id=kp_fake_0001', true],
  ['DELETE', '/api/v1/user?id=kp_fake_0001', true],
  ['GET', '/api/v1/users/kp_fake_0001/identities', false],
  ['POST', '/api/v1/users/kp_fake_0001/identities', false],
  ['GET', '/api/v1/users/kp_fake_0001/properties', false],
  ['PATCH', '/api/v1/users/kp_fake_0001/properties', false],
  ['PUT', '/api/v1/users/kp_fake_0001/properties/fake_property?value=x', false],
  ['GET', '/api/v1/users/kp_fake_0001/sessions', true],
  ['DELETE', '/api/v1/users/kp_fake_0001/sessions', true],
  ['GET', '/api/v1/users/kp_fake_0001/mfa', true],
  ['DELETE', '/api/v1/users/kp_fake_0001/mfa', true],
  ['DELETE', '/api/v1/users/kp_fake_0001/mfa/mfa_fake_0001', true],
  ['POST', '/api/v1/users/kp_fake_0001/refresh_claims', true],
  ['PUT', '/api/v1/users/kp_fake_0001/password', false],
  ['PATCH', '/api/v1/users/kp_fake_0001/feature_flags/fake_flag?value=true', false],
  ['GET', '/api/v1/organizations/org_fake/users', true],
  ['POST', '/api/v1/organizations/org_fake/users', true],
  ['PATCH', '/api/v1/organizations/org_fake/users', true],
  ['DELETE', '/api/v1/organizations/org_fake/users/kp_fake_0001', false],
];

test('every endpoint answers 403 without a bearer token, in the shape the spec gives', async () => {
  const { call, fake } = setup();
  const before = JSON.stringify(fake.kinde.users());
  for (const [method, path, withBody] of ENDPOINTS) {
    const res = await call(method, path, { auth: null });
    if (withBody) {
      assertErrorArray(res, 403, 'TOKEN_REQUIRED');
    } else {
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.text, '', `${method} ${path} must have no body`);
      assert.equal(res.headers.get('content-type'), null);
    }
  }
  assert.equal(JSON.stringify(fake.kinde.users()), before, 'a rejected request must not change state');
});

test('unknown, expired and malformed bearer tokens are 403', async () => {
  const { call, fake, token } = setup({ tokenTtlSeconds: 5 });
  assertErrorArray(await call('GET', '/api/v1/users', { auth: 'made-up' }), 403, 'TOKEN_INVALID');
  const basic = await call('GET', '/api/v1/users', { auth: null, headers: { authorization: `Basic ${btoa('a:b')}` } });
  assertErrorArray(basic, 403, 'TOKEN_REQUIRED');
  const empty = await call('GET', '/api/v1/users', { auth: null, headers: { authorization: 'Bearer ' } });
  assertErrorArray(empty, 403, 'TOKEN_REQUIRED');
  fake.advanceTime(5000);
  assertErrorArray(await call('GET', '/api/v1/users', { auth: token }), 403, 'TOKEN_EXPIRED');
  const noBody = await call('GET', '/api/v1/users/kp_fake_0001/identities', { auth: token });
  assert.equal(noBody.status, 403);
  assert.equal(noBody.text, '');
});

test('the bearer scheme name is case-insensitive', async () => {
  const { call, token } = setup();
  const res = await call('GET', '/api/v1/users', { auth: null, headers: { authorization: `bearer ${token}` } });
  assert.equal(res.status, 200);
});

test('the token is checked before the request is validated', async () => {
  const { call } = setup();
  assertErrorArray(await call('GET', '/api/v1/user', { auth: null }), 403, 'TOKEN_REQUIRED');
  assertErrorArray(await call('GET', '/api/v1/users', { auth: null, query: { page_size: '9999' } }), 403, 'TOKEN_REQUIRED');
});
