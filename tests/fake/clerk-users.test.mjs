// The fake Clerk's user endpoints: get, create, update, delete, ban/lock, metadata.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClerkError, clerkSetup } from './helpers.mjs';

// Every field of the spec's User model that the fake sends, in order (it sends no others).
const USER_KEYS = [
  'id', 'object', 'external_id', 'primary_email_address_id', 'primary_phone_number_id', 'primary_web3_wallet_id',
  'username', 'first_name', 'last_name', 'locale', 'profile_image_url', 'image_url', 'has_image', 'public_metadata',
  'private_metadata', 'unsafe_metadata', 'email_addresses', 'phone_numbers', 'web3_wallets', 'passkeys',
  'password_enabled', 'two_factor_enabled', 'totp_enabled', 'backup_code_enabled', 'mfa_enabled_at', 'mfa_disabled_at',
  'password_last_updated_at', 'external_accounts', 'saml_accounts', 'enterprise_accounts', 'last_sign_in_at', 'banned',
  'locked', 'deprovisioned', 'lockout_expires_in_seconds', 'verification_attempts_remaining', 'updated_at', 'created_at',
  'delete_self_enabled', 'create_organization_enabled', 'create_organizations_limit', 'last_active_at',
  'legal_accepted_at', 'bypass_client_trust',
];
const T0 = Date.UTC(2026, 5, 1);

test('GET /users/{id}: the User model, field for field', async () => {
  const { call } = clerkSetup();
  const res = await call('GET', '/users/user_fake_0004');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
  const u = res.json;
  assert.deepEqual(Object.keys(u), USER_KEYS);
  assert.equal(u.object, 'user');
  assert.equal(u.first_name, 'Dev');
  assert.equal(u.username, 'dev0004');
  assert.equal(u.created_at, Date.UTC(2026, 0, 4));
  assert.deepEqual(Object.keys(u.email_addresses[0]), [
    'id', 'object', 'email_address', 'reserved', 'verification', 'linked_to', 'matches_sso_connection', 'created_at', 'updated_at',
  ]);
  assert.deepEqual(u.email_addresses[0].linked_to, [{ type: 'oauth_google', id: 'eac_fake_0004_1' }]);
  assert.deepEqual(u.email_addresses[0].verification, { object: 'verification_admin', status: 'verified', strategy: 'admin', attempts: null, expire_at: null });
  assert.equal(u.external_accounts[0].provider, 'oauth_google');
  assert.equal(u.external_accounts[0].verification.strategy, 'oauth_google');
  assert.deepEqual(u.saml_accounts, []);
  assert.deepEqual(u.enterprise_accounts, []);

  const phone = (await call('GET', '/users/user_fake_0003')).json;
  assert.deepEqual(Object.keys(phone.phone_numbers[0]), [
    'id', 'object', 'phone_number', 'reserved_for_second_factor', 'default_second_factor', 'reserved', 'verification', 'linked_to', 'created_at', 'updated_at',
  ]);
  assert.deepEqual(Object.keys(phone.passkeys[0]), ['id', 'object', 'name', 'last_used_at', 'verification']);
  const wallet = (await call('GET', '/users/user_fake_0005')).json;
  assert.deepEqual(Object.keys(wallet.web3_wallets[0]), ['id', 'object', 'web3_wallet', 'verification', 'created_at', 'updated_at']);
  assert.equal(wallet.primary_web3_wallet_id, wallet.web3_wallets[0].id);
  assertClerkError(await call('GET', '/users/user_fake_9999'), 404, 'resource_not_found');
});

