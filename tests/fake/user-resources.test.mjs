import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertErrorArray, assertNotFound, setup } from './helpers.mjs';

const u = (id, rest = '') => `/api/v1/users/${id}${rest}`;

test('GET identities: the identity model, oldest first', async () => {
  const { call } = setup();
  const res = await call('GET', u('kp_fake_0012', '/identities'));
  assert.equal(res.status, 200);
  assert.equal(res.json.code, 'OK');
  assert.equal(res.json.has_more, false);
  assert.deepEqual(
    res.json.identities.map((i) => [i.id, i.type, i.name, i.is_primary, i.connection_id]),
    [
      ['identity_fake_0012_01', 'email', 'liam.lee@example.com', true, null],
      ['identity_fake_0012_02', 'username', 'liam0012', false, null],
      ['identity_fake_0012_03', 'phone', '+61400000012', false, null],
      ['identity_fake_0012_04', 'oauth2:google', 'liam.lee@example.com', false, 'conn_fake_google'],
    ],
  );
  const email = res.json.identities[0];
  assert.equal(email.email, 'liam.lee@example.com');
  assert.equal(email.is_confirmed, true);
  assert.equal(email.total_logins, 36);
  assert.equal(email.last_login_on, '2026-01-13T12:00:00.000Z');
  assert.equal(email.created_on, '2026-01-12T00:00:00.000Z');
});

test('GET identities: starting_after / ending_before', async () => {
  const { call } = setup();
  const names = async (query) =>
    (await call('GET', u('kp_fake_0012', '/identities'), { query })).json.identities.map((i) => i.id.slice(-2));
  assert.deepEqual(await names({ starting_after: 'identity_fake_0012_02' }), ['03', '04']);
  assert.deepEqual(await names({ ending_before: 'identity_fake_0012_03' }), ['01', '02']);
  const both = await call('GET', u('kp_fake_0012', '/identities'), {
    query: { starting_after: 'identity_fake_0012_01', ending_before: 'identity_fake_0012_04' },
  });
  assertErrorArray(both, 400, 'TOO_MANY_PARAMETERS');
  const unknown = await call('GET', u('kp_fake_0012', '/identities'), { query: { starting_after: 'identity_nope' } });
  assertErrorArray(unknown, 400, 'IDENTITY_NOT_FOUND');
  assertErrorArray(await call('GET', u('kp_nobody', '/identities')), 400, 'USER_NOT_FOUND');
});

test('POST identities: email, username, phone, social and enterprise', async () => {
  const { call } = setup();
  const add = (body) => call('POST', u('kp_fake_0001', '/identities'), { body });
  const email = await add({ type: 'email', value: 'ada.work@example.com' });
  assert.equal(email.status, 201, email.text);
  assert.deepEqual(email.json, { code: 'IDENTITY_CREATED', message: 'Identity successfully created', identity: { id: 'identity_fake_0001_02' } });
  assert.equal((await add({ type: 'username', value: 'ada' })).status, 201);
  assert.equal((await add({ type: 'phone', value: '+61411111111', phone_country_id: 'au' })).status, 201);
  assert.equal((await add({ type: 'social', value: 'ada@gmail.example', connection_id: 'conn_fake_google' })).status, 201);
  assert.equal((await add({ type: 'enterprise', value: 'ada@corp.example', connection_id: 'conn_fake_saml' })).status, 201);

  const user = await call('GET', '/api/v1/user', { query: { id: 'kp_fake_0001', expand: 'identities' } });
  // The first email stays the preferred one; username and phone now show.
  assert.equal(user.json.preferred_email, 'ada.anderson@example.com');
  assert.equal(user.json.username, 'ada');
  assert.equal(user.json.phone, '+61411111111');
  assert.deepEqual(
    user.json.identities.map((i) => i.type),
    ['email', 'email', 'username', 'phone', 'oauth2:google', 'saml:custom'],
  );
  const byEmail = await call('GET', '/api/v1/users', { query: { email: 'ada.work@example.com' } });
  assert.deepEqual(byEmail.json.users.map((x) => x.id), ['kp_fake_0001']);
});

