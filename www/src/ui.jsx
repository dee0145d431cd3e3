// Shared pieces: error and result notices, progress, the confirm dialog.
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from './errors.js';
import { fmtDate } from './format.js';

export function ErrorBox({ error, onDismiss, compact = false }) {
  if (!error) return null;
  const d = describeError(error);
  return (
    <div class="error" role="alert" data-kind={d.kind} data-source={d.source} data-status={d.status ?? ''}>
      <p class="error-title">
        <strong>{d.title}</strong>
        {onDismiss && (
          <button type="button" class="link dismiss" onClick={onDismiss} aria-label="Dismiss this error">
            ×
          </button>
        )}
      </p>
      {d.summary && <p>{d.summary}</p>}
      {d.messages.length > 0 && (
        <ul class="provider-messages">
          {d.messages.map((m, i) => (
            <li key={i}>
              {m.code && <code>{m.code}</code>} {m.message}
              {m.long && <span class="long"> — {m.long}</span>}
            </li>
          ))}
        </ul>
      )}
      <p class="advice">
        <strong>What to do:</strong> <Ticks text={d.advice} />
      </p>
      {!compact && d.facts.length > 0 && (
        <dl class="facts">
          {d.facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {!compact && d.body && <pre class="body">{d.body}</pre>}
    </div>
  );
}

/** Text with `code` spans. */
function Ticks({ text }) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function Notice({ text, onDismiss }) {
  if (!text) return null;
  return (
    <div class="notice" role="status">
      <span>{text}</span>
      {onDismiss && (
        <button type="button" class="link dismiss" onClick={onDismiss} aria-label="Dismiss this message">
          ×
        </button>
      )}
    </div>
  );
}

export function Loading({ what }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function Progress({ label, done, total }) {
  const known = typeof total === 'number' && total > 0;
  return (
    <div class="progress">
      <label>
        <span>{label}</span>
        {known ? (
          <progress max={total} value={done}>
            {done} / {total}
          </progress>
        ) : (
          <progress />
        )}
      </label>
    </div>
  );
}

/** A section that shows its loading state and its error without taking the page down. */
export function AsyncSection({ title, state, what, children, actions }) {
  return (
    <section class="card" aria-busy={state.status === 'loading'}>
      <header class="card-head">
        <h3>{title}</h3>
        {actions}
      </header>
      {state.status === 'loading' && <Loading what={what ?? title.toLowerCase()} />}
      {state.status === 'error' && (
        <>
          <ErrorBox error={state.error} compact />
          <button type="button" onClick={state.reload}>
            Try again
          </button>
        </>
      )}
      {state.status === 'ok' && children(state.data)}
    </section>
  );
}

/**
 * A modal confirmation, optionally with form fields. `onConfirm(form)` runs
 * the action and resolves to the message shown after it; a failure keeps
 * the dialog open with the error in words. Escape or Cancel closes it.
 */
export function ActionDialog({ title, children, confirmLabel = 'Confirm', danger = false, onConfirm, onClose, onDone, validate }) {
  const ref = useRef(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    const opener = document.activeElement;
    ref.current?.showModal();
    return () => {
      if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
    };
  }, []);
  async function submit(event) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    // Every attempt starts clean: the last attempt's error says nothing
    // about this one, whether it is refused here or sent.
    setError(null);
    const invalid = validate?.(form);
    if (invalid) {
      setProblem(invalid);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const message = await onConfirm(form);
      onDone?.(message);
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }
  return (
    <dialog
      ref={ref}
      class={danger ? 'danger' : ''}
      aria-labelledby="dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <h2 id="dialog-title">{title}</h2>
        <div class="dialog-body">{children}</div>
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
        <ErrorBox error={error} />
        <div class="dialog-buttons">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" class={danger ? 'primary danger' : 'primary'} disabled={busy} autofocus={!children}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** A form field's value, trimmed ('' when the form has no such field). */
export const val = (form, name) => (form.elements.namedItem(name)?.value ?? '').trim();

/** A card with a heading. */
export function Card({ title, extraClass, children }) {
  return (
    <section class={extraClass ? `card ${extraClass}` : 'card'}>
      <header class="card-head">
        <h3>{title}</h3>
      </header>
      {children}
    </section>
  );
}

/**
 * A date as fmtDate writes it (`2026-01-07 12:00`) that a narrow column
 * wraps between the day and the time, never at a hyphen of the day.
 */
export function When({ value }) {
  const text = fmtDate(value);
  const m = /^(\S+) (\S+)$/.exec(text);
  if (!m) return text;
  return (
    <>
      <span class="nowrap">{m[1]}</span> <span class="nowrap">{m[2]}</span>
    </>
  );
}

/** Label and value pairs, as `[label, value]`. */
export function Props({ items }) {
  return (
    <dl class="props">
      {items.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * A table with column headings; `action` adds a last column for buttons. It
 * scrolls sideways inside its own box when the card is narrower (a phone).
 */
export function Table({ head, action = false, children }) {
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
            {action && (
              <th scope="col">
                <span class="sr-only">Action</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * An AsyncSection that lists `items(data)` (the data itself by default) in a
 * Table, one `row(item)` each, or says `empty` when there is none.
 */
export function ListSection({ title, state, items = (data) => data, empty, head, action, row }) {
  return (
    <AsyncSection title={title} state={state}>
      {(data) => {
        const list = items(data);
        return list.length === 0 ? (
          <p class="empty">{empty}</p>
        ) : (
          <Table head={head} action={action}>
            {list.map(row)}
          </Table>
        );
      }}
    </AsyncSection>
  );
}

export function Field({ label, hint, children }) {
  return (
    <label class="field">
      <span class="field-label">
        {label}
        {hint && <small> ({hint})</small>}
      </span>
      {children}
    </label>
  );
}

export function Flags({ flags }) {
  if (!flags?.length) return <span class="muted">active</span>;
  return flags.map((f) => (
    <span key={f} class={`badge badge-${f}`}>
      {f}
    </span>
  ));
}
