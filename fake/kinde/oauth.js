// The client-credentials token endpoint (POST /oauth2/token) and the registry
// of access tokens it has issued.

import { fromBase64 } from '../shared/bytes.js';
import { randomToken } from '../shared/clock.js';
import { jsonResponse, mediaType } from '../shared/http.js';

export const CLIENT_ID = 'fake-client-id';
export const CLIENT_SECRET = 'fake-client-secret';

// What a Kinde M2M application granted access to the Management API would hold
// for the endpoints this fake serves.
const SCOPES = [
  'read:users', 'create:users', 'update:users', 'delete:users',
  'read:user_identities', 'create:user_identities',
  'read:user_properties', 'update:user_properties',
  'read:user_sessions', 'delete:user_sessions',
  'read:user_mfa', 'delete:user_mfa',
  'update:user_refresh_claims', 'update:user_passwords', 'update:user_feature_flags',
  'read:organization_users', 'create:organization_users', 'update:organization_users', 'delete:organization_users',
].join(' ');

export function createTokenRegistry(clock, ttlSeconds) {
  let tokens = new Map(); // token → expiry (fake ms)
  return {
    issue() {
      const token = randomToken('fake_kinde_at_');
      tokens.set(token, clock.now() + ttlSeconds * 1000);
      return token;
    },
    /** 'valid', 'expired' or 'unknown'. */
    check(token) {
      const expiry = tokens.get(token);
      if (expiry === undefined) return 'unknown';
      return clock.now() < expiry ? 'valid' : 'expired';
    },
    revokeAll() {
      tokens = new Map();
    },
    ttlSeconds,
  };
}

// OAuth 2.0 error answers (RFC 6749 §5.2): never cached.
function oauthError(status, error, description, headers = {}) {
  return jsonResponse(
    status,
    { error, error_description: description },
    { 'cache-control': 'no-store', pragma: 'no-cache', ...headers },
  );
}

// RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64.
function formDecode(s) {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}

function basicCredentials(header) {
  const match = /^basic\s+(\S+)\s*$/i.exec(header);
  if (!match) return { malformed: true };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64(match[1]));
    const colon = text.indexOf(':');
    if (colon < 0) return { malformed: true };
    return { id: formDecode(text.slice(0, colon)), secret: formDecode(text.slice(colon + 1)) };
  } catch {
    return { malformed: true };
  }
}

/** Handles POST /oauth2/token. */
export function tokenEndpoint(ctx, registry) {
  if (ctx.method !== 'POST') {
    return oauthError(405, 'invalid_request', 'The token endpoint only accepts POST', { allow: 'POST' });
  }
  const type = mediaType(ctx.request.headers.get('content-type'));
  if (type !== 'application/x-www-form-urlencoded') {
    return oauthError(400, 'invalid_request', 'The request body must be application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(ctx.body ?? '');
  for (const name of new Set(form.keys())) {
    if (form.getAll(name).length > 1) return oauthError(400, 'invalid_request', `Parameter '${name}' is repeated`);
  }

  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'Missing grant_type');
  if (grantType !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', `Grant type '${grantType}' is not supported; use client_credentials`);
  }

  // Client authentication: HTTP Basic or client_id/client_secret in the body, not both.
  const authorization = ctx.request.headers.get('authorization');
  let id;
  let secret;
  const challenge = { 'www-authenticate': 'Basic realm="fake-kinde"' };
  if (authorization) {
    const basic = basicCredentials(authorization);
    if (basic.malformed) return oauthError(401, 'invalid_client', 'Malformed HTTP Basic client credentials', challenge);
    if (form.has('client_secret')) {
      return oauthError(400, 'invalid_request', 'Use either HTTP Basic or client_secret in the body, not both');
    }
    if (form.has('client_id') && form.get('client_id') !== basic.id) {
      return oauthError(400, 'invalid_request', 'client_id in the body does not match the HTTP Basic credentials');
    }
    ({ id, secret } = basic);
  } else {
    id = form.get('client_id');
    secret = form.get('client_secret');
    if (!id || !secret) {
      return oauthError(401, 'invalid_client', 'Client authentication failed: client_id and client_secret are required', challenge);
    }
  }
  if (id !== CLIENT_ID || secret !== CLIENT_SECRET) {
    return oauthError(401, 'invalid_client', 'Client authentication failed: unknown client or wrong secret', challenge);
  }

  const audience = form.get('audience');
  if (audience !== null && !audience.endsWith('/api')) {
    return oauthError(400, 'invalid_request', `Unknown audience '${audience}'; the Management API audience ends with /api`);
  }

  return jsonResponse(
    200,
    { access_token: registry.issue(), expires_in: registry.ttlSeconds, token_type: 'bearer', scope: SCOPES },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}
