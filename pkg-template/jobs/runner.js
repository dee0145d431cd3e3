// runJob: executes a job (core.js) over a journal, with one pacer for every
// request. Runtime-neutral: no node: import here (the file store and the
// command live in file.js and ../cli.js).

import { ClerkUsersApi, IdpUsersError, KindeUsersApi } from 'idp-users';
import * as core from './core.js';
import { OPERATIONS } from './operations.js';
import { createPacer } from './pacer.js';

const CLASSES = { kinde: KindeUsersApi, clerk: ClerkUsersApi };
const encoder = new TextEncoder();

/** A journal held in memory (`lines`), for tests and runtimes without files. */
export function memoryJournal(initial = []) {
  const lines = [...initial];
  return {
    lines,
    async read() {
      return lines.slice();
    },
    async append(more) {
      for (const l of more) lines.push(l);
    },
  };
}

/** The operation names of each provider's client class. */
export function operationNames(provider) {
  return Object.keys(OPERATIONS[provider]);
}

/** Checks a job without running it; resolves to its normal form and hash. */
export async function planJob(job) {
  const normal = core.normalizeJob(job, { kinde: operationNames('kinde'), clerk: operationNames('clerk') });
  return { job: normal, hash: await core.jobHash(normal) };
}

function isStore(s) {
  return s !== null && typeof s === 'object' && typeof s.read === 'function' && typeof s.append === 'function';
}

/** Calls `fn` on each of `items` with at most `concurrency` at once; stops starting new ones once `stop()` is true. */
async function pool(items, concurrency, stop, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) {
      const item = items[next++];
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Runs `job` (see jobs.d.ts) and resolves to its summary. Rejects only when
 * the job cannot start (invalid job or options, a journal of another job):
 * item failures are in the summary.
 */
export async function runJob(input, options = {}) {
  if (options === null || typeof options !== 'object') throw core.invalid('options', 'must be an object');
  const { job, hash } = await planJob(input);
  const journal = options.journal ?? memoryJournal();
  if (!isStore(journal)) throw core.invalid('options.journal', 'must be a store with read() and append(lines)');
  const { signal, onProgress, onItem } = options;
  if (signal !== undefined && (signal === null || typeof signal.aborted !== 'boolean')) throw core.invalid('options.signal', 'must be an AbortSignal');
  for (const [k, f] of [['onProgress', onProgress], ['onItem', onItem], ['copyUser', options.copyUser]]) {
    if (f !== undefined && typeof f !== 'function') throw core.invalid(`options.${k}`, 'must be a function');
  }
  const exporting = job.action.type === 'export';
  const output = options.output;
  if (exporting && (output === null || typeof output !== 'object' || typeof output.write !== 'function')) {
    throw core.invalid('options.output', 'must be a sink with write(text) (and truncate(bytes) to resume) for an export');
  }

  // The journal: its header must be this job's.
  const state = core.replay(core.parseLines(await journal.read()));
  if (state.header && (state.header.job !== hash || state.header.journal !== core.JOURNAL_VERSION)) {
    throw core.invalid('options.journal', `belongs to another job (${state.header.provider ?? '?'} ${state.header.action ?? '?'}${state.header.dryRun ? ', dry run' : ''}): use a new journal for this one`);
  }
  let chain = Promise.resolve();
  const write = (records) => (chain = chain.then(() => journal.append(records.map((r) => JSON.stringify(r)))));
  if (!state.header) await write([core.journalHeader(job, hash)]);

  // One pacer for everything this job sends, across both providers of a copy.
  const pacer = createPacer({ rate: job.pacing.rate });
  const clients = {};
  const clientFor = (provider) => {
    if (clients[provider]) return clients[provider];
    const config = options[provider];
    if (config === null || typeof config !== 'object') throw core.invalid(`options.${provider}`, `must be the ${CLASSES[provider].name} config`);
    const base = typeof config.fetch === 'function' ? config.fetch : (url, init) => fetch(url, init);
    clients[provider] = new CLASSES[provider]({ ...config, fetch: pacer.wrap(base) });
    return clients[provider];
  };
  const source = clientFor(job.provider);
  const target = job.action.type === 'copy' ? clientFor(job.action.to) : undefined;
  let copyUser;
  if (job.action.type === 'copy') copyUser = options.copyUser ?? (await import('./copy.js')).copyUser;

  const started = Date.now();
  const stopped = () => signal?.aborted === true;
  const doneBefore = [...state.items.values()].filter((r) => r.state === 'done').length;
  const run = { job, hash, state, write, pacer, source, target, copyUser, signal, stopped, onProgress, onItem, output, total: undefined, failures: [] };
  try {
    if (exporting) await runExport(run);
    else if (job.action.type === 'copy') await runCopy(run);
    else await runItems(run);
  } finally {
    await chain;
    for (const c of Object.values(clients)) c.free();
  }
  return summarize(run, doneBefore, started);
}

function progress(run, phase) {
  if (!run.onProgress) return;
  let done = 0;
  let failed = 0;
  let skipped = 0;
  if (phase === 'export') done = run.exported ?? 0;
  else {
    for (const r of run.state.items.values()) {
      if (r.state === 'done') done++;
      else if (r.state === 'failed') failed++;
      else if (r.state === 'skipped') skipped++;
    }
  }
  try {
    run.onProgress({ phase, done, failed, skipped, total: run.total ?? null, requests: run.pacer.stats.requests, throttled: run.pacer.stats.throttled });
  } catch {
    // A progress display that throws must not stop the job.
  }
}

/** Runner-level attempts of a safe request (a read, or an idempotent write) after the client's own retries gave up. */
const ATTEMPTS = 4;

/**
 * A failure worth another attempt: a 5xx (the client retries only 502-504),
 * a 429 whose wait exceeded the client's limit, a network failure or a
 * timeout. Only for requests that may be sent twice (reads, idempotent writes).
 */
function transient(error) {
  if (!(error instanceof IdpUsersError)) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'api' && (error.status === 429 || (error.status >= 500 && error.status <= 599));
}

/** Runs `fn` up to ATTEMPTS times while it fails transiently; stops early once `stopped()`. */
export async function retrying(run, fn) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= ATTEMPTS || !transient(error) || run.stopped()) throw error;
      // The pacer already spaces requests and honours 429s; this only avoids hammering a failing item.
      await new Promise((r) => setTimeout(r, 100 * 2 ** (attempt - 1)));
    }
  }
}

