// Runs fixtures/smoke.mjs in Deno, Bun (in-process fake and fake/server.js)
// and workerd (in-process fake), with the binaries from node_modules/.bin.
// A runtime whose binary is missing is skipped.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const smoke = join(root, 'tests', 'fake', 'fixtures', 'smoke.mjs');

test('deno: in-process fake and HTTP server', { skip: !existsSync(bin('deno')) && 'deno not installed' }, async () => {
  const { stdout } = await run(bin('deno'), ['run', '--allow-net=127.0.0.1', '--allow-read', smoke, '--server'], {
    env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    timeout: 60_000,
  });
  assert.match(stdout, /FAKE_SMOKE_OK/);
});

test('bun: in-process fake and HTTP server', { skip: !existsSync(bin('bun')) && 'bun not installed' }, async () => {
  const { stdout } = await run(bin('bun'), [smoke, '--server'], { timeout: 60_000 });
  assert.match(stdout, /FAKE_SMOKE_OK/);
});

async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

test('workerd: in-process fake', { skip: !existsSync(bin('workerd')) && 'workerd not installed' }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fake-workerd-'));
  try {
    // The worker gets fake/ as it ships (minus the node:http server and CLI) plus the smoke fixture,
    // under module names that mirror the repo so relative imports resolve.
    const sources = [
      ...(await filesUnder(join(root, 'fake'))).filter((f) => /\.js$/.test(f) && !/(server|cli)\.js$/.test(f) && !f.includes('conformance')),
      smoke,
      join(root, 'tests', 'fake', 'fixtures', 'workerd-main.mjs'),
    ].map((f) => relative(root, f));
    for (const f of sources) await cp(join(root, f), join(dir, 'src', f));
    const main = 'tests/fake/fixtures/workerd-main.mjs';
    const modules = [main, ...sources.filter((f) => f !== main)]
      .map((f) => `(name = "${f}", esModule = embed "src/${f}")`)
      .join(',\n    ');
    await writeFile(
      join(dir, 'config.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (services = [(name = "main", worker = .w)]);
const w :Workerd.Worker = (
  modules = [
    ${modules}
  ],
  compatibilityDate = "2024-09-01",
);
`,
    );
    const { stdout, stderr } = await run(bin('workerd'), ['test', join(dir, 'config.capnp')], { timeout: 60_000 });
    assert.match(stdout + stderr, /FAKE_SMOKE_OK/);
    assert.match(stderr, /\[ PASS \] main/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
