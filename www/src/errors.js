// Turns any failure into words a person can act on: what happened, what the
// provider said, and what to do next.
import { IdpUsersError } from 'idp-users';
import { JobsApiError } from './jobsApi.js';

const PROVIDER = { kinde: 'Kinde', clerk: 'Clerk' };

function seconds(ms) {
  return ms < 1000 ? `${ms} ms` : `${Math.ceil(ms / 1000)} s`;
}

/** The provider's own error entries: [{ code, message, long }]. */
function providerMessages(e) {
  const out = [];
  const n = Math.max(e.codes?.length ?? 0, e.messages?.length ?? 0);
  for (let i = 0; i < n; i += 1) {
    const long = e.longMessages?.[i];
    out.push({ code: e.codes?.[i] ?? null, message: e.messages?.[i] ?? '', long: long && long !== e.messages?.[i] ? long : null });
  }
  return out;
}

/**
 * The console's Worker's own refusal, or null. Its proxy (idp-users/proxy)
 * answers `{ error: { code, message }, errors: [...] }`: the `errors` copy
 * lets any client read the code, so the package reports it like the
 * provider's own; the `error` object, which neither Kinde's nor Clerk's error
 * bodies have (Kinde's token endpoint sends a string there), says who spoke.
 */
function workerRefusal(e) {
  if (e.kind !== 'api' || typeof e.body !== 'string') return null;
  let json;
  try {
    json = JSON.parse(e.body);
  } catch {
    return null;
  }
  const x = json?.error;
  if (!x || typeof x !== 'object' || Array.isArray(x) || typeof x.code !== 'string') return null;
  return { code: x.code, message: typeof x.message === 'string' ? x.message : '', long: null };
}

/** What to do about a refusal of the Worker itself (its proxy's codes, and the Worker's own). */
function workerAdvice(code, status, who) {
  switch (code) {
    case 'unauthorized':
      return 'The Worker refused the admin token this page sent (nothing reached the provider). Open the URL that the running `npm start` printed, which carries the current token, or use “Forget token” and paste it.';
    case 'operation_not_allowed':
      return `The Worker’s proxy does not allow this operation, so nothing was sent to ${who}. Add it to \`allow\` in www/worker/index.js if your admins need it.`;
    case 'provider_not_configured':
      return `The Worker has no ${who} configuration: set its vars (www/worker/.dev.vars under \`npm start\`) and restart it.`;
    case 'unknown_operation':
    case 'not_found':
      return 'The Worker’s proxy does not know this request: the console and the Worker may come from different builds. Restart `npm start`, then reload the page.';
    case 'body_too_large':
    case 'query_too_long':
      return 'The request is too large for the Worker: use a smaller file or less data.';
    case 'upstream_timeout':
      return `${who} did not answer the Worker in time. Try again in a moment.`;
    case 'upstream_auth_failed':
      return `The Worker could not get a token for ${who}: check the provider credentials in the Worker’s vars.`;
    case 'upstream_unreachable':
    case 'upstream_bad_response':
      return `The Worker could not get a usable answer from ${who}. Check that ${who} (under \`npm start\`, the fake providers) is running, then try again.`;
    case 'invalid_job':
      return 'The Worker refused this job before starting anything: correct what the message names and start it again.';
    case 'job_not_found':
      return 'The Workflow knows no such job (its local state may have been cleared). Reload the Jobs page.';
    case 'job_state':
      return 'The job is not in a state that allows this (a finished job cannot be paused, for instance). Reload the Jobs page to see where it is.';
    case 'export_not_complete':
      return 'Wait until the export is complete, then download it.';
    case 'console_worker_error':
      return 'The Worker cannot serve the API: the message says what it lacks. Fix its vars and restart `npm start`.';
    default:
      return status >= 500
        ? 'The Worker failed. Try again; if it keeps failing, read the Worker’s log in the terminal of `npm start`.'
        : 'The Worker refused the request (see the message). Try again; if it fails again, read the Worker’s log in the terminal of `npm start`.';
  }
}

function advice(e) {
  const who = PROVIDER[e.provider] ?? 'The provider';
  switch (e.kind) {
    case 'validation':
      return `Nothing was sent: the package refused a value${e.param ? ` (${e.param})` : ''} before calling ${who}. Correct it and try again.`;
    case 'network':
      return 'The request did not reach the console’s Worker, or no answer came back. Check that `npm start` is still running in its terminal, then try again.';
    case 'timeout':
      return `No answer in time (${e.attempts} attempt${e.attempts === 1 ? '' : 's'}). ${who} or the Worker is slow or stuck: try again in a moment.`;
    case 'aborted':
      return 'Cancelled: nothing more was sent.';
    case 'auth':
      return 'No admin token to send. Open the URL that `npm start` printed (it carries the token), or paste the token on the sign-in screen.';
    case 'decode':
      return `${who} answered with something that is not what its API documents. Try again; if it persists, look at the response body below.`;
    default:
      break;
  }
  const s = e.status ?? 0;
  if (s === 401) return `${who} refused the Worker’s credentials: check the provider credentials in the Worker’s vars.`;
  if (s === 403) return `${who} refused this call (see its message): the Worker’s credential may lack the permission, or ${who} does not allow it for this user.`;
  if (s === 404) return 'Not found: the user (or the item) may have been deleted meanwhile. Go back to the list and reload it.';
  if (s === 405) return `${who} does not offer this endpoint any more (see the message).`;
  if (s === 409 || s === 422 || s === 400) return `${who} rejected the input: fix what the message names and try again.`;
  if (s === 413) return 'The request is too large for the Worker: use a smaller file or less data.';
  if (s === 429) return `Rate limited by ${who}.${e.retryAfterMs != null ? ` Wait ${seconds(e.retryAfterMs)},` : ' Wait a little,'} then try again.`;
  if (s >= 500) return `${who} (or the Worker in front of it) failed. Try again in a moment; if it keeps failing, read the Worker's log in the terminal of \`npm start\`.`;
  return 'Try again; if it fails again, the details below say what the provider answered.';
}

