// The people both fakes seed: user i (1-based) has the same name, email
// address, username and times at Kinde and at Clerk, so a test can find the
// same person at both. fake/README.md gives the rules per provider.

/** 2026-01-01T00:00:00Z, when seed user 1 was created. */
export const BASE_MS = Date.UTC(2026, 0, 1);
export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;

const FIRST_NAMES = [
  'Ada', 'Ben', 'Chloe', 'Dev', 'Elena', 'Felix', 'Grace', 'Hugo', 'Isla', 'Jack',
  'Kira', 'Liam', 'Maya', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Ravi', 'Sofia', 'Tom',
];
// 23 names: coprime with 20, so (first, last) pairs repeat only every 460 users.
const LAST_NAMES = [
  'Anderson', 'Brown', 'Chen', 'Davis', 'Evans', 'Fischer', 'Garcia', 'Harris', 'Ito', 'Jones',
  'Kumar', 'Lee', 'Martin', 'Nguyen', 'Okafor', 'Patel', 'Rossi', 'Smith', 'Taylor', 'Usman',
  'Varga', 'Walker', 'Zhang',
];

/** `7` → `'0007'`. */
export const pad4 = (n) => String(n).padStart(4, '0');

/**
 * Seed person i: `{ first, last, email, username, createdMs, signedInMs }`.
 * The email gets a number after the first 460 people; only even people have a
 * username (else undefined); person i was created one day after person i - 1
 * and last signed in 36 hours after creation, except every tenth, who never
 * did (null).
 */
export function person(i) {
  const first = FIRST_NAMES[(i - 1) % FIRST_NAMES.length];
  const last = LAST_NAMES[(i - 1) % LAST_NAMES.length];
  const cycle = Math.floor((i - 1) / (FIRST_NAMES.length * LAST_NAMES.length));
  const createdMs = BASE_MS + (i - 1) * DAY;
  return {
    first,
    last,
    email: `${first}.${last}${cycle > 0 ? cycle + 1 : ''}@example.com`.toLowerCase(),
    username: i % 2 === 0 ? `${first.toLowerCase()}${pad4(i)}` : undefined,
    createdMs,
    signedInMs: i % 10 === 0 ? null : createdMs + 36 * HOUR,
  };
}