test('POST identities: validation', async () => {
  const { call } = setup();
  const add = (body, id = 'kp_fake_0001') => call('POST', u(id, '/identities'), { body });
  assertErrorArray(await add({ value: 'x@example.com' }), 400, 'IDENTITY_TYPE_REQUIRED');
  assertErrorArray(await add({ type: 'passkey', value: 'x' }), 400, 'INVALID_IDENTITY_TYPE');
  assertErrorArray(await add({ type: 'email' }), 400, 'IDENTITY_VALUE_REQUIRED');
  assertErrorArray(await add({ type: 'email', value: 'not-an-email' }), 400, 'INVALID_EMAIL');
  assertErrorArray(await add({ type: 'phone', value: '+61411111111' }), 400, 'PHONE_COUNTRY_ID_REQUIRED');
  assertErrorArray(await add({ type: 'social', value: 'x@gmail.example' }), 400, 'CONNECTION_ID_REQUIRED');
  assertErrorArray(await add({ type: 'social', value: 'x', connection_id: 'conn_nope' }), 400, 'CONNECTION_NOT_FOUND');
  assertErrorArray(await add({ type: 'social', value: 'x', connection_id: 'conn_fake_saml' }), 400, 'INVALID_CONNECTION');
  assertErrorArray(await add({ type: 'email', value: 'ben.brown@example.com' }), 400, 'IDENTITY_ALREADY_EXISTS');
  assertErrorArray(await add({ type: 'email', value: 'x@example.com' }, 'kp_nobody'), 400, 'USER_NOT_FOUND');
});

test('GET properties: every property with the user value (null when unset)', async () => {
  const { call } = setup();
  const odd = await call('GET', u('kp_fake_0001', '/properties'));
  assert.equal(odd.status, 200);
  assert.deepEqual(odd.json, {
    code: 'OK',
    message: 'Success',
    properties: [
      { id: 'prop_fake_property', name: 'Fake property', description: 'A user property seeded for tests', key: 'fake_property', value: 'value_0001' },
    ],
  });
  const even = await call('GET', u('kp_fake_0002', '/properties'));
  assert.equal(even.json.properties[0].value, null);
  assertErrorArray(await call('GET', u('kp_nobody', '/properties')), 400, 'USER_NOT_FOUND');
});

test('PATCH properties and PUT property update values', async () => {
  const { call, fake } = setup();
  const patched = await call('PATCH', u('kp_fake_0002', '/properties'), { body: { properties: { fake_property: 42 } } });
  assert.equal(patched.status, 200, patched.text);
  assert.deepEqual(patched.json, { code: 'PROPERTIES_UPDATED', message: 'Properties successfully updated' });
  assert.equal(fake.kinde.users()[1].properties.fake_property, '42');
  const put = await call('PUT', u('kp_fake_0002', '/properties/fake_property'), { query: { value: 'hello world' } });
  assert.deepEqual(put.json, { code: 'PROPERTY_UPDATED', message: 'Property successfully updated' });
  const got = await call('GET', u('kp_fake_0002', '/properties'));
  assert.equal(got.json.properties[0].value, 'hello world');
  const cleared = await call('PATCH', u('kp_fake_0002', '/properties'), { body: { properties: { fake_property: null } } });
  assert.equal(cleared.status, 200);
  assert.equal(fake.kinde.users()[1].properties.fake_property, null);
});

test('properties: validation', async () => {
  const { call } = setup();
  const patch = (body, id = 'kp_fake_0001') => call('PATCH', u(id, '/properties'), { body });
  assertErrorArray(await patch(undefined), 400, 'REQUEST_BODY_REQUIRED');
  assertErrorArray(await patch({}), 400, 'PROPERTIES_REQUIRED');
  assertErrorArray(await patch({ properties: ['x'] }), 400, 'INVALID_FIELD_TYPE');
  assertErrorArray(await patch({ properties: { nope: 'x' } }), 400, 'PROPERTY_NOT_FOUND');
  assertErrorArray(await patch({ properties: { fake_property: { a: 1 } } }), 400, 'INVALID_PROPERTY_VALUE');
  assertErrorArray(await patch({ properties: { fake_property: 'x' } }, 'kp_nobody'), 400, 'USER_NOT_FOUND');
  const put = (path, query) => call('PUT', u('kp_fake_0001', path), { query });
  assertErrorArray(await put('/properties/fake_property', {}), 400, 'VALUE_REQUIRED');
  assertErrorArray(await put('/properties/nope', { value: 'x' }), 400, 'PROPERTY_NOT_FOUND');
});

