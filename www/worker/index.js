// The console's Worker: /admin-api/* goes through createUsersProxy (the
// provider credentials live here, in env, never in the page), except
// /admin-api/jobs/*, the console's long jobs (jobs.js): they run in the
// UsersJob Workflow, paced by the UsersPacer Durable Object, both from
// idp-users/workflows and bound in wrangler.toml. Everything else is the
// built console, served by the assets binding.
import { createUsersProxy } from 'idp-users/proxy';
import { defineUsersJob, UsersPacer } from 'idp-users/workflows';
import { handleJobs, refuse } from './jobs.js';

const BASE_PATH = '/admin-api';

// Compares two strings in time that depends only on their lengths.
function sameText(a, b) {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

const VARS = ['KINDE_DOMAIN', 'KINDE_CLIENT_ID', 'KINDE_CLIENT_SECRET', 'CLERK_SECRET_KEY', 'DEV_ADMIN_TOKEN'];

function checkVars(env) {
  const missing = VARS.filter((k) => !env[k]);
  if (missing.length > 0) throw new Error(`missing vars: ${missing.join(', ')} (npm start writes them to www/worker/.dev.vars)`);
}

/** Both providers' configs, from env: for the proxy and for the Workflow's steps alike. */
function providers(env) {
  return {
    kinde: { domain: env.KINDE_DOMAIN, clientId: env.KINDE_CLIENT_ID, clientSecret: env.KINDE_CLIENT_SECRET },
    // CLERK_BASE_URL: the fake's /v1 under npm start; Clerk's own API when unset.
    clerk: env.CLERK_BASE_URL ? { secretKey: env.CLERK_SECRET_KEY, baseUrl: env.CLERK_BASE_URL } : { secretKey: env.CLERK_SECRET_KEY },
  };
}

/**
 * Whether a request may use /admin-api: the proxy's two checks, for the
 * proxy and the jobs routes alike. The dev admin token travels in the
 * page's URL fragment (never sent to the server) and comes back as a
 * bearer. A real deployment checks its own admin session here instead.
 */
function authorize(request, env) {
  const header = request.headers.get('authorization') ?? '';
  return header.startsWith('Bearer ') && sameText(header.slice(7), env.DEV_ADMIN_TOKEN);
}

/**
 * The proxy's same-site rule (createUsersProxy without allowedOrigins): a
 * request that can change something, from a browser on another origin, is
 * refused whatever it carries.
 */
function fromThisSite(request) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method.toUpperCase())) return true;
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === new URL(request.url).origin;
  const site = request.headers.get('sec-fetch-site');
  return site !== 'cross-site' && site !== 'same-site';
}

let cached = null; // { key, handler }: one proxy per isolate and config, so its Kinde token cache is shared

function proxyFor(env) {
  const key = [...VARS, 'CLERK_BASE_URL'].map((k) => env[k] ?? '').join('\n');
  if (cached?.key === key) return cached.handler;
  checkVars(env);
  const handler = createUsersProxy({
    ...providers(env),
    allow: ['kinde.*', 'clerk.*'],
    authorize: (request) => authorize(request, env),
    basePath: BASE_PATH,
  });
  cached = { key, handler };
  return handler;
}

/** The rate-pacing Durable Object: one token bucket per provider credential, shared by every job instance and step. */
export { UsersPacer };

/** The jobs' Workflow: the provider configs come from env inside each step, never from a job's params. */
export const UsersJob = defineUsersJob({
  clients: (env) => {
    checkVars(env);
    return providers(env);
  },
  pacer: (env) => env.USERS_PACER,
  bucket: (env) => env.USERS_EXPORTS,
  workflow: (env) => env.USERS_JOB,
  // Requests per second per credential, for every job at once: KINDE_JOBS_RATE
  // and CLERK_JOBS_RATE when set (`npm start -- --jobs-rate N`), else the
  // package's default. Against Clerk's production API, 1,000 requests per
  // 10 s allow up to 100.
  rates: (env) => {
    const rates = {};
    for (const [provider, name] of [['kinde', 'KINDE_JOBS_RATE'], ['clerk', 'CLERK_JOBS_RATE']]) {
      if (env[name]) rates[provider] = Number(env[name]);
    }
    return rates;
  },
});

const JOBS = `${BASE_PATH}/jobs`;

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === JOBS || pathname.startsWith(`${JOBS}/`)) {
      try {
        checkVars(env);
        if (!fromThisSite(request)) return refuse(403, 'cross_site_refused', `a ${request.method.slice(0, 16)} from another site is refused`);
        if (!authorize(request, env)) return refuse(401, 'unauthorized', 'the request is not authorized to use the console’s jobs', { headers: { 'www-authenticate': 'Bearer' } });
        return await handleJobs(request, env, BASE_PATH);
      } catch (error) {
        console.error('jobs route failed:', error?.stack ?? error);
        return refuse(500, 'console_worker_error', String(error?.message ?? error));
      }
    }
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
