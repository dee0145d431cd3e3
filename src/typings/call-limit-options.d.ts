  /** Time limit of each call in milliseconds, token request, retries and waits included (default {DEFAULT_TIMEOUT_MS}, at most {MAX_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Retries after a failed attempt, 0 to {MAX_RETRIES} (default {DEFAULT_RETRIES}): 429, 502, 503, 504 and network failures, for GET, PUT and DELETE (POST and PATCH only with the call option `retryNonIdempotent`). */
  retries?: number;
  /** The longest wait between attempts in ms (default {DEFAULT_MAX_DELAY_MS}). The server's `Retry-After` / `RateLimit-Reset` wins when shorter; when longer, the call fails at once with `retryAfterMs` set. */
  maxRetryDelayMs?: number;
