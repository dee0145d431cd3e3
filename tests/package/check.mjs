#!/usr/bin/env node
// Checks of the packed package as a consumer project installs it:
// - its typings: usage.mts (ESM) and usage.cts (CommonJS),
//   proxy-usage.mts/.cts (idp-users/proxy) and provider-usage.mts/.cts
//   (idp-users/clerk, idp-users/kinde), compile under
//   `tsc --strict`, so `types` resolves under both conditions, right usage
//   type-checks and wrong usage (@ts-expect-error lines) does not; so does
//   every `@example` of index.d.ts, each in its own function (examples.mts);
// - what it ships for readers: its README.md (pkg-template/README.md, not the
//   repo's) and fake/README.md are in the tarball, every relative link in a
//   shipped Markdown file names a shipped file, every link into the
//   repository names a file the repository has, and every #anchor a heading
//   of its file (the repo's README.md is held to the same, in the repo);
//   package.json names the repository; the package README names every operation;
// - the JavaScript and TypeScript blocks of every README (the package's, the
//   fake's, the repo's and tests/runtimes/README.md): type-checked, and run
//   against the fake, as their markers say (readme-blocks.mjs);
// - its `idp-users-fake` bin: starts the fake server, which answers a token
//   request and a Kinde call, and stops on SIGTERM.
//   node tests/package/check.mjs [path/to/idp-users-x.y.z.tgz]
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReadmeBlocks } from './readme-blocks.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The anchors GitHub and npm give a Markdown file's headings (lower case, punctuation dropped, spaces to hyphens). */
function headingSlugs(text) {
  const slugs = new Set();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^```/.test(line)) fenced = !fenced;
    const h = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const base = h[1].toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    let slug = base;
    for (let n = 1; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
  }
  return slugs;
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
function listFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}
const root = resolve(here, '..', '..');
const work = join(here, '.work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

let tarball = process.argv[2];
if (!tarball) {
  // --json: the file list npm packed (what `npm pack --dry-run dist` lists).
  const packed = JSON.parse(execFileSync('npm', ['pack', join(root, 'dist'), '--pack-destination', work, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const files = new Set(packed[0].files.map((f) => f.path));
  const missing = ['README.md', 'fake/README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'index.d.ts'].filter((f) => !files.has(f));
  if (missing.length) throw new Error(`npm pack dist lists no ${missing.join(', ')}`);
  tarball = join(work, packed[0].filename);
}
writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'types-check', private: true, type: 'module' }));
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--silent', resolve(tarball)], { cwd: work, stdio: 'inherit' });
for (const f of ['usage.mts', 'usage.cts', 'clerk-usage.mts', 'production-usage.mts', 'proxy-usage.mts', 'proxy-usage.cts', 'provider-usage.mts', 'provider-usage.cts', 'jobs-usage.mts', 'workflows-usage.mts']) copyFileSync(join(here, f), join(work, f));

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
    files: ['usage.mts', 'usage.cts', 'clerk-usage.mts', 'production-usage.mts', 'proxy-usage.mts', 'proxy-usage.cts', 'provider-usage.mts', 'provider-usage.cts', 'jobs-usage.mts', 'workflows-usage.mts', 'examples.mts'],
  }),
);
const tsc = join(root, 'node_modules', '.bin', 'tsc');
execFileSync(tsc, ['-p', work], { stdio: 'inherit' });
console.log(`typings: ESM and CommonJS usage and the ${examples.length} @example blocks type-check (strict, skipLibCheck off)`);

// The shipped Markdown: the package's own README (not the repo's), links
// that work where it is read (npm's page, node_modules).
const installed = join(work, 'node_modules', 'idp-users');
const shippedDocs = listFiles(installed).filter((f) => f.endsWith('.md'));
const pkgReadme = readFileSync(join(installed, 'README.md'), 'utf8');
if (pkgReadme !== readFileSync(join(root, 'pkg-template', 'README.md'), 'utf8')) throw new Error('the package README.md is not pkg-template/README.md');
const badLinks = [];
let links = 0;
// The shipped Markdown as installed, and the repo's README where it stands.
for (const [base, doc] of [...shippedDocs.map((d) => [installed, d]), [root, 'README.md']]) {
  const text = readFileSync(join(base, doc), 'utf8');
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    links++;
    const [path, anchor] = target.split('#');
    const repo = /^https:\/\/github\.com\/idp-users\/idp-users\/(?:blob|tree)\/main\/([^?#]+)/.exec(target);
    // The Markdown file a link leads to, when its anchor can be checked.
    let file;
    if (repo) {
      // A link into the repository: the file must exist there (checked from a checkout).
      file = join(root, decodeURIComponent(repo[1]));
      if (!existsSync(file)) badLinks.push(`${doc}: ${target} (no such file in the repository)`);
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      continue; // another site
    } else {
      file = path === '' ? join(base, doc) : join(base, dirname(doc), decodeURIComponent(path));
      if (!existsSync(file)) badLinks.push(`${doc}: ${target} (${base === root ? 'not in the repository' : 'not in the package'})`);
    }
    if (anchor && file.endsWith('.md') && existsSync(file) && !headingSlugs(readFileSync(file, 'utf8')).has(anchor)) {
      badLinks.push(`${doc}: ${target} (no heading #${anchor} there)`);
    }
  }
}
if (badLinks.length) throw new Error(`links in the shipped Markdown that lead nowhere:\n  ${badLinks.join('\n  ')}`);
console.log(`shipped docs: ${shippedDocs.join(', ')}; ${links} links in them and the repo's README.md, each to a shipped file (and heading), a repository file (and heading) or another site`);

// npm's page links the repository, the home page and the issues from these.
const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
const repoUrl = 'github.com/idp-users/idp-users';
for (const [field, value] of [['repository', manifest.repository?.url], ['homepage', manifest.homepage], ['bugs', manifest.bugs?.url]]) {
  if (typeof value !== 'string' || !value.includes(repoUrl)) throw new Error(`package.json ${field} does not point at ${repoUrl}: ${JSON.stringify(value)}`);
}
// The package README names every operation of both clients.
const declared = readFileSync(join(installed, 'index.d.ts'), 'utf8');
const methods = new Set([...declared.matchAll(/^ {2}([a-z][A-Za-z0-9]*)\(/gm)].map((m) => m[1]).filter((m) => !m.endsWith('WithHttpInfo') && !['constructor', 'toJSON', 'free'].includes(m)));
const unnamed = [...methods].filter((m) => !pkgReadme.includes(`\`${m}\``));
if (methods.size < 40 || unnamed.length) throw new Error(`the package README does not name ${unnamed.join(', ')} (of ${methods.size} operations)`);

checkReadmeBlocks({
  work,
  here,
  tsc,
  readmes: [
    { label: 'pkg-template/README.md', text: pkgReadme },
    { label: 'fake/README.md', text: readFileSync(join(installed, 'fake', 'README.md'), 'utf8') },
    { label: 'README.md', text: readFileSync(join(root, 'README.md'), 'utf8') },
    { label: 'tests/runtimes/README.md', text: readFileSync(join(root, 'tests', 'runtimes', 'README.md'), 'utf8') },
  ],
});

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
