// GET /v1/users and /v1/users/count: filters, ordering, offset and cursor pagination.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClerkError, clerkSetup } from './helpers.mjs';

const id = (i) => `user_fake_${String(i).padStart(4, '0')}`;
const range = (from, to, step = 1) => {
  const out = [];
  for (let i = from; step > 0 ? i <= to : i >= to; i += step) out.push(i);
  return out;
};
const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1);

/** ids of the list and the count, for the same query. */
async function both(call, query) {
  const list = await call('GET', '/users', { query: { limit: '500', ...query } });
  assert.equal(list.status, 200, list.text);
  const count = await call('GET', '/users/count', { query });
  assert.equal(count.status, 200, count.text);
  const ids = list.json.map((u) => u.id);
  assert.deepEqual(count.json, { object: 'total_count', total_count: ids.length }, JSON.stringify(query));
  return ids;
}

test('default page: 10 newest users; limit and offset', async () => {
  const { call } = clerkSetup();
  const first = await call('GET', '/users');
  assert.deepEqual(first.json.map((u) => u.id), range(25, 16, -1).map(id));
  const page = await call('GET', '/users', { query: { limit: '3', offset: '0' } });
  assert.deepEqual(page.json.map((u) => u.id), [id(25), id(24), id(23)]);
  const later = await call('GET', '/users', { query: { limit: '3', offset: '22' } });
  assert.deepEqual(later.json.map((u) => u.id), [id(3), id(2), id(1)]);
  assert.deepEqual((await call('GET', '/users', { query: { offset: '25' } })).json, []);
  assert.equal((await call('GET', '/users', { query: { limit: '500' } })).json.length, 25);
  assert.equal((await call('GET', '/users', { query: { limit: '1' } })).json.length, 1);
});

test('bad limit/offset/order_by/banned values are 422', async () => {
  const { call } = clerkSetup();
  for (const [query, param, code] of [
    [{ limit: '0' }, 'limit', 'form_param_value_invalid'],
    [{ limit: '501' }, 'limit', 'form_param_value_invalid'],
    [{ limit: 'ten' }, 'limit', 'form_param_format_invalid'],
    [{ limit: '1.5' }, 'limit', 'form_param_format_invalid'],
    [{ limit: '' }, 'limit', 'form_param_format_invalid'],
    [{ offset: '-1' }, 'offset', 'form_param_value_invalid'],
    [{ order_by: 'password' }, 'order_by', 'form_param_value_invalid'],
    [{ order_by: '' }, 'order_by', 'form_param_value_invalid'],
    [{ banned: 'yes' }, 'banned', 'form_param_format_invalid'],
    [{ created_at_after: 'yesterday' }, 'created_at_after', 'form_param_format_invalid'],
    [{ provider: 'oauth_google' }, 'provider_user_id', 'form_param_missing'],
    [{ provider_user_id: 'google_0004' }, 'provider', 'form_param_missing'],
    [{ email_address: range(0, 100).map((i) => `u${i}@example.com`) }, 'email_address', 'form_param_value_invalid'],
  ]) {
    assertClerkError(await call('GET', '/users', { query }), 422, code, param);
  }
  assertClerkError(await call('GET', '/users/count', { query: { banned: 'nope' } }), 422, 'form_param_format_invalid', 'banned');
  assertClerkError(await call('GET', '/users/count', { auth: null }), 401, 'authentication_invalid');
});

