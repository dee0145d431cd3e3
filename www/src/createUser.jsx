// The "New user" form of each provider and the call that creates the user.
import { Field, val } from './ui.jsx';

// Each provider's fields: [label, name, hint, input attributes].
const EMAIL = ['Email', 'email', 'required', { type: 'email', required: true }];
const FIELDS = {
  kinde: [
    ['First name', 'given_name'],
    ['Last name', 'family_name'],
    EMAIL,
    ['Username', 'username', 'optional'],
    ['Organization code', 'organization_code', 'optional, e.g. org_fake'],
  ],
  clerk: [
    ['First name', 'first_name'],
    ['Last name', 'last_name'],
    EMAIL,
    ['Username', 'username', 'optional; 4 to 64 letters, digits, - or _'],
    ['Password', 'password', 'optional; 8 characters or more', { type: 'password', autocomplete: 'new-password' }],
  ],
};

export function CreateUserFields({ provider }) {
  return FIELDS[provider === 'kinde' ? 'kinde' : 'clerk'].map(([label, name, hint, attrs], i) => (
    <Field key={name} label={label} hint={hint}>
      <input name={name} autocomplete="off" autofocus={i === 0} {...attrs} />
    </Field>
  ));
}

/** A problem with the form, in words, or null. */
export function validateNewUser(form) {
  const email = val(form, 'email');
  if (!email) return 'An email address is required.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return `“${email}” does not look like an email address.`;
  const password = form.elements.namedItem('password')?.value ?? '';
  if (password && password.length < 8) return 'The password needs 8 characters or more (or leave it empty).';
  return null;
}

/** Creates the user from the form; resolves to { id, message }. */
export async function createUser(provider, api, form) {
  if (provider === 'kinde') {
    const identities = [{ type: 'email', is_verified: true, details: { email: val(form, 'email') } }];
    if (val(form, 'username')) identities.push({ type: 'username', details: { username: val(form, 'username') } });
    const body = { profile: { given_name: val(form, 'given_name'), family_name: val(form, 'family_name') }, identities };
    if (val(form, 'organization_code')) body.organization_code = val(form, 'organization_code');
    const res = await api.createUser(body);
    return { id: res.id, message: `Created Kinde user ${res.id} (${val(form, 'email')}).` };
  }
  const body = {
    email_address: [val(form, 'email')],
    first_name: val(form, 'first_name') || null,
    last_name: val(form, 'last_name') || null,
  };
  if (val(form, 'username')) body.username = val(form, 'username');
  if (val(form, 'password')) body.password = val(form, 'password');
  else body.skip_password_requirement = true;
  const user = await api.createUser(body);
  return { id: user.id, message: `Created Clerk user ${user.id} (${val(form, 'email')}).` };
}
