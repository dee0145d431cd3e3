// The user CRUD, list/count, ban/lock and metadata endpoints of the fake Clerk.

import { jsonResponse } from '../shared/http.js';
import { isPlainObject } from '../shared/values.js';
import { paramError } from './errors.js';
import { ordering, userFilter } from './filters.js';
import { checkBody, checkIdentifier, checkPassword, checkUsername, jsonBody, rfc3339 } from './params.js';
import { addEmail, addPhone, addWallet } from './records.js';
import { changeMfa } from './state.js';
import { base32Decode } from './totp.js';
import { deletedResponse, pathUser, userResponse } from './util.js';
import { userView } from './views.js';

// Documented PasswordHasher values (the spec gives them in prose, not as an enum).
export const PASSWORD_HASHERS = [
  'bcrypt', 'bcrypt_sha256_django', 'md5', 'pbkdf2_sha1', 'pbkdf2_sha256', 'pbkdf2_sha256_django', 'pbkdf2_sha512',
  'phpass', 'md5_phpass', 'scrypt_firebase', 'scrypt_werkzeug', 'sha256', 'ldap_ssha', 'argon2i', 'argon2id',
  'sha512_symfony', 'pbkdf2_sha512_hex',
];

const taken = (param, what) =>
  paramError(param, `That ${what} is taken. Please try another.`, 'form_identifier_exists', 'is taken');

const CREATE_SCHEMA = {
  external_id: 'string?', first_name: 'string?', last_name: 'string?', locale: 'string?',
  email_address: 'string[]', email_address_identification_status: 'string[]',
  phone_number: 'string[]', phone_number_identification_status: 'string[]', web3_wallet: 'string[]',
  username: 'string?', password: 'string?', password_digest: 'string?', password_hasher: 'string',
  skip_password_checks: 'boolean?', skip_password_requirement: 'boolean?', totp_secret: 'string?', backup_codes: 'string[]',
  public_metadata: 'object', private_metadata: 'object', unsafe_metadata: 'object',
  delete_self_enabled: 'boolean?', legal_accepted_at: 'string?', skip_legal_checks: 'boolean?', skip_user_requirement: 'boolean?',
  create_organization_enabled: 'boolean?', create_organizations_limit: 'integer?', created_at: 'string?',
  bypass_client_trust: 'boolean?', banned: 'boolean?', locked: 'boolean?',
};

const UPDATE_SCHEMA = {
  external_id: 'string?', first_name: 'string?', last_name: 'string?', locale: 'string?',
  primary_email_address_id: 'string?', notify_primary_email_address_changed: 'boolean?',
  primary_phone_number_id: 'string?', primary_web3_wallet_id: 'string?', username: 'string?', profile_image_id: 'string?',
  password: 'string?', password_digest: 'string', password_hasher: 'string', skip_password_checks: 'boolean?',
  sign_out_of_other_sessions: 'boolean?', totp_secret: 'string?', backup_codes: 'string[]',
  delete_self_enabled: 'boolean?', create_organization_enabled: 'boolean?', legal_accepted_at: 'string?',
  skip_legal_checks: 'boolean?', create_organizations_limit: 'integer?', created_at: 'string?', bypass_client_trust: 'boolean?',
};

const METADATA_SCHEMA = { public_metadata: 'object', private_metadata: 'object', unsafe_metadata: 'object' };

/** Identifiers of one kind from a create body, with their parallel statuses, checked for format and uniqueness. */
function identifiers(c, body, param, kind, statusParam) {
  const values = body[param] ?? [];
  const statuses = statusParam ? body[statusParam] : undefined;
  if (statuses !== undefined) {
    if (statuses.length !== values.length) {
      throw paramError(statusParam, `${statusParam} must have exactly one item per ${param} (${values.length})`, 'form_param_value_invalid');
    }
    for (const s of statuses) {
      if (s !== 'verified' && s !== 'reserved') throw paramError(statusParam, `${statusParam} items must be verified or reserved; got '${s}'`, 'form_param_value_invalid');
    }
  }
  const seen = new Set();
  return values.map((value, n) => {
    checkIdentifier(param, value, kind);
    const key = value.toLowerCase();
    if (seen.has(key) || c.store.identifierOwner(kind, value)) throw taken(param, kind === 'web3' ? 'web3 wallet' : param.replace('_', ' '));
    seen.add(key);
    return { value, reserved: statuses?.[n] === 'reserved' };
  });
}