test('order_by: every field, both directions; nulls sort last ascending and first descending', async () => {
  const { call } = clerkSetup();
  const ids = async (order_by) => (await call('GET', '/users', { query: { order_by, limit: '500' } })).json.map((u) => u.id);
  assert.deepEqual(await ids('created_at'), range(1, 25).map(id));
  assert.deepEqual(await ids('+created_at'), range(1, 25).map(id));
  assert.deepEqual(await ids('-created_at'), range(25, 1, -1).map(id));
  const byFirst = (await call('GET', '/users', { query: { order_by: 'first_name', limit: '500' } })).json.map((u) => u.first_name);
  assert.deepEqual(byFirst, [...byFirst].sort());
  // username: only even users have one.
  const byUsername = await ids('username');
  assert.deepEqual(byUsername.slice(0, 12), ['ben0002', 'dev0004', 'felix0006', 'hugo0008', 'jack0010', 'liam0012', 'noah0014', 'priya0016', 'ravi0018', 'tom0020', 'ben0022', 'dev0024'].sort().map((u) => id(Number(u.slice(-4)))));
  assert.deepEqual(byUsername.slice(12), range(1, 25, 2).map(id));
  const desc = await ids('-username');
  assert.deepEqual(desc.slice(0, 13), range(25, 1, -2).map(id), 'nulls first descending, ties newest first');
  assert.deepEqual(desc.slice(13), byUsername.slice(0, 12).reverse());
  const byPhone = await ids('phone_number');
  assert.deepEqual(byPhone.slice(0, 8), range(3, 24, 3).map(id));
  assert.deepEqual((await ids('web3wallet')).slice(0, 3), [id(5), id(13), id(21)]);
  assert.deepEqual((await ids('email_address')).slice(0, 3), [id(1), id(21), id(2)]); // ada.anderson, ada.varga, ben.brown
  const signIn = await ids('last_sign_in_at');
  assert.deepEqual(signIn.slice(-2), [id(10), id(20)]);
  assert.deepEqual((await ids('-last_active_at')).slice(0, 3), [id(20), id(10), id(25)]);
  for (const field of ['updated_at', 'last_name']) assert.equal((await ids(field)).length, 25);
  assert.deepEqual(await ids(' created_at'), range(1, 25).map(id), 'a raw + decodes to a space');
});

test('starting_after: a cursor walk over created_at ordering', async () => {
  const { call } = clerkSetup();
  for (const order_by of [undefined, '-created_at', '+created_at', 'created_at']) {
    const seen = [];
    let after;
    for (let guard = 0; guard < 10; guard += 1) {
      const query = { limit: '7' };
      if (order_by) query.order_by = order_by;
      if (after) query.starting_after = after;
      const page = (await call('GET', '/users', { query })).json;
      seen.push(...page.map((u) => u.id));
      if (page.length < 7) break;
      after = page.at(-1).id;
    }
    const expected = order_by?.endsWith('created_at') && !order_by.startsWith('-') ? range(1, 25).map(id) : range(25, 1, -1).map(id);
    assert.deepEqual(seen, expected, String(order_by));
  }
  const res = await call('GET', '/users', { query: { starting_after: id(5), banned: 'false', offset: '0' } });
  assert.deepEqual(res.json.map((u) => u.id), [id(4), id(3), id(2), id(1)]);
  assertClerkError(await call('GET', '/users', { query: { starting_after: id(5), order_by: 'username' } }), 422, 'form_param_value_invalid', 'starting_after');
  assertClerkError(await call('GET', '/users', { query: { starting_after: id(5), offset: '2' } }), 422, 'form_param_value_invalid', 'starting_after');
  assertClerkError(await call('GET', '/users', { query: { starting_after: 'user_nobody' } }), 422, 'form_param_value_invalid', 'starting_after');
});

test('identifier filters: repeated keys, case-insensitive emails/usernames/wallets, +/- prefixes', async () => {
  const { call } = clerkSetup();
  assert.deepEqual(await both(call, { email_address: ['ADA.anderson@example.com', 'ben.brown@example.com', 'nobody@example.com'] }), [id(2), id(1)]);
  assert.deepEqual(await both(call, { email_address: [''] }), [], 'an empty value matches nobody');
  assert.deepEqual(await both(call, { phone_number: ['+15550000003', '+15550000009'] }), [id(9), id(3)]);
  assert.deepEqual(await both(call, { username: ['BEN0002', 'dev0004'] }), [id(4), id(2)]);
  assert.deepEqual(await both(call, { web3_wallet: ['0xFA4E000000000000000000000000000000000013'] }), [id(13)]);
  assert.deepEqual(await both(call, { external_id: ['ext_0001', '+ext_0003'] }), [id(3), id(1)]);
  assert.deepEqual(await both(call, { external_id: [' ext_0003'] }), [id(3)], 'a raw + decodes to a space');
  assert.equal((await both(call, { external_id: ['-ext_0001'] })).length, 24);
  assert.deepEqual(await both(call, { user_id: [id(1), id(2), id(3), `-${id(2)}`] }), [id(3), id(1)]);
  assert.equal((await both(call, { user_id: [`-${id(1)}`] })).length, 24);
  assert.deepEqual(await both(call, { organization_id: ['org_fake'] }), range(5, 1, -1).map(id));
  assert.deepEqual(await both(call, { organization_id: ['+org_fake', '-org_fake_2'] }), [id(5), id(4)]);
  assert.equal((await both(call, { organization_id: ['-org_fake'] })).length, 20);
  assert.deepEqual(await both(call, { organization_id: ['org_missing'] }), []);
  assert.deepEqual(await both(call, { provider: 'oauth_google', provider_user_id: ['google_0004', 'google_0008', 'google_0005'] }), [id(8), id(4)]);
  assert.deepEqual(await both(call, { provider: 'oauth_github', provider_user_id: ['google_0004'] }), []);
});

