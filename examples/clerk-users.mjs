#!/usr/bin/env node
// Lists, creates, updates and uploads a profile image for Clerk users with idp-users.
//
//   npm run example                      (runs this after the Kinde example) against the built-in fake Clerk
//   node examples/clerk-users.mjs --url http://127.0.0.1:8790
//                                        against the fake HTTP server (`npm run fake -- --port 8790`)
//   CLERK_SECRET_KEY=sk_test_... node examples/clerk-users.mjs
//                                        against a real Clerk instance (creates, then deletes, one user)
//
// In your own project the imports are `from 'idp-users'` and `from 'idp-users/fake'`;
// this repository runs the freshly built package in dist/.
import { ClerkUsersApi, IdpUsersError } from '../dist/node.mjs';
import { createFakeProviders } from '../dist/fake/index.js';

function client() {
  const url = process.argv.includes('--url') ? process.argv[process.argv.indexOf('--url') + 1] : undefined;
  const { CLERK_SECRET_KEY } = process.env;
  if (CLERK_SECRET_KEY) {
    console.log('Clerk instance (https://api.clerk.com/v1)');
    return new ClerkUsersApi({ secretKey: CLERK_SECRET_KEY });
  }
  if (url) {
    console.log(`fake Clerk server at ${url}/v1`);
    return new ClerkUsersApi({ secretKey: 'sk_test_fake', baseUrl: `${url}/v1` });
  }
  const fake = createFakeProviders();
  console.log('in-process fake Clerk (25 seeded users)');
  return new ClerkUsersApi({ secretKey: fake.clerk.secretKey, baseUrl: 'https://api.clerk.test/v1', fetch: fake.fetch });
}

const clerk = client();

// 1. List users with limit/offset, and count them with the same filters.
const filters = { banned: false };
const { total_count: total } = await clerk.getUsersCount(filters);
console.log(`\n${total} users are not banned; the newest five:`);
const newest = await clerk.getUserList({ ...filters, limit: 5, offset: 0 });
console.table(newest.map((u) => ({ id: u.id, email: u.email_addresses[0]?.email_address, name: `${u.first_name ?? ''} ${u.last_name ?? ''}`.trim() })));

// 2. Create a user, then change their name and metadata.
const email = `grace.hopper.${Date.now()}@example.com`;
const created = await clerk.createUser({ email_address: [email], first_name: 'Grace', last_name: 'Hopper', skip_password_requirement: true, public_metadata: { team: 'compilers' } });
console.log(`\nCreated ${created.id} (${email})`);
const { data: renamed, status } = await clerk.updateUserWithHttpInfo(created.id, { first_name: 'Amazing Grace' });
console.log(`Updated (HTTP ${status}): ${renamed.first_name} ${renamed.last_name}`);
const merged = await clerk.updateUserMetadata(created.id, { public_metadata: { team: null, rank: 'rear admiral' } });
console.log(`Metadata merged (null removes a key): ${JSON.stringify(merged.public_metadata)}`);

// 3. Upload a profile image (multipart/form-data) from bytes; a Blob or File works too.
const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const withImage = await clerk.setUserProfileImage(created.id, png);
console.log(`Profile image set: has_image=${withImage.has_image} ${withImage.image_url}`);

// 4. Failures are typed.
try {
  await clerk.getUserList({ limit: 1000 });
} catch (e) {
  if (!(e instanceof IdpUsersError)) throw e;
  console.log(`\nRejected before sending: [${e.kind}] ${e.message}`);
}
try {
  await clerk.getUser('user_does_not_exist');
} catch (e) {
  if (!(e instanceof IdpUsersError)) throw e;
  console.log(`The API said no: [${e.kind}] HTTP ${e.status} ${e.code}: ${e.longMessages[0] ?? e.messages[0] ?? ''} (trace ${e.traceId})`);
}

await clerk.deleteUser(created.id);
console.log(`\nDeleted ${created.id}`);
