// Kinde <-> Clerk user copy: one user at a time, for the job runner.
//
// The mapping is two pure functions (mapKindeToClerk, mapClerkToKinde) that
// turn one source user into the target's create body, the writes that must
// follow it, and a list of what cannot move. copyUser adds the I/O: the extra
// reads a Kinde source needs, the idempotency lookup, the create and its
// follow-ups. The source user's id becomes the target's external id (Clerk
// `external_id`, Kinde `provided_id`), which is what the lookup searches, so
// a rerun after a crash answers 'exists' instead of creating a second user.

import { IdpUsersError } from 'idp-users';

const PROVIDERS = ['kinde', 'clerk'];

// The reasons, worded once so every user's report says the same thing.
const WHY = {
  password: 'password: neither API exports password hashes; the user sets a new one or signs in another way',
  passwordIfAny: 'password (if any): neither API exports password hashes; the user sets a new one or signs in another way',
  sessions: 'sessions: not portable; the user signs in again on the target',
  mfaIfAny: 'MFA factors (if any): their secrets are not exported; the user enrolls again',
  mfa: 'MFA (TOTP secret, backup codes): their secrets are not exported; the user enrolls again',
  organizationsIfAny: 'organization memberships (if any): organizations are outside the Users endpoints; not copied',
};

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const isScalar = (v) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
const list = (v) => (Array.isArray(v) ? v : []);
const sameEmail = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

/** Moves the item equal to `primary` (by `same`) to the front, keeping the others' order. */
function primaryFirst(items, primary, same) {
  const i = items.findIndex((it) => same(it.value, primary));
  return i > 0 ? [items[i], ...items.slice(0, i), ...items.slice(i + 1)] : items;
}

/**
 * Maps one Kinde user (an item of `getUsers`) to the body of Clerk's `createUser`.
 *
 * `extras.identities` (the items of `getUserIdentities`) gives every email,
 * phone and username with its confirmed state; without it only the list
 * item's primary email/phone/username move, created `reserved` (unverified)
 * since their state is unknown. `extras.properties` (the `properties` of
 * `getUserPropertyValues`) moves into `private_metadata.kinde_properties`.
 */
export function mapKindeToClerk(kindeUser, extras = {}) {
  const user = isObject(kindeUser) ? kindeUser : {};
  const notMoved = [];
  const params = {};
  if (text(user.id)) params.external_id = user.id;
  if (text(user.first_name)) params.first_name = user.first_name;
  if (text(user.last_name)) params.last_name = user.last_name;

  let emails = [];
  let phones = [];
  const usernames = [];
  const identities = isObject(extras) && Array.isArray(extras.identities) ? extras.identities : null;
  if (identities) {
    for (const identity of identities) {
      if (!isObject(identity)) continue;
      const value = text(identity.name) ?? text(identity.email);
      const verified = identity.is_confirmed === true;
      if (identity.type === 'email' && value) emails.push({ value, verified });
      else if (identity.type === 'phone' && value) phones.push({ value, verified });
      else if (identity.type === 'username' && value) usernames.push(value);
      else if (text(identity.type)) {
        notMoved.push(`identity ${identity.type}: Clerk links social and enterprise accounts only when the user signs in with them`);
      }
    }
  }
  // The list item's values are the primary ones; keep them even when the
  // identities were not read (or a page of them was missed).
  if (text(user.email) && !emails.some((e) => sameEmail(e.value, user.email))) emails.push({ value: user.email, verified: false });
  if (text(user.phone) && !phones.some((p) => p.value === user.phone)) phones.push({ value: user.phone, verified: false });
  if (text(user.username) && !usernames.some((u) => sameEmail(u, user.username))) usernames.unshift(user.username);
  emails = primaryFirst(emails, user.email, sameEmail);
  phones = primaryFirst(phones, user.phone, (a, b) => a === b);

  if (emails.length > 0) {
    params.email_address = emails.map((e) => e.value);
    params.email_address_identification_status = emails.map((e) => (e.verified ? 'verified' : 'reserved'));
  }
  if (phones.length > 0) {
    params.phone_number = phones.map((p) => p.value);
    params.phone_number_identification_status = phones.map((p) => (p.verified ? 'verified' : 'reserved'));
  }
  const username = text(user.username) ?? usernames[0];
  if (username) params.username = username;
  for (const other of usernames) {
    if (!sameEmail(other, username)) notMoved.push(`username ${other}: a Clerk user has one username`);
  }

  const privateMetadata = {};
  if (text(user.provided_id)) privateMetadata.kinde_provided_id = user.provided_id;
  const properties = {};
  for (const property of list(isObject(extras) ? extras.properties : undefined)) {
    if (isObject(property) && text(property.key) && property.value !== null && property.value !== undefined) {
      properties[property.key] = property.value;
    }
  }
  if (Object.keys(properties).length > 0) privateMetadata.kinde_properties = properties;
  if (Object.keys(privateMetadata).length > 0) params.private_metadata = privateMetadata;

  if (user.is_suspended === true) params.banned = true;
  if (text(user.created_on)) params.created_at = user.created_on;
  // Nothing to bring for these checks: the user has no password here, and
  // accepted the terms (if any) on the source.
  params.skip_password_requirement = true;
  params.skip_legal_checks = true;
  // A Kinde user with only social/enterprise identities has no identifier
  // Clerk can take; create it anyway rather than fail the item.
  if (!params.email_address && !params.phone_number && !params.username) params.skip_user_requirement = true;

  if (text(user.picture)) notMoved.push('picture: Clerk takes an uploaded image, not a URL; not copied');
  notMoved.push(WHY.passwordIfAny, WHY.mfaIfAny, WHY.sessions);
  const orgs = list(user.organizations).filter((o) => typeof o === 'string');
  notMoved.push(orgs.length > 0
    ? `organization memberships (${orgs.join(', ')}): organizations are outside the Users endpoints; not copied`
    : WHY.organizationsIfAny);
  if (text(user.last_signed_in) || (typeof user.total_sign_ins === 'number' && user.total_sign_ins > 0)) {
    notMoved.push('sign-in history (last_signed_in, sign-in counts): Clerk keeps its own');
  }
  if (isObject(user.billing) && text(user.billing.customer_id)) notMoved.push('billing customer: not part of a Clerk user');
  return { params, notMoved };
}

