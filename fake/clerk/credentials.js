// Password and second-factor endpoints: verify_password, verify_totp, the
// TOTP / backup code / MFA deletions and the legacy POST /users/{id}/totp.
// verify_password and verify_totp answer their 400/404/422 with no body, as
// the spec documents (the routes are flagged `bodilessErrors`).

import { toHex } from '../shared/bytes.js';
import { jsonResponse } from '../shared/http.js';
import { ClerkError, paramError } from './errors.js';
import { checkBody, jsonBody } from './params.js';
import { pad4 } from '../shared/people.js';
import { changeMfa } from './state.js';
import { secretFor, totpMatches } from './totp.js';
import { pathUser } from './util.js';
import { identifierOf } from './views.js';

async function sha256Hex(text) {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

/** Whether `candidate` is the user's password. Digests verify only for the `sha256` hasher (hex SHA-256). */
async function passwordMatches(password, candidate) {
  if (password.plaintext !== undefined) return password.plaintext === candidate;
  if (password.hasher === 'sha256') return password.digest.toLowerCase() === (await sha256Hex(candidate));
  return false;
}

function requiredString(c, key) {
  const body = checkBody(jsonBody(c, { required: false }), { [key]: 'string' });
  if (body[key] === undefined) throw paramError(key, `${key} is required`, 'form_param_missing', 'is missing');
  return body[key];
}

async function verifyPassword(c) {
  const user = pathUser(c);
  const password = requiredString(c, 'password');
  if (user.password === null) throw new ClerkError(400, 'no_password_set', 'no password', 'The user does not have a password set');
  if (!(await passwordMatches(user.password, password))) {
    throw new ClerkError(422, 'incorrect_password', 'incorrect password', 'The provided password was incorrect');
  }
  return jsonResponse(200, { verified: true });
}

async function verifyTotp(c) {
  const user = pathUser(c);
  const code = requiredString(c, 'code');
  if (user.totp === null && user.backup_codes.length === 0) {
    throw new ClerkError(400, 'totp_not_enabled', 'no TOTP', 'The user does not have TOTP configured for their account');
  }
  if (user.totp !== null && (await totpMatches(user.totp.secret, code, c.clock.now()))) {
    return jsonResponse(200, { verified: true, code_type: 'totp' });
  }
  if (user.backup_codes.includes(code)) {
    changeMfa(user, c.clock.now(), () => {
      user.backup_codes = user.backup_codes.filter((b) => b !== code);
    });
    return jsonResponse(200, { verified: true, code_type: 'backup_code' });
  }
  throw new ClerkError(422, 'incorrect_code', 'incorrect code', 'The provided TOTP or backup code was incorrect');
}

/** A DELETE that clears some second factors and answers `{user_id}`. */
function clearFactors(totp, backupCodes) {
  return (c) => {
    const user = pathUser(c);
    changeMfa(user, c.clock.now(), () => {
      if (totp) user.totp = null;
      if (backupCodes) user.backup_codes = [];
    });
    return jsonResponse(200, { user_id: user.id });
  };
}

/** Ten deterministic backup codes for the n-th legacy TOTP of a user. */
function legacyBackupCodes(user, n) {
  return Array.from({ length: 10 }, (_, k) => ((user.seq * 7919 + n * 104729 + k * 15485863) % 36 ** 8).toString(36).padStart(8, '0'));
}

/** POST /users/{id}/totp as the seed's SDK documents it (served only when legacyTotp is enabled). */
function createTotp(c) {
  const user = pathUser(c);
  user.counters.totp += 1;
  const n = user.counters.totp;
  const secret = secretFor(`legacy:${user.id}:${n}`);
  const backupCodes = legacyBackupCodes(user, n);
  changeMfa(user, c.clock.now(), () => {
    user.totp = { secret };
    user.backup_codes = [...backupCodes];
  });
  const label = encodeURIComponent(`Fake Clerk:${identifierOf(user) ?? user.id}`);
  return jsonResponse(200, {
    object: 'totp',
    id: `totp_fake_${pad4(user.seq)}_${n}`,
    secret,
    uri: `otpauth://totp/${label}?secret=${secret}&issuer=Fake%20Clerk&algorithm=SHA1&digits=6&period=30`,
    verified: false,
    backup_codes: backupCodes,
  });
}

const U = '/users/:user_id';

export const credentialRoutes = [
  { method: 'POST', path: `${U}/verify_password`, operation: 'VerifyPassword', bodilessErrors: true, handler: verifyPassword },
  { method: 'POST', path: `${U}/verify_totp`, operation: 'VerifyTOTP', bodilessErrors: true, handler: verifyTotp },
  { method: 'DELETE', path: `${U}/totp`, operation: 'DeleteTOTP', handler: clearFactors(true, false) },
  { method: 'POST', path: `${U}/totp`, operation: 'CreateUserTOTP', legacy: true, handler: createTotp },
  { method: 'DELETE', path: `${U}/backup_code`, operation: 'DeleteBackupCode', handler: clearFactors(false, true) },
  { method: 'DELETE', path: `${U}/mfa`, operation: 'DisableMFA', handler: clearFactors(true, true) },
];
