// One operation's call: prepare (wasm validates), then attempts until one
// answers: a token, the exchange, __finish; a failed attempt asks
// __retryDelay whether and when to try again, and waits for it.
import { IdpUsersError, failedAttempt } from 'idp-users:runtime';
import { CLIENTS, NOT_LIVE, W, asError, live, refused } from './clients.js';
import { Scope, clock } from './scope.js';
import { headersOf, plainHeaders, send } from './send.js';
import { token } from './token.js';

const PAUSED = new WeakMap(); // client → time (on `clock`) before which no attempt starts (a server asked)

export async function call(client, provider, index, info, a, b, c, d, e) {
  const rec = CLIENTS.get(client);
  if (rec?.provider !== provider) {
    throw refused(provider, index, NOT_LIVE);
  }
  const req = W.__prepare.call(rec.inner, index, a, b, c, d, e);
  const o = req.options; // the call's options, validated (undefined when none were given)
  const scope = new Scope(o?.signal, o?.timeoutMs ?? rec.timeoutMs, rec.scopes);
  let attempts = 0; // requests sent for the operation
  let failures = 0; // failed attempts, for the retry budget
  let rejected; // the token the API refused, if any
  try {
    for (;;) {
      let sent = false;
      let error;
      let tok;
      try {
        // Stopped already (a signal aborted before the call): no token is asked for.
        if (scope.stopped) throw scope.noResponse();
        const until = PAUSED.get(client);
        if (until !== undefined && until > clock()) await scope.sleep(until - clock());
        tok = rec.token ?? token(client, rec, index, rejected);
        if (typeof tok !== 'string') tok = await scope.wait(tok);
        if (scope.stopped) throw scope.noResponse();
        sent = true;
        attempts++;
        const { status, text, res } = await send(rec.fetch, req, rec.headers, o?.headers, tok, scope, rec.secrets);
        live(client, provider, index);
        // The core reads a success's headers never: they are only read for the caller who asks.
        const headers = info || !(status >= 200 && status < 300) ? headersOf(res) : undefined;
        const data = W.__finish.call(rec.inner, index, status, text, headers, tok, rejected !== undefined, o?.headers);
        if (data === undefined) {
          rejected = tok;
          continue;
        }
        return info ? { data, status, headers: plainHeaders(headers) } : data;
      } catch (thrown) {
        error = asError(client, rec, index, thrown, sent ? tok : undefined);
      }
      if (!(error instanceof IdpUsersError)) throw error;
      failures++;
      const wait = scope.stopped || !CLIENTS.has(client) ? -1 : W.__retryDelay.call(rec.inner, index, failedAttempt(error, failures, sent, Math.random(), scope.deadline - clock(), o));
      if (wait < 0) {
        error.attempts = attempts;
        throw error;
      }
      if (typeof error.retryAfterMs === 'number') {
        // The server asked for a pause: the client's other calls honour it too.
        const until = clock() + wait;
        if (!(PAUSED.get(client) >= until)) PAUSED.set(client, until);
      }
      try {
        await scope.sleep(wait);
      } catch (why) {
        const stopped = asError(client, rec, index, why);
        stopped.attempts = attempts;
        throw stopped;
      }
    }
  } finally {
    scope.end();
  }
}
