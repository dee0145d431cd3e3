import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFakeProviders } from '../../fake/index.js';

const pad = (i) => String(i).padStart(4, '0');

test('the same seed gives the same data, independent of the clock', () => {
  const a = createFakeProviders({ now: () => 0 }).kinde.users();
  const b = createFakeProviders({ now: () => 9e12 }).kinde.users();
  assert.deepEqual(a, b);
  assert.equal(a.length, 25);
});

test('seed sets the number of users; a smaller seed is a prefix of a larger one', () => {
  const small = createFakeProviders({ seed: 3 }).kinde.users();
  const large = createFakeProviders({ seed: 600 }).kinde.users();
  assert.equal(small.length, 3);
  assert.equal(large.length, 600);
  assert.deepEqual(small, large.slice(0, 3).map((u) => ({ ...u })));
  assert.deepEqual(createFakeProviders({ seed: 0 }).kinde.users(), []);
});

test('emails, usernames, ids and provided ids stay unique for large seeds', () => {
  const users = createFakeProviders({ seed: 1000 }).kinde.users();
  for (const key of ['id', 'provided_id', 'email']) {
    assert.equal(new Set(users.map((u) => u[key])).size, 1000, key);
  }
  const usernames = users.map((u) => u.username).filter(Boolean);
  assert.equal(new Set(usernames).size, 500);
  assert.equal(users[460].email, 'ada.anderson2@example.com'); // the 461st user starts the second name cycle
});

test('the documented rules hold for every seeded user', () => {
  const users = createFakeProviders({ seed: 60 }).kinde.users();
  users.forEach((u, index) => {
    const i = index + 1;
    assert.equal(u.id, `kp_fake_${pad(i)}`);
    assert.equal(u.provided_id, `ext_${pad(i)}`);
    assert.equal(u.email, `${u.first_name}.${u.last_name}@example.com`.toLowerCase());
    assert.equal(u.username, i % 2 === 0 ? `${u.first_name.toLowerCase()}${pad(i)}` : null);
    assert.equal(u.phone, i % 3 === 0 ? `+61400${String(i).padStart(6, '0')}` : null);
    assert.equal(u.is_suspended, i === 5);
    assert.equal(u.created_on, new Date(Date.UTC(2026, 0, 1) + (i - 1) * 86_400_000).toISOString());
    const signedIn = i % 10 === 0 ? null : new Date(Date.parse(u.created_on) + 36 * 3_600_000).toISOString();
    assert.equal(u.last_signed_in, signedIn);
    assert.equal(u.total_sign_ins, signedIn ? 3 * i : 0);
    assert.equal(u.failed_sign_ins, i % 3);
    assert.equal(u.picture, i % 4 === 0 ? `https://example.com/avatars/${u.id}.png` : null);
    assert.equal(u.billing_customer_id, `customer_fake_${pad(i)}`);

    const types = u.identities.map((x) => x.type);
    assert.deepEqual(types, [
      'email',
      ...(i % 2 === 0 ? ['username'] : []),
      ...(i % 3 === 0 ? ['phone'] : []),
      ...(i % 4 === 0 ? ['oauth2:google'] : []),
    ]);
    assert.equal(u.identities[0].is_primary, true);
    assert.ok(u.identities.slice(1).every((x) => !x.is_primary));
    const google = u.identities.find((x) => x.type === 'oauth2:google');
    if (google) assert.equal(google.connection_id, 'conn_fake_google');

    assert.equal(u.sessions.length, i % 2 === 1 ? 2 : 0);
    assert.deepEqual(u.mfa.map((f) => [f.id, f.type, f.is_verified]), i % 3 === 1 ? [[`mfa_fake_${pad(i)}`, 'authenticator_app', true]] : []);
    assert.deepEqual(u.properties, { fake_property: i % 2 === 1 ? `value_${pad(i)}` : null });
    assert.deepEqual(u.feature_flags, {});
    assert.deepEqual(
      u.organizations.map((o) => [o.code, o.roles]),
      i <= 10 ? [['org_fake', i === 1 ? ['admin'] : ['member']]] : [],
    );
  });
});

test('the first users match the README table', () => {
  const users = createFakeProviders().kinde.users();
  const row = (u) => [u.id, u.first_name, u.last_name, u.email, u.username, u.phone];
  assert.deepEqual(users.slice(0, 6).map(row), [
    ['kp_fake_0001', 'Ada', 'Anderson', 'ada.anderson@example.com', null, null],
    ['kp_fake_0002', 'Ben', 'Brown', 'ben.brown@example.com', 'ben0002', null],
    ['kp_fake_0003', 'Chloe', 'Chen', 'chloe.chen@example.com', null, '+61400000003'],
    ['kp_fake_0004', 'Dev', 'Davis', 'dev.davis@example.com', 'dev0004', null],
    ['kp_fake_0005', 'Elena', 'Evans', 'elena.evans@example.com', null, null],
    ['kp_fake_0006', 'Felix', 'Fischer', 'felix.fischer@example.com', 'felix0006', '+61400000006'],
  ]);
  assert.equal(users[19].email, 'tom.usman@example.com');
  assert.equal(users[20].email, 'ada.varga@example.com');
  assert.equal(users[23].email, 'dev.anderson@example.com');
  assert.equal(users[24].email, 'elena.brown@example.com');
});
