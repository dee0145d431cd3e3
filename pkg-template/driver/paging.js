// The paged lists: a promise of the first page that is also
// async-iterable over every item of every page, stopping a server that
// cycles.
import { IdpUsersError, snapshot } from 'idp-users:runtime';
import { CLIENTS, NAMES, OPS, W, live } from './clients.js';
import { call } from './call.js';

/** A settled promise: its `then` queues a microtask. */
const NOW = Promise.resolve();

/**
 * A list call: a real promise of the first page that is also
 * async-iterable over every item of every page. Iteration reads the
 * caller's params and options once, when it starts: every page is asked
 * for with that copy (see `snapshot` in runtime.js). The request starts on
 * the next microtask, so that `for await (… of client.getUserList())`,
 * which asks for the iterator at once, can still choose the largest page
 * size (and a page that is only awaited reads its params once, in wasm).
 */
export function paged(client, provider, index, op, args) {
  const { arity, sizeParam: size, pageSize } = op;
  const raw = args[arity];
  let first;
  const run = (p) => {
    args[arity] = p;
    return call(client, provider, index, false, args[0], args[1], args[2], args[3], args[4]);
  };
  // Settled by the call's own promise (a then, not a resolve with it: a
  // promise resolved with a promise takes two more microtasks). The next
  // microtask is a reaction to a settled promise, not queueMicrotask: in
  // workerd that costs 2 µs a call (0.05 µs this way), and `run` cannot
  // throw (call is async), so nothing is lost that queueMicrotask reports.
  const promise = new Promise((resolve, reject) => NOW.then(() => (first ??= run(raw)).then(resolve, reject)));
  promise[Symbol.asyncIterator] = () => {
    let params = snapshot(raw);
    args[arity + 1] = snapshot(args[arity + 1]);
    // The largest page, unless the caller chose a size. Only params given
    // as a plain object are added to: snapshot's copy, which is the one
    // value here other than `raw` with no prototype.
    if (!first && size !== undefined && (params == null || (params !== raw && Object.getPrototypeOf(params) === null && params[size] == null))) {
      params = { ...params, [size]: pageSize };
    }
    // The iterator reports errors itself; the promise's own copy of them is not unhandled.
    promise.catch(() => {});
    return items(client, provider, index, params, (first ??= run(params)), run);
  };
  return promise;
}

async function* items(client, provider, index, params, firstPage, run) {
  let page = await firstPage;
  // A server cycling through cursors, or serving the same page at every
  // offset, is stopped. Cycles are found as Brent's method finds them: the
  // cursor saved at each power-of-two step is compared with every later
  // one, so any cycle is caught within about two of its laps, with one
  // cursor kept, however long the list. A page is compared by its length
  // and its first and last item with the one before.
  let saved;
  let lap = 1;
  let steps = 0;
  let previous;
  for (;;) {
    live(client, provider, index);
    const { items: list, param, value } = W.__nextPage.call(CLIENTS.get(client).inner, index, params, page);
    let ends;
    try {
      ends = list.length ? JSON.stringify([list.length, list[0], list[list.length - 1]]) : '';
    } catch {}
    if (ends && ends === previous) throw stuck(provider, index, 'the API returned the same items again');
    previous = ends;
    yield* list;
    if (param === undefined) return;
    if (value === saved) throw stuck(provider, index, 'the API returned a cursor it had given before');
    if (++steps === lap) {
      saved = value;
      lap *= 2;
      steps = 0;
    }
    params = { ...params, [param]: value };
    page = await run(params);
  }
}

/** The decode error that ends an iteration whose pages do not move on. */
function stuck(provider, index, why) {
  const operation = OPS[provider][index].name;
  return new IdpUsersError(`${operation}: cannot read the next page: ${why}`, { kind: 'decode', provider: NAMES[provider], operation });
}
