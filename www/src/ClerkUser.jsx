// A Clerk user: profile, identifiers, MFA, metadata (editable JSON),
// organization memberships and invitations, profile image, actions.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useActions } from './actions.jsx';
import { Avatar } from './Avatar.jsx';
import { dash, fmtDate, fullName } from './format.js';
import { useAsync } from './hooks.js';
import { Card, ListSection, Props, Table, When } from './ui.jsx';
import { collect, editAction, NewPasswordField, UserPage, userNotReady } from './userDetail.jsx';

export function ClerkUser({ api, id, navigate, notify }) {
  const user = useAsync((signal) => api.getUser(id, { signal }), [id]);
  const memberships = useAsync((signal) => collect(api.usersGetOrganizationMemberships(id, {}, { signal })), [id]);
  const invitations = useAsync((signal) => collect(api.usersGetOrganizationInvitations(id, {}, { signal })), [id]);
  const reloadAll = () => [user, memberships, invitations].forEach((s) => s.reload());
  const [ask, dialog] = useActions(notify, reloadAll);
  // The image uploaded from this page, shown at once (the provider's
  // image_url may not be reachable from here, as with the fake).
  const [uploaded, setUploaded] = useState(null);
  useEffect(() => () => uploaded && URL.revokeObjectURL(uploaded), [uploaded]);

  const notReady = userNotReady(user, 'Clerk', '#/clerk');
  if (notReady) return notReady;
  const u = user.data;
  const name = fullName(u.first_name, u.last_name);
  const email = u.email_addresses.find((e) => e.id === u.primary_email_address_id)?.email_address ?? u.email_addresses[0]?.email_address;

  const simple = (label, title, call, done, extra = {}) => ({ label, title, run: async () => (await call(), done), ...extra });
  const actions = [
    editAction(
      name,
      [
        ['First name', 'first_name', u.first_name],
        ['Last name', 'last_name', u.last_name],
        ['Username', 'username', u.username],
        ['External id', 'external_id', u.external_id],
      ],
      (body) => api.updateUser(id, body),
      null,
    ),
    u.banned
      ? simple('Unban', `Unban ${name}?`, () => api.unbanUser(id), `${name} is no longer banned.`, { body: <p>{name} will be able to sign in again.</p> })
      : simple('Ban', `Ban ${name}?`, () => api.banUser(id), `${name} is banned.`, {
          danger: true,
          body: <p>{name} is signed out and cannot sign in until unbanned.</p>,
        }),
    u.locked
      ? simple('Unlock', `Unlock ${name}?`, () => api.unlockUser(id), `${name} is unlocked.`, { body: <p>{name} will be able to sign in again.</p> })
      : simple('Lock', `Lock ${name}?`, () => api.lockUser(id), `${name} is locked.`, {
          danger: true,
          body: <p>{name} cannot sign in until unlocked or the lockout expires.</p>,
        }),
    simple('Reset MFA', `Turn off every MFA method of ${name}?`, () => api.disableMfa(id), `Turned off the MFA of ${name}.`, {
      danger: true,
      body: <p>This removes the authenticator app, the backup codes and second-factor phone numbers of {name}.</p>,
    }),
    {
      label: 'Set password',
      title: `Set a password for ${name}`,
      body: (
        <>
          <NewPasswordField />
          <label class="check-field">
            <input name="sign_out" type="checkbox" defaultChecked /> Sign {name} out of their other sessions
          </label>
        </>
      ),
      validate: (form) => (form.elements.namedItem('password').value.length < 8 ? 'The password needs 8 characters or more.' : null),
      run: async (form) => {
        await api.updateUser(id, { password: form.elements.namedItem('password').value, sign_out_of_other_sessions: form.elements.namedItem('sign_out').checked });
        return `Set a new password for ${name}.`;
      },
    },
    simple('Delete', `Delete ${name}?`, () => api.deleteUser(id), `Deleted Clerk user ${name} (${id}).`, {
      danger: true,
      confirm: 'Delete user',
      body: <p>This deletes {name} for good. It cannot be undone.</p>,
      after: () => navigate('#/clerk'),
      reload: false,
    }),
  ];

  const flags = [u.banned && 'banned', u.locked && 'locked'].filter(Boolean);
  return (
    <UserPage
      provider="Clerk"
      href="#/clerk"
      avatar={<Avatar key={uploaded ?? u.image_url} url={u.has_image ? (uploaded ?? u.image_url) : null} name={name} />}
      name={name}
      id={u.id}
      email={email}
      badges={flags.map((f) => (
        <span key={f} class={`badge badge-${f}`}>
          {f}
        </span>
      ))}
      actions={actions}
      ask={ask}
      dialog={dialog}
    >
      <Card title="Profile">
        <Props
          items={[
            ['Id', u.id],
            ['External id', dash(u.external_id)],
            ['Username', dash(u.username)],
            ['Emails', u.email_addresses.length ? u.email_addresses.map((e) => `${e.email_address} (${e.verification?.status ?? 'unverified'})`).join(', ') : '—'],
            ['Phones', u.phone_numbers.length ? u.phone_numbers.map((p) => p.phone_number).join(', ') : '—'],
            ['Web3 wallets', u.web3_wallets.length ? u.web3_wallets.map((w) => w.web3_wallet).join(', ') : '—'],
            ['External accounts', u.external_accounts.length ? u.external_accounts.map((a) => `${a.provider}: ${a.email_address}`).join(', ') : '—'],
            ['Password', u.password_enabled ? `set ${u.password_last_updated_at ? `(${fmtDate(u.password_last_updated_at)})` : ''}` : 'none'],
            ['Locale', dash(u.locale)],
            ['Created', fmtDate(u.created_at)],
            ['Last sign-in', fmtDate(u.last_sign_in_at)],
            ['Last active', fmtDate(u.last_active_at)],
          ]}
        />
      </Card>

      <ProfileImage user={u} name={name} api={api} ask={ask} onUploaded={setUploaded} />

      <Card title="Sessions and MFA">
        <p class="muted small">
          Clerk’s sessions belong to its Sessions API, outside the Users endpoints this package covers: last sign-in {fmtDate(u.last_sign_in_at)}, last active{' '}
          {fmtDate(u.last_active_at)}.
        </p>
        <Table head={['Factor', 'State']} action>
          <tr>
            <td>Authenticator app (TOTP)</td>
            <td>{u.totp_enabled ? 'on' : 'off'}</td>
            <td>
              {u.totp_enabled && (
                <button type="button" class="small danger" onClick={() => ask({ title: `Remove the authenticator app of ${name}?`, danger: true, confirm: 'Remove', run: async () => (await api.deleteTotp(id), `Removed the TOTP of ${name}.`) })}>
                  Remove
                </button>
              )}
            </td>
          </tr>
          <tr>
            <td>Backup codes</td>
            <td>{u.backup_code_enabled ? 'on' : 'off'}</td>
            <td>
              {u.backup_code_enabled && (
                <button type="button" class="small danger" onClick={() => ask({ title: `Remove the backup codes of ${name}?`, danger: true, confirm: 'Remove', run: async () => (await api.deleteBackupCode(id), `Removed the backup codes of ${name}.`) })}>
                  Remove
                </button>
              )}
            </td>
          </tr>
          <tr>
            <td>Second-factor phones</td>
            <td>{u.phone_numbers.filter((p) => p.reserved_for_second_factor).map((p) => p.phone_number).join(', ') || 'none'}</td>
            <td />
          </tr>
          {u.passkeys.map((p) => (
            <tr key={p.id}>
              <td>Passkey “{p.name}”</td>
              <td>
                last used <When value={p.last_used_at} />
              </td>
              <td>
                <button type="button" class="small danger" onClick={() => ask({ title: `Delete the passkey “${p.name}”?`, danger: true, confirm: 'Delete passkey', run: async () => (await api.userPasskeyDelete(id, p.id), `Deleted passkey ${p.name}.`) })}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </Table>
        <p class="small">
          Two-factor: <strong>{u.two_factor_enabled ? 'on' : 'off'}</strong>
          {u.mfa_enabled_at && ` · turned on ${fmtDate(u.mfa_enabled_at)}`}
        </p>
      </Card>

      <MetadataEditor user={u} name={name} api={api} ask={ask} />

      <ListSection
        title="Organization memberships"
        state={memberships}
        empty="No membership."
        head={['Organization', 'Role', 'Since']}
        row={(m) => (
          <tr key={m.id}>
            <td>
              {m.organization?.name} <span class="muted small">{m.organization?.id}</span>
            </td>
            <td>{m.role_name ?? m.role}</td>
            <td><When value={m.created_at} /></td>
          </tr>
        )}
      />

      <ListSection
        title="Organization invitations"
        state={invitations}
        empty="No invitation."
        head={['Organization', 'Email', 'Role', 'Status', 'Sent']}
        row={(i) => (
          <tr key={i.id}>
            <td>{i.public_organization_data?.name ?? i.organization_id}</td>
            <td>{dash(i.email_address)}</td>
            <td>{i.role_name ?? i.role}</td>
            <td>
              <span class={`badge badge-${i.status}`}>{i.status}</span>
            </td>
            <td><When value={i.created_at} /></td>
          </tr>
        )}
      />
    </UserPage>
  );
}

function ProfileImage({ user, name, api, ask, onUploaded }) {
  const input = useRef(null);
  const [file, setFile] = useState(null);
  const preview = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => preview && URL.revokeObjectURL(preview), [preview]);
  const MAX = 10 * 1024 * 1024;
  function upload(event) {
    event.preventDefault();
    if (!file) return;
    ask({
      title: `Set this image as ${name}’s profile image?`,
      confirm: 'Upload image',
      body: (
        <p class="upload-preview">
          <img src={preview} alt={`Preview of ${file.name}`} /> {file.name} ({Math.ceil(file.size / 1024)} KiB)
        </p>
      ),
      run: async () => (await api.setUserProfileImage(user.id, file), `Uploaded ${file.name} as the profile image of ${name}.`),
      after: () => {
        onUploaded(URL.createObjectURL(file));
        setFile(null);
        if (input.current) input.current.value = '';
      },
    });
  }
  const tooBig = file && file.size > MAX;
  return (
    <Card title="Profile image">
      <p>{user.has_image ? 'An image was uploaded.' : 'No image uploaded (Clerk shows a default avatar).'}</p>
      <form class="upload" onSubmit={upload}>
        <label class="field">
          <span class="field-label">Image file (PNG, JPEG, GIF or WebP)</span>
          <input ref={input} type="file" name="image" accept="image/png,image/jpeg,image/gif,image/webp" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        {file && preview && <img class="thumb" src={preview} alt={`Preview of ${file.name}`} />}
        {tooBig && (
          <p class="problem" role="alert">
            This file is over 10 MiB.
          </p>
        )}
        <div class="actions">
          <button type="submit" disabled={!file || tooBig}>
            Upload image
          </button>
          <button
            type="button"
            class="danger"
            disabled={!user.has_image}
            onClick={() =>
              ask({
                title: `Remove ${name}’s profile image?`,
                danger: true,
                confirm: 'Remove image',
                run: async () => (await api.deleteUserProfileImage(user.id), `Removed the profile image of ${name}.`),
                after: () => onUploaded(null),
              })
            }
          >
            Remove image
          </button>
        </div>
      </form>
    </Card>
  );
}

const KINDS = [
  ['public_metadata', 'Public', 'readable by the frontend and the backend'],
  ['private_metadata', 'Private', 'backend only'],
  ['unsafe_metadata', 'Unsafe', 'the frontend may write it too'],
];

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What to send to updateUserMetadata (a deep merge where null removes a key)
 * so that the stored metadata becomes `next`.
 */
export function metadataPatch(old, next) {
  const out = {};
  for (const k of Object.keys(old ?? {})) if (!(k in next)) out[k] = null;
  for (const [k, v] of Object.entries(next)) {
    const before = old?.[k];
    if (isObject(before) && isObject(v)) {
      const sub = metadataPatch(before, v);
      if (Object.keys(sub).length > 0) out[k] = sub;
    } else if (JSON.stringify(before) !== JSON.stringify(v)) {
      out[k] = v;
    }
  }
  return out;
}

function parseObject(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Not valid JSON: ${e.message}` };
  }
  if (!isObject(value)) return { error: 'Must be a JSON object, like {"plan": "pro"}.' };
  return { value };
}

function MetadataEditor({ user, name, api, ask }) {
  const initial = () => Object.fromEntries(KINDS.map(([k]) => [k, JSON.stringify(user[k] ?? {}, null, 2)]));
  const [texts, setTexts] = useState(initial);
  useEffect(() => setTexts(initial()), [user]);
  const parsed = Object.fromEntries(KINDS.map(([k]) => [k, parseObject(texts[k])]));
  const invalid = KINDS.some(([k]) => parsed[k].error);
  const body = {};
  if (!invalid) {
    for (const [k] of KINDS) {
      const patch = metadataPatch(user[k] ?? {}, parsed[k].value);
      if (Object.keys(patch).length > 0) body[k] = patch;
    }
  }
  const changed = Object.keys(body).length > 0;
  function save(event) {
    event.preventDefault();
    if (invalid || !changed) return;
    ask({
      title: `Save the metadata of ${name}?`,
      confirm: 'Save metadata',
      body: (
        <>
          <p>Clerk merges this into the stored metadata (null removes a key):</p>
          <pre class="json">{JSON.stringify(body, null, 2)}</pre>
        </>
      ),
      run: async () => (await api.updateUserMetadata(user.id, body), `Saved the metadata of ${name}.`),
    });
  }
  return (
    <Card title="Metadata" extraClass="metadata">
      <form onSubmit={save}>
        {KINDS.map(([k, label, hint]) => (
          <label class="field" key={k}>
            <span class="field-label">
              {label} metadata <small>({hint})</small>
            </span>
            <textarea
              name={k}
              rows={Math.min(10, Math.max(3, texts[k].split('\n').length))}
              spellcheck={false}
              value={texts[k]}
              aria-invalid={parsed[k].error ? 'true' : 'false'}
              aria-describedby={parsed[k].error ? `${k}-error` : undefined}
              onInput={(e) => setTexts({ ...texts, [k]: e.currentTarget.value })}
            />
            {parsed[k].error && (
              <span id={`${k}-error`} class="problem">
                {parsed[k].error}
              </span>
            )}
          </label>
        ))}
        <div class="actions">
          <button type="submit" class="primary" disabled={invalid || !changed}>
            Save metadata
          </button>
          <button type="button" disabled={!changed && !invalid} onClick={() => setTexts(initial())}>
            Undo changes
          </button>
        </div>
      </form>
    </Card>
  );
}
