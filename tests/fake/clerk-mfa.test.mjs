// Passwords and second factors of the fake Clerk: verify_password, verify_totp
// (RFC 6238 against the fake clock), backup codes, and the TOTP/backup/MFA deletions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Encode, totpCode } from '../../fake/clerk/totp.js';
import { assertClerkError, assertEmpty, clerkSetup } from './helpers.mjs';

const T0 = Date.UTC(2026, 5, 1, 12);

test('RFC 6238 test vectors (SHA-1, 6 digits)', async () => {
  const secret = base32Encode(new TextEncoder().encode('12345678901234567890'));
  assert.equal(secret, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  for (const [seconds, code] of [[59, '287082'], [1111111109, '081804'], [1234567890, '005924'], [2000000000, '279037']]) {
    assert.equal(await totpCode(secret, seconds * 1000), code, String(seconds));
  }
});

test('verify_password: 200 {verified}, and bodiless 400/404/422', async () => {
  const { call } = clerkSetup();
  const path = '/users/user_fake_0001/verify_password';
  const ok = await call('POST', path, { body: { password: 'fake-password-0001' } });
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.json, { verified: true });
  assertEmpty(await call('POST', path, { body: { password: 'wrong-password' } }), 422);
  assertEmpty(await call('POST', path, { body: {} }), 422);
  assertEmpty(await call('POST', path), 422);
  assertEmpty(await call('POST', path, { body: { password: 'fake-password-0001', extra: 1 } }), 422);
  assertEmpty(await call('POST', path, { body: '{nope' }), 400);
  assertEmpty(await call('POST', '/users/user_fake_0002/verify_password', { body: { password: 'anything' } }), 400);
  assertEmpty(await call('POST', '/users/user_nobody/verify_password', { body: { password: 'anything' } }), 404);
  assert.equal((await call('POST', '/users/user_fake_0006/verify_password', { body: { password: 'fake-password-0006' } })).status, 200);
});

test('verify_totp: the current code (and its neighbours) verify; other codes are a bodiless 422', async () => {
  let now = T0;
  const { call, fake } = clerkSetup({ now: () => now });
  const path = '/users/user_fake_0002/verify_totp';
  const code = await fake.clerk.totpCode('user_fake_0002');
  assert.match(code, /^\d{6}$/);
  assert.equal(code, await totpCode(fake.clerk.users()[1].totp_secret, T0));
  const ok = await call('POST', path, { body: { code } });
  assert.deepEqual(ok.json, { verified: true, code_type: 'totp' });
  assert.equal((await call('POST', path, { body: { code } })).status, 200, 'a TOTP code may be used again');
  now += 30_000;
  assert.equal((await call('POST', path, { body: { code } })).status, 200, 'the previous step is accepted');
  now += 60_000;
  assertEmpty(await call('POST', path, { body: { code } }), 422);
  fake.advanceTime(0);
  const fresh = await fake.clerk.totpCode('user_fake_0002');
  assert.equal((await call('POST', path, { body: { code: fresh } })).status, 200);
  const wrong = String((Number(fresh) + 500_000) % 1_000_000).padStart(6, '0');
  assertEmpty(await call('POST', path, { body: { code: wrong } }), 422);
  assertEmpty(await call('POST', path, { body: { code: 'abcdef' } }), 422);
  assertEmpty(await call('POST', path, { body: {} }), 422);
  assertEmpty(await call('POST', path, { body: { code: 123456 } }), 422);
  assertEmpty(await call('POST', '/users/user_fake_0001/verify_totp', { body: { code: '123456' } }), 400);
  assertEmpty(await call('POST', '/users/user_nobody/verify_totp', { body: { code: '123456' } }), 404);
  assert.equal(await fake.clerk.totpCode('user_fake_0001'), undefined);
  assert.equal(await fake.clerk.totpCode('user_nobody'), undefined);
  assertClerkError(await call('POST', path, { body: { code }, auth: null }), 401, 'authentication_invalid');
});

