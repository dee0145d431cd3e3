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
  assert.deepEqual(Object.keys(fake).sort(), ['advanceTime', 'fetch', 'handle', 'kinde', 'requests']);
  assert.deepEqual(
    Object.keys(fake.kinde).sort(),
    ['clientId', 'clientSecret', 'injectFault', 'issueToken', 'reset', 'revokeTokens', 'tokenRequests', 'users'],
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

  const dir = await mkdtemp(join(tmpdir(), 'fake-types-'));
  try {
    await writeFile(join(dir, 'snapshot.json'), JSON.stringify(snapshot));
    const index = JSON.stringify(join(root, 'fake', 'index.js'));
    const server = JSON.stringify(join(root, 'fake', 'server.js'));
    await writeFile(
      join(dir, 'usage.ts'),
      `import { createFakeProviders } from ${index};
import type { FakeProviders, FaultSpec, KindeUserSnapshot, KindeIdentitySnapshot, KindeSessionSnapshot,
  KindeMfaFactorSnapshot, KindeMembershipSnapshot, KindePasswordSnapshot, LoggedRequest } from ${index};
import { startFakeServer } from ${server};
import type { FakeServer } from ${server};
import snap from './snapshot.json';

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

async function main(): Promise<void> {
  const fake: FakeProviders = createFakeProviders({ seed: 3, tokenTtlSeconds: 60, now: () => Date.now() });
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
  const server: FakeServer = await startFakeServer({ port: 0, host: '127.0.0.1', seed: 5, tokenTtlSeconds: 10 });
  const url: string = server.url;
  const same: FakeProviders = server.providers;
  await server.close();
  void [fetchLike, res, handled, body, id, secret, count, flag, method, url, same, keys];
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