/**
 * Maps one Clerk user (an item of `getUserList`) to the body of Kinde's
 * `createUser`, plus `after`: what must be written once the user exists
 * (Kinde's createUser takes neither a suspension nor properties).
 *
 * `after.properties` are candidates: top-level string/number/boolean values
 * of `public_metadata` and `private_metadata`, and the entries of
 * `private_metadata.kinde_properties` (what a Kinde -> Clerk copy wrote), in
 * rising precedence. copyUser writes only those whose key is a property
 * defined in the Kinde business. `extras` is not used (Clerk's list item
 * holds the whole user); it is accepted for symmetry.
 */
export function mapClerkToKinde(clerkUser, extras = {}) {
  const user = isObject(clerkUser) ? clerkUser : {};
  const notMoved = [];
  const params = {};
  const profile = {};
  if (text(user.first_name)) profile.given_name = user.first_name;
  if (text(user.last_name)) profile.family_name = user.last_name;
  if (user.has_image === true && text(user.image_url)) profile.picture = user.image_url;
  if (Object.keys(profile).length > 0) params.profile = profile;
  if (text(user.id)) params.provided_id = user.id;

  const identities = [];
  const verifiedOf = (item) => isObject(item.verification) && item.verification.status === 'verified';
  const emails = list(user.email_addresses).filter((e) => isObject(e) && text(e.email_address));
  const phones = list(user.phone_numbers).filter((p) => isObject(p) && text(p.phone_number));
  const ordered = (items, primaryId) => {
    const i = items.findIndex((it) => it.id === primaryId);
    return i > 0 ? [items[i], ...items.slice(0, i), ...items.slice(i + 1)] : items;
  };
  for (const e of ordered(emails, user.primary_email_address_id)) {
    identities.push({ type: 'email', is_verified: verifiedOf(e), details: { email: e.email_address } });
  }
  for (const p of ordered(phones, user.primary_phone_number_id)) {
    identities.push({ type: 'phone', is_verified: verifiedOf(p), details: { phone: p.phone_number } });
  }
  if (text(user.username)) identities.push({ type: 'username', details: { username: user.username } });
  if (identities.length > 0) params.identities = identities;

  // Metadata -> property candidates; the later source wins a shared key.
  const properties = new Map();
  const take = (object, prefix, skip) => {
    if (!isObject(object)) return;
    for (const [key, value] of Object.entries(object)) {
      if (skip.includes(key) || value === null || value === undefined) continue;
      const from = `${prefix}.${key}`;
      if (!isScalar(value)) {
        notMoved.push(`${from}: not a string, number or boolean; a Kinde property holds one value`);
        continue;
      }
      const earlier = properties.get(key);
      if (earlier) notMoved.push(`${earlier.from}: ${from} has the same key and takes the Kinde property`);
      properties.set(key, { key, value, from });
    }
  };
  const privateMetadata = isObject(user.private_metadata) ? user.private_metadata : {};
  take(user.public_metadata, 'public_metadata', []);
  take(privateMetadata, 'private_metadata', ['kinde_properties', 'kinde_provided_id']);
  take(privateMetadata.kinde_properties, 'private_metadata.kinde_properties', []);
  if (privateMetadata.kinde_properties !== undefined && !isObject(privateMetadata.kinde_properties)) {
    notMoved.push('private_metadata.kinde_properties: not an object; not copied');
  }
  if (text(privateMetadata.kinde_provided_id)) {
    notMoved.push(`private_metadata.kinde_provided_id ${privateMetadata.kinde_provided_id}: Kinde's provided_id holds the Clerk id (the copy's key)`);
  }
  if (isObject(user.unsafe_metadata) && Object.keys(user.unsafe_metadata).length > 0) {
    notMoved.push('unsafe_metadata: the user can write it from the frontend; not copied into Kinde properties');
  }
  const after = { suspend: user.banned === true, properties: [...properties.values()] };

  if (text(user.external_id)) notMoved.push(`external_id ${user.external_id}: Kinde's provided_id holds the Clerk id (the copy's key)`);
  if (user.password_enabled === true) notMoved.push(WHY.password);
  if (user.totp_enabled === true || user.backup_code_enabled === true || user.two_factor_enabled === true) notMoved.push(WHY.mfa);
  const count = (v) => list(v).length;
  if (count(user.passkeys) > 0) notMoved.push(`passkeys (${count(user.passkeys)}): bound to Clerk's domain; the user registers them again`);
  if (count(user.web3_wallets) > 0) notMoved.push(`web3 wallets (${count(user.web3_wallets)}): Kinde has no wallet identity`);
  for (const account of list(user.external_accounts)) {
    const provider = isObject(account) ? text(account.provider) ?? 'oauth' : 'oauth';
    notMoved.push(`external account ${provider}: Kinde links social identities only when the user signs in with them`);
  }
  if (count(user.saml_accounts) + count(user.enterprise_accounts) > 0) {
    notMoved.push('SAML/enterprise accounts: Kinde links them only when the user signs in with them');
  }
  if (user.locked === true) notMoved.push('locked: Kinde has no lockout state');
  if (text(user.locale)) notMoved.push(`locale ${user.locale}: no Kinde user field`);
  if (user.legal_accepted_at !== null && user.legal_accepted_at !== undefined) notMoved.push('legal_accepted_at: no Kinde user field');
  if (user.created_at !== null && user.created_at !== undefined) notMoved.push('created_at: Kinde stamps its own creation time');
  if (user.last_sign_in_at !== null && user.last_sign_in_at !== undefined) notMoved.push('sign-in history (last_sign_in_at, last_active_at): Kinde keeps its own');
  notMoved.push(WHY.sessions, WHY.organizationsIfAny);
  return { params, notMoved, after };
}

