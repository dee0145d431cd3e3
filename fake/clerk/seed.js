// Deterministic seed data for the fake Clerk. Every value is a pure function
// of the user index i (1-based), so the same seed count always yields the same
// data. fake/README.md documents the rules; keep the two in step.

import { BASE_MS, DAY, HOUR, pad4, person } from '../shared/people.js';
import { addEmail, addExternalAccount, addPasskey, addPhone, addWallet, userIdOf, userRecord } from './records.js';
import { secretFor } from './totp.js';


export const seedPassword = (i) => `fake-password-${pad4(i)}`;
export const seedBackupCodes = (i) => [1, 2, 3, 4, 5].map((k) => `bc${pad4(i)}x${k}`);
export const seedTotpSecret = (i) => secretFor(`totp:${userIdOf(i)}`);
export const seedWallet = (i) => `0xfa4e${String(i).padStart(36, '0')}`;

/** The two organizations; members are added by buildSeed. */
function seedOrganizations() {
  const common = { max_allowed_memberships: 0, admin_delete_enabled: true, public_metadata: {}, private_metadata: {} };
  return [
    { ...common, id: 'org_fake', name: 'Fake Organization', slug: 'fake-organization', created_by: userIdOf(1), created_at: BASE_MS - 30 * DAY, updated_at: BASE_MS - 30 * DAY },
    { ...common, id: 'org_fake_2', name: 'Second Fake Organization', slug: 'second-fake-organization', created_by: userIdOf(3), created_at: BASE_MS - 20 * DAY, updated_at: BASE_MS - 20 * DAY },
  ];
}

function seedUser(i) {
  const { first, last, email, username, createdMs: created, signedInMs: signedIn } = person(i);
  const user = userRecord(i, {
    external_id: i % 2 === 1 ? `ext_${pad4(i)}` : null,
    first_name: first,
    last_name: last,
    locale: i % 2 === 1 ? 'en-US' : null,
    username: username ?? null,
    public_metadata: { plan: i % 2 === 0 ? 'pro' : 'free', seed_index: i },
    private_metadata: i % 3 === 0 ? { internal_note: `note_${pad4(i)}` } : {},
    created_at: created,
    updated_at: created + 12 * HOUR,
    last_sign_in_at: signedIn,
    // Active half a day after the sign-in; never for those who never signed in.
    last_active_at: signedIn === null ? null : created + 2 * DAY,
    banned: i % 12 === 6,
    locked: i % 12 === 7,
  });
  addEmail(user, email, created);
  if (i % 3 === 0) addPhone(user, `+1555${String(i).padStart(7, '0')}`, created);
  if (i % 5 === 0) user.image = { url: `https://img.fake-clerk.test/seed/${user.id}.png` };
  if (i % 5 === 1) {
    user.password = { plaintext: seedPassword(i) };
    user.password_last_updated_at = created + HOUR;
  }
  if (i % 7 === 2) {
    user.totp = { secret: seedTotpSecret(i) };
    user.backup_codes = seedBackupCodes(i);
    user.mfa_enabled_at = created + 3 * HOUR;
  }
  if (i % 6 === 3) addPasskey(user, `Fake passkey ${pad4(i)}`, created + 36 * HOUR);
  if (i % 8 === 5) addWallet(user, seedWallet(i), created, { signed: true });
  if (i % 4 === 0) {
    addExternalAccount(user, {
      provider: 'oauth_google',
      providerUserId: `google_${pad4(i)}`,
      email,
      firstName: first,
      lastName: last,
      at: created + HOUR,
      token: `fake_oauth_google_token_${pad4(i)}`,
      scopes: ['email', 'profile', 'openid'],
    });
  }
  return user;
}

// [user index, org id, role, hours after the user's creation]
const MEMBERSHIPS = [
  [1, 'org_fake', 'org:admin', 1], [2, 'org_fake', 'org:member', 1], [3, 'org_fake', 'org:member', 1],
  [4, 'org_fake', 'org:member', 1], [5, 'org_fake', 'org:member', 1],
  [1, 'org_fake_2', 'org:member', 2], [2, 'org_fake_2', 'org:member', 2], [3, 'org_fake_2', 'org:admin', 2],
];

// [n, org id, invited user index, status, role, created (days after BASE)]
const INVITATIONS = [
  [1, 'org_fake', 2, 'accepted', 'org:member', 0],
  [2, 'org_fake', 6, 'pending', 'org:member', 10],
  [3, 'org_fake_2', 6, 'revoked', 'org:admin', 11],
  [4, 'org_fake_2', 6, 'pending', 'org:member', 12],
  [5, 'org_fake', 7, 'expired', 'org:member', 13],
];

/** The whole seeded world for `count` users. Memberships and invitations of missing users are left out. */
export function buildSeed(count) {
  const users = [];
  for (let i = 1; i <= count; i += 1) users.push(seedUser(i));
  const emailOf = (i) => users[i - 1].emails[0].email_address;
  const memberships = MEMBERSHIPS.filter(([i]) => i <= count).map(([i, orgId, role, hours], n) => {
    const at = users[i - 1].created_at + hours * HOUR;
    return { id: `orgmem_fake_${pad4(n + 1)}`, organization_id: orgId, user_id: userIdOf(i), role, created_at: at, updated_at: at };
  });
  const invitations = INVITATIONS.filter(([, , i]) => i <= count).map(([n, orgId, i, status, role, days]) => {
    const at = BASE_MS + days * DAY;
    return {
      id: `orginv_fake_${pad4(n)}`,
      organization_id: orgId,
      email_address: emailOf(i),
      role,
      status,
      inviter_id: count >= 1 ? userIdOf(1) : null,
      created_at: at,
      updated_at: status === 'pending' ? at : at + DAY,
      expires_at: at + 30 * DAY,
    };
  });
  return { users, organizations: seedOrganizations(), memberships, invitations };
}
