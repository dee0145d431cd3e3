#!/usr/bin/env node
// Conformance driver: sends every fake Kinde endpoint (success and documented
// error answers) through a Prism validating proxy started on the official
// spec, and reports any response Prism finds invalid.
//
//   node fake/cli.js --port 8790 &
//   PRISM_FLAGS=--errors ../shared/conformance/prism.sh proxy kinde 4012 http://127.0.0.1:8790 &
//   node fake/fake-conformance/kinde.mjs http://127.0.0.1:4012 http://127.0.0.1:8790
//
// Expects a freshly started fake (default seed of 25 users). Not part of the
// normal test run: it needs Prism and the spec from the shared reference folder.
//
// Prism checks types, nullability and documented statuses, but it lets through
// fields the spec does not define and a body on a response the spec gives no
// content. This driver checks those two itself, reading the spec with the YAML
// parser that Prism's install brings (PRISM_HOME, default
// ~/.cache/idp-users-conformance; spec path in KINDE_SPEC, default
// ../shared/reference/kinde-mgmt-api.yaml next to this checkout).

import process from 'node:process';
import { loadSpec, readAnswer, report } from './spec.mjs';

const [prismUrl, fakeUrl] = process.argv.slice(2);
if (!prismUrl || !fakeUrl) {
  process.stderr.write('usage: node fake/fake-conformance/kinde.mjs PRISM_URL FAKE_URL\n');
  process.exit(2);
}

const { strictProblems } = loadSpec('KINDE_SPEC', 'kinde-mgmt-api.yaml');

const BAD_TOKEN = 'not-a-token-the-fake-issued';
const results = [];

