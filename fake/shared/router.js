// A tiny path router: routes are data ({ method, path: '/a/:param/b', ... }).

function compile(path) {
  const segments = path.split('/').slice(1);
  return segments.map((s) => (s.startsWith(':') ? { param: s.slice(1) } : { literal: s }));
}

/**
 * Builds a matcher over `routes`. `match(method, pathname)` returns
 * `{ route, params }`, `{ allowed: string[] }` when the path exists with other
 * methods, or `undefined` when no route has that path.
 * Path parameters are percent-decoded; a malformed escape makes the path unmatched.
 */
export function createRouter(routes) {
  const compiled = routes.map((route) => ({ route, segments: compile(route.path) }));
  return {
    match(method, pathname) {
      const parts = pathname.split('/').slice(1);
      const allowed = [];
      for (const { route, segments } of compiled) {
        const params = matchSegments(segments, parts);
        if (!params) continue;
        if (route.method === method) return { route, params };
        allowed.push(route.method);
      }
      return allowed.length > 0 ? { allowed } : undefined;
    },
  };
}

function matchSegments(segments, parts) {
  if (segments.length !== parts.length) return undefined;
  const params = {};
  for (let i = 0; i < segments.length; i += 1) {
    const seg = segments[i];
    if (seg.literal !== undefined) {
      if (seg.literal !== parts[i]) return undefined;
      continue;
    }
    if (parts[i] === '') return undefined;
    try {
      params[seg.param] = decodeURIComponent(parts[i]);
    } catch {
      return undefined;
    }
  }
  return params;
}
