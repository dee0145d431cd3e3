// The 18 Users endpoints of the Kinde Management API.
//
// Each route is data: method, path, the operationId it fakes, whether the spec
// gives its 403 a body (`forbiddenBody`) and whether it documents a 404
// (`has404`, which decides how an unknown user is reported), and a handler.

import { jsonResponse } from '../shared/http.js';
import { encodeCursor, keysetPage } from '../shared/pagination.js';
import { badRequest, notFound } from './errors.js';
import {
  booleanParam,
  checkEmail,
  checkPhone,
  enumField,
  expandParam,
  field,
  jsonBody,
  listFilters,
  objectEntry,
  pageSize,
  parseBoolean,
  parseCommaList,
  parseDateTime,
  requiredUserId,
} from './params.js';
import {
  OK,
  identityView,
  mfaView,
  propertyValueView,
  updatedUserView,
  userListItemView,
  userView,
} from './views.js';

const success = (code, message, status = 200) => jsonResponse(status, { code, message });

const IDENTITIES_PAGE_SIZE = 10;
const CREATE_USER_IDENTITY_TYPES = ['email', 'phone', 'username'];
const IDENTITY_TYPES = ['email', 'username', 'phone', 'enterprise', 'social'];
const HASHING_METHODS = ['bcrypt', 'crypt', 'md5', 'sha256', 'wordpress', 'pbkdf2', 'firebase-scrypt', 'aspnet-identity-v2'];
const FIREBASE_FIELDS = ['signer_key', 'salt_separator', 'rounds', 'mem_cost'];

/** The user named by the `user_id` path parameter, or the error the route documents. */
function pathUser(c) {
  const user = c.store.user(c.params.user_id);
  if (user) return user;
  const message = `No user with id '${c.params.user_id}'`;
  throw c.route.has404 ? notFound('USER_NOT_FOUND', message) : badRequest('USER_NOT_FOUND', message);
}

/** The user named by the `id` query parameter (/api/v1/user: no 404 documented). */
function queryUser(c) {
  const id = requiredUserId(c.query);
  const user = c.store.user(id);
  if (!user) throw badRequest('USER_NOT_FOUND', `No user with id '${id}'`);
  return user;
}

const USER_FILTERS = {
  user_id: parseCommaList,
  email: parseCommaList,
  username: parseCommaList,
  phone: parseCommaList,
  has_organization: parseBoolean,
  active_since: parseDateTime,
};

function userMatches(user, f, store) {
  const own = (type, norm) => user.identities.filter((i) => i.type === type).map((i) => norm(i.name));
  // A list filter keeps users that have any of its values.
  const anyOf = (wanted, type, norm) => wanted === undefined || wanted.length === 0 || wanted.some((v) => own(type, norm).includes(norm(v)));
  if (f.user_id !== undefined && f.user_id.length > 0 && !f.user_id.includes(user.id)) return false;
  if (!anyOf(f.email, 'email', lower)) return false;
  if (!anyOf(f.username, 'username', lower)) return false;
  if (!anyOf(f.phone, 'phone', digits)) return false;
  if (f.has_organization !== undefined && store.organizationsOf(user.id).length > 0 !== f.has_organization) return false;
  if (f.active_since !== undefined && (user.last_signed_in === null || Date.parse(user.last_signed_in) < f.active_since)) {
    return false;
  }
  return true;
}

const lower = (s) => s.toLowerCase();
const digits = (s) => s.replace(/\D/g, '');

function getUsers(c) {
  const size = pageSize(c.query);
  const expand = expandParam(c.query);
  const { raw, typed, afterKey } = listFilters(c.query, 'kinde.users', USER_FILTERS);
  const matching = c.store.users().filter((u) => userMatches(u, typed, c.store));
  const { page, lastKey, hasMore } = keysetPage(matching, { keyOf: (u) => [u.seq], pageSize: size, afterKey });
  const body = { ...OK, users: page.map((u) => userListItemView(u, expand, c.store)) };
  if (hasMore) body.next_token = encodeCursor('kinde.users', lastKey, raw);
  return jsonResponse(200, body);
}

