#!/usr/bin/env node
// Type-checks usage.mts (ESM) and usage.cts (CommonJS) against the packed
// package: proves `types` resolves under both conditions and that the
// typings accept right usage and reject wrong usage (@ts-expect-error).
//   node tests/types/check.mjs [path/to/idp-users-x.y.z.tgz]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
for (const f of ['usage.mts', 'usage.cts']) copyFileSync(join(here, f), join(work, f));
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
    files: ['usage.mts', 'usage.cts'],
  }),
);
execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', work], { stdio: 'inherit' });
console.log('typings: ESM and CommonJS usage type-check (strict, skipLibCheck off)');