test('POST /users: creates a user with every kind of field', async () => {
  const { call, fake } = clerkSetup({ now: () => T0 });
  const res = await call('POST', '/users', {
    body: {
      external_id: 'ext_new',
      first_name: 'Nia',
      last_name: 'New',
      locale: 'fr-FR',
      email_address: ['nia@example.com', 'nia.reserved@example.com'],
      email_address_identification_status: ['verified', 'reserved'],
      phone_number: ['+15557770001'],
      web3_wallet: ['0x1111111111111111111111111111111111111111'],
      username: 'nia_new',
      password: 'a-long-password',
      totp_secret: 'JBSWY3DPEHPK3PXP',
      backup_codes: ['one11111', 'two22222'],
      public_metadata: { a: 1 },
      private_metadata: { b: { c: 2 } },
      unsafe_metadata: { d: [1] },
      delete_self_enabled: false,
      create_organization_enabled: false,
      create_organizations_limit: 3,
      legal_accepted_at: '2026-02-01T10:00:00Z',
      created_at: '2025-12-31T00:00:00.000Z',
      bypass_client_trust: true,
      skip_legal_checks: true,
      locale_unused: undefined,
    },
  });
  assert.equal(res.status, 200, res.text);
  const u = res.json;
  assert.deepEqual(Object.keys(u), USER_KEYS);
  assert.equal(u.id, 'user_fake_0026');
  assert.equal(u.external_id, 'ext_new');
  assert.equal(u.locale, 'fr-FR');
  assert.deepEqual(u.email_addresses.map((e) => [e.id, e.email_address, e.reserved, e.verification.status]), [
    ['idn_fake_email_0026_1', 'nia@example.com', false, 'verified'],
    ['idn_fake_email_0026_2', 'nia.reserved@example.com', true, 'unverified'],
  ]);
  assert.equal(u.primary_email_address_id, 'idn_fake_email_0026_1');
  assert.equal(u.primary_phone_number_id, 'idn_fake_phone_0026_1');
  assert.equal(u.primary_web3_wallet_id, 'idn_fake_web3_0026_1');
  assert.equal(u.username, 'nia_new');
  assert.equal(u.password_enabled, true);
  assert.equal(u.password_last_updated_at, T0);
  assert.equal(u.totp_enabled, true);
  assert.equal(u.backup_code_enabled, true);
  assert.equal(u.two_factor_enabled, true);
  assert.equal(u.mfa_enabled_at, T0);
  assert.deepEqual([u.public_metadata, u.private_metadata, u.unsafe_metadata], [{ a: 1 }, { b: { c: 2 } }, { d: [1] }]);
  assert.equal(u.delete_self_enabled, false);
  assert.equal(u.create_organization_enabled, false);
  assert.equal(u.create_organizations_limit, 3);
  assert.equal(u.legal_accepted_at, Date.UTC(2026, 1, 1, 10));
  assert.equal(u.created_at, Date.UTC(2025, 11, 31));
  assert.equal(u.updated_at, T0);
  assert.equal(u.bypass_client_trust, true);
  assert.ok(!res.text.includes('a-long-password'), 'the password is never sent back');
  assert.equal(fake.clerk.users().at(-1).totp_secret, 'JBSWY3DPEHPK3PXP');
  assert.equal((await call('POST', '/users/user_fake_0026/verify_password', { body: { password: 'a-long-password' } })).status, 200);

  const minimal = await call('POST', '/users', { body: { username: 'only_name', banned: true, locked: true, first_name: null } });
  assert.equal(minimal.status, 200, minimal.text);
  assert.equal(minimal.json.id, 'user_fake_0027');
  assert.deepEqual([minimal.json.banned, minimal.json.locked, minimal.json.first_name], [true, true, null]);
  assert.deepEqual([minimal.json.password_enabled, minimal.json.two_factor_enabled, minimal.json.mfa_enabled_at], [false, false, null]);
  const skip = await call('POST', '/users', { body: { skip_user_requirement: true } });
  assert.equal(skip.status, 200);
  assert.equal(skip.json.primary_email_address_id, null);
});

