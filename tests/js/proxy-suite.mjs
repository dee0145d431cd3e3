// The proxy half of the shared suite (tests/js/suite.mjs runs it with its own
// test kit): `createUsersProxy` from 'idp-users/proxy' called in-process as
// the fetch handler it is, in every runtime, against the in-memory fake
// providers. The serving smoke tests (Deno.serve, Bun.serve, Node through
// @hono/node-server, a Worker in workerd) are in tests/runtimes.

const ADMIN = 'admin-token';
const KINDE_DOMAIN = 'https://fake.kinde.com';
const CLERK_BASE = 'https://api.clerk.test/v1';
const ORIGIN = 'http://proxy.test';
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 250, 251, 252, 0, 255];
const K1 = 'kp_fake_0001';
const C1 = 'user_fake_0001';
const C2 = 'user_fake_0002';

export async function proxyTests({ lib, fake, proxy, test, ok, eq, rejects, allow: consent }) {
  const { KindeUsersApi, ClerkUsersApi, IdpUsersError } = lib;
  const createUsersProxy = proxy && proxy.createUsersProxy;

  await test('proxy: idp-users/proxy exports createUsersProxy', () => {
    ok(typeof createUsersProxy === 'function', 'createUsersProxy is a function (the fixture passes the idp-users/proxy module as `proxy`)');
  });
  if (typeof createUsersProxy !== 'function') return;

  /** A proxy over a fresh fake, both providers configured; `call(path, init)` sends it an authorized request. */
  function setup(options = {}, fakeOptions) {
    const f = fake.createFakeProviders(fakeOptions);
    const handler = createUsersProxy({
      kinde: { domain: KINDE_DOMAIN, clientId: f.kinde.clientId, clientSecret: f.kinde.clientSecret, fetch: f.fetch, ...consent },
      clerk: { secretKey: f.clerk.secretKey, baseUrl: CLERK_BASE, fetch: f.fetch, ...consent },
      allow: ['kinde.*', 'clerk.*'],
      authorize: (request) => request.headers.get('authorization') === `Bearer ${ADMIN}`,
      ...options,
    });
    const call = (path, init = {}) =>
      handler(new Request(`${ORIGIN}${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN}`, ...init.headers } }));
    return { f, handler, call };
  }
  /** Requests that reached a provider's API (token requests aside). */
  const upstream = (f) => f.requests.filter((r) => r.path.startsWith('/api/') || r.path.startsWith('/v1/'));
  const json = async (res) => {
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`not JSON (status ${res.status}): ${text.slice(0, 300)}`);
    }
  };
  /** Asserts a proxy error answer: status, JSON content type, error.code (and operation). */
  async function proxyError(res, status, code, what, operation) {
    eq(res.status, status, `${what}: status`);
    ok(/^application\/json/.test(res.headers.get('content-type') || ''), `${what}: JSON content type`);
    const body = await json(res);
    eq(body.error && body.error.code, code, `${what}: error.code (message: ${body.error && body.error.message})`);
    ok(typeof body.error.message === 'string' && body.error.message.length > 0, `${what}: a message`);
    if (operation !== undefined) eq(body.error.operation, operation, `${what}: error.operation`);
    return body;
  }
  /** A browser-style client: no credential, only the admin token, calling the handler in-process. */
  const through = (handler) => (url, init) => handler(new Request(url, init));
  const kindeVia = (handler, extra) => new KindeUsersApi({ domain: `${ORIGIN}/admin-api/kinde`, getToken: () => ADMIN, fetch: through(handler), ...extra });
  const clerkVia = (handler, extra) => new ClerkUsersApi({ baseUrl: `${ORIGIN}/admin-api/clerk`, getToken: () => ADMIN, fetch: through(handler), ...extra });

  await test('proxy: invalid options throw IdpUsersError validation errors naming the option', () => {
    const f = fake.createFakeProviders();
    const kinde = { domain: KINDE_DOMAIN, clientId: f.kinde.clientId, clientSecret: 'cs_hidden_value', fetch: f.fetch, ...consent };
    const clerk = { secretKey: 'sk_test_hidden_value', baseUrl: CLERK_BASE, fetch: f.fetch, ...consent };
    const authorize = () => true;
    const cases = [
      [undefined, 'options'],
      [{ kinde, allow: ['kinde.*'] }, 'authorize'],
      [{ kinde, allow: ['kinde.*'], authorize: true }, 'authorize'],
      [{ allow: ['kinde.*'], authorize }, 'options'],
      [{ kinde, authorize }, 'allow'],
      [{ kinde, allow: [], authorize }, 'allow'],
      [{ kinde, allow: 'kinde.*', authorize }, 'allow'],
      [{ kinde, allow: ['kinde.getUsers', 'kinde.nope'], authorize }, 'allow[1]', /kinde operation/],
      [{ clerk, allow: ['clerk.getUsers'], authorize }, 'allow[0]', /did you mean "clerk\.getUser"/],
      [{ kinde, allow: ['kinde.getUsersWithHttpInfo'], authorize }, 'allow[0]', /"kinde\.getUsers" allows both/],
      [{ kinde, allow: ['okta.getUsers'], authorize }, 'allow[0]'],
      [{ kinde, allow: ['Kinde.getUsers'], authorize }, 'allow[0]', /did you mean "kinde\.getUsers"/],
      [{ kinde, allow: ['kinde'], authorize }, 'allow[0]', /did you mean "kinde\.\*"/],
      [{ kinde, allow: [42], authorize }, 'allow[0]'],
      [{ kinde, allow: ['clerk.banUser'], authorize }, 'allow[0]', /no clerk config/],
      [{ kinde, allow: ['kinde.*'], authorize, basePath: 'admin' }, 'basePath'],
      [{ kinde, allow: ['kinde.*'], authorize, basePath: '/a/../b' }, 'basePath'],
      [{ kinde, allow: ['kinde.*'], authorize, basePath: '/a%2Fb' }, 'basePath'],
      [{ kinde, allow: ['kinde.*'], authorize, basePath: '/a//b' }, 'basePath'],
      [{ kinde, allow: ['kinde.*'], authorize, basePath: '/a?b' }, 'basePath'],
      [{ kinde, allow: ['kinde.*'], authorize, maxBodyBytes: -1 }, 'maxBodyBytes'],
      [{ kinde, allow: ['kinde.*'], authorize, maxBodyBytes: 1.5 }, 'maxBodyBytes'],
      [{ kinde, allow: ['kinde.*'], authorize, maxBodyBytes: '1mb' }, 'maxBodyBytes'],
      [{ kinde, allow: ['kinde.*'], authorize, basepath: '/x' }, 'basepath', /did you mean "basePath"/],
      [{ kinde: 'acme.kinde.com', allow: ['kinde.*'], authorize }, 'kinde'],
      [{ kinde: { ...kinde, domain: 'ftp://x' }, allow: ['kinde.*'], authorize }, 'kinde.domain'],
      [{ clerk: { ...clerk, secretKey: 'pk_test_abc' }, allow: ['clerk.*'], authorize }, 'clerk.secretKey'],
    ];
    for (const [options, param, message] of cases) {
      let err;
      try {
        createUsersProxy(options);
      } catch (e) {
        err = e;
      }
      // The same class as the package's own: the proxy loaded the same entry (and wasm instance) as `import 'idp-users'`.
      ok(err instanceof IdpUsersError, `${param}: throws the package's IdpUsersError (got ${err})`);
      eq([err.kind, err.param], ['validation', param], `${param}: kind and param (${err.message})`);
      if (message) ok(message.test(err.message), `${param}: message ${message} (got: ${err.message})`);
      ok(!err.message.includes('cs_hidden_value') && !err.message.includes('sk_test_hidden_value'), `${param}: no secret in the message`);
    }
    ok(typeof createUsersProxy({ kinde, allow: ['kinde.getUsers'], authorize, basePath: '/', maxBodyBytes: 0 }) === 'function', 'valid options give a handler');
  });

  await test('proxy: allowed operations get the provider credential; the caller\'s Authorization, cookies and other headers never reach the provider', async () => {
    const { f, call } = setup();
    const headers = { cookie: 'session=abc', 'x-request-id': 'req-1', 'x-http-method-override': 'DELETE', 'x-forwarded-host': 'evil.test' };
    const res = await call('/admin-api/kinde/api/v1/users?page_size=3&expand=organizations', { headers });
    eq(res.status, 200, 'status');
    ok(/json/.test(res.headers.get('content-type')), 'content type passed back');
    eq(res.headers.get('cache-control'), 'no-store', 'no-store');
    const page = await json(res);
    eq(page.users.length, 3, 'three users');
    let sent = upstream(f).at(-1);
    eq([sent.method, sent.url], ['GET', `${KINDE_DOMAIN}/api/v1/users?page_size=3&expand=organizations`], 'method, URL and raw query');
    ok(/^Bearer fake_kinde_at_/.test(sent.headers.authorization), `the minted Kinde token, not the caller's (${sent.headers.authorization})`);
    eq(sent.headers['x-request-id'], 'req-1', 'x-request-id forwarded');
    for (const h of ['cookie', 'x-http-method-override', 'x-forwarded-host']) eq(sent.headers[h], undefined, `${h} dropped`);
    const clerk = await call('/admin-api/clerk/users?limit=2&order_by=-created_at&email_address=a%40x.com&email_address=b%40x.com', { headers });
    eq(clerk.status, 200, 'clerk status');
    eq(Array.isArray(await json(clerk)), true, 'clerk list');
    sent = upstream(f).at(-1);
    eq(sent.url, `${CLERK_BASE}/users?limit=2&order_by=-created_at&email_address=a%40x.com&email_address=b%40x.com`, 'clerk URL, repeated keys intact');
    eq([sent.headers.authorization, sent.headers['clerk-api-version']], ['Bearer sk_test_fake', '2026-05-12'], 'secret key and API version');
    ok(!f.requests.some((r) => JSON.stringify(r.headers).includes(ADMIN)), 'the admin token never reached a provider');
    // Single-flight: concurrent calls share one token request.
    const before = f.kinde.tokenRequests;
    eq(before, 1, 'one token so far');
    const many = await Promise.all([1, 2, 3, 4, 5].map(() => call('/admin-api/kinde/api/v1/users?page_size=1')));
    eq(many.map((r) => r.status), [200, 200, 200, 200, 200], 'five concurrent calls');
    eq(f.kinde.tokenRequests, 1, 'the cached token is reused');
  });

  await test('proxy: operations not in allow get 403 naming the operation; unknown requests 404; nothing reaches the provider', async () => {
    const { f, call, handler } = setup({ allow: ['kinde.getUsers', 'clerk.getUserList', 'clerk.getUser'] });
    await proxyError(await call(`/admin-api/clerk/users/${C1}`, { method: 'DELETE' }), 403, 'operation_not_allowed', 'deleteUser', 'clerk.deleteUser');
    await proxyError(await call('/admin-api/clerk/users/count'), 403, 'operation_not_allowed', 'count over {user_id}', 'clerk.getUsersCount');
    await proxyError(await call(`/admin-api/clerk/users/${C1}/ban`, { method: 'POST' }), 403, 'operation_not_allowed', 'ban', 'clerk.banUser');
    await proxyError(await call(`/admin-api/kinde/api/v1/user?id=${K1}`), 403, 'operation_not_allowed', 'getUserData', 'kinde.getUserData');
    await proxyError(await call('/admin-api/kinde/api/v1/nope'), 404, 'unknown_operation', 'unknown path');
    await proxyError(await call('/admin-api/kinde/api/v1/users', { method: 'POST', body: '{}' }), 404, 'unknown_operation', 'unknown method');
    await proxyError(await call('/admin-api/kinde/api/v1/users', { method: 'OPTIONS' }), 404, 'unknown_operation', 'OPTIONS');
    await proxyError(await call('/admin-api/kinde'), 404, 'unknown_operation', 'the provider root');
    await proxyError(await call('/admin-api/okta/users'), 404, 'not_found', 'unknown provider');
    await proxyError(await call('/elsewhere/kinde/api/v1/users'), 404, 'not_found', 'outside basePath');
    await proxyError(await call('/admin-apix/kinde/api/v1/users'), 404, 'not_found', 'a longer first segment');
    eq(upstream(f).length, 0, 'nothing reached a provider');
    eq(f.kinde.tokenRequests, 0, 'no token was minted');
    const kindeOnly = createUsersProxy({
      kinde: { domain: KINDE_DOMAIN, accessToken: f.kinde.issueToken(), fetch: f.fetch },
      allow: ['kinde.*'],
      authorize: () => true,
      basePath: '/x/y/',
    });
    await proxyError(await kindeOnly(new Request(`${ORIGIN}/x/y/clerk/users`)), 404, 'provider_not_configured', 'Clerk not configured');
    eq((await kindeOnly(new Request(`${ORIGIN}/x/y/kinde/api/v1/users?page_size=1`))).status, 200, 'basePath /x/y/');
    await proxyError(await kindeOnly(new Request(`${ORIGIN}/admin-api/kinde/api/v1/users`)), 404, 'not_found', 'the default basePath is not served then');
    eq((await handler(new Request(`${ORIGIN}/admin-api/clerk/users?limit=1`, { headers: { authorization: `Bearer ${ADMIN}` } }))).status, 200, 'an allowed one still works');
  });

  await test('proxy: missing, forged or failing authorization is 401 and runs nothing', async () => {
    const seen = [];
    const { f, handler } = setup({
      authorize: async (request) => {
        seen.push(request.url);
        const auth = request.headers.get('authorization');
        if (auth === 'Bearer boom') throw new Error('authorize exploded');
        if (auth === 'Bearer truthy') return 'yes';
        return auth === `Bearer ${ADMIN}`;
      },
    });
    const send = (auth, path = '/admin-api/kinde/api/v1/users') => handler(new Request(`${ORIGIN}${path}`, { headers: auth ? { authorization: auth } : {} }));
    for (const [auth, what] of [
      [undefined, 'no Authorization'],
      ['Bearer wrong', 'a forged token'],
      [`Basic ${btoa(`admin:${ADMIN}`)}`, 'another scheme'],
      ['Bearer boom', 'authorize throws'],
      ['Bearer truthy', 'authorize returns a truthy non-true value'],
    ]) {
      const res = await send(auth);
      const body = await proxyError(res, 401, 'unauthorized', what);
      ok(!JSON.stringify(body).includes('exploded'), `${what}: authorize's error is not echoed`);
    }
    await proxyError(await send('Bearer wrong', `/admin-api/clerk/users/${C1}`), 401, 'unauthorized', 'Clerk too');
    await proxyError(await send(undefined, '/admin-api/kinde/api/v1/nope'), 401, 'unauthorized', 'an unknown operation is not revealed before authorization');
    eq(upstream(f).length + f.kinde.tokenRequests, 0, 'nothing reached a provider, no token minted');
    eq((await send(`Bearer ${ADMIN}`)).status, 200, 'the right token (async authorize) passes');
    ok(seen.length === 8, 'authorize saw every request under basePath');
  });

  await test('proxy: credentials never appear in a response, an error of the proxy, or passed-back headers', async () => {
    const { f, call, handler } = setup();
    eq((await call('/admin-api/kinde/api/v1/users?page_size=1')).status, 200, 'a token is minted');
    const token = upstream(f).at(-1).headers.authorization.slice('Bearer '.length);
    const secret = f.kinde.clientSecret;
    const check = async (res, what, expectRedacted = true) => {
      const text = await res.text();
      for (const [value, name] of [[token, 'token'], [secret, 'client secret'], [f.clerk.secretKey, 'secret key']]) {
        ok(!text.includes(value), `${what}: no ${name} in the body: ${text.slice(0, 300)}`);
        for (const [h, v] of res.headers) ok(!v.includes(value), `${what}: no ${name} in header ${h}`);
      }
      if (expectRedacted) ok(text.includes('[redacted]'), `${what}: [redacted] in its place: ${text.slice(0, 300)}`);
      return text;
    };
    f.kinde.injectFault({
      path: '/api/v1/users',
      status: 400,
      headers: { 'retry-after': token },
      body: JSON.stringify({ errors: [{ code: 'X', message: 'echo ' + token }, { code: 'Y', message: `secret ${secret} and ${encodeURIComponent(secret)}` }] }),
    });
    let res = await call('/admin-api/kinde/api/v1/users');
    eq(res.status, 400, 'the provider status');
    const text = await check(res, 'Kinde echo');
    eq(JSON.parse(text).errors[0].message, 'echo [redacted]', 'the rest of the body is intact');
    eq(res.headers.get('retry-after'), '[redacted]', 'a passed-back header is redacted too');
    f.clerk.injectFault({ path: `/v1/users/${C1}`, status: 422, body: JSON.stringify({ errors: [{ code: 'X', message: `key ${f.clerk.secretKey}`, long_message: JSON.stringify(`"${f.clerk.secretKey}"`) }] }) });
    await check(await call(`/admin-api/clerk/users/${C1}`), 'Clerk echo');
    // A rejected Kinde token is re-minted once and the request retried once.
    f.kinde.injectFault({ path: '/api/v1/users', status: 401, body: JSON.stringify({ errors: [{ code: 'TOKEN_INVALID', message: `bad ${token}` }] }) });
    res = await call('/admin-api/kinde/api/v1/users?page_size=2');
    eq(res.status, 200, 'retried with a new token');
    eq(f.kinde.tokenRequests, 2, 're-minted once');
    const fresh = upstream(f).at(-1).headers.authorization.slice('Bearer '.length);
    ok(fresh !== token, 'a new token was sent');
    f.kinde.injectFault({ path: '/api/v1/users', status: 403, body: JSON.stringify({ errors: [{ code: 'TOKEN_INVALID', message: `bad ${fresh}` }] }), times: 2 });
    res = await call('/admin-api/kinde/api/v1/users');
    eq(res.status, 403, 'rejected twice: the second answer is passed back');
    const twice = await check(res, 'Kinde 403 after a re-mint');
    ok(!twice.includes(fresh), 'neither token');
    eq(f.kinde.tokenRequests, 3, 'one re-mint per request, no more');
    // The proxy's own errors: a token endpoint that refuses the credentials, a network failure.
    const wrong = createUsersProxy({
      kinde: { domain: KINDE_DOMAIN, clientId: f.kinde.clientId, clientSecret: 'wrong-secret-123', fetch: f.fetch, ...consent },
      allow: ['kinde.*'],
      authorize: () => true,
    });
    res = await wrong(new Request(`${ORIGIN}/admin-api/kinde/api/v1/users`));
    const authBody = await proxyError(res.clone(), 502, 'upstream_auth_failed', 'token refused', 'kinde.getUsers');
    ok(!JSON.stringify(authBody).includes('wrong-secret-123'), 'the wrong secret is not echoed');
    const down = createUsersProxy({
      clerk: { secretKey: 'sk_test_down_key', fetch: () => Promise.reject(new TypeError('connect failed for sk_test_down_key')), ...consent },
      allow: ['clerk.*'],
      authorize: () => true,
    });
    res = await down(new Request(`${ORIGIN}/admin-api/clerk/users`));
    const downBody = await proxyError(res, 502, 'upstream_unreachable', 'network failure', 'clerk.getUserList');
    ok(!JSON.stringify(downBody).includes('sk_test_down_key') && downBody.error.message.includes('[redacted]'), `the key is redacted from the cause: ${downBody.error.message}`);
    ok(handler.length <= 1, 'a handler of one request');
  });

  await test('proxy: bodies over maxBodyBytes get 413, by Content-Length and by counting the stream', async () => {
    const { f, call } = setup({ maxBodyBytes: 64 });
    const big = JSON.stringify({ given_name: 'x'.repeat(100) });
    await proxyError(await call(`/admin-api/kinde/api/v1/user?id=${K1}`, { method: 'PATCH', body: big, headers: { 'content-type': 'application/json' } }), 413, 'body_too_large', 'a 113-byte body', 'kinde.updateUser');
    // A streamed body (no Content-Length): counted while it is read.
    let streamed;
    try {
      const chunks = [new Uint8Array(40).fill(32), new Uint8Array(40).fill(32)];
      const stream = new ReadableStream({
        pull(controller) {
          if (chunks.length) controller.enqueue(chunks.shift());
          else controller.close();
        },
      });
      streamed = new Request(`${ORIGIN}/admin-api/clerk/users/${C1}/metadata`, { method: 'PATCH', body: stream, duplex: 'half', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' } });
    } catch {}
    if (streamed) {
      ok(streamed.headers.get('content-length') === null, 'a streamed request has no Content-Length');
      const { handler } = setup({ maxBodyBytes: 64 });
      await proxyError(await handler(streamed), 413, 'body_too_large', 'an 80-byte stream', 'clerk.updateUserMetadata');
    }
    eq(upstream(f).length, 0, 'nothing reached a provider');
    // Exactly at the limit passes.
    const body = JSON.stringify({ given_name: 'Ada' });
    const exact = body.slice(0, -1) + ' '.repeat(64 - body.length) + '}';
    eq(new TextEncoder().encode(exact).length, 64, '64 bytes');
    const res = await call(`/admin-api/kinde/api/v1/user?id=${K1}`, { method: 'PATCH', body: exact, headers: { 'content-type': 'application/json' } });
    eq(res.status, 200, 'a body of exactly maxBodyBytes is forwarded');
    eq((await json(res)).given_name, 'Ada', 'and applied');
    eq(upstream(f).at(-1).body, exact, 'byte for byte');
  });

  await test('proxy: path tricks (.., %2e%2e, encoded slashes, //, backslashes, ..;) never reach another endpoint', async () => {
    const { f, call, handler } = setup({ allow: ['kinde.getUsers', 'clerk.getUser'] });
    const tricks = [
      `/admin-api/kinde/api/v1/users/../user?id=${K1}`,
      `/admin-api/kinde/api/v1/users/%2e%2e/user?id=${K1}`,
      `/admin-api/kinde/api/v1/users/%2E%2e/%2e%2E/v1/user?id=${K1}`,
      `/admin-api/kinde/api/v1/users%2F..%2Fuser?id=${K1}`,
      `/admin-api/clerk/users/${C1}%2F..%2F..%2Fusers`,
      `/admin-api/clerk/users/..%2Fusers%2F${C2}`,
      `/admin-api/clerk/users/%2e%2e%2fcount`,
      `/admin-api/clerk/users/${C1}%5c..%5ccount`,
      `/admin-api/clerk//users/${C1}`,
      `/admin-api/clerk/users//${C1}`,
      `/admin-api/clerk/users/${C1}\\..\\count`,
      `/admin-api/clerk/users/..;/users`,
      `/admin-api/clerk/users/${C1}%00`,
      `/admin-api/clerk/users/%ZZ`,
      `/admin-api/clerk/users/${C1}/../count`,
      `/admin-api/kinde/api/v1/users/./`,
    ];
    for (const path of tricks) {
      const res = await call(path);
      ok(res.status === 403 || res.status === 404, `${path}: refused (got ${res.status})`);
      await res.text();
    }
    // Runtimes that hand the handler the URL exactly as sent (not normalized): a Request-like object.
    for (const path of tricks.slice(0, 3).concat([`/admin-api/clerk/users/${C1}/../count`, `/admin-api/kinde/../clerk/users/${C1}`])) {
      const raw = { url: `${ORIGIN}${path}`, method: 'GET', headers: new Headers({ authorization: `Bearer ${ADMIN}` }), body: null };
      await proxyError(await handler(raw), 404, 'unknown_operation', `raw ${path}`);
    }
    eq(upstream(f).map((r) => r.path), [], 'no trick reached a provider');
    const res = await call(`/admin-api/clerk/users/${C1}`);
    eq([res.status, (await json(res)).id], [200, C1], 'the allowed operation works');
    eq(upstream(f).map((r) => `${r.method} ${r.url}`), [`GET ${CLERK_BASE}/users/${C1}`], 'and reaches exactly its endpoint');
  });

  await test('proxy: a multipart upload passes through intact (Clerk setUserProfileImage from a browser-style client)', async () => {
    const { f, handler } = setup();
    const clerk = clerkVia(handler);
    const user = await clerk.setUserProfileImage(C1, new Blob([new Uint8Array(PNG)], { type: 'image/png' }));
    eq(user.has_image, true, 'has_image');
    const image = f.clerk.profileImage(C1);
    ok(image, 'stored');
    eq(Array.from(image.bytes), PNG, 'byte-exact through the proxy');
    eq(image.type, 'image/png', 'type');
    const sent = upstream(f).at(-1);
    ok(/^multipart\/form-data; boundary=/.test(sent.headers['content-type']), `boundary kept (${sent.headers['content-type']})`);
    eq(sent.headers.authorization, 'Bearer sk_test_fake', 'with the secret key');
    if (typeof File === 'function') {
      await clerk.setUserProfileImage(C2, new File([new Uint8Array(PNG)], 'avatar.png', { type: 'image/png' }));
      eq(f.clerk.profileImage(C2).name, 'avatar.png', 'a File keeps its name');
    }
    eq((await clerk.deleteUserProfileImage(C1)).has_image, false, 'deleteUserProfileImage');
  });

  await test('proxy: rate-limit headers are passed back (and nothing else of the provider\'s)', async () => {
    const { f, call, handler } = setup();
    f.clerk.injectFault({
      path: '/v1/users',
      status: 429,
      headers: { 'retry-after': '7', 'x-ratelimit-limit': '100', 'ratelimit-remaining': '0', 'cf-ray': 'ray-abc', 'set-cookie': 'a=b', 'x-internal': 'hidden', 'access-control-allow-origin': '*' },
      body: JSON.stringify({ errors: [{ code: 'too_many_requests', message: 'slow down', long_message: 'Too many requests' }] }),
    });
    let res = await call('/admin-api/clerk/users?limit=1');
    eq(res.status, 429, 'status');
    eq(
      ['retry-after', 'x-ratelimit-limit', 'ratelimit-remaining', 'cf-ray'].map((h) => res.headers.get(h)),
      ['7', '100', '0', 'ray-abc'],
      'rate-limit headers and cf-ray',
    );
    for (const h of ['set-cookie', 'x-internal', 'access-control-allow-origin']) eq(res.headers.get(h), null, `${h} not passed back`);
    eq((await json(res)).errors[0].code, 'too_many_requests', 'body');
    f.kinde.injectFault({ path: '/api/v1/users', status: 429, headers: { 'ratelimit-reset': '3', 'ratelimit-limit': '60', 'x-ratelimit-reset': '3' } });
    res = await call('/admin-api/kinde/api/v1/users');
    eq([res.status, res.headers.get('ratelimit-reset'), res.headers.get('ratelimit-limit'), res.headers.get('x-ratelimit-reset')], [429, '3', '60', '3'], 'Kinde rate-limit headers');
    await res.text();
    // A real client behind the proxy reads them.
    f.clerk.injectFault({ path: '/v1/users/count', status: 429, headers: { 'retry-after': '9' } });
    const err = await rejects(clerkVia(handler, { retries: 0 }).getUsersCount(), { kind: 'api', status: 429, retryAfterMs: 9000 }, 'the client sees the server delay');
    ok(err.attempts === 1, 'one attempt');
  });

  await test('proxy: real clients work end to end through it, auto-pagination included', async () => {
    const { f, handler } = setup({ allow: ['clerk.getUserList', 'clerk.getUsersCount', 'clerk.getUser', 'clerk.banUser', 'clerk.updateUserMetadata', 'kinde.getUsers', 'kinde.getUserData', 'kinde.createUser', 'kinde.updateUser'] });
    const clerk = clerkVia(handler);
    eq((await clerk.getUserList({ limit: 10 })).length, 10, 'one page');
    const all = [];
    for await (const user of clerk.getUserList({ limit: 7 })) all.push(user.id);
    eq([all.length, new Set(all).size], [25, 25], 'every user, page after page');
    eq((await clerk.getUsersCount({ banned: false })).total_count, 23, 'count with a filter');
    eq((await clerk.banUser(C1)).banned, true, 'banUser');
    const meta = await clerk.updateUserMetadata(C1, { public_metadata: { plan: 'team' } });
    eq(meta.public_metadata.plan, 'team', 'updateUserMetadata');
    const info = await clerk.getUserWithHttpInfo(C1);
    eq([info.status, info.data.id], [200, C1], 'WithHttpInfo');
    await rejects(clerk.getUser('user_nope'), { kind: 'api', status: 404, code: 'resource_not_found' }, 'a provider error reaches the client as the provider sent it');
    const refused = await rejects(clerk.deleteUser(C1), { kind: 'api', status: 403 }, 'an operation not allowed');
    ok(refused.body.includes('operation_not_allowed') && refused.body.includes('clerk.deleteUser'), `the proxy's error in the body: ${refused.body}`);

    const kinde = kindeVia(handler);
    const ids = [];
    for await (const user of kinde.getUsers({ page_size: 7 })) ids.push(user.id);
    eq([ids.length, new Set(ids).size], [25, 25], 'Kinde: every user through next_token');
    eq((await kinde.getUserData(K1)).id, K1, 'getUserData');
    const created = await kinde.createUser({ profile: { given_name: 'Ada' } });
    ok(created.created === true, 'createUser');
    eq((await kinde.updateUser(created.id, { family_name: 'King' })).family_name, 'King', 'updateUser');
    eq(f.kinde.tokenRequests, 1, 'one Kinde token for all of it');
    ok(!f.requests.some((r) => JSON.stringify(r.headers).includes(ADMIN)), 'the admin token never reached a provider');
    const noAuth = clerkVia(handler, { getToken: () => 'not-the-admin' });
    await rejects(noAuth.getUserList(), { kind: 'api', status: 401 }, 'a client with the wrong token');
  });

  await test('proxy: the time limit and the caller going away abort the provider request', async () => {
    const signals = [];
    const hang = (url, init) =>
      new Promise((_, reject) => {
        signals.push(init.signal);
        init.signal.addEventListener('abort', () => reject(init.signal.reason));
      });
    const handler = createUsersProxy({
      kinde: { domain: KINDE_DOMAIN, accessToken: 'kinde-fixed-token', fetch: hang, timeoutMs: 50 },
      allow: ['kinde.*'],
      authorize: () => true,
    });
    const started = Date.now();
    const body = await proxyError(await handler(new Request(`${ORIGIN}/admin-api/kinde/api/v1/users`)), 504, 'upstream_timeout', 'timeout', 'kinde.getUsers');
    ok(Date.now() - started < 2000, 'promptly');
    ok(signals.length === 1 && signals[0].aborted, 'the provider request was aborted');
    ok(!JSON.stringify(body).includes('kinde-fixed-token'), 'no token in the error');
    const slow = createUsersProxy({
      kinde: { domain: KINDE_DOMAIN, accessToken: 'kinde-fixed-token', fetch: hang, timeoutMs: 10000 },
      allow: ['kinde.*'],
      authorize: () => true,
    });
    const controller = new AbortController();
    const pending = slow(new Request(`${ORIGIN}/admin-api/kinde/api/v1/users`, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    const t0 = Date.now();
    const res = await pending;
    ok(Date.now() - t0 < 2000, 'settles at once');
    eq(res.status, 499, 'the caller went away');
    ok(signals.length === 2 && signals[1].aborted, 'the provider request was aborted with it');
  });
}
