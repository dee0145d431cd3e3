// Response shapes of the fake Kinde, field for field as in the spec's models.
// Fields the spec declares non-nullable are left out when there is no value;
// nullable ones are sent as null.

import { emailOf, phoneOf, usernameOf } from './state.js';

/** The code and message every successful read answers with (success_response). */
export const OK = { code: 'OK', message: 'Success' };

/** Adds `key: value` unless value is null/undefined (non-nullable spec fields). */
function put(obj, key, value) {
  if (value !== null && value !== undefined) obj[key] = value;
  return obj;
}

// Fields common to `user` (GET /user) and the items of users_response (GET /users).
function userBase(user, emailField) {
  const out = { id: user.id };
  put(out, 'provided_id', user.provided_id);
  put(out, emailField, emailOf(user));
  put(out, 'phone', phoneOf(user));
  put(out, 'username', usernameOf(user));
  put(out, 'last_name', user.last_name);
  put(out, 'first_name', user.first_name);
  out.is_suspended = user.is_suspended;
  put(out, 'picture', user.picture);
  out.total_sign_ins = user.total_sign_ins;
  out.failed_sign_ins = user.failed_sign_ins;
  out.last_signed_in = user.last_signed_in;
  out.created_on = user.created_on;
  return out;
}

function expansions(out, user, expand, store, withConnectionId) {
  if (expand.has('organizations')) out.organizations = store.organizationsOf(user.id);
  if (expand.has('identities')) {
    out.identities = user.identities.map((i) =>
      withConnectionId ? { type: i.type, identity: i.name, connection_id: i.connection_id } : { type: i.type, identity: i.name },
    );
  }
  if (expand.has('billing')) out.billing = { customer_id: user.billing_customer_id };
  return out;
}

/** `user` model (GET /api/v1/user). */
export function userView(user, expand, store) {
  return expansions(userBase(user, 'preferred_email'), user, expand, store, false);
}

/** An item of users_response.users (GET /api/v1/users). */
export function userListItemView(user, expand, store) {
  const out = userBase(user, 'email');
  const codes = store.organizationsOf(user.id);
  out.last_organization_sign_ins =
    codes.length === 0
      ? null
      : codes.flatMap((code) => {
          const accessed = store.organization(code).members.get(user.id).last_accessed_on;
          return accessed ? [{ org_code: code, last_signed_in: accessed }] : [];
        });
  return expansions(out, user, expand, store, true);
}

/** update_user_response (PATCH /api/v1/user). */
export function updatedUserView(user) {
  const out = { id: user.id };
  put(out, 'given_name', user.first_name);
  put(out, 'family_name', user.last_name);
  put(out, 'email', emailOf(user));
  out.is_suspended = user.is_suspended;
  out.is_password_reset_requested = user.is_password_reset_requested;
  out.picture = user.picture;
  return out;
}

/** `identity` model (GET /api/v1/users/{id}/identities). */
export function identityView(identity) {
  const out = { id: identity.id, type: identity.type, is_confirmed: identity.is_confirmed, created_on: identity.created_on };
  put(out, 'last_login_on', identity.last_login_on);
  out.total_logins = identity.total_logins;
  out.name = identity.name;
  put(out, 'email', identity.email);
  out.connection_id = identity.connection_id;
  out.is_primary = identity.is_primary;
  return out;
}

/** property_value model. */
export function propertyValueView(definition, user) {
  return {
    id: definition.id,
    name: definition.name,
    description: definition.description,
    key: definition.key,
    value: user.properties[definition.key] ?? null,
  };
}

/** get_user_mfa_response.mfa. */
export function mfaView(factor) {
  const out = {
    id: factor.id,
    type: factor.type,
    created_on: factor.created_on,
    name: factor.name,
    is_verified: factor.is_verified,
    usage_count: factor.usage_count,
  };
  return put(out, 'last_used_on', factor.last_used_on);
}

/** organization_user model. */
export function organizationUserView(user, membership) {
  const email = emailOf(user);
  const fullName = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return {
    id: user.id,
    email: email ?? null,
    full_name: fullName,
    last_name: user.last_name,
    first_name: user.first_name,
    picture: user.picture,
    joined_on: membership.joined_on,
    last_accessed_on: membership.last_accessed_on,
    is_suspended: user.is_suspended,
    roles: [...membership.roles],
  };
}
