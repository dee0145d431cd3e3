import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFakeProviders } from '../../fake/index.js';
import { GOOD_CREDENTIALS, assertErrorArray, setup, tokenRequest } from './helpers.mjs';

test('fetch routes by path for any origin, and accepts Request objects and relative URLs', async () => {
  const fake = createFakeProviders();
  const auth = { authorization: `Bearer ${fake.kinde.issueToken()}` };
  for (const origin of ['https://fake.kinde.com', 'http://127.0.0.1:9', 'https://tenant.example.org']) {
    const res = await fake.fetch(`${origin}/api/v1/user?id=kp_fake_0001`, { headers: auth });
    assert.equal(res.status, 200);
  }
  const viaRequest = await fake.fetch(new Request('https://x.example/api/v1/users', { headers: auth }));
  assert.equal(viaRequest.status, 200);
  const viaUrl = await fake.fetch(new URL('https://x.example/api/v1/users'), { headers: auth });
  assert.equal(viaUrl.status, 200);
  const relative = await fake.fetch('/api/v1/users', { headers: auth });
  assert.equal(relative.status, 200);
  const handled = await fake.handle(new Request('https://x.example/api/v1/users', { headers: auth }));
  assert.equal(handled.status, 200);
});

test('fetch is bound: it works when passed around on its own', async () => {
  const { fetch, kinde } = createFakeProviders();
  const res = await fetch('https://x.example/api/v1/users', { headers: { authorization: `Bearer ${kinde.issueToken()}` } });
  assert.equal(res.status, 200);
});

test('responses are JSON with a charset', async () => {
  const { call } = setup();
  const res = await call('GET', '/api/v1/users');
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
});

test('an already-aborted signal rejects with its reason (or an AbortError)', async () => {
  const fake = createFakeProviders();
  const reason = new Error('stop');
  await assert.rejects(fake.fetch('https://x.example/api/v1/users', { signal: AbortSignal.abort(reason) }), (e) => e === reason);
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(fake.fetch('https://x.example/api/v1/users', { signal: controller.signal }), (e) => e.name === 'AbortError');
  await assert.rejects(
    fake.fetch(new Request('https://x.example/api/v1/users', { signal: AbortSignal.abort() })),
    (e) => e.name === 'AbortError',
  );
});

test('aborting while the request is in flight rejects', async () => {
  const fake = createFakeProviders();
  const controller = new AbortController();
  // A streamed body keeps the request in flight until the stream closes.
  let push;
  const body = new ReadableStream({ start: (c) => { push = c; } });
  const pending = fake.fetch('https://x.example/api/v1/user', {
    method: 'POST',
    body,
    duplex: 'half',
    signal: controller.signal,
    headers: { authorization: `Bearer ${fake.kinde.issueToken()}`, 'content-type': 'application/json' },
  });
  controller.abort();
  push.close();
  await assert.rejects(pending, (e) => e.name === 'AbortError');
});

test('the request log records method, url, path, lower-cased headers and body', async () => {
  const fake = createFakeProviders();
  await fake.fetch('https://x.example/oauth2/token', tokenRequest(GOOD_CREDENTIALS, { 'X-Trace': 'abc' }));
  await fake.fetch('https://x.example/api/v1/users?page_size=2', { headers: { authorization: 'Bearer nope' } });
  assert.equal(fake.requests.length, 2);
  const [token, list] = fake.requests;
  assert.equal(token.method, 'POST');
  assert.equal(token.url, 'https://x.example/oauth2/token');
  assert.equal(token.path, '/oauth2/token');
  assert.equal(token.headers['x-trace'], 'abc');
  assert.equal(token.headers['content-type'], 'application/x-www-form-urlencoded');
  assert.equal(new URLSearchParams(token.body).get('grant_type'), 'client_credentials');
  assert.equal(list.method, 'GET');
  assert.equal(list.url, 'https://x.example/api/v1/users?page_size=2');
  assert.equal(list.path, '/api/v1/users');
  assert.equal(list.headers.authorization, 'Bearer nope');
  assert.equal(list.body, null);
});

test('unknown routes are 404 not_found_response; a wrong method is 405 with Allow', async () => {
  const { call } = setup();
  const missing = await call('GET', '/api/v1/organization/users');
  assert.equal(missing.status, 404);
  assert.equal(missing.json.errors.code, 'ROUTE_NOT_FOUND');
  const wrong = await call('PUT', '/api/v1/user');
  assertErrorArray(wrong, 405, 'METHOD_NOT_ALLOWED');
  assert.equal(wrong.headers.get('allow'), 'GET, POST, PATCH, DELETE');
  // fetch does not upper-case 'patch'; like a real server, the fake treats it as another method.
  const lower = await call('patch', '/api/v1/user', { query: { id: 'kp_fake_0001' }, body: { given_name: 'X' } });
  assertErrorArray(lower, 405, 'METHOD_NOT_ALLOWED');
  const elsewhere = await call('GET', '/v2/nothing');
  assert.equal(elsewhere.status, 404);
});

