// Turns any failure into words a person can act on: what happened, what the
// provider said, and what to do next.
import { IdpUsersError } from 'idp-users';

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

/** A message in a JSON error body the package did not map (the proxy's own `{ error: { code, message } }`). */
function bodyMessages(e) {
  if (!e.body) return [];
  try {
    const json = JSON.parse(e.body);
    const list = Array.isArray(json?.errors) ? json.errors : json?.error ? [json.error] : json?.errors ? [json.errors] : [];
    return list
      .filter((x) => x && typeof x === 'object' && (typeof x.message === 'string' || typeof x.code === 'string'))
      .map((x) => ({ code: typeof x.code === 'string' ? x.code : null, message: typeof x.message === 'string' ? x.message : '', long: null }));
  } catch {
    return [];
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
  if (s === 401) return 'The console’s Worker refused the admin token (or the provider refused the Worker’s credentials). Open the URL that the running `npm start` printed, which carries the current token.';
  if (s === 403) return `Refused: the Worker does not allow this operation, or ${who} refused the Worker’s credentials for it. Check the proxy's \`allow\` list and the provider credentials in the Worker's vars.`;
  if (s === 404) return 'Not found: the user (or the item) may have been deleted meanwhile. Go back to the list and reload it.';
  if (s === 405) return `${who} does not offer this endpoint any more (see the message).`;
  if (s === 409 || s === 422 || s === 400) return `${who} rejected the input: fix what the message names and try again.`;
  if (s === 413) return 'The request is too large for the Worker: use a smaller file or less data.';
  if (s === 429) return `Rate limited by ${who}.${e.retryAfterMs != null ? ` Wait ${seconds(e.retryAfterMs)},` : ' Wait a little,'} then try again.`;
  if (s >= 500) return `${who} (or the Worker in front of it) failed. Try again in a moment; if it keeps failing, read the Worker's log in the terminal of \`npm start\`.`;
  return 'Try again; if it fails again, the details below say what the provider answered.';
}

/** { title, provider messages, facts, advice } for any thrown value. */
export function describeError(e) {
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
    const facts = [];
    if (e.status != null) facts.push(['HTTP status', String(e.status)]);
    if (e.code) facts.push(['Provider code', e.codes.join(', ')]);
    facts.push(['Operation', `${who} ${e.operation}`]);
    if (e.attempts > 1) facts.push(['Attempts', String(e.attempts)]);
    if (e.retryAfterMs != null) facts.push(['Retry after', seconds(e.retryAfterMs)]);
    if (e.traceId) facts.push(['Trace id', e.traceId]);
    let messages = providerMessages(e);
    if (messages.length === 0 && e.kind === 'api') {
      // Not the provider's error shape: the Worker's proxy answered itself.
      messages = bodyMessages(e);
      if (messages.length > 0) title = `The console’s Worker answered ${e.status}${messages[0].code ? ` (${messages[0].code})` : ''} to ${who} ${e.operation}`;
    }
    return {
      title,
      summary: messages.length === 0 ? e.message : null,
      messages,
      facts,
      advice: advice(e),
      kind: e.kind,
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

export const isAbort = (e) => e instanceof IdpUsersError && e.kind === 'aborted';
