// The console's jobs: /admin-api/jobs/* starts, lists, watches, pauses,
// resumes and cancels idp-users/workflows jobs, and streams an export's
// parts out of R2. The work itself runs in the Workflow (UsersJob in
// index.js), paced by the UsersPacer Durable Object: this file only creates
// instances and reads what they report, so closing the page changes nothing.
//
//   POST /admin-api/jobs                 { job }      → 201 { id }
//   GET  /admin-api/jobs                              → { jobs: [{ id, created, job, status }] }, newest first
//   GET  /admin-api/jobs/:id                          → jobStatus(...)
//   POST /admin-api/jobs/:id/pause | resume | cancel  → jobStatus(...) after it
//   GET  /admin-api/jobs/:id/download                 → the export's parts, concatenated
//
// Every answer that is not a success has the proxy's shape,
// `{ error: { code, message }, errors: [{ code, message }] }`, so the page
// tells the Worker's refusals from anything else the same way for both.
import { exportStream, jobControl, jobStatus, startUsersJob } from 'idp-users/workflows';

/** R2 prefix of the console's own records: one object per job it started. */
export const RECORDS = 'idp-users-console/jobs/';
/** Jobs the list shows (the newest). */
export const LIST_LIMIT = 20;
/** The largest job JSON the Worker reads (a job over filters is a few hundred bytes; ids or records are more). */
const MAX_JOB_BYTES = 256 * 1024;
// Newest first in R2's lexicographic listing: the key starts with the time left until this.
const FAR_FUTURE_MS = 10 ** 14;

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

/** A JSON answer. */
const json = (status, body) => new Response(JSON.stringify(body), { status, headers: HEADERS });

/** A refusal in the proxy's shape; `extra` adds fields to `error` (a validation error's `param`). */
export function refuse(status, code, message, { headers = {}, extra = {} } = {}) {
  return new Response(JSON.stringify({ error: { code, message, ...extra }, errors: [{ code, message }] }), { status, headers: { ...headers, ...HEADERS } });
}

const bindings = (env) => ({ workflow: env.USERS_JOB, bucket: env.USERS_EXPORTS, pacer: env.USERS_PACER });

/** A Workflow instance id: time-ordered, unique, within Workflows' [a-zA-Z0-9_-]{1,100}. */
function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const random = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `job-${Date.now().toString(36)}-${random}`;
}

const validId = (id) => /^[A-Za-z0-9_-]{1,100}$/.test(id);

/** Reads and checks the body of POST /admin-api/jobs: a Response when refused. */
async function readJob(request) {
  const tooLarge = () => refuse(413, 'body_too_large', `a job is at most ${MAX_JOB_BYTES} bytes of JSON`);
  if (Number(request.headers.get('content-length') ?? 0) > MAX_JOB_BYTES) return tooLarge();
  // A chunked body claims no length: it is read to its end, keeping at most
  // the limit (an answer before the end of an upload breaks the connection it
  // came on, as wrangler dev shows with a 503 for the next request).
  const chunks = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size <= MAX_JOB_BYTES) chunks.push(value);
    }
  }
  if (size > MAX_JOB_BYTES) return tooLarge();
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(400, 'invalid_json', 'the body is not JSON: send { "job": { provider, select, action, pacing?, dryRun? } }');
  }
  if (body === null || typeof body !== 'object' || body.job === undefined) return refuse(400, 'invalid_job', 'the body must be { "job": { ... } }');
  return body.job;
}

async function start(request, env) {
  const job = await readJob(request);
  if (job instanceof Response) return job;
  const id = newId();
  const created = new Date().toISOString();
  // The record first: a job the console started is never missing from its list.
  const key = `${RECORDS}${String(FAR_FUTURE_MS - Date.now()).padStart(15, '0')}-${id}.json`;
  await env.USERS_EXPORTS.put(key, JSON.stringify({ id, created, job }), { httpMetadata: { contentType: 'application/json' } });
  try {
    // startUsersJob checks the job as the Workflow will: a bad one is
    // refused here, with the field at fault, before any instance exists.
    await startUsersJob(bindings(env), job, { id });
  } catch (error) {
    await env.USERS_EXPORTS.delete(key).catch(() => {});
    if (error?.name === 'IdpUsersError' && error.kind === 'validation') return refuse(400, 'invalid_job', String(error.message), { extra: { param: error.param ?? null } });
    throw error;
  }
  return json(201, { id, created });
}

/** jobStatus for one id, or the error it threw as { error } (the list shows the other jobs). */
async function statusOf(env, id) {
  try {
    return await jobStatus(bindings(env), id);
  } catch (error) {
    return { id, status: 'unknown', error: { name: String(error?.name ?? 'Error'), message: String(error?.message ?? error) } };
  }
}

