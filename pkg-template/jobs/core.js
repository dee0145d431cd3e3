// The pure half of idp-users/jobs: what a job is, how it is checked, which
// call each item makes, and what a journal's lines say about progress. No
// I/O, no timers, no client: the runner (runner.js) and, later, a Workflows
// step can drive the same plan from the same journal.

import { IdpUsersError } from 'idp-users';

/** Journal format version, written in every journal's header line. */
export const JOURNAL_VERSION = 1;

const PROVIDERS = ['kinde', 'clerk'];
const STATE_ACTIONS = {
  clerk: { ban: 'banUser', unban: 'unbanUser', lock: 'lockUser', unlock: 'unlockUser' },
  kinde: { suspend: true, unsuspend: false },
};
const ACTIONS = ['export', 'ban', 'unban', 'lock', 'unlock', 'suspend', 'unsuspend', 'delete', 'update-metadata', 'merge-metadata', 'operation', 'copy'];
const FORMATS = ['ndjson', 'csv'];
const CLERK_METADATA = ['public_metadata', 'private_metadata', 'unsafe_metadata'];

/** Operations whose first argument is not one user's id: not runnable per item. */
const NOT_PER_USER = {
  kinde: ['createUser', 'getUsers', 'addOrganizationUsers', 'getOrganizationUsers', 'removeOrganizationUsers', 'removeOrganizationUser'],
  clerk: ['createUser', 'getUserList', 'getUsersCount'],
};

/** The highest request rate and concurrency a job may ask for. */
export const MAX_RATE = 10_000;
export const MAX_CONCURRENCY = 64;
/** Defaults when a job names no pacing. */
export const DEFAULT_PACING = Object.freeze({ rate: 10, concurrency: 4 });
/** Users per list request (both providers' maximum page size). */
export const PAGE_SIZE = 500;

/** A validation error of a job, in the shape of the library's own. */
export function invalid(param, message) {
  return new IdpUsersError(`job: ${param} ${message}`, { kind: 'validation', operation: 'job', param });
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isId = (v) => typeof v === 'string' && v.length > 0 && v.length <= 512 && !/[\r\n]/.test(v);

/**
 * Checks a job and returns its normal form (defaults filled in, ids
 * deduplicated). Throws an IdpUsersError of kind 'validation' whose `param`
 * names the field at fault. `operations` lists the provider's operation
 * names (the client class's list), for `operation` actions.
 */
export function normalizeJob(job, operations = {}) {
  if (!isObject(job)) throw invalid('job', 'must be an object');
  const { provider, select, action, pacing = {}, dryRun = false } = job;
  for (const key of Object.keys(job)) {
    if (!['provider', 'select', 'action', 'pacing', 'dryRun'].includes(key)) throw invalid(key, 'is not a field of a job (provider, select, action, pacing, dryRun)');
  }
  if (!PROVIDERS.includes(provider)) throw invalid('provider', `must be 'kinde' or 'clerk'`);
  if (typeof dryRun !== 'boolean') throw invalid('dryRun', 'must be true or false');
  const out = { provider, select: undefined, action: undefined, pacing: undefined, dryRun };

  if (!isObject(action)) throw invalid('action', 'must be an object with a type');
  const type = action.type;
  if (!ACTIONS.includes(type)) throw invalid('action.type', `must be one of ${ACTIONS.join(', ')}`);
  out.action = normalizeAction(provider, action, operations[provider]);

  if (!isObject(select)) throw invalid('select', 'must be an object: { filters }, { ids } or { records }');
  const kinds = ['filters', 'ids', 'records'].filter((k) => select[k] !== undefined);
  if (kinds.length !== 1 || Object.keys(select).length !== 1) throw invalid('select', 'must hold exactly one of filters, ids, records');
  if (select.filters !== undefined) {
    if (!isObject(select.filters)) throw invalid('select.filters', `must be an object: the ${provider === 'kinde' ? 'getUsers' : 'getUserList'} params`);
    for (const k of ['page_size', 'next_token', 'limit', 'offset']) {
      if (k in select.filters) throw invalid(`select.filters.${k}`, 'is set by the runner, which pages itself');
    }
    out.select = { filters: { ...select.filters } };
  } else if (type === 'export' || type === 'copy') {
    // Both read whole users from the list call; by id they would need one read per user.
    if (select.ids !== undefined && type === 'export') throw invalid('select', 'of an export must be { filters }');
  }
  if (select.ids !== undefined) {
    if (!Array.isArray(select.ids)) throw invalid('select.ids', 'must be an array of user ids');
    const seen = new Set();
    select.ids.forEach((id, i) => {
      if (!isId(id)) throw invalid(`select.ids[${i}]`, 'must be a non-empty string of one line (a user id)');
      seen.add(id);
    });
    if (type === 'copy') throw invalid('select', 'of a copy must be { filters } or { records } (whole users of the source)');
    out.select = { ids: [...seen] };
  } else if (select.records !== undefined) {
    if (type === 'export') throw invalid('select', 'of an export must be { filters }');
    if (!Array.isArray(select.records)) throw invalid('select.records', 'must be an array of objects with an id');
    const seen = new Set();
    const records = [];
    select.records.forEach((r, i) => {
      if (!isObject(r) || !isId(r.id)) throw invalid(`select.records[${i}].id`, 'must be a non-empty string of one line (a user id)');
      if (seen.has(r.id)) return;
      seen.add(r.id);
      records.push(r);
    });
    out.select = { records };
  }

  if (!isObject(pacing)) throw invalid('pacing', 'must be an object { rate, concurrency }');
  const { rate = DEFAULT_PACING.rate, concurrency = DEFAULT_PACING.concurrency } = pacing;
  for (const key of Object.keys(pacing)) if (key !== 'rate' && key !== 'concurrency') throw invalid(`pacing.${key}`, 'is not a pacing field (rate, concurrency)');
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0 || rate > MAX_RATE) throw invalid('pacing.rate', `must be a number of requests per second above 0, at most ${MAX_RATE}`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) throw invalid('pacing.concurrency', `must be a whole number from 1 to ${MAX_CONCURRENCY}`);
  out.pacing = { rate, concurrency };
  return out;
}

