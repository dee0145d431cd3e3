// idp-users/workflows: the jobs of idp-users/jobs (same JSON) run as a
// Cloudflare Workflow, one page or one batch of users per step, every
// request paced by a UsersPacer Durable Object shared by the whole account.
// workerd only (it imports cloudflare:workers); see workflows.d.ts and the
// README's "Jobs on Cloudflare Workflows".
//
// The journal: each step's result (Workflows keeps it, and replays it after
// an eviction), and the same result in R2 under idp-users-jobs/<journal>/
// journal/<step>.json, so a job started again over a terminated instance's
// journal skips what that instance finished. Exports are written to R2 one
// object per page; a job bigger than one instance's step budget fans out
// into child instances, one per disjoint shard of its ids.

import { WorkflowEntrypoint } from 'cloudflare:workers';
import { ClerkUsersApi, IdpUsersError, KindeUsersApi } from 'idp-users';
import * as core from '../jobs/core.js';
import { performItem, planJob } from '../jobs/runner.js';
import { UsersPacer, pacedFetch, pacerName } from './pacer-do.js';

export { UsersPacer, pacedFetch, pacerName };

const CLASSES = { kinde: KindeUsersApi, clerk: ClerkUsersApi };
/** The R2 prefix of everything a job writes. */
export const PREFIX = 'idp-users-jobs';
/** Defaults (see defineUsersJob). */
export const DEFAULTS = Object.freeze({ batchSize: 100, stepLimit: 10_000, failuresKept: 1000 });
const DEFAULT_STEP = { retries: { limit: 10, delay: 2000, backoff: 'exponential' }, timeout: '15 minutes' };
/** Steps an instance keeps in hand below its limit. */
const MARGIN = 2;
/** The steps of a child besides its batches: plan, shard, summary. */
const CHILD_STEPS = 3;

/** A step error that Workflows does not retry (the engine recognises it by name). */
class NonRetryable extends Error {
  constructor(message) {
    super(message);
    this.name = 'NonRetryableError';
  }
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkOptions(options) {
  if (!isObject(options)) throw core.invalid('options', 'must be an object');
  for (const k of ['clients', 'pacer', 'bucket']) if (typeof options[k] !== 'function') throw core.invalid(`options.${k}`, 'must be a function of env');
  for (const k of ['workflow', 'onStep']) if (options[k] !== undefined && typeof options[k] !== 'function') throw core.invalid(`options.${k}`, 'must be a function');
  for (const k of ['batchSize', 'stepLimit']) {
    const v = options[k];
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) throw core.invalid(`options.${k}`, 'must be a whole number above 0');
  }
  if (options.rates !== undefined && typeof options.rates !== 'function') checkRates(options.rates);
}

function checkRates(rates) {
  if (!isObject(rates)) throw core.invalid('options.rates', 'must be { kinde?, clerk? } in requests per second (or a function of env returning it)');
  for (const [k, v] of Object.entries(rates)) {
    if (!['kinde', 'clerk'].includes(k) || typeof v !== 'number' || !(v > 0) || v > core.MAX_RATE) throw core.invalid(`options.rates.${k}`, `must be a number of requests per second above 0, at most ${core.MAX_RATE}`);
  }
  return rates;
}

/**
 * The provider's client for one step. Made per step, not kept across steps:
 * a Durable Object stub and the promises behind a request belong to the
 * request (step) that made them, and workerd cancels what another one
 * awaits. The cost is a Kinde token request per step (Clerk has none).
 */
async function clientFor(options, env, provider) {
  const configs = options.clients(env) ?? {};
  const config = configs[provider];
  if (!isObject(config)) throw new NonRetryable(`job: options.clients(env).${provider} is missing: the ${CLASSES[provider].name} config`);
  const rates = typeof options.rates === 'function' ? checkRates(options.rates(env) ?? {}) : options.rates;
  const ns = options.pacer(env);
  const stub = ns.get(ns.idFromName(await pacerName(provider, config)));
  const base = typeof config.fetch === 'function' ? config.fetch : undefined;
  return new CLASSES[provider]({ ...config, fetch: pacedFetch(stub, rates?.[provider] ?? core.DEFAULT_PACING.rate, base) });
}

/** Runs `fn(client)` with a client made for it, freed after. */
async function withClient(options, env, provider, fn) {
  const client = await clientFor(options, env, provider);
  try {
    return await fn(client);
  } finally {
    client.free();
  }
}