async function list(env) {
  const listed = await env.USERS_EXPORTS.list({ prefix: RECORDS, limit: LIST_LIMIT });
  const jobs = await Promise.all(
    listed.objects.map(async ({ key }) => {
      const object = await env.USERS_EXPORTS.get(key);
      if (!object) return null;
      const record = await object.json();
      return { ...record, status: await statusOf(env, record.id) };
    }),
  );
  return json(200, { jobs: jobs.filter(Boolean) });
}

/** The instance, or a 404 Response when Workflows knows no such id. */
async function instanceOf(env, id) {
  try {
    return await env.USERS_JOB.get(id);
  } catch {
    return refuse(404, 'job_not_found', `no job ${id}`);
  }
}

async function one(env, id) {
  const instance = await instanceOf(env, id);
  if (instance instanceof Response) return instance;
  return json(200, await jobStatus(bindings(env), id));
}

/** Where a job has ended: nothing to pause, resume or cancel. */
const ENDED = new Set(['complete', 'errored', 'terminated']);

async function control(env, id, verb) {
  const instance = await instanceOf(env, id);
  if (instance instanceof Response) return instance;
  // Workflows accepts some of these on an ended instance without a word.
  const { status: now } = await instance.status();
  if (ENDED.has(now)) return refuse(409, 'job_state', `cannot ${verb} job ${id}: it is ${now}`);
  let status;
  try {
    // The instance and its fan-out children, if any.
    status = await jobControl(bindings(env), id, verb);
  } catch (error) {
    // Workflows refuses, for instance, to pause a finished instance.
    return refuse(409, 'job_state', `cannot ${verb} job ${id}: ${String(error?.message ?? error)}`);
  }
  return json(200, status);
}

const FORMATS = {
  ndjson: { type: 'application/x-ndjson; charset=utf-8', ext: 'ndjson' },
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
};

async function download(env, id) {
  const instance = await instanceOf(env, id);
  if (instance instanceof Response) return instance;
  const status = await jobStatus(bindings(env), id);
  if (status.job?.action?.type !== 'export') return refuse(409, 'not_an_export', `job ${id} is not an export`);
  if (status.status !== 'complete') return refuse(409, 'export_not_complete', `job ${id} is ${status.status}: its export can be downloaded once it is complete`);
  const format = FORMATS[status.job.action.format ?? 'ndjson'] ?? FORMATS.ndjson;
  const body = await exportStream(bindings(env), id);
  if (!body) return refuse(404, 'export_missing', `job ${id} lists no export part`);
  const headers = {
    'content-type': format.type,
    'content-disposition': `attachment; filename="${status.job.provider}-users-${id}.${format.ext}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
  return new Response(body, { headers });
}

/**
 * Answers a request under `${base}/jobs` (the caller has authorized it), or
 * null when the path is not one of these routes.
 */
export async function handleJobs(request, env, base) {
  const { pathname } = new URL(request.url);
  const rest = pathname.slice(`${base}/jobs`.length);
  const method = request.method.toUpperCase();
  if (!env.USERS_JOB || !env.USERS_EXPORTS || !env.USERS_PACER) {
    return refuse(500, 'console_worker_error', 'the jobs need the USERS_JOB workflow, the USERS_PACER Durable Object and the USERS_EXPORTS bucket (www/worker/wrangler.toml)');
  }
  if (rest === '' || rest === '/') {
    if (method === 'POST') return start(request, env);
    if (method === 'GET') return list(env);
    return refuse(405, 'method_not_allowed', `${method.slice(0, 16)} ${base}/jobs: use GET or POST`, { headers: { allow: 'GET, POST' } });
  }
  const m = /^\/([^/]+)(?:\/(pause|resume|cancel|download))?\/?$/.exec(rest);
  if (!m || !validId(m[1])) return refuse(404, 'not_found', `not a jobs path: ${base}/jobs/:id[/pause|/resume|/cancel|/download]`);
  const [, id, verb] = m;
  if (verb === undefined || verb === 'download') {
    if (method !== 'GET') return refuse(405, 'method_not_allowed', `use GET on ${base}/jobs/:id${verb ? `/${verb}` : ''}`, { headers: { allow: 'GET' } });
    return verb ? download(env, id) : one(env, id);
  }
  if (method !== 'POST') return refuse(405, 'method_not_allowed', `use POST on ${base}/jobs/:id/${verb}`, { headers: { allow: 'POST' } });
  return control(env, id, verb);
}
