// In-memory fakes of identity-provider APIs, served through a fetch-compatible
// handler. Every provider (Kinde under /api and /oauth2/token, Clerk under /v1)
// plugs into the same dispatcher: it declares which paths it owns and shares
// one clock; the dispatcher keeps one request log for all of them.
//
// Runs unchanged in Node 20+, Deno, Bun, workerd and browsers: only web
// platform globals are used.

import { createClock } from './shared/clock.js';
import { createControls, delay } from './shared/controls.js';
import { headersToObject, jsonResponse } from './shared/http.js';
import { createClerkProvider } from './clerk/index.js';
import { createKindeProvider } from './kinde/index.js';

/**
 * Creates a set of fake providers sharing one clock and one request log.
 * See index.d.ts for the full interface.
 */
export function createFakeProviders(options = {}) {
  const { seed = 25, tokenTtlSeconds = 3600, now } = options;
  if (!Number.isInteger(seed) || seed < 0) throw new TypeError('options.seed must be a non-negative integer');
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 1) {
    throw new TypeError('options.tokenTtlSeconds must be a positive whole number of seconds');
  }

  const clock = createClock(now);
  const controls = createControls(clock, options);
  const requests = [];
  const core = { clock, controls };
  const kinde = createKindeProvider(core, { seed, tokenTtlSeconds });
  const clerk = createClerkProvider(core, { seed });
  const providers = [kinde, clerk];

  async function handle(request) {
    const url = new URL(request.url);
    // Not upper-cased: fetch normalises only the standard methods, and a server
    // sees 'patch' as a different method from 'PATCH'.
    const method = request.method;
    // Bytes then UTF-8, rather than text(): workerd warns when text() reads a form body.
    // Providers get both: the text (JSON, forms) and the bytes (multipart uploads).
    const bytes = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
    const body = bytes === null ? null : new TextDecoder().decode(bytes);
    requests.push({ method, url: request.url, path: url.pathname, headers: headersToObject(request.headers), body });
    // The latency comes before the fake looks at the request: one aborted while
    // it waits is logged but changes nothing (not even the rate limit).
    if (controls.latencyMs > 0) await delay(controls.latencyMs, request.signal, abortReason);

    const provider = providers.find((p) => p.owns(url.pathname));
    if (!provider) {
      return jsonResponse(404, {
        errors: [{ code: 'ROUTE_NOT_FOUND', message: `No fake provider serves ${url.pathname}` }],
      });
    }
    try {
      return await provider.handle({ request, url, method, path: url.pathname, body, bytes });
    } catch (error) {
      // A bug in the fake must show up as a readable answer, not a hung client.
      return jsonResponse(500, {
        errors: [{ code: 'FAKE_INTERNAL_ERROR', message: String(error?.stack ?? error) }],
      });
    }
  }

  async function fetchImpl(input, init) {
    const signal = init?.signal ?? (typeof input === 'object' && input !== null ? input.signal : undefined);
    if (signal?.aborted) throw abortReason(signal);
    const request = new Request(absolute(input), init);
    return raceAbort(handle(request), signal);
  }

  return {
    fetch: fetchImpl,
    handle,
    advanceTime(ms) {
      clock.advance(ms);
    },
    setControls(changes) {
      controls.set(changes);
    },
    requests,
    kinde: kinde.api,
    clerk: clerk.api,
  };
}

// A relative URL ('/api/v1/users') has no base outside a browser; give it one
// so the fake can be called without an origin.
function absolute(input) {
  if (typeof input === 'string' && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(input)) {
    return new URL(input, 'http://fake.invalid').href;
  }
  return input;
}

function abortReason(signal) {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function raceAbort(promise, signal) {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) reject(abortReason(signal));
        else resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
