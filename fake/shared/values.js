// Checks of JSON values and text formats that both fake providers apply the
// same way. Each provider turns a failed check into its own error answer.

/** True for a JSON object: not null, not an array. */
export function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** An RFC 3339 date-time as unix milliseconds; undefined when `text` is not one. */
export function rfc3339Ms(text) {
  const ms = Date.parse(text);
  return RFC3339.test(text) && !Number.isNaN(ms) ? ms : undefined;
}

// Deliberately loose (something@something.tld): the fakes reject only what is
// plainly not an address.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(value) {
  return EMAIL.test(value);
}
