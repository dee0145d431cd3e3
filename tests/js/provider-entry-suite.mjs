// The per-provider entries, `idp-users/clerk` and `idp-users/kinde`, in
// every runtime of the matrix (tests/runtimes/run.mjs runs it after the main
// suite, in the same process, and adds its results to the runtime's row).
// Each entry loads a .wasm holding only its provider's tables.
//
// Plain ESM with no imports; the harness passes the package's modules in:
//   clerk, kinde: the 'idp-users/clerk' and 'idp-users/kinde' namespaces
//   lib:          the 'idp-users' namespace (the reference: both providers)
//   fake:         the 'idp-users/fake' namespace
//   runtime:      name of the runtime, for the report
//   serverUrl:    base URL of the fake HTTP server, when the runtime can reach it
//   readFile:     (Node only) reads a file of the installed package: `readFile('clerk/idp_users_bg.wasm')` -> bytes
// Returns { runtime, passed, failed, operations: [], results: [{ name, ok, error }] }.

const IN_PAGE = typeof window !== 'undefined' && typeof document !== 'undefined';
/** In a browser page secrets need consent; the suite gives it there. */
const ALLOW = IN_PAGE ? { dangerouslyAllowBrowser: true } : {};

const PROVIDERS = {
  clerk: { cls: 'ClerkUsersApi', other: 'KindeUsersApi' },
  kinde: { cls: 'KindeUsersApi', other: 'ClerkUsersApi' },
};
const COMMON = ['IdpUsersError', 'bulk', 'wasmMemoryBytes'];

