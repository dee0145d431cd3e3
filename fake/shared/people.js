// The people both fakes seed: user i (1-based) has the same name and email
// address at Kinde and at Clerk, created one day after user i - 1.

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

/** Seed person i: `{ first, last, email }`; the email gets a number after the first 460 people. */
export function person(i) {
  const first = FIRST_NAMES[(i - 1) % FIRST_NAMES.length];
  const last = LAST_NAMES[(i - 1) % LAST_NAMES.length];
  const cycle = Math.floor((i - 1) / (FIRST_NAMES.length * LAST_NAMES.length));
  return { first, last, email: `${first}.${last}${cycle > 0 ? cycle + 1 : ''}@example.com`.toLowerCase() };
}
