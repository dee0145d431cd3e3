// The hot path in a bundle that keeps function names (wrangler's default,
// esbuild's keepNames): such a bundler wraps every closure bound to a name
// in a call that sets its `name`, so a closure made per call and bound as
// `const f = () => …` would cost a property definition on every call (the
// build's unnameFunctions leaves it nothing to wrap: see
// tests/node/unname-functions.test.mjs). A call and a list call, run, set
// none. Runs against the built package in dist/, bundled here with esbuild.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';

const DIST = new URL('../../dist/', import.meta.url);

/** Counts `Object.defineProperty(f, 'name', …)` on functions while `counting` is on (installed before the bundle loads: esbuild's helper keeps its own reference). */
// Node's own fetch (undici, loaded on first use) is such a bundle too: it is
// loaded and used before the counting starts, and its calls are made
// outside the counted stretch (a stub answers, with Responses made beforehand... by a Response made up front).
await new Response('{}').text();
const names = { counting: false, count: 0 };
const define = Object.defineProperty;
Object.defineProperty = function (target, key, desc) {
  if (names.counting && key === 'name' && typeof target === 'function') names.count++;
  return define(target, key, desc);
};

async function keepNamesBundle() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idp-keep-names-'));
  fs.cpSync(new URL('wasm', DIST), path.join(dir, 'wasm'), { recursive: true });
  fs.copyFileSync(new URL('node.mjs', DIST), path.join(dir, 'node.mjs'));
  const out = path.join(dir, 'bundle.mjs');
  await build({ entryPoints: [path.join(dir, 'node.mjs')], outfile: out, bundle: true, format: 'esm', platform: 'node', keepNames: true, logLevel: 'silent' });
  return { mod: await import(out), dir };
}

const USER = JSON.stringify({ id: 'kp_1', first_name: 'Ada' });
const PAGE = JSON.stringify({ code: 'OK', users: [{ id: 'kp_1' }, { id: 'kp_2' }], next_token: null });

function stubFetch(url) {
  const u = new URL(url);
  if (u.pathname === '/api/v1/users') return Promise.resolve(new Response(PAGE, { status: 200, headers: { 'content-type': 'application/json' } }));
  if (u.searchParams.get('id') === 'kp_busy') return Promise.resolve(new Response('{"errors":[]}', { status: 429, headers: { 'retry-after': '7' } }));
  return Promise.resolve(new Response(USER, { status: 200, headers: { 'content-type': 'application/json', 'x-note': 'kept' } }));
}

test('with keepNames, a call and a list call set no function name (no closure bound to a name per call)', async () => {
  const { mod, dir } = await keepNamesBundle();
  try {
    const api = new mod.KindeUsersApi({ domain: 'https://acme.kinde.com', accessToken: 'tok_abcdefgh', fetch: stubFetch });
    await api.getUserData('kp_1'); // first calls: whatever is made once
    await api.getUsers({ page_size: 2 });
    names.counting = true;
    for (let i = 0; i < 20; i++) {
      assert.equal((await api.getUserData('kp_1')).id, 'kp_1');
      assert.equal((await api.getUsers({ page_size: 2 })).users.length, 2);
    }
    names.counting = false;
    assert.equal(names.count, 0, `${names.count} function names set during 40 calls`);
  } finally {
    names.counting = false;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('headers read only when needed still reach the caller: WithHttpInfo, and a failed call\'s Retry-After', async () => {
  const { KindeUsersApi } = await import(new URL('node.mjs', DIST));
  const api = new KindeUsersApi({ domain: 'https://acme.kinde.com', accessToken: 'tok_abcdefgh', fetch: stubFetch, retries: 0 });
  const info = await api.getUserDataWithHttpInfo('kp_1');
  assert.equal(info.status, 200);
  assert.equal(info.headers['x-note'], 'kept');
  await assert.rejects(api.getUserData('kp_busy'), (e) => e.status === 429 && e.retryAfterMs === 7000);
});
