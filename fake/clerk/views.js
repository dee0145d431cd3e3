// Response models of the fake Clerk, field for field as in the spec
// (the User model has additionalProperties: false: nothing else is sent).

import { hasSecondFactor } from './state.js';

export const DEFAULT_AVATAR = 'https://img.fake-clerk.test/default-avatar.png';
const ROLE_NAMES = { 'org:admin': 'Admin', 'org:member': 'Member' };
const ROLE_PERMISSIONS = {
  'org:admin': ['org:sys_memberships:manage', 'org:sys_memberships:read', 'org:sys_profile:manage', 'org:sys_profile:delete'],
  'org:member': ['org:sys_memberships:read'],
};
// The fake instance has account lockout on, with this many attempts.
export const VERIFICATION_ATTEMPTS = 100;

const copy = (value) => structuredClone(value);

function emailView(e) {
  return {
    id: e.id,
    object: 'email_address',
    email_address: e.email_address,
    reserved: e.reserved,
    verification: copy(e.verification),
    linked_to: copy(e.linked_to),
    matches_sso_connection: false,
    created_at: e.created_at,
    updated_at: e.updated_at,
  };
}

function phoneView(p) {
  return {
    id: p.id,
    object: 'phone_number',
    phone_number: p.phone_number,
    reserved_for_second_factor: false,
    default_second_factor: false,
    reserved: p.reserved,
    verification: copy(p.verification),
    linked_to: copy(p.linked_to),
    created_at: p.created_at,
    updated_at: p.updated_at,
  };
}

function walletView(w) {
  return { id: w.id, object: 'web3_wallet', web3_wallet: w.web3_wallet, verification: copy(w.verification), created_at: w.created_at, updated_at: w.updated_at };
}

function passkeyView(p) {
  return {
    id: p.id,
    object: 'passkey',
    name: p.name,
    last_used_at: p.last_used_at,
    verification: { object: 'verification_passkey', status: 'verified', strategy: 'passkey', attempts: null, expire_at: null },
  };
}

function externalAccountView(a) {
  return {
    object: 'external_account',
    id: a.id,
    provider: a.provider,
    identification_id: a.identification_id,
    provider_user_id: a.provider_user_id,
    approved_scopes: a.approved_scopes,
    email_address: a.email_address,
    email_address_verified: true,
    first_name: a.first_name,
    last_name: a.last_name,
    image_url: a.image_url,
    username: null,
    phone_number: null,
    public_metadata: {},
    label: null,
    created_at: a.created_at,
    updated_at: a.updated_at,
    verification: { object: 'verification_oauth', status: 'verified', strategy: a.provider, attempts: null, expire_at: a.token.expires_at },
  };
}

export const imageUrlOf = (user) => user.image?.url ?? DEFAULT_AVATAR;

/** The User model. */
export function userView(user) {
  const imageUrl = imageUrlOf(user);
  return {
    id: user.id,
    object: 'user',
    external_id: user.external_id,
    primary_email_address_id: user.primary_email_address_id,
    primary_phone_number_id: user.primary_phone_number_id,
    primary_web3_wallet_id: user.primary_web3_wallet_id,
    username: user.username,
    first_name: user.first_name,
    last_name: user.last_name,
    locale: user.locale,
    profile_image_url: imageUrl,
    image_url: imageUrl,
    has_image: user.image !== null,
    public_metadata: copy(user.public_metadata),
    private_metadata: copy(user.private_metadata),
    unsafe_metadata: copy(user.unsafe_metadata),
    email_addresses: user.emails.map(emailView),
    phone_numbers: user.phones.map(phoneView),
    web3_wallets: user.wallets.map(walletView),
    passkeys: user.passkeys.map(passkeyView),
    password_enabled: user.password !== null,
    two_factor_enabled: hasSecondFactor(user),
    totp_enabled: user.totp !== null,
    backup_code_enabled: user.backup_codes.length > 0,
    mfa_enabled_at: user.mfa_enabled_at,
    mfa_disabled_at: user.mfa_disabled_at,
    password_last_updated_at: user.password_last_updated_at,
    external_accounts: user.externalAccounts.map(externalAccountView),
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: user.last_sign_in_at,
    banned: user.banned,
    locked: user.locked,
    deprovisioned: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: user.locked ? 0 : VERIFICATION_ATTEMPTS,
    updated_at: user.updated_at,
    created_at: user.created_at,
    delete_self_enabled: user.delete_self_enabled,
    create_organization_enabled: user.create_organization_enabled,
    create_organizations_limit: user.create_organizations_limit,
    last_active_at: user.last_active_at,
    legal_accepted_at: user.legal_accepted_at,
    bypass_client_trust: user.bypass_client_trust,
  };
}