function normalizeAction(provider, action, operations) {
  const { type } = action;
  const allowed = { export: ['format'], copy: ['to'], operation: ['name', 'params'], 'update-metadata': ['metadata'], 'merge-metadata': ['metadata'] }[type] ?? [];
  for (const key of Object.keys(action)) {
    if (key !== 'type' && !allowed.includes(key)) throw invalid(`action.${key}`, `is not a field of a ${type} action${allowed.length ? ` (${allowed.join(', ')})` : ''}`);
  }
  switch (type) {
    case 'export':
      if (!FORMATS.includes(action.format ?? 'ndjson')) throw invalid('action.format', "must be 'ndjson' or 'csv'");
      return { type, format: action.format ?? 'ndjson' };
    case 'ban':
    case 'unban':
    case 'lock':
    case 'unlock':
      if (provider !== 'clerk') throw invalid('action.type', `${type} is Clerk's: Kinde suspends a user (suspend, unsuspend)`);
      return { type };
    case 'suspend':
    case 'unsuspend':
      if (provider !== 'kinde') throw invalid('action.type', `${type} is Kinde's: Clerk bans or locks a user (ban, unban, lock, unlock)`);
      return { type };
    case 'delete':
      return { type };
    case 'update-metadata':
    case 'merge-metadata': {
      if (action.metadata === undefined) return { type };
      checkMetadata(provider, action.metadata, 'action.metadata');
      return { type, metadata: action.metadata };
    }
    case 'operation': {
      if (typeof action.name !== 'string' || !action.name) throw invalid('action.name', 'must name an operation');
      if (Array.isArray(operations) && !operations.includes(action.name)) throw invalid('action.name', `is not an operation of ${provider}: ${operations.join(', ')}`);
      if (NOT_PER_USER[provider].includes(action.name)) throw invalid('action.name', `${action.name} does not take one user's id first, so it cannot run per user`);
      const params = action.params === undefined ? [] : Array.isArray(action.params) ? action.params : [action.params];
      return { type, name: action.name, params };
    }
    case 'copy':
      if (!PROVIDERS.includes(action.to) || action.to === provider) throw invalid('action.to', `must be the other provider ('${provider === 'kinde' ? 'clerk' : 'kinde'}')`);
      return { type, to: action.to };
    default:
      throw invalid('action.type', `must be one of ${ACTIONS.join(', ')}`);
  }
}

/** Kinde: { properties: { key: value } }; Clerk: some of public_/private_/unsafe_metadata objects. */
function checkMetadata(provider, metadata, where) {
  if (!isObject(metadata)) throw invalid(where, provider === 'kinde' ? 'must be { properties: { key: value } }' : `must be an object with some of ${CLERK_METADATA.join(', ')}`);
  if (provider === 'kinde') {
    if (!isObject(metadata.properties) || Object.keys(metadata).length !== 1) throw invalid(where, 'must be { properties: { key: value } } (Kinde user properties)');
  } else {
    const keys = Object.keys(metadata);
    if (!keys.length || keys.some((k) => !CLERK_METADATA.includes(k))) throw invalid(where, `must hold some of ${CLERK_METADATA.join(', ')} and nothing else`);
    for (const k of keys) if (!isObject(metadata[k])) throw invalid(`${where}.${k}`, 'must be an object');
  }
}

