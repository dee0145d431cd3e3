// Deterministic seed data for the fake Kinde. Every value is a pure function
// of the user index i (1-based), so the same seed count always yields the same
// data. fake/README.md documents the rules; keep the two in step.

import { DAY, HOUR, pad4, person } from '../shared/people.js';
import { pushIdentity, userRecord } from './records.js';

const ORG_CODE = 'org_fake';
const ORG_NAME = 'Fake Organization';
const ORG_MEMBER_COUNT = 10;
const GOOGLE_CONNECTION_ID = 'conn_fake_google';
const ENTERPRISE_CONNECTION_ID = 'conn_fake_saml';
const EMAIL_CONNECTION_ID = 'conn_fake_email';
const PROPERTY_KEY = 'fake_property';
const FEATURE_FLAG_KEY = 'fake_flag';

const ZERO = 48; // '0'

/**
 * `new Date(ms).toISOString()` for whole milliseconds in years 1970..9999,
 * computed with integer arithmetic (civil-from-days) into one flat string:
 * Date formatting and string pieces dominated the time to seed 100,000 users.
 * Other times go through Date.
 */
function iso(ms) {
  if (!Number.isInteger(ms) || ms < 0 || ms >= 253402300800000) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const mi = Math.floor(rest / 60000);
  rest -= mi * 60000;
  const s = Math.floor(rest / 1000);
  const ml = rest - s * 1000;
  const digit = (n) => ZERO + (n % 10);
  // YYYY-MM-DDTHH:mm:ss.sssZ
  return String.fromCharCode(
    digit(y / 1000 | 0), digit(y / 100 | 0), digit(y / 10 | 0), digit(y), 45,
    digit(mo / 10 | 0), digit(mo), 45, digit(d / 10 | 0), digit(d), 84,
    digit(h / 10 | 0), digit(h), 58, digit(mi / 10 | 0), digit(mi), 58, digit(s / 10 | 0), digit(s), 46,
    digit(ml / 100 | 0), digit(ml / 10 | 0), digit(ml), 90,
  );
}

const pad6 = (n) => String(n).padStart(6, '0');

/** Connections an identity can reference (create identity, type social/enterprise). */
function seedConnections() {
  return {
    [GOOGLE_CONNECTION_ID]: { kind: 'social', strategy: 'oauth2:google' },
    [ENTERPRISE_CONNECTION_ID]: { kind: 'enterprise', strategy: 'saml:custom' },
  };
}

/** Organization roles and the permissions each grants. */
function seedRoles() {
  return {
    admin: { permissions: ['manage:members', 'read:reports'] },
    member: { permissions: ['read:reports'] },
  };
}

/** Permission keys that exist (direct grants must use one of these). */
function seedPermissions() {
  return ['manage:members', 'read:reports', 'manage:billing'];
}

/** User property definitions. */
function seedProperties() {
  return [
    { id: 'prop_fake_property', key: PROPERTY_KEY, name: 'Fake property', description: 'A user property seeded for tests' },
  ];
}

/** Feature flag definitions (key → type and default). */
function seedFeatureFlags() {
  return { [FEATURE_FLAG_KEY]: { type: 'boolean', default_value: false } };
}

/** The full record of seed user i (see records.js for the record shape). */
function seedUser(i) {
  const { first, last, email, username, createdMs: created, signedInMs: signedIn } = person(i);
  const phone = i % 3 === 0 ? `+61400${pad6(i)}` : undefined;
  const totalSignIns = signedIn === null ? 0 : i * 3;
  const user = userRecord(i, {
    provided_id: `ext_${pad4(i)}`,
    first_name: first,
    last_name: last,
    picture: i % 4 === 0 ? `https://example.com/avatars/kp_fake_${pad4(i)}.png` : null,
    is_suspended: i === 5,
    total_sign_ins: totalSignIns,
    failed_sign_ins: i % 3,
    last_signed_in: signedIn === null ? null : iso(signedIn),
    created_on: iso(created),
    properties: { [PROPERTY_KEY]: i % 2 === 1 ? `value_${pad4(i)}` : null },
  });

  // Plain literals, not `{ ...since, … }`: the spread made seeding 100,000 users twice as slow.
  const since = user.created_on;
  pushIdentity(user, {
    created_on: since,
    type: 'email',
    name: email,
    email,
    is_primary: true,
    last_login_on: user.last_signed_in,
    total_logins: totalSignIns,
  });
  if (username) pushIdentity(user, { created_on: since, type: 'username', name: username });
  if (phone) pushIdentity(user, { created_on: since, type: 'phone', name: phone });
  if (i % 4 === 0) pushIdentity(user, { created_on: since, type: 'oauth2:google', name: email, email, connection_id: GOOGLE_CONNECTION_ID });

  if (i % 2 === 1) {
    // Odd users never have a null last sign-in (only multiples of 10 do).
    const octet = (i % 254) + 1;
    const session = (k, startedMs, orgCode, clientId, ip, agent) => ({
      session_id: `session_fake_${pad4(i)}_${k}`,
      user_id: user.id,
      org_code: orgCode,
      client_id: clientId,
      connection_id: EMAIL_CONNECTION_ID,
      started_on: iso(startedMs),
      updated_on: iso(startedMs + HOUR / 2),
      expires_on: iso(startedMs + 30 * DAY),
      initial_ip_address: ip,
      last_ip_address: ip,
      initial_user_agent: agent,
      last_user_agent: agent,
    });
    user.sessions.push(
      session(1, created + HOUR, null, 'app_fake_web', `203.0.113.${octet}`, 'Mozilla/5.0 (X11; Linux x86_64) FakeBrowser/1.0'),
      session(2, signedIn, i <= ORG_MEMBER_COUNT ? ORG_CODE : null, 'app_fake_mobile', `198.51.100.${octet}`, 'FakeMobileApp/2.0 (iOS 18.0)'),
    );
  }

  if (i % 3 === 1) {
    user.mfa.push({
      id: `mfa_fake_${pad4(i)}`,
      type: 'authenticator_app',
      name: 'Authenticator app',
      is_verified: true,
      created_on: iso(created + 2 * HOUR),
      usage_count: signedIn === null ? 0 : i,
      last_used_on: user.last_signed_in,
    });
  }
  return user;
}

/** The organization, with seed users 1..10 (those that exist) as members. */
function seedOrganization(users) {
  const members = new Map();
  for (const user of users.slice(0, ORG_MEMBER_COUNT)) {
    members.set(user.id, {
      roles: user.seq === 1 ? ['admin'] : ['member'],
      permissions: [],
      joined_on: iso(Date.parse(user.created_on) + HOUR),
      last_accessed_on: user.last_signed_in,
    });
  }
  return { code: ORG_CODE, name: ORG_NAME, members };
}

/** The whole seeded world for `count` users. */
export function buildSeed(count) {
  const users = [];
  for (let i = 1; i <= count; i += 1) users.push(seedUser(i));
  return {
    users,
    organizations: [seedOrganization(users)],
    roles: seedRoles(),
    permissions: seedPermissions(),
    properties: seedProperties(),
    featureFlags: seedFeatureFlags(),
    connections: seedConnections(),
  };
}