function getUserData(c) {
  const user = queryUser(c);
  return jsonResponse(200, userView(user, expandParam(c.query), c.store));
}

function parseCreateIdentities(body, store) {
  const list = field(body, 'identities', 'array') ?? [];
  const seen = new Set();
  return list.map((entry, n) => {
    const path = `identities[${n}]`;
    objectEntry(entry, path);
    const type = enumField(entry, 'type', CREATE_USER_IDENTITY_TYPES, 'INVALID_IDENTITY_TYPE', `${path}.type`);
    if (type === undefined) throw badRequest('IDENTITY_TYPE_REQUIRED', `${path}.type is required`);
    const isVerified = field(entry, 'is_verified', 'boolean', `${path}.is_verified`);
    const details = field(entry, 'details', 'object', `${path}.details`) ?? {};
    for (const key of ['email', 'phone', 'phone_country_id', 'username']) field(details, key, 'string', `${path}.details.${key}`);
    const value = details[type];
    if (value === undefined || value.trim() === '') {
      throw badRequest('IDENTITY_VALUE_REQUIRED', `${path}.details.${type} is required for a ${type} identity`);
    }
    if (type === 'email') checkEmail(value, `${path}.details.email`);
    if (type === 'phone') checkPhone(value, `${path}.details.phone`);
    const key = `${type}:${type === 'email' ? value.toLowerCase() : value}`;
    if (seen.has(key) || store.identityOwner(type, value)) {
      throw badRequest('IDENTITY_ALREADY_EXISTS', `A ${type} identity '${value}' already exists`);
    }
    seen.add(key);
    return { type, value, is_verified: isVerified ?? type === 'username' };
  });
}

function createUser(c) {
  const body = jsonBody(c, { required: false }) ?? {};
  const profile = field(body, 'profile', 'object') ?? {};
  const input = {
    first_name: field(profile, 'given_name', 'string', 'profile.given_name'),
    last_name: field(profile, 'family_name', 'string', 'profile.family_name'),
    picture: field(profile, 'picture', 'string', 'profile.picture'),
    provided_id: field(body, 'provided_id', 'string'),
  };
  const orgCode = field(body, 'organization_code', 'string');
  const org = orgCode === undefined ? undefined : c.store.organization(orgCode);
  if (orgCode !== undefined && !org) throw badRequest('ORGANIZATION_NOT_FOUND', `No organization with code '${orgCode}'`);
  if (input.provided_id !== undefined && c.store.userWithProvidedId(input.provided_id)) {
    throw badRequest('PROVIDED_ID_ALREADY_EXISTS', `Another user already has provided_id '${input.provided_id}'`);
  }
  input.identities = parseCreateIdentities(body, c.store);

  const user = c.store.createUser(input);
  if (org) c.store.addMember(org, user.id);
  return jsonResponse(200, {
    id: user.id,
    created: true,
    identities: input.identities.map((i) => ({ type: i.type, result: { created: true } })),
  });
}

function updateUser(c) {
  const user = queryUser(c);
  const body = jsonBody(c, { required: true });
  const changes = {
    first_name: field(body, 'given_name', 'string'),
    last_name: field(body, 'family_name', 'string'),
    picture: field(body, 'picture', 'string'),
    is_suspended: field(body, 'is_suspended', 'boolean'),
    is_password_reset_requested: field(body, 'is_password_reset_requested', 'boolean'),
    provided_id: field(body, 'provided_id', 'string'),
  };
  const given = Object.entries(changes).filter(([, v]) => v !== undefined);
  if (given.length === 0) {
    throw badRequest(
      'NO_FIELDS_TO_UPDATE',
      'Send at least one of given_name, family_name, picture, is_suspended, is_password_reset_requested, provided_id',
    );
  }
  if (changes.provided_id !== undefined) {
    const owner = c.store.userWithProvidedId(changes.provided_id);
    if (owner && owner !== user) {
      throw badRequest('PROVIDED_ID_ALREADY_EXISTS', `Another user already has provided_id '${changes.provided_id}'`);
    }
  }
  for (const [key, value] of given) user[key] = value;
  return jsonResponse(200, updatedUserView(user));
}