/** Canonical JSON: keys sorted, so the same job always hashes the same. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The job's identity in its journal: SHA-256 of what it does (provider,
 * selection, action, dry run), not how fast (pacing may change on resume).
 */
export async function jobHash(job) {
  const text = canonical({ provider: job.provider, select: job.select, action: job.action, dryRun: job.dryRun });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The header line of a new journal. */
export function journalHeader(job, hash) {
  return { journal: JOURNAL_VERSION, job: hash, provider: job.provider, action: job.action.type, dryRun: job.dryRun };
}

/**
 * What a journal's lines say: `lines` are its records, oldest first (a torn
 * last line already dropped by the store, anything unparseable skipped).
 * Returns { header, items: Map(id → { state, ... last record }), selected
 * (ids listed so far, for filter selections), selectCursor, selectDone,
 * pages (export: the last committed page record), complete }.
 */
export function replay(records) {
  const state = { header: undefined, items: new Map(), selected: [], selectCursor: undefined, selectDone: false, lastPage: undefined, complete: false };
  for (const r of records) {
    if (!isObject(r)) continue;
    if (r.journal !== undefined) {
      state.header ??= r;
      continue;
    }
    if (typeof r.item === 'string') {
      const prev = state.items.get(r.item);
      // A started item keeps what it ended as before (a failed item retried); done and skipped are final.
      if (prev && (prev.state === 'done' || prev.state === 'skipped')) continue;
      state.items.set(r.item, r);
    } else if (Array.isArray(r.selected)) {
      for (const id of r.selected) state.selected.push(id);
      state.selectCursor = r.next ?? undefined;
      if (r.next === null) state.selectDone = true;
    } else if (typeof r.page === 'number') {
      state.lastPage = r;
    } else if (r.complete === true) {
      state.complete = true;
    }
  }
  return state;
}

/** Parses journal lines (strings); an unparseable line (a torn write) is skipped. */
export function parseLines(lines) {
  const out = [];
  for (const line of lines) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // A line cut short by a kill: the item it described is not done, so it runs again.
    }
  }
  return out;
}

/** The list call and its page parameters, for a selection by filters or an export. */
export function listCall(job) {
  return job.provider === 'kinde' ? { operation: 'getUsers', sizeParam: 'page_size' } : { operation: 'getUserList', sizeParam: 'limit' };
}

/** The params of the list request at `cursor` (undefined: the first page). */
export function pageParams(job, cursor) {
  const filters = job.select.filters ?? {};
  if (job.provider === 'kinde') return cursor ? { ...filters, page_size: PAGE_SIZE, next_token: cursor } : { ...filters, page_size: PAGE_SIZE };
  return { ...filters, limit: PAGE_SIZE, offset: cursor ? Number(cursor) : 0 };
}

/** The users of one list answer and the cursor of the next page (null: this was the last). */
export function readPage(job, answer, cursor) {
  if (job.provider === 'kinde') {
    const users = Array.isArray(answer?.users) ? answer.users : [];
    const next = typeof answer?.next_token === 'string' && answer.next_token && users.length > 0 ? answer.next_token : null;
    return { users, next };
  }
  const users = Array.isArray(answer) ? answer : [];
  const offset = cursor ? Number(cursor) : 0;
  return { users, next: users.length < PAGE_SIZE ? null : String(offset + users.length) };
}

/**
 * The call one item makes: { operation, args, retryWrite, goneIsDone }.
 * `retryWrite`: the write is idempotent, so the client may retry it after a
 * 5xx or 429 (POST/PATCH are not retried otherwise). `goneIsDone`: a "no
 * such user" answer means the item is done (a delete sent before a crash).
 * `record` is the item's record for a { records } selection.
 */
export function stepFor(job, id, record) {
  const { action, provider } = job;
  switch (action.type) {
    case 'ban':
    case 'unban':
    case 'lock':
    case 'unlock':
      return { operation: STATE_ACTIONS.clerk[action.type], args: [id], retryWrite: true, goneIsDone: false };
    case 'suspend':
    case 'unsuspend':
      return { operation: 'updateUser', args: [id, { is_suspended: STATE_ACTIONS.kinde[action.type] }], retryWrite: true, goneIsDone: false };
    case 'delete':
      return { operation: 'deleteUser', args: [id], retryWrite: true, goneIsDone: true };
    case 'update-metadata':
    case 'merge-metadata': {
      const metadata = record?.metadata ?? action.metadata;
      if (metadata === undefined) throw invalid('action.metadata', 'is missing (give it in the action, or per record in select.records[].metadata)');
      checkMetadata(provider, metadata, record?.metadata ? `select.records[${id}].metadata` : 'action.metadata');
      if (provider === 'kinde') return { operation: 'updateUserProperties', args: [id, metadata], retryWrite: true, goneIsDone: false };
      // Clerk deep-merges (updateUserMetadata). A replacement reads the user
      // first and sends the merge patch that turns its metadata into the new
      // one (null removes a key): sent twice, it lands on the same result.
      if (action.type === 'merge-metadata') return { operation: 'updateUserMetadata', args: [id, metadata], retryWrite: true, goneIsDone: false };
      return { operation: 'updateUserMetadata', args: [id, metadata], read: { operation: 'getUser', args: [id] }, retryWrite: true, goneIsDone: false };
    }
    case 'operation':
      return { operation: action.name, args: [id, ...(record?.params ?? action.params)], retryWrite: false, goneIsDone: false };
    default:
      throw invalid('action.type', `${action.type} is not a per-user call`);
  }
}

