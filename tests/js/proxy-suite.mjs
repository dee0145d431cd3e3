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
    eq(res.headers.get('retry-after'), null, 'a passed-back header holding a credential is dropped');
    f.clerk.injectFault({ path: `/v1/users/${C1}`, status: 422, body: JSON.stringify({ errors: [{ code: 'X', message: `key ${f.clerk.secretKey}`, long_message: JSON.stringify(`"${f.clerk.secretKey}"`) }] }) });
    await check(await call(`/admin-api/clerk/users/${C1}`), 'Clerk echo');
    // A rejected Kinde token is re-minted once and the request retried once.
    f.kinde.injectFault({ path: '/api/v1/users', status: 401, body: JSON.stringify({ errors: [{ code: 'TOKEN_INVALID', message: `bad ${token}` }] }) });
    res = await call('/admin-api/kinde/api/v1/users?page_size=2');
    eq(res.status, 200, 'retried with a new token');
    eq(f.kinde.tokenRequests, 2, 're-minted once');
    const fresh = upstream(f).at(-1).headers.authorization.slice('Bearer '.length);
    ok(fresh !== token, 'a new token was sent');
    // The replacement refused with 403 (a missing scope, which no new token
    // fixes): passed back at once, with no second re-mint.
    f.kinde.injectFault({ path: '/api/v1/users', status: 403, body: JSON.stringify({ errors: [{ code: 'TOKEN_INVALID', message: `bad ${fresh}` }] }), times: 1 });
    res = await call('/admin-api/kinde/api/v1/users');
    eq(res.status, 403, 'the 403 is passed back');
    const twice = await check(res, 'Kinde 403 with the replacement token');
    ok(!twice.includes(fresh), 'neither token');
    eq(f.kinde.tokenRequests, 2, 'a replacement refused with 403 is not replaced again');
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
    ok(!JSON.stringify(downBody).includes('sk_test_down_key') && downBody.error.message.includes('TypeError'), `the cause is named, not quoted: ${downBody.error.message}`);
    ok(handler.length <= 1, 'a handler of one request');
  });

  await test('proxy: the values of credential headers in a provider\'s config (x-api-key, cookie, cf-access-client-secret, a session token) never leave, echoed in a body or a passed-back header; x-trace is kept', async () => {
    const creds = { 'X-Api-Key': 'hdr_api_key_0123456789', Cookie: 'sid=hdr_cookie_0123456789', 'CF-Access-Client-Secret': 'hdr_cf_secret_0123456789', 'x-session-token': 'hdr_session_0123456789' };
    const trace = 'trace-visible-ZX81';
    const f = fake.createFakeProviders();
    let status = 400;
    // The provider echoes every header it got but the bearer token: in the error, and in a rate-limit header.
    // (Its token endpoint mints for a client secret of its own: the fake's, `fake-client-secret`, shares 10
    // letters in a row with the header name `cf-access-client-secret`, which the proxy would rightly withhold.)
    const echo = async (url, init) => {
      if (String(url).includes('/oauth2/token')) return new Response(JSON.stringify({ access_token: 'tok_hdr_minted_5d2c', expires_in: 3600 }), { status: 200 });
      const got = Object.entries(init.headers).filter(([name]) => name !== 'authorization');
      const text = got.map(([name, value]) => `${name}: ${value}`).join('; ');
      const body = JSON.stringify({ errors: [{ code: 'bad_header', message: `echo ${text}`, long_message: JSON.stringify(init.headers) }] });
      return new Response(body, { status, headers: { 'content-type': 'application/json', 'x-ratelimit-policy': init.headers['x-api-key'], 'x-ratelimit-limit': init.headers['x-trace'] } });
    };
    const headers = { ...creds, 'X-Trace': trace };
    const handler = createUsersProxy({
      kinde: { domain: KINDE_DOMAIN, clientId: 'cid_hdr', clientSecret: 'cs_hdr_distinct_7f3e', fetch: echo, headers, ...consent },
      clerk: { secretKey: f.clerk.secretKey, baseUrl: CLERK_BASE, fetch: echo, headers, ...consent },
      allow: ['kinde.*', 'clerk.*'],
      authorize: () => true,
    });
    for (const [path, what] of [['/admin-api/kinde/api/v1/users', 'kinde'], [`/admin-api/clerk/users/${C1}`, 'clerk']]) {
      for (const code of [400, 200]) {
        status = code;
        const res = await handler(new Request(`${ORIGIN}${path}`));
        const text = await res.text();
        const back = [...res.headers].map(([h, v]) => `${h}: ${v}`).join('\n');
        for (const value of Object.values(creds)) {
          for (const piece of [value, value.slice(4, 18), encodeURIComponent(value)]) {
            ok(!text.includes(piece) && !back.includes(piece), `${what} ${code}: no ${value.slice(0, 8)}… in the answer: ${text.slice(0, 400)}`);
          }
        }
        if (code === 400) {
          eq(res.status, 400, `${what}: the provider's status`);
          ok(text.includes(trace) && text.includes('[redacted]'), `${what}: x-trace kept, the credentials redacted: ${text.slice(0, 400)}`);
          eq([res.headers.get('x-ratelimit-policy'), res.headers.get('x-ratelimit-limit')], [null, trace], `${what}: the header echoing the key is dropped, the one echoing x-trace kept`);
        }
      }
    }
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
    // The rest of a stream over the limit is read to its end before the 413
    // (an answer before the end of an upload breaks the connection under
    // wrangler dev), up to 64 MiB: an endless one is cancelled there.
    const upload = (chunkBytes, chunkCount) => {
      const seen = { pulled: 0, closed: false, cancelled: false };
      try {
        const stream = new ReadableStream({
          pull(controller) {
            if (seen.pulled === chunkCount) {
              seen.closed = true;
              controller.close();
              return;
            }
            seen.pulled++;
            controller.enqueue(new Uint8Array(chunkBytes).fill(32));
          },
          cancel() {
            seen.cancelled = true;
          },
        });
        const request = new Request(`${ORIGIN}/admin-api/clerk/users/${C1}/metadata`, { method: 'PATCH', body: stream, duplex: 'half', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' } });
        return { request, seen };
      } catch {
        return undefined; // no streamed request bodies in this runtime
      }
    };
    const finite = upload(1000, 50);
    if (finite) {
      const { handler } = setup({ maxBodyBytes: 64 });
      await proxyError(await handler(finite.request), 413, 'body_too_large', 'a 50,000-byte stream', 'clerk.updateUserMetadata');
      ok(finite.seen.pulled === 50 && finite.seen.closed && !finite.seen.cancelled, `the stream was read to its end: ${JSON.stringify(finite.seen)}`);
    }
    const endless = upload(1024 * 1024, Infinity);
    if (endless) {
      const { handler } = setup({ maxBodyBytes: 64 });
      await proxyError(await handler(endless.request), 413, 'body_too_large', 'an endless stream', 'clerk.updateUserMetadata');
      ok(endless.seen.cancelled && endless.seen.pulled >= 64 && endless.seen.pulled <= 70, `an endless stream is cancelled after 64 MiB: ${JSON.stringify(endless.seen)}`);
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

  // ---- Credentials in any encoding ---------------------------------------
  // A proxy whose provider answers are scripted: `next(status, body, headers)`
  // sets the answer of the next API request (body: a string or bytes); Kinde's
  // token endpoint answers `token`. Its credentials are the given ones.
  function scripted({ clientSecret, token, secretKey, fetchTokenAnswer } = {}) {
    let answer;
    const fetch = async (url, init) => {
      const u = new URL(String(url));
      if (u.pathname === '/oauth2/token') {
        if (fetchTokenAnswer) return fetchTokenAnswer();
        return new Response(JSON.stringify({ access_token: token, expires_in: 3600, token_type: 'bearer' }), { headers: { 'content-type': 'application/json' } });
      }
      const [status, body, headers] = answer;
      return new Response(status === 204 ? null : body, { status, headers: { 'content-type': 'application/json', ...headers } });
    };
    const options = { allow: [], authorize: () => true };
    if (clientSecret) options.kinde = { domain: KINDE_DOMAIN, clientId: 'cid', clientSecret, fetch, ...consent };
    if (secretKey) options.clerk = { secretKey, baseUrl: CLERK_BASE, fetch, ...consent };
    for (const name of ['kinde', 'clerk']) if (options[name]) options.allow.push(`${name}.*`);
    const handler = createUsersProxy(options);
    return {
      next: (status, body, headers = {}) => (answer = [status, body, headers]),
      get: (provider) => handler(new Request(provider === 'kinde' ? `${ORIGIN}/admin-api/kinde/api/v1/users` : `${ORIGIN}/admin-api/clerk/users`)),
    };
  }

  const bytesOf = (text) => new TextEncoder().encode(text);
  const latin1 = (bytes) => String.fromCharCode(...bytes);
  const hexOf = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const utf16le = (text) => Uint8Array.from(Array.from(text).flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]));
  const b64 = (bytes) => btoa(latin1(bytes));
  const b64url = (bytes) => b64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const pct = (text, upper) => Array.from(bytesOf(text), (b) => `%${b.toString(16).padStart(2, '0')}`[upper ? 'toUpperCase' : 'toLowerCase']()).join('');
  const jsonEscapes = (text, upper) => Array.from(text, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`[upper ? 'toUpperCase' : 'toLowerCase']().replace('\\U', '\\u')).join('');
  /**
   * Hostile forms of a credential `s`: [name, the text inserted (raw JSON
   * text between the quotes of a string value, unless `raw`), what the
   * proxy answers ('cut': status kept, body without it; 'withheld')].
   */
  const hostileForms = (s) => {
    const half = Math.floor(s.length / 2);
    const mixed = pct(s).split('%').map((h, i) => (i % 2 ? h.toUpperCase() : h)).join('%');
    return [
      ['as is', s],
      ['every character \\u-escaped (lower case)', jsonEscapes(s)],
      ['every character \\u-escaped (upper case)', jsonEscapes(s, true)],
      ['split across escapes', `${s.slice(0, half)}${jsonEscapes(s.slice(half))}`],
      ['escaped slash and backslash between halves', `${s.slice(0, half)}\\/${s.slice(half)}`],
      ['percent-encoded, every byte, lower case', pct(s)],
      ['percent-encoded, every byte, upper case', pct(s, true)],
      ['percent-encoded, mixed case', mixed],
      ['percent-encoded twice', pct(s).replace(/%/g, '%25')],
      ['percent-encoded then \\u-escaped', jsonEscapes(pct(s))],
      ...[0, 1, 2].flatMap((k) => {
        const shifted = new Uint8Array([...bytesOf('xyz'.slice(0, k)), ...bytesOf(s)]);
        return [
          [`base64, alignment ${k}`, b64(shifted)],
          [`base64 unpadded, alignment ${k}`, b64(shifted).replace(/=+$/, '')],
          [`base64url, alignment ${k}`, b64url(shifted)],
          [`base64url, alignment ${k}, percent-encoded`, encodeURIComponent(b64(shifted))],
        ];
      }),
      ['base64 with MIME line breaks', b64(bytesOf(s)).replace(/(.{4})/g, '$1\\r\\n')],
      ['base64 \\/-escaped', b64(bytesOf(`?>?${s}`)).replace(/\//g, '\\/')],
      ['hex, lower case', hexOf(bytesOf(s))],
      ['hex, upper case', hexOf(bytesOf(s)).toUpperCase()],
      ['hex with colons', hexOf(bytesOf(s)).replace(/(..)(?!$)/g, '$1:')],
      ['hex bytes as 0x.. words', hexOf(bytesOf(s)).replace(/(..)/g, '0x$1 ')],
      ['\\x escapes (a literal backslash-x)', Array.from(bytesOf(s), (b) => `\\\\x${b.toString(16)}`).join('')],
      ['HTML entities', Array.from(s, (c) => `&#x${c.charCodeAt(0).toString(16)};`).join('')],
      ['UTF-16LE characters (NULs between)', Array.from(s, (c) => `${c}\\u0000`).join('')],
      ['UTF-16BE characters with a BOM', `\\ufeff${Array.from(s, (c) => `\\u0000${c}`).join('')}`],
      ['hex of UTF-16LE', hexOf(utf16le(s))],
      ['base64 of UTF-16LE', b64(utf16le(s))],
      ['upper case', s.toUpperCase()],
      ['spaced out', Array.from(s).join(' ')],
      ['in a JSON string in a JSON string', JSON.stringify(JSON.stringify({ key: s })).slice(1, -1)],
      ['cut short (its first 20 characters, then …)', `${s.slice(0, 20)}…`, 'error only'],
      ['base64 of its base64', b64(bytesOf(b64(bytesOf(s)))), 'error only'],
      ['base64url of its hex', b64url(bytesOf(hexOf(bytesOf(s)))), 'error only'],
      ['hex of its base64', hexOf(bytesOf(b64(bytesOf(`::${s}`)))), 'error only'],
      ['base64 of a JSON object holding it', b64(bytesOf(JSON.stringify({ client_secret: s }))), 'error only'],
      ['base64 of it percent-encoded', b64(bytesOf(pct(s))), 'error only'],
      ['split across two array items', `${s.slice(0, half)}", "${s.slice(half)}`, 'split'],
      ['split across two values of an error', `${s.slice(0, half)}", "more": "${s.slice(half)}`, 'error only, split'],
      ['as an array of byte values', `", "bytes": [${Array.from(bytesOf(s)).join(', ')}], "x": "`, 'withheld'],
      ['as an object key', `", "${s}": "`],
    ];
  };
  /** Every string (keys too) and number of a parsed JSON value, for the checks. */
  const leaves = (value, out = []) => {
    if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(k), leaves(v, out);
    return out;
  };
  /** Asserts a proxy answer holds neither the credential nor the inserted form, and is JSON with nosniff. */
  async function clean(res, secret, form, what) {
    ok(/^application\/json/.test(res.headers.get('content-type') || ''), `${what}: JSON content type (got ${res.headers.get('content-type')})`);
    eq(res.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
    const text = await res.text();
    const lower = text.toLowerCase();
    ok(!lower.includes(secret.toLowerCase()), `${what}: the credential is in the answer: ${text.slice(0, 300)}`);
    ok(!text.includes(form), `${what}: the encoded credential is in the answer: ${text.slice(0, 300)}`);
    const all = leaves(JSON.parse(text)).join('\n');
    ok(!all.toLowerCase().includes(secret.toLowerCase()), `${what}: the credential is in a decoded string: ${all.slice(0, 300)}`);
    for (const [h, v] of res.headers) ok(!v.toLowerCase().includes(secret.toLowerCase().slice(0, 12)), `${what}: no credential in header ${h}`);
    return text;
  }

  await test('proxy: a credential echoed in any encoding never leaves (a table of hostile forms, success and error answers)', async () => {
    const creds = {
      token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtMm0ifQ.Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MA-_x',
      clientSecret: 'kS3cr3tV4lu3_9f8e7d6c5b4a3',
      secretKey: 'sk_test_Qw3rTy9UiOp4AsDfGh7JkLzXcV',
    };
    const p = scripted(creds);
    for (const [provider, name, secret] of [['kinde', 'token', creds.token], ['kinde', 'client secret', creds.clientSecret], ['clerk', 'secret key', creds.secretKey]]) {
      for (const [form, text, expect] of hostileForms(secret)) {
        for (const status of [200, 400]) {
          if (expect?.startsWith('error only') && status === 200) continue;
          const what = `${provider} ${name}, ${form}, ${status}`;
          const body = expect === 'split' ? `{"errors":[{"code":"X","message":["before ${text} after"]}],"data":{"id":"u_1"}}` : `{"errors":[{"code":"X","message":"before ${text} after"}],"data":{"id":"u_1"}}`;
          // The inserted form must be valid JSON text: the test's own check.
          JSON.parse(body);
          p.next(status, body, { 'x-ratelimit-policy': text.replace(/[^\x21-\x7e]/g, '').slice(0, 200) });
          const res = await p.get(provider);
          const answer = await clean(res, secret, text, what);
          const parsed = JSON.parse(answer);
          if (expect?.endsWith('split')) {
            // Cut out of each piece, or withheld whole: either way, not there.
          } else if (expect === 'withheld') {
            eq([res.status, parsed.error && parsed.error.code], status === 200 ? [502, 'upstream_bad_response'] : [400, 'upstream_error'], `${what}: withheld`);
          } else {
            eq(res.status, status, `${what}: the provider's status`);
            eq([parsed.errors[0].code, parsed.data.id], ['X', 'u_1'], `${what}: the rest of the body is kept`);
          }
        }
      }
    }
    // A passed-back header whose name holds one.
    p.next(200, '{}', { [`x-ratelimit-${creds.secretKey.toLowerCase()}`]: '1', 'x-ratelimit-limit': '10' });
    let res = await p.get('clerk');
    eq([...res.headers.keys()].filter((h) => h.startsWith('x-ratelimit')), ['x-ratelimit-limit'], 'a header named after the key is dropped');
    await clean(res, creds.secretKey, creds.secretKey, 'a header named after the key');
    // Whole bodies in other encodings: not JSON, so withheld.
    const s = creds.secretKey;
    const bodies = [
      ['UTF-16LE with a BOM', new Uint8Array([0xff, 0xfe, ...utf16le(`{"message":"${s}"}`)])],
      ['UTF-16BE', Uint8Array.from(Array.from(`{"message":"${s}"}`).flatMap((c) => [0, c.charCodeAt(0)]))],
      ['HTML', bytesOf(`<html><body>key: ${s}</body></html>`)],
      ['plain text', bytesOf(`bad key ${s}`)],
      ['JSON then garbage', bytesOf(`{"m":"x"} ${s}`)],
      ['invalid UTF-8 around it', new Uint8Array([0x7b, 0x22, 0x6d, 0x22, 0x3a, 0x22, 0xc3, 0x28, ...bytesOf(s), 0x22, 0x7d])],
    ];
    if (typeof CompressionStream === 'function') {
      const gz = new Uint8Array(await new Response(new Blob([`{"message":"${s}"}`]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
      bodies.push(['gzip-compressed', gz]);
    }
    for (const [form, bytes] of bodies) {
      for (const [status, code] of [[200, 'upstream_bad_response'], [500, 'upstream_error']]) {
        p.next(status, bytes, { 'content-type': 'text/html' });
        const res = await p.get('clerk');
        const text = await clean(res, s, s, `${form}, ${status}`);
        eq([res.status, JSON.parse(text).error.code], [status === 200 ? 502 : 500, code], `${form}, ${status}: withheld`);
      }
    }
    // An error body too large to be worth checking is withheld; a success body of that size is not.
    const large = JSON.stringify({ errors: [{ code: 'X', message: 'x'.repeat(70 * 1024) }] });
    p.next(422, large, { 'retry-after': '3' });
    res = await p.get('clerk');
    eq([res.status, res.headers.get('retry-after'), (await json(res)).error.code], [422, '3', 'upstream_error'], 'an error body over 64 KiB');
    p.next(200, large);
    eq((await (await p.get('clerk')).text()).length, large.length, 'a success body over 64 KiB');
    // Ordinary data is not touched: a success answer passes byte for byte.
    const page = JSON.stringify([{ id: 'user_2x', first_name: 'Zoë', note: 'a/b \\ "c"', n: 12345678901234567890, image: 'https://img.test/eyJ0eXBlIjoicHJveHkifQ' }], null, 2);
    p.next(200, page);
    res = await p.get('clerk');
    eq(await res.text(), page, 'a success answer without a credential is passed as sent');
    p.next(204, null);
    res = await p.get('kinde');
    eq([res.status, res.headers.get('x-content-type-options'), await res.text()], [204, 'nosniff', ''], 'a 204');
  });

  await test('proxy: random credentials, each in every encoding at a random offset, never leave (generated)', async () => {
    // Repeatable: mulberry32 from a fixed seed (named in each message).
    let seed = 0x14c0ffee;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = (list) => list[Math.floor(random() * list.length)];
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const word = (n, alphabet = chars) => Array.from({ length: n }, () => pick(alphabet)).join('');
    // 20 random credentials, each in every encoding, at a random offset in a random answer.
    for (let i = 0; i < 20; i++) {
      const creds = { token: word(20 + Math.floor(random() * 60), `${chars}-_.`), clientSecret: word(16 + Math.floor(random() * 40)), secretKey: `sk_${pick(['test', 'live'])}_${word(20 + Math.floor(random() * 30))}` };
      const p = scripted(creds);
      const [provider, secret] = pick([['kinde', creds.token], ['kinde', creds.clientSecret], ['clerk', creds.secretKey]]);
      const forms = hostileForms(secret).filter(([, , expect]) => expect === undefined);
      for (const [j, [form, text]] of forms.entries()) {
        const status = pick([200, 201, 400, 401, 404, 422, 429, 500]);
        // Random text on both sides, of random length (all alignments, letters that may run into the form).
        const before = word(Math.floor(random() * 7), `${chars}%\\\\/ `).replace(/\\\\$/, '');
        const after = word(Math.floor(random() * 7));
        const body = `{"errors":[{"code":"c","message":"${before}${text}${after}"}]}`;
        const what = `seed case ${i}.${j}: ${provider} ${JSON.stringify(secret)}, ${form}, status ${status}, before ${JSON.stringify(before)}`;
        try {
          JSON.parse(body);
        } catch {
          continue;
        }
        p.next(status, body);
        const res = await p.get(provider);
        await clean(res, secret, text, what);
        eq(res.status, status, `${what}: status`);
      }
    }
  });

  await test("proxy: the proxy's own errors quote nothing of a credential, not even a piece (upstream_auth_failed, upstream_unreachable)", async () => {
    const clientSecret = 'Xk9fQ2wLm7Rt4Zp8Vb3Nc6Hj1Yd5Gs0A';
    const echoes = [
      () => new Response(JSON.stringify({ error: 'invalid_client', error_description: `bad secret ${clientSecret.slice(0, 20)}…` }), { status: 401, headers: { 'content-type': 'application/json' } }),
      () => new Response(`<html>${b64(bytesOf(clientSecret))}</html>`, { status: 500, headers: { 'content-type': 'text/html' } }),
      () => Promise.reject(new TypeError(`connect failed: ${clientSecret.slice(3, 25)}`)),
    ];
    for (const [i, fetchTokenAnswer] of echoes.entries()) {
      const p = scripted({ clientSecret, token: 'unused', fetchTokenAnswer });
      const res = await p.get('kinde');
      const body = await proxyError(res, 502, 'upstream_auth_failed', `echo ${i}`, 'kinde.getUsers');
      const text = JSON.stringify(body);
      for (let k = 0; k + 6 <= clientSecret.length; k++) ok(!text.includes(clientSecret.slice(k, k + 6)), `echo ${i}: no 6 characters of the secret in a row (${body.error.message})`);
      ok(!text.includes(b64(bytesOf(clientSecret)).slice(0, 12)), `echo ${i}: nor its base64`);
    }
    // getToken failing with a message holding the token it could not renew.
    const getTokenProxy = createUsersProxy({
      kinde: { domain: KINDE_DOMAIN, getToken: () => Promise.reject(new Error('vault refused token tok_9f8e7d6c5b4a39f8e7d6c5b4a3')), fetch: () => Promise.reject(new Error('no')) },
      allow: ['kinde.*'],
      authorize: () => true,
    });
    const body = await proxyError(await getTokenProxy(new Request(`${ORIGIN}/admin-api/kinde/api/v1/users`)), 502, 'upstream_auth_failed', 'getToken throws', 'kinde.getUsers');
    ok(!JSON.stringify(body).includes('9f8e7d6c'), `getToken's message is not quoted: ${body.error.message}`);
    // A network failure whose message holds a piece of the secret key.
    const secretKey = 'sk_live_Pq7Wz2Lx9Mv4Kt8Rb3Nh6Jd1Fc5';
    const down = createUsersProxy({
      clerk: { secretKey, baseUrl: CLERK_BASE, fetch: () => Promise.reject(new TypeError(`connect ECONNREFUSED (auth ${secretKey.slice(4, 22)})`)), ...consent },
      allow: ['clerk.*'],
      authorize: () => true,
    });
    const downBody = await proxyError(await down(new Request(`${ORIGIN}/admin-api/clerk/users`)), 502, 'upstream_unreachable', 'network failure', 'clerk.getUserList');
    const downText = JSON.stringify(downBody);
    for (let k = 0; k + 6 <= secretKey.length; k++) ok(!downText.includes(secretKey.slice(k, k + 6)), `network failure: no 6 characters of the key in a row (${downBody.error.message})`);
  });

  // ---- The incoming body: time limit and the caller going away ------------
  await test('proxy: timeoutMs bounds reading the request body, and the caller going away ends the read (stalled uploads)', async () => {
    let cancelled = 0;
    const stalled = (signal) => ({
      url: `${ORIGIN}/admin-api/clerk/users/${C1}/metadata`,
      method: 'PATCH',
      headers: new Headers({ authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }),
      // Sends one byte, then nothing, ever.
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array([123]));
        },
        cancel() {
          cancelled++;
        },
      }),
      signal,
    });
    const f = fake.createFakeProviders();
    const handler = createUsersProxy({
      clerk: { secretKey: f.clerk.secretKey, baseUrl: CLERK_BASE, fetch: f.fetch, timeoutMs: 100, ...consent },
      allow: ['clerk.*'],
      authorize: (request) => request.headers.get('authorization') === `Bearer ${ADMIN}`,
    });
    // Bounded here, so that a proxy that waits for ever fails the test rather than hanging it.
    const within = (promise, ms) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve('still waiting'), ms))]);
    const t0 = Date.now();
    const answers = await within(Promise.all(Array.from({ length: 50 }, () => handler(stalled()))), 5000);
    ok(Array.isArray(answers) && Date.now() - t0 < 3000, `50 stalled uploads all answered promptly (${Date.now() - t0} ms)`);
    for (const res of answers.slice(0, 3)) await proxyError(res, 408, 'body_timeout', 'a stalled upload', 'clerk.updateUserMetadata');
    eq(answers.map((r) => r.status), answers.map(() => 408), 'all 408');
    eq(cancelled, 50, 'every stalled body was cancelled (let go)');
    // The caller hangs up: the read ends at once, whatever the time limit.
    const slow = createUsersProxy({
      clerk: { secretKey: f.clerk.secretKey, baseUrl: CLERK_BASE, fetch: f.fetch, timeoutMs: 60000, ...consent },
      allow: ['clerk.*'],
      authorize: () => true,
    });
    const controller = new AbortController();
    const pending = slow(stalled(controller.signal));
    setTimeout(() => controller.abort(), 30);
    const t1 = Date.now();
    const gone = await within(pending, 5000);
    ok(gone instanceof Response, 'the handler settles when the caller goes away');
    await proxyError(gone, 499, 'aborted', 'the caller went away mid-upload', 'clerk.updateUserMetadata');
    ok(Date.now() - t1 < 2000, 'at once');
    eq(cancelled, 51, 'its body was cancelled too');
    eq(upstream(f).length + f.requests.length, 0, 'nothing reached the provider');
  });

  // ---- Cross-site requests ------------------------------------------------
  await test('proxy: state-changing requests from another site are refused before authorize (CSRF); servers and same-origin pages pass', async () => {
    const f = fake.createFakeProviders();
    let asked = 0;
    const make = (extra) =>
      createUsersProxy({
        clerk: { secretKey: f.clerk.secretKey, baseUrl: CLERK_BASE, fetch: f.fetch, ...consent },
        allow: ['clerk.*'],
        // A session cookie: what a forged cross-site request carries along.
        authorize: (request) => {
          asked++;
          return (request.headers.get('cookie') || '').includes('session=admin');
        },
        ...extra,
      });
    // A Request-like object: browsers drop Origin and Sec-Fetch-* from a Request's headers, not from Headers.
    const send = (handler, method, headers, path = `/admin-api/clerk/users/${C1}/ban`) =>
      handler({ url: `${ORIGIN}${path}`, method, headers: new Headers({ cookie: 'session=admin', ...headers }), body: null });
    const handler = make();
    for (const [headers, what] of [
      [{ origin: 'https://evil.test' }, 'another origin'],
      [{ origin: 'null' }, 'an opaque origin (sandboxed frame, data: URL)'],
      [{ origin: 'http://proxy.test:8080' }, 'another port'],
      [{ origin: 'https://proxy.test' }, 'another scheme'],
      [{ 'sec-fetch-site': 'cross-site' }, 'Sec-Fetch-Site: cross-site'],
      [{ 'sec-fetch-site': 'same-site' }, 'Sec-Fetch-Site: same-site (a sibling subdomain)'],
      [{ origin: 'https://evil.test', 'sec-fetch-site': 'same-origin' }, 'an Origin that is not ours wins over Sec-Fetch-Site'],
    ]) {
      for (const method of ['POST', 'DELETE', 'PATCH', 'post']) {
        const path = method === 'POST' || method === 'post' ? `/admin-api/clerk/users/${C1}/ban` : `/admin-api/clerk/users/${C1}`;
        await proxyError(await send(handler, method, headers, path), 403, 'cross_site_refused', `${what}, ${method}`);
      }
    }
    eq([asked, upstream(f).length], [0, 0], 'authorize never ran, nothing reached the provider');
    eq((await send(handler, 'POST', { origin: ORIGIN, 'sec-fetch-site': 'same-origin' })).status, 200, 'the proxy\'s own origin passes');
    eq((await send(handler, 'POST', { 'sec-fetch-site': 'same-origin' })).status, 200, 'Sec-Fetch-Site: same-origin passes');
    eq((await send(handler, 'POST', { 'sec-fetch-site': 'none' })).status, 200, 'Sec-Fetch-Site: none (typed by the user) passes');
    eq((await send(handler, 'POST', {})).status, 200, 'a server-to-server call (no Origin, no Sec-Fetch-Site) passes');
    eq((await send(handler, 'GET', { origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' }, `/admin-api/clerk/users/${C1}`)).status, 200, 'a GET changes nothing and passes');
    // allowedOrigins: the listed origins pass; ["*"] turns the check off.
    const listed = make({ allowedOrigins: ['https://admin.example.com'] });
    eq((await send(listed, 'POST', { origin: 'https://admin.example.com', 'sec-fetch-site': 'cross-site' })).status, 200, 'a listed origin passes');
    await proxyError(await send(listed, 'POST', { origin: 'https://evil.test' }), 403, 'cross_site_refused', 'an unlisted one does not');
    eq((await send(listed, 'POST', { origin: ORIGIN })).status, 200, 'the own origin still passes');
    await proxyError(await send(listed, 'POST', { 'sec-fetch-site': 'cross-site' }), 403, 'cross_site_refused', 'cross-site without an Origin');
    const open = make({ allowedOrigins: ['*'] });
    eq((await send(open, 'POST', { origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' })).status, 200, '["*"] allows any site');
    // Validation.
    for (const [value, param, message] of [
      ['https://admin.example.com', 'allowedOrigins'],
      [['https://admin.example.com/'], 'allowedOrigins[0]', /did you mean "https:\/\/admin\.example\.com"/],
      [['https://Admin.Example.com:443'], 'allowedOrigins[0]', /did you mean "https:\/\/admin\.example\.com"/],
      [['admin.example.com'], 'allowedOrigins[0]'],
      [['ftp://x.test'], 'allowedOrigins[0]'],
      [[ORIGIN, 42], 'allowedOrigins[1]'],
    ]) {
      let err;
      try {
        make({ allowedOrigins: value });
      } catch (e) {
        err = e;
      }
      ok(err instanceof IdpUsersError && err.kind === 'validation' && err.param === param, `allowedOrigins ${JSON.stringify(value)}: a validation error on ${param} (got ${err && err.param}: ${err && err.message})`);
      if (message) ok(message.test(err.message), `${param}: ${message} (got ${err.message})`);
    }
  });

  // ---- Content types ------------------------------------------------------
  await test('proxy: every answer is JSON with X-Content-Type-Options: nosniff; an upstream HTML page is never passed back', async () => {
    const { f, call } = setup({ allow: ['clerk.getUser', 'kinde.getUsers'] });
    const nosniff = (res, what) => {
      eq(res.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
      ok(/^application\/json/.test(res.headers.get('content-type') || ''), `${what}: JSON content type (got ${res.headers.get('content-type')})`);
    };
    const html = '<html><script>alert(document.cookie)</script></html>';
    for (const [status, expected, code] of [[200, 502, 'upstream_bad_response'], [503, 503, 'upstream_error'], [404, 404, 'upstream_error']]) {
      f.clerk.injectFault({ path: `/v1/users/${C1}`, status, headers: { 'content-type': 'text/html' }, body: html });
      const res = await call(`/admin-api/clerk/users/${C1}`);
      nosniff(res, `HTML ${status}`);
      const body = await proxyError(res, expected, code, `HTML ${status}`, 'clerk.getUser');
      ok(!JSON.stringify(body).includes('<script'), `HTML ${status}: none of the page`);
    }
    f.clerk.injectFault({ path: `/v1/users/${C1}`, status: 200, headers: { 'content-type': 'text/html' }, body: '{"id":"x"}' });
    let res = await call(`/admin-api/clerk/users/${C1}`);
    nosniff(res, 'JSON labelled text/html');
    eq((await json(res)).id, 'x', 'a JSON body labelled otherwise is JSON');
    f.kinde.injectFault({ path: '/api/v1/users', status: 429, headers: { 'ratelimit-reset': '2' } });
    res = await call('/admin-api/kinde/api/v1/users');
    nosniff(res, 'an empty 429');
    eq([res.status, res.headers.get('ratelimit-reset'), await res.text()], [429, '2', ''], 'an empty error stays empty, with its rate-limit headers');
    for (const [path, init, what] of [
      ['/admin-api/clerk/users', {}, 'operation_not_allowed'],
      ['/nowhere', {}, 'not_found'],
      [`/admin-api/clerk/users/${C1}`, { headers: { authorization: 'Bearer no' } }, 'unauthorized'],
      [`/admin-api/clerk/users/${C1}`, {}, 'success'],
    ]) {
      res = await call(path, init);
      nosniff(res, what);
      await res.text();
    }
  });

  // ---- The engine's token and retry rules, seen through the proxy ---------
  await test('proxy: a token the API refuses is replaced once where the client can replace it (Clerk getToken), never where it cannot (a fixed secret key)', async () => {
    const f = fake.createFakeProviders();
    const asked = [];
    const viaGetToken = createUsersProxy({
      clerk: { baseUrl: CLERK_BASE, fetch: f.fetch, getToken: ({ forceRefresh }) => (asked.push(forceRefresh), forceRefresh ? f.clerk.secretKey : 'sk_test_stale_key'), ...consent },
      allow: ['clerk.*'],
      authorize: () => true,
    });
    let res = await viaGetToken(new Request(`${ORIGIN}/admin-api/clerk/users/${C1}`));
    eq(res.status, 200, 'the refused token was replaced and the request sent again');
    eq(asked, [false, true], 'getToken asked once more, with forceRefresh');
    eq(upstream(f).length, 2, 'two requests reached Clerk');
    const g = fake.createFakeProviders();
    const fixed = createUsersProxy({
      clerk: { secretKey: 'sk_test_wrong_key_123', baseUrl: CLERK_BASE, fetch: g.fetch, ...consent },
      allow: ['clerk.*'],
      authorize: () => true,
    });
    res = await fixed(new Request(`${ORIGIN}/admin-api/clerk/users/${C1}`));
    ok(res.status === 401 || res.status === 403, `the refusal is passed back (${res.status})`);
    eq(upstream(g).length, 1, 'a fixed key is not sent again');
  });

  await test('proxy: a persistent Kinde 403 re-mints the token at most once per token, not on every call', async () => {
    const { f, call } = setup();
    eq((await call('/admin-api/kinde/api/v1/users?page_size=1')).status, 200, 'a first token');
    eq(f.kinde.tokenRequests, 1, 'one token');
    f.kinde.injectFault({ path: '/api/v1/users', status: 403, body: JSON.stringify({ errors: [{ code: 'FORBIDDEN', message: 'missing scope read:users' }] }), times: Infinity });
    const statuses = [];
    for (let i = 0; i < 20; i++) {
      const res = await call('/admin-api/kinde/api/v1/users');
      statuses.push(res.status);
      await res.text();
    }
    eq(statuses, statuses.map(() => 403), 'every call gets the 403');
    ok(f.kinde.tokenRequests <= 3, `at most a couple of token requests over 20 calls, not one per call (got ${f.kinde.tokenRequests})`);
  });

  await test("proxy: a browser client does not retry the proxy's own refusals (one attempt, one getToken)", async () => {
    const { f, handler } = setup({ allow: ['kinde.getUserData', 'clerk.getUser'] });
    for (const [name, make, run] of [
      ['kinde', kindeVia, (c) => c.getUsers()],
      ['clerk', clerkVia, (c) => c.deleteUser(C1)],
    ]) {
      const asked = [];
      const client = make(handler, { getToken: (o) => (asked.push(o && o.forceRefresh), ADMIN) });
      const err = await rejects(run(client), { kind: 'api', status: 403 }, `${name}: operation_not_allowed`);
      ok(err.body.includes('operation_not_allowed'), `${name}: the proxy's refusal (${err.body})`);
      eq(err.attempts, 1, `${name}: one attempt`);
      eq(asked.length, 1, `${name}: getToken called once (forceRefresh: ${JSON.stringify(asked)})`);
    }
    eq(upstream(f).length, 0, 'nothing reached a provider');
  });
}
