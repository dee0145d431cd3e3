// Imported before any contender: replaces globalThis.fetch with a dispatcher
// whose target is set later. @clerk/backend binds `fetch` when its module is
// evaluated, so the replacement must exist by then; the dispatcher lets the
// bodies arrive afterwards (workerd gets them in a request).

let target = () => Promise.reject(new Error('bench fetch: no stub installed yet'));

export function benchFetch(input, init) {
  return target(input, init);
}

export function setFetchTarget(fn) {
  target = fn;
}

globalThis.fetch = benchFetch;