test('POST /users: validation errors', async () => {
  const { call } = clerkSetup();
  const post = (body, opts = {}) => call('POST', '/users', { body, ...opts });
  assertClerkError(await post({ email_address: ['a@example.com'], favourite_colour: 'red' }), 422, 'form_param_unknown', 'favourite_colour');
  assertClerkError(await post({ email_address: 'a@example.com' }), 422, 'form_param_format_invalid', 'email_address');
  assertClerkError(await post({ email_address: ['not-an-email'] }), 422, 'form_param_format_invalid', 'email_address');
  assertClerkError(await post({ phone_number: ['5550000'] }), 422, 'form_param_format_invalid', 'phone_number');
  assertClerkError(await post({ web3_wallet: ['0x12'] }), 422, 'form_param_format_invalid', 'web3_wallet');
  assertClerkError(await post({ email_address: ['ADA.ANDERSON@example.com'] }), 422, 'form_identifier_exists', 'email_address');
  assertClerkError(await post({ email_address: ['x@example.com', 'X@example.com'] }), 422, 'form_identifier_exists', 'email_address');
  assertClerkError(await post({ phone_number: ['+15550000003'] }), 422, 'form_identifier_exists', 'phone_number');
  assertClerkError(await post({ web3_wallet: ['0xFA4E000000000000000000000000000000000005'] }), 422, 'form_identifier_exists', 'web3_wallet');
  assertClerkError(await post({ username: 'BEN0002' }), 422, 'form_identifier_exists', 'username');
  assertClerkError(await post({ username: 'new_user', external_id: 'ext_0001' }), 422, 'form_identifier_exists', 'external_id');
  assertClerkError(await post({ username: 'abc' }), 422, 'form_username_invalid_length', 'username');
  assertClerkError(await post({ username: 'has space' }), 422, 'form_username_invalid_character', 'username');
  assertClerkError(await post({ username: 'short_pw', password: 'short' }), 422, 'form_password_length_too_short', 'password');
  assertClerkError(await post({ username: 'pwned_pw', password: 'password123' }), 422, 'form_password_pwned', 'password');
  assert.equal((await post({ username: 'skip_pw', password: 'short', skip_password_checks: true })).status, 200);
  assertClerkError(await post({ username: 'digest_1', password_digest: 'abc' }), 422, 'form_param_missing', 'password_hasher');
  assertClerkError(await post({ username: 'digest_2', password_digest: 'abc', password_hasher: 'rot13' }), 422, 'form_param_value_invalid', 'password_hasher');
  assertClerkError(await post({ username: 'totp_bad', totp_secret: 'not base32!' }), 422, 'form_param_format_invalid', 'totp_secret');
  assertClerkError(await post({ username: 'legal_bad', legal_accepted_at: 'yesterday' }), 422, 'form_param_format_invalid', 'legal_accepted_at');
  assertClerkError(await post({ username: 'meta_null', public_metadata: null }), 422, 'form_param_nil', 'public_metadata');
  assertClerkError(await post({ username: 'meta_arr', public_metadata: [] }), 422, 'form_param_format_invalid', 'public_metadata');
  assertClerkError(await post({ username: 'limit_neg', create_organizations_limit: -1 }), 422, 'form_param_value_invalid', 'create_organizations_limit');
  assertClerkError(
    await post({ email_address: ['s@example.com'], email_address_identification_status: ['verified', 'reserved'] }),
    422,
    'form_param_value_invalid',
    'email_address_identification_status',
  );
  assertClerkError(await post({ email_address: ['s@example.com'], email_address_identification_status: ['pending'] }), 422, 'form_param_value_invalid');
  assertClerkError(await post({ first_name: 'No identifier' }), 422, 'form_data_missing');
  assertClerkError(await post('{"username":'), 400, 'request_body_invalid');
  assertClerkError(await post('[]'), 400, 'request_body_invalid');
  assertClerkError(await post(undefined), 400, 'request_body_invalid');
  assertClerkError(await post('username=x', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 400, 'request_body_invalid');
  assert.equal((await call('GET', '/users/count')).json.total_count, 26, 'only the skip_password_checks user was created');
});

test('PATCH /users/{id}: updates fields, primaries, credentials; null leaves a field alone', async () => {
  let now = T0;
  const { call, fake } = clerkSetup({ now: () => now });
  now += 1000;
  const res = await call('PATCH', '/users/user_fake_0003', {
    body: {
      first_name: 'Chlo',
      last_name: null,
      username: 'chloe_c',
      external_id: '',
      locale: 'de-DE',
      password: 'new-password-3',
      sign_out_of_other_sessions: true,
      totp_secret: 'JBSWY3DPEHPK3PXP',
      create_organizations_limit: 0,
      delete_self_enabled: false,
      notify_primary_email_address_changed: false,
      profile_image_id: 'img_ignored',
    },
  });
  assert.equal(res.status, 200, res.text);
  const u = res.json;
  assert.deepEqual([u.first_name, u.last_name, u.username, u.external_id, u.locale], ['Chlo', 'Chen', 'chloe_c', null, 'de-DE']);
  assert.deepEqual([u.password_enabled, u.password_last_updated_at, u.totp_enabled, u.two_factor_enabled, u.mfa_enabled_at], [true, now, true, true, now]);
  assert.equal(u.updated_at, now);
  assert.equal(u.create_organizations_limit, 0);
  assert.equal(u.delete_self_enabled, false);
  assert.equal((await call('POST', '/users/user_fake_0003/verify_password', { body: { password: 'new-password-3' } })).status, 200);

  // A user's own second email and phone can become primary.
  const created = await call('POST', '/users', {
    body: { email_address: ['p1@example.com', 'p2@example.com', 'p3@example.com'], email_address_identification_status: ['verified', 'verified', 'reserved'], phone_number: ['+15559990001', '+15559990002'] },
  });
  const id = created.json.id;
  const second = created.json.email_addresses[1].id;
  const swapped = await call('PATCH', `/users/${id}`, { body: { primary_email_address_id: second, primary_phone_number_id: created.json.phone_numbers[1].id } });
  assert.equal(swapped.json.primary_email_address_id, second);
  assert.equal(swapped.json.primary_phone_number_id, created.json.phone_numbers[1].id);
  assertClerkError(await call('PATCH', `/users/${id}`, { body: { primary_email_address_id: created.json.email_addresses[2].id } }), 422, 'form_param_value_invalid', 'primary_email_address_id');
  assertClerkError(await call('PATCH', `/users/${id}`, { body: { primary_email_address_id: 'idn_fake_email_0001_1' } }), 422, 'form_param_value_invalid', 'primary_email_address_id');
  assertClerkError(await call('PATCH', `/users/${id}`, { body: { primary_phone_number_id: 'idn_nope' } }), 422, 'form_param_value_invalid', 'primary_phone_number_id');
  assertClerkError(await call('PATCH', `/users/${id}`, { body: { primary_web3_wallet_id: 'idn_nope' } }), 422, 'form_param_value_invalid', 'primary_web3_wallet_id');

  // Uniqueness (a user may keep its own values), metadata is not part of this body in 2026-05-12.
  assert.equal((await call('PATCH', '/users/user_fake_0002', { body: { username: 'BEN0002', external_id: 'ext_0002b' } })).status, 200);
  assertClerkError(await call('PATCH', '/users/user_fake_0002', { body: { username: 'dev0004' } }), 422, 'form_identifier_exists', 'username');
  assertClerkError(await call('PATCH', '/users/user_fake_0002', { body: { external_id: 'ext_0001' } }), 422, 'form_identifier_exists', 'external_id');
  assertClerkError(await call('PATCH', '/users/user_fake_0002', { body: { public_metadata: {} } }), 422, 'form_param_unknown', 'public_metadata');
  assertClerkError(await call('PATCH', '/users/user_fake_0002', { body: { sign_out_of_other_sessions: true } }), 422, 'form_param_value_invalid');
  assertClerkError(await call('PATCH', '/users/user_fake_0002', { body: { password: 'short' } }), 422, 'form_password_length_too_short');
  assertClerkError(await call('PATCH', '/users/user_fake_0002', { body: { password_digest: null } }), 422, 'form_param_nil', 'password_digest');
  assertClerkError(await call('PATCH', '/users/user_fake_0002', { body: { first_name: 5 } }), 422, 'form_param_format_invalid', 'first_name');
  assertClerkError(await call('PATCH', '/users/user_fake_0002', { body: undefined }), 400, 'request_body_invalid');
  assertClerkError(await call('PATCH', '/users/user_nobody', { body: { first_name: 'X' } }), 404, 'resource_not_found');
  assert.equal(fake.clerk.users()[1].username, 'BEN0002');

  // A sha256 password digest verifies; other hashers are stored but never verify.
  const digest = '0b14d501a594442a01c6859541bcb3e8164d183d32937b851835442f69d5c94e'; // sha256('password1')
  await call('PATCH', '/users/user_fake_0002', { body: { password_digest: digest.toUpperCase(), password_hasher: 'sha256' } });
  assert.equal((await call('POST', '/users/user_fake_0002/verify_password', { body: { password: 'password1' } })).status, 200);
  await call('PATCH', '/users/user_fake_0002', { body: { password_digest: '$2a$10$abc', password_hasher: 'bcrypt' } });
  assert.equal((await call('POST', '/users/user_fake_0002/verify_password', { body: { password: 'password1' } })).status, 422);
});

test('DELETE /users/{id}: DeletedObject; the user and its memberships are gone', async () => {
  const { call, fake } = clerkSetup();
  const res = await call('DELETE', '/users/user_fake_0001');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json, { object: 'user', id: 'user_fake_0001', deleted: true });
  assertClerkError(await call('GET', '/users/user_fake_0001'), 404, 'resource_not_found');
  assertClerkError(await call('DELETE', '/users/user_fake_0001'), 404, 'resource_not_found');
  assert.equal((await call('GET', '/users/count', { query: { organization_id: 'org_fake' } })).json.total_count, 4);
  assert.equal(fake.clerk.users().length, 24);
  // Invitations the deleted user sent still show, without inviter data.
  const inv = await call('GET', '/users/user_fake_0006/organization_invitations');
  assert.equal(inv.json.data[0].inviter_id, 'user_fake_0001');
  assert.equal(inv.json.data[0].public_inviter_data, null);
});

