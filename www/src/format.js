// Small display helpers.

/** A date (ISO string or Unix ms) as `2026-01-07 12:00` (UTC, as the page says); '—' when absent. */
export function fmtDate(value) {
  if (value === null || value === undefined || value === '') return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** ISO 8601 for the CSV. */
export function isoDate(value) {
  if (value === null || value === undefined || value === '') return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString();
}

export const dash = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));

export function fullName(first, last, fallback = '(no name)') {
  const n = [first, last].filter(Boolean).join(' ').trim();
  return n || fallback;
}

export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
