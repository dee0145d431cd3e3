#!/usr/bin/env node
// Conformance of the *client*: every KindeUsersApi operation is sent through
// a Prism validating proxy (official spec, `--errors`) in front of the fake
// Kinde server. Prism answers 422 to any request that breaks the spec (query
// types, enums, required fields, body schema) and 500 to any response that
// does, so one pass checks what the client sends and what the fake answers.
//
//   npm run build && npm run conformance
//
// Needs the shared reference folder next to this checkout (../shared, with
// conformance/prism.sh), so it is not part of `npm test`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KindeUsersApi } from '../dist/node.mjs';
import { startFakeServer } from '../dist/fake/server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const prismSh = join(root, '..', 'shared', 'conformance', 'prism.sh');
if (!existsSync(prismSh)) {
  console.error(`conformance: ${prismSh} not found (the shared reference folder is needed)`);
  process.exit(2);
}

const server = await startFakeServer({ port: 0 });
const prismPort = 4100 + Math.floor(Math.random() * 800);
const prism = spawn(prismSh, ['proxy', 'kinde', String(prismPort), server.url], {
  env: { ...process.env, PRISM_FLAGS: '--errors' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let prismLog = '';
prism.stdout.on('data', (d) => (prismLog += d));
prism.stderr.on('data', (d) => (prismLog += d));
const prismUrl = `http://127.0.0.1:${prismPort}`;

async function waitForPrism() {
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(`${prismUrl}/api/v1/users`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`Prism did not start:\n${prismLog}`);
}

const results = [];
async function check(name, call, expectStatus = 200) {
  try {
    const info = await call();
    const pass = info.status === expectStatus;
    results.push({ name, pass, detail: `HTTP ${info.status}` });
  } catch (e) {
    // A documented error status is conformant too, when it is the one expected.
    const pass = e.status === expectStatus;
    const why = e.status === 422 ? 'request rejected by Prism' : e.status === 500 ? 'response rejected by Prism' : e.kind;
    results.push({ name, pass, detail: `${why}: HTTP ${e.status} ${(e.body ?? e.message).slice(0, 300)}` });
  }
}

try {
  await waitForPrism();
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
} finally {
  prism.kill();
  await server.close();
}

const failed = results.filter((r) => !r.pass);
for (const r of results) console.log(`${r.pass ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}`);
console.log(`\n${results.length - failed.length} of ${results.length} operations conform (requests and responses, Prism --errors)`);
process.exit(failed.length ? 1 : 0);