// ---- I/O ----

function invalid(provider, param, message) {
  return new IdpUsersError(`copyUser: ${param} ${message}`, { kind: 'validation', provider, operation: 'copyUser', param });
}

function check(args) {
  if (!isObject(args)) throw invalid('kinde', 'options', 'must be an object { from, to, source, target, user, dryRun }');
  const { from, to, source, target, user, dryRun = false } = args;
  if (!PROVIDERS.includes(from)) throw invalid('kinde', 'from', "must be 'kinde' or 'clerk'");
  if (!PROVIDERS.includes(to) || to === from) throw invalid(from, 'to', `must be the other provider ('${from === 'kinde' ? 'clerk' : 'kinde'}')`);
  const need = {
    kinde: ['getUsers', 'getUserIdentities', 'getUserPropertyValues', 'createUser', 'updateUser', 'updateUserProperties'],
    clerk: ['getUserList', 'createUser'],
  };
  for (const [name, client, provider] of [['source', source, from], ['target', target, to]]) {
    if (!client || need[provider].some((m) => typeof client[m] !== 'function')) {
      throw invalid(from, name, `must be a ${provider === 'kinde' ? 'KindeUsersApi' : 'ClerkUsersApi'}`);
    }
  }
  if (!isObject(user) || !text(user.id)) throw invalid(from, 'user', `must be a ${from} user with an id`);
  if (typeof dryRun !== 'boolean') throw invalid(from, 'dryRun', 'must be true or false');
  return { from, to, source, target, user, dryRun };
}

/** Reads every identity of a Kinde user (the client pages through them). */
async function kindeIdentities(kinde, userId) {
  const out = [];
  for await (const identity of kinde.getUserIdentities(userId)) out.push(identity);
  return out;
}

/** The Clerk user whose external_id is `id`, or null. One read. */
async function findInClerk(clerk, id) {
  const users = await clerk.getUserList({ external_id: [id], limit: 1 });
  const found = list(users).find((u) => isObject(u) && u.external_id === id);
  return found ?? null;
}

/**
 * The Kinde user whose provided_id is `id`, or null. getUsers cannot filter
 * by provided_id, so this filters by the copy's own primary email (else
 * phone, else username: Kinde keeps each unique) and checks provided_id on
 * the one or few users that match: one read. Only a source user with none of
 * the three costs a walk of every Kinde user (500 per read).
 */
