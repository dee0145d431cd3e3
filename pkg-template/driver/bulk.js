// `bulk`: runs a function over many items with bounded concurrency,
// slowing the whole run down when the API throttles.
import { IdpUsersError } from 'idp-users:runtime';
import { copy, describe } from './secrets.js';
import { clock } from './scope.js';

function invalid(param, message) {
  return new IdpUsersError(`bulk: ${param} ${message}`, { kind: 'validation', operation: 'bulk', param });
}

/**
 * Runs `fn` over every item with at most `concurrency` in flight; resolves
 * to one `{ item, ok, value | error }` per item, in input order (see index.d.ts).
 */
export function bulk(items, fn, options) {
  return new Promise((resolve, reject) => {
    let list;
    let concurrency = 8;
    let signal;
    let onProgress;
    // Every read of a caller's value below may throw (a getter, a revoked Proxy): it rejects naming the value.
    let param = 'items';
    try {
      if (items === null || items === undefined || typeof items[Symbol.iterator] !== 'function') {
        return reject(invalid('items', 'must be iterable (an array, a Set, a generator...)'));
      }
      list = Array.from(items);
      if (typeof fn !== 'function') return reject(invalid('fn', 'must be a function'));
      param = 'options';
      if (options !== undefined && options !== null) {
        if (typeof options !== 'object') return reject(invalid('options', 'must be an object'));
        ({ concurrency = 8, signal, onProgress } = options);
      }
      param = 'options.signal';
      if (signal !== undefined && (signal === null || typeof signal.addEventListener !== 'function' || typeof signal.aborted !== 'boolean')) {
        return reject(invalid('options.signal', 'must be an AbortSignal'));
      }
    } catch (cause) {
      return reject(invalid(param, `could not be read (${describe(copy(cause, []))})`));
    }
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
      return reject(invalid('options.concurrency', 'must be a whole number from 1 to 64'));
    }
    if (onProgress !== undefined && typeof onProgress !== 'function') return reject(invalid('options.onProgress', 'must be a function'));
    const total = list.length;
    const results = new Array(total);
    const controller = new AbortController();
    let next = 0;
    let active = 0;
    let done = 0;
    let failed = 0;
    let pausedUntil = 0;
    let timer;
    const onAbort = () => {
      controller.abort();
      clearTimeout(timer);
      timer = undefined;
      pump();
    };
    const finish = () => {
      clearTimeout(timer);
      resolve(results);
      try {
        signal?.removeEventListener('abort', onAbort);
      } catch {}
    };
    const settle = (i, result) => {
      results[i] = result;
      done++;
      if (!result.ok) failed++;
      try {
        // Its result is ignored; an async onProgress that rejects is not left unhandled.
        const r = onProgress?.({ done, failed, total });
        if (r !== undefined) Promise.resolve(r).catch(() => {});
      } catch {}
    };
    const pump = () => {
      while (active < concurrency && next < total) {
        if (controller.signal.aborted) {
          const i = next++;
          const error = new IdpUsersError("bulk: aborted by the caller's signal before this item started", { kind: 'aborted', operation: 'bulk' });
          settle(i, { item: list[i], ok: false, error });
          continue;
        }
        const wait = pausedUntil - clock();
        if (wait > 0) {
          timer ??= setTimeout(() => {
            timer = undefined;
            pump();
          }, wait);
          return;
        }
        const i = next++;
        const item = list[i];
        active++;
        // A promise of bulk's own: what fn throws, or a `then` of its result that throws, only rejects it.
        new Promise((r) => r(fn(item, { signal: controller.signal, index: i }))).then(
          (value) => {
            active--;
            settle(i, { item, ok: true, value });
            pump();
          },
          (error) => {
            active--;
            // Throttled: the whole run slows down, not just this item.
            let status;
            let after;
            try {
              if (error && typeof error === 'object') ({ status, retryAfterMs: after } = error);
            } catch {}
            if (status === 429 || typeof after === 'number') {
              // At most a minute: a server asking for hours is the item's failure, not the run's.
              const pause = Math.min(typeof after === 'number' ? after : 1000, 60_000);
              pausedUntil = Math.max(pausedUntil, clock() + pause);
            }
            settle(i, { item, ok: false, error });
            pump();
          },
        );
      }
      if (done === total) finish();
    };
    if (signal) {
      try {
        if (signal.aborted) controller.abort();
        else signal.addEventListener('abort', onAbort, { once: true });
      } catch (cause) {
        return reject(invalid('options.signal', `could not be read (${describe(copy(cause, []))})`));
      }
    }
    pump();
  });
}
