import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertErrorArray, setup } from './helpers.mjs';

const LIST_ITEM_FIELDS = new Set([
  'id', 'provided_id', 'email', 'phone', 'username', 'last_name', 'first_name', 'is_suspended', 'picture',
  'total_sign_ins', 'failed_sign_ins', 'last_signed_in', 'created_on', 'last_organization_sign_ins',
  'organizations', 'identities', 'billing',
]);

async function walk(call, query) {
  const ids = [];
  let next;
  let pages = 0;
  do {
    const res = await call('GET', '/api/v1/users', { query: next ? { ...query, next_token: next } : query });
    assert.equal(res.status, 200, res.text);
    ids.push(...res.json.users.map((u) => u.id));
    next = res.json.next_token;
    pages += 1;
    assert.ok(pages < 100, 'pagination must end');
  } while (next);
  return { ids, pages };
}

test('GET /api/v1/users: default page of 10 in creation order, with next_token', async () => {
  const { call } = setup();
  const res = await call('GET', '/api/v1/users');
  assert.equal(res.status, 200);
  assert.equal(res.json.code, 'OK');
  assert.equal(res.json.message, 'Success');
  assert.deepEqual(
    res.json.users.map((u) => u.id),
    Array.from({ length: 10 }, (_, i) => `kp_fake_${String(i + 1).padStart(4, '0')}`),
  );
  assert.equal(typeof res.json.next_token, 'string');
  for (const u of res.json.users) {
    for (const key of Object.keys(u)) assert.ok(LIST_ITEM_FIELDS.has(key), `unexpected field ${key}`);
    // Expansions appear only when asked for.
    assert.equal(u.organizations, undefined);
    assert.equal(u.identities, undefined);
    assert.equal(u.billing, undefined);
  }
});

test('GET /api/v1/users: a next_token walk visits every user exactly once, for any page size', async () => {
  const { call } = setup();
  for (const size of [1, 3, 7, 10, 24, 25, 500]) {
    const { ids, pages } = await walk(call, { page_size: String(size) });
    assert.equal(ids.length, 25);
    assert.equal(new Set(ids).size, 25);
    assert.equal(pages, Math.ceil(25 / size));
  }
});

test('GET /api/v1/users: the last page has no next_token', async () => {
  const { call } = setup();
  const res = await call('GET', '/api/v1/users', { query: { page_size: '25' } });
  assert.equal(res.json.users.length, 25);
  assert.ok(!('next_token' in res.json));
  const empty = await call('GET', '/api/v1/users', { query: { user_id: 'kp_nobody' } });
  assert.deepEqual(empty.json.users, []);
  assert.ok(!('next_token' in empty.json));
});

test('GET /api/v1/users: a walk stays correct when users are deleted or created between pages', async () => {
  const { call } = setup();
  const first = await call('GET', '/api/v1/users', { query: { page_size: '5' } });
  await call('DELETE', '/api/v1/user', { query: { id: 'kp_fake_0005' } }); // already served
  await call('DELETE', '/api/v1/user', { query: { id: 'kp_fake_0006' } }); // not yet served
  await call('POST', '/api/v1/user', { body: { profile: { given_name: 'Late' } } });
  const rest = await walk(call, { page_size: '5', next_token: first.json.next_token });
  const ids = [...first.json.users.map((u) => u.id), ...rest.ids];
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(!ids.includes('kp_fake_0006'));
  assert.ok(ids.includes('kp_fake_0026'));
  assert.equal(ids.length, 25); // 25 - 1 unserved deletion + 1 creation
});

test('GET /api/v1/users: page_size validation', async () => {
  const { call } = setup();
  assertErrorArray(await call('GET', '/api/v1/users', { query: { page_size: '501' } }), 400, 'PAGE_SIZE_LIMIT_EXCEEDED');
  for (const bad of ['0', '-1', '2.5', 'ten']) {
    assertErrorArray(await call('GET', '/api/v1/users', { query: { page_size: bad } }), 400, 'INVALID_PAGE_SIZE');
  }
  const max = await call('GET', '/api/v1/users', { query: { page_size: '500' } });
  assert.equal(max.status, 200);
  // An empty value is how a null is sent: the default applies.
  const blank = await call('GET', '/api/v1/users', { query: { page_size: '' } });
  assert.equal(blank.json.users.length, 10);
});

