#!/usr/bin/env node
// Conformance driver: sends every fake Clerk Users endpoint (success and
// documented error answers) through a Prism validating proxy started on the
// official Clerk Backend API spec (2026-05-12), and reports any response
// Prism finds invalid.
//
//   node fake/cli.js --port 8790 &
//   PRISM_FLAGS=--errors ../shared/conformance/prism.sh proxy clerk 4013 http://127.0.0.1:8790/v1 &
//   node fake/fake-conformance/clerk.mjs http://127.0.0.1:4013
//
// Prism serves the spec's paths without /v1 and forwards to the fake's /v1.
// Expects a freshly started fake (default seed of 25 users). Not part of the
// normal test run: it needs Prism and the spec from the shared reference folder.
//
// Prism checks types, nullability, required fields and documented statuses.
// This driver also checks what Prism lets through: fields the spec does not
// define (at any depth, following oneOf/allOf), and a body on a response the
// spec documents without content. It reads the spec with the YAML parser that
// Prism's install brings (PRISM_HOME, default ~/.cache/idp-users-conformance;
// spec path in CLERK_SPEC, default ../shared/reference/clerk-bapi-2026-05-12.yml
// next to this checkout).

import process from 'node:process';
import { loadSpec, readAnswer, report } from './spec.mjs';

const [prismUrl] = process.argv.slice(2);
if (!prismUrl) {
  process.stderr.write('usage: node fake/fake-conformance/clerk.mjs PRISM_URL\n');
  process.exit(2);
}

const { strictProblems } = loadSpec('CLERK_SPEC', 'clerk-bapi-2026-05-12.yml');

const SECRET_KEY = 'sk_test_fake';
const results = [];

/**
 * Sends one request through Prism and records whether the answer has the
 * expected status and passed Prism's response validation.
 */
async function check(name, { method = 'GET', path, query, body, form, auth = 'good', expect }) {
  const url = new URL(path, prismUrl);
  for (const [k, v] of Object.entries(query ?? {})) for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, item);
  const headers = { 'clerk-api-version': '2026-05-12' };
  if (auth !== 'none') headers.authorization = `Bearer ${auth === 'good' ? SECRET_KEY : 'sk_test_wrong'}`;
  let payload = form;
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(url, { method, headers, body: payload });
  const { text, json, problems } = await readAnswer(response);
  if (response.status !== expect) problems.push(`status ${response.status}, expected ${expect}: ${text.slice(0, 300)}`);
  if (response.status < 500 && !json?.type?.includes('stoplight')) problems.push(...strictProblems(method, url.pathname, response.status, json, text));
  results.push({ name, method, path: url.pathname + url.search, status: response.status, ok: problems.length === 0, problems });
  return json;
}

/** Records a check computed by the driver itself (e.g. a page walk). */
function assertion(name, ok, problem) {
  results.push({ name, method: '', path: '', status: '', ok, problems: ok ? [] : [problem] });
}

const user = (id) => `/users/${id}`;

function imageForm(bytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 255])) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'image/png' }), 'avatar.png');
  return form;
}

