// Profile images, external accounts + OAuth tokens, passkeys, web3 wallets,
// organization memberships and invitations of the fake Clerk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startFakeServer } from '../../fake/server.js';
import { CLERK_KEY, assertClerkError, clerkSetup } from './helpers.mjs';

/** Every byte value, twice, plus CR LF and a fake boundary: a multipart parser must not touch any of it. */
function awkwardBytes() {
  const bytes = new Uint8Array(600);
  for (let i = 0; i < 512; i += 1) bytes[i] = i % 256;
  bytes.set(new TextEncoder().encode('\r\n--boundary\r\n\r\n'), 520);
  return bytes;
}

function imageForm(bytes = awkwardBytes(), name = 'avatar.png', type = 'image/png') {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  return form;
}

test('POST /users/{id}/profile_image: multipart upload, stored byte for byte', async () => {
  const { call, fake } = clerkSetup();
  const bytes = awkwardBytes();
  const res = await call('POST', '/users/user_fake_0001/profile_image', { form: imageForm(bytes) });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.has_image, true);
  assert.equal(res.json.image_url, 'https://img.fake-clerk.test/users/user_fake_0001/profile-1');
  assert.equal(res.json.profile_image_url, res.json.image_url);
  const stored = fake.clerk.profileImage('user_fake_0001');
  assert.deepEqual({ ...stored, bytes: undefined }, { name: 'avatar.png', type: 'image/png', size: 600, bytes: undefined });
  assert.deepEqual(stored.bytes, bytes);
  stored.bytes[0] = 99;
  assert.equal(fake.clerk.profileImage('user_fake_0001').bytes[0], 0, 'profileImage returns a copy');
  assert.match(fake.requests.at(-1).headers['content-type'], /^multipart\/form-data; boundary=/);
  assert.equal(typeof fake.requests.at(-1).body, 'string');

  const second = await call('POST', '/users/user_fake_0001/profile_image', { form: imageForm(new Uint8Array([1, 2, 3]), 'b.jpg', 'image/jpeg') });
  assert.equal(second.json.image_url, 'https://img.fake-clerk.test/users/user_fake_0001/profile-2');
  assert.equal(fake.clerk.profileImage('user_fake_0001').size, 3);

  const deleted = await call('DELETE', '/users/user_fake_0001/profile_image');
  assert.equal(deleted.status, 200);
  assert.equal(deleted.json.has_image, false);
  assert.equal(deleted.json.image_url, 'https://img.fake-clerk.test/default-avatar.png');
  assert.equal(fake.clerk.profileImage('user_fake_0001'), undefined);
  // A seeded image has a URL but no upload.
  const seeded = await call('GET', '/users/user_fake_0005');
  assert.deepEqual([seeded.json.has_image, seeded.json.image_url], [true, 'https://img.fake-clerk.test/seed/user_fake_0005.png']);
  assert.equal(fake.clerk.profileImage('user_fake_0005'), undefined);
  assert.equal((await call('DELETE', '/users/user_fake_0005/profile_image')).json.has_image, false);
  assert.equal(fake.clerk.profileImage('user_nobody'), undefined);
});