function deleteUser(c) {
  const user = queryUser(c);
  booleanParam(c.query, 'is_delete_profile'); // validated; the fake keeps no profile beyond the user
  c.store.deleteUser(user.id);
  return success('USER_DELETED', 'User successfully deleted');
}

function getUserIdentities(c) {
  const user = pathUser(c);
  const after = c.query.optional('starting_after');
  const before = c.query.optional('ending_before');
  if (after !== undefined && before !== undefined) {
    throw badRequest('TOO_MANY_PARAMETERS', 'Send starting_after or ending_before, not both');
  }
  const list = user.identities;
  const indexOf = (id) => {
    const index = list.findIndex((i) => i.id === id);
    if (index < 0) throw badRequest('IDENTITY_NOT_FOUND', `User '${user.id}' has no identity '${id}'`);
    return index;
  };
  let page;
  let hasMore;
  if (before !== undefined) {
    const end = indexOf(before);
    const start = Math.max(0, end - IDENTITIES_PAGE_SIZE);
    page = list.slice(start, end);
    hasMore = start > 0;
  } else {
    const start = after === undefined ? 0 : indexOf(after) + 1;
    page = list.slice(start, start + IDENTITIES_PAGE_SIZE);
    hasMore = start + IDENTITIES_PAGE_SIZE < list.length;
  }
  return jsonResponse(200, { ...OK, identities: page.map(identityView), has_more: hasMore });
}

function createUserIdentity(c) {
  const user = pathUser(c);
  const body = jsonBody(c, { required: false }) ?? {};
  const type = enumField(body, 'type', IDENTITY_TYPES, 'INVALID_IDENTITY_TYPE');
  if (type === undefined) throw badRequest('IDENTITY_TYPE_REQUIRED', 'type is required');
  const value = field(body, 'value', 'string');
  if (value === undefined || value.trim() === '') throw badRequest('IDENTITY_VALUE_REQUIRED', 'value is required');
  const phoneCountryId = field(body, 'phone_country_id', 'string');
  const connectionId = field(body, 'connection_id', 'string');

  let storedType = type;
  if (type === 'email') checkEmail(value, 'value');
  if (type === 'phone') {
    checkPhone(value, 'value');
    if (!phoneCountryId) throw badRequest('PHONE_COUNTRY_ID_REQUIRED', 'phone_country_id is required for a phone identity');
  }
  if (type === 'social' || type === 'enterprise') {
    if (!connectionId) throw badRequest('CONNECTION_ID_REQUIRED', `connection_id is required for a ${type} identity`);
    const connection = c.store.connections[connectionId];
    if (!connection) throw badRequest('CONNECTION_NOT_FOUND', `No connection with id '${connectionId}'`);
    if (connection.kind !== type) {
      throw badRequest('INVALID_CONNECTION', `Connection '${connectionId}' is a ${connection.kind} connection, not ${type}`);
    }
    storedType = connection.strategy;
  }
  if (c.store.identityOwner(storedType, value)) {
    throw badRequest('IDENTITY_ALREADY_EXISTS', `A ${storedType} identity '${value}' already exists`);
  }
  const identity = c.store.addIdentity(user, {
    type: storedType,
    value,
    is_verified: true,
    connection_id: storedType === type ? null : connectionId,
  });
  return jsonResponse(201, { code: 'IDENTITY_CREATED', message: 'Identity successfully created', identity: { id: identity.id } });
}

function getUserPropertyValues(c) {
  const user = pathUser(c);
  return jsonResponse(200, { ...OK, properties: c.store.properties.map((d) => propertyValueView(d, user)) });
}

function propertyDefinition(c, key) {
  const definition = c.store.properties.find((p) => p.key === key);
  if (!definition) throw badRequest('PROPERTY_NOT_FOUND', `No user property with key '${key}'`);
  return definition;
}