// --- GET /users, /users/count ------------------------------------------------
await check('GetUserList default', { path: '/users', expect: 200 });
await check('GetUserList every filter', {
  path: '/users',
  query: {
    email_address: ['ada.anderson@example.com', 'ben.brown@example.com'],
    phone_number: '+15550000003',
    external_id: ['+ext_0001', '-ext_0003'],
    username: 'ben0002',
    web3_wallet: '0xfa4e000000000000000000000000000000000005',
    user_id: ['user_fake_0001', 'user_fake_0002', '-user_fake_0009'],
    organization_id: ['+org_fake'],
    query: '',
    email_address_query: 'example',
    phone_number_query: '',
    username_query: '',
    name_query: '',
    banned: 'false',
    last_active_at_after: '0',
    created_at_after: '0',
    created_at_before: String(Date.UTC(2030, 0, 1)),
    last_sign_in_at_after: '0',
    limit: '500',
    offset: '0',
    order_by: '-created_at',
  },
  expect: 200,
});
await check('GetUserList provider filter + order_by username', {
  path: '/users',
  query: { provider: 'oauth_google', provider_user_id: ['google_0004', 'google_0008'], order_by: '+username' },
  expect: 200,
});
await check('GetUserList last_active_at_before, last_sign_in_at_before', {
  path: '/users',
  query: { last_active_at_before: String(Date.UTC(2030, 0, 1)), last_sign_in_at_before: String(Date.UTC(2030, 0, 1)) },
  expect: 200,
});
{
  const seen = [];
  let after;
  for (let page = 1; page <= 10; page += 1) {
    const query = { limit: '7' };
    if (after) query.starting_after = after;
    const answer = await check(`GetUserList starting_after walk page ${page}`, { path: '/users', query, expect: 200 });
    const users = Array.isArray(answer) ? answer : [];
    seen.push(...users.map((u) => u.id));
    if (users.length < 7) break;
    after = users.at(-1).id;
  }
  assertion('GetUserList cursor walk covers all 25 users once', seen.length === 25 && new Set(seen).size === 25, `saw ${seen.length} ids`);
}
await check('GetUserList starting_after with order_by=username', { path: '/users', query: { starting_after: 'user_fake_0005', order_by: 'username' }, expect: 422 });
await check('GetUserList order_by unknown field', { path: '/users', query: { order_by: 'password' }, expect: 422 });
await check('GetUserList wrong secret key', { path: '/users', auth: 'bad', expect: 401 });
await check('GetUsersCount', { path: '/users/count', query: { banned: 'true' }, expect: 200 });
await check('GetUsersCount every filter', {
  path: '/users/count',
  query: { email_address_query: 'a', organization_id: '-org_fake_2', query: 'user', last_active_at_after: '0', web3_wallet: '0xfa4e000000000000000000000000000000000005' },
  expect: 200,
});
await check('GetUsersCount provider without provider_user_id', { path: '/users/count', query: { provider: 'oauth_google' }, expect: 422 });

// --- GET /users/{id} -----------------------------------------------------------
for (const [i, what] of [[1, 'password, org admin'], [2, 'TOTP + backup codes'], [3, 'phone, passkey'], [4, 'external account'], [5, 'web3 wallet, image'], [6, 'banned'], [7, 'locked'], [10, 'never signed in']]) {
  await check(`GetUser ${what}`, { path: user(`user_fake_${String(i).padStart(4, '0')}`), expect: 200 });
}
await check('GetUser unknown user', { path: user('user_nobody'), expect: 404 });
await check('GetUser wrong secret key', { path: user('user_fake_0001'), auth: 'bad', expect: 401 });

// --- POST /users ------------------------------------------------------------------
const created = await check('CreateUser every field', {
  method: 'POST',
  path: '/users',
  body: {
    external_id: 'ext_conformance',
    first_name: 'Con',
    last_name: 'Formance',
    locale: 'en-GB',
    email_address: ['conformance@example.com', 'reserved@example.com'],
    email_address_identification_status: ['verified', 'reserved'],
    phone_number: ['+15557770001'],
    phone_number_identification_status: ['reserved'],
    web3_wallet: ['0x1111111111111111111111111111111111111111'],
    username: 'conformance',
    password: 'conformance-password',
    skip_password_checks: false,
    totp_secret: 'JBSWY3DPEHPK3PXP',
    backup_codes: ['aaaa1111', 'bbbb2222'],
    public_metadata: { a: 1 },
    private_metadata: { b: 2 },
    unsafe_metadata: { c: 3 },
    delete_self_enabled: true,
    legal_accepted_at: '2026-02-01T00:00:00Z',
    skip_legal_checks: true,
    create_organization_enabled: true,
    create_organizations_limit: 2,
    created_at: '2026-03-01T00:00:00Z',
    bypass_client_trust: false,
    banned: false,
    locked: false,
  },
  expect: 200,
});
const newId = created?.id ?? 'user_fake_0026';
const blank = await check('CreateUser with skip_user_requirement only', { method: 'POST', path: '/users', body: { skip_user_requirement: true }, expect: 200 });
const blankId = blank?.id ?? 'user_fake_0027';
await check('CreateUser password digest', {
  method: 'POST',
  path: '/users',
  body: { username: 'digest_user', password_digest: '0b14d501a594442a01c6859541bcb3e8164d183d32937b851835442f69d5c94e', password_hasher: 'sha256' },
  expect: 200,
});
await check('CreateUser duplicate email', { method: 'POST', path: '/users', body: { email_address: ['ada.anderson@example.com'] }, expect: 422 });
await check('CreateUser password too short', { method: 'POST', path: '/users', body: { username: 'shortpw', password: 'short' }, expect: 422 });
await check('CreateUser wrong secret key', { method: 'POST', path: '/users', body: { username: 'nobody_x' }, auth: 'bad', expect: 401 });