/** The call options of one item's request. */
function callOptions(run, step) {
  return step.retryWrite ? { retryNonIdempotent: true } : undefined;
}

/** Places `options` after the operation's declared parameters. */
function withOptions(provider, operation, args, options) {
  const params = OPERATIONS[provider][operation];
  const out = args.slice(0, params.length);
  while (out.length < params.length) out.push(undefined);
  if (options) out.push(options);
  return out;
}

async function settle(run, id, record) {
  run.state.items.set(id, record);
  await run.write([record]);
  if (record.state === 'failed') run.failures.push({ item: id, error: record.error });
  try {
    run.onItem?.(record);
  } catch {}
}

/**
 * What one item of a bulk action comes to, without journaling it: its call
 * sent (retried while it fails transiently, when it may be sent twice) and
 * its record `{ item, state: 'done' | 'failed' | 'skipped', ... }`. `ctx`:
 * `{ job, source (the provider's client), stopped() }`. Shared by runJob and
 * the Workflow of idp-users/workflows.
 */
export async function performItem(ctx, id, rec) {
  const { job, source } = ctx;
  let step;
  try {
    step = core.stepFor(job, id, rec);
  } catch (error) {
    return { item: id, state: 'failed', error: core.errorRecord(error) };
  }
  if (job.dryRun) return { item: id, state: 'skipped', reason: 'dry-run', call: { operation: step.operation, args: step.args } };
  try {
    const send = async () => {
      let args = step.args;
      if (step.read) {
        const current = await source[step.read.operation](...step.read.args);
        args = [id, core.replacePatch(current, step.args[1])];
      }
      return source[step.operation](...withOptions(job.provider, step.operation, args, callOptions(ctx, step)));
    };
    await (step.retryWrite ? retrying(ctx, send) : send());
    return { item: id, state: 'done' };
  } catch (error) {
    if (step.goneIsDone && core.isGone(error)) return { item: id, state: 'done', outcome: 'gone' };
    return { item: id, state: 'failed', error: core.errorRecord(error) };
  }
}

