// Kinde <-> Clerk copy (pkg-template/jobs/copy.js): the pure mappings field
// by field, then copies of 1,000 users both ways against the in-process fake,
// reruns that create nothing, dry runs that write nothing, and a copy
// interrupted between its create and its follow-up writes.
//
// Needs a built dist/ (node scripts/build.mjs). copy.js imports 'idp-users'
// (the package itself), so it is run from a temporary directory whose
// node_modules/idp-users is a link to dist/: the same module instance the
// clients below come from.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'node.mjs'))) throw new Error('dist/ is missing: run node scripts/build.mjs first');

const stage = mkdtempSync(join(tmpdir(), 'idp-users-copy-'));
mkdirSync(join(stage, 'node_modules'));
symlinkSync(dist, join(stage, 'node_modules', 'idp-users'), 'dir');
copyFileSync(join(root, 'pkg-template', 'jobs', 'copy.js'), join(stage, 'copy.js'));
process.on('exit', () => rmSync(stage, { recursive: true, force: true }));

const { copyUser, mapKindeToClerk, mapClerkToKinde } = await import(pathToFileURL(join(stage, 'copy.js')).href);
const { KindeUsersApi, ClerkUsersApi, IdpUsersError } = await import(pathToFileURL(join(stage, 'node_modules', 'idp-users', 'node.mjs')).href);
const { createFakeProviders } = await import(pathToFileURL(join(root, 'fake', 'index.js')).href);

const kindeOf = (fake) => new KindeUsersApi({
  domain: 'https://fake.kinde.com', clientId: fake.kinde.clientId, clientSecret: fake.kinde.clientSecret, fetch: fake.fetch,
});
const clerkOf = (fake) => new ClerkUsersApi({ baseUrl: 'https://api.clerk.com/v1', secretKey: fake.clerk.secretKey, fetch: fake.fetch });

/** Copies every user of the source's list; returns the results in list order. */
async function copyAll(from, source, target, dryRun = false) {
  const to = from === 'kinde' ? 'clerk' : 'kinde';
  const users = from === 'kinde' ? source.getUsers({ page_size: 500 }) : source.getUserList({ limit: 500, order_by: '+created_at' });
  const out = [];
  for await (const user of users) out.push({ user, result: await copyUser({ from, to, source, target, user, dryRun }) });
  return out;
}
const tally = (results) => results.reduce((t, { result }) => ({ ...t, [result.outcome]: (t[result.outcome] ?? 0) + 1 }), {});
/** Requests logged from index `since` on, as "METHOD path". */
const sent = (fake, since) => fake.requests.slice(since).map((r) => `${r.method} ${r.path}`);
const writes = (lines) => lines.filter((l) => !l.startsWith('GET ') && l !== 'POST /oauth2/token');
const sample = (n) => Array.from({ length: n }, (_, i) => i + 1).filter((i) => i <= 12 || i % 37 === 0);

// ---- the pure mappings ----

test('mapKindeToClerk: every field, with identities and properties', () => {
  const kinde = {
    id: 'kp_1', provided_id: 'legacy-1', email: 'Ada@Example.com', phone: '+61400000001', username: 'ada1',
    first_name: 'Ada', last_name: 'Anderson', is_suspended: true, picture: 'https://example.com/a.png',
    created_on: '2026-01-01T00:00:00.000Z', last_signed_in: '2026-01-02T00:00:00.000Z', total_sign_ins: 3,
    organizations: ['org_a'], billing: { customer_id: 'cus_1' },
  };
  const identities = [
    { type: 'email', name: 'second@example.com', is_confirmed: false },
    { type: 'email', name: 'ada@example.com', is_confirmed: true },
    { type: 'phone', name: '+61400000001', is_confirmed: false },
    { type: 'username', name: 'ada1', is_confirmed: true },
    { type: 'username', name: 'ada_other', is_confirmed: true },
    { type: 'oauth2:google', name: 'ada@example.com', is_confirmed: true, connection_id: 'conn_g' },
  ];
  const properties = [{ key: 'plan', value: 'pro' }, { key: 'empty', value: null }];
  const { params, notMoved } = mapKindeToClerk(kinde, { identities, properties });
  assert.deepEqual(params, {
    external_id: 'kp_1',
    first_name: 'Ada',
    last_name: 'Anderson',
    email_address: ['ada@example.com', 'second@example.com'],       // the list item's (primary) first
    email_address_identification_status: ['verified', 'reserved'],  // unconfirmed -> reserved
    phone_number: ['+61400000001'],
    phone_number_identification_status: ['reserved'],
    username: 'ada1',
    private_metadata: { kinde_provided_id: 'legacy-1', kinde_properties: { plan: 'pro' } },
    banned: true,
    created_at: '2026-01-01T00:00:00.000Z',
    skip_password_requirement: true,
    skip_legal_checks: true,
  });
  for (const start of ['identity oauth2:google:', 'username ada_other:', 'picture:', 'password (if any):', 'MFA factors',
    'sessions:', 'organization memberships (org_a):', 'sign-in history', 'billing customer:']) {
    assert.ok(notMoved.some((n) => n.startsWith(start)), `notMoved has "${start}": ${notMoved.join(' | ')}`);
  }
});