/** Password fields shared by create and update: returns the password record to store, or undefined. */
function passwordFrom(body) {
  if (body.password !== undefined && body.password_digest !== undefined) {
    throw paramError('password_digest', 'Send either password or password_digest, not both', 'form_param_value_invalid');
  }
  if (body.password !== undefined) {
    checkPassword(body.password, body.skip_password_checks === true);
    return { plaintext: body.password };
  }
  if (body.password_digest !== undefined) {
    if (body.password_hasher === undefined) throw paramError('password_hasher', 'password_hasher is required with password_digest', 'form_param_missing', 'is missing');
    if (!PASSWORD_HASHERS.includes(body.password_hasher)) {
      throw paramError('password_hasher', `password_hasher must be one of ${PASSWORD_HASHERS.join(', ')}; got '${body.password_hasher}'`, 'form_param_value_invalid');
    }
    return { hasher: body.password_hasher, digest: body.password_digest };
  }
  if (body.password_hasher !== undefined) throw paramError('password_digest', 'password_hasher needs a password_digest', 'form_param_missing', 'is missing');
  return undefined;
}

/** Second-factor fields shared by create and update. */
function secondFactorsFrom(body) {
  if (body.totp_secret !== undefined && base32Decode(body.totp_secret) === undefined) {
    throw paramError('totp_secret', 'totp_secret must be a base32 string (A-Z, 2-7)');
  }
  if (body.backup_codes !== undefined && body.backup_codes.some((code) => code.trim() === '')) {
    throw paramError('backup_codes', 'backup codes must not be empty');
  }
  return { totpSecret: body.totp_secret, backupCodes: body.backup_codes };
}

function checkUnique(c, body, user) {
  if (body.username !== undefined && body.username !== '') {
    checkUsername(body.username);
    if (c.store.identifierOwner('username', body.username, user)) throw taken('username', 'username');
  }
  if (body.external_id !== undefined && body.external_id !== '' && c.store.identifierOwner('external_id', body.external_id, user)) {
    throw taken('external_id', 'external ID');
  }
  if (body.create_organizations_limit !== undefined && body.create_organizations_limit < 0) {
    throw paramError('create_organizations_limit', 'create_organizations_limit must be 0 (unlimited) or more', 'form_param_value_invalid');
  }
}

const emptyToNull = (v) => (v === '' ? null : v);

/** Fields of create/update that map straight onto the record. */
function plainFields(body) {
  const out = {};
  for (const key of ['external_id', 'first_name', 'last_name', 'locale', 'username']) if (body[key] !== undefined) out[key] = emptyToNull(body[key]);
  for (const key of ['delete_self_enabled', 'create_organization_enabled', 'create_organizations_limit', 'bypass_client_trust']) {
    if (body[key] !== undefined) out[key] = body[key];
  }
  if (body.legal_accepted_at !== undefined) out.legal_accepted_at = rfc3339('legal_accepted_at', body.legal_accepted_at);
  if (body.created_at !== undefined) out.created_at = rfc3339('created_at', body.created_at);
  return out;
}

/** Stores what create/update gave of the password and second factors, and stamps the change `now`. */
function applyCredentials(user, now, password, { totpSecret, backupCodes }) {
  if (password) {
    user.password = password;
    user.password_last_updated_at = now;
  }
  if (totpSecret !== undefined || backupCodes !== undefined) {
    changeMfa(user, now, () => {
      if (totpSecret !== undefined) user.totp = { secret: totpSecret.replace(/[\s=]/g, '').toUpperCase() };
      if (backupCodes !== undefined) user.backup_codes = [...backupCodes];
    });
  }
  user.updated_at = now;
}

function createUser(c) {
  const body = checkBody(jsonBody(c, { required: true }), CREATE_SCHEMA);
  const emails = identifiers(c, body, 'email_address', 'email', 'email_address_identification_status');
  const phones = identifiers(c, body, 'phone_number', 'phone', 'phone_number_identification_status');
  const wallets = identifiers(c, body, 'web3_wallet', 'web3');
  checkUnique(c, body, undefined);
  const hasIdentifier = emails.length + phones.length + wallets.length > 0 || (body.username ?? '') !== '';
  if (!hasIdentifier && body.skip_user_requirement !== true) {
    throw paramError(
      'email_address',
      'Give the user at least one identifier (email_address, phone_number, web3_wallet or username), or set skip_user_requirement',
      'form_data_missing',
      'is missing',
    );
  }
  const password = passwordFrom(body);
  const factors = secondFactorsFrom(body);
  const fields = plainFields(body);

  const now = c.clock.now();
  const user = c.store.newUser({
    ...fields,
    public_metadata: body.public_metadata ?? {},
    private_metadata: body.private_metadata ?? {},
    unsafe_metadata: body.unsafe_metadata ?? {},
    banned: body.banned ?? false,
    locked: body.locked ?? false,
  });
  const at = user.created_at;
  for (const e of emails) addEmail(user, e.value, at, { reserved: e.reserved });
  for (const p of phones) addPhone(user, p.value, at, { reserved: p.reserved });
  for (const w of wallets) addWallet(user, w.value, at);
  applyCredentials(user, now, password, factors);
  c.store.insertUser(user);
  return userResponse(user);
}

