// Constructors of the store's records, shared by the seed and by the routes
// that create data, so both build the same shapes.

import { pad4 } from '../shared/people.js';

/**
 * A user record for user index `index` (id `kp_fake_<pad4(index)>`): a user
 * with no sign-ins, identities, sessions or MFA, overridden by `fields`.
 * `fields.created_on` is required.
 */
export function userRecord(index, fields) {
  return {
    id: `kp_fake_${pad4(index)}`,
    seq: index, // creation order: the default sort key of every list
    provided_id: null,
    first_name: null,
    last_name: null,
    picture: null,
    is_suspended: false,
    is_password_reset_requested: false,
    total_sign_ins: 0,
    failed_sign_ins: 0,
    last_signed_in: null,
    billing_customer_id: `customer_fake_${pad4(index)}`,
    identities: [],
    sessions: [],
    mfa: [],
    properties: {},
    feature_flags: {},
    password: null,
    claims_refreshed_on: null,
    ...fields,
  };
}

/**
 * Appends an identity to `user` and returns it. Ids number a user's identities
 * in order: identity_fake_<user index>_01, _02, …
 */
export function pushIdentity(user, { type, name, created_on, email, connection_id = null, is_confirmed = true, is_primary = false, last_login_on = null, total_logins = 0 }) {
  const identity = {
    id: `identity_fake_${pad4(user.seq)}_${String(user.identities.length + 1).padStart(2, '0')}`,
    type,
    name,
    email,
    connection_id,
    is_confirmed,
    is_primary,
    created_on,
    last_login_on,
    total_logins,
  };
  user.identities.push(identity);
  return identity;
}
