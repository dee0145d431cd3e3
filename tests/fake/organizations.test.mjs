import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertErrorArray, setup } from './helpers.mjs';

const O = '/api/v1/organizations/org_fake/users';

async function members(call, query = {}) {
  const ids = [];
  let next;
  do {
    const res = await call('GET', O, { query: next ? { ...query, next_token: next } : query });
    assert.equal(res.status, 200, res.text);
    ids.push(...res.json.organization_users.map((m) => m.id));
    next = res.json.next_token;
  } while (next);
  return ids;
}

test('GET organization users: organization_user model, users 1..10, user 1 admin', async () => {
  const { call } = setup();
  const res = await call('GET', O);
  assert.equal(res.status, 200);
  assert.equal(res.json.code, 'OK');
  assert.equal(res.json.organization_users.length, 10);
  assert.ok(!('next_token' in res.json));
  assert.deepEqual(res.json.organization_users[0], {
    id: 'kp_fake_0001',
    email: 'ada.anderson@example.com',
    full_name: 'Ada Anderson',
    last_name: 'Anderson',
    first_name: 'Ada',
    picture: null,
    joined_on: '2026-01-01T01:00:00.000Z',
    last_accessed_on: '2026-01-02T12:00:00.000Z',
    is_suspended: false,
    roles: ['admin'],
  });
  assert.deepEqual(res.json.organization_users[4].roles, ['member']);
  assert.equal(res.json.organization_users[4].is_suspended, true);
  assert.equal(res.json.organization_users[9].last_accessed_on, null);
});

test('GET organization users: sort orders and a complete next_token walk for each', async () => {
  const { call } = setup();
  const byName = await members(call, { sort: 'name_asc', page_size: '3' });
  assert.deepEqual(byName, [...byName].sort((a, b) => a.localeCompare(b))); // seed names are alphabetical by index
  assert.deepEqual(await members(call, { sort: 'name_desc', page_size: '4' }), [...byName].reverse());
  const byEmail = await members(call, { sort: 'email_asc', page_size: '1' });
  assert.equal(byEmail.length, 10);
  assert.deepEqual(await members(call, { sort: 'email_desc', page_size: '7' }), [...byEmail].reverse());
  assertErrorArray(await call('GET', O, { query: { sort: 'id_asc' } }), 400, 'INVALID_SORT');
  assertErrorArray(await call('GET', O, { query: { page_size: '501' } }), 400, 'PAGE_SIZE_LIMIT_EXCEEDED');
});

test('GET organization users: sort by name follows names, not ids', async () => {
  const { call } = setup();
  await call('PATCH', '/api/v1/user', { query: { id: 'kp_fake_0002' }, body: { given_name: 'Zed' } });
  const ids = await members(call, { sort: 'name_asc' });
  assert.equal(ids.at(-1), 'kp_fake_0002');
});

test('GET organization users: roles and permissions filters (all must match)', async () => {
  const { call } = setup();
  assert.deepEqual(await members(call, { roles: 'admin' }), ['kp_fake_0001']);
  assert.equal((await members(call, { roles: 'member' })).length, 9);
  assert.deepEqual(await members(call, { roles: 'admin,member' }), []);
  // Permissions come from roles (admin: manage:members, read:reports; member: read:reports) and direct grants.
  assert.deepEqual(await members(call, { permissions: 'manage:members' }), ['kp_fake_0001']);
  assert.equal((await members(call, { permissions: 'read:reports' })).length, 10);
  await call('PATCH', O, { body: { users: [{ id: 'kp_fake_0003', permissions: ['manage:billing'] }] } });
  assert.deepEqual(await members(call, { permissions: 'manage:billing,read:reports' }), ['kp_fake_0003']);
});

test('GET organization users: unknown organization is a 400', async () => {
  const { call } = setup();
  assertErrorArray(await call('GET', '/api/v1/organizations/org_nope/users'), 400, 'ORGANIZATION_NOT_FOUND');
});