test('sessions: two per odd user; delete clears them; unknown user is a 404 object', async () => {
  const { call } = setup();
  const res = await call('GET', u('kp_fake_0001', '/sessions'));
  assert.equal(res.status, 200);
  assert.equal(res.json.has_more, false);
  assert.deepEqual(res.json.sessions[1], {
    session_id: 'session_fake_0001_2',
    user_id: 'kp_fake_0001',
    org_code: 'org_fake',
    client_id: 'app_fake_mobile',
    connection_id: 'conn_fake_email',
    started_on: '2026-01-02T12:00:00.000Z',
    updated_on: '2026-01-02T12:30:00.000Z',
    expires_on: '2026-02-01T12:00:00.000Z',
    initial_ip_address: '198.51.100.2',
    last_ip_address: '198.51.100.2',
    initial_user_agent: 'FakeMobileApp/2.0 (iOS 18.0)',
    last_user_agent: 'FakeMobileApp/2.0 (iOS 18.0)',
  });
  assert.equal(res.json.sessions[0].org_code, null);
  assert.deepEqual((await call('GET', u('kp_fake_0002', '/sessions'))).json.sessions, []);
  const deleted = await call('DELETE', u('kp_fake_0001', '/sessions'));
  assert.deepEqual(deleted.json, { code: 'SESSIONS_DELETED', message: 'User sessions successfully invalidated' });
  assert.deepEqual((await call('GET', u('kp_fake_0001', '/sessions'))).json.sessions, []);
  assertNotFound(await call('GET', u('kp_nobody', '/sessions')), 'USER_NOT_FOUND');
  assertNotFound(await call('DELETE', u('kp_nobody', '/sessions')), 'USER_NOT_FOUND');
});

test('MFA: get, reset one factor, reset all; 404 objects for unknown user or factor', async () => {
  const { call } = setup();
  const res = await call('GET', u('kp_fake_0004', '/mfa'));
  assert.deepEqual(res.json, {
    code: 'OK',
    message: 'Success',
    mfa: {
      id: 'mfa_fake_0004',
      type: 'authenticator_app',
      created_on: '2026-01-04T02:00:00.000Z',
      name: 'Authenticator app',
      is_verified: true,
      usage_count: 4,
      last_used_on: '2026-01-05T12:00:00.000Z',
    },
  });
  // No factor: a 200 without `mfa`.
  assert.deepEqual((await call('GET', u('kp_fake_0002', '/mfa'))).json, { code: 'OK', message: 'Success' });
  assertNotFound(await call('DELETE', u('kp_fake_0004', '/mfa/mfa_fake_0001')), 'MFA_FACTOR_NOT_FOUND');
  const one = await call('DELETE', u('kp_fake_0004', '/mfa/mfa_fake_0004'));
  assert.deepEqual(one.json, { code: 'MFA_FACTOR_RESET', message: "User's MFA factor successfully reset" });
  assert.equal((await call('GET', u('kp_fake_0004', '/mfa'))).json.mfa, undefined);
  const all = await call('DELETE', u('kp_fake_0007', '/mfa'));
  assert.deepEqual(all.json, { code: 'MFA_RESET', message: "User's MFA successfully reset" });
  assert.equal((await call('GET', u('kp_fake_0007', '/mfa'))).json.mfa, undefined);
  assertNotFound(await call('GET', u('kp_nobody', '/mfa')), 'USER_NOT_FOUND');
  assertNotFound(await call('DELETE', u('kp_nobody', '/mfa')), 'USER_NOT_FOUND');
  assertNotFound(await call('DELETE', u('kp_nobody', '/mfa/mfa_fake_0001')), 'USER_NOT_FOUND');
});