// --- PATCH /users/{id}, metadata -------------------------------------------------------
await check('UpdateUser', {
  method: 'PATCH',
  path: user(newId),
  body: {
    first_name: 'Conf',
    last_name: null,
    username: 'conformance_2',
    external_id: 'ext_conformance_2',
    locale: 'fr-FR',
    password: 'another-password',
    sign_out_of_other_sessions: true,
    skip_password_checks: false,
    primary_email_address_id: created?.email_addresses?.[0]?.id ?? 'x',
    notify_primary_email_address_changed: false,
    primary_web3_wallet_id: created?.web3_wallets?.[0]?.id ?? 'x',
    totp_secret: 'JBSWY3DPEHPK3PXP',
    backup_codes: ['cccc3333'],
    delete_self_enabled: false,
    create_organization_enabled: false,
    legal_accepted_at: '2026-02-02T00:00:00Z',
    skip_legal_checks: true,
    create_organizations_limit: 0,
    created_at: '2026-03-02T00:00:00Z',
    bypass_client_trust: true,
    profile_image_id: 'img_conformance',
  },
  expect: 200,
});
await check('UpdateUser blank user', { method: 'PATCH', path: user(blankId), body: {}, expect: 200 });
await check('UpdateUser username taken', { method: 'PATCH', path: user(newId), body: { username: 'ben0002' }, expect: 422 });
await check('UpdateUser primary email of another user', { method: 'PATCH', path: user(newId), body: { primary_email_address_id: 'idn_fake_email_0001_1' }, expect: 422 });
await check('UpdateUser unknown user', { method: 'PATCH', path: user('user_nobody'), body: { first_name: 'X' }, expect: 404 });
await check('UpdateUser wrong secret key', { method: 'PATCH', path: user(newId), body: { first_name: 'X' }, auth: 'bad', expect: 401 });
await check('UpdateUserMetadata merge with null', {
  method: 'PATCH',
  path: `${user(newId)}/metadata`,
  body: { public_metadata: { a: null, nested: { x: 1 } }, private_metadata: { b: null }, unsafe_metadata: { c: { d: 4 } } },
  expect: 200,
});
await check('UpdateUserMetadata no body', { method: 'PATCH', path: `${user(newId)}/metadata`, expect: 200 });
await check('UpdateUserMetadata unknown user', { method: 'PATCH', path: `${user('user_nobody')}/metadata`, body: {}, expect: 404 });
await check('UpdateUserMetadata wrong secret key', { method: 'PATCH', path: `${user(newId)}/metadata`, body: {}, auth: 'bad', expect: 401 });

// --- ban / unban / lock / unlock (only 200 and 402/403 are documented) ------------------
await check('BanUser', { method: 'POST', path: `${user('user_fake_0001')}/ban`, expect: 200 });
await check('UnbanUser', { method: 'POST', path: `${user('user_fake_0001')}/unban`, expect: 200 });
await check('LockUser', { method: 'POST', path: `${user('user_fake_0001')}/lock`, expect: 200 });
await check('UnlockUser', { method: 'POST', path: `${user('user_fake_0001')}/unlock`, expect: 200 });

