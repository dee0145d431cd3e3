// A Kinde user: profile, identities, sessions, MFA, properties, actions.
import { ActionBar, useActions } from './actions.jsx';
import { Avatar } from './Avatar.jsx';
import { dash, fmtDate, fullName } from './format.js';
import { useAsync } from './hooks.js';
import { AsyncSection, ErrorBox, Field, Loading } from './ui.jsx';

const val = (form, name) => (form.elements.namedItem(name)?.value ?? '').trim();
const hex = (bytes) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Kinde takes a password hash: a salted SHA-256, computed in this page. */
async function hashPassword(password) {
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(salt + password));
  return { hashed_password: hex(digest), hashing_method: 'sha256', salt, salt_position: 'prefix' };
}

async function collect(iterable, limit = 1000) {
  const out = [];
  for await (const x of iterable) {
    out.push(x);
    if (out.length >= limit) break;
  }
  return out;
}

export function KindeUser({ api, id, navigate, notify }) {
  const user = useAsync((signal) => api.getUserData(id, { expand: 'organizations,billing' }, { signal }), [id]);
  const identities = useAsync((signal) => collect(api.getUserIdentities(id, {}, { signal })), [id]);
  const sessions = useAsync((signal) => api.getUserSessions(id, { signal }), [id]);
  const mfa = useAsync((signal) => api.getUsersMfa(id, { signal }), [id]);
  const properties = useAsync((signal) => api.getUserPropertyValues(id, { signal }), [id]);
  const reloadAll = () => [user, identities, sessions, mfa, properties].forEach((s) => s.reload());
  const [ask, dialog] = useActions(notify, reloadAll);

  if (user.status === 'loading' && !user.data) return <Loading what="the user" />;
  if (user.status === 'error') {
    return (
      <>
        <ErrorBox error={user.error} />
        <p>
          <button type="button" onClick={user.reload}>
            Try again
          </button>{' '}
          <a href="#/kinde">Back to the Kinde users</a>
        </p>
      </>
    );
  }
  const u = user.data;
  const name = fullName(u.first_name, u.last_name);

  const actions = [
    {
      label: 'Edit',
      title: `Edit ${name}`,
      confirm: 'Save',
      body: (
        <>
          <Field label="First name">
            <input name="given_name" defaultValue={u.first_name ?? ''} autofocus />
          </Field>
          <Field label="Last name">
            <input name="family_name" defaultValue={u.last_name ?? ''} />
          </Field>
          <Field label="Your id for the user" hint="provided_id">
            <input name="provided_id" defaultValue={u.provided_id ?? ''} />
          </Field>
        </>
      ),
      run: async (form) => {
        const body = {};
        for (const [field, old] of [
          ['given_name', u.first_name],
          ['family_name', u.last_name],
          ['provided_id', u.provided_id],
        ]) {
          if (val(form, field) !== (old ?? '')) body[field] = val(form, field);
        }
        if (Object.keys(body).length === 0) return 'Nothing changed.';
        await api.updateUser(id, body);
        return `Saved ${Object.keys(body).join(', ')} of ${name}.`;
      },
    },
    u.is_suspended
      ? {
          label: 'Unsuspend',
          title: `Unsuspend ${name}?`,
          body: <p>{name} will be able to sign in again.</p>,
          run: async () => (await api.updateUser(id, { is_suspended: false }), `${name} is no longer suspended.`),
        }
      : {
          label: 'Suspend',
          title: `Suspend ${name}?`,
          danger: true,
          body: <p>{name} will not be able to sign in until unsuspended.</p>,
          run: async () => (await api.updateUser(id, { is_suspended: true }), `${name} is suspended.`),
        },
    {
      label: 'Reset MFA',
      title: `Reset every MFA factor of ${name}?`,
      danger: true,
      body: <p>{name} will have to enrol a second factor again.</p>,
      run: async () => (await api.resetUsersMfaAll(id), `Reset the MFA of ${name}.`),
    },
    {
      label: 'Revoke sessions',
      title: `End every session of ${name}?`,
      danger: true,
      body: <p>{name} will be signed out everywhere.</p>,
      run: async () => (await api.deleteUserSessions(id), `Ended the sessions of ${name}.`),
    },
    {
      label: 'Set password',
      title: `Set a password for ${name}`,
      body: (
        <>
          <Field label="New password" hint="8 characters or more">
            <input name="password" type="password" autocomplete="new-password" minLength={8} required autofocus />
          </Field>
          <label class="check-field">
            <input name="temporary" type="checkbox" /> Temporary: ask for a new one at next sign-in
          </label>
          <p class="muted small">Kinde takes a hash, not the password: this page sends a salted SHA-256 of it.</p>
        </>
      ),
      validate: (form) => (val(form, 'password').length < 8 ? 'The password needs 8 characters or more.' : null),
      run: async (form) => {
        const body = await hashPassword(form.elements.namedItem('password').value);
        body.is_temporary_password = form.elements.namedItem('temporary').checked;
        await api.setUserPassword(id, body);
        return `Set a new password for ${name}.`;
      },
    },
    {
      label: 'Feature flag override',
      title: `Override a feature flag for ${name}`,
      confirm: 'Set override',
      body: (
        <>
          <Field label="Flag key">
            <input name="flag" defaultValue="fake_flag" required autofocus />
          </Field>
          <Field label="Value">
            <select name="value">
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          </Field>
        </>
      ),
      validate: (form) => (val(form, 'flag') ? null : 'Name the flag to override.'),
      run: async (form) => {
        await api.updateUserFeatureFlagOverride(id, val(form, 'flag'), val(form, 'value') === 'true');
        return `Feature flag ${val(form, 'flag')} is ${val(form, 'value')} for ${name}.`;
      },
    },
    {
      label: 'Refresh claims',
      title: `Refresh the token claims of ${name}?`,
      body: <p>Kinde rebuilds the claims of {name}’s next tokens.</p>,
      run: async () => (await api.refreshUserClaims(id), `Refreshed the claims of ${name}.`),
    },
    {
      label: 'Delete',
      title: `Delete ${name}?`,
      danger: true,
      confirm: 'Delete user',
      body: <p>This deletes {name} and their sessions for good. It cannot be undone.</p>,
      run: async () => (await api.deleteUser(id), `Deleted Kinde user ${name} (${id}).`),
      after: () => navigate('#/kinde'),
      reload: false,
    },
  ];

  return (
    <div class="user-page">
      <p>
        <a href="#/kinde">← Kinde users</a>
      </p>
      <div class="user-head">
        <Avatar url={u.picture} name={name} />
        <div>
          <h2>{name}</h2>
          <p class="muted">
            {u.id} · {u.preferred_email ?? 'no email'} {u.is_suspended && <span class="badge badge-suspended">suspended</span>}
          </p>
        </div>
      </div>
      <ActionBar actions={actions} ask={ask} />
      {dialog}

      <div class="grid">
        <section class="card">
          <header class="card-head">
            <h3>Profile</h3>
          </header>
          <dl class="props">
            <dt>Id</dt>
            <dd>{u.id}</dd>
            <dt>Your id</dt>
            <dd>{dash(u.provided_id)}</dd>
            <dt>Email</dt>
            <dd>{dash(u.preferred_email)}</dd>
            <dt>Username</dt>
            <dd>{dash(u.username)}</dd>
            <dt>Phone</dt>
            <dd>{dash(u.phone)}</dd>
            <dt>Suspended</dt>
            <dd>{u.is_suspended ? 'yes' : 'no'}</dd>
            <dt>Sign-ins</dt>
            <dd>
              {dash(u.total_sign_ins)} ({dash(u.failed_sign_ins)} failed in a row)
            </dd>
            <dt>Last sign-in</dt>
            <dd>{fmtDate(u.last_signed_in)}</dd>
            <dt>Created</dt>
            <dd>{fmtDate(u.created_on)}</dd>
            <dt>Organizations</dt>
            <dd>{u.organizations?.length ? u.organizations.join(', ') : '—'}</dd>
            <dt>Billing customer</dt>
            <dd>{dash(u.billing?.customer_id)}</dd>
          </dl>
        </section>

        <AsyncSection title="Identities" state={identities}>
          {(list) =>
            list.length === 0 ? (
              <p class="empty">No identity.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Type</th>
                    <th scope="col">Value</th>
                    <th scope="col">Confirmed</th>
                    <th scope="col">Sign-ins</th>
                    <th scope="col">Last used</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((i) => (
                    <tr key={i.id}>
                      <td>
                        {i.type}
                        {i.is_primary && <span class="badge">primary</span>}
                      </td>
                      <td>{i.name ?? i.email}</td>
                      <td>{i.is_confirmed ? 'yes' : 'no'}</td>
                      <td>{dash(i.total_logins)}</td>
                      <td>{fmtDate(i.last_login_on)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </AsyncSection>

        <AsyncSection title="Sessions" state={sessions}>
          {(res) =>
            (res.sessions ?? []).length === 0 ? (
              <p class="empty">No active session.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Client</th>
                    <th scope="col">Started</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Last IP</th>
                    <th scope="col">Organization</th>
                  </tr>
                </thead>
                <tbody>
                  {res.sessions.map((s) => (
                    <tr key={s.session_id}>
                      <td>{dash(s.client_id)}</td>
                      <td>{fmtDate(s.started_on)}</td>
                      <td>{fmtDate(s.expires_on)}</td>
                      <td>{dash(s.last_ip_address)}</td>
                      <td>{dash(s.org_code)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </AsyncSection>

        <AsyncSection title="MFA factors" state={mfa}>
          {(res) =>
            !res.mfa ? (
              <p class="empty">No MFA factor.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Type</th>
                    <th scope="col">Name</th>
                    <th scope="col">Verified</th>
                    <th scope="col">Uses</th>
                    <th scope="col">Last used</th>
                    <th scope="col">
                      <span class="sr-only">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td>{res.mfa.type}</td>
                    <td>{dash(res.mfa.name)}</td>
                    <td>{res.mfa.is_verified ? 'yes' : 'no'}</td>
                    <td>{dash(res.mfa.usage_count)}</td>
                    <td>{fmtDate(res.mfa.last_used_on)}</td>
                    <td>
                      <button
                        type="button"
                        class="danger small"
                        onClick={() =>
                          ask({
                            title: `Reset the ${res.mfa.type} factor of ${name}?`,
                            confirm: 'Reset factor',
                            danger: true,
                            run: async () => (await api.resetUsersMfa(id, res.mfa.id), `Reset MFA factor ${res.mfa.id}.`),
                          })
                        }
                      >
                        Reset this factor
                      </button>
                    </td>
                  </tr>
                </tbody>
              </table>
            )
          }
        </AsyncSection>

        <AsyncSection title="Properties" state={properties}>
          {(res) =>
            (res.properties ?? []).length === 0 ? (
              <p class="empty">No property.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Property</th>
                    <th scope="col">Value</th>
                    <th scope="col">
                      <span class="sr-only">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {res.properties.map((p) => (
                    <tr key={p.key}>
                      <td>
                        {p.name ?? p.key} <code>{p.key}</code>
                      </td>
                      <td>{p.value ?? <span class="muted">not set</span>}</td>
                      <td>
                        <button
                          type="button"
                          class="small"
                          aria-label={`Edit ${p.name ?? p.key}`}
                          onClick={() =>
                            ask({
                              title: `Set ${p.name ?? p.key} for ${name}`,
                              confirm: 'Save value',
                              body: (
                                <Field label="Value">
                                  <input name="value" defaultValue={p.value ?? ''} autofocus />
                                </Field>
                              ),
                              run: async (form) => (
                                await api.updateUserProperty(id, p.key, form.elements.namedItem('value').value),
                                `Set ${p.key} of ${name}.`
                              ),
                              after: () => properties.reload(),
                              reload: false,
                            })
                          }
                        >
                          Edit
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </AsyncSection>
      </div>
    </div>
  );
}
