// Organization membership endpoints: list, add, update/remove, remove one.
// None documents a 404: an unknown organization or user is a 400.

import { jsonResponse } from '../shared/http.js';
import { encodeCursor, keysetPage } from '../shared/pagination.js';
import { badRequest } from './errors.js';
import { field, jsonBody, listFilters, objectEntry, pageSize, parseCommaList } from './params.js';
import { effectivePermissions, emailOf } from './state.js';
import { OK, organizationUserView } from './views.js';

const SORTS = ['name_asc', 'name_desc', 'email_asc', 'email_desc'];

function pathOrganization(c) {
  const org = c.store.organization(c.params.org_code);
  if (!org) throw badRequest('ORGANIZATION_NOT_FOUND', `No organization with code '${c.params.org_code}'`);
  return org;
}

function parseSort(name, raw) {
  if (!SORTS.includes(raw)) throw badRequest('INVALID_SORT', `sort must be one of ${SORTS.join(', ')}; got '${raw}'`);
  return raw;
}

// Sort keys end with the user's creation sequence so ties have a stable order.
function sortKey(sort) {
  const fullName = (u) => [u.first_name, u.last_name].filter(Boolean).join(' ').toLowerCase();
  if (sort?.startsWith('name')) return (u) => [fullName(u), u.seq];
  // Users without an email sort after every address.
  if (sort?.startsWith('email')) return (u) => [emailOf(u)?.toLowerCase() ?? '\uffff', u.seq];
  return (u) => [u.seq];
}

function getOrganizationUsers(c) {
  const org = pathOrganization(c);
  const size = pageSize(c.query);
  const scope = `kinde.organization_users.${org.code}`;
  const { raw, typed, afterKey } = listFilters(c.query, scope, {
    sort: parseSort,
    roles: parseCommaList,
    permissions: parseCommaList,
  });
  const members = [];
  for (const [userId, membership] of org.members) {
    const user = c.store.user(userId);
    const granted = effectivePermissions(membership, c.store.roles);
    if ((typed.roles ?? []).some((r) => !membership.roles.includes(r))) continue;
    if ((typed.permissions ?? []).some((p) => !granted.has(p))) continue;
    members.push({ user, membership });
  }
  const keyOf = sortKey(typed.sort);
  const { page, lastKey, hasMore } = keysetPage(members, {
    keyOf: (m) => keyOf(m.user),
    pageSize: size,
    afterKey,
    descending: typed.sort?.endsWith('_desc') ?? false,
  });
  const body = { ...OK, organization_users: page.map((m) => organizationUserView(m.user, m.membership)) };
  if (hasMore) body.next_token = encodeCursor(scope, lastKey, raw);
  return jsonResponse(200, body);
}

/**
 * The validated `users` entries of an add/update body. With `withOperation`,
 * entries may carry `operation: "delete"`.
 */
function membershipEntries(c, { withOperation }) {
  const body = jsonBody(c, { required: false }) ?? {};
  const entries = field(body, 'users', 'array');
  if (entries === undefined || entries.length === 0) throw badRequest('USERS_REQUIRED', 'users must list at least one user');
  return entries.map((entry, n) => {
    const path = `users[${n}]`;
    objectEntry(entry, path);
    const id = field(entry, 'id', 'string', `${path}.id`);
    if (!id) throw badRequest('USER_ID_REQUIRED', `${path}.id is required`);
    if (!c.store.user(id)) throw badRequest('USER_NOT_FOUND', `No user with id '${id}'`);
    const roles = field(entry, 'roles', 'string[]', `${path}.roles`);
    for (const role of roles ?? []) {
      if (!c.store.roles[role]) throw badRequest('ROLE_NOT_FOUND', `No role with key '${role}'`);
    }
    const permissions = field(entry, 'permissions', 'string[]', `${path}.permissions`);
    for (const p of permissions ?? []) {
      if (!c.store.permissions.includes(p)) throw badRequest('PERMISSION_NOT_FOUND', `No permission with key '${p}'`);
    }
    let operation;
    if (withOperation) {
      operation = field(entry, 'operation', 'string', `${path}.operation`);
      if (operation !== undefined && operation !== 'delete') {
        throw badRequest('INVALID_OPERATION', `${path}.operation must be 'delete' or absent; got '${operation}'`);
      }
    }
    return { id, roles, permissions, operation };
  });
}

function addOrganizationUsers(c) {
  const org = pathOrganization(c);
  const entries = membershipEntries(c, { withOperation: false });
  // Users who already belong to the organization are left as they are.
  const added = [];
  for (const entry of entries) {
    if (org.members.has(entry.id)) continue;
    c.store.addMember(org, entry.id, entry.roles, entry.permissions);
    added.push(entry.id);
  }
  return jsonResponse(200, { code: 'USERS_ADDED', message: 'Users successfully added', users_added: added });
}

function updateOrganizationUsers(c) {
  const org = pathOrganization(c);
  const entries = membershipEntries(c, { withOperation: true });
  for (const entry of entries) {
    if (entry.operation === 'delete' && !org.members.has(entry.id)) {
      throw badRequest('USER_NOT_IN_ORGANIZATION', `User '${entry.id}' is not a member of '${org.code}'`);
    }
  }
  const result = { users_added: [], users_updated: [], users_removed: [] };
  for (const entry of entries) {
    const membership = org.members.get(entry.id);
    if (entry.operation === 'delete') {
      if (org.members.delete(entry.id)) result.users_removed.push(entry.id);
    } else if (!membership) {
      c.store.addMember(org, entry.id, entry.roles, entry.permissions);
      result.users_added.push(entry.id);
    } else {
      // roles/permissions, when sent, replace the member's current ones.
      if (entry.roles) membership.roles = [...entry.roles];
      if (entry.permissions) membership.permissions = [...entry.permissions];
      result.users_updated.push(entry.id);
    }
  }
  return jsonResponse(200, { code: 'USERS_UPDATED', message: 'Organization users successfully updated', ...result });
}

function removeOrganizationUser(c) {
  const org = pathOrganization(c);
  const userId = c.params.user_id;
  if (!c.store.user(userId)) throw badRequest('USER_NOT_FOUND', `No user with id '${userId}'`);
  if (!org.members.delete(userId)) {
    throw badRequest('USER_NOT_IN_ORGANIZATION', `User '${userId}' is not a member of '${org.code}'`);
  }
  return jsonResponse(200, { code: 'USER_REMOVED', message: 'User successfully removed from organization' });
}

const O = '/api/v1/organizations/:org_code/users';

export const organizationRoutes = [
  { method: 'GET', path: O, operation: 'GetOrganizationUsers', forbiddenBody: true, handler: getOrganizationUsers },
  { method: 'POST', path: O, operation: 'AddOrganizationUsers', forbiddenBody: true, handler: addOrganizationUsers },
  { method: 'PATCH', path: O, operation: 'UpdateOrganizationUsers', forbiddenBody: true, handler: updateOrganizationUsers },
  { method: 'DELETE', path: `${O}/:user_id`, operation: 'RemoveOrganizationUser', forbiddenBody: false, handler: removeOrganizationUser },
];