async function findInKinde(kinde, id, params) {
  const identities = list(params.identities);
  for (const type of ['email', 'phone', 'username']) {
    const identity = identities.find((i) => i.type === type);
    const value = identity?.details?.[type];
    // The filters take comma lists, so a value holding a comma cannot be searched.
    if (typeof value !== 'string' || value.includes(',')) continue;
    const page = await kinde.getUsers({ [type]: value, page_size: 10 });
    return list(page?.users).find((u) => isObject(u) && u.provided_id === id) ?? null;
  }
  for await (const u of kinde.getUsers({ page_size: 500 })) {
    if (isObject(u) && u.provided_id === id) return u;
  }
  return null;
}

/**
 * Writes the Kinde follow-ups of a Clerk -> Kinde copy: the suspension and
 * the defined properties. On a user found by the lookup (`existing`), only
 * what is missing: a suspension it lacks, properties still empty there, so a
 * copy interrupted between its create and these writes is completed by the
 * rerun and an admin's later edit is not overwritten. Returns the writes
 * (sent, or due when `dryRun`) and adds the unmovable candidates to notMoved.
 */
async function kindeFollowUps(kinde, targetId, after, existing, dryRun, notMoved) {
  const writes = [];
  if (after.suspend && existing?.is_suspended !== true) {
    writes.push({ operation: 'updateUser', params: { is_suspended: true } });
  }
  if (after.properties.length > 0) {
    if (targetId === null) {
      // Dry run of a user not yet created: no user to read the definitions from.
      const properties = Object.fromEntries(after.properties.map((p) => [p.key, p.value]));
      writes.push({ operation: 'updateUserProperties', params: { properties } });
      notMoved.push('properties: written only for keys defined as Kinde properties (checked when copied)');
    } else {
      const current = await kinde.getUserPropertyValues(targetId);
      const defined = new Map(list(current?.properties).filter((p) => isObject(p) && text(p.key)).map((p) => [p.key, p.value]));
      const properties = {};
      for (const p of after.properties) {
        if (!defined.has(p.key)) notMoved.push(`${p.from}: no Kinde property with the key '${p.key}'`);
        else if (!existing || defined.get(p.key) === null || defined.get(p.key) === undefined || defined.get(p.key) === '') properties[p.key] = p.value;
      }
      if (Object.keys(properties).length > 0) writes.push({ operation: 'updateUserProperties', params: { properties } });
    }
  }
  if (!dryRun && targetId !== null) {
    for (const w of writes) {
      if (w.operation === 'updateUser') await kinde.updateUser(targetId, w.params);
      else await kinde.updateUserProperties(targetId, w.params);
    }
  }
  return writes;
}

/** The new user's id from a create answer; without one the follow-ups could not be sent, so that is a failure. */
function createdId(answer, provider) {
  if (isObject(answer) && text(answer.id)) return answer.id;
  throw new IdpUsersError('copyUser: createUser answered without the new user\'s id', { kind: 'decode', provider, operation: 'createUser' });
}

/**
 * Copies one user to the other provider. See copy.d.ts for the contract.
 */
export async function copyUser(args) {
  const { from, source, target, user, dryRun } = check(args);
  if (from === 'kinde') {
    const existing = await findInClerk(target, user.id);
    if (existing) {
      const { params, notMoved } = mapKindeToClerk(user);
      return { outcome: 'exists', targetId: existing.id, mapping: params, notMoved, followUps: [] };
    }
    const [identities, values] = await Promise.all([kindeIdentities(source, user.id), source.getUserPropertyValues(user.id)]);
    const { params, notMoved } = mapKindeToClerk(user, { identities, properties: values?.properties });
    if (dryRun) return { outcome: 'dry-run', targetId: null, mapping: params, notMoved, followUps: [] };
    const created = await target.createUser(params);
    return { outcome: 'created', targetId: createdId(created, 'clerk'), mapping: params, notMoved, followUps: [] };
  }

  const { params, notMoved, after } = mapClerkToKinde(user);
  const existing = await findInKinde(target, user.id, params);
  if (existing) {
    const followUps = await kindeFollowUps(target, existing.id, after, existing, dryRun, notMoved);
    return { outcome: 'exists', targetId: existing.id, mapping: params, notMoved, followUps };
  }
  if (dryRun) {
    const followUps = await kindeFollowUps(target, null, after, null, true, notMoved);
    return { outcome: 'dry-run', targetId: null, mapping: params, notMoved, followUps };
  }
  const targetId = createdId(await target.createUser(params), 'kinde');
  const followUps = await kindeFollowUps(target, targetId, after, null, false, notMoved);
  return { outcome: 'created', targetId, mapping: params, notMoved, followUps };
}