test('mapKindeToClerk: without identities the list item moves, unverified; no identifier at all is allowed', () => {
  const { params } = mapKindeToClerk({ id: 'kp_2', email: 'b@example.com', first_name: 'Ben' });
  assert.deepEqual(params, {
    external_id: 'kp_2', first_name: 'Ben', email_address: ['b@example.com'], email_address_identification_status: ['reserved'],
    skip_password_requirement: true, skip_legal_checks: true,
  });
  const bare = mapKindeToClerk({ id: 'kp_3' }, { identities: [{ type: 'oauth2:google', name: 'c@example.com' }] });
  assert.equal(bare.params.skip_user_requirement, true);
  assert.equal(bare.params.banned, undefined);
  assert.ok(bare.notMoved.some((n) => n.startsWith('identity oauth2:google')));
});

const clerkUser = {
  id: 'user_1', external_id: 'legacy-9', first_name: 'Ada', last_name: 'Anderson', username: 'ada1', locale: 'en-US',
  primary_email_address_id: 'e2', primary_phone_number_id: 'p1',
  email_addresses: [
    { id: 'e1', email_address: 'old@example.com', verification: { status: 'unverified' } },
    { id: 'e2', email_address: 'ada@example.com', verification: { status: 'verified' } },
  ],
  phone_numbers: [{ id: 'p1', phone_number: '+15550000001', verification: { status: 'verified' } }],
  web3_wallets: [{ id: 'w1', web3_wallet: '0xabc' }], passkeys: [{ id: 'pk1' }],
  external_accounts: [{ id: 'eac1', provider: 'oauth_google' }], saml_accounts: [], enterprise_accounts: [],
  has_image: true, image_url: 'https://img.clerk.com/ada.png',
  public_metadata: { plan: 'free', tier: 2, tags: ['a'] },
  private_metadata: { plan: 'pro', kinde_provided_id: 'legacy-1', kinde_properties: { tier: 'gold' }, nothing: null },
  unsafe_metadata: { theme: 'dark' },
  banned: true, locked: true, password_enabled: true, totp_enabled: true, backup_code_enabled: false, two_factor_enabled: true,
  created_at: 1767225600000, last_sign_in_at: 1767312000000, legal_accepted_at: null,
};

test('mapClerkToKinde: every field, metadata precedence and the follow-ups', () => {
  const { params, notMoved, after } = mapClerkToKinde(clerkUser);
  assert.deepEqual(params, {
    profile: { given_name: 'Ada', family_name: 'Anderson', picture: 'https://img.clerk.com/ada.png' },
    provided_id: 'user_1',
    identities: [
      { type: 'email', is_verified: true, details: { email: 'ada@example.com' } },   // primary first
      { type: 'email', is_verified: false, details: { email: 'old@example.com' } },
      { type: 'phone', is_verified: true, details: { phone: '+15550000001' } },
      { type: 'username', details: { username: 'ada1' } },
    ],
  });
  assert.deepEqual(after, {
    suspend: true,
    properties: [
      { key: 'plan', value: 'pro', from: 'private_metadata.plan' },                 // private over public
      { key: 'tier', value: 'gold', from: 'private_metadata.kinde_properties.tier' }, // kinde_properties over both
    ],
  });
  for (const start of ['public_metadata.tags:', 'public_metadata.plan: private_metadata.plan', 'public_metadata.tier:',
    'private_metadata.kinde_provided_id legacy-1:', 'unsafe_metadata:', 'external_id legacy-9:', 'password:', 'MFA',
    'passkeys (1):', 'web3 wallets (1):', 'external account oauth_google:', 'locked:', 'locale en-US:', 'created_at:',
    'sign-in history', 'sessions:', 'organization memberships']) {
    assert.ok(notMoved.some((n) => n.startsWith(start)), `notMoved has "${start}": ${notMoved.join(' | ')}`);
  }
  assert.ok(!notMoved.some((n) => n.startsWith('legal_accepted_at')), 'a null field is not reported');
});

