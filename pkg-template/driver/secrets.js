// Redaction and descriptions of thrown values: what the driver keeps of an
// error a caller's fetch or getToken threw is a copy, cut short and cleaned
// of the client's secrets (the same rules as the core's redaction).

/**
 * A copy of a thrown value, safe to keep and show: an Error with its name,
 * message and code as text cleaned of `secrets`, and so its cause, two
 * deep (a primitive: its text). Never throws; undefined when nothing can
 * be read.
 */
export function copy(v, secrets, depth = 0) {
  try {
    if (!v || (typeof v !== 'object' && typeof v !== 'function')) return scrub(v, secrets);
    let { name, message, code, cause, errors } = v;
    // Node's AggregateError of every address it tried has no message of its own.
    if (!message && Array.isArray(errors)) message = errors[0]?.message;
    const text = (x) => typeof x === 'string' && scrub(x, secrets);
    const out = new Error(text(message) || '');
    if (text(name)) out.name = text(name);
    if (text(code)) out.code = text(code);
    if (depth < 2 && cause != null) out.cause = copy(cause, secrets, depth + 1);
    return out;
  } catch {}
}

/**
 * A short description of a `copy`: `name: message`, and its cause's code
 * and message (where Node's fetch says why: `TypeError: fetch failed
 * (ECONNREFUSED: connect ECONNREFUSED ...)`).
 */
export function describe(c) {
  let t = 'unknown error';
  if (typeof c === 'string') t = c;
  else if (c) {
    t = c.message ? `${c.name}: ${c.message}` : c.name;
    const inner = c.cause;
    if (inner instanceof Error) t += ` (${inner.code ? `${inner.code}: ` : ''}${inner.message})`;
  }
  return t.length > 300 ? `${t.slice(0, 300)}…` : t;
}

/**
 * The values of the headers in `headers` (lowercase names, as wasm
 * validated them) that carry credentials: `cookie`, `proxy-authorization`,
 * or a name containing token, secret, key, auth, session, password,
 * credential or signature (the core's `is_secret_header`).
 */
export function headerSecrets(headers) {
  const out = [];
  for (const name in headers) {
    if (/^cookie$|token|secret|key|auth|session|password|credential|signature/.test(name)) out.push(headers[name]);
  }
  return out;
}

/** The forms a secret can take in a text: as is, JSON-escaped, percent-encoded (none under 4 characters, as in the core). */
export function forms(secrets) {
  const out = [];
  for (const s of secrets) {
    if (typeof s !== 'string' || s.length < 4) continue;
    out.push(s, JSON.stringify(s).slice(1, -1));
    try {
      out.push(encodeURIComponent(s));
    } catch {}
  }
  return out;
}

/**
 * `text` cut to 1,000 characters, each of `secrets` (their forms)
 * replaced. The cut moves past any secret it would go through (so none
 * leaves a prefix behind), and the text is searched only as far as that:
 * linear, however long the text or the secrets.
 */
export function scrub(text, secrets) {
  const t = String(text);
  let end = 1000;
  for (let moved = true; moved; ) {
    moved = false;
    for (const f of secrets) {
      const at = t.indexOf(f, end - f.length + 1);
      if (at >= 0 && at < end && at + f.length > end) {
        end = at + f.length;
        moved = true;
      }
    }
  }
  let out = t.slice(0, end);
  for (const f of secrets) out = out.split(f).join('[redacted]');
  return out.slice(0, 1000);
}