test('backup codes verify once each; the last one used disables backup codes', async () => {
  const { call, fake } = clerkSetup({ now: () => T0 });
  const path = '/users/user_fake_0002/verify_totp';
  const codes = fake.clerk.users()[1].backup_codes;
  assert.deepEqual(codes, ['bc0002x1', 'bc0002x2', 'bc0002x3', 'bc0002x4', 'bc0002x5']);
  assert.deepEqual((await call('POST', path, { body: { code: 'bc0002x3' } })).json, { verified: true, code_type: 'backup_code' });
  assertEmpty(await call('POST', path, { body: { code: 'bc0002x3' } }), 422);
  assert.deepEqual(fake.clerk.users()[1].backup_codes, ['bc0002x1', 'bc0002x2', 'bc0002x4', 'bc0002x5']);

  // A user with only backup codes (no TOTP).
  const created = await call('POST', '/users', { body: { username: 'backup_only', backup_codes: ['only-one'] } });
  const id = created.json.id;
  assert.deepEqual([created.json.totp_enabled, created.json.backup_code_enabled, created.json.two_factor_enabled], [false, true, true]);
  assert.deepEqual((await call('POST', `/users/${id}/verify_totp`, { body: { code: 'only-one' } })).json, { verified: true, code_type: 'backup_code' });
  const after = (await call('GET', `/users/${id}`)).json;
  assert.deepEqual([after.backup_code_enabled, after.two_factor_enabled, after.mfa_disabled_at], [false, false, T0]);
  assertEmpty(await call('POST', `/users/${id}/verify_totp`, { body: { code: 'only-one' } }), 400);
});

test('DELETE totp / backup_code / mfa: {user_id}, flags and mfa timestamps kept consistent', async () => {
  let now = T0;
  const { call } = clerkSetup({ now: () => now });
  const get = async (id) => (await call('GET', `/users/${id}`)).json;
  const flags = (u) => [u.totp_enabled, u.backup_code_enabled, u.two_factor_enabled];
  const seeded = await get('user_fake_0002');
  assert.deepEqual(flags(seeded), [true, true, true]);
  assert.equal(seeded.mfa_enabled_at, Date.UTC(2026, 0, 2, 3));
  assert.equal(seeded.mfa_disabled_at, null);

  now += 1;
  const totp = await call('DELETE', '/users/user_fake_0002/totp');
  assert.deepEqual(totp.json, { user_id: 'user_fake_0002' });
  assert.deepEqual(flags(await get('user_fake_0002')), [false, true, true]);
  now += 1;
  assert.deepEqual((await call('DELETE', '/users/user_fake_0002/backup_code')).json, { user_id: 'user_fake_0002' });
  const cleared = await get('user_fake_0002');
  assert.deepEqual(flags(cleared), [false, false, false]);
  assert.equal(cleared.mfa_disabled_at, T0 + 2);
  assert.equal(cleared.mfa_enabled_at, Date.UTC(2026, 0, 2, 3), 'not nullified when MFA is disabled');
  assert.deepEqual((await call('DELETE', '/users/user_fake_0002/totp')).json, { user_id: 'user_fake_0002' }, 'idempotent');

  now += 1;
  await call('PATCH', '/users/user_fake_0002', { body: { totp_secret: 'JBSWY3DPEHPK3PXP', backup_codes: ['x1234567'] } });
  const again = await get('user_fake_0002');
  assert.deepEqual(flags(again), [true, true, true]);
  assert.equal(again.mfa_enabled_at, T0 + 3);
  now += 1;
  assert.deepEqual((await call('DELETE', '/users/user_fake_0002/mfa')).json, { user_id: 'user_fake_0002' });
  const off = await get('user_fake_0002');
  assert.deepEqual(flags(off), [false, false, false]);
  assert.equal(off.mfa_disabled_at, T0 + 4);
  assertEmpty(await call('POST', '/users/user_fake_0002/verify_totp', { body: { code: '000000' } }), 400);

  for (const suffix of ['totp', 'backup_code', 'mfa']) {
    assertClerkError(await call('DELETE', `/users/user_nobody/${suffix}`), 404, 'resource_not_found');
    assertClerkError(await call('DELETE', `/users/user_fake_0002/${suffix}`, { auth: null }), 401, 'authentication_invalid');
  }
});

test('password flags: password_enabled and password_last_updated_at', async () => {
  const { call } = clerkSetup({ now: () => T0 });
  const seeded = (await call('GET', '/users/user_fake_0001')).json;
  assert.deepEqual([seeded.password_enabled, seeded.password_last_updated_at], [true, Date.UTC(2026, 0, 1, 1)]);
  const none = (await call('GET', '/users/user_fake_0002')).json;
  assert.deepEqual([none.password_enabled, none.password_last_updated_at], [false, null]);
  const set = await call('PATCH', '/users/user_fake_0002', { body: { password: 'brand-new-pass' } });
  assert.deepEqual([set.json.password_enabled, set.json.password_last_updated_at], [true, T0]);
  assert.deepEqual((await call('POST', '/users/user_fake_0002/verify_password', { body: { password: 'brand-new-pass' } })).json, { verified: true });
});
