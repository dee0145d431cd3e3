// Runs the README blocks marked `run` (listed in runs.json by
// readme-blocks.mjs), one after the other, each on a fresh in-process fake:
// - the global `fetch` is the fake's (any origin: `acme.kinde.com`, Clerk's
//   default `https://api.clerk.com/v1`), except that `/admin-api/*` on the
//   page's origin (`location.origin`) goes to a `createUsersProxy` handler
//   in front of the same fake, as a browser page's calls would;
// - `process.env` holds the fake's credentials under the names the READMEs use;
// - the values a block uses without defining them (readme-globals.d.ts) are
//   globals; what the package exports is not, so a block that forgets an
//   import fails (`ClerkUsersApi is not defined`);
// - a block whose default export has a `fetch` (a Worker) is sent a request,
//   with the same variables as its `env`, and must answer 2xx.
// A block fails when it throws, rejects, leaves an unhandled rejection, or
// takes more than 20 s. Its console output is shown when it fails (or
// always, with README_BLOCKS_VERBOSE=1).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ClerkUsersApi, KindeUsersApi } from 'idp-users';
import { createFakeProviders } from 'idp-users/fake';
import { createUsersProxy } from 'idp-users/proxy';

const ENV = {
  KINDE_DOMAIN: 'acme.kinde.com',
  KINDE_CLIENT_ID: 'fake-client-id',
  KINDE_CLIENT_SECRET: 'fake-client-secret',
  CLERK_SECRET_KEY: 'sk_test_fake',
};
Object.assign(process.env, ENV);
const ORIGIN = 'https://admin.example';
const ADMIN = 'readme-admin-token';
// The first bytes of a PNG: enough for an upload typed by its signature.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

let fake;
let proxy;
globalThis.fetch = (input, init) => {
  const raw = input instanceof Request ? input.url : String(input);
  const url = new URL(raw, ORIGIN);
  if (url.origin === ORIGIN && url.pathname.startsWith('/admin-api/')) {
    return proxy(input instanceof Request ? input : new Request(url, init));
  }
  return fake.fetch(input, init);
};

function fresh() {
  fake = createFakeProviders();
  const isAdmin = (request) => request.headers.get('authorization') === `Bearer ${ADMIN}`;
  const options = {
    kinde: { domain: 'https://acme.kinde.com', clientId: ENV.KINDE_CLIENT_ID, clientSecret: ENV.KINDE_CLIENT_SECRET, fetch: fake.fetch },
    clerk: { secretKey: ENV.CLERK_SECRET_KEY, fetch: fake.fetch },
    allow: ['kinde.*', 'clerk.*'],
    authorize: isAdmin,
  };
  proxy = createUsersProxy(options);
  Object.assign(globalThis, {
    kinde: new KindeUsersApi({ domain: ENV.KINDE_DOMAIN, clientId: ENV.KINDE_CLIENT_ID, clientSecret: ENV.KINDE_CLIENT_SECRET }),
    clerk: new ClerkUsersApi({ secretKey: ENV.CLERK_SECRET_KEY }),
    domain: ENV.KINDE_DOMAIN,
    clientId: ENV.KINDE_CLIENT_ID,
    clientSecret: ENV.KINDE_CLIENT_SECRET,
    id: 'user_fake_0002',
    userIds: ['user_fake_0001', 'user_fake_0002', 'user_fake_0003', 'user_nobody'],
    controller: new AbortController(),
    bar: { update() {} },
    file: new File([PNG], 'avatar.png', { type: 'image/png' }),
    password: 'fake-password-0001',
    adminToken: ADMIN,
    ADMIN_TOKEN: ADMIN,
    isAdmin,
    options,
    location: { origin: ORIGIN },
  });
}

let unhandled = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

const runs = JSON.parse(readFileSync('runs.json', 'utf8'));
const log = console.log;
const failures = [];
for (const { file, where } of runs) {
  fresh();
  unhandled = [];
  const output = [];
  const capture = (...args) => output.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  console.log = console.error = console.warn = capture;
  let failure;
  let timer;
  try {
    const work = (async () => {
      const mod = await import(pathToFileURL(file).href);
      if (typeof mod.default?.fetch === 'function') {
        const request = new Request(`https://worker.example/admin-api/kinde/api/v1/users?page_size=2`, { headers: { authorization: `Bearer ${ADMIN}` } });
        const response = await mod.default.fetch(request, { ...ENV });
        if (!response.ok) throw new Error(`the Worker answered ${response.status}: ${await response.text()}`);
        output.push(`(the Worker answered ${response.status})`);
      }
    })();
    await Promise.race([work, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('did not finish within 20 s')), 20_000)))]);
    // Let stray promises settle, so an unhandled rejection is seen here.
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (unhandled.length) throw unhandled[0];
  } catch (e) {
    failure = e;
  } finally {
    clearTimeout(timer);
    console.log = log;
    console.error = log;
    console.warn = log;
  }
  if (failure) {
    failures.push(where);
    log(`FAILED ${where}: ${failure?.stack ?? failure}\n  its output:\n    ${output.join('\n    ')}`);
  } else {
    log(`ok     ${where} (${output.length} lines of output)`);
    if (process.env.README_BLOCKS_VERBOSE) log(`    ${output.join('\n    ')}`);
  }
}
if (failures.length) {
  log(`\n${failures.length} README block(s) failed: ${failures.join(', ')}`);
  process.exit(1);
}
// A block may leave a server or timer behind (the fake's own clock, say): done is done.
process.exit(0);
