// The one behavioural suite of the package, run unchanged in every runtime
// (Node ESM and CommonJS, Deno, workerd, Bun, Chromium) against the *packed*
// package and its in-memory fake providers.
//
// Plain ESM whose only imports are its Clerk, production-behaviour, driver
// hardening, proxy and fuzzer parts (./clerk-suite.mjs, ./production-suite.mjs,
// ./hardening-suite.mjs, ./proxy-suite.mjs, ./fuzz-suite.mjs, copied next to it;
// the fuzzer imports fast-check, which each fixture resolves from the repo's
// node_modules); the runtime harness passes the package's modules in.
//   lib:       the 'idp-users' module namespace
//   fake:      the 'idp-users/fake' module namespace
//   proxy:     the 'idp-users/proxy' module namespace
//   runtime:   name of the runtime, for the report
//   serverUrl: base URL of the fake HTTP server, when the runtime can reach it
// Returns { runtime, passed, failed, operations, results: [{ name, ok, error }] }.

import { clerkTests } from './clerk-suite.mjs';
import { hardeningTests } from './hardening-suite.mjs';
import { productionTests } from './production-suite.mjs';
import { proxyTests } from './proxy-suite.mjs';
import { fuzzTests } from './fuzz-suite.mjs';

const DOMAIN = 'https://fake.kinde.com';
const SECRET = 'fake-client-secret';
/** In a browser page secrets need consent; the suite gives it there. */
const IN_PAGE = typeof window !== 'undefined' && typeof document !== 'undefined';
const ALLOW = IN_PAGE ? { dangerouslyAllowBrowser: true } : {};

export async function run(options) {
  try {
    return await suite(options);
  } catch (e) {
    // A crash outside any test (a broken import, say) still yields a report.
    const error = String((e && e.stack) || e);
    return { runtime: options.runtime, passed: 0, failed: 1, operations: [], results: [{ name: 'suite crashed', ok: false, error }] };
  }
}

