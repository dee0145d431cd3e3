// Checks fake/index.d.ts and fake/server.d.ts with tsc: a strict usage file
// compiles, and the snapshot types have exactly the keys the runtime produces.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as fakeModule from '../../fake/index.js';
import * as serverModule from '../../fake/server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules', '.bin', 'tsc');

test('the modules export exactly what the typings declare', () => {
  assert.deepEqual(Object.keys(fakeModule), ['createFakeProviders']);
  assert.deepEqual(Object.keys(serverModule), ['startFakeServer']);
  const fake = fakeModule.createFakeProviders();
  assert.deepEqual(Object.keys(fake).sort(), ['advanceTime', 'clerk', 'fetch', 'handle', 'kinde', 'requests', 'setControls']);
  assert.deepEqual(
    Object.keys(fake.kinde).sort(),
    ['clientId', 'clientSecret', 'injectFault', 'issueToken', 'reset', 'revokeTokens', 'tokenRequests', 'users'],
  );
  assert.deepEqual(
    Object.keys(fake.clerk).sort(),
    ['injectFault', 'legacyTotp', 'profileImage', 'reset', 'secretKey', 'totpCode', 'users'],
  );
});

test('the typings use no `any`', async () => {
  for (const file of ['index.d.ts', 'server.d.ts']) {
    const text = await readFile(join(root, 'fake', file), 'utf8');
    assert.doesNotMatch(text.replace(/\/\*\*[\s\S]*?\*\//g, ''), /\bany\b/, file);
  }
});

test('a strict TypeScript consumer compiles, and snapshot types match the runtime', { skip: !existsSync(tsc) && 'tsc not installed' }, async () => {
  // A user with every optional part filled in, so each nested type is checked.
  const fake = fakeModule.createFakeProviders();
  const auth = { authorization: `Bearer ${fake.kinde.issueToken()}` };
  await fake.fetch('https://x/api/v1/users/kp_fake_0001/password', {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ hashed_password: 'h' }),
  });
  await fake.fetch('https://x/api/v1/users/kp_fake_0001/feature_flags/fake_flag?value=true', { method: 'PATCH', headers: auth });
  await fake.fetch('https://x/api/v1/users/kp_fake_0001/refresh_claims', { method: 'POST', headers: auth });
  const snapshot = fake.kinde.users()[0];
  // A Clerk user with every list filled: email (linked), phone, wallet, passkey, external account.
  const clerkAuth = { authorization: `Bearer ${fake.clerk.secretKey}` };
  await fake.fetch('https://x/v1/users/user_fake_0024/metadata', {
    method: 'PATCH',
    headers: { ...clerkAuth, 'content-type': 'application/json' },
    body: JSON.stringify({ public_metadata: { n: 1 } }),
  });
  await fake.fetch('https://x/v1/users/user_fake_0024', {
    method: 'PATCH',
    headers: { ...clerkAuth, 'content-type': 'application/json' },
    body: JSON.stringify({ totp_secret: 'JBSWY3DPEHPK3PXP' }),
  });
  const clerkUser = fake.clerk.users().find((u) => u.id === 'user_fake_0021');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array([1, 2])], { type: 'image/png' }), 'a.png');
  await fake.fetch('https://x/v1/users/user_fake_0021/profile_image', { method: 'POST', headers: clerkAuth, body: form });
  const image = fake.clerk.profileImage('user_fake_0021');

  const dir = await mkdtemp(join(tmpdir(), 'fake-types-'));
  try {
    await writeFile(join(dir, 'snapshot.json'), JSON.stringify(snapshot));
    const google = fake.clerk.users().find((u) => u.id === 'user_fake_0024');
    // user 21: passkey, web3 wallet, password, image; user 24: phone, external account, TOTP.
    const merged = { ...clerkUser, phone_numbers: google.phone_numbers, external_accounts: google.external_accounts };
    await writeFile(join(dir, 'clerk.json'), JSON.stringify(merged));
    await writeFile(join(dir, 'image.json'), JSON.stringify({ ...image, bytes: {} }));
    const index = JSON.stringify(join(root, 'fake', 'index.js'));
    const server = JSON.stringify(join(root, 'fake', 'server.js'));
    await writeFile(
      join(dir, 'usage.ts'),
      `import { createFakeProviders } from ${index};
import type { FakeProviders, FakeControls, FakeProvidersOptions, FaultSpec, KindeUserSnapshot, KindeIdentitySnapshot, KindeSessionSnapshot,
  KindeMfaFactorSnapshot, KindeMembershipSnapshot, KindePasswordSnapshot, LoggedRequest,
  ClerkUserSnapshot, ClerkUser, ClerkEmailAddress, ClerkPhoneNumber, ClerkWeb3Wallet, ClerkPasskey, ClerkExternalAccount,
  ClerkVerification, ClerkIdentificationLink, ClerkProfileImage, FakeClerk } from ${index};
import { startFakeServer } from ${server};
import type { FakeServer, FakeServerOptions } from ${server};
import snap from './snapshot.json';
import clerkSnap from './clerk.json';
import imageJson from './image.json';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Json = typeof snap;
const keys: [
  Same<keyof Json, keyof KindeUserSnapshot>,
  Same<keyof Json['identities'][number], keyof KindeIdentitySnapshot>,
  Same<keyof Json['sessions'][number], keyof KindeSessionSnapshot>,
  Same<keyof Json['mfa'][number], keyof KindeMfaFactorSnapshot>,
  Same<keyof Json['organizations'][number], keyof KindeMembershipSnapshot>,
  Same<keyof NonNullable<Json['password']>, keyof KindePasswordSnapshot>,
] = [true, true, true, true, true, true];
type C = typeof clerkSnap;
const clerkKeys: [
  Same<keyof C, keyof ClerkUserSnapshot>,
  Same<keyof C['email_addresses'][number], keyof ClerkEmailAddress>,
  Same<keyof C['phone_numbers'][number], keyof ClerkPhoneNumber>,
  Same<keyof C['web3_wallets'][number], keyof ClerkWeb3Wallet>,
  Same<keyof C['passkeys'][number], keyof ClerkPasskey>,
  Same<keyof C['external_accounts'][number], keyof ClerkExternalAccount>,
  Same<keyof NonNullable<C['email_addresses'][number]['verification']>, keyof ClerkVerification>,
  Same<keyof C['external_accounts'][number]['verification'], keyof ClerkVerification>,
  Same<keyof typeof imageJson, keyof ClerkProfileImage>,
] = [true, true, true, true, true, true, true, true, true];
const link: ClerkIdentificationLink = { type: 'oauth_google', id: 'eac_1' };

async function main(): Promise<void> {
  const options: FakeProvidersOptions = { seed: 3, tokenTtlSeconds: 60, now: () => Date.now(), rateLimit: 2.5, failRate: 0.1, latencyMs: 0, randomSeed: 9 };
  const fake: FakeProviders = createFakeProviders(options);
  const controls: FakeControls = { rateLimit: undefined, failRate: 0 };
  fake.setControls(controls);
  fake.setControls({ latencyMs: 5, randomSeed: 1 });
  // @ts-expect-error unknown control
  fake.setControls({ ratelimit: 1 });
  // @ts-expect-error not a number
  createFakeProviders({ failRate: '0.5' });
  const fetchLike: typeof fetch = fake.fetch;
  const res: Response = await fake.fetch(new URL('https://fake.kinde.com/api/v1/users'), {
    headers: { authorization: 'Bearer ' + fake.kinde.issueToken() },
    signal: AbortSignal.timeout(1000),
  });
  const handled: Response = await fake.handle(new Request('https://fake.kinde.com/api/v1/users'));
  fake.advanceTime(1000);
  const log: LoggedRequest[] = fake.requests;
  const body: string | null = log[0].body;
  const fault: FaultSpec = { method: 'GET', path: /users/, status: 429, headers: { 'retry-after': '1' }, times: Infinity };
  fake.kinde.injectFault(fault);
  fake.kinde.injectFault({ status: 503 });
  const id: 'fake-client-id' = fake.kinde.clientId;
  const secret: string = fake.kinde.clientSecret;
  const count: number = fake.kinde.tokenRequests;
  fake.kinde.revokeTokens();
  const users: KindeUserSnapshot[] = fake.kinde.users();
  const flag: boolean | undefined = users[0].feature_flags['fake_flag'];
  const method: string | undefined = users[0].password?.hashing_method;
  fake.kinde.reset();
  const clerk: FakeClerk = fake.clerk;
  const key: 'sk_test_fake' = clerk.secretKey;
  clerk.injectFault({ path: '/v1/users', status: 500 });
  clerk.legacyTotp(true);
  const code: string | undefined = await clerk.totpCode('user_fake_0002');
  const img: ClerkProfileImage | undefined = clerk.profileImage('user_fake_0001');
  const bytes: Uint8Array | undefined = img?.bytes;
  const clerkUsers: ClerkUserSnapshot[] = clerk.users();
  const asApi: ClerkUser = clerkUsers[0];
  const totp: string | null = clerkUsers[0].totp_secret;
  clerk.reset();
  const serverOptions: FakeServerOptions = { port: 0, host: '127.0.0.1', seed: 5, tokenTtlSeconds: 10, rateLimit: 1, failRate: 0, latencyMs: 10, randomSeed: 2 };
  const server: FakeServer = await startFakeServer(serverOptions);
  server.providers.setControls({ rateLimit: 0 });
  const url: string = server.url;
  const same: FakeProviders = server.providers;
  await server.close();
  void [fetchLike, res, handled, body, id, secret, count, flag, method, url, same, keys, clerkKeys, link, key, code, bytes, asApi, totp];
}
void main;
`,
    );
    const args = [
      '--noEmit', '--strict', '--exactOptionalPropertyTypes', '--target', 'es2022', '--module', 'esnext',
      '--moduleResolution', 'bundler', '--lib', 'es2022,dom', '--resolveJsonModule',
      join(dir, 'usage.ts'),
    ];
    try {
      await promisify(execFile)(tsc, args, { timeout: 120_000 });
    } catch (error) {
      assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