/** A failed call to the Worker's jobs routes (jobsApi.js), in the same words as the proxy's refusals. */
function describeJobsError(e) {
  const facts = [];
  let title;
  let advice;
  let source = 'worker';
  if (e.kind === 'worker') {
    title = `The console’s Worker answered ${e.status}${e.code ? ` (${e.code})` : ''} to ${e.operation}`;
    advice = workerAdvice(e.code, e.status, 'the provider');
    facts.push(['Answered by', 'the console’s Worker'], ['HTTP status', String(e.status)]);
    if (e.code) facts.push(['Worker code', e.code]);
  } else if (e.kind === 'auth') {
    title = `${e.operation}: no credentials`;
    advice = 'No admin token to send. Open the URL that `npm start` printed (it carries the token), or paste the token on the sign-in screen.';
    source = 'console';
  } else if (e.kind === 'aborted') {
    title = `${e.operation} was cancelled`;
    advice = 'Cancelled: nothing more was sent.';
    source = 'console';
  } else {
    title = e.kind === 'timeout' ? `${e.operation} timed out` : `${e.operation}: network error`;
    advice = 'The request did not reach the console’s Worker, or no answer came back. Check that `npm start` is still running in its terminal, then try again.';
    source = 'network';
  }
  return {
    title,
    summary: null,
    messages: e.kind === 'worker' && e.detail ? [{ code: e.code, message: e.detail, long: null }] : [{ code: null, message: e.message, long: null }],
    facts,
    advice,
    kind: e.kind,
    source,
    status: e.status,
    body: null,
  };
}

/** { title, provider messages, facts, advice } for any thrown value. */
export function describeError(e) {
  if (e instanceof JobsApiError) return describeJobsError(e);
  if (e instanceof IdpUsersError) {
    const who = PROVIDER[e.provider] ?? e.provider;
    let title;
    if (e.kind === 'api') title = `${who} answered ${e.status}${e.code ? ` (${e.code})` : ''} to ${e.operation}`;
    else if (e.kind === 'validation') title = `${e.operation}: invalid input`;
    else if (e.kind === 'aborted') title = `${e.operation} was cancelled`;
    else if (e.kind === 'timeout') title = `${e.operation} timed out`;
    else if (e.kind === 'network') title = `${e.operation}: network error`;
    else if (e.kind === 'auth') title = `${e.operation}: no credentials`;
    else title = `${e.operation}: unexpected answer from ${who}`;
    const refusal = workerRefusal(e);
    if (refusal) title = `The console’s Worker answered ${e.status}${refusal.code ? ` (${refusal.code})` : ''} to ${who} ${e.operation}`;
    const facts = [];
    if (refusal) facts.push(['Answered by', 'the console’s Worker']);
    if (e.status != null) facts.push(['HTTP status', String(e.status)]);
    if (e.code) facts.push([refusal ? 'Worker code' : 'Provider code', e.codes.join(', ')]);
    facts.push(['Operation', `${who} ${e.operation}`]);
    if (e.attempts > 1) facts.push(['Attempts', String(e.attempts)]);
    if (e.retryAfterMs != null) facts.push(['Retry after', seconds(e.retryAfterMs)]);
    if (e.traceId) facts.push(['Trace id', e.traceId]);
    const messages = refusal ? [refusal] : providerMessages(e);
    return {
      title,
      summary: messages.length === 0 ? e.message : null,
      messages,
      facts,
      advice: refusal ? workerAdvice(refusal.code, e.status ?? 0, who) : advice(e),
      kind: e.kind,
      source: refusal ? 'worker' : e.kind === 'api' || e.kind === 'decode' ? 'provider' : 'package',
      status: e.status,
      body: e.kind === 'decode' ? e.body : null,
    };
  }
  const message = e instanceof Error ? e.message : String(e);
  return {
    title: 'Something went wrong in the console',
    summary: message,
    messages: [],
    facts: e instanceof Error && e.name && e.name !== 'Error' ? [['Error', e.name]] : [],
    advice: 'Reload the page and try again. If it happens again, it is a bug of the console: the browser console has the details.',
    kind: 'console',
    source: 'console',
    status: null,
    body: null,
  };
}

/** One line, for per-row results and short notices. */
export function oneLine(e) {
  const d = describeError(e);
  const said = d.messages.map((m) => m.long ?? m.message).filter(Boolean).join(' ');
  return said ? `${d.title}: ${said}` : `${d.title}${d.summary ? `: ${d.summary}` : ''}`;
}

export const isAbort = (e) => (e instanceof IdpUsersError || e instanceof JobsApiError) && e.kind === 'aborted';