async function suite({ lib, fake, proxy, runtime, serverUrl }) {
  const { KindeUsersApi, IdpUsersError } = lib;
  const results = [];
  const operations = new Set();

  // ---- tiny assertion kit ------------------------------------------------
  function fail(msg) {
    throw new Error(msg);
  }
  function ok(cond, msg) {
    if (!cond) fail(`assertion failed: ${msg}`);
  }
  function eq(actual, expected, msg) {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a !== e) fail(`${msg}: expected ${e}, got ${a}`);
  }
  async function rejects(promise, expect, msg) {
    let err;
    try {
      await promise;
    } catch (e) {
      err = e;
    }
    ok(err !== undefined, `${msg}: should reject`);
    ok(err instanceof Error, `${msg}: rejects with an Error (got ${String(err)})`);
    ok(err instanceof IdpUsersError, `${msg}: rejects with an IdpUsersError (got ${err && err.name}: ${err && err.message})`);
    eq(err.name, 'IdpUsersError', `${msg}: name`);
    for (const [k, v] of Object.entries(expect)) eq(err[k], v, `${msg}: error.${k} (message: ${err.message})`);
    return err;
  }
  const test = async (name, fn) => {
    if (globalThis.__SUITE_TRACE__) console.log('start', name);
    try {
      await fn();
      results.push({ name, ok: true });
    } catch (e) {
      results.push({ name, ok: false, error: String((e && e.stack) || e) });
    }
  };

  // ---- fixtures -------------------------------------------------------------
  /** A client whose calls are recorded, over a fresh fake. */
  function setup(config = {}, fakeOptions = {}) {
    const f = fake.createFakeProviders(fakeOptions);
    const base = { domain: DOMAIN, fetch: f.fetch };
    const auth = config.accessToken || config.getToken ? {} : { clientId: f.kinde.clientId, clientSecret: f.kinde.clientSecret, ...ALLOW };
    const api = new KindeUsersApi({ ...base, ...auth, ...config });
    return { f, api: record(api), raw: api };
  }
  /** Records the name of every method called, for the report. */
  function record(api, provider) {
    return new Proxy(api, {
      get(target, prop) {
        const v = target[prop];
        if (typeof v !== 'function') return v;
        return (...args) => {
          operations.add(provider ? `${provider}.${String(prop)}` : String(prop));
          return v.apply(target, args);
        };
      },
    });
  }
  const apiRequests = (f) => f.requests.filter((r) => r.path.startsWith('/api/'));
  const last = (f) => apiRequests(f).at(-1);
  const U1 = 'kp_fake_0001';
  const U2 = 'kp_fake_0002';

  // ---- the package itself ---------------------------------------------------
  await test('exports the client and error classes', () => {
    ok(typeof KindeUsersApi === 'function', 'KindeUsersApi is a class');
    ok(typeof IdpUsersError === 'function', 'IdpUsersError is a class');
    ok(IdpUsersError.prototype instanceof Error, 'IdpUsersError extends Error');
  });

  // ---- every operation, success paths ------------------------------------------
  await test('getUsers: first page, defaults and next_token walk', async () => {
    const { api } = setup();
    const page = await api.getUsers();
    eq(page.users.length, 10, 'default page size');
    ok(typeof page.next_token === 'string', 'next_token on a full page');
    eq(page.users[0].id, U1, 'seeded first user');
    ok(typeof page.users[0].email === 'string', 'list items carry email');
    const seen = new Set();
    let token;
    for (let i = 0; i < 10; i++) {
      const p = await api.getUsers({ page_size: 7, next_token: token });
      p.users.forEach((u) => seen.add(u.id));
      token = p.next_token;
      if (!token) break;
    }
    eq(seen.size, 25, 'every seeded user exactly once');
  });

  await test('getUsers: filters and expand are sent with the API names', async () => {
    const { api, f } = setup();
    const byEmail = await api.getUsers({ user_id: [U1, U2], expand: ['organizations', 'identities'] });
    eq(byEmail.users.map((u) => u.id), [U1, U2], 'user_id filter (array form)');
    ok(Array.isArray(byEmail.users[0].organizations), 'organizations expanded');
    ok(Array.isArray(byEmail.users[0].identities), 'identities expanded');
    const url = new URL(last(f).url);
    eq(url.searchParams.get('user_id'), `${U1},${U2}`, 'user_id joined with commas');
    eq(url.searchParams.get('expand'), 'organizations,identities', 'expand joined');
    const email = byEmail.users[0].email;
    const one = await api.getUsers({ email });
    eq(one.users.map((u) => u.id), [U1], 'email filter (string form)');
    const members = await api.getUsers({ has_organization: true, page_size: 500 });
    eq(members.users.length, 10, 'has_organization=true: the 10 members of org_fake');
    eq(new URL(last(f).url).searchParams.get('has_organization'), 'true', 'boolean sent as true');
    const none = await api.getUsers({ has_organization: false, page_size: 500 });
    eq(none.users.length, 15, 'has_organization=false is sent, not dropped');
    const recent = await api.getUsers({ active_since: new Date('2000-01-01T00:00:00Z') });
    ok(recent.users.length > 0, 'active_since accepts a Date');
    eq(new URL(last(f).url).searchParams.get('active_since'), '2000-01-01T00:00:00.000Z', 'Date sent in ISO form');
    const billing = await api.getUsers({ user_id: U1, expand: 'billing' });
    ok(billing.users[0].billing && typeof billing.users[0].billing.customer_id === 'string', 'billing expanded');
  });

  await test('getUsersWithHttpInfo: data, status and headers', async () => {
    const { api } = setup();
    const info = await api.getUsersWithHttpInfo({ page_size: 2 });
    eq(info.status, 200, 'status');
    eq(info.data.users.length, 2, 'data');
    ok(typeof info.headers === 'object' && /json/.test(info.headers['content-type']), 'headers as a plain object, lower-case names');
  });

  await test('getUserData / getUserDataWithHttpInfo', async () => {
    const { api } = setup();
    const user = await api.getUserData(U1, { expand: 'organizations,identities' });
    eq(user.id, U1, 'id');
    ok(typeof user.preferred_email === 'string', 'the user shape has preferred_email');
    ok(user.organizations.includes('org_fake'), 'organizations expanded');
    const info = await api.getUserDataWithHttpInfo(U2);
    eq([info.status, info.data.id], [200, U2], 'with http info');
  });

  await test('createUser, updateUser and deleteUser (and their WithHttpInfo twins)', async () => {
    const { api } = setup();
    const created = await api.createUser({
      profile: { given_name: 'Ada', family_name: 'Lovelace' },
      organization_code: 'org_fake',
      identities: [{ type: 'email', is_verified: true, details: { email: 'ada@example.org' } }],
    });
    ok(created.created === true && typeof created.id === 'string', 'created');
    eq(created.identities[0].type, 'email', 'identity outcome');
    const found = await api.getUsers({ email: 'ada@example.org' });
    eq(found.users.map((u) => u.id), [created.id], 'new user is listed');
    const updated = await api.updateUser(created.id, { given_name: 'Augusta', is_suspended: true });
    eq([updated.given_name, updated.is_suspended], ['Augusta', true], 'updated fields');
    const info = await api.updateUserWithHttpInfo(created.id, { family_name: 'King' });
    eq([info.status, info.data.family_name], [200, 'King'], 'update with http info');
    const second = await api.createUserWithHttpInfo({ profile: { given_name: 'Grace' } });
    eq(second.status, 200, 'create with http info');
    const deleted = await api.deleteUser(created.id, { is_delete_profile: true });
    ok(typeof deleted.code === 'string', 'delete returns a success response');
    await rejects(api.getUserData(created.id), { kind: 'api', status: 400 }, 'deleted user is gone');
    const del2 = await api.deleteUserWithHttpInfo(second.data.id);
    eq(del2.status, 200, 'delete with http info');
  });

  await test('identities: createUserIdentity and getUserIdentities', async () => {
    const { api } = setup();
    const made = await api.createUserIdentity(U2, { type: 'email', value: 'second@example.org' });
    ok(made.identity && typeof made.identity.id === 'string', 'new identity id');
    const list = await api.getUserIdentities(U2);
    ok(list.identities.some((i) => i.id === made.identity.id), 'listed');
    const info = await api.getUserIdentitiesWithHttpInfo(U2, { starting_after: list.identities[0].id });
    eq(info.status, 200, 'paged with starting_after');
    ok(!info.data.identities.some((i) => i.id === list.identities[0].id), 'starting_after skips');
    const info2 = await api.createUserIdentityWithHttpInfo(U2, { type: 'username', value: 'second_user' });
    eq(info2.status, 201, 'create identity answers 201');
  });

  await test('properties: get, update one, update several', async () => {
    const { api } = setup();
    const before = await api.getUserPropertyValues(U1);
    const prop = before.properties.find((p) => p.key === 'fake_property');
    eq(prop && prop.value, 'value_0001', 'seeded property value');
    await api.updateUserProperty(U1, 'fake_property', 'one');
    eq((await api.getUserPropertyValues(U1)).properties.find((p) => p.key === 'fake_property').value, 'one', 'one value');
    await api.updateUserProperties(U1, { properties: { fake_property: 'many' } });
    const after = await api.getUserPropertyValuesWithHttpInfo(U1);
    eq(after.data.properties.find((p) => p.key === 'fake_property').value, 'many', 'several values');
    eq((await api.updateUserPropertyWithHttpInfo(U1, 'fake_property', 7)).status, 200, 'numbers are sent as text');
    eq((await api.updateUserPropertiesWithHttpInfo(U1, { properties: { fake_property: 'x' } })).status, 200, 'with http info');
  });

  await test('sessions: get and delete', async () => {
    const { api } = setup();
    const s = await api.getUserSessions(U1);
    eq(s.sessions.length, 2, 'odd users have two sessions');
    await api.deleteUserSessions(U1);
    eq((await api.getUserSessionsWithHttpInfo(U1)).data.sessions.length, 0, 'sessions ended');
    eq((await api.deleteUserSessionsWithHttpInfo('kp_fake_0003')).status, 200, 'delete with http info');
  });

  await test('MFA: get, reset one, reset all', async () => {
    const { api } = setup();
    const mfa = await api.getUsersMfa(U1);
    ok(mfa.mfa && typeof mfa.mfa.id === 'string', 'user 1 has a factor');
    await api.resetUsersMfa(U1, mfa.mfa.id);
    await rejects(api.resetUsersMfa(U1, mfa.mfa.id), { kind: 'api', status: 404 }, 'factor is gone');
    eq((await api.getUsersMfaWithHttpInfo('kp_fake_0004')).status, 200, 'get with http info');
    await api.resetUsersMfaAll('kp_fake_0004');
    eq((await api.resetUsersMfaAllWithHttpInfo('kp_fake_0007')).status, 200, 'reset all with http info');
    const factor = (await api.getUsersMfa('kp_fake_0010')).mfa.id;
    eq((await api.resetUsersMfaWithHttpInfo('kp_fake_0010', factor)).status, 200, 'reset one with http info');
  });

  await test('refreshUserClaims, setUserPassword, updateUserFeatureFlagOverride', async () => {
    const { api, f } = setup();
    ok(typeof (await api.refreshUserClaims(U1)).code === 'string', 'claims refreshed');
    eq((await api.refreshUserClaimsWithHttpInfo(U2)).status, 200, 'refresh with http info');
    await api.setUserPassword(U1, { hashed_password: '$2a$10$abcdefghijklmnopqrstuv', hashing_method: 'bcrypt', is_temporary_password: true });
    eq(JSON.parse(last(f).body), { hashed_password: '$2a$10$abcdefghijklmnopqrstuv', hashing_method: 'bcrypt', is_temporary_password: true }, 'password body');
    eq((await api.setUserPasswordWithHttpInfo(U2, { hashed_password: 'abc', hashing_method: 'md5' })).status, 200, 'with http info');
    await api.updateUserFeatureFlagOverride(U1, 'fake_flag', true);
    eq(new URL(last(f).url).searchParams.get('value'), 'true', 'flag value sent as text');
    eq(f.kinde.users()[0].feature_flags.fake_flag, true, 'override stored');
    eq((await api.updateUserFeatureFlagOverrideWithHttpInfo(U2, 'fake_flag', 'false')).status, 200, 'with http info');
  });

  await test('organization users: add (ids and objects), list, remove', async () => {
    const { api, f } = setup();
    const added = await api.addOrganizationUsers('org_fake', { users: ['kp_fake_0011', { id: 'kp_fake_0012', roles: ['member'] }] });
    eq(added.users_added, ['kp_fake_0011', 'kp_fake_0012'], 'users_added');
    eq(JSON.parse(last(f).body), { users: [{ id: 'kp_fake_0011' }, { id: 'kp_fake_0012', roles: ['member'] }] }, 'plain ids become objects');
    const page = await api.getOrganizationUsers('org_fake', { page_size: 5, sort: 'email_asc' });
    eq(page.organization_users.length, 5, 'page of members');
    const all = new Set(page.organization_users.map((u) => u.id));
    let token = page.next_token;
    while (token) {
      const p = await api.getOrganizationUsers('org_fake', { page_size: 5, sort: 'email_asc', next_token: token });
      p.organization_users.forEach((u) => all.add(u.id));
      token = p.next_token;
    }
    eq(all.size, 12, 'ten seeded members plus two added');
    const removed = await api.removeOrganizationUsers('org_fake', { users: ['kp_fake_0011'] });
    eq(removed.users_removed, ['kp_fake_0011'], 'users_removed');
    eq(last(f).method, 'PATCH', 'removal goes to PATCH');
    eq(JSON.parse(last(f).body), { users: [{ id: 'kp_fake_0011', operation: 'delete' }] }, 'sent as delete operations');
    ok(typeof (await api.removeOrganizationUser('org_fake', 'kp_fake_0012')).code === 'string', 'single removal');
    eq(last(f).method, 'DELETE', 'single removal uses DELETE');
    eq((await api.getOrganizationUsersWithHttpInfo('org_fake')).data.organization_users.length, 10, 'back to ten');
    eq((await api.addOrganizationUsersWithHttpInfo('org_fake', { users: ['kp_fake_0013'] })).status, 200, 'add with http info');
    eq((await api.removeOrganizationUsersWithHttpInfo('org_fake', { users: [{ id: 'kp_fake_0013' }] })).status, 200, 'remove with http info');
    eq((await api.removeOrganizationUserWithHttpInfo('org_fake', 'kp_fake_0002')).status, 200, 'single removal with http info');
  });

  // ---- validation: clear typed errors, nothing sent ----------------------------
  await test('bad arguments reject with validation errors and send nothing', async () => {
    const { api, f } = setup();
    const cases = [
      [() => api.getUserSessions(), 'userId'],
      [() => api.getUserSessions(''), 'userId'],
      [() => api.getUserSessions(42), 'userId'],
      [() => api.getUserSessions('..'), 'userId'],
      [() => api.resetUsersMfa(U1), 'factorId'],
      [() => api.getUsers({ page_size: 0 }), 'params.page_size'],
      [() => api.getUsers({ page_size: 501 }), 'params.page_size'],
      [() => api.getUsers({ page_size: '10' }), 'params.page_size'],
      [() => api.getUsers({ pageSize: 10 }), 'params.pageSize'],
      [() => api.getUsers({ expand: 'groups' }), 'params.expand'],
      [() => api.getUsers({ active_since: 'yesterday' }), 'params.active_since'],
      [() => api.getUsers({ has_organization: 'yes' }), 'params.has_organization'],
      [() => api.getUsers('page_size=5'), 'params'],
      [() => api.setUserPassword(U1, {}), 'body.hashed_password'],
      [() => api.setUserPassword(U1, { hashed_password: 'x', hashing_method: 'rot13' }), 'body.hashing_method'],
      [() => api.updateUser(U1), 'body'],
      [() => api.updateUser(U1, { givenName: 'x' }), 'body.givenName'],
      [() => api.createUser({ identities: [{ type: 'fax' }] }), 'body.identities[0].type'],
      [() => api.updateUserProperties(U1, { properties: { a: {} } }), 'body.properties.a'],
      [() => api.addOrganizationUsers('org_fake', { users: [7] }), 'body.users[0]'],
      [() => api.updateUserProperty(U1, 'fake_property'), 'value'],
      [() => api.getUsers({}, { signal: 'nope' }), 'options.signal'],
      [() => api.getUsers({}, { headers: { Authorization: 'Bearer x' } }), 'options.headers.Authorization'],
      [() => api.getUsers({}, { timeoutMs: -1 }), 'options.timeoutMs'],
    ];
    for (const [call, param] of cases) {
      const err = await rejects(call(), { kind: 'validation', provider: 'kinde', status: null }, `invalid ${param}`);
      eq(err.param, param, 'param names the culprit');
      ok(err.message.includes(param), `message names ${param}: ${err.message}`);
    }
    eq(f.requests.length, 0, 'no request (not even a token request) was sent');
  });

  await test('every operation and its twin: the API error path, and missing arguments', async () => {
    const { api, f } = setup();
    const N = 'kp_nope';
    // [method, args, status, code] — answers of the fake, as the contract shapes them.
    const cases = [
      ['createUser', [{ identities: [{ type: 'email', details: { email: 'not-an-email' } }] }], 400, 'INVALID_EMAIL'],
      ['createUserIdentity', [N, { type: 'email', value: 'x@example.org' }], 400, 'USER_NOT_FOUND'],
      ['deleteUser', [N], 400, 'USER_NOT_FOUND'],
      ['deleteUserSessions', [N], 404, 'USER_NOT_FOUND'],
      ['getUserData', [N], 400, 'USER_NOT_FOUND'],
      ['getUserIdentities', [N], 400, 'USER_NOT_FOUND'],
      ['getUserPropertyValues', [N], 400, 'USER_NOT_FOUND'],
      ['getUserSessions', [N], 404, 'USER_NOT_FOUND'],
      ['getUsers', [{ next_token: 'not-a-token' }], 400, 'INVALID_NEXT_TOKEN'],
      ['getUsersMfa', [N], 404, 'USER_NOT_FOUND'],
      ['refreshUserClaims', [N], 400, 'USER_NOT_FOUND'],
      ['resetUsersMfa', [U1, 'mfa_nope'], 404, 'MFA_FACTOR_NOT_FOUND'],
      ['resetUsersMfaAll', [N], 404, 'USER_NOT_FOUND'],
      ['setUserPassword', [N, { hashed_password: 'x' }], 400, 'USER_NOT_FOUND'],
      ['updateUser', [N, { given_name: 'x' }], 400, 'USER_NOT_FOUND'],
      ['updateUserFeatureFlagOverride', [U1, 'no_such_flag', true], 400, 'FEATURE_FLAG_NOT_FOUND'],
      ['updateUserProperties', [U1, { properties: { no_such_property: 'x' } }], 400, 'PROPERTY_NOT_FOUND'],
      ['updateUserProperty', [U1, 'no_such_property', 'x'], 400, 'PROPERTY_NOT_FOUND'],
      ['addOrganizationUsers', ['org_nope', { users: [U1] }], 400, 'ORGANIZATION_NOT_FOUND'],
      ['getOrganizationUsers', ['org_nope'], 400, 'ORGANIZATION_NOT_FOUND'],
      ['removeOrganizationUsers', ['org_fake', { users: ['kp_fake_0020'] }], 400, 'USER_NOT_IN_ORGANIZATION'],
      ['removeOrganizationUser', ['org_fake', 'kp_fake_0020'], 400, 'USER_NOT_IN_ORGANIZATION'],
    ];
    for (const [method, args, status, code] of cases) {
      for (const name of [method, `${method}WithHttpInfo`]) {
        const err = await rejects(api[name](...args), { kind: 'api', status, code, operation: method }, name);
        ok(err.messages.length === 1 && err.body.includes(code), `${name}: message and raw body`);
      }
    }
    // Every operation with required arguments refuses to run without them.
    const sent = f.requests.length;
    for (const [method, args] of cases) {
      if (method === 'createUser' || method === 'getUsers') continue;
      const err = await rejects(api[method](), { kind: 'validation', operation: method }, `${method}()`);
      ok(typeof err.param === 'string' && err.message.includes('is required'), `${method}(): ${err.message}`);
      void args;
    }
    eq(f.requests.length, sent, 'nothing sent for missing arguments');
  });

  await test('hostile inputs become typed errors and never break the module', async () => {
    const { api, f } = setup();
    const throwing = new Proxy({}, { get() { throw new Error('boom'); }, ownKeys() { throw new Error('boom'); } });
    const weird = [
      () => api.getUsers(throwing),
      () => api.getUserSessions(Symbol('x')),
      () => api.getUserSessions(10n),
      () => api.getUserSessions({ toString: () => 'kp_fake_0001' }),
      () => api.getUsers({ page_size: NaN }),
      () => api.getUsers({ page_size: Infinity }),
      () => api.updateUserProperties(U1, { properties: { a: 1n } }),
      () => api.createUser({ profile: { given_name: () => 'x' } }),
      () => api.getUsers({ active_since: new Date('invalid') }),
      () => api.getUsers({ email: [['nested']] }),
      () => api.getUsers([]),
      () => api.getUsers({}, { headers: { 'x-a': 'line\nbreak' } }),
    ];
    for (const [i, call] of weird.entries()) {
      let err;
      try {
        await call();
      } catch (e) {
        err = e;
      }
      ok(err instanceof IdpUsersError, `case ${i}: rejects with an IdpUsersError (got ${err})`);
      eq(err.kind, 'validation', `case ${i}: kind (${err.message})`);
    }
    eq(f.requests.length, 0, 'nothing sent');
    // Unicode (lone surrogates included) travels intact or replaced, never trapping.
    const created = await api.createUser({ profile: { given_name: 'Zoë \u{1F600}', family_name: 'O\'Brien \ud800' } });
    ok(typeof created.id === 'string', 'created with unicode names');
    const page = await api.getUsers({ page_size: 500 });
    ok(page.users.some((u) => u.first_name === 'Zoë \u{1F600}'), 'emoji round-trips');
    ok((await api.getUsers({ page_size: 1 })).users.length === 1, 'the module still works');
  });

  await test('a freed client, or an object dressed up as one, never reaches wasm', async () => {
    const { raw } = setup({ accessToken: 'tok_free_1' });
    raw.free();
    raw.free(); // a second free does nothing
    const forged = Object.assign(Object.create(KindeUsersApi.prototype), { __wbg_ptr: 8 });
    // Each of these, if it reached wasm, would throw through it and leak its
    // stack; a few thousand would break the instance for every later call.
    for (let i = 0; i < 3000; i++) {
      for (const target of [raw, forged, null, {}]) {
        let err;
        try {
          await KindeUsersApi.prototype.getUserData.call(target, U1);
        } catch (e) {
          err = e;
        }
        ok(err instanceof IdpUsersError && err.kind === 'validation', `rejects with a validation IdpUsersError (got ${err})`);
      }
    }
    const { api } = setup();
    eq((await api.getUserData(U1)).id, U1, 'a new client still works');
  });

  await test('the constructor validates its config synchronously', () => {
    const bad = [
      [{}, 'config.domain'],
      [{ domain: DOMAIN }, 'config'],
      [{ domain: DOMAIN, accessToken: 't', clientId: 'a', clientSecret: 'b' }, 'config'],
      [{ domain: DOMAIN, clientId: 'a' }, 'config.clientSecret'],
      [{ domain: DOMAIN, accessToken: 't', fetch: 'nope' }, 'config.fetch'],
      [{ domain: DOMAIN, client_id: 'a', client_secret: SECRET }, 'config.client_id'],
      [{ domain: 'ftp://x', accessToken: 't' }, 'config.domain'],
      [null, 'config'],
    ];
    for (const [config, param] of bad) {
      let err;
      try {
        new KindeUsersApi(config);
      } catch (e) {
        err = e;
      }
      ok(err instanceof IdpUsersError, `throws an IdpUsersError for ${param}`);
      eq([err.kind, err.param], ['validation', param], 'kind and param');
      ok(!JSON.stringify(err).includes(SECRET) && !err.message.includes(SECRET), 'no secret in the error');
    }
  });

  await test('path segments are percent-encoded: an id cannot change the path', async () => {
    const { api, f } = setup();
    await rejects(api.getUserSessions('kp_x/../../users'), { kind: 'api', status: 404 }, 'slashes stay inside the segment');
    eq(last(f).path, '/api/v1/users/kp_x%2F..%2F..%2Fusers/sessions', 'encoded path');
    await rejects(api.getUserData('a&id=kp_fake_0001'), { kind: 'api', status: 400 }, 'query injection');
    eq(new URL(last(f).url).searchParams.get('id'), 'a&id=kp_fake_0001', 'the whole value is one parameter');
  });

  // ---- server errors --------------------------------------------------------
  await test('API errors: both Kinde error shapes, codes, messages, raw body', async () => {
    const { api } = setup();
    const e404 = await rejects(api.getUserSessions('kp_nope'), { kind: 'api', status: 404, operation: 'getUserSessions' }, '404 object shape');
    ok(e404.codes.length === 1 && e404.code === e404.codes[0], 'one code from the object-shaped errors');
    ok(e404.messages.length === 1, 'one message');
    ok(typeof e404.body === 'string' && e404.body.includes(e404.code), 'raw body kept');
    const e400 = await rejects(api.getUserData('kp_nope'), { kind: 'api', status: 400 }, '400 array shape');
    ok(e400.codes.length >= 1 && typeof e400.messages[0] === 'string', 'codes from the array-shaped errors');
    ok(e400.message.startsWith('getUserData: HTTP 400'), e400.message);
  });

  await test('bodiless 429 and 403, Retry-After, and odd bodies', async () => {
    const f = fake.createFakeProviders();
    const token = f.kinde.issueToken();
    const client = record(new KindeUsersApi({ domain: DOMAIN, accessToken: token, fetch: f.fetch }));
    f.kinde.injectFault({ path: '/api/v1/users', status: 429, headers: { 'retry-after': '3' } });
    // Retries off: this is about how the error reads (retries have their own tests).
    const e429 = await rejects(client.getUsers(undefined, { retries: 0 }), { kind: 'api', status: 429, body: null, retryAfterMs: 3000, code: null, attempts: 1 }, 'bodiless 429');
    eq(e429.codes, [], 'no codes');
    f.kinde.injectFault({ path: `/api/v1/users/${U1}/identities`, status: 403 });
    await rejects(client.getUserIdentities(U1), { kind: 'api', status: 403, body: null }, 'bodiless 403 (access tokens are not retried)');
    f.kinde.injectFault({ path: '/api/v1/users', status: 502, body: '<html>bad gateway</html>', headers: { 'content-type': 'text/html' } });
    await rejects(client.getUsers(undefined, { retries: 0 }), { kind: 'api', status: 502, body: '<html>bad gateway</html>' }, 'non-JSON error body');
    f.kinde.injectFault({ path: '/api/v1/users', status: 200, body: 'not json' });
    await rejects(client.getUsers(), { kind: 'decode', status: 200, body: 'not json' }, '2xx that is not JSON');
    f.kinde.injectFault({ path: '/api/v1/users', status: 400, body: JSON.stringify({ errors: [{ code: 'X', message: `echo ${token}` }] }) });
    const echoed = await rejects(client.getUsers(), { kind: 'api', status: 400 }, 'token echoed by the server');
    ok(!JSON.stringify(echoed).includes(token) && !echoed.message.includes(token), 'the token is redacted');
  });

  // ---- auth -------------------------------------------------------------------
  await test('client credentials: one token, cached, shared by concurrent calls', async () => {
    const { api, f } = setup();
    await Promise.all(Array.from({ length: 10 }, (_, i) => api.getUserData(`kp_fake_000${(i % 9) + 1}`)));
    eq(f.kinde.tokenRequests, 1, 'ten concurrent calls, one token request');
    await api.getUsers();
    await api.getUsers();
    eq(f.kinde.tokenRequests, 1, 'later calls reuse the token');
    const tokenReq = f.requests.find((r) => r.path === '/oauth2/token');
    const form = new URLSearchParams(tokenReq.body);
    eq([form.get('grant_type'), form.get('client_id'), form.get('audience')], ['client_credentials', 'fake-client-id', `${DOMAIN}/api`], 'grant form');
    ok(apiRequests(f).every((r) => r.headers.authorization === apiRequests(f)[0].headers.authorization), 'same bearer token');
  });

  await test('a rejected token is re-minted once', async () => {
    const { api, f } = setup();
    await api.getUsers();
    f.kinde.revokeTokens();
    const page = await api.getUsers();
    eq(page.users.length, 10, 'the call succeeds with a new token');
    eq(f.kinde.tokenRequests, 2, 'one new token');
    f.kinde.injectFault({ path: '/api/v1/users', status: 403, times: 2 });
    await rejects(api.getUsers(), { kind: 'api', status: 403 }, 'rejected twice: the error surfaces');
    eq(f.kinde.tokenRequests, 3, 'and only one re-mint was tried');
  });

  await test('tokens are refreshed shortly before they expire', async () => {
    const { api, f } = setup({}, { tokenTtlSeconds: 1 });
    await api.getUsers();
    await api.getUsers();
    eq(f.kinde.tokenRequests, 1, 'cached while fresh');
    await new Promise((r) => setTimeout(r, 950));
    await api.getUsers();
    eq(f.kinde.tokenRequests, 2, 'refreshed before expiry');
    ok(apiRequests(f).length === 3, 'no request was rejected first');
  });

  await test('a failed token request is a clear auth error without the secret', async () => {
    const f = fake.createFakeProviders();
    const api = record(new KindeUsersApi({ domain: DOMAIN, clientId: 'fake-client-id', clientSecret: 'wrong-secret-123', fetch: f.fetch, ...ALLOW }));
    const err = await rejects(api.getUsers(), { kind: 'auth', status: 401, code: 'invalid_client', operation: 'getUsers' }, 'bad secret');
    ok(err.message.includes('invalid_client'), err.message);
    const text = `${err.message} ${JSON.stringify(err)} ${String(err.stack)}`;
    ok(!text.includes('wrong-secret-123'), 'the secret never appears');
    eq(apiRequests(f).length, 0, 'no API request without a token');
  });

  await test('getToken: called per request, asked to refresh after a rejection', async () => {
    const f = fake.createFakeProviders();
    const calls = [];
    let token = f.kinde.issueToken();
    const api = record(
      new KindeUsersApi({
        domain: DOMAIN,
        fetch: f.fetch,
        getToken: async ({ forceRefresh }) => {
          calls.push(forceRefresh);
          if (forceRefresh) token = f.kinde.issueToken();
          return token;
        },
      }),
    );
    await api.getUsers();
    f.kinde.revokeTokens();
    await api.getUsers();
    eq(calls, [false, false, true], 'forceRefresh after the rejection');
    const broken = record(new KindeUsersApi({ domain: DOMAIN, fetch: f.fetch, getToken: () => { throw new Error('vault down'); } }));
    const err = await rejects(broken.getUsers(), { kind: 'auth' }, 'getToken throws');
    ok(err.message.includes('vault down'), err.message);
    const wrong = record(new KindeUsersApi({ domain: DOMAIN, fetch: f.fetch, getToken: () => 42 }));
    await rejects(wrong.getUsers(), { kind: 'auth' }, 'getToken returns a non-string');
  });

  await test('accessToken mode, domain forms and headers', async () => {
    const f = fake.createFakeProviders();
    const token = f.kinde.issueToken();
    const api = record(
      new KindeUsersApi({ domain: 'fake.kinde.com/', accessToken: token, fetch: f.fetch, headers: { 'X-Client': 'suite', 'X-Both': 'config' } }),
    );
    await api.getUsers({}, { headers: { 'X-Both': 'call', 'X-Call': '1' } });
    const r = last(f);
    eq(r.url.startsWith('https://fake.kinde.com/api/v1/users'), true, 'bare domain gets https://');
    eq(r.headers.authorization, `Bearer ${token}`, 'bearer token');
    eq([r.headers['x-client'], r.headers['x-both'], r.headers['x-call']], ['suite', 'call', '1'], 'config and per-call headers');
    eq(f.kinde.tokenRequests, 0, 'no token request in accessToken mode');
  });

  // ---- transport failures -----------------------------------------------------
  await test('network errors, timeouts and aborts are typed and nothing hangs', async () => {
    const down = record(
      new KindeUsersApi({ domain: DOMAIN, accessToken: 't0k', fetch: () => Promise.reject(new TypeError('connection refused')) }),
    );
    const net = await rejects(down.getUsers(), { kind: 'network', status: null }, 'network failure');
    ok(net.message.includes('connection refused'), net.message);
    // Never answers; honours a signal when the caller passes one.
    const hang = (url, init) =>
      new Promise((_, reject) => {
        if (init.signal) init.signal.addEventListener('abort', () => reject(init.signal.reason));
      });
    const slow = record(new KindeUsersApi({ domain: DOMAIN, accessToken: 't0k', fetch: hang, timeoutMs: 50 }));
    const started = Date.now();
    await rejects(slow.getUsers(), { kind: 'timeout' }, 'client timeout');
    await rejects(slow.getUsers({}, { timeoutMs: 30 }), { kind: 'timeout' }, 'per-call timeout');
    ok(Date.now() - started < 2000, 'timeouts fire promptly');
    const controller = new AbortController();
    const pending = slow.getUsers({}, { signal: controller.signal, timeoutMs: 5000 });
    setTimeout(() => controller.abort(), 10);
    await rejects(pending, { kind: 'aborted' }, 'caller abort');
    await rejects(slow.getUsers({}, { signal: controller.signal }), { kind: 'aborted' }, 'already aborted');
    const junk = record(new KindeUsersApi({ domain: DOMAIN, accessToken: 't0k', fetch: async () => ({ nope: true }) }));
    await rejects(junk.getUsers(), { kind: 'network' }, 'fetch resolving to a non-Response');
    const f = fake.createFakeProviders();
    const sturdy = record(new KindeUsersApi({ domain: DOMAIN, clientId: f.kinde.clientId, clientSecret: f.kinde.clientSecret, fetch: f.fetch, ...ALLOW }));
    eq((await sturdy.getUsers({ page_size: 1 })).users.length, 1, 'the module still works after all these failures');
  });

  await test('errors serialize without secrets and carry every documented field', async () => {
    const { api } = setup();
    const err = await rejects(api.getUserSessions('kp_nope'), { kind: 'api' }, 'an api error');
    const json = JSON.parse(JSON.stringify(err));
    for (const key of ['name', 'message', 'kind', 'provider', 'operation', 'status', 'code', 'codes', 'messages', 'longMessages', 'body', 'param', 'retryAfterMs', 'traceId']) {
      ok(key in json, `toJSON has ${key}`);
    }
    ok(!JSON.stringify(json).includes(SECRET), 'no client secret');
    ok(typeof err.stack === 'string', 'has a stack');
  });

  // ---- over the network ---------------------------------------------------------
  if (serverUrl) {
    await test('against the fake HTTP server with the runtime fetch', async () => {
      const api = record(new KindeUsersApi({ domain: serverUrl, clientId: 'fake-client-id', clientSecret: SECRET, ...ALLOW }));
      const page = await api.getUsers({ page_size: 3 });
      eq(page.users.length, 3, 'listed over HTTP');
      const info = await api.getUserDataWithHttpInfo(U1);
      eq(info.status, 200, 'status over HTTP');
      await rejects(api.getUserSessions('kp_nope'), { kind: 'api', status: 404 }, 'errors over HTTP');
    });
  }

  await clerkTests({ lib, fake, serverUrl, test, ok, eq, rejects, record: (api) => record(api, 'clerk'), allow: ALLOW });
  await productionTests({ lib, fake, runtime, serverUrl, test, ok, eq, rejects, ALLOW });
  await hardeningTests({ lib, fake, runtime, test, ok, eq, rejects, ALLOW });
  await proxyTests({ lib, fake, proxy, test, ok, eq, rejects, allow: ALLOW });
  await fuzzTests({ lib, fake, runtime, test, ALLOW });

  await test('every method of both clients was exercised', () => {
    for (const [cls, prefix, expected] of [[KindeUsersApi, '', 44], [lib.ClerkUsersApi, 'clerk.', 50]]) {
      const methods = Object.getOwnPropertyNames(cls.prototype).filter(
        (k) => typeof cls.prototype[k] === 'function' && !['constructor', 'free', '__call'].includes(k) && !k.startsWith('__'),
      );
      eq(methods.length, expected, `${cls.name}: the operations and their twins are installed`);
      const missed = methods.filter((m) => !operations.has(prefix + m));
      eq(missed, [], `${cls.name}: methods never called by this suite`);
    }
  });

  const passed = results.filter((r) => r.ok).length;
  return { runtime, passed, failed: results.length - passed, operations: [...operations].sort(), results };
}
