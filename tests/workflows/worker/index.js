// The Worker of the idp-users/workflows tests and proofs: the package's two
// classes bound as a user binds them, plus routes the tests drive (start,
// status, control, the bucket's objects, the pacer's RPC methods).
import { UsersPacer, defineUsersJob, exportStream, jobControl, jobStatus, pacerName, startUsersJob } from 'idp-users/workflows';

export { UsersPacer };

// Steps whose name matches THROW_STEPS throw once each (per isolate): a step that fails and is retried.
const thrown = new Set();

export const UsersJob = defineUsersJob({
  clients: (env) => ({
    kinde: { domain: env.KINDE_DOMAIN, clientId: env.KINDE_CLIENT_ID, clientSecret: env.KINDE_CLIENT_SECRET },
    clerk: { secretKey: env.CLERK_SECRET_KEY, baseUrl: env.CLERK_BASE_URL },
  }),
  pacer: (env) => env.USERS_PACER,
  bucket: (env) => env.USERS_EXPORTS,
  workflow: (env) => env.USERS_JOB,
  // The credential's rate: RATE requests per second (the fake's limit in the tests).
  rates: (env) => ({ kinde: Number(env.RATE ?? 50), clerk: Number(env.RATE ?? 50) }),
  step: { retries: { limit: 20, delay: 50, backoff: 'constant' }, timeout: '5 minutes' },
  pollMs: { min: 100, max: 1000 },
  onStep: (name, env) => {
    if (env.THROW_STEPS && new RegExp(env.THROW_STEPS).test(name) && !thrown.has(name)) {
      thrown.add(name);
      throw new Error(`injected fault in step ${name}`);
    }
  },
});

// The same class with the test's settings: rate and batch size from vars, a small step limit (fan-out).
export const UsersJobSmall = defineUsersJob({
  clients: (env) => ({
    kinde: { domain: env.KINDE_DOMAIN, clientId: env.KINDE_CLIENT_ID, clientSecret: env.KINDE_CLIENT_SECRET },
    clerk: { secretKey: env.CLERK_SECRET_KEY, baseUrl: env.CLERK_BASE_URL },
  }),
  pacer: (env) => env.USERS_PACER,
  bucket: (env) => env.USERS_EXPORTS,
  workflow: (env) => env.USERS_JOB_SMALL,
  rates: (env) => ({ kinde: Number(env.RATE ?? 50), clerk: Number(env.RATE ?? 50) }),
  batchSize: 10,
  stepLimit: 30, // 250 users a child
  step: { retries: { limit: 20, delay: 50, backoff: 'constant' }, timeout: '5 minutes' },
  pollMs: { min: 100, max: 2000 },
});

const json = (value, status = 200) => Response.json(value, { status });

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const parts = url.pathname.split('/').filter(Boolean);
    const wf = url.searchParams.get('small') ? env.USERS_JOB_SMALL : env.USERS_JOB;
    const bindings = { workflow: wf, bucket: env.USERS_EXPORTS };
    try {
      if (parts[0] === 'start' && request.method === 'POST') {
        const { job, id, journal, raw } = await request.json();
        const instance = raw ? await wf.create({ id, params: { job, journal } }) : await startUsersJob(bindings, job, { id, journal });
        return json({ id: instance.id });
      }
      if (parts[0] === 'status') return json(await jobStatus(bindings, parts[1]));
      if (parts[0] === 'control') return json(await jobControl(bindings, parts[1], parts[2]));
      if (parts[0] === 'raw-status') return json(await (await wf.get(parts[1])).status());
      if (parts[0] === 'export') {
        const stream = await exportStream(bindings, parts[1]);
        return stream ? new Response(stream) : json({ error: 'no export' }, 404);
      }
      if (parts[0] === 'r2' && parts[1] === 'list') {
        const out = [];
        let cursor;
        do {
          const page = await env.USERS_EXPORTS.list({ prefix: url.searchParams.get('prefix') ?? '', cursor });
          for (const o of page.objects) out.push({ key: o.key, size: o.size });
          cursor = page.truncated ? page.cursor : undefined;
        } while (cursor);
        return json(out);
      }
      if (parts[0] === 'r2' && parts[1] === 'get') {
        const obj = await env.USERS_EXPORTS.get(url.searchParams.get('key'));
        return obj ? new Response(obj.body) : json({ error: 'missing' }, 404);
      }
      if (parts[0] === 'pacer') {
        // The pacer's RPC methods on the object named `name` (or the credential of `provider`).
        const body = request.method === 'POST' ? await request.json() : {};
        const name = body.name ?? (await pacerName(body.provider ?? 'clerk', { secretKey: env.CLERK_SECRET_KEY, baseUrl: env.CLERK_BASE_URL }));
        const stub = env.USERS_PACER.get(env.USERS_PACER.idFromName(name));
        if (parts[1] === 'reserve') return json(await stub.reserve(body.rate));
        if (parts[1] === 'report') return json(await stub.report429(body.headers));
        if (parts[1] === 'stats') return json(await stub.stats());
        if (parts[1] === 'name') return json({ name });
      }
      return json({ error: 'no such route' }, 404);
    } catch (error) {
      return json({ error: { name: error?.name, message: String(error?.message ?? error), kind: error?.kind, param: error?.param } }, 400);
    }
  },
};