async function mintToken() {
  const response = await fetch(`${fakeUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'fake-client-id',
      client_secret: 'fake-client-secret',
      audience: `${fakeUrl}/api`,
    }),
  });
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

const token = await mintToken();

/**
 * Sends one request through Prism and records whether the answer has the
 * expected status and passed Prism's response validation.
 */
async function check(name, { method = 'GET', path, query, body, auth = 'good', expect }) {
  const url = new URL(path, prismUrl);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  const headers = {};
  if (auth !== 'none') headers.authorization = `Bearer ${auth === 'good' ? token : BAD_TOKEN}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const { text, json, problems } = await readAnswer(response);
  if (response.status === 422 && expect !== 422) problems.push(`request rejected by Prism: ${text}`);
  if (response.status !== expect) problems.push(`status ${response.status}, expected ${expect}: ${text.slice(0, 300)}`);
  if (response.status < 500 && response.status !== 422) problems.push(...strictProblems(method, url.pathname, response.status, json, text));
  results.push({ name, method, path: url.pathname + url.search, status: response.status, ok: problems.length === 0, problems });
  return json;
}

const U = '/api/v1/users';
const user = (id) => `${U}/${id}`;

// --- GET /api/v1/users -----------------------------------------------------
await check('getUsers default page', { path: U, expect: 200 });
await check('getUsers expand all', { path: U, query: { page_size: '5', expand: 'organizations,identities,billing' }, expect: 200 });
{
  const seen = [];
  let next;
  let pages = 0;
  do {
    const page = await check(`getUsers walk page ${pages + 1}`, {
      path: U,
      query: next ? { page_size: '7', next_token: next } : { page_size: '7' },
      expect: 200,
    });
    for (const u of page?.users ?? []) seen.push(u.id);
    next = page?.next_token;
    pages += 1;
  } while (next && pages < 20);
  const unique = new Set(seen);
  results.push({
    name: 'getUsers next_token walk covers all 25 users once',
    method: 'GET',
    path: U,
    status: 200,
    ok: seen.length === 25 && unique.size === 25,
    problems: seen.length === 25 && unique.size === 25 ? [] : [`saw ${seen.length} ids, ${unique.size} unique`],
  });
}
await check('getUsers filters', {
  path: U,
  query: { email: 'ada.anderson@example.com,BEN.BROWN@example.com', has_organization: 'true', active_since: '2026-01-01T00:00:00Z' },
  expect: 200,
});
await check('getUsers filter user_id/username/phone', { path: U, query: { user_id: 'kp_fake_0006', username: 'felix0006', phone: '+61400000006' }, expect: 200 });
await check('getUsers page_size over limit', { path: U, query: { page_size: '501' }, expect: 400 });
await check('getUsers unknown expand', { path: U, query: { expand: 'nonsense' }, expect: 400 });
await check('getUsers bad next_token', { path: U, query: { next_token: 'garbage' }, expect: 400 });
await check('getUsers bad token', { path: U, auth: 'bad', expect: 403 });

// --- /api/v1/user ------------------------------------------------------------
await check('getUserData', { path: '/api/v1/user', query: { id: 'kp_fake_0004', expand: 'organizations,identities,billing' }, expect: 200 });
await check('getUserData no expand', { path: '/api/v1/user', query: { id: 'kp_fake_0010' }, expect: 200 });
await check('getUserData unknown user', { path: '/api/v1/user', query: { id: 'kp_missing' }, expect: 400 });
await check('getUserData bad token', { path: '/api/v1/user', query: { id: 'kp_fake_0001' }, auth: 'bad', expect: 403 });

const created = await check('createUser', {
  method: 'POST',
  path: '/api/v1/user',
  body: {
    profile: { given_name: 'Conformance', family_name: 'Check' },
    organization_code: 'org_fake',
    provided_id: 'ext_conformance',
    identities: [
      { type: 'email', is_verified: true, details: { email: 'conformance.check@example.com' } },
      { type: 'username', details: { username: 'conformance' } },
    ],
  },
  expect: 200,
});
const newId = created?.id ?? 'kp_fake_0026';
await check('createUser duplicate email', {
  method: 'POST',
  path: '/api/v1/user',
  body: { identities: [{ type: 'email', details: { email: 'ada.anderson@example.com' } }] },
  expect: 400,
});
await check('createUser bad token', { method: 'POST', path: '/api/v1/user', body: {}, auth: 'bad', expect: 403 });

await check('updateUser', { method: 'PATCH', path: '/api/v1/user', query: { id: newId }, body: { given_name: 'Conf', is_suspended: true }, expect: 200 });
await check('updateUser no fields', { method: 'PATCH', path: '/api/v1/user', query: { id: newId }, body: {}, expect: 400 });
await check('updateUser unknown user', { method: 'PATCH', path: '/api/v1/user', query: { id: 'kp_missing' }, body: { given_name: 'X' }, expect: 400 });
await check('updateUser bad token', { method: 'PATCH', path: '/api/v1/user', query: { id: newId }, body: { given_name: 'X' }, auth: 'bad', expect: 403 });

// --- identities ----------------------------------------------------------------
await check('GetUserIdentities', { path: `${user('kp_fake_0012')}/identities`, expect: 200 });
await check('GetUserIdentities starting_after', {
  path: `${user('kp_fake_0012')}/identities`,
  query: { starting_after: 'identity_fake_0012_01' },
  expect: 200,
});
await check('GetUserIdentities unknown user', { path: `${user('kp_missing')}/identities`, expect: 400 });
await check('GetUserIdentities bad token', { path: `${user('kp_fake_0001')}/identities`, auth: 'bad', expect: 403 });
await check('CreateUserIdentity email', {
  method: 'POST',
  path: `${user(newId)}/identities`,
  body: { type: 'email', value: 'conformance.second@example.com' },
  expect: 201,
});
await check('CreateUserIdentity social', {
  method: 'POST',
  path: `${user(newId)}/identities`,
  body: { type: 'social', value: 'conformance.check@example.com', connection_id: 'conn_fake_google' },
  expect: 201,
});
await check('CreateUserIdentity invalid email', {
  method: 'POST',
  path: `${user(newId)}/identities`,
  body: { type: 'email', value: 'not-an-email' },
  expect: 400,
});
await check('CreateUserIdentity bad token', {
  method: 'POST',
  path: `${user(newId)}/identities`,
  body: { type: 'email', value: 'x@example.com' },
  auth: 'bad',
  expect: 403,
});

// --- properties ------------------------------------------------------------------
await check('GetUserPropertyValues', { path: `${user('kp_fake_0002')}/properties`, expect: 200 });
await check('GetUserPropertyValues unknown user', { path: `${user('kp_missing')}/properties`, expect: 400 });
await check('GetUserPropertyValues bad token', { path: `${user('kp_fake_0002')}/properties`, auth: 'bad', expect: 403 });
await check('UpdateUserProperties', {
  method: 'PATCH',
  path: `${user(newId)}/properties`,
  body: { properties: { fake_property: 'patched' } },
  expect: 200,
});
await check('UpdateUserProperties unknown property', {
  method: 'PATCH',
  path: `${user(newId)}/properties`,
  body: { properties: { no_such_property: 'x' } },
  expect: 400,
});
await check('UpdateUserProperties bad token', {
  method: 'PATCH',
  path: `${user(newId)}/properties`,
  body: { properties: { fake_property: 'x' } },
  auth: 'bad',
  expect: 403,
});
await check('UpdateUserProperty', { method: 'PUT', path: `${user(newId)}/properties/fake_property`, query: { value: 'put' }, expect: 200 });
await check('UpdateUserProperty unknown key', { method: 'PUT', path: `${user(newId)}/properties/nope`, query: { value: 'x' }, expect: 400 });
await check('UpdateUserProperty bad token', {
  method: 'PUT',
  path: `${user(newId)}/properties/fake_property`,
  query: { value: 'x' },
  auth: 'bad',
  expect: 403,
});

// --- sessions ----------------------------------------------------------------------
await check('GetUserSessions', { path: `${user('kp_fake_0003')}/sessions`, expect: 200 });
await check('GetUserSessions none', { path: `${user('kp_fake_0002')}/sessions`, expect: 200 });
await check('GetUserSessions unknown user', { path: `${user('kp_missing')}/sessions`, expect: 404 });
await check('GetUserSessions bad token', { path: `${user('kp_fake_0003')}/sessions`, auth: 'bad', expect: 403 });
await check('DeleteUserSessions', { method: 'DELETE', path: `${user('kp_fake_0003')}/sessions`, expect: 200 });
await check('DeleteUserSessions unknown user', { method: 'DELETE', path: `${user('kp_missing')}/sessions`, expect: 404 });
await check('DeleteUserSessions bad token', { method: 'DELETE', path: `${user('kp_fake_0003')}/sessions`, auth: 'bad', expect: 403 });

// --- MFA ---------------------------------------------------------------------------
await check('GetUsersMFA', { path: `${user('kp_fake_0001')}/mfa`, expect: 200 });
await check('GetUsersMFA never signed in', { path: `${user('kp_fake_0010')}/mfa`, expect: 200 });
await check('GetUsersMFA none', { path: `${user('kp_fake_0002')}/mfa`, expect: 200 });
await check('GetUsersMFA unknown user', { path: `${user('kp_missing')}/mfa`, expect: 404 });
await check('GetUsersMFA bad token', { path: `${user('kp_fake_0001')}/mfa`, auth: 'bad', expect: 403 });
await check('ResetUsersMFA', { method: 'DELETE', path: `${user('kp_fake_0004')}/mfa/mfa_fake_0004`, expect: 200 });
await check('ResetUsersMFA unknown factor', { method: 'DELETE', path: `${user('kp_fake_0004')}/mfa/mfa_missing`, expect: 404 });
await check('ResetUsersMFA unknown user', { method: 'DELETE', path: `${user('kp_missing')}/mfa/mfa_fake_0004`, expect: 404 });
await check('ResetUsersMFA bad token', { method: 'DELETE', path: `${user('kp_fake_0007')}/mfa/mfa_fake_0007`, auth: 'bad', expect: 403 });
await check('ResetUsersMFAAll', { method: 'DELETE', path: `${user('kp_fake_0007')}/mfa`, expect: 200 });
await check('ResetUsersMFAAll unknown user', { method: 'DELETE', path: `${user('kp_missing')}/mfa`, expect: 404 });
await check('ResetUsersMFAAll bad token', { method: 'DELETE', path: `${user('kp_fake_0007')}/mfa`, auth: 'bad', expect: 403 });

// --- refresh claims, password, feature flag ----------------------------------------------
await check('refreshUserClaims', { method: 'POST', path: `${user('kp_fake_0001')}/refresh_claims`, expect: 200 });
await check('refreshUserClaims unknown user', { method: 'POST', path: `${user('kp_missing')}/refresh_claims`, expect: 400 });
await check('refreshUserClaims bad token', { method: 'POST', path: `${user('kp_fake_0001')}/refresh_claims`, auth: 'bad', expect: 403 });
await check('SetUserPassword', {
  method: 'PUT',
  path: `${user(newId)}/password`,
  body: { hashed_password: '$2a$12$abcdefghijklmnopqrstuv', hashing_method: 'bcrypt', is_temporary_password: true },
  expect: 200,
});
await check('SetUserPassword pbkdf2 without salt', {
  method: 'PUT',
  path: `${user(newId)}/password`,
  body: { hashed_password: 'abc', hashing_method: 'pbkdf2' },
  expect: 400,
});
await check('SetUserPassword bad token', {
  method: 'PUT',
  path: `${user(newId)}/password`,
  body: { hashed_password: 'abc' },
  auth: 'bad',
  expect: 403,
});
await check('UpdateUserFeatureFlagOverride', {
  method: 'PATCH',
  path: `${user('kp_fake_0001')}/feature_flags/fake_flag`,
  query: { value: 'true' },
  expect: 200,
});
await check('UpdateUserFeatureFlagOverride invalid value', {
  method: 'PATCH',
  path: `${user('kp_fake_0001')}/feature_flags/fake_flag`,
  query: { value: 'maybe' },
  expect: 400,
});
await check('UpdateUserFeatureFlagOverride bad token', {
  method: 'PATCH',
  path: `${user('kp_fake_0001')}/feature_flags/fake_flag`,
  query: { value: 'true' },
  auth: 'bad',
  expect: 403,
});

// --- organization users --------------------------------------------------------------------
const O = '/api/v1/organizations/org_fake/users';
{
  let next;
  let pages = 0;
  let count = 0;
  do {
    const page = await check(`GetOrganizationUsers walk page ${pages + 1}`, {
      path: O,
      query: next ? { page_size: '4', sort: 'email_desc', next_token: next } : { page_size: '4', sort: 'email_desc' },
      expect: 200,
    });
    count += page?.organization_users?.length ?? 0;
    next = page?.next_token;
    pages += 1;
  } while (next && pages < 10);
  results.push({
    name: 'GetOrganizationUsers walk covers all 11 members',
    method: 'GET',
    path: O,
    status: 200,
    ok: count === 11,
    problems: count === 11 ? [] : [`saw ${count} members`],
  });
}
await check('GetOrganizationUsers roles/permissions filter', { path: O, query: { roles: 'admin', permissions: 'manage:members' }, expect: 200 });
await check('GetOrganizationUsers unknown org', { path: '/api/v1/organizations/org_missing/users', expect: 400 });
await check('GetOrganizationUsers bad token', { path: O, auth: 'bad', expect: 403 });
await check('AddOrganizationUsers', {
  method: 'POST',
  path: O,
  body: { users: [{ id: 'kp_fake_0011', roles: ['member'], permissions: ['manage:billing'] }] },
  expect: 200,
});
await check('AddOrganizationUsers unknown role', { method: 'POST', path: O, body: { users: [{ id: 'kp_fake_0012', roles: ['owner'] }] }, expect: 400 });
await check('AddOrganizationUsers bad token', { method: 'POST', path: O, body: { users: [{ id: 'kp_fake_0012' }] }, auth: 'bad', expect: 403 });
await check('UpdateOrganizationUsers', {
  method: 'PATCH',
  path: O,
  body: {
    users: [
      { id: 'kp_fake_0002', roles: ['admin'] },
      { id: 'kp_fake_0011', operation: 'delete' },
      { id: 'kp_fake_0013', roles: ['member'] },
    ],
  },
  expect: 200,
});
await check('UpdateOrganizationUsers invalid operation', { method: 'PATCH', path: O, body: { users: [{ id: 'kp_fake_0002', operation: 'archive' }] }, expect: 400 });
await check('UpdateOrganizationUsers bad token', { method: 'PATCH', path: O, body: { users: [] }, auth: 'bad', expect: 403 });
await check('RemoveOrganizationUser', { method: 'DELETE', path: `${O}/kp_fake_0013`, expect: 200 });
await check('RemoveOrganizationUser not a member', { method: 'DELETE', path: `${O}/kp_fake_0020`, expect: 400 });
await check('RemoveOrganizationUser bad token', { method: 'DELETE', path: `${O}/kp_fake_0003`, auth: 'bad', expect: 403 });

// --- a user with nothing but an id: every optional field absent or null ------------------------
const blank = await check('createUser with an empty body', { method: 'POST', path: '/api/v1/user', body: {}, expect: 200 });
const blankId = blank?.id ?? 'kp_fake_0027';
await check('getUserData of a blank user', { path: '/api/v1/user', query: { id: blankId, expand: 'organizations,identities,billing' }, expect: 200 });
await check('getUsers of a blank user', { path: U, query: { user_id: blankId, expand: 'organizations,identities,billing' }, expect: 200 });
await check('updateUser of a blank user', { method: 'PATCH', path: '/api/v1/user', query: { id: blankId }, body: { is_suspended: false }, expect: 200 });
await check('updateUser with a picture', { method: 'PATCH', path: '/api/v1/user', query: { id: blankId }, body: { picture: 'https://example.com/p.png' }, expect: 200 });
await check('GetUserIdentities of a blank user', { path: `${user(blankId)}/identities`, expect: 200 });
await check('GetUserPropertyValues of a blank user', { path: `${user(blankId)}/properties`, expect: 200 });
await check('AddOrganizationUsers blank user', { method: 'POST', path: O, body: { users: [{ id: blankId }] }, expect: 200 });
await check('GetOrganizationUsers with a blank member', { path: O, query: { sort: 'name_asc', page_size: '50' }, expect: 200 });
await check('getUsers with no match', { path: U, query: { email: 'nobody@example.com' }, expect: 200 });
await check('deleteUser blank user', { method: 'DELETE', path: '/api/v1/user', query: { id: blankId }, expect: 200 });

// --- delete user (last: it removes the user the checks above created) ---------------------------
await check('deleteUser', { method: 'DELETE', path: '/api/v1/user', query: { id: newId, is_delete_profile: 'true' }, expect: 200 });
await check('deleteUser unknown user', { method: 'DELETE', path: '/api/v1/user', query: { id: newId }, expect: 400 });
await check('deleteUser bad token', { method: 'DELETE', path: '/api/v1/user', query: { id: 'kp_fake_0001' }, auth: 'bad', expect: 403 });

// --- requests Prism itself rejects (422, never forwarded): the fake's 400s for these are
// covered by tests/fake instead.
await check('Prism rejects getUserData without id', { path: '/api/v1/user', expect: 422 });
await check('Prism rejects page_size that is not an integer', { path: U, query: { page_size: 'ten' }, expect: 422 });
await check('Prism rejects sort outside the enum', { path: O, query: { sort: 'id_asc' }, expect: 422 });
await check('Prism rejects SetUserPassword without hashed_password', {
  method: 'PUT',
  path: `${user('kp_fake_0001')}/password`,
  body: {},
  expect: 422,
});
await check('Prism rejects a request without a bearer token', { path: U, auth: 'none', expect: 401 });

// --- summary -----------------------------------------------------------------------------------
process.exitCode = report(results) ? 0 : 1;