test('refresh_claims records the refresh; unknown user is 400', async () => {
  const { call, fake } = setup({ now: () => Date.UTC(2026, 2, 3) });
  const res = await call('POST', u('kp_fake_0002', '/refresh_claims'));
  assert.deepEqual(res.json, { code: 'CLAIMS_REFRESHED', message: 'Claims successfully refreshed' });
  assert.equal(fake.kinde.users()[1].claims_refreshed_on, '2026-03-03T00:00:00.000Z');
  assertErrorArray(await call('POST', u('kp_nobody', '/refresh_claims')), 400, 'USER_NOT_FOUND');
});

test('PUT password: sets the password; enums, required fields and per-method rules', async () => {
  const { call, fake } = setup();
  const put = (body, id = 'kp_fake_0001') => call('PUT', u(id, '/password'), { body });
  const ok = await put({ hashed_password: '$2a$10$abc', is_temporary_password: true });
  assert.deepEqual(ok.json, { code: 'PASSWORD_SET', message: 'User password successfully set' });
  assert.equal(fake.kinde.users()[0].password.hashing_method, 'bcrypt');
  assert.equal(fake.kinde.users()[0].password.is_temporary_password, true);
  const pbkdf2 = await put({ hashed_password: 'h', hashing_method: 'pbkdf2', salt: 'c2FsdA==', variant: 'salted-pbkdf2-hmac-sha256', iterations: 1000 });
  assert.equal(pbkdf2.status, 200, pbkdf2.text);
  const firebase = await put({
    hashed_password: 'h',
    hashing_method: 'firebase-scrypt',
    salt: 's',
    signer_key: 'k',
    salt_separator: 'Bw==',
    rounds: 8,
    mem_cost: 14,
  });
  assert.equal(firebase.status, 200, firebase.text);

  assertErrorArray(await put(undefined), 400, 'REQUEST_BODY_REQUIRED');
  assertErrorArray(await put({}), 400, 'HASHED_PASSWORD_REQUIRED');
  assertErrorArray(await put({ hashed_password: 'h', hashing_method: 'rot13' }), 400, 'INVALID_HASHING_METHOD');
  assertErrorArray(await put({ hashed_password: 'h', salt_position: 'middle' }), 400, 'INVALID_SALT_POSITION');
  assertErrorArray(await put({ hashed_password: 'h', iterations: '1000' }), 400, 'INVALID_FIELD_TYPE');
  assertErrorArray(await put({ hashed_password: 'h', hashing_method: 'pbkdf2', variant: 'v' }), 400, 'INVALID_PASSWORD_PARAMETERS');
  assertErrorArray(await put({ hashed_password: 'h', signer_key: 'k' }), 400, 'INVALID_PASSWORD_PARAMETERS');
  assertErrorArray(await put({ hashed_password: 'h', hashing_method: 'aspnet-identity-v2', salt: 's' }), 400, 'INVALID_PASSWORD_PARAMETERS');
  assertErrorArray(await put({ hashed_password: 'h' }, 'kp_nobody'), 400, 'USER_NOT_FOUND');
});

test('PATCH feature flag override: true/false only, known flags only', async () => {
  const { call, fake } = setup();
  const patch = (query, key = 'fake_flag', id = 'kp_fake_0001') => call('PATCH', u(id, `/feature_flags/${key}`), { query });
  const ok = await patch({ value: 'true' });
  assert.deepEqual(ok.json, { code: 'FEATURE_FLAG_OVERRIDE_UPDATED', message: 'Feature flag override successfully updated' });
  assert.deepEqual(fake.kinde.users()[0].feature_flags, { fake_flag: true });
  await patch({ value: 'false' });
  assert.deepEqual(fake.kinde.users()[0].feature_flags, { fake_flag: false });
  assertErrorArray(await patch({ value: 'yes' }), 400, 'INVALID_FEATURE_FLAG_VALUE');
  assertErrorArray(await patch({}), 400, 'VALUE_REQUIRED');
  assertErrorArray(await patch({ value: 'true' }, 'other_flag'), 400, 'FEATURE_FLAG_NOT_FOUND');
  assertErrorArray(await patch({ value: 'true' }, 'fake_flag', 'kp_nobody'), 400, 'USER_NOT_FOUND');
});
