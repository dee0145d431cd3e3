// One token bucket for everything a job sends, wrapped around the fetch the
// job's clients get: list pages, token requests, writes and the clients' own
// retries all take a token first. A 429 pauses the whole bucket for as long
// as the provider said (Retry-After, RateLimit-Reset or X-RateLimit-Reset),
// so the job slows down as one, not request by request.

/** The pause a 429 asks for, in ms (Retry-After seconds or date, else RateLimit-Reset / X-RateLimit-Reset seconds or epoch). */
export function pauseOf(headers, now = Date.now()) {
  const get = (name) => {
    try {
      return headers?.get?.(name) ?? null;
    } catch {
      return null;
    }
  };
  const retryAfter = get('retry-after');
  if (retryAfter !== null) {
    if (/^\s*\d+(\.\d+)?\s*$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  for (const name of ['ratelimit-reset', 'x-ratelimit-reset']) {
    const v = get(name);
    if (v !== null && /^\s*\d+(\.\d+)?\s*$/.test(v)) {
      const n = Number(v);
      // Some providers send an epoch time (seconds) here, others a delay.
      return n > 1e9 ? Math.max(0, n * 1000 - now) : n * 1000;
    }
  }
  return 1000;
}

/**
 * A pacer of `rate` requests per second. Tokens are handed out evenly
 * spaced (a bucket of one token), so the provider's own bucket, which
 * allows a burst, never sees one. `stats` counts requests and answers.
 */
export function createPacer({ rate, maxPauseMs = 60_000 }) {
  const interval = 1000 / rate;
  let nextAt = 0; // when the next token may be taken
  const stats = { requests: 0, throttled: 0, failed: 0, statuses: {}, pausedMs: 0, startedAt: Date.now() };

  /** Resolves when a token is ours; rejects with the signal's reason when it aborts first. */
  function take(signal) {
    const now = Date.now();
    const at = Math.max(now, nextAt);
    nextAt = at + interval;
    const wait = at - now;
    if (wait <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener?.('abort', onAbort);
        resolve();
      }, wait);
      signal?.addEventListener?.('abort', onAbort, { once: true });
    });
  }

  /** No token before `ms` from now (a 429 asked for it). */
  function pause(ms) {
    const wait = Math.min(Math.max(0, ms), maxPauseMs);
    const until = Date.now() + wait;
    if (until > nextAt) {
      stats.pausedMs += until - Math.max(nextAt, Date.now());
      nextAt = until;
    }
  }

  /** `fetchFn` with a token taken before every request and 429s obeyed. */
  function wrap(fetchFn) {
    return async function pacedFetch(input, init) {
      await take(init?.signal);
      stats.requests++;
      let res;
      try {
        res = await fetchFn(input, init);
      } catch (e) {
        stats.failed++;
        throw e;
      }
      const status = res?.status;
      stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
      if (status === 429) {
        stats.throttled++;
        pause(pauseOf(res.headers));
      }
      return res;
    };
  }

  return { take, pause, wrap, stats, rate };
}
