// The Clerk half of the shared suite (tests/js/suite.mjs runs it with its own
// test kit), run unchanged in every runtime against the packed package and
// the in-memory fake Clerk (seed data: fake/README.md).

const API_VERSION = '2026-05-12';
const U1 = 'user_fake_0001'; // password fake-password-0001; member of org_fake and org_fake_2
const U2 = 'user_fake_0002'; // TOTP and backup codes bc0002x1..bc0002x5
const U3 = 'user_fake_0003'; // a passkey
const U4 = 'user_fake_0004'; // an oauth_google external account with a token
const U5 = 'user_fake_0005'; // a web3 wallet
const U6 = 'user_fake_0006'; // banned; invited to org_fake (pending) and org_fake_2 (revoked, pending)
const U7 = 'user_fake_0007'; // locked
const NOPE = 'user_nope';
// The 8 bytes every PNG starts with, then some payload.
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 250, 251, 252, 0, 255];

export async function clerkTests({ lib, fake, serverUrl, test, ok, eq, rejects, record, allow }) {
  const { ClerkUsersApi, KindeUsersApi, IdpUsersError } = lib;

  /** A client over a fresh fake Clerk. */
  function setup(config = {}) {
    const f = fake.createFakeProviders();
    const api = new ClerkUsersApi({ secretKey: f.clerk.secretKey, baseUrl: 'https://api.clerk.test/v1', fetch: f.fetch, ...allow, ...config });
    return { f, api: record(api) };
  }
  const clerkRequests = (f) => f.requests.filter((r) => r.path.startsWith('/v1/'));
  const last = (f) => clerkRequests(f).at(-1);
  const query = (f) => new URL(last(f).url).searchParams;

  await test('clerk: exports ClerkUsersApi; the constructor validates its config', () => {
    ok(typeof ClerkUsersApi === 'function', 'ClerkUsersApi is a class');
    const bad = [
      [{}, 'config.secretKey'],
      [{ secretKey: '' }, 'config.secretKey'],
      [{ secretKey: 'pk_test_abc' }, 'config.secretKey'],
      [{ secret_key: 'sk_test_fake' }, 'config.secret_key'],
      [{ secretKey: 'sk_test_fake', baseUrl: 'ftp://x' }, 'config.baseUrl'],
      [{ secretKey: 'sk_test_fake', headers: { 'Clerk-API-Version': '2020-01-01' } }, 'config.headers.Clerk-API-Version'],
      [{ secretKey: 'sk_test_fake', timeoutMs: -1 }, 'config.timeoutMs'],
      [undefined, 'config'],
    ];
    for (const [config, param] of bad) {
      let err;
      try {
        new ClerkUsersApi(config && { ...config, ...allow });
      } catch (e) {
        err = e;
      }
      ok(err instanceof IdpUsersError, `throws an IdpUsersError for ${param}`);
      eq([err.kind, err.param, err.provider], ['validation', param, 'clerk'], 'kind, param and provider');
      ok(!err.message.includes('sk_test_fake'), 'no secret key in the message');
    }
  });

  await test('clerk: secret credentials are refused in a browser page unless allowed', () => {
    // A page is where `window` and `document` exist; simulate one where they do not.
    const hadWindow = 'window' in globalThis;
    const hadDocument = 'document' in globalThis;
    if (!hadWindow) globalThis.window = globalThis;
    if (!hadDocument) globalThis.document = {};
    try {
      const refused = (make, param) => {
        let err;
        try {
          make();
        } catch (e) {
          err = e;
        }
        ok(err instanceof IdpUsersError, `${param} is refused`);
        eq([err.kind, err.param], ['validation', param], 'kind and param');
        ok(err.message.includes('dangerouslyAllowBrowser'), `the message says how to opt in: ${err.message}`);
        ok(!err.message.includes('sk_live_hidden') && !err.message.includes('cs_hidden'), 'no secret in the message');
      };
      refused(() => new ClerkUsersApi({ secretKey: 'sk_live_hidden' }), 'config.secretKey');
      refused(() => new KindeUsersApi({ domain: 'acme.kinde.com', clientId: 'a', clientSecret: 'cs_hidden' }), 'config.clientSecret');
      ok(new ClerkUsersApi({ secretKey: 'sk_live_hidden', dangerouslyAllowBrowser: true }), 'Clerk with consent');
      ok(new KindeUsersApi({ domain: 'acme.kinde.com', clientId: 'a', clientSecret: 'cs_hidden', dangerouslyAllowBrowser: true }), 'Kinde with consent');
      ok(new KindeUsersApi({ domain: 'acme.kinde.com', accessToken: 'short-lived' }), 'a Kinde access token needs no consent');
    } finally {
      if (!hadWindow) delete globalThis.window;
      if (!hadDocument) delete globalThis.document;
    }
  });

  // ---- listing and counting --------------------------------------------------
  await test('clerk getUserList: newest first, limit/offset paging, headers sent', async () => {
    const { api, f } = setup();
    const first = await api.getUserList();
    eq(first.length, 10, 'default limit 10');
    eq(first[0].id, 'user_fake_0025', 'newest first');
    eq(first[0].object, 'user', 'User objects');
    const r = last(f);
    eq(r.headers.authorization, `Bearer ${f.clerk.secretKey}`, 'secret key as bearer token');
    eq(r.headers['clerk-api-version'], API_VERSION, 'Clerk-API-Version header');
    eq(r.method, 'GET', 'method');
    const seen = new Set();
    for (let offset = 0; ; offset += 7) {
      const page = await api.getUserList({ limit: 7, offset, order_by: '+created_at' });
      page.forEach((u) => seen.add(u.id));
      if (page.length < 7) break;
    }
    eq(seen.size, 25, 'every seeded user exactly once');
    const info = await api.getUserListWithHttpInfo({ limit: 2 });
    eq([info.status, info.data.length], [200, 2], 'WithHttpInfo: status and data');
    ok(typeof info.headers === 'object' && info.headers['content-type'].includes('application/json'), 'WithHttpInfo: headers');
  });

  await test('clerk getUserList: arrays as repeated keys; false, 0 and "" are sent', async () => {
    const { api, f } = setup();
    const emails = ['ada.anderson@example.com', 'ben.brown@example.com'];
    const two = await api.getUserList({ email_address: emails, order_by: 'created_at' });
    eq(two.map((u) => u.id), [U1, U2], 'filtered by two email addresses');
    eq(query(f).getAll('email_address'), emails, 'email_address repeated');
    ok(!last(f).url.includes('%2C'), 'not joined with commas');
    const notBanned = await api.getUserList({ banned: false, offset: 0, query: '', limit: 500 });
    eq(notBanned.length, 23, 'banned=false: all but the two banned users');
    eq([query(f).get('banned'), query(f).get('offset'), query(f).get('query')], ['false', '0', ''], 'false, 0 and "" on the wire');
    const banned = await api.getUserList({ banned: true });
    eq(banned.map((u) => u.id).sort(), [U6, 'user_fake_0018'], 'banned=true');
    const since = await api.getUserList({ created_at_after: new Date(Date.UTC(2026, 0, 20)), limit: 500 });
    ok(since.length > 0 && since.length < 25, 'a Date filter');
    eq(query(f).get('created_at_after'), String(Date.UTC(2026, 0, 20)), 'Date sent as Unix milliseconds');
    const members = await api.getUserList({ organization_id: ['org_fake'], user_id: [U1, U2, U6], limit: 500 });
    eq(members.map((u) => u.id).sort(), [U1, U2], 'organization_id and user_id together');
    const byName = await api.getUserList({ name_query: 'ANDERSON', email_address_query: 'ada' });
    eq(byName.map((u) => u.id), [U1], 'the *_query filters');
  });

  await test('clerk getUsersCount: the same filters, total_count', async () => {
    const { api, f } = setup();
    eq(await api.getUsersCount(), { object: 'total_count', total_count: 25 }, 'all users');
    const filters = { banned: false, organization_id: ['org_fake'] };
    const counted = await api.getUsersCount(filters);
    const listed = await api.getUserList({ ...filters, limit: 500 });
    eq(counted.total_count, listed.length, 'count agrees with the list');
    eq(query(f).getAll('organization_id'), ['org_fake'], 'sent as the API names it');
    const info = await api.getUsersCountWithHttpInfo({ email_address: ['nobody@example.com'] });
    eq([info.status, info.data.total_count], [200, 0], 'WithHttpInfo');
  });

  await test('clerk: list parameters are checked before anything is sent', async () => {
    const { api, f } = setup();
    const cases = [
      [{ limit: 0 }, 'params.limit'],
      [{ limit: 501 }, 'params.limit'],
      [{ limit: 8.14 }, 'params.limit'],
      [{ offset: -1 }, 'params.offset'],
      [{ email_address: [] }, 'params.email_address'],
      [{ email_address: ['a@b.c', 5] }, 'params.email_address[1]'],
      [{ banned: 'false' }, 'params.banned'],
      [{ created_at_after: new Date('nope') }, 'params.created_at_after'],
      [{ emailAddress: ['a@b.c'] }, 'params.emailAddress'],
    ];
    for (const [params, param] of cases) {
      const err = await rejects(api.getUserList(params), { kind: 'validation', param, operation: 'getUserList' }, param);
      if (param === 'params.emailAddress') ok(err.message.includes('email_address'), `hint: ${err.message}`);
    }
    await rejects(api.getUsersCount({ limit: 5 }), { kind: 'validation', param: 'params.limit' }, 'count has no limit');
    await rejects(api.usersGetOrganizationInvitations(U6, { status: 'open' }), { kind: 'validation', param: 'params.status' }, 'status enum');
    eq(clerkRequests(f).length, 0, 'nothing sent');
  });

  // ---- single users ---------------------------------------------------------------
  await test('clerk getUser, createUser, updateUser, deleteUser', async () => {
    const { api, f } = setup();
    const u1 = await api.getUser(U1);
    eq([u1.id, u1.first_name, u1.email_addresses[0].email_address], [U1, 'Ada', 'ada.anderson@example.com'], 'seeded user');
    const info = await api.getUserWithHttpInfo(U1);
    eq([info.status, info.data.id], [200, U1], 'getUserWithHttpInfo');
    const created = await api.createUser({
      email_address: ['new.person@example.com'],
      first_name: 'New',
      last_name: null,
      password: 'correct horse battery staple',
      external_id: 'ext_new',
      public_metadata: { plan: 'trial', flags: { beta: true } },
      skip_password_checks: false,
    });
    ok(created.id && created.object === 'user', 'created a user');
    eq([created.first_name, created.last_name, created.password_enabled], ['New', null, true], 'created fields');
    const sent = JSON.parse(last(f).body);
    eq(Object.keys(sent), ['external_id', 'first_name', 'last_name', 'email_address', 'password', 'skip_password_checks', 'public_metadata'], 'body in the API names');
    eq(last(f).headers['content-type'], 'application/json', 'JSON body');
    const dup = await rejects(api.createUser({ external_id: 'ext_new', email_address: ['x@example.com'] }), { kind: 'api', status: 422, provider: 'clerk' }, 'duplicate external_id');
    ok(dup.code && dup.longMessages.length > 0 && dup.traceId, 'code, long message and trace id');
    await rejects(api.createUserWithHttpInfo({ external_id: 'ext_new' }), { kind: 'api', status: 422 }, 'createUserWithHttpInfo error');
    const again = await api.createUserWithHttpInfo({ email_address: ['twin@example.com'] });
    eq(again.status, 200, 'createUserWithHttpInfo');
    const updated = await api.updateUser(created.id, { first_name: 'Renamed', username: null });
    eq(updated.first_name, 'Renamed', 'updated');
    eq(last(f).method, 'PATCH', 'PATCH');
    eq((await api.updateUserWithHttpInfo(created.id, { last_name: 'Person' })).data.last_name, 'Person', 'updateUserWithHttpInfo');
    await rejects(api.updateUser(created.id, { public_metadata: {} }), { kind: 'validation', param: 'body.public_metadata' }, 'metadata moved out of updateUser in 2026-05-12');
    await rejects(api.updateUser(NOPE, { first_name: 'x' }), { kind: 'api', status: 404 }, 'updateUser 404');
    await rejects(api.updateUserWithHttpInfo(NOPE, { first_name: 'x' }), { kind: 'api', status: 404 }, 'updateUserWithHttpInfo 404');
    const gone = await api.deleteUser(created.id);
    eq([gone.object, gone.id, gone.deleted], ['user', created.id, true], 'DeletedObject');
    await rejects(api.getUser(created.id), { kind: 'api', status: 404, code: 'resource_not_found' }, 'deleted user is gone');
    eq((await api.deleteUserWithHttpInfo(again.data.id)).status, 200, 'deleteUserWithHttpInfo');
  });

  await test('clerk updateUserMetadata: deep merge, null removes a key', async () => {
    const { api, f } = setup();
    const before = await api.getUser(U1);
    const after = await api.updateUserMetadata(U1, {
      public_metadata: { plan: null, prefs: { theme: 'dark', lang: 'fr' } },
      private_metadata: { crm_id: 42 },
    });
    const expected = { ...before.public_metadata, prefs: { theme: 'dark', lang: 'fr' } };
    delete expected.plan;
    eq(after.public_metadata, expected, 'merged; plan removed');
    eq(after.private_metadata.crm_id, 42, 'private metadata merged');
    const again = await api.updateUserMetadataWithHttpInfo(U1, { public_metadata: { prefs: { lang: null } } });
    eq(again.data.public_metadata.prefs, { theme: 'dark' }, 'nested key removed, sibling kept');
    eq(JSON.parse(last(f).body), { public_metadata: { prefs: { lang: null } } }, 'null is sent');
    eq((await api.updateUserMetadata(U2)).id, U2, 'the body is optional');
    await rejects(api.updateUserMetadata(U1, { public_metadata: [] }), { kind: 'validation', param: 'body.public_metadata' }, 'metadata must be an object');
    await rejects(api.updateUserMetadata(U1, { public_metadata: { n: NaN } }), { kind: 'validation' }, 'NaN is not JSON');
  });

  await test('clerk ban/unban and lock/unlock', async () => {
    const { api } = setup();
    eq((await api.banUser(U1)).banned, true, 'banned');
    eq((await api.getUser(U1)).banned, true, 'stays banned');
    eq((await api.unbanUser(U1)).banned, false, 'unbanned');
    eq((await api.banUserWithHttpInfo(U2)).data.banned, true, 'banUserWithHttpInfo');
    eq((await api.unbanUserWithHttpInfo(U6)).data.banned, false, 'seeded ban lifted');
    eq((await api.lockUser(U1)).locked, true, 'locked');
    eq((await api.unlockUser(U1)).locked, false, 'unlocked');
    eq((await api.lockUserWithHttpInfo(U2)).data.locked, true, 'lockUserWithHttpInfo');
    eq((await api.unlockUserWithHttpInfo(U7)).data.locked, false, 'seeded lock lifted');
  });

  // ---- profile image (multipart) ------------------------------------------------------
  await test('clerk setUserProfileImage: multipart from Blob, File, Uint8Array and ArrayBuffer', async () => {
    const { api, f } = setup();
    const bytes = new Uint8Array(PNG);
    const same = (userId, what) => {
      const image = f.clerk.profileImage(userId);
      ok(image, `${what}: stored`);
      eq(Array.from(image.bytes), PNG, `${what}: byte-exact`);
      return image;
    };
    const fromBytes = await api.setUserProfileImage(U1, bytes);
    eq(fromBytes.has_image, true, 'has_image');
    ok(typeof fromBytes.image_url === 'string' && fromBytes.image_url.length > 0, 'image_url');
    const sentType = last(f).headers['content-type'];
    ok(/^multipart\/form-data; boundary=/.test(sentType), `multipart with a boundary (${sentType})`);
    eq(same(U1, 'Uint8Array').type, 'image/png', 'bytes typed from their signature');
    await api.setUserProfileImage(U2, bytes.buffer);
    same(U2, 'ArrayBuffer');
    const view = new Uint8Array([9, 9, ...PNG, 9]).subarray(2, 2 + PNG.length);
    await api.setUserProfileImage(U3, view);
    same(U3, 'a view into a larger buffer');
    await api.setUserProfileImage(U4, new Blob([bytes], { type: 'image/png' }));
    same(U4, 'Blob');
    if (typeof File === 'function') {
      await api.setUserProfileImage(U5, new File([bytes], 'avatar.png', { type: 'image/png' }));
      eq(same(U5, 'File').name, 'avatar.png', 'File keeps its name');
    }
    const info = await api.setUserProfileImageWithHttpInfo(U6, bytes, { headers: { 'Content-Type': 'application/json' } });
    eq(info.status, 200, 'WithHttpInfo; a content-type header cannot break the multipart body');
    for (const [bad, what] of [['a string', 'string'], [{}, 'object'], [new Uint8Array(0), 'empty'], [undefined, 'missing']]) {
      await rejects(api.setUserProfileImage(U1, bad), { kind: 'validation', param: 'file' }, `${what} file`);
    }
    await rejects(api.setUserProfileImage(NOPE, bytes), { kind: 'api', status: 404 }, 'unknown user');
    await rejects(api.setUserProfileImageWithHttpInfo(NOPE, bytes), { kind: 'api', status: 404 }, 'unknown user (WithHttpInfo)');
    const removed = await api.deleteUserProfileImage(U1);
    eq(removed.has_image, false, 'deleteUserProfileImage');
    eq((await api.deleteUserProfileImageWithHttpInfo(U2)).data.has_image, false, 'deleteUserProfileImageWithHttpInfo');
  });

  // ---- MFA ---------------------------------------------------------------------------
  await test('clerk verifyTotp, backup codes, deleteTotp, deleteBackupCode, disableMfa', async () => {
    const { api, f } = setup();
    const code = await f.clerk.totpCode(U2);
    eq(await api.verifyTotp(U2, { code }), { verified: true, code_type: 'totp' }, 'current TOTP');
    const backup = await api.verifyTotpWithHttpInfo(U2, { code: 'bc0002x1' });
    eq([backup.status, backup.data.code_type], [200, 'backup_code'], 'backup code');
    const reused = await rejects(api.verifyTotp(U2, { code: 'bc0002x1' }), { kind: 'api', status: 422 }, 'a backup code works once');
    eq(reused.body, null, 'the spec gives this answer no body');
    await rejects(api.verifyTotp(U1, { code: '123456' }), { kind: 'api', status: 400 }, 'no TOTP set');
    await rejects(api.verifyTotpWithHttpInfo(NOPE, { code: '123456' }), { kind: 'api', status: 404 }, 'unknown user');
    await rejects(api.verifyTotp(U2, {}), { kind: 'validation', param: 'body.code' }, 'code required');
    eq(await api.deleteBackupCode(U2), { user_id: U2 }, 'deleteBackupCode');
    await rejects(api.verifyTotp(U2, { code: 'bc0002x2' }), { kind: 'api', status: 422 }, 'backup codes are gone');
    eq(await api.deleteTotp(U2), { user_id: U2 }, 'deleteTotp');
    eq((await api.getUser(U2)).totp_enabled, false, 'TOTP off');
    eq((await api.disableMfaWithHttpInfo('user_fake_0009')).data, { user_id: 'user_fake_0009' }, 'disableMfaWithHttpInfo');
    eq(await api.disableMfa('user_fake_0016'), { user_id: 'user_fake_0016' }, 'disableMfa');
    const u9 = await api.getUser('user_fake_0009');
    eq([u9.totp_enabled, u9.backup_code_enabled], [false, false], 'MFA off');
    eq((await api.deleteTotpWithHttpInfo(U1)).status, 200, 'deleteTotpWithHttpInfo');
    eq((await api.deleteBackupCodeWithHttpInfo(U1)).status, 200, 'deleteBackupCodeWithHttpInfo');
    await rejects(api.deleteTotp(NOPE), { kind: 'api', status: 404 }, 'deleteTotp 404');
    await rejects(api.deleteBackupCode(NOPE), { kind: 'api', status: 404 }, 'deleteBackupCode 404');
    await rejects(api.disableMfa(NOPE), { kind: 'api', status: 404 }, 'disableMfa 404');
  });

  await test('clerk createUserTotp: deprecated; a clear error where the API removed it', async () => {
    const { api, f } = setup();
    const err = await rejects(api.createUserTotp(U1), { kind: 'api', status: 405, operation: 'createUserTotp' }, 'removed endpoint');
    ok(err.message.includes('removed') && err.message.includes('totp_secret'), `says what to do instead: ${err.message}`);
    await rejects(api.createUserTotpWithHttpInfo(U1), { kind: 'api', status: 405 }, 'removed endpoint (WithHttpInfo)');
    f.clerk.legacyTotp(true);
    const totp = await api.createUserTotp(U1);
    eq([totp.object, totp.verified], ['totp', false], 'the seed-era answer where it still exists');
    ok(typeof totp.secret === 'string' && Array.isArray(totp.backup_codes), 'secret and backup codes');
    eq((await api.createUserTotpWithHttpInfo(U3)).status, 200, 'createUserTotpWithHttpInfo');
    await rejects(api.createUserTotp(NOPE), { kind: 'api', status: 404 }, 'unknown user');
  });

  await test('clerk verifyPassword', async () => {
    const { api, f } = setup();
    eq(await api.verifyPassword(U1, { password: 'fake-password-0001' }), { verified: true }, 'right password');
    eq(JSON.parse(last(f).body), { password: 'fake-password-0001' }, 'body');
    const wrong = await rejects(api.verifyPassword(U1, { password: 'nope' }), { kind: 'api', status: 422, body: null }, 'wrong password');
    ok(!wrong.message.includes('fake-password'), 'no password in the error');
    await rejects(api.verifyPasswordWithHttpInfo(U2, { password: 'x' }), { kind: 'api', status: 400 }, 'no password set');
    eq((await api.verifyPasswordWithHttpInfo(U1, { password: 'fake-password-0001' })).status, 200, 'WithHttpInfo');
    await rejects(api.verifyPassword(NOPE, { password: 'x' }), { kind: 'api', status: 404 }, 'unknown user');
    await rejects(api.verifyPassword(U1, { password: 1 }), { kind: 'validation', param: 'body.password' }, 'password must be a string');
  });

  // ---- linked identifiers ------------------------------------------------------------------
  await test('clerk getOAuthAccessToken and deleteExternalAccount', async () => {
    const { api, f } = setup();
    const tokens = await api.getOAuthAccessToken(U4, 'oauth_google');
    ok(Array.isArray(tokens) && tokens.length === 1, 'one token');
    eq([tokens[0].object, tokens[0].provider, tokens[0].token], ['oauth_access_token', 'oauth_google', 'fake_oauth_google_token_0004'], 'token');
    const paged = await api.getOAuthAccessTokenWithHttpInfo(U4, 'oauth_google', { paginated: false, limit: 1, offset: 0 });
    eq([paged.status, query(f).get('paginated'), query(f).get('offset')], [200, 'false', '0'], 'params sent');
    await rejects(api.getOAuthAccessToken(NOPE, 'oauth_google'), { kind: 'api', status: 404 }, 'unknown user');
    await rejects(api.getOAuthAccessTokenWithHttpInfo(NOPE, 'oauth_google'), { kind: 'api', status: 404 }, 'unknown user (WithHttpInfo)');
    const account = (await api.getUser(U4)).external_accounts[0];
    const deleted = await api.deleteExternalAccount(U4, account.id);
    eq([deleted.id, deleted.deleted], [account.id, true], 'external account deleted');
    eq(await api.getOAuthAccessToken(U4, 'oauth_google'), [], 'its tokens went with it');
    await rejects(api.deleteExternalAccountWithHttpInfo(U4, account.id), { kind: 'api', status: 404 }, 'already deleted');
    const other = (await api.getUser('user_fake_0008')).external_accounts[0];
    eq((await api.deleteExternalAccountWithHttpInfo('user_fake_0008', other.id)).status, 200, 'WithHttpInfo');
    await rejects(api.deleteExternalAccount(NOPE, 'eac_x'), { kind: 'api', status: 404 }, 'deleteExternalAccount 404');
  });

  await test('clerk userPasskeyDelete and userWeb3WalletDelete', async () => {
    const { api } = setup();
    const passkey = (await api.getUser(U3)).passkeys[0];
    eq((await api.userPasskeyDelete(U3, passkey.id)).deleted, true, 'passkey deleted');
    eq((await api.getUser(U3)).passkeys, [], 'no passkeys left');
    await rejects(api.userPasskeyDelete(U3, passkey.id), { kind: 'api', status: 404 }, 'passkey already gone');
    const other = (await api.getUser('user_fake_0009')).passkeys[0];
    eq((await api.userPasskeyDeleteWithHttpInfo('user_fake_0009', other.id)).status, 200, 'WithHttpInfo');
    await rejects(api.userPasskeyDeleteWithHttpInfo(NOPE, 'x'), { kind: 'api', status: 404 }, 'unknown user');
    const wallet = (await api.getUser(U5)).web3_wallets[0];
    eq((await api.userWeb3WalletDelete(U5, wallet.id)).deleted, true, 'wallet deleted');
    eq((await api.getUser(U5)).web3_wallets, [], 'no wallets left');
    await rejects(api.userWeb3WalletDelete(U5, wallet.id), { kind: 'api', status: 404 }, 'wallet already gone');
    const w13 = (await api.getUser('user_fake_0013')).web3_wallets[0];
    eq((await api.userWeb3WalletDeleteWithHttpInfo('user_fake_0013', w13.id)).status, 200, 'WithHttpInfo');
    await rejects(api.userWeb3WalletDeleteWithHttpInfo(NOPE, 'x'), { kind: 'api', status: 404 }, 'unknown user');
  });

  await test('clerk organization memberships and invitations', async () => {
    const { api, f } = setup();
    const all = await api.usersGetOrganizationMemberships(U1);
    eq(all.total_count, 2, 'two memberships');
    eq(all.data.map((m) => m.organization.id).sort(), ['org_fake', 'org_fake_2'], 'organizations');
    const page = await api.usersGetOrganizationMembershipsWithHttpInfo(U1, { limit: 1, offset: 0 });
    eq([page.status, page.data.data.length, page.data.total_count], [200, 1, 2], 'limit 1');
    eq((await api.usersGetOrganizationMemberships('user_fake_0020')).total_count, 0, 'no memberships');
    const pending = await api.usersGetOrganizationInvitations(U6, { status: 'pending' });
    eq(pending.total_count, 2, 'two pending invitations');
    ok(pending.data.every((i) => i.status === 'pending' && i.public_organization_data.id), 'with public organization data');
    eq(query(f).get('status'), 'pending', 'status sent');
    const every = await api.usersGetOrganizationInvitationsWithHttpInfo(U6);
    eq([every.status, every.data.total_count], [200, 3], 'all invitations');
    await rejects(api.usersGetOrganizationInvitations(NOPE), { kind: 'api', status: 404 }, 'invitations 404');
    await rejects(api.usersGetOrganizationInvitationsWithHttpInfo(NOPE), { kind: 'api', status: 404 }, 'invitations 404 (twin)');
    f.clerk.injectFault({ path: `/v1/users/${U1}/organization_memberships`, status: 403, body: JSON.stringify({ errors: [{ code: 'authorization_invalid', message: 'not allowed', long_message: 'Not allowed here' }] }), times: 2 });
    await rejects(api.usersGetOrganizationMemberships(U1), { kind: 'api', status: 403, code: 'authorization_invalid' }, 'memberships 403');
    await rejects(api.usersGetOrganizationMembershipsWithHttpInfo(U1), { kind: 'api', status: 403 }, 'memberships 403 (twin)');
  });

  // ---- errors ------------------------------------------------------------------------
  await test('clerk errors: codes, long messages, trace id, cf-ray, Retry-After, no secrets', async () => {
    const { api, f } = setup();
    const missing = await rejects(api.getUser(NOPE), { kind: 'api', status: 404, provider: 'clerk', operation: 'getUser' }, '404');
    ok(missing.codes.length === 1 && missing.messages.length === 1 && missing.longMessages.length === 1, 'codes, messages, long messages');
    ok(typeof missing.traceId === 'string' && missing.traceId.length > 0, 'clerk_trace_id');
    await rejects(api.getUserWithHttpInfo(NOPE), { kind: 'api', status: 404 }, '404 (twin)');
    f.clerk.injectFault({ path: '/v1/users', status: 429, headers: { 'retry-after': '2', 'cf-ray': 'ray-123' }, body: JSON.stringify({ errors: [{ code: 'too_many_requests', message: 'slow down', long_message: 'Too many requests' }] }) });
    await rejects(api.getUserList(undefined, { retries: 0 }), { kind: 'api', status: 429, retryAfterMs: 2000, traceId: 'ray-123', code: 'too_many_requests', longMessages: ['Too many requests'] }, '429');
    f.clerk.injectFault({ path: '/v1/users/count', status: 500, body: JSON.stringify({ errors: [{ code: 'internal', message: 'boom', long_message: 'Boom' }], clerk_trace_id: 'trace-9' }) });
    await rejects(api.getUsersCount(), { kind: 'api', status: 500, traceId: 'trace-9' }, 'count 500');
    f.clerk.injectFault({ path: '/v1/users/count', status: 502, body: '<html>bad gateway</html>', headers: { 'content-type': 'text/html' } });
    await rejects(api.getUsersCountWithHttpInfo(undefined, { retries: 0 }), { kind: 'api', status: 502, body: '<html>bad gateway</html>' }, 'count non-JSON error (twin)');
    f.clerk.injectFault({ path: '/v1/users', status: 503 });
    await rejects(api.getUserListWithHttpInfo(undefined, { retries: 0 }), { kind: 'api', status: 503, body: null }, 'list 503 without body (twin)');
    const wrongKey = record(new ClerkUsersApi({ secretKey: 'sk_test_wrong_key_123', baseUrl: 'https://api.clerk.test/v1', fetch: f.fetch, ...allow }));
    const denied = await rejects(wrongKey.getUser(U1), { kind: 'api', status: 401 }, 'wrong secret key');
    const text = `${denied.message} ${JSON.stringify(denied)} ${String(denied.stack)}`;
    ok(!text.includes('sk_test_wrong_key_123'), 'the secret key never appears');
    eq(clerkRequests(f).filter((r) => r.headers.authorization === 'Bearer sk_test_wrong_key_123').length, 1, 'a static key is not retried');
    f.clerk.injectFault({ path: `/v1/users/${U1}`, status: 400, body: JSON.stringify({ errors: [{ code: 'x', message: `echo ${f.clerk.secretKey}`, long_message: f.clerk.secretKey }] }) });
    const echoed = await rejects(api.getUser(U1), { kind: 'api', status: 400 }, 'echoed key');
    ok(!JSON.stringify(echoed).includes(f.clerk.secretKey) && !echoed.message.includes(f.clerk.secretKey), 'redacted');
  });

  await test('clerk: apiVersion, baseUrl and headers are configurable', async () => {
    const f = fake.createFakeProviders();
    const api = record(new ClerkUsersApi({ secretKey: f.clerk.secretKey, baseUrl: 'https://proxy.test/v1/', apiVersion: '2025-11-10', headers: { 'X-App': 'suite' }, fetch: f.fetch, ...allow }));
    await api.getUser(U1, { headers: { 'X-Call': '1' } });
    const r = clerkRequests(f).at(-1);
    eq(r.url, `https://proxy.test/v1/users/${U1}`, 'base URL, trailing slash dropped');
    eq([r.headers['clerk-api-version'], r.headers['x-app'], r.headers['x-call']], ['2025-11-10', 'suite', '1'], 'headers');
  });

  await test('clerk: every operation checks its arguments before sending', async () => {
    const { api, f } = setup();
    const calls = [
      ['banUser'], ['createUser'], ['createUserTotp'], ['deleteBackupCode'], ['deleteExternalAccount', U1],
      ['deleteTotp'], ['deleteUser'], ['deleteUserProfileImage'], ['disableMfa'], ['getOAuthAccessToken', U1],
      ['getUser'], ['lockUser'], ['setUserProfileImage', U1], ['unbanUser'], ['unlockUser'], ['updateUser', U1],
      ['updateUserMetadata'], ['userPasskeyDelete', U1], ['userWeb3WalletDelete', U1], ['usersGetOrganizationInvitations'],
      ['usersGetOrganizationMemberships'], ['verifyPassword', U1], ['verifyTotp', U1],
    ];
    for (const [name, ...args] of calls) {
      for (const method of [name, `${name}WithHttpInfo`]) {
        const err = await rejects(api[method](...args), { kind: 'validation', operation: name }, `${method} without its arguments`);
        ok(err.param, `${method}: names the argument`);
      }
    }
    await rejects(api.getUser('..'), { kind: 'validation', param: 'userId' }, 'dot segment');
    await rejects(api.getUserList([1]), { kind: 'validation', param: 'params' }, 'params must be an object');
    await rejects(api.getUsersCountWithHttpInfo({ nope: 1 }), { kind: 'validation', param: 'params.nope' }, 'unknown count param');
    eq(clerkRequests(f).length, 0, 'nothing sent');
    await api.getUser(`${U1}/../x`).catch(() => {});
    eq(last(f).path, `/v1/users/${encodeURIComponent(`${U1}/../x`)}`, 'ids are percent-encoded');
  });

  if (serverUrl) {
    await test('clerk against the fake HTTP server, upload included', async () => {
      const api = record(new ClerkUsersApi({ secretKey: 'sk_test_fake', baseUrl: `${serverUrl}/v1`, ...allow }));
      const list = await api.getUserList({ limit: 3, email_address: ['ada.anderson@example.com', 'ben.brown@example.com'] });
      eq(list.length, 2, 'listed over HTTP with repeated keys');
      const user = await api.setUserProfileImage(U1, new Uint8Array(PNG));
      eq(user.has_image, true, 'multipart upload over HTTP');
      const info = await api.getUserWithHttpInfo(U1);
      eq(info.status, 200, 'status over HTTP');
      await rejects(api.getUser(NOPE), { kind: 'api', status: 404 }, 'errors over HTTP');
    });
  }
}