test('GET /api/v1/users: next_token must be one this list issued, for the same filters', async () => {
  const { call } = setup();
  assertErrorArray(await call('GET', '/api/v1/users', { query: { next_token: 'garbage!' } }), 400, 'INVALID_NEXT_TOKEN');
  const org = await call('GET', '/api/v1/organizations/org_fake/users', { query: { page_size: '2' } });
  const foreign = await call('GET', '/api/v1/users', { query: { next_token: org.json.next_token } });
  assertErrorArray(foreign, 400, 'INVALID_NEXT_TOKEN');

  const filtered = await call('GET', '/api/v1/users', { query: { has_organization: 'true', page_size: '4' } });
  const token = filtered.json.next_token;
  // The token remembers its filters...
  const alone = await call('GET', '/api/v1/users', { query: { next_token: token, page_size: '4' } });
  assert.deepEqual(alone.json.users.map((u) => u.id), ['kp_fake_0005', 'kp_fake_0006', 'kp_fake_0007', 'kp_fake_0008']);
  // ...accepts them again...
  const same = await call('GET', '/api/v1/users', { query: { next_token: token, page_size: '4', has_organization: 'true' } });
  assert.deepEqual(same.json.users, alone.json.users);
  // ...and refuses different ones.
  const other = await call('GET', '/api/v1/users', { query: { next_token: token, has_organization: 'false' } });
  assertErrorArray(other, 400, 'INVALID_NEXT_TOKEN');
});

test('GET /api/v1/users: filters by user_id, email, username and phone (comma lists)', async () => {
  const { call } = setup();
  const ids = async (query) => (await call('GET', '/api/v1/users', { query })).json.users.map((u) => u.id);
  assert.deepEqual(await ids({ user_id: 'kp_fake_0003, kp_fake_0001,kp_nobody' }), ['kp_fake_0001', 'kp_fake_0003']);
  assert.deepEqual(await ids({ email: 'ADA.ANDERSON@example.com,chloe.chen@example.com' }), ['kp_fake_0001', 'kp_fake_0003']);
  assert.deepEqual(await ids({ username: 'ben0002,dev0004' }), ['kp_fake_0002', 'kp_fake_0004']);
  assert.deepEqual(await ids({ phone: '+61400000003,+61400000009' }), ['kp_fake_0003', 'kp_fake_0009']);
  // Filters combine with AND.
  assert.deepEqual(await ids({ user_id: 'kp_fake_0003,kp_fake_0004', phone: '+61400000003' }), ['kp_fake_0003']);
  assert.deepEqual(await ids({ email: 'nobody@example.com' }), []);
});

test('GET /api/v1/users: has_organization and active_since', async () => {
  const { call } = setup();
  const ids = async (query) =>
    (await call('GET', '/api/v1/users', { query: { page_size: '100', ...query } })).json.users.map((u) => u.id);
  const members = await ids({ has_organization: 'true' });
  assert.equal(members.length, 10);
  assert.equal(members[9], 'kp_fake_0010');
  assert.equal((await ids({ has_organization: 'FALSE' })).length, 15);
  assertErrorArray(await call('GET', '/api/v1/users', { query: { has_organization: 'yes' } }), 400, 'INVALID_BOOLEAN');

  // User i last signed in at 2026-01-01 + (i-1) days + 36 h; multiples of 10 never did.
  const active = await ids({ active_since: '2026-01-20T12:00:00Z' });
  assert.deepEqual(active, ['kp_fake_0019', 'kp_fake_0021', 'kp_fake_0022', 'kp_fake_0023', 'kp_fake_0024', 'kp_fake_0025']);
  assert.deepEqual(await ids({ active_since: '2026-01-20T22:00:00+10:00' }), active);
  for (const bad of ['2026-01-20', 'yesterday', '2026-01-20T12:00:00 10:00']) {
    assertErrorArray(await call('GET', '/api/v1/users', { query: { active_since: bad } }), 400, 'INVALID_DATE_TIME');
  }
});