test('ban/unban and lock/unlock', async () => {
  let now = T0;
  const { call } = clerkSetup({ now: () => now });
  now += 5;
  const banned = await call('POST', '/users/user_fake_0001/ban');
  assert.equal(banned.status, 200);
  assert.deepEqual([banned.json.banned, banned.json.updated_at], [true, now]);
  assert.equal((await call('POST', '/users/user_fake_0001/unban')).json.banned, false);
  assert.equal((await call('POST', '/users/user_fake_0006/unban')).json.banned, false, 'seeded banned user');

  const locked = await call('POST', '/users/user_fake_0001/lock');
  assert.deepEqual([locked.json.locked, locked.json.lockout_expires_in_seconds, locked.json.verification_attempts_remaining], [true, null, 0]);
  const unlocked = await call('POST', '/users/user_fake_0007/unlock');
  assert.deepEqual([unlocked.json.locked, unlocked.json.lockout_expires_in_seconds, unlocked.json.verification_attempts_remaining], [false, null, 100]);
  for (const action of ['ban', 'unban', 'lock', 'unlock']) {
    assertClerkError(await call('POST', `/users/user_nobody/${action}`), 404, 'resource_not_found');
    assertClerkError(await call('POST', `/users/user_fake_0001/${action}`, { auth: null }), 401, 'authentication_invalid');
  }
});

