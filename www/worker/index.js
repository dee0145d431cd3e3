// The console's Worker: /admin-api/* goes through createUsersProxy (the
// provider credentials live here, in env, never in the page); everything
// else is the built console, served by the assets binding.
import { createUsersProxy } from 'idp-users/proxy';

const BASE_PATH = '/admin-api';

// Compares two strings in time that depends only on their lengths.
function sameText(a, b) {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

let cached = null; // { key, handler }: one proxy per isolate and config, so its Kinde token cache is shared

function proxyFor(env) {
  const names = ['KINDE_DOMAIN', 'KINDE_CLIENT_ID', 'KINDE_CLIENT_SECRET', 'CLERK_SECRET_KEY', 'DEV_ADMIN_TOKEN'];
  const key = [...names, 'CLERK_BASE_URL'].map((k) => env[k] ?? '').join('\n');
  if (cached?.key === key) return cached.handler;
  const missing = names.filter((k) => !env[k]);
  if (missing.length > 0) throw new Error(`missing vars: ${missing.join(', ')} (npm start writes them to www/worker/.dev.vars)`);
  const handler = createUsersProxy({
    kinde: { domain: env.KINDE_DOMAIN, clientId: env.KINDE_CLIENT_ID, clientSecret: env.KINDE_CLIENT_SECRET },
    // CLERK_BASE_URL: the fake's /v1 under npm start; Clerk's own API when unset.
    clerk: env.CLERK_BASE_URL ? { secretKey: env.CLERK_SECRET_KEY, baseUrl: env.CLERK_BASE_URL } : { secretKey: env.CLERK_SECRET_KEY },
    allow: ['kinde.*', 'clerk.*'],
    // The dev admin token travels in the page's URL fragment (never sent to
    // the server) and comes back as a bearer. A real deployment checks its
    // own admin session here instead.
    authorize: (request) => {
      const header = request.headers.get('authorization') ?? '';
      return header.startsWith('Bearer ') && sameText(header.slice(7), env.DEV_ADMIN_TOKEN);
    },
    basePath: BASE_PATH,
  });
  cached = { key, handler };
  return handler;
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === BASE_PATH || pathname.startsWith(`${BASE_PATH}/`)) {
      try {
        return await proxyFor(env)(request);
      } catch (error) {
        // The proxy's own answer shape: `error` tells the console the Worker
        // answered (not the provider), `errors` is what the clients read.
        const body = { code: 'console_worker_error', message: String(error?.message ?? error) };
        return Response.json({ error: body, errors: [body] }, { status: 500 });
      }
    }
    return env.ASSETS.fetch(request);
  },
};
