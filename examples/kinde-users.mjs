#!/usr/bin/env node
// Lists, creates and updates Kinde users with idp-users.
//
//   npm run example                      against the built-in fake Kinde (in-process, no network)
//   npm run example -- --url http://127.0.0.1:8790
//                                        against the fake HTTP server (`npm run fake -- --port 8790`)
//   KINDE_DOMAIN=acme.kinde.com KINDE_CLIENT_ID=... KINDE_CLIENT_SECRET=... npm run example
//                                        against a real Kinde business (creates, then deletes, one user)
//
// In your own project the imports are `from 'idp-users'` and `from 'idp-users/fake'`;
// this repository runs the freshly built package in dist/.
import { IdpUsersError, KindeUsersApi } from '../dist/node.mjs';
import { createFakeProviders } from '../dist/fake/index.js';

function client() {
  const url = process.argv.includes('--url') ? process.argv[process.argv.indexOf('--url') + 1] : undefined;
  const { KINDE_DOMAIN, KINDE_CLIENT_ID, KINDE_CLIENT_SECRET } = process.env;
  if (KINDE_DOMAIN) {
    console.log(`Kinde business ${KINDE_DOMAIN}`);
    return new KindeUsersApi({ domain: KINDE_DOMAIN, clientId: KINDE_CLIENT_ID, clientSecret: KINDE_CLIENT_SECRET });
  }
  if (url) {
    console.log(`fake Kinde server at ${url}`);
    return new KindeUsersApi({ domain: url, clientId: 'fake-client-id', clientSecret: 'fake-client-secret' });
  }
  const fake = createFakeProviders();
  console.log('in-process fake Kinde (25 seeded users)');
  return new KindeUsersApi({ domain: 'https://fake.kinde.com', clientId: fake.kinde.clientId, clientSecret: fake.kinde.clientSecret, fetch: fake.fetch });
}

const kinde = client();

// 1. List users, a page at a time.
const first = await kinde.getUsers({ page_size: 5, expand: ['organizations'] });
console.log('\nFirst page of users:');
console.table(first.users.map((u) => ({ id: u.id, email: u.email, name: `${u.first_name ?? ''} ${u.last_name ?? ''}`.trim(), organizations: (u.organizations ?? []).join(',') })));
let total = first.users.length;
for (let token = first.next_token; token; ) {
  const page = await kinde.getUsers({ page_size: 100, next_token: token });
  total += page.users.length;
  token = page.next_token;
}
console.log(`${total} users in all`);

// 2. Create a user with an email identity.
const email = `grace.hopper.${Date.now()}@example.com`;
const created = await kinde.createUser({
  profile: { given_name: 'Grace', family_name: 'Hopper' },
  identities: [{ type: 'email', is_verified: true, details: { email } }],
});
console.log(`\nCreated ${created.id} (${email})`);

// 3. Update it, reading the status through the WithHttpInfo twin.
const { data: updated, status } = await kinde.updateUserWithHttpInfo(created.id, { given_name: 'Amazing Grace' });
console.log(`Updated (HTTP ${status}): ${updated.given_name} ${updated.family_name}`);
const user = await kinde.getUserData(created.id, { expand: 'identities' });
console.log(`Now: ${user.first_name} ${user.last_name}, ${user.preferred_email}, identities: ${(user.identities ?? []).map((i) => i.type).join(', ')}`);

// 4. Failures are typed.
try {
  await kinde.getUsers({ page_size: 1000 });
} catch (e) {
  if (!(e instanceof IdpUsersError)) throw e;
  console.log(`\nRejected before sending: [${e.kind}] ${e.message}`);
}
try {
  await kinde.getUserSessions('kp_does_not_exist');
} catch (e) {
  if (!(e instanceof IdpUsersError)) throw e;
  console.log(`The API said no: [${e.kind}] HTTP ${e.status} ${e.code}: ${e.messages[0] ?? ''}`);
}

// 5. Clean up.
await kinde.deleteUser(created.id);
console.log(`Deleted ${created.id}`);