// --- profile image --------------------------------------------------------------------------
await check('SetUserProfileImage', { method: 'POST', path: `${user('user_fake_0001')}/profile_image`, form: imageForm(), expect: 200 });
{
  const noFile = new FormData();
  noFile.append('other', 'x');
  await check('SetUserProfileImage without a file part', { method: 'POST', path: `${user('user_fake_0001')}/profile_image`, form: noFile, expect: 400 });
}
await check('SetUserProfileImage unknown user', { method: 'POST', path: `${user('user_nobody')}/profile_image`, form: imageForm(), expect: 404 });
await check('SetUserProfileImage wrong secret key', { method: 'POST', path: `${user('user_fake_0001')}/profile_image`, form: imageForm(), auth: 'bad', expect: 401 });
await check('DeleteUserProfileImage', { method: 'DELETE', path: `${user('user_fake_0001')}/profile_image`, expect: 200 });
await check('DeleteUserProfileImage unknown user', { method: 'DELETE', path: `${user('user_nobody')}/profile_image`, expect: 404 });

// --- OAuth tokens, external accounts, passkeys, wallets ------------------------------------------
await check('GetOAuthAccessToken', { path: `${user('user_fake_0004')}/oauth_access_tokens/oauth_google`, expect: 200 });
await check('GetOAuthAccessToken paginated', { path: `${user('user_fake_0004')}/oauth_access_tokens/oauth_google`, query: { paginated: 'true', limit: '1', offset: '0' }, expect: 200 });
await check('GetOAuthAccessToken none', { path: `${user('user_fake_0001')}/oauth_access_tokens/oauth_github`, expect: 200 });
await check('GetOAuthAccessToken invalid provider', { path: `${user('user_fake_0004')}/oauth_access_tokens/google`, expect: 422 });
await check('GetOAuthAccessToken unknown user', { path: `${user('user_nobody')}/oauth_access_tokens/oauth_google`, expect: 404 });
await check('DeleteExternalAccount', { method: 'DELETE', path: `${user('user_fake_0004')}/external_accounts/eac_fake_0004_1`, expect: 200 });
await check('DeleteExternalAccount unknown account', { method: 'DELETE', path: `${user('user_fake_0004')}/external_accounts/eac_fake_0004_1`, expect: 404 });
await check('UserPasskeyDelete', { method: 'DELETE', path: `${user('user_fake_0003')}/passkeys/idn_fake_passkey_0003_1`, expect: 200 });
await check('UserPasskeyDelete unknown passkey', { method: 'DELETE', path: `${user('user_fake_0003')}/passkeys/idn_fake_passkey_0003_1`, expect: 404 });
await check('UserWeb3WalletDelete', { method: 'DELETE', path: `${user('user_fake_0005')}/web3_wallets/idn_fake_web3_0005_1`, expect: 200 });
await check('UserWeb3WalletDelete unknown wallet', { method: 'DELETE', path: `${user('user_fake_0005')}/web3_wallets/idn_fake_web3_0005_1`, expect: 404 });

// --- memberships and invitations ---------------------------------------------------------------
await check('UsersGetOrganizationMemberships', { path: `${user('user_fake_0001')}/organization_memberships`, expect: 200 });
await check('UsersGetOrganizationMemberships limit/offset', { path: `${user('user_fake_0001')}/organization_memberships`, query: { limit: '1', offset: '1' }, expect: 200 });
await check('UsersGetOrganizationMemberships none', { path: `${user('user_fake_0020')}/organization_memberships`, expect: 200 });
await check('UsersGetOrganizationInvitations', { path: `${user('user_fake_0006')}/organization_invitations`, expect: 200 });
await check('UsersGetOrganizationInvitations status/limit/offset', {
  path: `${user('user_fake_0006')}/organization_invitations`,
  query: { status: 'pending', limit: '1', offset: '1' },
  expect: 200,
});
await check('UsersGetOrganizationInvitations unknown user', { path: `${user('user_nobody')}/organization_invitations`, expect: 404 });