test('mapClerkToKinde: a default avatar is not a picture; a minimal user maps to a minimal body', () => {
  const { params, after } = mapClerkToKinde({ id: 'user_2', has_image: false, image_url: 'https://img.clerk.com/default.png', banned: false });
  assert.deepEqual(params, { provided_id: 'user_2' });
  assert.deepEqual(after, { suspend: false, properties: [] });
});

// ---- copies against the fake ----

test('Kinde -> Clerk -> Kinde, 1,000 users: fields kept, reruns create nothing', async () => {
  const a = createFakeProviders({ seed: 1000 });   // the source Kinde
  const b = createFakeProviders({ seed: 0 });      // the target Clerk, empty
  const kindeA = kindeOf(a);
  const clerkB = clerkOf(b);

  const first = await copyAll('kinde', kindeA, clerkB);
  assert.deepEqual(tally(first), { created: 1000 });
  const kindeUsers = new Map(a.kinde.users().map((u) => [u.id, u]));
  const clerkByExt = new Map(b.clerk.users().map((u) => [u.external_id, u]));
  assert.equal(clerkByExt.size, 1000);
  for (const i of sample(1000)) {
    const k = kindeUsers.get(`kp_fake_${String(i).padStart(4, '0')}`);
    const c = clerkByExt.get(k.id);
    assert.ok(c, `${k.id} copied`);
    const where = `${k.id} -> ${c.id}`;
    assert.equal(c.first_name, k.first_name, where);
    assert.equal(c.last_name, k.last_name, where);
    assert.equal(c.username, k.username, where);
    assert.deepEqual(c.email_addresses.map((e) => [e.email_address, e.verification?.status]),
      k.identities.filter((x) => x.type === 'email').map((x) => [x.name, x.is_confirmed ? 'verified' : 'unverified']), where);
    assert.equal(c.email_addresses[0].id, c.primary_email_address_id, where);
    assert.deepEqual(c.phone_numbers.map((p) => p.phone_number), k.phone ? [k.phone] : [], where);
    assert.equal(c.banned, k.is_suspended, where);
    assert.equal(c.created_at, Date.parse(k.created_on), where);
    const props = Object.fromEntries(Object.entries(k.properties).filter(([, v]) => v !== null));
    assert.deepEqual(c.private_metadata, { kinde_provided_id: k.provided_id, ...(Object.keys(props).length ? { kinde_properties: props } : {}) }, where);
    assert.equal(c.password_enabled, false, where);
  }
  assert.equal(clerkByExt.get('kp_fake_0005').banned, true, 'the suspended seed user is banned');
  const report = first.find(({ user }) => user.id === 'kp_fake_0004').result.notMoved;
  assert.ok(report.some((n) => n.startsWith('identity oauth2:google')), 'the social identity is reported');
  assert.ok(report.some((n) => n.startsWith('picture:')), 'the picture is reported');

  // Rerun: the lookup finds every user; no create.
  let mark = b.requests.length;
  const second = await copyAll('kinde', kindeA, clerkB);
  assert.deepEqual(tally(second), { exists: 1000 });
  assert.deepEqual(writes(sent(b, mark)), []);
  assert.deepEqual(second.map(({ result }) => result.targetId), first.map(({ result }) => result.targetId));

  // Back: the copies, from Clerk to an empty Kinde.
  const c = createFakeProviders({ seed: 0 });
  const kindeC = kindeOf(c);
  const back = await copyAll('clerk', clerkB, kindeC);
  assert.deepEqual(tally(back), { created: 1000 });
  const clerkUsers = new Map(b.clerk.users().map((u) => [u.id, u]));
  const roundTrip = new Map(c.kinde.users().map((u) => [u.provided_id, u]));
  for (const i of sample(1000)) {
    const original = kindeUsers.get(`kp_fake_${String(i).padStart(4, '0')}`);
    const viaClerk = clerkByExt.get(original.id);
    const k = roundTrip.get(viaClerk.id);
    const where = `${original.id} -> ${viaClerk.id} -> ${k?.id}`;
    assert.ok(k, where);
    assert.equal(k.first_name, original.first_name, where);
    assert.equal(k.last_name, original.last_name, where);
    assert.equal(k.email, original.email, where);
    assert.equal(k.phone, original.phone, where);
    assert.equal(k.username, original.username, where);
    assert.equal(k.is_suspended, original.is_suspended, where);
    assert.deepEqual(k.properties, original.properties, where);
    const simple = (u) => u.identities.filter((x) => ['email', 'phone', 'username'].includes(x.type)).map((x) => [x.type, x.name, x.is_confirmed]).sort();
    assert.deepEqual(simple(k), simple(original), where);
    assert.equal(clerkUsers.get(viaClerk.id).id, k.provided_id, where);
  }

  mark = c.requests.length;
  const again = await copyAll('clerk', clerkB, kindeC);
  assert.deepEqual(tally(again), { exists: 1000 });
  assert.deepEqual(writes(sent(c, mark)), [], 'nothing written: suspensions and properties are already there');
});