test('PATCH /users/{id}/metadata: deep merge, null removes a key', async () => {
  const { call } = clerkSetup();
  await call('PATCH', '/users/user_fake_0003/metadata', {
    body: { private_metadata: { nested: { a: 1, b: 2 }, list: [1, 2] }, unsafe_metadata: { theme: 'dark' } },
  });
  const res = await call('PATCH', '/users/user_fake_0003/metadata', {
    body: {
      public_metadata: { plan: null, extra: { deep: true } },
      private_metadata: { nested: { b: null, c: 3 }, list: [3], internal_note: null },
      unsafe_metadata: { theme: null },
    },
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json.public_metadata, { seed_index: 3, extra: { deep: true } });
  assert.deepEqual(res.json.private_metadata, { nested: { a: 1, c: 3 }, list: [3] });
  assert.deepEqual(res.json.unsafe_metadata, {});
  const empty = await call('PATCH', '/users/user_fake_0003/metadata', { body: undefined });
  assert.equal(empty.status, 200, 'the body is optional');
  assert.deepEqual(empty.json.private_metadata, { nested: { a: 1, c: 3 }, list: [3] });
  assertClerkError(await call('PATCH', '/users/user_fake_0003/metadata', { body: { other_metadata: {} } }), 422, 'form_param_unknown', 'other_metadata');
  assertClerkError(await call('PATCH', '/users/user_fake_0003/metadata', { body: { public_metadata: 'x' } }), 422, 'form_param_format_invalid', 'public_metadata');
  assertClerkError(await call('PATCH', '/users/user_nobody/metadata', { body: {} }), 404, 'resource_not_found');
});
