import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFakeProviders } from '../../fake/index.js';
import { GOOD_CREDENTIALS, ORIGIN, tokenRequest } from './helpers.mjs';

const TOKEN_URL = `${ORIGIN}/oauth2/token`;

async function grant(fake, init) {
  const res = await fake.fetch(TOKEN_URL, init);
  return { status: res.status, headers: res.headers, json: await res.json() };
}

async function listUsers(fake, token) {
  const res = await fake.fetch(`${ORIGIN}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } });
  return res.status;
}

test('client credentials in the body get a bearer token', async () => {
  const fake = createFakeProviders();
  const res = await grant(fake, tokenRequest(GOOD_CREDENTIALS));
  assert.equal(res.status, 200);
  assert.equal(res.json.token_type, 'bearer');
  assert.equal(res.json.expires_in, 3600);
  assert.equal(typeof res.json.access_token, 'string');
  assert.ok(res.json.access_token.length >= 32);
  assert.match(res.json.scope, /\bread:users\b/);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal(await listUsers(fake, res.json.access_token), 200);
  assert.equal(fake.kinde.tokenRequests, 1);
});

test('HTTP Basic client authentication works; audience is optional', async () => {
  const fake = createFakeProviders();
  const basic = `Basic ${btoa('fake-client-id:fake-client-secret')}`;
  const res = await grant(fake, tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic }));
  assert.equal(res.status, 200);
  assert.equal(await listUsers(fake, res.json.access_token), 200);
});

test('every grant issues a different token', async () => {
  const fake = createFakeProviders();
  const a = await grant(fake, tokenRequest(GOOD_CREDENTIALS));
  const b = await grant(fake, tokenRequest(GOOD_CREDENTIALS));
  assert.notEqual(a.json.access_token, b.json.access_token);
  assert.equal(fake.kinde.tokenRequests, 2);
});

test('bad credentials are invalid_client (401)', async () => {
  const fake = createFakeProviders();
  for (const fields of [
    { ...GOOD_CREDENTIALS, client_secret: 'wrong' },
    { ...GOOD_CREDENTIALS, client_id: 'someone-else' },
    { grant_type: 'client_credentials' },
  ]) {
    const res = await grant(fake, tokenRequest(fields));
    assert.equal(res.status, 401);
    assert.equal(res.json.error, 'invalid_client');
    assert.equal(typeof res.json.error_description, 'string');
  }
  const basic = await grant(
    fake,
    tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${btoa('fake-client-id:nope')}` }),
  );
  assert.equal(basic.status, 401);
  assert.match(basic.headers.get('www-authenticate'), /^Basic/);
  assert.equal(fake.kinde.tokenRequests, 4);
});

test('malformed token requests are invalid_request or unsupported_grant_type (400)', async () => {
  const fake = createFakeProviders();
  const cases = [
    [tokenRequest({ ...GOOD_CREDENTIALS, grant_type: 'password' }), 'unsupported_grant_type'],
    [tokenRequest({ client_id: 'fake-client-id', client_secret: 'fake-client-secret' }), 'invalid_request'],
    [tokenRequest({ ...GOOD_CREDENTIALS, audience: `${ORIGIN}/not-the-api` }), 'invalid_request'],
    [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(GOOD_CREDENTIALS) }, 'invalid_request'],
    [
      tokenRequest(GOOD_CREDENTIALS, { authorization: `Basic ${btoa('fake-client-id:fake-client-secret')}` }),
      'invalid_request', // both Basic and client_secret
    ],
    [{ ...tokenRequest(GOOD_CREDENTIALS), body: `${new URLSearchParams(GOOD_CREDENTIALS)}&grant_type=client_credentials` }, 'invalid_request'],
  ];
  for (const [init, error] of cases) {
    const res = await grant(fake, init);
    assert.equal(res.status, 400, JSON.stringify(res.json));
    assert.equal(res.json.error, error);
  }
});

test('only POST is accepted at the token endpoint', async () => {
  const fake = createFakeProviders();
  const res = await fake.fetch(TOKEN_URL);
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'POST');
  assert.equal(fake.kinde.tokenRequests, 0);
});

test('tokens expire after tokenTtlSeconds of the fake clock', async () => {
  const fake = createFakeProviders({ tokenTtlSeconds: 60, now: () => Date.UTC(2026, 0, 1) });
  const res = await grant(fake, tokenRequest(GOOD_CREDENTIALS));
  assert.equal(res.json.expires_in, 60);
  const token = res.json.access_token;
  fake.advanceTime(59_999);
  assert.equal(await listUsers(fake, token), 200);
  fake.advanceTime(1);
  const expired = await fake.fetch(`${ORIGIN}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(expired.status, 403);
  assert.equal((await expired.json()).errors[0].code, 'TOKEN_EXPIRED');
});

test('an injected clock drives expiry too', async () => {
  let now = 1_000_000;
  const fake = createFakeProviders({ now: () => now, tokenTtlSeconds: 10 });
  const token = fake.kinde.issueToken();
  now += 9_000;
  assert.equal(await listUsers(fake, token), 200);
  now += 1_000;
  assert.equal(await listUsers(fake, token), 403);
});

test('issueToken gives a valid token without a token request; revokeTokens invalidates all', async () => {
  const fake = createFakeProviders();
  const a = fake.kinde.issueToken();
  const b = fake.kinde.issueToken();
  assert.equal(fake.kinde.tokenRequests, 0);
  assert.equal(await listUsers(fake, a), 200);
  fake.kinde.revokeTokens();
  for (const t of [a, b]) {
    const res = await fake.fetch(`${ORIGIN}/api/v1/users`, { headers: { authorization: `Bearer ${t}` } });
    assert.equal(res.status, 403);
    assert.equal((await res.json()).errors[0].code, 'TOKEN_INVALID');
  }
  assert.equal(await listUsers(fake, fake.kinde.issueToken()), 200);
});

test('tokens of one fake are not valid in another', async () => {
  const a = createFakeProviders();
  const b = createFakeProviders();
  assert.equal(await listUsers(b, a.kinde.issueToken()), 403);
});

test('option validation', () => {
  assert.throws(() => createFakeProviders({ seed: -1 }), TypeError);
  assert.throws(() => createFakeProviders({ seed: 2.5 }), TypeError);
  assert.throws(() => createFakeProviders({ tokenTtlSeconds: 0 }), TypeError);
  assert.throws(() => createFakeProviders({ now: 5 }), TypeError);
  const fake = createFakeProviders();
  assert.throws(() => fake.advanceTime(-1), TypeError);
});
