// One place that asks for confirmation, runs an action and reports its
// result: pages call `ask(action)` with
//   { title, label?, confirm?, danger?, body?, validate?(form), run(form) → message,
//     after?(message), reload? (false: do not reload the page's data afterwards) }.
import { useState } from 'preact/hooks';
import { ActionDialog } from './ui.jsx';

export function useActions(notify, afterEach) {
  const [open, setOpen] = useState(null);
  const dialog = open && (
    <ActionDialog
      title={open.title}
      confirmLabel={open.confirm ?? open.label ?? 'Confirm'}
      danger={open.danger}
      validate={open.validate}
      onClose={() => setOpen(null)}
      onConfirm={open.run}
      onDone={(message) => {
        notify(message);
        open.after?.(message);
        if (open.reload !== false) afterEach?.();
      }}
    >
      {open.body}
    </ActionDialog>
  );
  return [setOpen, dialog];
}

/** A row of action buttons; each opens its confirmation. */
export function ActionBar({ actions, ask, label = 'Actions' }) {
  return (
    <div class="actions" role="group" aria-label={label}>
      {actions.filter(Boolean).map((a) => (
        <button key={a.label} type="button" class={a.danger ? 'danger' : ''} onClick={() => ask(a)}>
          {a.label}
        </button>
      ))}
    </div>
  );
}
