// Opaque cursor tokens and keyset pagination, shared by every fake provider.
//
// A cursor carries the sort key of the last item served, so a page walk stays
// correct when items are added or removed between pages, plus the filters the
// first page was requested with, so a follow-up request that only sends the
// token keeps the same filters.

import { fromBase64, toBase64 } from './bytes.js';
import { isPlainObject } from './values.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64Url(text) {
  return toBase64(encoder.encode(text)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(token) {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const padded = token.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (token.length % 4)) % 4);
  try {
    return decoder.decode(fromBase64(padded));
  } catch {
    return undefined;
  }
}

/**
 * Encodes a cursor for list `scope` (e.g. "kinde.users") positioned after `key`,
 * remembering `filters` (a flat object of strings).
 */
export function encodeCursor(scope, key, filters) {
  return toBase64Url(JSON.stringify({ v: 1, s: scope, k: key, f: filters }));
}

/**
 * Decodes a cursor minted by encodeCursor for the same `scope`.
 * Returns `{ key, filters }`, or `undefined` when the token is not one of ours.
 */
export function decodeCursor(scope, token) {
  const text = fromBase64Url(token);
  if (text === undefined) return undefined;
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!data || data.v !== 1 || data.s !== scope || !Array.isArray(data.k)) return undefined;
  if (!isPlainObject(data.f)) return undefined;
  for (const value of Object.values(data.f)) if (typeof value !== 'string') return undefined;
  return { key: data.k, filters: data.f };
}

/** Compares two sort keys (arrays of strings/numbers) element by element. */
export function compareKeys(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === 'number' && typeof b[i] === 'number') return a[i] - b[i];
    return String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * One page of `items`, ordered by `keyOf(item)` (ascending, or descending when
 * `descending`), starting after `afterKey` when given.
 * Returns `{ page, lastKey, hasMore }`.
 */
export function keysetPage(items, { keyOf, pageSize, afterKey, descending = false }) {
  const sign = descending ? -1 : 1;
  const keyed = items.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((x, y) => sign * compareKeys(x.key, y.key));
  const remaining = afterKey ? keyed.filter((x) => sign * compareKeys(x.key, afterKey) > 0) : keyed;
  const slice = remaining.slice(0, pageSize);
  return {
    page: slice.map((x) => x.item),
    lastKey: slice.length > 0 ? slice[slice.length - 1].key : undefined,
    hasMore: remaining.length > slice.length,
  };
}
