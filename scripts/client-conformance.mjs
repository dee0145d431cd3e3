#!/usr/bin/env node
// Conformance of the *client*: every KindeUsersApi and ClerkUsersApi
// operation is sent through a Prism validating proxy (official spec,
// `--errors`) in front of the fake server. Prism answers 422 to any request that breaks the spec (query
// types, enums, required fields, body schema) and 500 to any response that
// does, so one pass checks what the client sends and what the fake answers.
//
//   npm run build && npm run conformance:client
//
// Needs the shared reference folder next to this checkout (../shared, with
// conformance/prism.sh), so it is not part of `npm test`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClerkUsersApi, KindeUsersApi } from '../dist/node.mjs';
import { startFakeServer } from '../dist/fake/server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const prismSh = join(root, '..', 'shared', 'conformance', 'prism.sh');
if (!existsSync(prismSh)) {
  console.error(`conformance: ${prismSh} not found (the shared reference folder is needed)`);
  process.exit(2);
}

const server = await startFakeServer({ port: 0 });
const prismLogs = [];

/** A Prism proxy on `spec` in front of `upstream`; resolves once it answers. */
async function startPrism(spec, upstream, probePath) {
  const port = 4100 + Math.floor(Math.random() * 800);
  const child = spawn(prismSh, ['proxy', spec, String(port), upstream], {
    env: { ...process.env, PRISM_FLAGS: '--errors' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  prismLogs.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(`${url}${probePath}`);
      return url;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`Prism (${spec}) did not start:\n${log}`);
}

const results = [];
async function check(name, call, expectStatus = 200) {
  try {
    const info = await call();
    const pass = info.status === expectStatus;
    results.push({ name, pass, detail: `HTTP ${info.status}` });
    return info;
  } catch (e) {
    // A documented error status is conformant too, when it is the one expected.
    const pass = e.status === expectStatus;
    const why = e.status === 422 ? 'request rejected by Prism' : e.status === 500 ? 'response rejected by Prism' : e.kind;
    results.push({ name, pass, detail: `${why}: HTTP ${e.status} ${(e.body ?? e.message).slice(0, 1500)}` });
  }
}

try {
  const [prismUrl, clerkUrl] = await Promise.all([
    startPrism('kinde', server.url, '/api/v1/users'),
    // Prism serves Clerk's paths without the /v1 of the real base URL.
    startPrism('clerk', `${server.url}/v1`, '/users'),
  ]);
  const api = new KindeUsersApi({ domain: prismUrl, accessToken: server.providers.kinde.issueToken() });
  const U = 'kp_fake_0001';
  await check('getUsers (every parameter)', () =>
    api.getUsersWithHttpInfo({
      page_size: 5,
      user_id: [U, 'kp_fake_0002'],
      email: 'ada.anderson@example.com',
      username: 'ben0002',
      phone: '+61400000003',
      expand: ['organizations', 'identities', 'billing'],
      has_organization: true,
      active_since: new Date('2020-01-01T00:00:00Z'),
    }),
  );
  const page = await api.getUsers({ page_size: 2 });
  await check('getUsers (next_token)', () => api.getUsersWithHttpInfo({ page_size: 2, next_token: page.next_token }));
  await check('getUserData (expand)', () => api.getUserDataWithHttpInfo(U, { expand: 'organizations,identities,billing' }));
  const created = await api.createUserWithHttpInfo({
    profile: { given_name: 'Ada', family_name: 'Byron', picture: 'https://example.com/a.png' },
    organization_code: 'org_fake',
    provided_id: 'ext_conformance',
    identities: [
      { type: 'email', is_verified: true, details: { email: 'byron@example.com' } },
      { type: 'username', details: { username: 'adabyron' } },
      { type: 'phone', details: { phone: '+61400999999', phone_country_id: 'au' } },
    ],
  });
  results.push({ name: 'createUser (every body field)', pass: created.status === 200, detail: `HTTP ${created.status}` });
  const id = created.data.id;
  await check('updateUser (every body field)', () =>
    api.updateUserWithHttpInfo(id, {
      given_name: 'Augusta',
      family_name: 'King',
      picture: 'https://example.com/b.png',
      is_suspended: false,
      is_password_reset_requested: true,
      provided_id: 'ext_conformance_2',
    }),
  );
  await check('createUserIdentity', () => api.createUserIdentityWithHttpInfo(id, { type: 'email', value: 'king@example.com' }), 201);
  const identities = await api.getUserIdentities(id);
  await check('getUserIdentities (starting_after)', () => api.getUserIdentitiesWithHttpInfo(id, { starting_after: identities.identities[0].id }));
  await check('getUserPropertyValues', () => api.getUserPropertyValuesWithHttpInfo(U));
  await check('updateUserProperty', () => api.updateUserPropertyWithHttpInfo(U, 'fake_property', 'blue'));
  await check('updateUserProperties', () => api.updateUserPropertiesWithHttpInfo(U, { properties: { fake_property: 'green' } }));
  await check('getUserSessions', () => api.getUserSessionsWithHttpInfo(U));
  await check('deleteUserSessions', () => api.deleteUserSessionsWithHttpInfo(U));
  const mfa = await api.getUsersMfa(U);
  await check('getUsersMfa', () => api.getUsersMfaWithHttpInfo(U));
  await check('resetUsersMfa', () => api.resetUsersMfaWithHttpInfo(U, mfa.mfa.id));
  await check('resetUsersMfaAll', () => api.resetUsersMfaAllWithHttpInfo('kp_fake_0004'));
  await check('refreshUserClaims', () => api.refreshUserClaimsWithHttpInfo(U));
  await check('setUserPassword (pbkdf2 fields)', () =>
    api.setUserPasswordWithHttpInfo(U, {
      hashed_password: 'aGFzaA==',
      hashing_method: 'pbkdf2',
      salt: 'c2FsdA==',
      iterations: 24000,
      variant: 'salted-pbkdf2-hmac-sha256',
      is_temporary_password: false,
    }),
  );
  await check('updateUserFeatureFlagOverride', () => api.updateUserFeatureFlagOverrideWithHttpInfo(U, 'fake_flag', true));
  await check('addOrganizationUsers (ids and objects)', () =>
    api.addOrganizationUsersWithHttpInfo('org_fake', { users: ['kp_fake_0011', { id: 'kp_fake_0012', roles: ['member'], permissions: ['manage:billing'] }] }),
  );
  await check('getOrganizationUsers (every parameter)', () =>
    api.getOrganizationUsersWithHttpInfo('org_fake', { sort: 'email_desc', page_size: 3, roles: 'member', permissions: ['read:reports'] }),
  );
  await check('removeOrganizationUsers', () => api.removeOrganizationUsersWithHttpInfo('org_fake', { users: ['kp_fake_0011'] }));
  await check('removeOrganizationUser', () => api.removeOrganizationUserWithHttpInfo('org_fake', 'kp_fake_0012'));
  await check('deleteUser (is_delete_profile)', () => api.deleteUserWithHttpInfo(id, { is_delete_profile: true }));
  await check('getUserSessions: documented 404', () => api.getUserSessionsWithHttpInfo('kp_missing'), 404);
  await check('getUserData: documented 400', () => api.getUserDataWithHttpInfo('kp_missing'), 400);
  await clerkChecks(clerkUrl);
} finally {
  for (const child of prismLogs) child.kill();
  await server.close();
}

async function clerkChecks(baseUrl) {
  const clerk = new ClerkUsersApi({ secretKey: server.providers.clerk.secretKey, baseUrl });
  const C = (i) => `user_fake_${String(i).padStart(4, '0')}`;
  const all = {
    email_address: ['ada.anderson@example.com', 'ben.brown@example.com'],
    phone_number: ['+15550000003'],
    external_id: ['ext_0001'],
    username: ['ben0002'],
    web3_wallet: ['0xfa4e000000000000000000000000000000000005'],
    user_id: [C(1), `-${C(2)}`],
    organization_id: ['org_fake'],
    query: '',
    email_address_query: 'example',
    phone_number_query: '555',
    username_query: 'ben',
    name_query: 'a',
    banned: false,
    last_active_at_before: Date.UTC(2030, 0, 1),
    last_active_at_after: new Date(Date.UTC(2020, 0, 1)),
    created_at_before: Date.UTC(2030, 0, 1),
    created_at_after: 0,
    last_sign_in_at_before: Date.UTC(2030, 0, 1),
    last_sign_in_at_after: Date.UTC(2020, 0, 1),
    provider: 'oauth_google',
    provider_user_id: ['google_0004'],
  };
  await check('clerk getUserList (every parameter)', () =>
    clerk.getUserListWithHttpInfo({ ...all, limit: 500, offset: 0, order_by: '-created_at' }),
  );
  const first = await clerk.getUserList({ limit: 2, order_by: 'created_at' });
  await check('clerk getUserList (starting_after)', () => clerk.getUserListWithHttpInfo({ limit: 2, starting_after: first[1].id }));
  await check('clerk getUsersCount (every parameter)', () => clerk.getUsersCountWithHttpInfo(all));
  // Prism --errors turns its "deprecated parameter" warning into a 422; that
  // warning must be the only finding.
  for (const op of ['getUserList', 'getUsersCount']) {
    try {
      await clerk[op]({ last_active_at_since: Date.UTC(2020, 0, 1) });
      results.push({ name: `clerk ${op} (last_active_at_since)`, pass: true, detail: 'HTTP 200' });
    } catch (e) {
      const findings = JSON.parse(e.body ?? '{}').validation ?? [];
      const onlyDeprecated = findings.length > 0 && findings.every((v) => v.code === 'deprecated');
      results.push({ name: `clerk ${op} (last_active_at_since)`, pass: onlyDeprecated, detail: `HTTP ${e.status}: ${findings.map((v) => v.message).join('; ')}` });
    }
  }
  await check('clerk getUser', () => clerk.getUserWithHttpInfo(C(1)));
  const created = await check('clerk createUser (every body field)', () => clerk.createUserWithHttpInfo({
    external_id: 'ext_conformance',
    first_name: 'Grace',
    last_name: null,
    locale: 'en-GB',
    email_address: ['grace@example.com', 'hopper@example.com'],
    email_address_identification_status: ['verified', 'reserved'],
    phone_number: ['+15559990001'],
    phone_number_identification_status: ['verified'],
    web3_wallet: ['0xfa4e00000000000000000000000000000000c0de'],
    username: 'ghopper',
    password: 'a long enough password',
    skip_password_checks: true,
    skip_password_requirement: false,
    totp_secret: 'JBSWY3DPEHPK3PXP',
    backup_codes: ['backup-one', 'backup-two'],
    public_metadata: { plan: 'pro' },
    private_metadata: { crm: 1 },
    unsafe_metadata: { theme: 'dark' },
    delete_self_enabled: true,
    legal_accepted_at: new Date(Date.UTC(2026, 0, 2)),
    skip_legal_checks: false,
    skip_user_requirement: false,
    create_organization_enabled: true,
    create_organizations_limit: 3,
    created_at: '2025-12-01T10:00:00Z',
    bypass_client_trust: false,
  }));
  if (!created) return;
  const id = created.data.id;
  await check('clerk updateUser (every body field)', () =>
    clerk.updateUserWithHttpInfo(id, {
      external_id: 'ext_conformance_2',
      first_name: 'Grace B.',
      last_name: 'Hopper',
      locale: 'en-US',
      primary_email_address_id: created.data.email_addresses[0].id,
      notify_primary_email_address_changed: false,
      primary_phone_number_id: created.data.phone_numbers[0].id,
      primary_web3_wallet_id: created.data.web3_wallets[0].id,
      username: 'gracehopper',
      profile_image_id: null,
      password: 'another long password',
      skip_password_checks: true,
      sign_out_of_other_sessions: true,
      totp_secret: 'JBSWY3DPEHPK3PXQ',
      backup_codes: ['backup-three'],
      delete_self_enabled: false,
      create_organization_enabled: false,
      legal_accepted_at: '2026-01-03T00:00:00Z',
      skip_legal_checks: true,
      create_organizations_limit: 0,
      created_at: new Date(Date.UTC(2025, 11, 2)),
      bypass_client_trust: true,
    }),
  );
  await check('clerk updateUserMetadata (null removes)', () =>
    clerk.updateUserMetadataWithHttpInfo(id, { public_metadata: { plan: null }, private_metadata: { crm: 2 }, unsafe_metadata: {} }),
  );
  await check('clerk verifyPassword', () => clerk.verifyPasswordWithHttpInfo(C(1), { password: 'fake-password-0001' }));
  await check('clerk verifyPassword: documented 422', () => clerk.verifyPasswordWithHttpInfo(C(1), { password: 'wrong' }), 422);
  const code = await server.providers.clerk.totpCode(C(2));
  await check('clerk verifyTotp', () => clerk.verifyTotpWithHttpInfo(C(2), { code }));
  await check('clerk verifyTotp: documented 400', () => clerk.verifyTotpWithHttpInfo(C(1), { code: '000000' }), 400);
  await check('clerk deleteBackupCode', () => clerk.deleteBackupCodeWithHttpInfo(C(2)));
  await check('clerk deleteTotp', () => clerk.deleteTotpWithHttpInfo(C(2)));
  await check('clerk disableMfa', () => clerk.disableMfaWithHttpInfo(C(9)));
  await check('clerk createUserTotp: removed, Prism answers 405', () => clerk.createUserTotpWithHttpInfo(C(1)), 405);
  await check('clerk getOAuthAccessToken (every parameter)', () =>
    clerk.getOAuthAccessTokenWithHttpInfo(C(4), 'oauth_google', { paginated: true, limit: 10, offset: 0 }),
  );
  const u4 = await clerk.getUser(C(4));
  await check('clerk deleteExternalAccount', () => clerk.deleteExternalAccountWithHttpInfo(C(4), u4.external_accounts[0].id));
  const u3 = await clerk.getUser(C(3));
  await check('clerk userPasskeyDelete', () => clerk.userPasskeyDeleteWithHttpInfo(C(3), u3.passkeys[0].id));
  const u5 = await clerk.getUser(C(5));
  await check('clerk userWeb3WalletDelete', () => clerk.userWeb3WalletDeleteWithHttpInfo(C(5), u5.web3_wallets[0].id));
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3]);
  await check('clerk setUserProfileImage (multipart)', () => clerk.setUserProfileImageWithHttpInfo(C(1), png));
  await check('clerk deleteUserProfileImage', () => clerk.deleteUserProfileImageWithHttpInfo(C(1)));
  await check('clerk banUser', () => clerk.banUserWithHttpInfo(C(1)));
  await check('clerk unbanUser', () => clerk.unbanUserWithHttpInfo(C(1)));
  await check('clerk lockUser', () => clerk.lockUserWithHttpInfo(C(1)));
  await check('clerk unlockUser', () => clerk.unlockUserWithHttpInfo(C(1)));
  await check('clerk usersGetOrganizationMemberships (every parameter)', () =>
    clerk.usersGetOrganizationMembershipsWithHttpInfo(C(1), { limit: 1, offset: 1 }),
  );
  await check('clerk usersGetOrganizationInvitations (every parameter)', () =>
    clerk.usersGetOrganizationInvitationsWithHttpInfo(C(6), { limit: 5, offset: 0, status: 'pending' }),
  );
  await check('clerk deleteUser', () => clerk.deleteUserWithHttpInfo(id));
  await check('clerk getUser: documented 404', () => clerk.getUserWithHttpInfo('user_missing'), 404);
}

const failed = results.filter((r) => !r.pass);
for (const r of results) console.log(`${r.pass ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}`);
console.log(`\n${results.length - failed.length} of ${results.length} operations conform (requests and responses, Prism --errors)`);
process.exit(failed.length ? 1 : 0);
