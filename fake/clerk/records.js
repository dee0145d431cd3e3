// Constructors of the fake Clerk's records, shared by the seed and by the
// routes that create data, so both build the same shapes. Records hold state;
// views.js turns them into the spec's models.

import { pad4 } from '../shared/people.js';
export const userIdOf = (index) => `user_fake_${pad4(index)}`;

const ADMIN_VERIFICATION = () => ({ object: 'verification_admin', status: 'verified', strategy: 'admin', attempts: null, expire_at: null });
// A reserved identification is not verified. (The spec lets `verification` be null, but Prism
// rejects null for these oneOf fields, so the fake sends an unverified code verification.)
const UNVERIFIED = (strategy) => ({ object: 'verification_otp', status: 'unverified', strategy, attempts: null, expire_at: null });

/** A user with no identifications, credentials or activity, overridden by `fields` (created_at required). */
export function userRecord(index, fields) {
  const user = {
    id: userIdOf(index),
    seq: index, // creation order: the tie-breaker of every ordering
    external_id: null,
    first_name: null,
    last_name: null,
    locale: null,
    username: null,
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    emails: [],
    phones: [],
    wallets: [],
    passkeys: [],
    externalAccounts: [],
    primary_email_address_id: null,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password: null, // { plaintext } or { hasher, digest }: never sent back
    password_last_updated_at: null,
    totp: null, // { secret } (base32)
    backup_codes: [],
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    image: null, // { url, upload?: { name, type, size, bytes } }
    banned: false,
    locked: false,
    last_sign_in_at: null,
    last_active_at: null,
    delete_self_enabled: true,
    create_organization_enabled: true,
    create_organizations_limit: null,
    legal_accepted_at: null,
    bypass_client_trust: false,
    counters: { email: 0, phone: 0, web3: 0, passkey: 0, oauth: 0, image: 0, totp: 0 },
    ...fields,
  };
  user.updated_at ??= user.created_at;
  return user;
}

/** The next identification id of `kind` for `user`: idn_fake_<kind>_<pad4(seq)>_<n>. */
function nextId(user, kind, prefix = 'idn_fake') {
  user.counters[kind] += 1;
  return `${prefix}_${kind}_${pad4(user.seq)}_${user.counters[kind]}`;
}

// Email addresses and phone numbers follow one rule: verified by an admin unless
// reserved (then an unverified one-time code), linkable, the first one primary.
const CONTACTS = {
  email: { list: 'emails', field: 'email_address', primary: 'primary_email_address_id', code: 'email_code' },
  phone: { list: 'phones', field: 'phone_number', primary: 'primary_phone_number_id', code: 'phone_code' },
};

function addContact(user, kind, value, at, reserved) {
  const { list, field, primary, code } = CONTACTS[kind];
  const contact = {
    id: nextId(user, kind),
    [field]: value,
    reserved,
    verification: reserved ? UNVERIFIED(code) : ADMIN_VERIFICATION(),
    linked_to: [],
    created_at: at,
    updated_at: at,
  };
  user[list].push(contact);
  user[primary] ??= contact.id;
  return contact;
}

/** Adds an email address (verified by admin, or `reserved`); the first becomes primary. */
export const addEmail = (user, address, at, { reserved = false } = {}) => addContact(user, 'email', address, at, reserved);

/** Adds a phone number (verified by admin, or `reserved`); the first becomes primary. */
export const addPhone = (user, number, at, { reserved = false } = {}) => addContact(user, 'phone', number, at, reserved);

/** Adds a web3 wallet; `signed` ones carry a web3 signature verification, others an admin one. */
export function addWallet(user, address, at, { signed = false } = {}) {
  const wallet = {
    id: nextId(user, 'web3'),
    web3_wallet: address,
    verification: signed
      ? { object: 'verification_web3', status: 'verified', strategy: 'web3_metamask_signature', attempts: null, expire_at: null }
      : ADMIN_VERIFICATION(),
    created_at: at,
    updated_at: at,
  };
  user.wallets.push(wallet);
  user.primary_web3_wallet_id ??= wallet.id;
  return wallet;
}

export function addPasskey(user, name, lastUsedAt) {
  const passkey = { id: nextId(user, 'passkey'), name, last_used_at: lastUsedAt };
  user.passkeys.push(passkey);
  return passkey;
}

/**
 * Adds an OAuth external account (with its access token) and links the
 * user's email address of the same value to it.
 */
export function addExternalAccount(user, { provider, providerUserId, email, firstName, lastName, at, token, scopes }) {
  const n = user.counters.oauth + 1;
  const account = {
    id: `eac_fake_${pad4(user.seq)}_${n}`,
    provider,
    identification_id: nextId(user, 'oauth'),
    provider_user_id: providerUserId,
    approved_scopes: scopes.join(' '),
    email_address: email,
    first_name: firstName,
    last_name: lastName,
    image_url: `https://img.fake-clerk.test/oauth/${provider}/${providerUserId}.png`,
    created_at: at,
    updated_at: at,
    token: { token, scopes: [...scopes], expires_at: at + 365 * 24 * 3600 * 1000 },
  };
  user.externalAccounts.push(account);
  const linked = user.emails.find((e) => e.email_address.toLowerCase() === email.toLowerCase());
  if (linked) linked.linked_to.push({ type: provider, id: account.id });
  return account;
}
