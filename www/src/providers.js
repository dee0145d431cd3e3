// What differs between Kinde and Clerk for the users list, the export and
// the bulk actions, behind one shape. Rows are normalised for the table;
// `raw` keeps what the provider sent.
import { fmtDate, fullName, isoDate } from './format.js';

const trimmed = (v) => (typeof v === 'string' ? v.trim() : '');
const list = (v) =>
  trimmed(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

// ---------------------------------------------------------------- Kinde

function kindeRow(u) {
  return {
    id: u.id,
    name: u.full_name || fullName(u.first_name, u.last_name),
    email: u.email ?? u.preferred_email ?? '',
    username: u.username ?? '',
    phone: u.phone ?? '',
    flags: u.is_suspended ? ['suspended'] : [],
    banned: !!u.is_suspended,
    created: fmtDate(u.created_on ?? u.joined_on),
    lastSignIn: fmtDate(u.last_signed_in ?? u.last_accessed_on),
    raw: u,
  };
}

function kindeParams(f) {
  const p = {};
  if (list(f.email).length) p.email = list(f.email);
  if (list(f.username).length) p.username = list(f.username);
  if (list(f.phone).length) p.phone = list(f.phone);
  return p;
}

const kinde = {
  key: 'kinde',
  label: 'Kinde',
  filters: [
    { name: 'email', label: 'Email (exact)', hint: 'a@x.com, b@x.com' },
    { name: 'username', label: 'Username (exact)', hint: 'ben0002' },
    { name: 'phone', label: 'Phone (exact)', hint: '+61400000003' },
    { name: 'org', label: 'Organization code', hint: 'org_fake' },
  ],
  emptyFilters: { email: '', username: '', phone: '', org: '' },
  filterNote(f) {
    if (trimmed(f.org) && (trimmed(f.email) || trimmed(f.username) || trimmed(f.phone))) {
      return 'Kinde lists an organization’s members without other filters: email, username and phone are ignored while an organization is set.';
    }
    return null;
  },
  totalNote: 'Kinde’s API gives no total count.',
  paging: 'cursor',
  async page(api, f, pageSize, cursor, signal) {
    const org = trimmed(f.org);
    if (org) {
      const res = await api.getOrganizationUsers(org, { page_size: pageSize, next_token: cursor ?? undefined }, { signal });
      return { rows: (res.organization_users ?? []).map(kindeRow), next: res.next_token ?? null, total: null };
    }
    const res = await api.getUsers({ ...kindeParams(f), page_size: pageSize, next_token: cursor ?? undefined }, { signal });
    return { rows: (res.users ?? []).map(kindeRow), next: res.next_token ?? null, total: null };
  },
  /** Every matching user, page after page (the package's auto-pagination). */
  async *all(api, f, signal) {
    const org = trimmed(f.org);
    const pages = org ? api.getOrganizationUsers(org, {}, { signal }) : api.getUsers(kindeParams(f), { signal });
    for await (const u of pages) yield kindeRow(u);
  },
  count: null,
  csvHeader: ['id', 'provided_id', 'email', 'username', 'phone', 'first_name', 'last_name', 'is_suspended', 'created_on', 'last_signed_in', 'total_sign_ins'],
  csvRow: ({ raw: u }) => [
    u.id,
    u.provided_id,
    u.email,
    u.username,
    u.phone,
    u.first_name,
    u.last_name,
    u.is_suspended ?? '',
    isoDate(u.created_on ?? u.joined_on),
    isoDate(u.last_signed_in),
    u.total_sign_ins,
  ],
  // The Jobs page: a job's `select.filters` are getUsers' params, so the
  // organization filter (another call) is not among them.
  jobFilters: ['email', 'username', 'phone'],
  params: kindeParams,
  jobActions: [
    { type: 'suspend', label: 'Suspend', verb: 'suspended' },
    { type: 'unsuspend', label: 'Unsuspend', verb: 'unsuspended' },
    { type: 'delete', label: 'Delete', verb: 'deleted', danger: true },
  ],
  bulkActions: [
    { key: 'ban', label: 'Suspend', verb: 'suspended', run: (api, id, signal) => api.updateUser(id, { is_suspended: true }, { signal }) },
    { key: 'unban', label: 'Unsuspend', verb: 'unsuspended', run: (api, id, signal) => api.updateUser(id, { is_suspended: false }, { signal }) },
    { key: 'delete', label: 'Delete', verb: 'deleted', danger: true, run: (api, id, signal) => api.deleteUser(id, {}, { signal }) },
  ],
};

// ---------------------------------------------------------------- Clerk

function primary(list, idField, valueField, id) {
  const hit = list?.find((x) => x.id === id) ?? list?.[0];
  return hit?.[valueField] ?? '';
}

function clerkRow(u) {
  const flags = [];
  if (u.banned) flags.push('banned');
  if (u.locked) flags.push('locked');
  return {
    id: u.id,
    name: fullName(u.first_name, u.last_name),
    email: primary(u.email_addresses, 'id', 'email_address', u.primary_email_address_id),
    username: u.username ?? '',
    phone: primary(u.phone_numbers, 'id', 'phone_number', u.primary_phone_number_id),
    flags,
    banned: !!u.banned,
    created: fmtDate(u.created_at),
    lastSignIn: fmtDate(u.last_sign_in_at),
    raw: u,
  };
}

function clerkParams(f) {
  const p = {};
  if (trimmed(f.query)) p.query = trimmed(f.query);
  if (trimmed(f.email)) p.email_address_query = trimmed(f.email);
  if (trimmed(f.username)) p.username_query = trimmed(f.username);
  if (trimmed(f.phone)) p.phone_number_query = trimmed(f.phone);
  if (list(f.org).length) p.organization_id = list(f.org);
  if (f.banned === 'yes') p.banned = true;
  if (f.banned === 'no') p.banned = false;
  return p;
}

const lockedMatch = (f) => (f.locked === 'yes' ? (u) => !!u.locked : f.locked === 'no' ? (u) => !u.locked : null);
// Clerk's list has no `locked` filter: the console walks the matching users
// and filters them itself, up to this many.
const LOCKED_SCAN_LIMIT = 10000;

const clerk = {
  key: 'clerk',
  label: 'Clerk',
  filters: [
    { name: 'query', label: 'Search', hint: 'name, email, id…' },
    { name: 'email', label: 'Email contains' },
    { name: 'username', label: 'Username contains' },
    { name: 'phone', label: 'Phone contains' },
    { name: 'org', label: 'Organization id', hint: 'org_fake' },
    { name: 'banned', label: 'Banned', choices: ['any', 'yes', 'no'] },
    { name: 'locked', label: 'Locked', choices: ['any', 'yes', 'no'] },
  ],
  emptyFilters: { query: '', email: '', username: '', phone: '', org: '', banned: 'any', locked: 'any' },
  filterNote(f) {
    return lockedMatch(f)
      ? 'Clerk’s API has no “locked” filter: the console reads every user matching the other filters and keeps the locked (or unlocked) ones.'
      : null;
  },
  totalNote: null,
  paging: 'offset',
  async page(api, f, pageSize, offset, signal) {
    const params = clerkParams(f);
    const keep = lockedMatch(f);
    if (keep) {
      const rows = [];
      let seen = 0;
      for await (const u of api.getUserList({ ...params, limit: 500 }, { signal })) {
        if (keep(u)) rows.push(clerkRow(u));
        if (++seen >= LOCKED_SCAN_LIMIT) break;
      }
      const start = offset ?? 0;
      return { rows: rows.slice(start, start + pageSize), next: start + pageSize < rows.length ? start + pageSize : null, total: rows.length };
    }
    const start = offset ?? 0;
    const [users, count] = await Promise.all([
      api.getUserList({ ...params, limit: pageSize, offset: start }, { signal }),
      api.getUsersCount(params, { signal }),
    ]);
    return { rows: users.map(clerkRow), next: start + users.length < count.total_count ? start + pageSize : null, total: count.total_count };
  },
  async *all(api, f, signal) {
    const keep = lockedMatch(f);
    for await (const u of api.getUserList({ ...clerkParams(f), limit: 500 }, { signal })) {
      if (!keep || keep(u)) yield clerkRow(u);
    }
  },
  /** The total for the export's progress bar (null when unknown). */
  async count(api, f, signal) {
    if (lockedMatch(f)) return null;
    return (await api.getUsersCount(clerkParams(f), { signal })).total_count;
  },
  csvHeader: ['id', 'external_id', 'email', 'username', 'phone', 'first_name', 'last_name', 'banned', 'locked', 'created_at', 'last_sign_in_at'],
  csvRow: (r) => [
    r.id,
    r.raw.external_id,
    r.email,
    r.username,
    r.phone,
    r.raw.first_name,
    r.raw.last_name,
    r.raw.banned,
    r.raw.locked,
    isoDate(r.raw.created_at),
    isoDate(r.raw.last_sign_in_at),
  ],
  // The Jobs page: getUserList's params (its `locked`, which the API
  // lacks, is the list page's own).
  jobFilters: ['query', 'email', 'username', 'phone', 'org', 'banned'],
  params: clerkParams,
  jobActions: [
    { type: 'ban', label: 'Ban', verb: 'banned' },
    { type: 'unban', label: 'Unban', verb: 'unbanned' },
    { type: 'lock', label: 'Lock', verb: 'locked' },
    { type: 'unlock', label: 'Unlock', verb: 'unlocked' },
    { type: 'delete', label: 'Delete', verb: 'deleted', danger: true },
  ],
  bulkActions: [
    { key: 'ban', label: 'Ban', verb: 'banned', run: (api, id, signal) => api.banUser(id, { signal }) },
    { key: 'unban', label: 'Unban', verb: 'unbanned', run: (api, id, signal) => api.unbanUser(id, { signal }) },
    { key: 'delete', label: 'Delete', verb: 'deleted', danger: true, run: (api, id, signal) => api.deleteUser(id, { signal }) },
  ],
};

export const PROVIDERS = { kinde, clerk };
