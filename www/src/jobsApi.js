// The Jobs page's calls to its Worker (/admin-api/jobs, www/worker/jobs.js),
// with the admin token as the bearer, like the clients' calls through the
// proxy. A refusal becomes a JobsApiError, which errors.js words like the
// proxy's own refusals.
import { currentToken } from './session.js';

const BASE = `${location.origin}/admin-api/jobs`;
const TIMEOUT_MS = 20000;
/** Jobs the Worker lists, the newest (LIST_LIMIT in www/worker/jobs.js). */
export const LIST_LIMIT = 20;

/** A failed call to the jobs routes: the Worker's answer (status, code) or no answer (kind 'network' / 'timeout' / 'aborted'). */
export class JobsApiError extends Error {
  constructor(message, { kind, operation, status = null, code = null, detail = '' }) {
    super(message);
    this.name = 'JobsApiError';
    this.kind = kind;
    this.operation = operation;
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

async function call(operation, path, { method = 'GET', body, signal } = {}) {
  const token = currentToken();
  if (!token) throw new JobsApiError('no admin token to send', { kind: 'auth', operation });
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  let res;
  try {
    res = await fetch(`${BASE}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw new JobsApiError(`${operation} was cancelled`, { kind: 'aborted', operation });
    if (timeout.aborted) throw new JobsApiError(`${operation}: no answer within ${TIMEOUT_MS / 1000} s`, { kind: 'timeout', operation });
    throw new JobsApiError(`${operation}: ${error?.message ?? error}`, { kind: 'network', operation });
  }
  if (res.ok) return res;
  const text = await res.text().catch(() => '');
  let code = null;
  let detail = '';
  try {
    const refusal = JSON.parse(text)?.error;
    code = typeof refusal?.code === 'string' ? refusal.code : null;
    detail = typeof refusal?.message === 'string' ? refusal.message : '';
  } catch {
    detail = text.slice(0, 300);
  }
  throw new JobsApiError(detail || `HTTP ${res.status}`, { kind: 'worker', operation, status: res.status, code, detail });
}

/** The jobs this console started, newest first, each with its status. */
export async function listJobs(signal) {
  return (await (await call('list jobs', '', { signal })).json()).jobs;
}

/** Starts a job (idp-users/jobs JSON); resolves to { id, created }. */
export async function startJob(job) {
  return (await call('start a job', '', { method: 'POST', body: { job } })).json();
}

/** 'pause' | 'resume' | 'cancel'; resolves to the job's status after it. */
export async function controlJob(id, verb) {
  return (await call(`${verb} job`, `/${encodeURIComponent(id)}/${verb}`, { method: 'POST' })).json();
}

/** An export's file: { blob, name }. */
export async function downloadJob(id) {
  const res = await call('download the export', `/${encodeURIComponent(id)}/download`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `${id}.ndjson`;
  return { blob: await res.blob(), name };
}