test('Clerk seed -> Kinde, 1,000 users: what moves, what is reported, one lookup read per user', async () => {
  const a = createFakeProviders({ seed: 1000 });   // its Clerk side is the source
  const d = createFakeProviders({ seed: 0 });
  const clerkA = clerkOf(a);
  const kindeD = kindeOf(d);
  const results = await copyAll('clerk', clerkA, kindeD);
  assert.deepEqual(tally(results), { created: 1000 });
  const kindeByProvided = new Map(d.kinde.users().map((u) => [u.provided_id, u]));
  const byId = new Map(results.map(({ user, result }) => [user.id, result]));
  for (const c of a.clerk.users()) {
    const i = Number(c.id.slice(-4));
    if (!sample(1000).includes(i)) continue;
    const k = kindeByProvided.get(c.id);
    const where = `${c.id} -> ${k?.id}`;
    assert.ok(k, where);
    assert.equal(k.first_name, c.first_name, where);
    assert.equal(k.last_name, c.last_name, where);
    assert.equal(k.email, c.email_addresses[0].email_address, where);
    assert.equal(k.phone ?? null, c.phone_numbers[0]?.phone_number ?? null, where);
    assert.equal(k.username ?? null, c.username, where);
    assert.equal(k.is_suspended, c.banned, where);
    assert.equal(k.picture ?? null, c.has_image ? c.image_url : null, where);
    assert.deepEqual(k.identities.filter((x) => x.type === 'email').map((x) => x.is_confirmed), [true], where);
    const report = byId.get(c.id).notMoved;
    const has = (start) => report.some((n) => n.startsWith(start));
    assert.equal(has('password:'), c.password_enabled, `${where} password reported`);
    assert.equal(has('MFA'), c.two_factor_enabled, `${where} MFA reported`);
    assert.equal(has('passkeys'), c.passkeys.length > 0, `${where} passkeys reported`);
    assert.equal(has('web3 wallets'), c.web3_wallets.length > 0, `${where} wallets reported`);
    assert.equal(has('external account oauth_google'), c.external_accounts.length > 0, `${where} oauth reported`);
    assert.equal(has('locked:'), c.locked, `${where} lock reported`);
    assert.equal(has('external_id'), c.external_id !== null, `${where} external_id reported`);
    // The fake Kinde defines only fake_property: the seed's metadata keys have no property to go to.
    assert.ok(has("public_metadata.plan: no Kinde property with the key 'plan'"), where);
    assert.equal(has('private_metadata.internal_note'), 'internal_note' in c.private_metadata, where);
    assert.deepEqual(k.properties, { fake_property: null }, where);
  }
  // Reads per user: the lookup, the new user's property definitions.
  const lookups = d.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/users');
  assert.equal(lookups.length, 1000, 'one filtered getUsers per user');
  assert.ok(lookups.every((r) => /[?&]email=/.test(r.url)), 'every seed user is looked up by email');
});