/**
 * The Clerk merge patch that turns `current`'s metadata objects into the
 * ones given in `metadata` (each given object replaced whole; keys it lacks
 * set to null, at every depth, since a merge would keep them).
 */
export function replacePatch(current, metadata) {
  const diff = (before, after) => {
    if (!isObject(before) || !isObject(after)) return after;
    const out = {};
    for (const k of Object.keys(before)) if (!(k in after)) out[k] = null;
    for (const [k, v] of Object.entries(after)) out[k] = isObject(before[k]) && isObject(v) ? diff(before[k], v) : v;
    return out;
  };
  const patch = {};
  for (const [k, v] of Object.entries(metadata)) patch[k] = diff(isObject(current?.[k]) ? current[k] : {}, v);
  return patch;
}

/** True when `error` says the user does not exist (Clerk 404; Kinde 404 or USER_NOT_FOUND). */
export function isGone(error) {
  return error?.status === 404 || (error?.status === 400 && error?.code === 'USER_NOT_FOUND');
}

/** A typed error as a journal field: its own fields (no secret is ever in them) or a message. */
export function errorRecord(error) {
  if (error instanceof IdpUsersError) return error.toJSON();
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { name: 'Error', message: message.slice(0, 500), kind: 'unknown' };
}

// ---- export formatting --------------------------------------------------

/** CSV columns per provider: [header, path or function of the user]. */
const CSV_COLUMNS = {
  kinde: [
    'id', 'provided_id', 'email', 'username', 'first_name', 'last_name', 'phone', 'is_suspended', 'is_password_reset_requested', 'picture',
    'total_sign_ins', 'failed_sign_ins', 'last_signed_in', 'created_on', 'organizations', 'identities', 'last_organization_sign_ins',
  ],
  clerk: [
    'id', 'external_id', 'username', 'first_name', 'last_name',
    ['primary_email_address', (u) => primaryOf(u.email_addresses, u.primary_email_address_id, 'email_address')],
    ['email_addresses', (u) => listOf(u.email_addresses, 'email_address')],
    ['primary_phone_number', (u) => primaryOf(u.phone_numbers, u.primary_phone_number_id, 'phone_number')],
    ['phone_numbers', (u) => listOf(u.phone_numbers, 'phone_number')],
    'banned', 'locked', 'password_enabled', 'two_factor_enabled', 'created_at', 'updated_at', 'last_sign_in_at', 'last_active_at',
    'public_metadata', 'private_metadata', 'unsafe_metadata',
  ],
};

function primaryOf(list, id, field) {
  if (!Array.isArray(list)) return null;
  return list.find((x) => x?.id === id)?.[field] ?? null;
}

function listOf(list, field) {
  return Array.isArray(list) ? list.map((x) => x?.[field]).filter((v) => typeof v === 'string').join(';') : null;
}

/** One CSV cell: RFC 4180 quoting; a leading = + - @ tab or CR is neutralised with a quote mark so no spreadsheet runs it as a formula. */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV header row of a provider's export. */
export function csvHeader(provider) {
  return `${CSV_COLUMNS[provider].map((c) => csvCell(Array.isArray(c) ? c[0] : c)).join(',')}\r\n`;
}

/** One user as a CSV row. */
export function csvRow(provider, user) {
  return `${CSV_COLUMNS[provider].map((c) => csvCell(Array.isArray(c) ? c[1](user) : user?.[c])).join(',')}\r\n`;
}

/** One user as an NDJSON line: the API's own JSON. */
export function ndjsonLine(user) {
  return `${JSON.stringify(user)}\n`;
}

/** The export text of one page of `users`: CSV rows (after the header row when `first`) or NDJSON lines. */
export function exportChunk(job, users, first) {
  const csv = job.action.format === 'csv';
  let chunk = first && csv ? csvHeader(job.provider) : '';
  for (const u of users) chunk += csv ? csvRow(job.provider, u) : ndjsonLine(u);
  return chunk;
}