test('GET /api/v1/users: expand adds organizations, identities (with connection_id) and billing', async () => {
  const { call } = setup();
  const res = await call('GET', '/api/v1/users', { query: { user_id: 'kp_fake_0004,kp_fake_0012', expand: 'organizations, identities,billing' } });
  const [u4, u12] = res.json.users;
  assert.deepEqual(u4.organizations, ['org_fake']);
  assert.deepEqual(u12.organizations, []);
  assert.deepEqual(u4.identities, [
    { type: 'email', identity: 'dev.davis@example.com', connection_id: null },
    { type: 'username', identity: 'dev0004', connection_id: null },
    { type: 'oauth2:google', identity: 'dev.davis@example.com', connection_id: 'conn_fake_google' },
  ]);
  assert.deepEqual(u4.billing, { customer_id: 'customer_fake_0004' });
  assert.deepEqual(u4.last_organization_sign_ins, [{ org_code: 'org_fake', last_signed_in: '2026-01-05T12:00:00.000Z' }]);
  assert.equal(u12.last_organization_sign_ins, null);
  const one = await call('GET', '/api/v1/users', { query: { user_id: 'kp_fake_0004', expand: 'billing' } });
  assert.deepEqual(Object.keys(one.json.users[0]).filter((k) => ['organizations', 'identities', 'billing'].includes(k)), ['billing']);
  assertErrorArray(await call('GET', '/api/v1/users', { query: { expand: 'organizations,roles' } }), 400, 'INVALID_EXPAND');
});

test('GET /api/v1/users: repeated single-value parameters are rejected', async () => {
  const { call } = setup();
  const res = await call('GET', '/api/v1/users?user_id=kp_fake_0001&user_id=kp_fake_0002');
  assertErrorArray(res, 400, 'DUPLICATE_PARAMETER');
});