test('dryRun sends no write, both ways, and returns the mapping the real copy sends', async () => {
  const a = createFakeProviders({ seed: 1000 });
  const b = createFakeProviders({ seed: 0 });
  const kindeA = kindeOf(a);
  const clerkB = clerkOf(b);
  let markA = a.requests.length;
  const dry = await copyAll('kinde', kindeA, clerkB, true);
  assert.deepEqual(tally(dry), { 'dry-run': 1000 });
  assert.equal(b.clerk.users().length, 0);
  assert.deepEqual(writes(sent(b, 0)), []);
  assert.deepEqual(writes(sent(a, markA)), []);
  assert.ok(sent(b, 0).every((l) => l === 'GET /v1/users'), 'only the lookups reach the target');

  const real = await copyAll('kinde', kindeA, clerkB);
  assert.deepEqual(real.map(({ result }) => result.mapping), dry.map(({ result }) => result.mapping));
  assert.deepEqual(real.map(({ result }) => result.notMoved), dry.map(({ result }) => result.notMoved));

  // Clerk -> Kinde, into an empty Kinde, then over users that exist but lack their suspension.
  const d = createFakeProviders({ seed: 0 });
  const kindeD = kindeOf(d);
  const dryBack = await copyAll('clerk', clerkOf(a), kindeD, true);
  assert.deepEqual(tally(dryBack), { 'dry-run': 1000 });
  assert.equal(d.kinde.users().length, 0);
  assert.deepEqual(writes(sent(d, 0)), []);
  const banned = dryBack.find(({ user }) => user.id === 'user_fake_0006').result;
  assert.deepEqual(banned.followUps.map((f) => f.operation), ['updateUser', 'updateUserProperties']);
  assert.deepEqual(banned.followUps[0].params, { is_suspended: true });

  const clerkA = clerkOf(a);
  const user6 = (await clerkA.getUserList({ user_id: ['user_fake_0006'] }))[0];
  await kindeD.createUser(mapClerkToKinde(user6).params);   // as if a copy died right after its create
  const mark = d.requests.length;
  const dryExisting = await copyUser({ from: 'clerk', to: 'kinde', source: clerkA, target: kindeD, user: user6, dryRun: true });
  assert.equal(dryExisting.outcome, 'exists');
  assert.deepEqual(dryExisting.followUps, [{ operation: 'updateUser', params: { is_suspended: true } }]);
  assert.deepEqual(writes(sent(d, mark)), []);
  assert.equal(d.kinde.users()[0].is_suspended, false);
});

test('a copy that died between its create and its follow-ups is completed by the rerun', async () => {
  const a = createFakeProviders({ seed: 25 });
  const d = createFakeProviders({ seed: 0 });
  const clerkA = clerkOf(a);
  const kindeD = kindeOf(d);
  // user_fake_0006 is banned and has a property-like key only if Kinde defines it; give it one that does.
  await clerkA.updateUserMetadata('user_fake_0006', { private_metadata: { fake_property: 'kept' } });
  const user = (await clerkA.getUserList({ user_id: ['user_fake_0006'] }))[0];
  d.kinde.injectFault({ path: '/api/v1/user', method: 'PATCH', status: 400, body: JSON.stringify({ errors: [{ code: 'BOOM', message: 'boom' }] }) });
  await assert.rejects(copyUser({ from: 'clerk', to: 'kinde', source: clerkA, target: kindeD, user, dryRun: false }),
    (e) => e instanceof IdpUsersError && e.kind === 'api' && e.code === 'BOOM' && e.operation === 'updateUser');
  assert.equal(d.kinde.users().length, 1, 'the create went through');
  assert.equal(d.kinde.users()[0].is_suspended, false);

  const rerun = await copyUser({ from: 'clerk', to: 'kinde', source: clerkA, target: kindeD, user, dryRun: false });
  assert.equal(rerun.outcome, 'exists');
  assert.equal(rerun.targetId, d.kinde.users()[0].id);
  assert.deepEqual(rerun.followUps.map((f) => f.operation), ['updateUser', 'updateUserProperties']);
  const [k] = d.kinde.users();
  assert.equal(k.is_suspended, true);
  assert.deepEqual(k.properties, { fake_property: 'kept' });

  // A value an admin set on Kinde afterwards is not overwritten by another rerun.
  await kindeD.updateUserProperties(k.id, { properties: { fake_property: 'admin' } });
  const third = await copyUser({ from: 'clerk', to: 'kinde', source: clerkA, target: kindeD, user, dryRun: false });
  assert.deepEqual(third.followUps, []);
  assert.equal(d.kinde.users()[0].properties.fake_property, 'admin');
});

