// Injected faults: canned raw responses for the next matching request(s).
import { rawResponse } from './http.js';

function checkFault(f) {
  if (!f || typeof f !== 'object') throw new TypeError('injectFault needs an object');
  if (!Number.isInteger(f.status) || f.status < 200 || f.status > 599) {
    throw new TypeError('injectFault: status must be an integer from 200 to 599');
  }
  if (f.method !== undefined && typeof f.method !== 'string') throw new TypeError('injectFault: method must be a string');
  if (f.path !== undefined && typeof f.path !== 'string' && !(f.path instanceof RegExp)) {
    throw new TypeError('injectFault: path must be a string or a RegExp');
  }
  if (f.body !== undefined && typeof f.body !== 'string') throw new TypeError('injectFault: body must be a string');
  if (f.headers !== undefined && (typeof f.headers !== 'object' || f.headers === null)) {
    throw new TypeError('injectFault: headers must be an object of strings');
  }
  const times = f.times ?? 1;
  if (!(times === Infinity || (Number.isInteger(times) && times > 0))) {
    throw new TypeError('injectFault: times must be a positive integer or Infinity');
  }
  return times;
}

export function createFaultQueue() {
  let faults = [];
  return {
    add(f) {
      const times = checkFault(f);
      faults.push({
        method: f.method?.toUpperCase(),
        path: f.path,
        status: f.status,
        body: f.body,
        headers: { ...(f.headers ?? {}) },
        remaining: times,
      });
    },
    /** The response of the first fault matching `method` and `path`, consuming one use; else undefined. */
    take(method, path) {
      const fault = faults.find(
        (f) =>
          (f.method === undefined || f.method === method) &&
          (f.path === undefined || (typeof f.path === 'string' ? f.path === path : matchRegExp(f.path, path))),
      );
      if (!fault) return undefined;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
      return rawResponse(fault.status, fault.body, fault.headers);
    },
    clear() {
      faults = [];
    },
  };
}

// A global or sticky RegExp keeps lastIndex between calls; reset it so every test starts fresh.
function matchRegExp(re, path) {
  re.lastIndex = 0;
  return re.test(path);
}