function updateUserProperties(c) {
  const user = pathUser(c);
  const body = jsonBody(c, { required: true });
  const properties = field(body, 'properties', 'object');
  if (properties === undefined) throw badRequest('PROPERTIES_REQUIRED', 'properties is required');
  const updates = Object.entries(properties).map(([key, value]) => {
    propertyDefinition(c, key);
    if (value === null) return [key, null];
    if (['string', 'number', 'boolean'].includes(typeof value)) return [key, String(value)];
    throw badRequest('INVALID_PROPERTY_VALUE', `properties.${key} must be a string, number, boolean or null`);
  });
  for (const [key, value] of updates) user.properties[key] = value;
  return success('PROPERTIES_UPDATED', 'Properties successfully updated');
}

function updateUserProperty(c) {
  const user = pathUser(c);
  const definition = propertyDefinition(c, c.params.property_key);
  const value = c.query.raw('value');
  if (value === undefined) throw badRequest('VALUE_REQUIRED', 'The value query parameter is required');
  user.properties[definition.key] = value;
  return success('PROPERTY_UPDATED', 'Property successfully updated');
}

function getUserSessions(c) {
  const user = pathUser(c);
  return jsonResponse(200, { ...OK, has_more: false, sessions: user.sessions.map((s) => ({ ...s })) });
}

function deleteUserSessions(c) {
  const user = pathUser(c);
  user.sessions = [];
  return success('SESSIONS_DELETED', 'User sessions successfully invalidated');
}

function getUsersMFA(c) {
  const user = pathUser(c);
  const body = { ...OK };
  if (user.mfa.length > 0) body.mfa = mfaView(user.mfa[0]);
  return jsonResponse(200, body);
}

function resetUsersMFAAll(c) {
  const user = pathUser(c);
  user.mfa = [];
  return success('MFA_RESET', "User's MFA successfully reset");
}

function resetUsersMFA(c) {
  const user = pathUser(c);
  const factorId = c.params.factor_id;
  if (!user.mfa.some((f) => f.id === factorId)) {
    throw notFound('MFA_FACTOR_NOT_FOUND', `User '${user.id}' has no MFA factor '${factorId}'`);
  }
  user.mfa = user.mfa.filter((f) => f.id !== factorId);
  return success('MFA_FACTOR_RESET', "User's MFA factor successfully reset");
}

function refreshUserClaims(c) {
  const user = pathUser(c);
  user.claims_refreshed_on = c.clock.iso();
  return success('CLAIMS_REFRESHED', 'Claims successfully refreshed');
}

function setUserPassword(c) {
  const user = pathUser(c);
  const body = jsonBody(c, { required: true });
  const hashed = field(body, 'hashed_password', 'string');
  if (hashed === undefined || hashed === '') throw badRequest('HASHED_PASSWORD_REQUIRED', 'hashed_password is required');
  const method = enumField(body, 'hashing_method', HASHING_METHODS, 'INVALID_HASHING_METHOD') ?? 'bcrypt';
  enumField(body, 'salt_position', ['prefix', 'suffix'], 'INVALID_SALT_POSITION');
  for (const key of ['salt', 'variant', 'signer_key', 'salt_separator']) field(body, key, 'string');
  for (const key of ['iterations', 'rounds', 'mem_cost']) field(body, key, 'integer');
  const temporary = field(body, 'is_temporary_password', 'boolean') ?? false;
  checkHashingParameters(method, body);
  user.password = { hashing_method: method, is_temporary_password: temporary, set_on: c.clock.iso() };
  return success('PASSWORD_SET', 'User password successfully set');
}

// The per-method rules the spec describes for SetUserPassword.
function checkHashingParameters(method, body) {
  const fail = (message) => badRequest('INVALID_PASSWORD_PARAMETERS', message);
  const present = (key) => body[key] !== undefined;
  const require = (keys) => {
    for (const key of keys) if (!present(key)) throw fail(`${key} is required for hashing_method ${method}`);
  };
  const reject = (keys) => {
    for (const key of keys) if (present(key)) throw fail(`${key} is not accepted for hashing_method ${method}`);
  };
  if (method === 'pbkdf2') {
    require(['salt', 'variant']);
    reject(FIREBASE_FIELDS);
  } else if (method === 'firebase-scrypt') {
    require(['salt', ...FIREBASE_FIELDS]);
    reject(['iterations', 'variant']);
    if (body.rounds < 1 || body.rounds > 16) throw fail('rounds must be from 1 to 16');
    if (body.mem_cost < 1 || body.mem_cost > 20) throw fail('mem_cost must be from 1 to 20');
  } else if (method === 'aspnet-identity-v2') {
    reject(['salt', 'salt_position', 'iterations', 'variant', ...FIREBASE_FIELDS]);
  } else {
    reject(FIREBASE_FIELDS);
  }
}

