// The long runs of the users list: a bulk action over the selected users
// (with `bulk` from idp-users) and the CSV export of every user matching the
// filters, each cancellable, with its progress panel.
import { useEffect, useRef, useState } from 'preact/hooks';
import { bulk } from 'idp-users';
import { csvLine, saveFile } from './csv.js';
import { isAbort, oneLine } from './errors.js';
import { plural } from './format.js';
import { useMounted } from './hooks.js';
import { PROVIDERS } from './providers.js';
import { ErrorBox, Progress } from './ui.jsx';

/**
 * A bulk action's run: `start(action, items, onFinished)` runs
 * `action.run` over the items (four at a time) and calls `onFinished` once
 * every item has its result; `cancel` aborts the run, `close` aborts it and
 * drops its panel. Leaving the page aborts it.
 */
export function useBulkRun(api) {
  const [bulkRun, setBulkRun] = useState(null);
  const mounted = useMounted();
  const bulkAbort = useRef(null);
  useEffect(() => () => bulkAbort.current?.abort(), []);

  function start(action, items, onFinished) {
    const controller = new AbortController();
    bulkAbort.current = controller;
    setBulkRun({ action, items, done: 0, failed: 0, total: items.length, results: null, error: null });
    bulk(items, (item, { signal }) => action.run(api, item.id, signal), {
      concurrency: 4,
      signal: controller.signal,
      onProgress: ({ done, failed, total }) => mounted.current && setBulkRun((b) => b && { ...b, done, failed, total }),
    }).then(
      (results) => {
        if (!mounted.current) return;
        setBulkRun((b) => b && { ...b, results });
        onFinished();
      },
      (error) => mounted.current && setBulkRun((b) => b && { ...b, error }),
    );
  }

  return {
    run: bulkRun,
    start,
    cancel: () => bulkAbort.current?.abort(),
    close: () => {
      bulkAbort.current?.abort();
      setBulkRun(null);
    },
  };
}

/**
 * The CSV export's run: `start(filters)` reads every matching user (with
 * the total first, where the provider counts) and downloads the file;
 * `cancel` aborts it (nothing is downloaded), `close` drops its panel.
 * Leaving the page aborts it and releases the file.
 */
export function useExportRun(api, provider) {
  const P = PROVIDERS[provider];
  const [exportRun, setExportRun] = useState(null);
  const mounted = useMounted();
  const exportAbort = useRef(null);
  const downloadUrl = useRef(null);
  useEffect(
    () => () => {
      exportAbort.current?.abort();
      if (downloadUrl.current) URL.revokeObjectURL(downloadUrl.current);
    },
    [],
  );

  async function start(filters) {
    exportAbort.current?.abort();
    const controller = new AbortController();
    exportAbort.current = controller;
    const applied = filters;
    let done = 0;
    setExportRun({ done: 0, total: null, state: 'running' });
    try {
      const total = P.count ? await P.count(api, applied, controller.signal) : null;
      if (mounted.current) setExportRun({ done, total, state: 'running' });
      const parts = [csvLine(P.csvHeader)];
      for await (const row of P.all(api, applied, controller.signal)) {
        parts.push(csvLine(P.csvRow(row)));
        done += 1;
        if (done % 25 === 0 && mounted.current) setExportRun({ done, total, state: 'running' });
      }
      if (!mounted.current) return;
      if (downloadUrl.current) URL.revokeObjectURL(downloadUrl.current);
      const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
      downloadUrl.current = url;
      const name = `${provider}-users-${new Date().toISOString().slice(0, 10)}.csv`;
      setExportRun({ done, total, state: 'done', url, name });
      saveFile(url, name);
    } catch (error) {
      if (!mounted.current) return;
      setExportRun(isAbort(error) ? { done, state: 'cancelled' } : { done, state: 'failed', error });
    } finally {
      if (exportAbort.current === controller) exportAbort.current = null;
    }
  }

  return { run: exportRun, start, cancel: () => exportAbort.current?.abort(), close: () => setExportRun(null) };
}

export function BulkPanel({ run, onCancel, onClose }) {
  const finished = !!run.results;
  const ok = run.results?.filter((r) => r.ok).length ?? 0;
  return (
    <section class="card bulk-panel" aria-label="Bulk action" aria-busy={!finished && !run.error}>
      <header class="card-head">
        <h3>
          {run.action.label}: {finished ? `${ok} of ${run.total} ${run.action.verb}` : `${run.done} of ${run.total} done`}
          {run.failed > 0 && `, ${run.failed} failed`}
        </h3>
        {finished || run.error ? (
          <button type="button" onClick={onClose}>
            Close results
          </button>
        ) : (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </header>
      <Progress label={`${run.action.label} progress`} done={run.done} total={run.total} />
      <ErrorBox error={run.error} />
      {finished && (
        <div class="table-scroll">
          <table class="results">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {run.results.map((r) => (
                <tr key={r.item.id} class={r.ok ? 'ok' : 'failed'}>
                  <td>
                    {r.item.name} <span class="muted small">{r.item.id}</span>
                  </td>
                  <td>{r.ok ? `✓ ${run.action.verb}` : `✗ ${oneLine(r.error)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ExportPanel({ run, onCancel, onClose }) {
  return (
    <section class="card export-panel" aria-label="CSV export" aria-busy={run.state === 'running'}>
      <header class="card-head">
        <h3>
          {run.state === 'running' && `Exporting… ${plural(run.done, 'user')}${typeof run.total === 'number' ? ` of ${run.total}` : ''}`}
          {run.state === 'done' && `Exported ${plural(run.done, 'user')}`}
          {run.state === 'cancelled' && `Export cancelled after ${plural(run.done, 'user')}: nothing was downloaded`}
          {run.state === 'failed' && `Export failed after ${plural(run.done, 'user')}`}
        </h3>
        {run.state === 'running' ? (
          <button type="button" onClick={onCancel}>
            Cancel export
          </button>
        ) : (
          <button type="button" onClick={onClose}>
            Close export
          </button>
        )}
      </header>
      {run.state === 'running' && <Progress label="Export progress" done={run.done} total={run.total} />}
      {run.state === 'done' && (
        <p>
          <a href={run.url} download={run.name}>
            Download {run.name} again
          </a>
        </p>
      )}
      {run.state === 'failed' && <ErrorBox error={run.error} />}
    </section>
  );
}