/** One item of a bulk action: started, then done / failed / skipped. */
async function runItem(run, id, rec) {
  if (!run.job.dryRun) {
    // The same check performItem makes first: an item whose call cannot be built never starts.
    let buildable = true;
    try {
      core.stepFor(run.job, id, rec);
    } catch {
      buildable = false;
    }
    if (buildable) await run.write([{ item: id, state: 'started' }]);
  }
  await settle(run, id, await performItem(run, id, rec));
}

/** Lists the selection's users page by page, each page's ids journaled with the next cursor. */
async function select(run) {
  const { job, state, source } = run;
  const { operation } = core.listCall(job);
  let cursor = state.selectCursor;
  while (!state.selectDone && !run.stopped()) {
    const answer = await retrying(run, () => source[operation](core.pageParams(job, cursor)));
    const { users, next } = core.readPage(job, answer, cursor);
    const ids = users.map((u) => u?.id).filter((id) => typeof id === 'string');
    await run.write([{ selected: ids, next }]);
    for (const id of ids) state.selected.push(id);
    state.selectCursor = next ?? undefined;
    state.selectDone = next === null;
    progress(run, 'select');
    cursor = next;
  }
}

async function runItems(run) {
  const { job, state } = run;
  let ids;
  let records;
  if (job.select.filters) {
    try {
      await select(run);
    } catch (error) {
      run.failures.push({ item: 'selection', error: core.errorRecord(error) });
      run.selectFailed = true;
      return;
    }
    if (!state.selectDone) return; // interrupted while listing
    ids = [...new Set(state.selected)];
  } else if (job.select.ids) {
    ids = job.select.ids;
  } else {
    records = new Map(job.select.records.map((r) => [r.id, r]));
    ids = [...records.keys()];
  }
  run.total = ids.length;
  // Done and skipped are final; failed and started-but-unfinished items run (again).
  const pending = ids.filter((id) => {
    const s = state.items.get(id)?.state;
    return s !== 'done' && s !== 'skipped';
  });
  // Earlier failures that run again are counted by this run's outcome.
  progress(run, 'items');
  let last = 0;
  let finished = 0;
  await pool(pending, job.pacing.concurrency, run.stopped, async (id) => {
    await runItem(run, id, records?.get(id));
    finished++;
    if (Date.now() - last > 100) {
      last = Date.now();
      progress(run, 'items');
    }
  });
  run.complete = finished === pending.length;
  progress(run, 'items');
}

/** Copy: the source's users page by page; each page's items copied before the page is journaled as read. */
async function runCopy(run) {
  const { job, state, source, target } = run;
  const copyOne = async (user) => {
    const id = user.id;
    if (!job.dryRun) await run.write([{ item: id, state: 'started' }]);
    try {
      // copyUser looks the user up by external id before it creates, so a retry after a 5xx cannot create twice.
      const r = await retrying(run, () => run.copyUser({ from: job.provider, to: job.action.to, source, target, user, dryRun: job.dryRun }));
      const report = { outcome: r?.outcome ?? null, targetId: r?.targetId ?? null, notMoved: r?.notMoved ?? [] };
      if (job.dryRun || r?.outcome === 'dry-run') await settle(run, id, { item: id, state: 'skipped', reason: 'dry-run', ...report, mapping: r?.mapping ?? null });
      else await settle(run, id, { item: id, state: 'done', ...report });
    } catch (error) {
      await settle(run, id, { item: id, state: 'failed', error: core.errorRecord(error) });
    }
  };
  const todo = (users) => users.filter((u) => typeof u?.id === 'string' && !['done', 'skipped'].includes(state.items.get(u.id)?.state));
  if (job.select.records) {
    run.total = job.select.records.length;
    const pending = todo(job.select.records);
    let finished = 0;
    await pool(pending, job.pacing.concurrency, run.stopped, async (u) => {
      await copyOne(u);
      finished++;
    });
    run.complete = finished === pending.length;
    progress(run, 'items');
    return;
  }
  const { operation } = core.listCall(job);
  let cursor = state.lastPage ? state.lastPage.next : undefined;
  let page = state.lastPage ? state.lastPage.page + 1 : 0;
  if (state.lastPage?.next === null) {
    run.complete = true;
    return;
  }
  while (!run.stopped()) {
    const read = await readPage(run, operation, cursor, page);
    if (!read) {
      run.selectFailed = true;
      return;
    }
    const { users, next } = read;
    await pool(todo(users), job.pacing.concurrency, run.stopped, copyOne);
    if (run.stopped()) return; // this page's remaining users run on resume
    await run.write([{ page, users: users.length, next }]);
    progress(run, 'items');
    if (next === null) {
      run.complete = true;
      return;
    }
    cursor = next;
    page++;
  }
}

