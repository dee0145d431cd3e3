// Failures that escaped every handler (an unhandled rejection, an error
// event) end up here and are shown at the top of the page, in words,
// instead of only in the browser's console.
const listeners = new Set();
let problems = [];
let nextId = 1;

export function reportProblem(error) {
  problems = [...problems.slice(-4), { id: nextId++, error }];
  for (const l of listeners) l(problems);
}

export function dismissProblem(id) {
  problems = problems.filter((p) => p.id !== id);
  for (const l of listeners) l(problems);
}

export function onProblems(listener) {
  listeners.add(listener);
  listener(problems);
  return () => listeners.delete(listener);
}

export function installGlobalReporters() {
  window.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    reportProblem(event.reason);
  });
  window.addEventListener('error', (event) => {
    // Resource load failures (an avatar URL) are not program errors.
    if (!(event instanceof ErrorEvent)) return;
    reportProblem(event.error ?? new Error(event.message));
  });
}
