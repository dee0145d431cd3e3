// The Jobs page: exports and bulk actions over a filter that run in the
// Worker's Workflow (idp-users/workflows), not in this page. The page starts
// a job, watches the jobs it started (polling the Worker), pauses, resumes
// and cancels them, and downloads a finished export. Closing the page
// changes nothing: the jobs go on, and the list is there on the next visit.
import { useEffect, useState } from 'preact/hooks';
import { getClients } from './clients.js';
import { saveFile } from './csv.js';
import { oneLine } from './errors.js';
import { plural } from './format.js';
import { useAsync } from './hooks.js';
import { LIST_LIMIT, controlJob, downloadJob, listJobs, startJob } from './jobsApi.js';
import { PROVIDERS } from './providers.js';
import { ActionDialog, ErrorBox, Field, Loading, Progress, When } from './ui.jsx';

/** States in which a job still moves (the list is polled faster while one is). */
const ACTIVE = new Set(['queued', 'running', 'waiting', 'waitingForPause']);
/** Workflows' status names, as the badge says them. */
const STATE_LABEL = { waitingForPause: 'pausing', terminated: 'cancelled' };
/** States in which a job has ended. */
const ENDED = new Set(['complete', 'errored', 'terminated']);
const POLL_ACTIVE_MS = 1000;
const POLL_IDLE_MS = 5000;

const EXPORTS = [
  { key: 'export-ndjson', label: 'Export (NDJSON)', format: 'ndjson' },
  { key: 'export-csv', label: 'Export (CSV)', format: 'csv' },
];

/** The job's action choices for a provider: the exports, then its bulk actions. */
function actionsOf(provider) {
  return [...EXPORTS, ...PROVIDERS[provider].jobActions.map((a) => ({ ...a, key: a.type }))];
}

const emptyDraft = (provider) => ({ provider, action: 'export-ndjson', filters: PROVIDERS[provider].emptyFilters });

/** The job JSON (idp-users/jobs) for the form's draft. */
export function jobOf(draft) {
  const P = PROVIDERS[draft.provider];
  const picked = Object.fromEntries(P.jobFilters.map((name) => [name, draft.filters[name]]));
  const choice = actionsOf(draft.provider).find((a) => a.key === draft.action);
  // No pacing: the Workflow paces every request to a credential, whichever
  // job sends it, at the rate the Worker gives defineUsersJob.
  return {
    provider: draft.provider,
    select: { filters: P.params(picked) },
    action: choice.format ? { type: 'export', format: choice.format } : { type: choice.type },
  };
}