test('profile_image errors: no file part, empty file, not multipart, unknown user', async () => {
  const { call } = clerkSetup();
  const path = '/users/user_fake_0001/profile_image';
  const textOnly = new FormData();
  textOnly.append('file', 'just text');
  assertClerkError(await call('POST', path, { form: textOnly }), 400, 'form_param_missing', 'file');
  const other = new FormData();
  other.append('image', new Blob([new Uint8Array([1])]), 'a.png');
  assertClerkError(await call('POST', path, { form: other }), 400, 'form_param_missing', 'file');
  assertClerkError(await call('POST', path, { form: imageForm(new Uint8Array(0)) }), 400, 'image_empty', 'file');
  assertClerkError(await call('POST', path, { body: { file: 'x' } }), 400, 'request_body_invalid');
  assertClerkError(await call('POST', path), 400, 'request_body_invalid');
  assertClerkError(
    await call('POST', path, { body: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=xyz' } }),
    400,
    'request_body_invalid',
  );
  assertClerkError(await call('POST', '/users/user_nobody/profile_image', { form: imageForm() }), 404, 'resource_not_found');
  assertClerkError(await call('DELETE', '/users/user_nobody/profile_image'), 404, 'resource_not_found');
  assertClerkError(await call('POST', path, { form: imageForm(), auth: null }), 401, 'authentication_invalid');
});

test('profile_image through the HTTP server: byte-exact, CORS preflight allows the Clerk headers', async () => {
  const server = await startFakeServer({ seed: 3 });
  try {
    const bytes = awkwardBytes();
    const res = await fetch(`${server.url}/v1/users/user_fake_0002/profile_image`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CLERK_KEY}`, 'clerk-api-version': '2026-05-12' },
      body: imageForm(bytes, 'über.png'),
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal((await res.json()).has_image, true);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const stored = server.providers.clerk.profileImage('user_fake_0002');
    assert.deepEqual(stored.bytes, bytes);
    assert.equal(stored.name, 'über.png');

    const preflight = await fetch(`${server.url}/v1/users/user_fake_0002/profile_image`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,clerk-api-version,x-custom' },
    });
    assert.equal(preflight.status, 204);
    const allowed = preflight.headers.get('access-control-allow-headers').split(', ');
    for (const h of ['authorization', 'content-type', 'accept', 'clerk-api-version', 'x-custom']) assert.ok(allowed.includes(h), h);
    const plain = await fetch(`${server.url}/v1/users/user_fake_0002/profile_image`, { method: 'OPTIONS' });
    assert.match(plain.headers.get('access-control-allow-headers'), /clerk-api-version/);

    const removed = await fetch(`${server.url}/v1/users/user_fake_0002/totp`, { method: 'POST', headers: { authorization: `Bearer ${CLERK_KEY}` } });
    assert.equal(removed.status, 405);
    assert.equal(removed.headers.get('allow'), 'DELETE');
    assert.match(removed.headers.get('access-control-expose-headers'), /allow/);
  } finally {
    await server.close();
  }
});

test('external accounts and their OAuth access tokens', async () => {
  const { call } = clerkSetup();
  const tokens = await call('GET', '/users/user_fake_0004/oauth_access_tokens/oauth_google');
  assert.equal(tokens.status, 200);
  assert.deepEqual(tokens.json, [
    {
      object: 'oauth_access_token',
      external_account_id: 'eac_fake_0004_1',
      provider_user_id: 'google_0004',
      token: 'fake_oauth_google_token_0004',
      expires_at: Date.UTC(2026, 0, 4, 1) + 365 * 86_400_000,
      provider: 'oauth_google',
      public_metadata: {},
      label: null,
      scopes: ['email', 'profile', 'openid'],
    },
  ]);
  const query = (q) => call('GET', '/users/user_fake_0004/oauth_access_tokens/oauth_google', { query: q });
  assert.equal((await query({ paginated: 'true', limit: '1', offset: '0' })).json.length, 1);
  assert.deepEqual((await query({ paginated: 'true', offset: '1' })).json, []);
  assert.equal((await query({ paginated: 'false', offset: '1' })).json.length, 1, 'limit/offset apply only when paginated');
  assertClerkError(await query({ limit: '501' }), 422, 'form_param_value_invalid', 'limit');
  assertClerkError(await query({ paginated: 'maybe' }), 422, 'form_param_format_invalid', 'paginated');
  assert.deepEqual((await call('GET', '/users/user_fake_0004/oauth_access_tokens/oauth_github')).json, []);
  assert.deepEqual((await call('GET', '/users/user_fake_0001/oauth_access_tokens/oauth_google')).json, []);
  assertClerkError(await call('GET', '/users/user_fake_0004/oauth_access_tokens/google'), 422, 'form_param_value_invalid', 'provider');
  assertClerkError(await call('GET', '/users/user_nobody/oauth_access_tokens/oauth_google'), 404, 'resource_not_found');

  const deleted = await call('DELETE', '/users/user_fake_0004/external_accounts/eac_fake_0004_1');
  assert.equal(deleted.status, 200);
  assert.deepEqual(deleted.json, { object: 'external_account', id: 'eac_fake_0004_1', deleted: true });
  const user = (await call('GET', '/users/user_fake_0004')).json;
  assert.deepEqual(user.external_accounts, []);
  assert.deepEqual(user.email_addresses[0].linked_to, []);
  assert.deepEqual((await call('GET', '/users/user_fake_0004/oauth_access_tokens/oauth_google')).json, [], 'its tokens are gone');
  assert.equal((await call('GET', '/users/count', { query: { provider: 'oauth_google', provider_user_id: 'google_0004' } })).json.total_count, 0);
  assertClerkError(await call('DELETE', '/users/user_fake_0004/external_accounts/eac_fake_0004_1'), 404, 'resource_not_found');
  assertClerkError(await call('DELETE', '/users/user_fake_0001/external_accounts/eac_fake_0008_1'), 404, 'resource_not_found');
  assertClerkError(await call('DELETE', '/users/user_nobody/external_accounts/eac_fake_0008_1'), 404, 'resource_not_found');
});

test('passkeys and web3 wallets', async () => {
  const { call } = clerkSetup();
  const passkey = await call('DELETE', '/users/user_fake_0003/passkeys/idn_fake_passkey_0003_1');
  assert.deepEqual(passkey.json, { object: 'passkey', id: 'idn_fake_passkey_0003_1', deleted: true });
  assert.deepEqual((await call('GET', '/users/user_fake_0003')).json.passkeys, []);
  assertClerkError(await call('DELETE', '/users/user_fake_0003/passkeys/idn_fake_passkey_0003_1'), 404, 'resource_not_found');
  assertClerkError(await call('DELETE', '/users/user_nobody/passkeys/idn_fake_passkey_0009_1'), 404, 'resource_not_found');

  const created = await call('POST', '/users', {
    body: { web3_wallet: ['0x2222222222222222222222222222222222222222', '0x3333333333333333333333333333333333333333'] },
  });
  const [first, second] = created.json.web3_wallets.map((w) => w.id);
  assert.equal(created.json.primary_web3_wallet_id, first);
  assert.equal((await call('PATCH', `/users/${created.json.id}`, { body: { primary_web3_wallet_id: second } })).json.primary_web3_wallet_id, second);
  const deleted = await call('DELETE', `/users/${created.json.id}/web3_wallets/${second}`);
  assert.deepEqual(deleted.json, { object: 'web3_wallet', id: second, deleted: true });
  assert.equal((await call('GET', `/users/${created.json.id}`)).json.primary_web3_wallet_id, first, 'the primary moves to the remaining wallet');
  await call('DELETE', `/users/${created.json.id}/web3_wallets/${first}`);
  assert.equal((await call('GET', `/users/${created.json.id}`)).json.primary_web3_wallet_id, null);
  assertClerkError(await call('DELETE', '/users/user_fake_0005/web3_wallets/idn_nope'), 404, 'resource_not_found');
  assertClerkError(await call('DELETE', '/users/user_nobody/web3_wallets/idn_fake_web3_0005_1'), 404, 'resource_not_found');
});

test('GET /users/{id}/organization_memberships: newest first, limit/offset, total_count', async () => {
  const { call } = clerkSetup();
  const res = await call('GET', '/users/user_fake_0001/organization_memberships');
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.json), ['data', 'total_count']);
  assert.equal(res.json.total_count, 2);
  const [latest, earliest] = res.json.data;
  assert.deepEqual([latest.id, latest.organization.id, latest.role], ['orgmem_fake_0006', 'org_fake_2', 'org:member']);
  assert.deepEqual([earliest.id, earliest.organization.id, earliest.role, earliest.role_name], ['orgmem_fake_0001', 'org_fake', 'org:admin', 'Admin']);
  assert.deepEqual(Object.keys(earliest), [
    'id', 'object', 'role', 'role_name', 'permissions', 'public_metadata', 'private_metadata', 'organization', 'public_user_data', 'created_at', 'updated_at',
  ]);
  assert.equal(earliest.created_at, Date.UTC(2026, 0, 1, 1));
  assert.deepEqual(
    { ...earliest.organization },
    {
      object: 'organization', id: 'org_fake', name: 'Fake Organization', slug: 'fake-organization', image_url: 'https://img.fake-clerk.test/default-avatar.png',
      has_image: false, members_count: 5, pending_invitations_count: 1, max_allowed_memberships: 0, admin_delete_enabled: true,
      public_metadata: {}, private_metadata: {}, created_by: 'user_fake_0001', created_at: Date.UTC(2025, 11, 2), updated_at: Date.UTC(2025, 11, 2),
    },
  );
  assert.deepEqual(earliest.public_user_data, {
    user_id: 'user_fake_0001', first_name: 'Ada', last_name: 'Anderson', profile_image_url: 'https://img.fake-clerk.test/default-avatar.png',
    image_url: 'https://img.fake-clerk.test/default-avatar.png', has_image: false, identifier: 'ada.anderson@example.com', username: null, banned: false, deprovisioned: false,
  });
  const paged = await call('GET', '/users/user_fake_0001/organization_memberships', { query: { limit: '1', offset: '1' } });
  assert.deepEqual([paged.json.data.map((m) => m.id), paged.json.total_count], [['orgmem_fake_0001'], 2]);
  const none = await call('GET', '/users/user_fake_0010/organization_memberships');
  assert.deepEqual(none.json, { data: [], total_count: 0 });
  assertClerkError(await call('GET', '/users/user_fake_0001/organization_memberships', { query: { limit: '0' } }), 422, 'form_param_value_invalid', 'limit');
  assertClerkError(await call('GET', '/users/user_fake_0001/organization_memberships', { query: { offset: 'x' } }), 422, 'form_param_format_invalid', 'offset');
  assertClerkError(await call('GET', '/users/user_nobody/organization_memberships'), 404, 'resource_not_found');
});

test('GET /users/{id}/organization_invitations: by the user\'s emails, status filter, limit/offset', async () => {
  const { call } = clerkSetup();
  const res = await call('GET', '/users/user_fake_0006/organization_invitations');
  assert.equal(res.status, 200);
  assert.equal(res.json.total_count, 3);
  assert.deepEqual(res.json.data.map((i) => [i.id, i.status, i.organization_id]), [
    ['orginv_fake_0004', 'pending', 'org_fake_2'],
    ['orginv_fake_0003', 'revoked', 'org_fake_2'],
    ['orginv_fake_0002', 'pending', 'org_fake'],
  ]);
  const inv = res.json.data[2];
  assert.deepEqual(inv, {
    object: 'organization_invitation', id: 'orginv_fake_0002', email_address: 'felix.fischer@example.com', role: 'org:member', role_name: 'Member',
    organization_id: 'org_fake', inviter_id: 'user_fake_0001',
    public_inviter_data: { user_id: 'user_fake_0001', first_name: 'Ada', last_name: 'Anderson', image_url: 'https://img.fake-clerk.test/default-avatar.png', has_image: false, identifier: 'ada.anderson@example.com' },
    status: 'pending', public_metadata: {}, private_metadata: {}, url: null,
    expires_at: Date.UTC(2026, 0, 11) + 30 * 86_400_000, created_at: Date.UTC(2026, 0, 11), updated_at: Date.UTC(2026, 0, 11),
    public_organization_data: { id: 'org_fake', name: 'Fake Organization', slug: 'fake-organization', image_url: 'https://img.fake-clerk.test/default-avatar.png', has_image: false },
  });
  const pending = await call('GET', '/users/user_fake_0006/organization_invitations', { query: { status: 'pending', limit: '1', offset: '1' } });
  assert.deepEqual([pending.json.data.map((i) => i.id), pending.json.total_count], [['orginv_fake_0002'], 2]);
  assert.deepEqual((await call('GET', '/users/user_fake_0002/organization_invitations', { query: { status: 'accepted' } })).json.data.map((i) => i.id), ['orginv_fake_0001']);
  assert.deepEqual((await call('GET', '/users/user_fake_0007/organization_invitations', { query: { status: 'expired' } })).json.total_count, 1);
  assert.deepEqual((await call('GET', '/users/user_fake_0001/organization_invitations')).json, { data: [], total_count: 0 });
  assertClerkError(await call('GET', '/users/user_fake_0006/organization_invitations', { query: { status: 'open' } }), 422, 'form_param_value_invalid', 'status');
  assertClerkError(await call('GET', '/users/user_fake_0006/organization_invitations', { query: { limit: '501' } }), 422, 'form_param_value_invalid', 'limit');
  assertClerkError(await call('GET', '/users/user_nobody/organization_invitations'), 404, 'resource_not_found');
});
