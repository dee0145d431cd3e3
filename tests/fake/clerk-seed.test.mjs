// The fake Clerk's seed follows the rules fake/README.md documents.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFakeProviders } from '../../fake/index.js';

const pad = (i) => String(i).padStart(4, '0');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BASE = Date.UTC(2026, 0, 1);

test('the same seed gives the same data whatever the clock; a smaller seed is a prefix', () => {
  const a = createFakeProviders({ now: () => 0 }).clerk.users();
  assert.deepEqual(a, createFakeProviders({ now: () => 9e12 }).clerk.users());
  assert.equal(a.length, 25);
  const small = createFakeProviders({ seed: 3 }).clerk.users();
  assert.deepEqual(small, a.slice(0, 3).map((u) => ({ ...u, organization_ids: u.organization_ids })));
  assert.deepEqual(createFakeProviders({ seed: 0 }).clerk.users(), []);
  const large = createFakeProviders({ seed: 1000 }).clerk.users();
  assert.equal(new Set(large.map((u) => u.email_addresses[0].email_address)).size, 1000);
});

test('the documented rules hold for every seeded user', () => {
  const users = createFakeProviders({ seed: 60 }).clerk.users();
  users.forEach((u, index) => {
    const i = index + 1;
    const created = BASE + (i - 1) * DAY;
    const active = i % 10 !== 0;
    assert.equal(u.id, `user_fake_${pad(i)}`);
    assert.equal(u.external_id, i % 2 === 1 ? `ext_${pad(i)}` : null);
    assert.equal(u.username, i % 2 === 0 ? `${u.first_name.toLowerCase()}${pad(i)}` : null);
    assert.equal(u.locale, i % 2 === 1 ? 'en-US' : null);
    assert.deepEqual(u.email_addresses.map((e) => [e.id, e.email_address]), [[`idn_fake_email_${pad(i)}_1`, `${u.first_name}.${u.last_name}@example.com`.toLowerCase()]]);
    assert.equal(u.primary_email_address_id, `idn_fake_email_${pad(i)}_1`);
    assert.deepEqual(u.phone_numbers.map((p) => [p.id, p.phone_number]), i % 3 === 0 ? [[`idn_fake_phone_${pad(i)}_1`, `+1555${String(i).padStart(7, '0')}`]] : []);
    assert.deepEqual(u.web3_wallets.map((w) => [w.id, w.web3_wallet]), i % 8 === 5 ? [[`idn_fake_web3_${pad(i)}_1`, `0xfa4e${String(i).padStart(36, '0')}`]] : []);
    assert.deepEqual(u.passkeys.map((p) => [p.id, p.name, p.last_used_at]), i % 6 === 3 ? [[`idn_fake_passkey_${pad(i)}_1`, `Fake passkey ${pad(i)}`, created + 36 * HOUR]] : []);
    assert.deepEqual(
      u.external_accounts.map((a) => [a.id, a.provider, a.provider_user_id, a.email_address]),
      i % 4 === 0 ? [[`eac_fake_${pad(i)}_1`, 'oauth_google', `google_${pad(i)}`, u.email_addresses[0].email_address]] : [],
    );
    assert.deepEqual(u.public_metadata, { plan: i % 2 === 0 ? 'pro' : 'free', seed_index: i });
    assert.deepEqual(u.private_metadata, i % 3 === 0 ? { internal_note: `note_${pad(i)}` } : {});
    assert.deepEqual(u.unsafe_metadata, {});
    assert.equal(u.has_image, i % 5 === 0);
    assert.equal(u.image_url, i % 5 === 0 ? `https://img.fake-clerk.test/seed/${u.id}.png` : 'https://img.fake-clerk.test/default-avatar.png');
    assert.equal(u.password_enabled, i % 5 === 1);
    assert.equal(u.password_last_updated_at, i % 5 === 1 ? created + HOUR : null);
    assert.equal(u.totp_enabled, i % 7 === 2);
    assert.deepEqual(u.backup_codes, i % 7 === 2 ? [1, 2, 3, 4, 5].map((k) => `bc${pad(i)}x${k}`) : []);
    assert.equal(u.mfa_enabled_at, i % 7 === 2 ? created + 3 * HOUR : null);
    assert.equal(u.banned, i % 12 === 6);
    assert.equal(u.locked, i % 12 === 7);
    assert.equal(u.created_at, created);
    assert.equal(u.updated_at, created + 12 * HOUR);
    assert.equal(u.last_sign_in_at, active ? created + 36 * HOUR : null);
    assert.equal(u.last_active_at, active ? created + 2 * DAY : null);
    const orgs = [...(i <= 3 ? ['org_fake_2'] : []), ...(i <= 5 ? ['org_fake'] : [])];
    assert.deepEqual(u.organization_ids, orgs);
  });
});

test('the TOTP secrets documented in the README', () => {
  const users = createFakeProviders().clerk.users();
  assert.deepEqual(
    users.filter((u) => u.totp_secret).map((u) => [u.id, u.totp_secret]),
    [
      ['user_fake_0002', '7OIRG5RGTWYPDAW5MVJZTO732WV773SR'],
      ['user_fake_0009', '73APE4YLPQAR3V74SQDJI2U23CXI3T2U'],
      ['user_fake_0016', 'RCPN7EK43G5IF4HKYZOK4F4EEE7WVKFN'],
      ['user_fake_0023', 'U2V2GZAJO6TLSDXHTU5XWRB3KRKXBNFJ'],
    ],
  );
});

test('the first users match the README table', async () => {
  const { readFile } = await import('node:fs/promises');
  const readme = await readFile(new URL('../../fake/README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Clerk Backend API'));
  const rows = section
    .slice(section.indexOf('The first users of the default seed'))
    .split('\n')
    .filter((line) => /^\| \d+ \| `user_fake_/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  assert.equal(rows.length, 12);
  const users = createFakeProviders().clerk.users();
  const dash = (v) => v ?? '—';
  for (const [n, id, name, email, username, phone, externalId, signIn, also] of rows) {
    const u = users[Number(n) - 1];
    assert.equal(`\`${u.id}\``, id);
    assert.equal(`${u.first_name} ${u.last_name}`, name);
    assert.equal(u.email_addresses[0].email_address, email);
    assert.equal(dash(u.username), username);
    assert.equal(dash(u.phone_numbers[0]?.phone_number), phone);
    assert.equal(dash(u.external_id), externalId);
    assert.equal(u.last_sign_in_at === null ? '**null**' : `${new Date(u.last_sign_in_at).toISOString().slice(0, 16)}Z`, signIn);
    assert.equal(also.includes('password'), u.password_enabled, `${id} password`);
    assert.equal(also.includes('TOTP'), u.totp_enabled, `${id} TOTP`);
    assert.equal(also.includes('passkey'), u.passkeys.length > 0, `${id} passkey`);
    assert.equal(also.includes('wallet'), u.web3_wallets.length > 0, `${id} wallet`);
    assert.equal(also.includes('oauth_google'), u.external_accounts.length > 0, `${id} external account`);
    assert.equal(also.includes('image'), u.has_image, `${id} image`);
    assert.equal(also.includes('banned'), u.banned, `${id} banned`);
    assert.equal(also.includes('locked'), u.locked, `${id} locked`);
  }
});
