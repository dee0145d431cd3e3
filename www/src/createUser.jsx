// The "New user" form of each provider and the call that creates the user.
import { Field } from './ui.jsx';

const val = (form, name) => (form.elements.namedItem(name)?.value ?? '').trim();

export function CreateUserFields({ provider }) {
  if (provider === 'kinde') {
    return (
      <>
        <Field label="First name">
          <input name="given_name" autocomplete="off" autofocus />
        </Field>
        <Field label="Last name">
          <input name="family_name" autocomplete="off" />
        </Field>
        <Field label="Email" hint="required">
          <input name="email" type="email" required autocomplete="off" />
        </Field>
        <Field label="Username" hint="optional">
          <input name="username" autocomplete="off" />
        </Field>
        <Field label="Organization code" hint="optional, e.g. org_fake">
          <input name="organization_code" autocomplete="off" />
        </Field>
      </>
    );
  }
  return (
    <>
      <Field label="First name">
        <input name="first_name" autocomplete="off" autofocus />
      </Field>
      <Field label="Last name">
        <input name="last_name" autocomplete="off" />
      </Field>
      <Field label="Email" hint="required">
        <input name="email" type="email" required autocomplete="off" />
      </Field>
      <Field label="Username" hint="optional; 4 to 64 letters, digits, - or _">
        <input name="username" autocomplete="off" />
      </Field>
      <Field label="Password" hint="optional; 8 characters or more">
        <input name="password" type="password" autocomplete="new-password" />
      </Field>
    </>
  );
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