/**
 * Page `page` of the source's list at `cursor` (retried as the runner
 * retries): `{ users, next }`, or undefined once its failure is recorded.
 */
async function readPage(run, operation, cursor, page) {
  const { job, source } = run;
  try {
    return core.readPage(job, await retrying(run, () => source[operation](core.pageParams(job, cursor))), cursor);
  } catch (error) {
    run.failures.push({ item: `page ${page}`, error: core.errorRecord(error) });
    return undefined;
  }
}

/** Export: page by page, each page's lines written (and synced) before the page is journaled with the output's size. */
async function runExport(run) {
  const { job, state, output } = run;
  const last = state.lastPage;
  let bytes = last?.bytes ?? 0;
  let exported = last?.total ?? 0;
  run.exported = exported;
  if (typeof output.truncate === 'function') {
    // What a killed run wrote after its last journaled page goes: each user is written once.
    await output.truncate(bytes);
  } else if (bytes > 0) {
    throw core.invalid('options.output', 'cannot be truncated (no truncate(bytes)), so this export cannot resume from its journal');
  }
  if (last?.next === null || state.complete) return;
  const { operation } = core.listCall(job);
  let cursor = last ? last.next : undefined;
  let page = last ? last.page + 1 : 0;
  while (!run.stopped()) {
    const read = await readPage(run, operation, cursor, page);
    if (!read) return;
    const { users, next } = read;
    const chunk = core.exportChunk(job, users, bytes === 0);
    await output.write(chunk);
    if (typeof output.sync === 'function') await output.sync();
    bytes += encoder.encode(chunk).length;
    exported += users.length;
    run.exported = exported;
    const rec = { page, users: users.length, total: exported, bytes, next };
    state.lastPage = rec;
    await run.write(next === null ? [rec, { complete: true }] : [rec]);
    progress(run, 'export');
    if (next === null) return;
    cursor = next;
    page++;
  }
}

function summarize(run, doneBefore, started) {
  const { job, hash, state, pacer } = run;
  const elapsedMs = Date.now() - started;
  const stats = pacer.stats;
  const runStats = {
    requests: stats.requests,
    throttled: stats.throttled,
    statuses: { ...stats.statuses },
    elapsedMs,
    requestsPerSecond: elapsedMs > 0 ? Math.round((stats.requests / elapsedMs) * 100_000) / 100 : 0,
    allowedPerSecond: job.pacing.rate,
  };
  const base = { job: hash, provider: job.provider, action: job.action.type, dryRun: job.dryRun, run: runStats };
  if (job.action.type === 'export') {
    const complete = state.lastPage?.next === null;
    return {
      ...base,
      total: complete ? run.exported : null,
      done: run.exported ?? 0,
      failed: run.failures.length,
      skipped: 0,
      failedByKind: byKind(run.failures),
      failures: run.failures,
      interrupted: !complete && run.failures.length === 0,
      resumedDone: 0,
      export: { format: job.action.format, users: run.exported ?? 0, bytes: state.lastPage?.bytes ?? 0, complete },
    };
  }
  let done = 0;
  let skipped = 0;
  const failures = [];
  for (const r of state.items.values()) {
    if (r.state === 'done') done++;
    else if (r.state === 'skipped') skipped++;
    else if (r.state === 'failed') failures.push({ item: r.item, error: r.error });
  }
  for (const f of run.failures) if (!state.items.has(f.item)) failures.push(f);
  const total = run.total ?? (run.complete ? state.items.size : null);
  return {
    ...base,
    total,
    done,
    failed: failures.length,
    skipped,
    failedByKind: byKind(failures),
    failures,
    interrupted: !run.complete && !run.selectFailed,
    resumedDone: doneBefore,
  };
}

function byKind(failures) {
  const out = {};
  for (const f of failures) {
    const kind = f.error?.kind ?? 'unknown';
    out[kind] = (out[kind] ?? 0) + 1;
  }
  return out;
}

export { IdpUsersError };