export async function run(options) {
  const results = [];
  const ok = (cond, msg) => {
    if (!cond) throw new Error(`assertion failed: ${msg}`);
  };
  const eq = (a, b, msg) => ok(JSON.stringify(a) === JSON.stringify(b), `${msg}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);
  const test = async (name, fn) => {
    try {
      await fn();
      results.push({ name: `provider entry: ${name}`, ok: true });
    } catch (e) {
      results.push({ name: `provider entry: ${name}`, ok: false, error: String((e && e.stack) || e) });
    }
  };
  const { lib, fake, runtime, serverUrl, readFile } = options;

  /** Clients of one entry: in-process against the fake's fetch, and over HTTP when the fake server is reachable. */
  function clients(entry, mod) {
    const f = fake.createFakeProviders();
    const out = [];
    if (entry === 'clerk') {
      out.push(['in-process', new mod.ClerkUsersApi({ secretKey: f.clerk.secretKey, baseUrl: 'https://api.clerk.test/v1', fetch: f.fetch, ...ALLOW })]);
      if (serverUrl) out.push(['HTTP', new mod.ClerkUsersApi({ secretKey: 'sk_test_fake', baseUrl: `${serverUrl}/v1`, ...ALLOW })]);
    } else {
      out.push(['in-process', new mod.KindeUsersApi({ domain: 'https://fake.kinde.com', clientId: f.kinde.clientId, clientSecret: f.kinde.clientSecret, fetch: f.fetch, ...ALLOW })]);
      if (serverUrl) out.push(['HTTP', new mod.KindeUsersApi({ domain: serverUrl, clientId: 'fake-client-id', clientSecret: 'fake-client-secret', ...ALLOW })]);
    }
    return out;
  }

  for (const [entry, { cls, other }] of Object.entries(PROVIDERS)) {
    const mod = options[entry];
    await test(`idp-users/${entry} exports ${cls}, ${COMMON.join(', ')} and not ${other}`, async () => {
      ok(mod && typeof mod === 'object', `the idp-users/${entry} module was passed in`);
      // A CommonJS namespace seen from ESM may add `default` / `module.exports`.
      const names = Object.keys(mod).filter((k) => !['default', '__esModule', 'module.exports'].includes(k)).sort();
      eq(names, [cls, ...COMMON].sort(), 'exported names');
      ok(mod[other] === undefined, `${other} is not exported`);
      for (const n of [cls, ...COMMON]) eq(typeof mod[n], 'function', `${n} is a function`);
      eq(mod[cls].name, cls, 'the class keeps its name');
    });

    await test(`idp-users/${entry}: ${cls} has the same methods as the root entry's`, async () => {
      eq(mod[cls].__operations(), lib[cls].__operations(), 'operations');
      ok(typeof mod[cls].prototype.getUser === 'function' || typeof mod[cls].prototype.getUserData === 'function', 'methods installed');
      ok(mod.wasmMemoryBytes() > 0, 'its own wasm instance is up');
    });

    await test(`idp-users/${entry}: list users and get one`, async () => {
      for (const [how, api] of clients(entry, mod)) {
        if (entry === 'clerk') {
          const users = await api.getUserList({ limit: 3 });
          ok(Array.isArray(users) && users.length === 3, `${how}: 3 users listed (got ${JSON.stringify(users).slice(0, 200)})`);
          const one = await api.getUser(users[1].id);
          eq(one.id, users[1].id, `${how}: getUser`);
          const { total_count: total } = await api.getUsersCount();
          ok(total >= 3, `${how}: getUsersCount`);
        } else {
          const page = await api.getUsers({ page_size: 3 });
          ok(Array.isArray(page.users) && page.users.length === 3, `${how}: 3 users listed (got ${JSON.stringify(page).slice(0, 200)})`);
          const one = await api.getUserData(page.users[1].id);
          eq(one.id, page.users[1].id, `${how}: getUserData`);
        }
        api.free();
      }
    });

    await test(`idp-users/${entry}: errors are its own IdpUsersError`, async () => {
      const [, api] = clients(entry, mod)[0];
      const err = await (entry === 'clerk' ? api.getUser('') : api.getUserData('')).then(
        () => undefined,
        (e) => e,
      );
      ok(err instanceof mod.IdpUsersError, `rejects with the entry's IdpUsersError (got ${err})`);
      eq([err.name, err.kind], ['IdpUsersError', 'validation'], 'name and kind');
      const bad = (() => {
        try {
          new mod[cls]({});
        } catch (e) {
          return e;
        }
      })();
      ok(bad instanceof mod.IdpUsersError && bad.kind === 'validation', 'a bad config throws a validation error');
      // Each entry has its own copy of the class; instanceof holds across them.
      ok(err instanceof lib.IdpUsersError && bad instanceof lib.IdpUsersError, `an error of idp-users/${entry} is instanceof idp-users' IdpUsersError`);
      const rootApi = new lib[cls]({ ...(entry === 'clerk' ? { secretKey: 'sk_test_x' } : { domain: 'https://x.kinde.com', accessToken: 't' }), ...ALLOW });
      const rootErr = await rootApi[entry === 'clerk' ? 'getUser' : 'getUserData']('').then(
        () => undefined,
        (e) => e,
      );
      rootApi.free();
      ok(rootErr instanceof mod.IdpUsersError && rootErr instanceof lib.IdpUsersError, `an error of idp-users is instanceof idp-users/${entry}'s IdpUsersError`);
      ok(!(new Error('plain') instanceof mod.IdpUsersError) && !({ name: 'IdpUsersError' } instanceof lib.IdpUsersError) && !(null instanceof mod.IdpUsersError), 'other values are not');
      class Sub extends mod.IdpUsersError {}
      ok(!(err instanceof Sub) && new Sub('x') instanceof Sub && new Sub('x') instanceof lib.IdpUsersError, 'a subclass keeps the prototype-chain test');
    });
  }

  if (readFile) {
    const sizes = {};
    await test('the per-provider .wasm files are smaller and hold none of the other provider\'s operations', async () => {
      const both = readFile('wasm/idp_users_bg.wasm');
      const kindeOps = lib.KindeUsersApi.__operations();
      const clerkOps = lib.ClerkUsersApi.__operations();
      // A provider's own operations, less those that are part of one of the other's
      // names (Kinde's getUsers is in Clerk's getUsersCount): the .wasm packs its
      // strings with nothing between them.
      const own = (ops, others) => ops.filter((n) => !others.some((o) => o.includes(n)));
      const only = { kinde: own(kindeOps, clerkOps), clerk: own(clerkOps, kindeOps) };
      ok(only.kinde.includes('getUserData') && only.clerk.includes('getUserList'), 'getUserData is Kinde-only, getUserList Clerk-only');
      const text = (bytes) => Array.from(bytes, (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '\n')).join('');
      sizes.both = both.length;
      for (const entry of ['clerk', 'kinde']) {
        const wasm = readFile(`${entry}/idp_users_bg.wasm`);
        sizes[entry] = wasm.length;
        ok(wasm.length < both.length * 0.95, `${entry} .wasm (${wasm.length} B) is smaller than the root's (${both.length} B)`);
        const strings = text(wasm);
        const otherEntry = entry === 'clerk' ? 'kinde' : 'clerk';
        const leaked = only[otherEntry].filter((n) => strings.includes(n));
        eq(leaked, [], `${otherEntry} operations in the ${entry} .wasm`);
        const missing = only[entry].filter((n) => !strings.includes(n));
        eq(missing, [], `${entry} operations missing from the ${entry} .wasm`);
      }
      const rootStrings = text(both);
      ok(only.kinde.concat(only.clerk).every((n) => rootStrings.includes(n)), 'the root .wasm holds both');
    });
    // The figures travel with the result, in the test's name.
    if (sizes.kinde) results.at(-1).name += ` [${Object.entries(sizes).map(([k, v]) => `${k} ${v} B`).join(', ')}]`;
  }

  const passed = results.filter((r) => r.ok).length;
  return { runtime, passed, failed: results.length - passed, operations: [], results };
}

/** The main suite's result `a` with this suite's `b` added (one row of the matrix). */
export function merge(a, b) {
  return { ...a, passed: a.passed + b.passed, failed: a.failed + b.failed, results: [...a.results, ...b.results] };
}