test('errors: bad arguments are typed before anything is sent; the client\'s errors come through', async () => {
  const a = createFakeProviders({ seed: 3 });
  const kinde = kindeOf(a);
  const clerk = clerkOf(a);
  const user = { id: 'kp_fake_0001', email: 'ada.anderson@example.com' };
  const bad = [
    [{ from: 'okta', to: 'clerk', source: kinde, target: clerk, user }, 'from'],
    [{ from: 'kinde', to: 'kinde', source: kinde, target: kinde, user }, 'to'],
    [{ from: 'kinde', to: 'clerk', source: clerk, target: clerk, user }, 'source'],
    [{ from: 'kinde', to: 'clerk', source: kinde, target: {}, user }, 'target'],
    [{ from: 'kinde', to: 'clerk', source: kinde, target: clerk, user: { email: 'x@example.com' } }, 'user'],
    [{ from: 'kinde', to: 'clerk', source: kinde, target: clerk, user, dryRun: 'yes' }, 'dryRun'],
    [null, 'options'],
  ];
  for (const [args, param] of bad) {
    await assert.rejects(copyUser(args), (e) => e instanceof IdpUsersError && e.kind === 'validation' && e.param === param, param);
  }
  assert.equal(a.requests.length, 0);

  // Same fake: Clerk already holds ada.anderson@example.com under another external id.
  const [first] = (await kinde.getUsers({ page_size: 1 })).users;
  await assert.rejects(copyUser({ from: 'kinde', to: 'clerk', source: kinde, target: clerk, user: first, dryRun: false }),
    (e) => e instanceof IdpUsersError && e.kind === 'api' && e.code === 'form_identifier_exists' && e.operation === 'createUser');
});

test('Kinde target: a user with no email, phone or username is found by a walk; an email held by another user is not merged', async () => {
  const d = createFakeProviders({ seed: 3 });
  const kindeD = kindeOf(d);
  const clerk = clerkOf(createFakeProviders({ seed: 0 }));
  const walletOnly = { id: 'user_wallet', first_name: 'Wendy', web3_wallets: [{ id: 'w', web3_wallet: '0x01' }], email_addresses: [], phone_numbers: [] };
  const made = await copyUser({ from: 'clerk', to: 'kinde', source: clerk, target: kindeD, user: walletOnly });
  assert.equal(made.outcome, 'created');
  assert.deepEqual(made.mapping, { profile: { given_name: 'Wendy' }, provided_id: 'user_wallet' });
  const mark = d.requests.length;
  const again = await copyUser({ from: 'clerk', to: 'kinde', source: clerk, target: kindeD, user: walletOnly });
  assert.deepEqual([again.outcome, again.targetId], ['exists', made.targetId]);
  assert.deepEqual(sent(d, mark), ['GET /api/v1/users'], 'one unfiltered page (4 users) walked');

  const taken = { id: 'user_other', first_name: 'Ada', email_addresses: [{ id: 'e', email_address: 'ada.anderson@example.com', verification: { status: 'verified' } }] };
  await assert.rejects(copyUser({ from: 'clerk', to: 'kinde', source: clerk, target: kindeD, user: taken }),
    (e) => e instanceof IdpUsersError && e.code === 'IDENTITY_ALREADY_EXISTS' && e.operation === 'createUser');
  assert.equal(d.kinde.users().length, 4);
});

test('a create answered without an id fails the item (the follow-ups could not be sent)', async () => {
  const d = createFakeProviders({ seed: 0 });
  const kindeD = kindeOf(d);
  d.kinde.injectFault({ path: '/api/v1/user', method: 'POST', status: 200, body: JSON.stringify({ created: true }) });
  const user = { id: 'user_b', banned: true, email_addresses: [{ id: 'e', email_address: 'b@example.com', verification: { status: 'verified' } }] };
  await assert.rejects(copyUser({ from: 'clerk', to: 'kinde', source: clerkOf(d), target: kindeD, user }),
    (e) => e instanceof IdpUsersError && e.kind === 'decode' && e.provider === 'kinde' && e.operation === 'createUser');
});