test('POST organization users: adds new members, leaves existing ones alone', async () => {
  const { call, fake } = setup();
  const res = await call('POST', O, {
    body: { users: [{ id: 'kp_fake_0011', roles: ['admin'], permissions: ['manage:billing'] }, { id: 'kp_fake_0001', roles: ['member'] }] },
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json, { code: 'USERS_ADDED', message: 'Users successfully added', users_added: ['kp_fake_0011'] });
  const snap = fake.kinde.users();
  assert.deepEqual(snap[10].organizations.map((o) => [o.code, o.roles, o.permissions]), [['org_fake', ['admin'], ['manage:billing']]]);
  assert.deepEqual(snap[0].organizations[0].roles, ['admin']);
  const user = await call('GET', '/api/v1/user', { query: { id: 'kp_fake_0011', expand: 'organizations' } });
  assert.deepEqual(user.json.organizations, ['org_fake']);
});

test('POST organization users: validation is all-or-nothing', async () => {
  const { call, fake } = setup();
  const post = (body, org = 'org_fake') => call('POST', `/api/v1/organizations/${org}/users`, { body });
  assertErrorArray(await post(undefined), 400, 'USERS_REQUIRED');
  assertErrorArray(await post({ users: [] }), 400, 'USERS_REQUIRED');
  assertErrorArray(await post({ users: [{ roles: ['member'] }] }), 400, 'USER_ID_REQUIRED');
  assertErrorArray(await post({ users: [{ id: 'kp_fake_0011' }, { id: 'kp_nobody' }] }), 400, 'USER_NOT_FOUND');
  assertErrorArray(await post({ users: [{ id: 'kp_fake_0011', roles: ['owner'] }] }), 400, 'ROLE_NOT_FOUND');
  assertErrorArray(await post({ users: [{ id: 'kp_fake_0011', permissions: ['fly'] }] }), 400, 'PERMISSION_NOT_FOUND');
  assertErrorArray(await post({ users: [{ id: 'kp_fake_0011', roles: 'admin' }] }), 400, 'INVALID_FIELD_TYPE');
  assertErrorArray(await post({ users: [{ id: 'kp_fake_0011' }] }, 'org_nope'), 400, 'ORGANIZATION_NOT_FOUND');
  assert.equal(fake.kinde.users()[10].organizations.length, 0);
});

test('PATCH organization users: add, update (replace roles/permissions) and delete in one call', async () => {
  const { call, fake } = setup();
  const res = await call('PATCH', O, {
    body: {
      users: [
        { id: 'kp_fake_0002', roles: ['admin', 'member'] },
        { id: 'kp_fake_0003', operation: 'delete' },
        { id: 'kp_fake_0012' },
      ],
    },
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json, {
    code: 'USERS_UPDATED',
    message: 'Organization users successfully updated',
    users_added: ['kp_fake_0012'],
    users_updated: ['kp_fake_0002'],
    users_removed: ['kp_fake_0003'],
  });
  const snap = fake.kinde.users();
  assert.deepEqual(snap[1].organizations[0].roles, ['admin', 'member']);
  assert.deepEqual(snap[2].organizations, []);
  assert.deepEqual(snap[11].organizations[0].roles, []);
});

test('PATCH organization users: validation', async () => {
  const { call } = setup();
  const patch = (body) => call('PATCH', O, { body });
  assertErrorArray(await patch({ users: [{ id: 'kp_fake_0002', operation: 'archive' }] }), 400, 'INVALID_OPERATION');
  assertErrorArray(await patch({ users: [{ id: 'kp_fake_0020', operation: 'delete' }] }), 400, 'USER_NOT_IN_ORGANIZATION');
  assertErrorArray(await patch({ users: [{ id: 'kp_nobody', operation: 'delete' }] }), 400, 'USER_NOT_FOUND');
  assertErrorArray(await patch({}), 400, 'USERS_REQUIRED');
});

test('DELETE organization user: removes one member', async () => {
  const { call, fake } = setup();
  const res = await call('DELETE', `${O}/kp_fake_0002`);
  assert.deepEqual(res.json, { code: 'USER_REMOVED', message: 'User successfully removed from organization' });
  assert.deepEqual(fake.kinde.users()[1].organizations, []);
  assertErrorArray(await call('DELETE', `${O}/kp_fake_0002`), 400, 'USER_NOT_IN_ORGANIZATION');
  assertErrorArray(await call('DELETE', `${O}/kp_nobody`), 400, 'USER_NOT_FOUND');
  assertErrorArray(await call('DELETE', '/api/v1/organizations/org_nope/users/kp_fake_0001'), 400, 'ORGANIZATION_NOT_FOUND');
  const list = await call('GET', '/api/v1/users', { query: { user_id: 'kp_fake_0002', expand: 'organizations' } });
  assert.deepEqual(list.json.users[0].organizations, []);
  assert.equal(list.json.users[0].last_organization_sign_ins, null);
});