test('injectFault: the next matching request gets the raw response, before auth', async () => {
  const { call, fake } = setup();
  fake.kinde.injectFault({ path: '/api/v1/users', status: 429, headers: { 'retry-after': '3' } });
  const throttled = await call('GET', '/api/v1/users', { auth: null });
  assert.equal(throttled.status, 429);
  assert.equal(throttled.headers.get('retry-after'), '3');
  assert.equal(throttled.text, '');
  assert.equal((await call('GET', '/api/v1/users')).status, 200, 'times defaults to 1');
});

test('injectFault: method, RegExp path, times and body', async () => {
  const { call, fake } = setup();
  const body = JSON.stringify({ errors: [{ code: 'TOO_MANY_REQUESTS', message: 'slow down' }] });
  fake.kinde.injectFault({ method: 'get', path: /^\/api\/v1\/users\/[^/]+\/mfa$/, status: 503, body, times: 2 });
  assert.equal((await call('DELETE', '/api/v1/users/kp_fake_0001/mfa')).status, 200, 'method must match');
  const first = await call('GET', '/api/v1/users/kp_fake_0004/mfa');
  assert.equal(first.status, 503);
  assert.equal(first.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.deepEqual(first.json, JSON.parse(body));
  assert.equal((await call('GET', '/api/v1/users/kp_fake_0007/mfa')).status, 503);
  assert.equal((await call('GET', '/api/v1/users/kp_fake_0007/mfa')).status, 200);

  fake.kinde.injectFault({ status: 500, body: 'oops', headers: { 'content-type': 'text/plain' }, times: Infinity });
  for (let i = 0; i < 3; i += 1) {
    const res = await call('GET', '/api/v1/users');
    assert.equal(res.status, 500);
    assert.equal(res.text, 'oops');
  }
  fake.kinde.reset();
  assert.equal((await call('GET', '/api/v1/users')).status, 200, 'reset clears pending faults');
});

test('injectFault on the token endpoint still counts the token request', async () => {
  const fake = createFakeProviders();
  fake.kinde.injectFault({ method: 'POST', path: '/oauth2/token', status: 503 });
  const failed = await fake.fetch('https://x.example/oauth2/token', tokenRequest(GOOD_CREDENTIALS));
  assert.equal(failed.status, 503);
  const ok = await fake.fetch('https://x.example/oauth2/token', tokenRequest(GOOD_CREDENTIALS));
  assert.equal(ok.status, 200);
  assert.equal(fake.kinde.tokenRequests, 2);
});

test('injectFault rejects malformed faults', () => {
  const { kinde } = createFakeProviders();
  assert.throws(() => kinde.injectFault({}), TypeError);
  assert.throws(() => kinde.injectFault({ status: 99 }), TypeError);
  assert.throws(() => kinde.injectFault({ status: 500, times: 0 }), TypeError);
  assert.throws(() => kinde.injectFault({ status: 500, path: 5 }), TypeError);
  assert.throws(() => kinde.injectFault({ status: 500, body: {} }), TypeError);
});

test('a 204 fault has no body even if one is given', async () => {
  const { call, fake } = setup();
  fake.kinde.injectFault({ status: 204, body: 'ignored' });
  const res = await call('GET', '/api/v1/users');
  assert.equal(res.status, 204);
  assert.equal(res.text, '');
});

test('users() is a snapshot: changing it does not change the fake', async () => {
  const { call, fake } = setup();
  const snap = fake.kinde.users();
  snap[0].first_name = 'Changed';
  snap[0].identities.length = 0;
  snap[0].organizations[0].roles.push('owner');
  const fresh = fake.kinde.users()[0];
  assert.equal(fresh.first_name, 'Ada');
  assert.equal(fresh.identities.length, 1);
  assert.deepEqual(fresh.organizations[0].roles, ['admin']);
  const res = await call('GET', '/api/v1/user', { query: { id: 'kp_fake_0001' } });
  assert.equal(res.json.first_name, 'Ada');
});

test('reset() restores the seed but keeps tokens, the clock and the request log', async () => {
  const { call, fake, token } = setup();
  await call('DELETE', '/api/v1/user', { query: { id: 'kp_fake_0001' } });
  await call('POST', '/api/v1/user', { body: {} });
  const seeded = createFakeProviders().kinde.users();
  assert.notDeepEqual(fake.kinde.users(), seeded);
  fake.kinde.reset();
  assert.deepEqual(fake.kinde.users(), seeded);
  const res = await call('GET', '/api/v1/users', { auth: token });
  assert.equal(res.status, 200);
  assert.equal(fake.requests.length, 3);
  const created = await call('POST', '/api/v1/user', { body: {} });
  assert.equal(created.json.id, 'kp_fake_0026', 'ids restart after reset');
});
