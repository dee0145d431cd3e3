// Where a call's token comes from when it is not fixed: minted at Kinde's
// token endpoint (one request in flight per client) or the caller's
// getToken; and the bearer token the proxy forwards.
import { TokenSource } from 'idp-users:glue';
import { CLIENTS, OPS, NOT_LIVE, W, asError, live, noResponse, refused } from './clients.js';
import { Scope } from './scope.js';
import { headersOf, send } from './send.js';

// Per client.
const MINTING = new WeakMap(); // client → the one token request in flight

/**
 * For the proxy (`idp-users/proxy`): the bearer token a call of operation
 * `index` would send now, minted and cached exactly as for the client's own
 * calls; `rejected` is a token the API just refused, with HTTP `status`
 * (a replacement refused with 403 comes back as itself: not re-minted
 * again). Rejects with an
 * IdpUsersError (kind `auth`, or `timeout` at the client's time limit).
 */
export async function bearer(client, provider, index, rejected, status) {
  const rec = CLIENTS.get(client);
  if (
    rec?.provider !== provider ||
    !Number.isInteger(index) ||
    !OPS[provider][index] ||
    (rejected !== undefined && (typeof rejected !== 'string' || rejected.length > 65536)) ||
    (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599))
  ) {
    throw refused(provider, index, NOT_LIVE);
  }
  const scope = new Scope(undefined, rec.timeoutMs, rec.scopes);
  try {
    const tok = token(client, rec, index, rejected, status);
    return typeof tok === 'string' ? tok : await scope.wait(tok);
  } catch (e) {
    throw asError(client, rec, index, e);
  } finally {
    scope.end();
  }
}

/**
 * A token for operation `index` (a string when one is at hand, else a
 * promise); `rejected` is the one the API just refused.
 */
export function token(client, rec, index, rejected, status) {
  live(client, rec.provider, index);
  const step = W.__token.call(rec.inner, rejected, status);
  return typeof step === 'string' ? step : mint(client, rec, index, rejected, step);
}

async function mint(client, rec, index, rejected, step) {
  if (step === TokenSource.Mint) {
    // One token request at a time, however many calls wait for it. It has
    // its own time limit and no caller's signal: one call giving up must
    // not fail the others waiting for the same token.
    let minting = MINTING.get(client);
    if (!minting) {
      const scope = new Scope(undefined, rec.timeoutMs, rec.scopes);
      minting = send(rec.fetch, W.__tokenRequest.call(rec.inner), rec.headers, undefined, undefined, scope, rec.secrets);
      MINTING.set(client, minting);
      const done = () => {
        scope.end();
        MINTING.delete(client);
      };
      minting.then(done, done);
    }
    let answer;
    try {
      answer = await minting;
    } catch (why) {
      throw noResponse(client, rec, index, why, true);
    }
    live(client, rec.provider, index);
    return W.__tokenResponse.call(rec.inner, index, answer.status, answer.text, headersOf(answer.res));
  }
  let value;
  let failed = false;
  try {
    value = await rec.getToken({ forceRefresh: rejected !== undefined });
  } catch (cause) {
    value = cause;
    failed = true;
  }
  live(client, rec.provider, index);
  return W.__gotToken.call(rec.inner, index, value, failed, rejected);
}
