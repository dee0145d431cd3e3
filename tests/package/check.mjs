#!/usr/bin/env node
// Checks of the packed package as a consumer project installs it:
// - its typings: usage.mts (ESM) and usage.cts (CommonJS),
//   proxy-usage.mts/.cts (idp-users/proxy) and provider-usage.mts/.cts
//   (idp-users/clerk, idp-users/kinde), compile under
//   `tsc --strict`, so `types` resolves under both conditions, right usage
//   type-checks and wrong usage (@ts-expect-error lines) does not; so does
//   every `@example` of index.d.ts, each in its own function (examples.mts);
// - its `idp-users-fake` bin: starts the fake server, which answers a token
//   request and a Kinde call, and stops on SIGTERM.
//   node tests/package/check.mjs [path/to/idp-users-x.y.z.tgz]
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const work = join(here, '.work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

let tarball = process.argv[2];
if (!tarball) {
  execFileSync('npm', ['pack', join(root, 'dist'), '--pack-destination', work, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
}
writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'types-check', private: true, type: 'module' }));
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--silent', resolve(tarball)], { cwd: work, stdio: 'inherit' });
for (const f of ['usage.mts', 'usage.cts', 'clerk-usage.mts', 'production-usage.mts', 'proxy-usage.mts', 'proxy-usage.cts', 'provider-usage.mts', 'provider-usage.cts']) copyFileSync(join(here, f), join(work, f));

// The @example blocks of the installed index.d.ts, as a consumer reads them:
// each runs in its own async function, given a `kinde` and a `clerk` client.
const examples = [];
for (const [, doc] of readFileSync(join(work, 'node_modules', 'idp-users', 'index.d.ts'), 'utf8').matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
  const lines = doc.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
  const at = lines.indexOf('@example');
  if (at < 0) continue;
  const end = lines.findIndex((l, i) => i > at && l.startsWith('@'));
  examples.push(lines.slice(at + 1, end < 0 ? undefined : end).join('\n').trim());
}
if (examples.length < 100) throw new Error(`expected an @example on every method of index.d.ts, found ${examples.length}`);
writeFileSync(
  join(work, 'examples.mts'),
  [
    "import { ClerkUsersApi, IdpUsersError, KindeUsersApi, bulk, wasmMemoryBytes } from 'idp-users';",
    'declare const kinde: KindeUsersApi;',
    'declare const clerk: ClerkUsersApi;',
    ...examples.map((code, i) => `export async function example${i}(): Promise<void> {\n${code}\n}`),
  ].join('\n'),
);
writeFileSync(
  join(work, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2022', 'dom'],
      types: [],
      skipLibCheck: false,
      noUnusedLocals: false,
    },
    files: ['usage.mts', 'usage.cts', 'clerk-usage.mts', 'production-usage.mts', 'proxy-usage.mts', 'proxy-usage.cts', 'provider-usage.mts', 'provider-usage.cts', 'examples.mts'],
  }),
);
execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', work], { stdio: 'inherit' });
console.log(`typings: ESM and CommonJS usage and the ${examples.length} @example blocks type-check (strict, skipLibCheck off)`);

// The bin, as `npx idp-users-fake` runs it.
const server = spawn(join(work, 'node_modules', '.bin', 'idp-users-fake'), ['--port', '0', '--seed', '3'], { stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('idp-users-fake printed no URL within 20 s')), 20_000);
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`idp-users-fake exited with ${code}`)));
  });
  const grant = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'fake-client-id', client_secret: 'fake-client-secret' });
  const tokenRes = await fetch(`${url}/oauth2/token`, { method: 'POST', body: grant });
  const { access_token: token } = await tokenRes.json();
  const users = await (await fetch(`${url}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } })).json();
  if (users.users?.length !== 3) throw new Error(`expected the 3 seeded users, got ${JSON.stringify(users)}`);
  console.log(`bin: idp-users-fake served ${users.users.length} seeded users at ${url}`);
} finally {
  const exited = new Promise((resolve) => server.on('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}