/** Calls `fn` on each item, at most `concurrency` at once. */
async function pool(items, concurrency, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

const pad = (n) => String(n).padStart(5, '0');
const keys = {
  header: (journal) => `${PREFIX}/${journal}/header.json`,
  journal: (journal, step) => `${PREFIX}/${journal}/journal/${step}.json`,
  part: (journal, page, format) => `${PREFIX}/${journal}/export/part-${pad(page)}.${format}`,
  shard: (journal, k) => `${PREFIX}/${journal}/shards/${pad(k)}.json`,
  progress: (id) => `${PREFIX}/${id}/progress.json`,
};

/** A job error as a plain { name, message }. */
function errorOf(e) {
  if (e instanceof IdpUsersError) return { name: 'IdpUsersError', message: e.message, kind: e.kind };
  return { name: e?.name ?? 'Error', message: String(e?.message ?? e).slice(0, 500) };
}

/**
 * Makes the Workflow class that runs jobs (re-export it from the Worker
 * under the class_name of its [[workflows]] binding). See workflows.d.ts.
 */
export function defineUsersJob(options) {
  checkOptions(options);
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  const stepLimit = options.stepLimit ?? DEFAULTS.stepLimit;
  const stepConfig = options.step ?? DEFAULT_STEP;

  return class UsersJob extends WorkflowEntrypoint {
    async run(event, step) {
      const env = this.env;
      const bucket = options.bucket(env);
      const params = isObject(event.payload) ? event.payload : {};
      const id = event.instanceId;
      const journal = typeof params.journal === 'string' && /^[\w.-]{1,100}$/.test(params.journal) ? params.journal : id;
      let steps = 0;

      // One step whose result is also kept in R2: a later instance over the same journal takes it from there.
      const journaled = (name, fn) => {
        steps++;
        return step.do(name, stepConfig, async () => {
          await options.onStep?.(name, env);
          const kept = await bucket.get(keys.journal(journal, name));
          if (kept) return await kept.json();
          const result = await fn();
          await bucket.put(keys.journal(journal, name), JSON.stringify(result));
          return result;
        });
      };
      let lastProgress = {};
      const progress = (fields) => {
        lastProgress = fields;
        return bucket.put(keys.progress(id), JSON.stringify({ id, journal, updatedAt: Date.now(), ...fields }));
      };
      // A job that cannot go on: its error kept with the progress (Workflows shows NonRetryableError's message only behind a compatibility flag), then the instance ends.
      const fail = async (error) => {
        await progress({ ...lastProgress, state: 'errored', error: errorOf(error) });
        throw new NonRetryable(error.message);
      };

      // plan: the job checked (an invalid one ends the instance before any request) and the journal claimed.
      steps++;
      const plan = await step.do('plan', stepConfig, async () => {
        await options.onStep?.('plan', env);
        let planned;
        try {
          planned = await planJob(params.job);
        } catch (e) {
          if (e instanceof IdpUsersError) await fail(e);
          throw e;
        }
        const { job, hash } = planned;
        if (job.action.type === 'copy') await fail(core.invalid('action.type', "copy is not run by idp-users/workflows (use idp-users/jobs' runJob)"));
        const header = core.journalHeader(job, hash);
        const existing = await bucket.get(keys.header(journal));
        if (existing) {
          const h = await existing.json();
          if (h.job !== hash) await fail(core.invalid('journal', `${journal} belongs to another job (${h.provider} ${h.action}${h.dryRun ? ', dry run' : ''}): start this one over a new journal`));
        } else {
          await bucket.put(keys.header(journal), JSON.stringify({ ...header, batchSize }));
        }
        await progress({ job: { provider: job.provider, action: job.action }, state: 'planned', done: 0, failed: 0, skipped: 0, total: null, exports: [] });
        return { job, hash };
      });
      const { job } = plan;
      const ctx = { id, journal, job, hash: plan.hash, env, bucket, step, journaled, progress, fail, stepsUsed: () => steps, addSteps: (n) => (steps += n) };
      if (job.action.type === 'export') return runExport(ctx);
      return runBulk(ctx, params);
    }
  };

  async function runExport(ctx) {
    const { job, journal, env, journaled, progress } = ctx;
    const format = job.action.format;
    const exports = [];
    let cursor;
    let users = 0;
    let bytes = 0;
    for (let page = 0; ; page++) {
      if (ctx.stepsUsed() + 2 > stepLimit - MARGIN) await ctx.fail(new Error(`job: the export needs more than ${stepLimit} steps (raise options.stepLimit and the Workflow's steps limit)`));
      const r = await journaled(`page-${pad(page)}`, async () => {
        const { operation } = core.listCall(job);
        const answer = await withClient(options, env, job.provider, (source) => source[operation](core.pageParams(job, cursor)));
        const read = core.readPage(job, answer, cursor);
        const text = core.exportChunk(job, read.users, page === 0);
        const key = keys.part(journal, page, format);
        const body = new TextEncoder().encode(text);
        await ctx.bucket.put(key, body, { httpMetadata: { contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson' } });
        const part = { key, bytes: body.length, part: page, users: read.users.length };
        await progress({ job: { provider: job.provider, action: job.action }, state: 'running', done: users + read.users.length, failed: 0, skipped: 0, total: read.next === null ? users + read.users.length : null, exports: [...exports, part] });
        return { ...part, next: read.next };
      });
      exports.push({ key: r.key, bytes: r.bytes, part: r.part, users: r.users });
      users += r.users;
      bytes += r.bytes;
      if (r.next === null) break;
      cursor = r.next;
    }
    const summary = { job: ctx.hash, provider: job.provider, action: 'export', dryRun: job.dryRun, total: users, done: users, failed: 0, skipped: 0, failures: [], export: { format, users, bytes, parts: exports.length, complete: true } };
    ctx.addSteps(1);
    await ctx.step.do('summary', stepConfig, async () => {
      await progress({ job: { provider: job.provider, action: job.action }, state: 'complete', done: users, failed: 0, skipped: 0, total: users, exports, summary });
      return true;
    });
    return summary;
  }

  /** The ids of the job (its own list, or its shard's object, or its filter's pages, a step each). */
  async function selectIds(ctx, params) {
    const { job } = ctx;
    if (isObject(params.shard) && typeof params.shard.key === 'string') {
      ctx.addSteps(1);
      return ctx.step.do('shard', stepConfig, async () => {
        const obj = await ctx.bucket.get(params.shard.key);
        if (!obj) throw new NonRetryable(`job: shard ${params.shard.key} is missing from the bucket`);
        return await obj.json();
      });
    }
    if (job.select.ids) return job.select.ids;
    if (job.select.records) return job.select.records.map((r) => r.id);
    const ids = [];
    let cursor;
    for (let page = 0; ; page++) {
      const r = await ctx.journaled(`select-${pad(page)}`, async () => {
        const { operation } = core.listCall(job);
        const read = core.readPage(job, await withClient(options, ctx.env, job.provider, (source) => source[operation](core.pageParams(job, cursor))), cursor);
        return { ids: read.users.map((u) => u?.id).filter((x) => typeof x === 'string'), next: read.next };
      });
      for (const x of r.ids) ids.push(x);
      if (r.next === null) break;
      cursor = r.next;
    }
    return [...new Set(ids)];
  }

  async function runBulk(ctx, params) {
    const { job, env, journaled, progress } = ctx;
    const ids = await selectIds(ctx, params);
    const records = job.select.records ? new Map(job.select.records.map((r) => [r.id, r])) : undefined;
    const total = ids.length;
    const batches = Math.ceil(total / batchSize);
    const jobInfo = { provider: job.provider, action: job.action };
    // This instance's batches and its summary within its steps, or children that each fit.
    if (ctx.stepsUsed() + batches + 1 > stepLimit - MARGIN) {
      if (isObject(params.shard)) await ctx.fail(new Error(`job: shard ${params.shard.index} holds more users than a child's ${stepLimit} steps take`));
      return fanOut(ctx, ids);
    }

    const counts = { done: 0, failed: 0, skipped: 0, gone: 0 };
    const failures = [];
    for (let b = 0; b < batches; b++) {
      const slice = ids.slice(b * batchSize, (b + 1) * batchSize);
      const r = await journaled(`batch-${pad(b)}`, async () => {
        const out = { done: 0, failed: 0, skipped: 0, gone: 0, failures: [] };
        await withClient(options, env, job.provider, (source) => pool(slice, job.pacing.concurrency, async (item) => {
          const rec = await performItem({ job, source, stopped: () => false }, item, records?.get(item));
          if (rec.state === 'done') out.done++;
          else if (rec.state === 'skipped') out.skipped++;
          else {
            out.failed++;
            out.failures.push({ item, error: rec.error });
          }
          if (rec.outcome === 'gone') out.gone++;
        }));
        await progress({ job: jobInfo, state: 'running', done: counts.done + out.done, failed: counts.failed + out.failed, skipped: counts.skipped + out.skipped, total, exports: [] });
        return out;
      });
      for (const k of Object.keys(counts)) counts[k] += r[k];
      for (const f of r.failures) if (failures.length < DEFAULTS.failuresKept) failures.push(f);
    }
    const summary = { job: ctx.hash, provider: job.provider, action: job.action.type, dryRun: job.dryRun, total, ...counts, failures, failuresKept: DEFAULTS.failuresKept };
    ctx.addSteps(1);
    await ctx.step.do('summary', stepConfig, async () => {
      await progress({ job: jobInfo, state: 'complete', done: counts.done, failed: counts.failed, skipped: counts.skipped, total, exports: [], summary });
      return true;
    });
    return summary;
  }

  /** More batches than this instance's steps allow: disjoint shards, a child instance each, waited for. */
  async function fanOut(ctx, ids) {
    const { job, id, journal, env, step, progress } = ctx;
    if (!options.workflow) await ctx.fail(new Error(`job: ${ids.length} users need more than ${stepLimit} steps: give defineUsersJob a workflow(env) binding to fan out`));
    const perChild = (stepLimit - MARGIN - CHILD_STEPS) * batchSize;
    const shards = Math.ceil(ids.length / perChild);
    const jobInfo = { provider: job.provider, action: job.action };
    await ctx.journaled('shards', async () => {
      for (let k = 0; k < shards; k++) await ctx.bucket.put(keys.shard(journal, k), JSON.stringify(ids.slice(k * perChild, (k + 1) * perChild)));
      return { shards, perChild };
    });
    // The child's job: the same action, its ids in its shard object (params stay small).
    const childJob = { provider: job.provider, select: { ids: [] }, action: job.action, pacing: job.pacing, dryRun: job.dryRun };
    const children = [];
    for (let k = 0; k < shards; k++) {
      const child = await ctx.journaled(`spawn-${pad(k)}`, async () => {
        const childId = `${journal}-shard-${pad(k)}`.slice(-100);
        const wf = options.workflow(env);
        try {
          await wf.create({ id: childId, params: { job: childJob, journal: childId, shard: { key: keys.shard(journal, k), index: k, parent: id } } });
        } catch (e) {
          // Created by an earlier attempt of this step (the id is the shard's): it runs already.
          if (!/already exists|exists/i.test(String(e?.message ?? e))) throw e;
        }
        return { id: childId };
      });
      children.push(child.id);
    }
    await progress({ job: jobInfo, state: 'fanned-out', done: 0, failed: 0, skipped: 0, total: ids.length, exports: [], children });
    // Wait for the children: a check, then a sleep that doubles up to 5 minutes.
    let wait = options.pollMs?.min ?? 2000;
    const maxWait = options.pollMs?.max ?? 300_000;
    const restarts = new Map();
    for (let round = 0; ; round++) {
      if (ctx.stepsUsed() + 3 > stepLimit - MARGIN) await ctx.fail(new Error('job: the parent ran out of steps waiting for its children (raise options.pollMs.max)'));
      ctx.addSteps(1);
      const check = await step.do(`check-${pad(round)}`, stepConfig, async () => {
        const wf = options.workflow(env);
        const out = { pending: 0, done: 0, failed: 0, skipped: 0, errored: [], summaries: [] };
        for (const childId of children) {
          const st = await (await wf.get(childId)).status();
          if (st.status === 'complete') {
            const s = st.output ?? {};
            out.done += s.done ?? 0;
            out.failed += s.failed ?? 0;
            out.skipped += s.skipped ?? 0;
            out.summaries.push({ id: childId, failures: (s.failures ?? []).slice(0, 100) });
          } else if (st.status === 'errored' || st.status === 'terminated') {
            // Started again over its journal (its finished batches are skipped), a few times at most.
            const n = restarts.get(childId) ?? 0;
            if (n < 3) {
              restarts.set(childId, n + 1);
              await (await wf.get(childId)).restart();
              out.pending++;
            } else out.errored.push({ id: childId, status: st.status, error: st.error ? errorOf(st.error) : null });
          } else out.pending++;
        }
        return out;
      });
      if (check.pending === 0) {
        const failures = check.summaries.flatMap((s) => s.failures).slice(0, DEFAULTS.failuresKept);
        const summary = { job: ctx.hash, provider: job.provider, action: job.action.type, dryRun: job.dryRun, total: ids.length, done: check.done, failed: check.failed, skipped: check.skipped, failures, children, erroredChildren: check.errored };
        ctx.addSteps(1);
        await step.do('summary', stepConfig, async () => {
          await progress({ job: jobInfo, state: 'complete', done: check.done, failed: check.failed, skipped: check.skipped, total: ids.length, exports: [], children, summary });
          return true;
        });
        if (check.errored.length) await ctx.fail(new Error(`job: ${check.errored.length} of ${children.length} child instances ended ${check.errored.map((c) => c.status).join(', ')}`));
        return summary;
      }
      ctx.addSteps(1);
      await step.sleep(`wait-${pad(round)}`, wait);
      wait = Math.min(maxWait, wait * 2);
    }
  }
}

/** Checks a job as the Workflow will, then creates its instance: an invalid job throws here (IdpUsersError, kind 'validation'), before any request. */
export async function startUsersJob({ workflow }, job, { id, journal } = {}) {
  await planJob(job);
  if (job?.action?.type === 'copy') throw core.invalid('action.type', 'copy is not run by idp-users/workflows');
  const params = journal === undefined ? { job } : { job, journal };
  return workflow.create(id === undefined ? { params } : { id, params });
}

const STATUSES = ['queued', 'running', 'paused', 'errored', 'terminated', 'complete', 'waiting', 'waitingForPause', 'unknown'];

/**
 * A job's status as JSON: the instance's own and the progress its steps
 * wrote (children added up). `{ workflow, bucket }`: the bindings.
 */
export async function jobStatus({ workflow, bucket }, id) {
  let st;
  try {
    st = await (await workflow.get(id)).status();
  } catch {
    st = { status: 'unknown' };
  }
  const obj = await bucket.get(keys.progress(id));
  const p = obj ? await obj.json() : {};
  const progress = { done: p.done ?? 0, failed: p.failed ?? 0, skipped: p.skipped ?? 0, total: p.total ?? null };
  const out = { id, status: STATUSES.includes(st.status) ? st.status : 'unknown', job: p.job ?? null, progress, exports: (p.exports ?? []).map(({ key, bytes, part }) => ({ key, bytes, part })) };
  if (Array.isArray(p.children) && p.state !== 'complete') {
    out.children = [];
    for (const childId of p.children) {
      const c = await jobStatus({ workflow, bucket }, childId);
      out.children.push({ id: childId, status: c.status, progress: c.progress });
      progress.done += c.progress.done;
      progress.failed += c.progress.failed;
      progress.skipped += c.progress.skipped;
    }
  } else if (Array.isArray(p.children)) out.children = p.children.map((c) => ({ id: c }));
  if (st.output !== undefined && st.output !== null) out.summary = st.output;
  if (p.error && out.status !== 'complete') out.error = { name: p.error.name, message: p.error.message };
  else if (st.error) out.error = typeof st.error === 'string' ? { name: 'Error', message: st.error } : { name: st.error.name ?? 'Error', message: st.error.message ?? String(st.error) };
  return out;
}

/**
 * pause, resume or cancel (terminate) a job's instance and its children.
 * Resolves to the job's status after the change.
 */
export async function jobControl({ workflow, bucket }, id, action) {
  const verb = { pause: 'pause', resume: 'resume', cancel: 'terminate' }[action];
  if (!verb) throw core.invalid('action', "must be 'pause', 'resume' or 'cancel'");
  const obj = await bucket.get(keys.progress(id));
  const children = obj ? ((await obj.json()).children ?? []) : [];
  // The parent first, so it does not restart a child cancelled under it.
  for (const target of [id, ...children]) {
    try {
      await (await workflow.get(target))[verb]();
    } catch (e) {
      if (target === id) throw e;
      // A child already ended: nothing to pause, resume or cancel.
    }
  }
  return jobStatus({ workflow, bucket }, id);
}

/** The export's parts, concatenated in order, as one stream (null until the status lists any). */
export async function exportStream({ workflow, bucket }, id) {
  const { exports } = await jobStatus({ workflow, bucket }, id);
  if (!exports.length) return null;
  const parts = exports.map((e) => e.key);
  let i = 0;
  return new ReadableStream({
    async pull(controller) {
      if (i >= parts.length) return controller.close();
      const obj = await bucket.get(parts[i++]);
      if (obj) controller.enqueue(new Uint8Array(await obj.arrayBuffer()));
    },
  });
}