// --- passwords and second factors ------------------------------------------------------------------
await check('VerifyPassword', { method: 'POST', path: `${user('user_fake_0006')}/verify_password`, body: { password: 'fake-password-0006' }, expect: 200 });
await check('VerifyPassword incorrect (no body)', { method: 'POST', path: `${user('user_fake_0006')}/verify_password`, body: { password: 'wrong' }, expect: 422 });
await check('VerifyPassword no password set (no body)', { method: 'POST', path: `${user('user_fake_0002')}/verify_password`, body: { password: 'x' }, expect: 400 });
await check('VerifyPassword unknown user (no body)', { method: 'POST', path: `${user('user_nobody')}/verify_password`, body: { password: 'x' }, expect: 404 });
await check('VerifyTOTP backup code', { method: 'POST', path: `${user('user_fake_0002')}/verify_totp`, body: { code: 'bc0002x1' }, expect: 200 });
await check('VerifyTOTP incorrect (no body)', { method: 'POST', path: `${user('user_fake_0002')}/verify_totp`, body: { code: 'bc0002x1' }, expect: 422 });
await check('VerifyTOTP no TOTP (no body)', { method: 'POST', path: `${user('user_fake_0001')}/verify_totp`, body: { code: '123456' }, expect: 400 });
await check('VerifyTOTP unknown user (no body)', { method: 'POST', path: `${user('user_nobody')}/verify_totp`, body: { code: '123456' }, expect: 404 });
await check('DeleteTOTP', { method: 'DELETE', path: `${user('user_fake_0002')}/totp`, expect: 200 });
await check('DeleteTOTP unknown user', { method: 'DELETE', path: `${user('user_nobody')}/totp`, expect: 404 });
await check('DeleteBackupCode', { method: 'DELETE', path: `${user('user_fake_0002')}/backup_code`, expect: 200 });
await check('DeleteBackupCode unknown user', { method: 'DELETE', path: `${user('user_nobody')}/backup_code`, expect: 404 });
await check('DisableMFA', { method: 'DELETE', path: `${user('user_fake_0009')}/mfa`, expect: 200 });
await check('DisableMFA unknown user', { method: 'DELETE', path: `${user('user_nobody')}/mfa`, expect: 404 });
await check('GetUser after MFA changes (mfa_disabled_at set)', { path: user('user_fake_0002'), expect: 200 });

// --- delete (last: removes the users created above) -----------------------------------------------
await check('DeleteUser', { method: 'DELETE', path: user(newId), expect: 200 });
await check('DeleteUser blank user', { method: 'DELETE', path: user(blankId), expect: 200 });
await check('DeleteUser unknown user', { method: 'DELETE', path: user(newId), expect: 404 });
await check('DeleteUser wrong secret key', { method: 'DELETE', path: user('user_fake_0001'), auth: 'bad', expect: 401 });

// --- requests Prism itself rejects (never forwarded); the fake's own answers are in tests/fake ---
await check('Prism rejects an unknown body field (additionalProperties: false)', { method: 'POST', path: '/users', body: { username: 'x_y_z_w', nickname: 'x' }, expect: 422 });
await check('Prism rejects limit 501', { path: '/users', query: { limit: '501' }, expect: 422 });
await check('Prism rejects a non-integer limit', { path: '/users', query: { limit: '8.14' }, expect: 422 });
await check('Prism rejects offset -1', { path: `${user('user_fake_0001')}/organization_memberships`, query: { offset: '-1' }, expect: 422 });
await check('Prism rejects status outside the enum', { path: `${user('user_fake_0006')}/organization_invitations`, query: { status: 'open' }, expect: 422 });
await check('Prism rejects banned=yes', { path: '/users/count', query: { banned: 'yes' }, expect: 422 });
await check('Prism rejects verify_totp without code', { method: 'POST', path: `${user('user_fake_0002')}/verify_totp`, body: {}, expect: 422 });
await check('Prism rejects the deprecated last_active_at_since (--errors)', { path: '/users', query: { last_active_at_since: '0' }, expect: 422 });
await check('Prism rejects a request without a secret key', { path: '/users', auth: 'none', expect: 401 });
await check('Prism has no POST /users/{id}/totp (removed 2025-01-31)', { method: 'POST', path: `${user('user_fake_0001')}/totp`, expect: 405 });

// --- summary -----------------------------------------------------------------------------------
process.exitCode = report(results) ? 0 : 1;
