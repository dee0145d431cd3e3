// The users list page: filters, server-side paging, totals, selection with
// bulk actions, the CSV export and "New user". The bulk and export runs
// themselves are in userListRuns.jsx; one user's page is ClerkUser.jsx or
// KindeUser.jsx (their frame: userDetail.jsx).
import { useEffect, useState } from 'preact/hooks';
import { plural } from './format.js';
import { useAsync } from './hooks.js';
import { PROVIDERS } from './providers.js';
import { ActionDialog, ErrorBox, Field, Flags, Loading } from './ui.jsx';
import { CreateUserFields, createUser, validateNewUser } from './createUser.jsx';
import { BulkPanel, ExportPanel, useBulkRun, useExportRun } from './userListRuns.jsx';

// The list's filters and position per provider, kept while the person
// visits a user and comes back.
const saved = {};
const PAGE_SIZES = [10, 25, 50, 100];

export function UserList({ provider, api, navigate, notify }) {
  const P = PROVIDERS[provider];
  const init = saved[provider] ?? { filters: P.emptyFilters, pageSize: 10, cursors: [null], page: 0 };
  const [draft, setDraft] = useState(init.filters);
  const [filters, setFilters] = useState(init.filters);
  const [pageSize, setPageSize] = useState(init.pageSize);
  const [cursors, setCursors] = useState(init.cursors);
  const [page, setPage] = useState(init.page);
  const [selected, setSelected] = useState(() => new Set());
  const [dialog, setDialog] = useState(null); // 'create' | bulk action
  const bulkRunner = useBulkRun(api);
  const exportRunner = useExportRun(api, provider);
  const bulkRun = bulkRunner.run;
  const exportRun = exportRunner.run;

  useEffect(() => {
    saved[provider] = { filters, pageSize, cursors, page };
  }, [provider, filters, pageSize, cursors, page]);

  const cursor = cursors[page] ?? null;
  const list = useAsync((signal) => P.page(api, filters, pageSize, cursor, signal), [provider, filters, pageSize, page, cursor]);
  const rows = list.data?.rows ?? [];
  useEffect(() => setSelected(new Set()), [provider, filters, pageSize, page]);

  function apply(event) {
    event.preventDefault();
    setFilters({ ...draft });
    setCursors([null]);
    setPage(0);
  }
  function reset() {
    setDraft(P.emptyFilters);
    setFilters(P.emptyFilters);
    setCursors([null]);
    setPage(0);
  }
  function next() {
    if (list.data?.next == null) return;
    setCursors((c) => [...c.slice(0, page + 1), list.data.next]);
    setPage(page + 1);
  }
  function toggle(id) {
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  }
  const allChecked = rows.length > 0 && rows.every((r) => selected.has(r.id));
  function toggleAll() {
    setSelected(allChecked ? new Set() : new Set(rows.map((r) => r.id)));
  }

  function startBulk(action) {
    const items = rows.filter((r) => selected.has(r.id)).map((r) => ({ id: r.id, name: r.name, email: r.email }));
    bulkRunner.start(action, items, () => {
      setSelected(new Set());
      list.reload();
    });
  }

  const offset = typeof cursor === 'number' ? cursor : 0;
  const total = list.data?.total;
  const note = P.filterNote(filters);
  const bulkBusy = bulkRun && !bulkRun.results && !bulkRun.error;
  const selectedRows = rows.filter((r) => selected.has(r.id));

  return (
    <div class="users-page">
      <div class="page-head">
        <h2>{P.label} users</h2>
        <div class="toolbar">
          <button type="button" class="primary" onClick={() => setDialog('create')}>
            New user
          </button>
          <button type="button" onClick={() => exportRunner.start(filters)} disabled={exportRun?.state === 'running'}>
            Export CSV
          </button>
        </div>
      </div>

      <form class="filters" onSubmit={apply} aria-label={`Filter ${P.label} users`}>
        {P.filters.map((f) => (
          <Field key={f.name} label={f.label}>
            {f.choices ? (
              <select name={f.name} value={draft[f.name]} onChange={(e) => setDraft({ ...draft, [f.name]: e.currentTarget.value })}>
                {f.choices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            ) : (
              <input type="search" name={f.name} placeholder={f.hint} value={draft[f.name]} onInput={(e) => setDraft({ ...draft, [f.name]: e.currentTarget.value })} />
            )}
          </Field>
        ))}
        <div class="filter-buttons">
          <button type="submit" class="primary">
            Apply filters
          </button>
          <button type="button" onClick={reset}>
            Clear
          </button>
        </div>
      </form>
      {note && <p class="note">{note}</p>}

      {exportRun && <ExportPanel run={exportRun} onCancel={exportRunner.cancel} onClose={exportRunner.close} />}
      {bulkRun && <BulkPanel run={bulkRun} onCancel={bulkRunner.cancel} onClose={bulkRunner.close} />}

      <div class="bulk-bar" aria-label="Actions on selected users" role="group">
        <span>{selected.size > 0 ? `${plural(selected.size, 'user')} selected` : 'Select users to act on several at once'}</span>
        {P.bulkActions.map((a) => (
          <button key={a.key} type="button" class={a.danger ? 'danger' : ''} disabled={selected.size === 0 || bulkBusy} onClick={() => setDialog(a)}>
            {a.label} selected
          </button>
        ))}
      </div>

      <div class="table-wrap" aria-busy={list.status === 'loading'}>
        {list.status === 'error' && (
          <>
            <ErrorBox error={list.error} />
            <button type="button" onClick={list.reload}>
              Try again
            </button>
          </>
        )}
        {list.status === 'loading' && <Loading what="users" />}
        {list.status === 'ok' && rows.length === 0 && <p class="empty">No user matches these filters.</p>}
        {list.status === 'ok' && rows.length > 0 && (
          <table class="users">
            <caption class="sr-only">{P.label} users, page {page + 1}</caption>
            <thead>
              <tr>
                <th scope="col" class="check">
                  <label class="select-all">
                    <input type="checkbox" checked={allChecked} onChange={toggleAll} aria-label="Select every user on this page" />
                    <span class="select-all-text" aria-hidden="true">
                      Select all on this page
                    </span>
                  </label>
                </th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Username</th>
                <th scope="col">Phone</th>
                <th scope="col">Status</th>
                <th scope="col">Created (UTC)</th>
                <th scope="col">Last sign-in (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} class={selected.has(r.id) ? 'selected' : ''} data-user-id={r.id}>
                  <td class="check">
                    <input type="checkbox" checked={selected.has(r.id)} onChange={() => toggle(r.id)} aria-label={`Select ${r.name}`} />
                  </td>
                  <td>
                    <a href={`#/${provider}/users/${encodeURIComponent(r.id)}`}>{r.name}</a>
                    <div class="muted small">{r.id}</div>
                  </td>
                  <td data-label="Email">{r.email || '—'}</td>
                  <td data-label="Username">{r.username || '—'}</td>
                  <td data-label="Phone">{r.phone || '—'}</td>
                  <td data-label="Status">
                    <Flags flags={r.flags} />
                  </td>
                  <td data-label="Created (UTC)" class="nowrap">{r.created}</td>
                  <td data-label="Last sign-in (UTC)" class="nowrap">{r.lastSignIn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <nav class="pager" aria-label="Pages">
        <button type="button" onClick={() => setPage(page - 1)} disabled={page === 0 || list.status === 'loading'}>
          ← Previous
        </button>
        <span class="page-info" aria-live="polite">
          Page {page + 1}
          {list.status === 'ok' && rows.length > 0 && typeof total === 'number' && ` · users ${offset + 1}–${offset + rows.length} of ${total}`}
          {list.status === 'ok' && typeof total === 'number' && rows.length === 0 && ` · ${plural(total, 'user')}`}
          {P.totalNote && <span class="muted"> · {P.totalNote}</span>}
        </span>
        <button type="button" onClick={next} disabled={list.status !== 'ok' || list.data?.next == null}>
          Next →
        </button>
        <label class="page-size">
          Per page{' '}
          <select
            value={pageSize}
            onChange={(e) => {
              setPageSize(Number(e.currentTarget.value));
              setCursors([null]);
              setPage(0);
            }}
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </nav>

      {dialog === 'create' && (
        <ActionDialog
          title={`New ${P.label} user`}
          confirmLabel="Create user"
          onClose={() => setDialog(null)}
          validate={validateNewUser}
          onConfirm={(form) => createUser(provider, api, form)}
          onDone={({ id, message }) => {
            notify(message);
            navigate(`#/${provider}/users/${encodeURIComponent(id)}`);
          }}
        >
          <CreateUserFields provider={provider} />
        </ActionDialog>
      )}
      {dialog && dialog !== 'create' && (
        <ActionDialog
          title={`${dialog.label} ${plural(selectedRows.length, 'user')}?`}
          confirmLabel={`${dialog.label} ${plural(selectedRows.length, 'user')}`}
          danger={dialog.danger}
          onClose={() => setDialog(null)}
          onConfirm={async () => startBulk(dialog)}
        >
          <p>
            These users will be {dialog.verb}
            {dialog.danger ? ', which cannot be undone' : ''}:
          </p>
          <ul class="names">
            {selectedRows.map((r) => (
              <li key={r.id}>
                {r.name} <span class="muted">({r.email || r.id})</span>
              </li>
            ))}
          </ul>
        </ActionDialog>
      )}
    </div>
  );
}