/** `email_address_query: ann, banned: true`, or “every user”. */
function filtersText(filters) {
  const entries = Object.entries(filters ?? {});
  if (entries.length === 0) return 'every user (no filter)';
  return entries.map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`).join(' · ');
}

/** `Clerk · Export (CSV)`, `Kinde · Suspend`. */
function jobTitle(job) {
  const P = PROVIDERS[job?.provider];
  if (!P) return 'Job';
  const action = job.action ?? {};
  if (action.type === 'export') return `${P.label} · Export (${(action.format ?? 'ndjson').toUpperCase()})`;
  const known = P.jobActions.find((a) => a.type === action.type);
  return `${P.label} · ${known?.label ?? action.type}`;
}

/** The form of a new job. */
function NewJob({ onStarted }) {
  const [draft, setDraft] = useState(() => emptyDraft('clerk'));
  const [confirm, setConfirm] = useState(null); // the job waiting for its confirmation
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const P = PROVIDERS[draft.provider];
  const choice = actionsOf(draft.provider).find((a) => a.key === draft.action);
  const setFilter = (name, value) => setDraft({ ...draft, filters: { ...draft.filters, [name]: value } });

  async function submit(event) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const job = jobOf(draft);
    if (job.action.type !== 'export') {
      setConfirm({ job, choice });
      return;
    }
    setBusy(true);
    try {
      const { id } = await startJob(job);
      onStarted(id, `Started ${jobTitle(job)} of ${filtersText(job.select.filters)} (${id}).`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h3 class="section-title">New job</h3>
      <form class="filters job-form" onSubmit={submit} aria-label="New job" aria-busy={busy}>
        <Field label="Provider">
          <select name="provider" value={draft.provider} onChange={(e) => setDraft(emptyDraft(e.currentTarget.value))}>
            <option value="kinde">Kinde</option>
            <option value="clerk">Clerk</option>
          </select>
        </Field>
        <Field label="Action">
          <select name="action" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}>
            {actionsOf(draft.provider).map((a) => (
              <option key={a.key} value={a.key}>
                {a.label}
              </option>
            ))}
          </select>
        </Field>
        {P.filters
          .filter((f) => P.jobFilters.includes(f.name))
          .map((f) => (
            <Field key={f.name} label={f.label}>
              {f.choices ? (
                <select name={f.name} value={draft.filters[f.name]} onChange={(e) => setFilter(f.name, e.currentTarget.value)}>
                  {f.choices.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              ) : (
                <input type="search" name={f.name} placeholder={f.hint} value={draft.filters[f.name]} onInput={(e) => setFilter(f.name, e.currentTarget.value)} />
              )}
            </Field>
          ))}
        <div class="filter-buttons">
          <button type="submit" class={choice?.danger ? 'primary danger' : 'primary'} disabled={busy}>
            {busy ? 'Starting…' : choice?.format ? 'Start export' : `${choice?.label} matching users…`}
          </button>
        </div>
      </form>
      <ErrorBox error={error} onDismiss={() => setError(null)} />
      {confirm && (
        <ActionDialog
          title={`${confirm.choice.label} every ${PROVIDERS[confirm.job.provider].label} user matching these filters?`}
          confirmLabel={`Start: ${confirm.choice.label.toLowerCase()} them`}
          danger={!!confirm.choice.danger}
          onClose={() => setConfirm(null)}
          onConfirm={async () => {
            const { id } = await startJob(confirm.job);
            return { id, message: `Started ${jobTitle(confirm.job)} of ${filtersText(confirm.job.select.filters)} (${id}).` };
          }}
          onDone={({ id, message }) => onStarted(id, message)}
        >
          <MatchCount job={confirm.job} />
          <p>
            The Worker’s Workflow lists the matching users, then each one is {confirm.choice.verb}
            {confirm.choice.danger ? ', which cannot be undone' : ''}. It goes on when you close this page; pause or cancel it from the list.
          </p>
        </ActionDialog>
      )}
    </>
  );
}

/** How many users a job's filters match now (Clerk counts; Kinde's API does not). */
function MatchCount({ job }) {
  const api = getClients()[job.provider];
  const count = useAsync((signal) => (job.provider === 'clerk' ? api.getUsersCount(job.select.filters, { signal }) : null), [job]);
  return (
    <p class="match-count">
      Filters: <strong>{filtersText(job.select.filters)}</strong>
      <br />
      {job.provider !== 'clerk' && <span class="muted">Kinde’s API gives no count: the job lists the matching users first.</span>}
      {job.provider === 'clerk' && count.status === 'loading' && <span class="muted">Counting…</span>}
      {job.provider === 'clerk' && count.status === 'ok' && <span>
          {plural(count.data.total_count, 'user')} {count.data.total_count === 1 ? 'matches' : 'match'} now.
        </span>}
      {job.provider === 'clerk' && count.status === 'error' && <span class="muted">The count failed ({oneLine(count.error)}).</span>}
    </p>
  );
}

/** A job's progress as words: `Banned: 120 of 250, 2 failed, 1 skipped`. */
function progressText(job, progress, ended) {
  const { done = 0, failed = 0, skipped = 0, total } = progress ?? {};
  const type = job?.action?.type;
  const verb = type === 'export' ? 'exported' : (PROVIDERS[job?.provider]?.jobActions.find((a) => a.type === type)?.verb ?? 'done');
  const count = typeof total === 'number' ? `${done} of ${total}` : ended ? `${done}` : `${done} so far`;
  const parts = [`${verb[0].toUpperCase()}${verb.slice(1)}: ${count}`];
  if (failed > 0) parts.push(`${failed} failed`);
  if (skipped > 0) parts.push(`${skipped} skipped`);
  return parts.join(', ');
}

/**
 * The job's own error ({ name, message, kind? } from jobStatus): the
 * Workflow's words, not the page's, with what to do (the ErrorBox look).
 */
function JobError({ error, state }) {
  if (!error) return null;
  return (
    <div class="error" role="alert" data-source="job">
      <p class="error-title">
        <strong>{state === 'errored' ? 'The job stopped with an error' : 'The job reported an error'}</strong>
      </p>
      <p>
        {error.name && error.name !== 'Error' && <code>{error.name}</code>} {error.message}
      </p>
      <p class="advice">
        <strong>What to do:</strong> fix what the message names (the filter, the provider’s credentials in the Worker’s vars), then start the job again from the form.
      </p>
    </div>
  );
}

function JobCard({ entry, onChanged }) {
  const { id, created, job } = entry;
  const status = entry.status ?? {};
  const state = status.status ?? 'unknown';
  const progress = status.progress ?? {};
  const isExport = job?.action?.type === 'export';
  const [busy, setBusy] = useState(null); // the verb in flight
  const [error, setError] = useState(null);
  const [cancelling, setCancelling] = useState(false);

  async function run(verb, fn) {
    setBusy(verb);
    setError(null);
    try {
      await fn();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }
  const control = (verb) => run(verb, () => controlJob(id, verb));
  const download = () =>
    run('download', async () => {
      const { blob, name } = await downloadJob(id);
      const url = URL.createObjectURL(blob);
      saveFile(url, name);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });

  const settled = (status.progress?.done ?? 0) + (status.progress?.failed ?? 0) + (status.progress?.skipped ?? 0);
  const failures = status.summary?.failures ?? [];
  // An ended job's bar stands still (full when complete, where it stopped
  // otherwise); a running one without a total yet moves without one.
  const barTotal = state === 'complete' ? 1 : ENDED.has(state) ? Math.max(progress.total ?? settled, 1) : progress.total;
  return (
    <li class="card job" data-job-id={id} data-status={state} aria-busy={ACTIVE.has(state)}>
      <header class="card-head">
        <h3>{jobTitle(job)}</h3>
        <span class={`badge badge-job badge-job-${state}`}>{STATE_LABEL[state] ?? state}</span>
      </header>
      <p class="job-meta small">
        <span>{filtersText(job?.select?.filters)}</span>
        <span class="muted">
          started <When value={created} />
        </span>
        <code class="job-id">{id}</code>
      </p>
      <Progress
        label={`${progressText(job, progress, ENDED.has(state))}${isExport && status.exports?.length ? ` · ${plural(status.exports.length, 'part')}` : ''}`}
        done={state === 'complete' ? 1 : settled}
        total={barTotal}
      />
      <JobError error={status.error} state={state} />
      {failures.length > 0 && (
        <ul class="job-failures small">
          {failures.slice(0, 5).map((f, i) => (
            <li key={i}>
              <code>{f.item}</code> {f.error?.message ?? ''}
            </li>
          ))}
          {failures.length > 5 && <li class="muted">and {failures.length - 5} more</li>}
        </ul>
      )}
      <ErrorBox error={error} compact onDismiss={() => setError(null)} />
      <div class="actions job-actions">
        {ACTIVE.has(state) && state !== 'waitingForPause' && (
          <button type="button" onClick={() => control('pause')} disabled={!!busy}>
            {busy === 'pause' ? 'Pausing…' : 'Pause'}
          </button>
        )}
        {state === 'paused' && (
          <button type="button" onClick={() => control('resume')} disabled={!!busy}>
            {busy === 'resume' ? 'Resuming…' : 'Resume'}
          </button>
        )}
        {(ACTIVE.has(state) || state === 'paused') && (
          <button type="button" class="danger" onClick={() => setCancelling(true)} disabled={!!busy}>
            Cancel job
          </button>
        )}
        {isExport && state === 'complete' && (
          <button type="button" class="primary" onClick={download} disabled={!!busy}>
            {busy === 'download' ? 'Downloading…' : `Download ${(job.action.format ?? 'ndjson').toUpperCase()}`}
          </button>
        )}
      </div>
      {cancelling && (
        <ActionDialog
          title="Cancel this job?"
          confirmLabel="Cancel job"
          danger
          onClose={() => setCancelling(false)}
          onConfirm={async () => {
            await controlJob(id, 'cancel');
            onChanged();
          }}
        >
          <p>
            {jobTitle(job)} of {filtersText(job?.select?.filters)} stops after the users in flight; what is done stays done. A cancelled job cannot be resumed.
          </p>
        </ActionDialog>
      )}
    </li>
  );
}

/** The jobs this console started, polled while one of them moves. */
function useJobs() {
  const [state, setState] = useState({ jobs: null, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    let timer = null;
    const load = async () => {
      let next = POLL_IDLE_MS;
      try {
        const jobs = await listJobs(controller.signal);
        if (controller.signal.aborted) return;
        setState({ jobs, error: null });
        if (jobs.some((j) => ACTIVE.has(j.status?.status))) next = POLL_ACTIVE_MS;
      } catch (error) {
        if (controller.signal.aborted) return;
        setState((s) => ({ jobs: s.jobs, error }));
      }
      timer = setTimeout(load, next);
    };
    load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [tick]);
  return { ...state, refresh: () => setTick((t) => t + 1) };
}

export function Jobs({ notify }) {
  const jobs = useJobs();
  return (
    <div class="jobs-page">
      <div class="page-head">
        <h2>Jobs</h2>
      </div>
      <p class="lead">
        An export or a bulk action over every user matching a filter, run by the Worker’s Workflow: one page or batch of users per step, every request paced
        per provider credential for all jobs at once. A job goes on when this page is closed.
      </p>
      <NewJob
        onStarted={(id, message) => {
          notify(message);
          jobs.refresh();
        }}
      />
      <section class="jobs-list" aria-label="Jobs started from this console">
        <h3 class="section-title">Jobs started here</h3>
        {jobs.error && <ErrorBox error={jobs.error} compact />}
        {jobs.jobs === null && !jobs.error && <Loading what="jobs" />}
        {jobs.jobs?.length === 0 && <p class="empty">No job yet: start one above.</p>}
        {jobs.jobs?.length > 0 && (
          <ul class="jobs">
            {jobs.jobs.map((entry) => (
              <JobCard key={entry.id} entry={entry} onChanged={jobs.refresh} />
            ))}
          </ul>
        )}
        {jobs.jobs?.length >= LIST_LIMIT && <p class="muted small">The {LIST_LIMIT} newest jobs.</p>}
      </section>
    </div>
  );
}
