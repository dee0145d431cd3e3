// RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) over base32 secrets
// (RFC 4648), with crypto.subtle, so codes match any authenticator app.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const STEP_SECONDS = 30;
const DIGITS = 6;

/** Base32 (no padding) of `bytes`. */
export function base32Encode(bytes) {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Bytes of a base32 secret (case, spaces and `=` padding ignored); undefined when invalid or empty. */
export function base32Decode(text) {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  if (clean === '') return undefined;
  const out = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) return undefined;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/** The code of a key (bytes) for time step `counter`. */
async function hotp(keyBytes, counter) {
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const message = new Uint8Array(8);
  let c = counter;
  for (let i = 7; i >= 0; i -= 1) {
    message[i] = c % 256;
    c = Math.floor(c / 256);
  }
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** The time step of `ms` (unix milliseconds). */
export const stepOf = (ms) => Math.floor(ms / 1000 / STEP_SECONDS);

/** The 6-digit code of base32 `secret` at time `ms`. */
export function totpCode(secret, ms) {
  return hotp(base32Decode(secret), stepOf(ms));
}

/** True when `code` is the code of the step of `ms`, or of the step before or after it (clock drift). */
export async function totpMatches(secret, code, ms) {
  if (!/^\d{6}$/.test(code)) return false;
  const key = base32Decode(secret);
  const step = stepOf(ms);
  for (const s of [step, step - 1, step + 1]) if ((await hotp(key, s)) === code) return true;
  return false;
}

/** A deterministic base32 secret (32 characters, 20 bytes) derived from `label` (FNV-1a per byte). */
export function secretFor(label) {
  const text = new TextEncoder().encode(label);
  const bytes = new Uint8Array(20);
  for (let i = 0; i < 20; i += 1) {
    let h = 0x811c9dc5 ^ i;
    for (const b of text) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    bytes[i] = (h ^ (h >>> 16)) & 0xff;
  }
  return base32Encode(bytes);
}