/** The primary email address (else the first one) of a user, or null. */
export function identifierOf(user) {
  const primary = user.emails.find((e) => e.id === user.primary_email_address_id) ?? user.emails[0];
  return primary?.email_address ?? null;
}

function organizationView(org, store) {
  return {
    object: 'organization',
    id: org.id,
    name: org.name,
    slug: org.slug,
    image_url: DEFAULT_AVATAR,
    has_image: false,
    members_count: store.membersCount(org.id),
    pending_invitations_count: store.pendingInvitationsCount(org.id),
    max_allowed_memberships: org.max_allowed_memberships,
    admin_delete_enabled: org.admin_delete_enabled,
    public_metadata: copy(org.public_metadata),
    private_metadata: copy(org.private_metadata),
    created_by: org.created_by,
    created_at: org.created_at,
    updated_at: org.updated_at,
  };
}

/** The OrganizationMembership model (with public_user_data). */
export function membershipView(m, store) {
  const user = store.user(m.user_id);
  const imageUrl = imageUrlOf(user);
  return {
    id: m.id,
    object: 'organization_membership',
    role: m.role,
    role_name: ROLE_NAMES[m.role] ?? m.role,
    permissions: [...(ROLE_PERMISSIONS[m.role] ?? [])],
    public_metadata: {},
    private_metadata: {},
    organization: organizationView(store.organization(m.organization_id), store),
    public_user_data: {
      user_id: user.id,
      first_name: user.first_name,
      last_name: user.last_name,
      profile_image_url: imageUrl,
      image_url: imageUrl,
      has_image: user.image !== null,
      identifier: identifierOf(user),
      username: user.username,
      banned: user.banned,
      deprovisioned: false,
    },
    created_at: m.created_at,
    updated_at: m.updated_at,
  };
}

/** The OrganizationInvitationWithPublicOrganizationData model. */
export function invitationView(inv, store) {
  const org = store.organization(inv.organization_id);
  const inviter = inv.inviter_id === null ? undefined : store.user(inv.inviter_id);
  return {
    object: 'organization_invitation',
    id: inv.id,
    email_address: inv.email_address,
    role: inv.role,
    role_name: ROLE_NAMES[inv.role] ?? inv.role,
    organization_id: inv.organization_id,
    inviter_id: inv.inviter_id,
    public_inviter_data: inviter
      ? {
          user_id: inviter.id,
          first_name: inviter.first_name,
          last_name: inviter.last_name,
          image_url: imageUrlOf(inviter),
          has_image: inviter.image !== null,
          identifier: identifierOf(inviter) ?? inviter.id,
        }
      : null,
    status: inv.status,
    public_metadata: {},
    private_metadata: {},
    url: null,
    expires_at: inv.expires_at,
    created_at: inv.created_at,
    updated_at: inv.updated_at,
    public_organization_data: { id: org.id, name: org.name, slug: org.slug, image_url: DEFAULT_AVATAR, has_image: false },
  };
}

/** One item of the OAuthAccessToken array. */
export function oauthTokenView(account) {
  return {
    object: 'oauth_access_token',
    external_account_id: account.id,
    provider_user_id: account.provider_user_id,
    token: account.token.token,
    expires_at: account.token.expires_at,
    provider: account.provider,
    public_metadata: {},
    label: null,
    scopes: [...account.token.scopes],
  };
}