/** A primary_*_id of an update: must be one of the user's own, verified identifications. */
function checkPrimary(body, key, list) {
  const id = body[key];
  if (id === undefined) return;
  const item = list.find((x) => x.id === id);
  if (!item) throw paramError(key, `${key} '${id}' is not one of this user's identifications`, 'form_param_value_invalid');
  if (item.verification?.status !== 'verified') throw paramError(key, `${key} '${id}' is not verified`, 'form_param_value_invalid');
}

function updateUser(c) {
  const user = pathUser(c);
  const body = checkBody(jsonBody(c, { required: true }), UPDATE_SCHEMA);
  checkUnique(c, body, user);
  checkPrimary(body, 'primary_email_address_id', user.emails);
  checkPrimary(body, 'primary_phone_number_id', user.phones);
  checkPrimary(body, 'primary_web3_wallet_id', user.wallets);
  if (body.sign_out_of_other_sessions !== undefined && body.password === undefined) {
    throw paramError('sign_out_of_other_sessions', 'sign_out_of_other_sessions can only be used with password', 'form_param_value_invalid');
  }
  const password = passwordFrom(body);
  const factors = secondFactorsFrom(body);
  const fields = plainFields(body);

  const now = c.clock.now();
  Object.assign(user, fields);
  for (const key of ['primary_email_address_id', 'primary_phone_number_id', 'primary_web3_wallet_id']) {
    if (body[key] !== undefined) user[key] = body[key];
  }
  applyCredentials(user, now, password, factors);
  return userResponse(user);
}

/** Deep merge of `patch` into `target`: null removes a key, objects merge, anything else replaces. */
export function mergeMetadata(target, patch) {
  const out = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (isPlainObject(value) && isPlainObject(out[key])) {
      out[key] = mergeMetadata(out[key], value);
    } else out[key] = structuredClone(value);
  }
  return out;
}

function updateMetadata(c) {
  const user = pathUser(c);
  const body = checkBody(jsonBody(c, { required: false }), METADATA_SCHEMA);
  for (const key of Object.keys(METADATA_SCHEMA)) if (body[key] !== undefined) user[key] = mergeMetadata(user[key], body[key]);
  user.updated_at = c.clock.now();
  return userResponse(user);
}

function listUsers(c) {
  const { limit, offset } = c.query.page();
  const keep = userFilter(c.query, c.store);
  const order = ordering(c.query);
  const after = c.query.first('starting_after');
  let users = c.store.users().filter(keep).sort(order.compare);
  if (after !== undefined) {
    if (order.field !== 'created_at') {
      throw paramError('starting_after', 'starting_after can only be used when ordering by created_at', 'form_param_value_invalid');
    }
    if (offset !== 0) throw paramError('starting_after', 'starting_after cannot be combined with a non-zero offset', 'form_param_value_invalid');
    const cursor = c.store.user(after);
    if (!cursor) throw paramError('starting_after', `starting_after '${after}' is not the id of an existing user`, 'form_param_value_invalid');
    users = users.filter((u) => order.compare(u, cursor) > 0);
  }
  return jsonResponse(200, users.slice(offset, offset + limit).map(userView));
}

function countUsers(c) {
  const keep = userFilter(c.query, c.store);
  return jsonResponse(200, { object: 'total_count', total_count: c.store.users().filter(keep).length });
}

function setFlag(key, value) {
  return (c) => {
    const user = pathUser(c);
    user[key] = value;
    user.updated_at = c.clock.now();
    return userResponse(user);
  };
}

export const userRoutes = [
  { method: 'GET', path: '/users', operation: 'GetUserList', handler: listUsers },
  { method: 'POST', path: '/users', operation: 'CreateUser', handler: createUser },
  { method: 'GET', path: '/users/count', operation: 'GetUsersCount', handler: countUsers },
  { method: 'GET', path: '/users/:user_id', operation: 'GetUser', handler: (c) => userResponse(pathUser(c)) },
  { method: 'PATCH', path: '/users/:user_id', operation: 'UpdateUser', handler: updateUser },
  {
    method: 'DELETE',
    path: '/users/:user_id',
    operation: 'DeleteUser',
    handler: (c) => {
      const user = pathUser(c);
      c.store.deleteUser(user.id);
      return deletedResponse('user', user.id);
    },
  },
  { method: 'PATCH', path: '/users/:user_id/metadata', operation: 'UpdateUserMetadata', handler: updateMetadata },
  { method: 'POST', path: '/users/:user_id/ban', operation: 'BanUser', handler: setFlag('banned', true) },
  { method: 'POST', path: '/users/:user_id/unban', operation: 'UnbanUser', handler: setFlag('banned', false) },
  { method: 'POST', path: '/users/:user_id/lock', operation: 'LockUser', handler: setFlag('locked', true) },
  { method: 'POST', path: '/users/:user_id/unlock', operation: 'UnlockUser', handler: setFlag('locked', false) },
];
