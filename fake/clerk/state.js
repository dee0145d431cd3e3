// The fake Clerk's in-memory world and the lookups the routes share.

import { userRecord } from './records.js';
import { buildSeed } from './seed.js';

export function createStore(seedCount, clock) {
  let users; // Map id → record, in creation order
  let organizations; // Map id → organization
  let memberships; // [{ id, organization_id, user_id, role, created_at, updated_at }]
  let invitations; // [{ id, organization_id, email_address, role, status, inviter_id, ... }]
  let nextUserIndex;

  function reset() {
    const seed = buildSeed(seedCount);
    users = new Map();
    for (const u of seed.users) users.set(u.id, u); // no [id, user] pairs: 100,000 users are a seed option
    organizations = new Map(seed.organizations.map((o) => [o.id, o]));
    memberships = seed.memberships;
    invitations = seed.invitations;
    nextUserIndex = seedCount + 1;
  }
  reset();

  const lower = (s) => s.toLowerCase();
  // Memberships and invitations are listed newest first, ties by id (descending).
  const newestFirst = (a, b) => b.created_at - a.created_at || (a.id < b.id ? 1 : -1);

  return {
    reset,
    clock,
    user: (id) => users.get(id),
    /** All users, oldest first. */
    users: () => [...users.values()],
    organization: (id) => organizations.get(id),
    /** The user's memberships, newest first. */
    membershipsOf: (userId) => memberships.filter((m) => m.user_id === userId).sort(newestFirst),
    membersCount: (orgId) => memberships.filter((m) => m.organization_id === orgId).length,
    pendingInvitationsCount: (orgId) => invitations.filter((i) => i.organization_id === orgId && i.status === 'pending').length,
    /** Invitations sent to any of the user's email addresses, newest first. */
    invitationsFor(user) {
      const addresses = new Set(user.emails.map((e) => lower(e.email_address)));
      return invitations.filter((i) => addresses.has(lower(i.email_address))).sort(newestFirst);
    },

    /** The user (other than `except`) already holding this identifier, if any. */
    identifierOwner(kind, value, except) {
      const v = lower(value);
      for (const u of users.values()) {
        if (u === except) continue;
        const taken =
          (kind === 'email' && u.emails.some((e) => lower(e.email_address) === v)) ||
          (kind === 'phone' && u.phones.some((p) => p.phone_number === value)) ||
          (kind === 'web3' && u.wallets.some((w) => lower(w.web3_wallet) === v)) ||
          (kind === 'username' && u.username !== null && lower(u.username) === v) ||
          (kind === 'external_id' && u.external_id === value);
        if (taken) return u;
      }
      return undefined;
    },

    /** A new user record with the next index, stamped now (or `created_at`). */
    newUser(fields) {
      const now = clock.now();
      const user = userRecord(nextUserIndex, { created_at: now, ...fields, updated_at: now });
      nextUserIndex += 1;
      return user;
    },
    insertUser(user) {
      users.set(user.id, user);
    },
    deleteUser(id) {
      users.delete(id);
      memberships = memberships.filter((m) => m.user_id !== id);
    },
  };
}

/** Whether the user has a second factor (TOTP or backup codes). */
export const hasSecondFactor = (user) => user.totp !== null || user.backup_codes.length > 0;

/**
 * Runs `change` on the user's second factors and stamps mfa_enabled_at /
 * mfa_disabled_at when the user goes from none to some, or from some to none.
 */
export function changeMfa(user, now, change) {
  const before = hasSecondFactor(user);
  change();
  const after = hasSecondFactor(user);
  if (!before && after) user.mfa_enabled_at = now;
  if (before && !after) user.mfa_disabled_at = now;
  user.updated_at = now;
}
