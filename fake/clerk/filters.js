// The filters and orderings of GET /users and GET /users/count.

import { paramError } from './errors.js';

const ORDER_FIELDS = [
  'created_at', 'updated_at', 'email_address', 'web3wallet', 'first_name', 'last_name',
  'phone_number', 'username', 'last_active_at', 'last_sign_in_at',
];

const lower = (s) => s.toLowerCase();
const primaryOf = (list, id) => list.find((x) => x.id === id) ?? null;

/**
 * Splits values of a +/- parameter into { include, exclude }. A leading `+`
 * (or the space a raw `+` decodes to) or no prefix includes, `-` excludes.
 */
function includeExclude(values) {
  const include = [];
  const exclude = [];
  for (const v of values) {
    if (v.startsWith('-')) exclude.push(v.slice(1));
    else if (v.startsWith('+') || v.startsWith(' ')) include.push(v.slice(1));
    else include.push(v);
  }
  return { include, exclude };
}

/** A predicate on a set of values: any included one present (when some are included), no excluded one present. */
function plusMinus(values) {
  if (values === undefined) return () => true;
  const { include, exclude } = includeExclude(values);
  return (own) => (include.length === 0 || include.some((v) => own.includes(v))) && !exclude.some((v) => own.includes(v));
}

function anyOf(values, norm = (s) => s) {
  if (values === undefined) return () => true;
  const wanted = new Set(values.map(norm));
  return (own) => own.some((v) => wanted.has(norm(v)));
}

function contains(needle) {
  if (needle === undefined) return () => true;
  const n = lower(needle);
  return (own) => own.some((v) => v !== null && lower(v).includes(n));
}

/** A time filter: value (ms or null) compared with `bound` by `op`; null never matches. */
function timeFilter(bound, op) {
  if (bound === undefined) return () => true;
  return (v) => v !== null && op(v, bound);
}

/** Parses every filter of the users list/count and returns a predicate on user records. */
export function userFilter(q, store) {
  const provider = q.first('provider');
  const providerUserIds = q.array('provider_user_id');
  if ((provider === undefined) !== (providerUserIds === undefined)) {
    const missing = provider === undefined ? 'provider' : 'provider_user_id';
    throw paramError(missing, 'provider and provider_user_id must be used together', 'form_param_missing', 'is missing');
  }
  const int = (name) => q.integer(name);
  const emails = anyOf(q.array('email_address'), lower);
  const phones = anyOf(q.array('phone_number'));
  const externalIds = plusMinus(q.array('external_id'));
  const usernames = anyOf(q.array('username'), lower);
  const wallets = anyOf(q.array('web3_wallet'), lower);
  const userIds = plusMinus(q.array('user_id'));
  const orgIds = plusMinus(q.array('organization_id'));
  const anything = contains(q.first('query'));
  const emailQuery = contains(q.first('email_address_query'));
  const phoneQuery = contains(q.first('phone_number_query'));
  const usernameQuery = contains(q.first('username_query'));
  const nameQuery = contains(q.first('name_query'));
  const banned = q.boolean('banned');
  const times = [
    ['last_active_at', timeFilter(int('last_active_at_before'), (v, b) => v < b)],
    ['last_active_at', timeFilter(int('last_active_at_after'), (v, b) => v > b)],
    ['last_active_at', timeFilter(int('last_active_at_since'), (v, b) => v >= b)],
    ['created_at', timeFilter(int('created_at_before'), (v, b) => v < b)],
    ['created_at', timeFilter(int('created_at_after'), (v, b) => v > b)],
    ['last_sign_in_at', timeFilter(int('last_sign_in_at_before'), (v, b) => v < b)],
    ['last_sign_in_at', timeFilter(int('last_sign_in_at_after'), (v, b) => v > b)],
  ];
  const providerIds = providerUserIds === undefined ? undefined : new Set(providerUserIds);

  return (u) => {
    const emailList = u.emails.map((e) => e.email_address);
    const phoneList = u.phones.map((p) => p.phone_number);
    const walletList = u.wallets.map((w) => w.web3_wallet);
    const names = [u.first_name, u.last_name, u.first_name && u.last_name ? `${u.first_name} ${u.last_name}` : null];
    return (
      emails(emailList) &&
      phones(phoneList) &&
      externalIds(u.external_id === null ? [] : [u.external_id]) &&
      usernames(u.username === null ? [] : [u.username]) &&
      wallets(walletList) &&
      userIds([u.id]) &&
      orgIds(store.membershipsOf(u.id).map((m) => m.organization_id)) &&
      anything([...emailList, ...phoneList, u.username, ...walletList, u.id, ...names]) &&
      emailQuery(emailList) &&
      phoneQuery(phoneList) &&
      usernameQuery([u.username]) &&
      nameQuery(names) &&
      (banned === undefined || u.banned === banned) &&
      times.every(([field, test]) => test(u[field])) &&
      (providerIds === undefined ||
        u.externalAccounts.some((a) => a.provider === provider && providerIds.has(a.provider_user_id)))
    );
  };
}

const SORT_VALUES = {
  created_at: (u) => u.created_at,
  updated_at: (u) => u.updated_at,
  last_active_at: (u) => u.last_active_at,
  last_sign_in_at: (u) => u.last_sign_in_at,
  first_name: (u) => u.first_name && lower(u.first_name),
  last_name: (u) => u.last_name && lower(u.last_name),
  username: (u) => u.username && lower(u.username),
  email_address: (u) => primaryOf(u.emails, u.primary_email_address_id)?.email_address.toLowerCase() ?? null,
  phone_number: (u) => primaryOf(u.phones, u.primary_phone_number_id)?.phone_number ?? null,
  web3wallet: (u) => primaryOf(u.wallets, u.primary_web3_wallet_id)?.web3_wallet.toLowerCase() ?? null,
};

/**
 * `order_by` (first value; default -created_at) as { field, descending, compare }.
 * `compare` sorts users; null values count as greater than any value (last
 * ascending, first descending); ties go by creation order in the same direction.
 */
export function ordering(q) {
  const raw = q.first('order_by') ?? '-created_at';
  const descending = raw.startsWith('-');
  const field = /^[-+ ]/.test(raw) ? raw.slice(1) : raw;
  if (!ORDER_FIELDS.includes(field)) {
    throw paramError('order_by', `order_by must be one of ${ORDER_FIELDS.join(', ')}, optionally prefixed with + or -; got '${raw}'`, 'form_param_value_invalid');
  }
  const valueOf = SORT_VALUES[field];
  const sign = descending ? -1 : 1;
  const compare = (a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    let c = 0;
    if (x === null && y !== null) c = 1;
    else if (x !== null && y === null) c = -1;
    else if (x !== null && y !== null && x !== y) c = x < y ? -1 : 1;
    return sign * (c || a.seq - b.seq);
  };
  return { field, descending, compare };
}
