// Order statistics for per-round samples (a noisy machine: medians and
// quartiles, never means).

export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (xs) => quantile(xs, 0.5);

/** { median, q1, q3, min, max, n } */
export function summary(xs) {
  return { median: median(xs), q1: quantile(xs, 0.25), q3: quantile(xs, 0.75), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

/** Rotates `items` left by `r` (round r starts with a different contender). */
export function rotate(items, r) {
  const k = ((r % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