test('GET /api/v1/user: the user shape, with preferred_email and optional expansions', async () => {
  const { call } = setup();
  const res = await call('GET', '/api/v1/user', { query: { id: 'kp_fake_0003' } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json, {
    id: 'kp_fake_0003',
    provided_id: 'ext_0003',
    preferred_email: 'chloe.chen@example.com',
    phone: '+61400000003',
    last_name: 'Chen',
    first_name: 'Chloe',
    is_suspended: false,
    total_sign_ins: 9,
    failed_sign_ins: 0,
    last_signed_in: '2026-01-04T12:00:00.000Z',
    created_on: '2026-01-03T00:00:00.000Z',
  });
  const expanded = await call('GET', '/api/v1/user', { query: { id: 'kp_fake_0004', expand: 'organizations,identities,billing' } });
  assert.deepEqual(expanded.json.organizations, ['org_fake']);
  assert.deepEqual(expanded.json.identities[2], { type: 'oauth2:google', identity: 'dev.davis@example.com' });
  assert.deepEqual(expanded.json.billing, { customer_id: 'customer_fake_0004' });
  assert.equal(expanded.json.picture, 'https://example.com/avatars/kp_fake_0004.png');
  const never = await call('GET', '/api/v1/user', { query: { id: 'kp_fake_0010' } });
  assert.equal(never.json.last_signed_in, null);
  assert.equal(never.json.total_sign_ins, 0);
});

test('GET /api/v1/user: id is required and must exist (400, no 404 documented)', async () => {
  const { call } = setup();
  assertErrorArray(await call('GET', '/api/v1/user'), 400, 'USER_ID_REQUIRED');
  assertErrorArray(await call('GET', '/api/v1/user', { query: { id: '' } }), 400, 'USER_ID_REQUIRED');
  assertErrorArray(await call('GET', '/api/v1/user', { query: { id: 'kp_nobody' } }), 400, 'USER_NOT_FOUND');
  assertErrorArray(await call('GET', '/api/v1/user', { query: { id: 'kp_fake_0001', expand: 'friends' } }), 400, 'INVALID_EXPAND');
});

test('POST /api/v1/user: creates a user with identities and an organization', async () => {
  const { call, fake } = setup({ now: () => Date.UTC(2026, 5, 1) });
  const res = await call('POST', '/api/v1/user', {
    body: {
      profile: { given_name: 'Nia', family_name: 'Okoro', picture: 'https://example.com/nia.png' },
      organization_code: 'org_fake',
      provided_id: 'ext_nia',
      identities: [
        { type: 'email', is_verified: true, details: { email: 'nia.okoro@example.com' } },
        { type: 'phone', details: { phone: '+61499999999', phone_country_id: 'au' } },
        { type: 'username', details: { username: 'nia' } },
      ],
    },
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json, {
    id: 'kp_fake_0026',
    created: true,
    identities: [
      { type: 'email', result: { created: true } },
      { type: 'phone', result: { created: true } },
      { type: 'username', result: { created: true } },
    ],
  });
  const got = await call('GET', '/api/v1/user', { query: { id: 'kp_fake_0026', expand: 'organizations' } });
  assert.equal(got.json.preferred_email, 'nia.okoro@example.com');
  assert.equal(got.json.phone, '+61499999999');
  assert.equal(got.json.username, 'nia');
  assert.equal(got.json.created_on, '2026-06-01T00:00:00.000Z');
  assert.equal(got.json.last_signed_in, null);
  assert.deepEqual(got.json.organizations, ['org_fake']);
  assert.equal(fake.kinde.users().at(-1).provided_id, 'ext_nia');
  // An empty body creates a blank user.
  const blank = await call('POST', '/api/v1/user');
  assert.deepEqual(blank.json, { id: 'kp_fake_0027', created: true, identities: [] });
});

test('POST /api/v1/user: validation', async () => {
  const { call, fake } = setup();
  const post = (body) => call('POST', '/api/v1/user', { body });
  assertErrorArray(await post({ identities: [{ type: 'social', details: {} }] }), 400, 'INVALID_IDENTITY_TYPE');
  assertErrorArray(await post({ identities: [{ details: { email: 'a@example.com' } }] }), 400, 'IDENTITY_TYPE_REQUIRED');
  assertErrorArray(await post({ identities: [{ type: 'email', details: {} }] }), 400, 'IDENTITY_VALUE_REQUIRED');
  assertErrorArray(await post({ identities: [{ type: 'email', details: { email: 'nope' } }] }), 400, 'INVALID_EMAIL');
  assertErrorArray(await post({ identities: [{ type: 'phone', details: { phone: 'call me' } }] }), 400, 'INVALID_PHONE');
  assertErrorArray(await post({ identities: [{ type: 'email', details: { email: 'Ada.Anderson@example.com' } }] }), 400, 'IDENTITY_ALREADY_EXISTS');
  assertErrorArray(await post({ identities: [{ type: 'username', details: { username: 'ben0002' } }] }), 400, 'IDENTITY_ALREADY_EXISTS');
  assertErrorArray(await post({ identities: 'email' }), 400, 'INVALID_FIELD_TYPE');
  assertErrorArray(await post({ profile: { given_name: 7 } }), 400, 'INVALID_FIELD_TYPE');
  assertErrorArray(await post({ organization_code: 'org_nope' }), 400, 'ORGANIZATION_NOT_FOUND');
  assertErrorArray(await post({ provided_id: 'ext_0001' }), 400, 'PROVIDED_ID_ALREADY_EXISTS');
  assertErrorArray(await post('[1,2]'), 400, 'INVALID_REQUEST_BODY');
  assertErrorArray(await post('{"profile":'), 400, 'INVALID_JSON');
  const plain = await call('POST', '/api/v1/user', { body: '{}', headers: { 'content-type': 'text/plain' } });
  assertErrorArray(plain, 400, 'INVALID_CONTENT_TYPE');
  assert.equal(fake.kinde.users().length, 25, 'failed creations must not leave users behind');
});

test('PATCH /api/v1/user: updates and returns update_user_response', async () => {
  const { call, fake } = setup();
  const res = await call('PATCH', '/api/v1/user', {
    query: { id: 'kp_fake_0002' },
    body: { given_name: 'Benjamin', is_suspended: true, is_password_reset_requested: true, provided_id: 'ext_ben' },
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json, {
    id: 'kp_fake_0002',
    given_name: 'Benjamin',
    family_name: 'Brown',
    email: 'ben.brown@example.com',
    is_suspended: true,
    is_password_reset_requested: true,
    picture: null,
  });
  const snapshot = fake.kinde.users()[1];
  assert.equal(snapshot.first_name, 'Benjamin');
  assert.equal(snapshot.provided_id, 'ext_ben');
  const list = await call('GET', '/api/v1/users', { query: { user_id: 'kp_fake_0002' } });
  assert.equal(list.json.users[0].is_suspended, true);
});

test('PATCH /api/v1/user: validation', async () => {
  const { call } = setup();
  const patch = (query, body) => call('PATCH', '/api/v1/user', { query, body });
  assertErrorArray(await patch({}, { given_name: 'X' }), 400, 'USER_ID_REQUIRED');
  assertErrorArray(await patch({ id: 'kp_nobody' }, { given_name: 'X' }), 400, 'USER_NOT_FOUND');
  assertErrorArray(await patch({ id: 'kp_fake_0001' }, undefined), 400, 'REQUEST_BODY_REQUIRED');
  assertErrorArray(await patch({ id: 'kp_fake_0001' }, {}), 400, 'NO_FIELDS_TO_UPDATE');
  assertErrorArray(await patch({ id: 'kp_fake_0001' }, { is_suspended: 'yes' }), 400, 'INVALID_FIELD_TYPE');
  assertErrorArray(await patch({ id: 'kp_fake_0001' }, { picture: null }), 400, 'INVALID_FIELD_TYPE');
  assertErrorArray(await patch({ id: 'kp_fake_0001' }, { provided_id: 'ext_0002' }), 400, 'PROVIDED_ID_ALREADY_EXISTS');
  const own = await patch({ id: 'kp_fake_0001' }, { provided_id: 'ext_0001' });
  assert.equal(own.status, 200);
});

test('DELETE /api/v1/user: deletes the user and its memberships', async () => {
  const { call, fake } = setup();
  const res = await call('DELETE', '/api/v1/user', { query: { id: 'kp_fake_0001', is_delete_profile: 'true' } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json, { code: 'USER_DELETED', message: 'User successfully deleted' });
  assert.equal(fake.kinde.users().length, 24);
  assertErrorArray(await call('GET', '/api/v1/user', { query: { id: 'kp_fake_0001' } }), 400, 'USER_NOT_FOUND');
  const org = await call('GET', '/api/v1/organizations/org_fake/users', { query: { page_size: '100' } });
  assert.ok(!org.json.organization_users.some((u) => u.id === 'kp_fake_0001'));
  // The freed email can be used again.
  const again = await call('POST', '/api/v1/user', {
    body: { identities: [{ type: 'email', details: { email: 'ada.anderson@example.com' } }] },
  });
  assert.equal(again.status, 200);
});

test('DELETE /api/v1/user: validation', async () => {
  const { call } = setup();
  assertErrorArray(await call('DELETE', '/api/v1/user'), 400, 'USER_ID_REQUIRED');
  assertErrorArray(await call('DELETE', '/api/v1/user', { query: { id: 'kp_nobody' } }), 400, 'USER_NOT_FOUND');
  const bad = await call('DELETE', '/api/v1/user', { query: { id: 'kp_fake_0001', is_delete_profile: 'maybe' } });
  assertErrorArray(bad, 400, 'INVALID_BOOLEAN');
});