function updateUserFeatureFlagOverride(c) {
  const user = pathUser(c);
  const key = c.params.feature_flag_key;
  const flag = c.store.featureFlags[key];
  if (!flag) throw badRequest('FEATURE_FLAG_NOT_FOUND', `No feature flag with key '${key}'`);
  const value = c.query.raw('value');
  if (value === undefined) throw badRequest('VALUE_REQUIRED', 'The value query parameter is required');
  if (value !== 'true' && value !== 'false') {
    throw badRequest('INVALID_FEATURE_FLAG_VALUE', `Feature flag '${key}' is boolean: value must be true or false, got '${value}'`);
  }
  user.feature_flags[key] = value === 'true';
  return success('FEATURE_FLAG_OVERRIDE_UPDATED', 'Feature flag override successfully updated');
}

const U = '/api/v1/users/:user_id';

export const userRoutes = [
  { method: 'GET', path: '/api/v1/users', operation: 'getUsers', forbiddenBody: true, handler: getUsers },
  { method: 'GET', path: '/api/v1/user', operation: 'getUserData', forbiddenBody: true, handler: getUserData },
  { method: 'POST', path: '/api/v1/user', operation: 'createUser', forbiddenBody: true, handler: createUser },
  { method: 'PATCH', path: '/api/v1/user', operation: 'updateUser', forbiddenBody: true, handler: updateUser },
  { method: 'DELETE', path: '/api/v1/user', operation: 'deleteUser', forbiddenBody: true, handler: deleteUser },
  { method: 'GET', path: `${U}/identities`, operation: 'GetUserIdentities', forbiddenBody: false, handler: getUserIdentities },
  { method: 'POST', path: `${U}/identities`, operation: 'CreateUserIdentity', forbiddenBody: false, handler: createUserIdentity },
  { method: 'GET', path: `${U}/properties`, operation: 'GetUserPropertyValues', forbiddenBody: false, handler: getUserPropertyValues },
  { method: 'PATCH', path: `${U}/properties`, operation: 'UpdateUserProperties', forbiddenBody: false, handler: updateUserProperties },
  { method: 'PUT', path: `${U}/properties/:property_key`, operation: 'UpdateUserProperty', forbiddenBody: false, handler: updateUserProperty },
  { method: 'GET', path: `${U}/sessions`, operation: 'GetUserSessions', forbiddenBody: true, has404: true, handler: getUserSessions },
  { method: 'DELETE', path: `${U}/sessions`, operation: 'DeleteUserSessions', forbiddenBody: true, has404: true, handler: deleteUserSessions },
  { method: 'GET', path: `${U}/mfa`, operation: 'GetUsersMFA', forbiddenBody: true, has404: true, handler: getUsersMFA },
  { method: 'DELETE', path: `${U}/mfa`, operation: 'ResetUsersMFAAll', forbiddenBody: true, has404: true, handler: resetUsersMFAAll },
  { method: 'DELETE', path: `${U}/mfa/:factor_id`, operation: 'ResetUsersMFA', forbiddenBody: true, has404: true, handler: resetUsersMFA },
  { method: 'POST', path: `${U}/refresh_claims`, operation: 'refreshUserClaims', forbiddenBody: true, handler: refreshUserClaims },
  { method: 'PUT', path: `${U}/password`, operation: 'SetUserPassword', forbiddenBody: false, handler: setUserPassword },
  {
    method: 'PATCH',
    path: `${U}/feature_flags/:feature_flag_key`,
    operation: 'UpdateUserFeatureFlagOverride',
    forbiddenBody: false,
    handler: updateUserFeatureFlagOverride,
  },
];
