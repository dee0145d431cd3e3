// The fake Kinde's in-memory world and the operations the routes perform on it.
//
// A user record holds its identities; the user's email, username and phone are
// derived from them (as in Kinde, where they are identities), so adding an
// identity updates the user's fields too.

import { pushIdentity, userRecord } from './records.js';
import { buildSeed } from './seed.js';

export function createStore(seedCount, clock) {
  let world; // definitions: roles, permissions, properties, featureFlags, connections
  let users; // Map id → record, in creation order
  let organizations; // Map code → { code, name, members: Map userId → membership }
  let nextUserIndex;

  function reset() {
    const { users: seededUsers, organizations: seededOrganizations, ...definitions } = buildSeed(seedCount);
    world = definitions;
    users = new Map();
    for (const u of seededUsers) users.set(u.id, u); // no [id, user] pairs: 100,000 users are a seed option
    organizations = new Map(seededOrganizations.map((o) => [o.code, o]));
    nextUserIndex = seedCount + 1;
  }
  reset();

  const store = {
    reset,
    get roles() {
      return world.roles;
    },
    get permissions() {
      return world.permissions;
    },
    get properties() {
      return world.properties;
    },
    get featureFlags() {
      return world.featureFlags;
    },
    get connections() {
      return world.connections;
    },

    user(id) {
      return users.get(id);
    },
    /** All users, oldest first. */
    users() {
      return [...users.values()];
    },
    organization(code) {
      return organizations.get(code);
    },
    /** Codes of the organizations `userId` belongs to. */
    organizationsOf(userId) {
      return [...organizations.values()].filter((o) => o.members.has(userId)).map((o) => o.code);
    },

    /** The user owning an identity of `type` named `value` (emails compare case-insensitively). */
    identityOwner(type, value) {
      const norm = normalizer(type);
      const wanted = norm(value);
      for (const user of users.values()) {
        if (user.identities.some((ident) => ident.type === type && norm(ident.name) === wanted)) return user;
      }
      return undefined;
    },
    userWithProvidedId(providedId) {
      for (const user of users.values()) if (user.provided_id === providedId) return user;
      return undefined;
    },

    /** Creates a user from validated input: { first_name, last_name, picture, provided_id, identities: [{type, value, is_verified}] }. */
    createUser(input) {
      const user = userRecord(nextUserIndex, {
        provided_id: input.provided_id ?? null,
        first_name: input.first_name ?? null,
        last_name: input.last_name ?? null,
        picture: input.picture ?? null,
        created_on: clock.iso(),
        properties: Object.fromEntries(world.properties.map((p) => [p.key, null])),
      });
      nextUserIndex += 1;
      users.set(user.id, user);
      for (const ident of input.identities) store.addIdentity(user, ident);
      return user;
    },

    /** Adds an identity { type, value, is_verified, connection_id } to `user`; returns it. */
    addIdentity(user, { type, value, is_verified = true, connection_id = null }) {
      const isEmail = type === 'email';
      return pushIdentity(user, {
        type,
        name: value,
        // Social/enterprise identities named by an email address carry it as their email.
        email: isEmail || (connection_id !== null && value.includes('@')) ? value : undefined,
        connection_id,
        is_confirmed: is_verified,
        // The first email identity becomes the primary one.
        is_primary: isEmail && !user.identities.some((i) => i.type === 'email'),
        created_on: clock.iso(),
      });
    },

    /** Makes `userId` a member of `org`, joining now. */
    addMember(org, userId, roles = [], permissions = []) {
      org.members.set(userId, { roles: [...roles], permissions: [...permissions], joined_on: clock.iso(), last_accessed_on: null });
    },

    deleteUser(id) {
      users.delete(id);
      for (const org of organizations.values()) org.members.delete(id);
    },

    /** A copy of every user, for test assertions (see KindeUserSnapshot in index.d.ts). */
    snapshot() {
      return store.users().map((u) => ({
        id: u.id,
        provided_id: u.provided_id,
        first_name: u.first_name,
        last_name: u.last_name,
        email: emailOf(u) ?? null,
        username: usernameOf(u) ?? null,
        phone: phoneOf(u) ?? null,
        picture: u.picture,
        is_suspended: u.is_suspended,
        is_password_reset_requested: u.is_password_reset_requested,
        total_sign_ins: u.total_sign_ins,
        failed_sign_ins: u.failed_sign_ins,
        last_signed_in: u.last_signed_in,
        created_on: u.created_on,
        billing_customer_id: u.billing_customer_id,
        identities: u.identities.map((i) => ({
          id: i.id,
          type: i.type,
          name: i.name,
          email: i.email ?? null,
          connection_id: i.connection_id,
          is_confirmed: i.is_confirmed,
          is_primary: i.is_primary,
        })),
        sessions: u.sessions.map((s) => ({ ...s })),
        mfa: u.mfa.map((f) => ({ ...f })),
        properties: { ...u.properties },
        feature_flags: { ...u.feature_flags },
        organizations: [...organizations.values()]
          .filter((o) => o.members.has(u.id))
          .map((o) => {
            const m = o.members.get(u.id);
            return { code: o.code, roles: [...m.roles], permissions: [...m.permissions], joined_on: m.joined_on, last_accessed_on: m.last_accessed_on };
          }),
        password: u.password ? { ...u.password } : null,
        claims_refreshed_on: u.claims_refreshed_on,
      }));
    },
  };
  return store;
}

function normalizer(type) {
  return type === 'email' ? (v) => v.toLowerCase() : (v) => v;
}

function firstIdentity(user, type) {
  return (
    user.identities.find((i) => i.type === type && i.is_primary) ?? user.identities.find((i) => i.type === type)
  )?.name;
}

/** The user's preferred email: the primary email identity, else the first one. */
export const emailOf = (user) => firstIdentity(user, 'email');
export const usernameOf = (user) => firstIdentity(user, 'username');
export const phoneOf = (user) => firstIdentity(user, 'phone');

/** Role keys + direct permission keys → the effective permission keys of a membership. */
export function effectivePermissions(membership, roles) {
  const out = new Set(membership.permissions);
  for (const role of membership.roles) for (const p of roles[role]?.permissions ?? []) out.add(p);
  return out;
}