test('search filters: query, *_query; an empty query matches everyone', async () => {
  const { call } = clerkSetup();
  assert.equal((await both(call, { query: '' })).length, 25);
  assert.deepEqual(await both(call, { query: 'ANDERSON' }), [id(24), id(1)]);
  assert.deepEqual(await both(call, { query: 'user_fake_001' }), range(19, 10, -1).map(id));
  assert.deepEqual(await both(call, { query: '5550000012' }), [id(12)]);
  assert.deepEqual(await both(call, { query: 'fa4e0000000000000000000000000000000000' }), [id(21), id(13), id(5)]);
  assert.deepEqual(await both(call, { query: 'felix0006' }), [id(6)]);
  assert.deepEqual(await both(call, { query: 'Ada An' }), [id(1)], 'full name');
  assert.deepEqual(await both(call, { email_address_query: 'ADA.' }), [id(21), id(1)]);
  assert.equal((await both(call, { email_address_query: '' })).length, 25);
  assert.deepEqual(await both(call, { phone_number_query: '00000' }), range(24, 3, -3).map(id));
  assert.deepEqual(await both(call, { username_query: 'EN00' }), [id(22), id(2)]);
  assert.deepEqual(await both(call, { name_query: 'kumar' }), [id(11)]);
  assert.deepEqual(await both(call, { name_query: 'grace garcia' }), [id(7)]);
  assert.deepEqual(await both(call, { query: 'ada', email_address_query: 'varga' }), [id(21)], 'filters combine with AND');
});

test('banned and time filters (false and 0 are values, not absence)', async () => {
  const { call } = clerkSetup();
  assert.deepEqual(await both(call, { banned: 'true' }), [id(18), id(6)]);
  assert.equal((await both(call, { banned: 'false' })).length, 23);
  assert.equal((await both(call, { banned: 'FALSE' })).length, 23);
  assert.deepEqual(await both(call, { created_at_before: String(BASE + 2 * DAY) }), [id(2), id(1)]);
  assert.deepEqual(await both(call, { created_at_after: String(BASE + 22 * DAY) }), [id(25), id(24)]);
  assert.equal((await both(call, { created_at_after: '0' })).length, 25);
  assert.deepEqual(await both(call, { created_at_before: '0' }), []);
  // last_sign_in_at = created + 36 h, null for users 10 and 20.
  assert.deepEqual(await both(call, { last_sign_in_at_before: String(BASE + 2 * DAY) }), [id(1)]);
  assert.equal((await both(call, { last_sign_in_at_after: '0' })).length, 23);
  // last_active_at = created + 2 days, null for users 10 and 20.
  assert.deepEqual(await both(call, { last_active_at_after: String(BASE + 25 * DAY) }), [id(25)]);
  assert.deepEqual(await both(call, { last_active_at_since: String(BASE + 25 * DAY) }), [id(25), id(24)]);
  assert.deepEqual(await both(call, { last_active_at_before: String(BASE + 3 * DAY) }), [id(1)]);
  assert.equal((await both(call, { last_active_at_after: '0', banned: 'false' })).length, 21);
});

test('count follows created and deleted users; list sees changes', async () => {
  const { call } = clerkSetup({ seed: 3 });
  assert.equal((await call('GET', '/users/count')).json.total_count, 3);
  await call('POST', '/users', { body: { email_address: ['zed@example.com'] } });
  await call('DELETE', '/users/user_fake_0002');
  assert.equal((await call('GET', '/users/count')).json.total_count, 3);
  assert.deepEqual((await call('GET', '/users')).json.map((u) => u.id), [id(4), id(3), id(1)]);
  const none = clerkSetup({ seed: 0 });
  assert.deepEqual((await none.call('GET', '/users')).json, []);
  assert.deepEqual((await none.call('GET', '/users/count')).json, { object: 'total_count', total_count: 0 });
});
