// Checks shared by workflows.test.mjs and proof.mjs.

/** Reads every part of a finished export from R2: every id of `expected` exactly once (CSV: one header row). */
export async function checkExport(host, status, format, expected) {
  const ids = [];
  let headers = 0;
  let bytes = 0;
  for (const part of status.exports) {
    const r = await host.call(`/r2/get?key=${encodeURIComponent(part.key)}`);
    if (r.status !== 200) return { ok: false, message: `part ${part.key} is missing` };
    bytes += Buffer.byteLength(r.text);
    if (format === 'ndjson') for (const line of r.text.split('\n').filter(Boolean)) ids.push(JSON.parse(line).id);
    else {
      for (const row of r.text.split('\r\n').filter(Boolean)) {
        if (row.startsWith('id,')) headers++;
        else ids.push(row.split(',')[0]);
      }
    }
  }
  const unique = new Set(ids);
  const want = new Set(expected);
  const missing = [...want].filter((x) => !unique.has(x)).length;
  const ok = ids.length === want.size && unique.size === want.size && missing === 0 && (format !== 'csv' || headers === 1);
  return { ok, rows: ids.length, distinct: unique.size, missing, headers, bytes, parts: status.exports.length, message: `${ids.length} rows, ${unique.size} distinct, ${missing} missing of ${want.size}${format === 'csv' ? `, ${headers} header rows` : ''}` };
}

/** Per user: ban requests sent and applied (2xx), from the fake's answers. */
export function banCounts(answers) {
  const sent = new Map();
  const applied = new Map();
  for (const a of answers) {
    const m = /^\/v1\/users\/([^/]+)\/ban$/.exec(a.path);
    if (!m || a.method !== 'POST') continue;
    sent.set(m[1], (sent.get(m[1]) ?? 0) + 1);
    if (a.status < 300) applied.set(m[1], (applied.get(m[1]) ?? 0) + 1);
  }
  return { sent, applied };
}

/** Every R2 object and every job status the Worker can show, searched for `secrets`. */
export async function secretsIn(host, secrets) {
  const hits = [];
  let checked = 0;
  const list = (await host.call('/r2/list')).body;
  const ids = new Set();
  for (const o of list) {
    const r = await host.call(`/r2/get?key=${encodeURIComponent(o.key)}`);
    checked++;
    for (const s of secrets) if (r.text.includes(s)) hits.push(o.key);
    const m = /^idp-users-jobs\/([^/]+)\/progress\.json$/.exec(o.key);
    if (m) ids.add(m[1]);
  }
  for (const id of ids) {
    for (const path of [`/status/${id}`, `/raw-status/${id}`, `/status/${id}?small=1`, `/raw-status/${id}?small=1`]) {
      const r = await host.call(path);
      checked++;
      for (const s of secrets) if (r.text.includes(s)) hits.push(path);
    }
  }
  return { hits, checked };
}
