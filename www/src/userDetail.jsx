// The frame of a provider's user page (ClerkUser, KindeUser): loading and
// error states, the back link, the heading with avatar and actions.
import { ActionBar } from './actions.jsx';
import { ErrorBox, Field, Loading, val } from './ui.jsx';

/** The first `limit` items of an async iterable (a paginated listing). */
export async function collect(iterable, limit = 1000) {
  const out = [];
  for await (const x of iterable) {
    out.push(x);
    if (out.length >= limit) break;
  }
  return out;
}

/** What to show instead of the page while `user` loads or after it failed; null once it is there. */
export function userNotReady(user, provider, href) {
  if (user.status === 'loading' && !user.data) return <Loading what="the user" />;
  if (user.status === 'error') {
    return (
      <>
        <ErrorBox error={user.error} />
        <p>
          <button type="button" onClick={user.reload}>
            Try again
          </button>{' '}
          <a href={href}>Back to the {provider} users</a>
        </p>
      </>
    );
  }
  return null;
}

/** The page: back link, avatar, name, id · email and badges, the actions, then `children` in a grid. */
export function UserPage({ provider, href, avatar, name, id, email, badges, actions, ask, dialog, children }) {
  return (
    <div class="user-page">
      <p>
        <a href={href}>← {provider} users</a>
      </p>
      <div class="user-head">
        {avatar}
        <div>
          <h2>{name}</h2>
          <p class="muted">
            {id} · {email ?? 'no email'} {badges}
          </p>
        </div>
      </div>
      <ActionBar actions={actions} ask={ask} />
      {dialog}

      <div class="grid">{children}</div>
    </div>
  );
}

/**
 * The Edit action: a field per `[label, name, current value, hint?]`; saves
 * (with `save(body)`) only the fields that changed, an emptied one as `emptyAs`.
 */
export function editAction(name, fields, save, emptyAs) {
  return {
    label: 'Edit',
    title: `Edit ${name}`,
    confirm: 'Save',
    body: (
      <>
        {fields.map(([label, field, old, hint], i) => (
          <Field key={field} label={label} hint={hint}>
            <input name={field} defaultValue={old ?? ''} autofocus={i === 0} />
          </Field>
        ))}
      </>
    ),
    run: async (form) => {
      const body = {};
      for (const [, field, old] of fields) {
        const now = val(form, field);
        if (now !== (old ?? '')) body[field] = now === '' ? emptyAs : now;
      }
      if (Object.keys(body).length === 0) return 'Nothing changed.';
      await save(body);
      return `Saved ${Object.keys(body).join(', ')} of ${name}.`;
    },
  };
}

/** The new-password input of a Set password action. */
export function NewPasswordField() {
  return (
    <Field label="New password" hint="8 characters or more">
      <input name="password" type="password" autocomplete="new-password" minLength={8} required autofocus />
    </Field>
  );
}
