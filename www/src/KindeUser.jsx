// A Kinde user: profile, identities, sessions, MFA, properties, actions.
import { useActions } from './actions.jsx';
import { Avatar } from './Avatar.jsx';
import { dash, fmtDate, fullName } from './format.js';
import { useAsync } from './hooks.js';
import { Card, Field, ListSection, Props, val, When } from './ui.jsx';
import { collect, editAction, NewPasswordField, UserPage, userNotReady } from './userDetail.jsx';

const hex = (bytes) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Kinde takes a password hash: a salted SHA-256, computed in this page. */
async function hashPassword(password) {
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(salt + password));
  return { hashed_password: hex(digest), hashing_method: 'sha256', salt, salt_position: 'prefix' };
}

export function KindeUser({ api, id, navigate, notify }) {
  const user = useAsync((signal) => api.getUserData(id, { expand: 'organizations,billing' }, { signal }), [id]);
  const identities = useAsync((signal) => collect(api.getUserIdentities(id, {}, { signal })), [id]);
  const sessions = useAsync((signal) => api.getUserSessions(id, { signal }), [id]);
  const mfa = useAsync((signal) => api.getUsersMfa(id, { signal }), [id]);
  const properties = useAsync((signal) => api.getUserPropertyValues(id, { signal }), [id]);
  const reloadAll = () => [user, identities, sessions, mfa, properties].forEach((s) => s.reload());
  const [ask, dialog] = useActions(notify, reloadAll);

  const notReady = userNotReady(user, 'Kinde', '#/kinde');
  if (notReady) return notReady;
  const u = user.data;
  const name = fullName(u.first_name, u.last_name);

  const actions = [
    editAction(
      name,
      [
        ['First name', 'given_name', u.first_name],
        ['Last name', 'family_name', u.last_name],
        ['Your id for the user', 'provided_id', u.provided_id, 'provided_id'],
      ],
      (body) => api.updateUser(id, body),
      '',
    ),
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
          <NewPasswordField />
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
    <UserPage
      provider="Kinde"
      href="#/kinde"
      avatar={<Avatar url={u.picture} name={name} />}
      name={name}
      id={u.id}
      email={u.preferred_email}
      badges={u.is_suspended && <span class="badge badge-suspended">suspended</span>}
      actions={actions}
      ask={ask}
      dialog={dialog}
    >
      <Card title="Profile">
        <Props
          items={[
            ['Id', u.id],
            ['Your id', dash(u.provided_id)],
            ['Email', dash(u.preferred_email)],
            ['Username', dash(u.username)],
            ['Phone', dash(u.phone)],
            ['Suspended', u.is_suspended ? 'yes' : 'no'],
            [
              'Sign-ins',
              <>
                {dash(u.total_sign_ins)} ({dash(u.failed_sign_ins)} failed in a row)
              </>,
            ],
            ['Last sign-in', fmtDate(u.last_signed_in)],
            ['Created', fmtDate(u.created_on)],
            ['Organizations', u.organizations?.length ? u.organizations.join(', ') : '—'],
            ['Billing customer', dash(u.billing?.customer_id)],
          ]}
        />
      </Card>

      <ListSection
        title="Identities"
        state={identities}
        empty="No identity."
        head={['Type', 'Value', 'Confirmed', 'Sign-ins', 'Last used']}
        row={(i) => (
          <tr key={i.id}>
            <td>
              {i.type}
              {i.is_primary && <span class="badge">primary</span>}
            </td>
            <td>{i.name ?? i.email}</td>
            <td>{i.is_confirmed ? 'yes' : 'no'}</td>
            <td>{dash(i.total_logins)}</td>
            <td><When value={i.last_login_on} /></td>
          </tr>
        )}
      />

      <ListSection
        title="Sessions"
        state={sessions}
        items={(res) => res.sessions ?? []}
        empty="No active session."
        head={['Client', 'Started', 'Expires', 'Last IP', 'Organization']}
        row={(s) => (
          <tr key={s.session_id}>
            <td>{dash(s.client_id)}</td>
            <td><When value={s.started_on} /></td>
            <td><When value={s.expires_on} /></td>
            <td>{dash(s.last_ip_address)}</td>
            <td>{dash(s.org_code)}</td>
          </tr>
        )}
      />

      <ListSection
        title="MFA factors"
        state={mfa}
        items={(res) => (res.mfa ? [res.mfa] : [])}
        empty="No MFA factor."
        head={['Type', 'Name', 'Verified', 'Uses', 'Last used']}
        action
        row={(f) => (
          <tr key={f.id}>
            <td>{f.type}</td>
            <td>{dash(f.name)}</td>
            <td>{f.is_verified ? 'yes' : 'no'}</td>
            <td>{dash(f.usage_count)}</td>
            <td><When value={f.last_used_on} /></td>
            <td>
              <button
                type="button"
                class="danger small"
                onClick={() =>
                  ask({
                    title: `Reset the ${f.type} factor of ${name}?`,
                    confirm: 'Reset factor',
                    danger: true,
                    run: async () => (await api.resetUsersMfa(id, f.id), `Reset MFA factor ${f.id}.`),
                  })
                }
              >
                Reset this factor
              </button>
            </td>
          </tr>
        )}
      />

      <ListSection
        title="Properties"
        state={properties}
        items={(res) => res.properties ?? []}
        empty="No property."
        head={['Property', 'Value']}
        action
        row={(p) => (
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
        )}
      />
    </UserPage>
  );
}
