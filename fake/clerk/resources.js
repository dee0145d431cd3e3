// A user's profile image, external accounts (and their OAuth tokens),
// passkeys, web3 wallets, organization memberships and invitations.

import { jsonResponse, mediaType } from '../shared/http.js';
import { ClerkError, notFound, paramError } from './errors.js';
import { deletedResponse, pathUser, userResponse } from './util.js';
import { invitationView, membershipView, oauthTokenView } from './views.js';

const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'];

async function setProfileImage(c) {
  const user = pathUser(c);
  const type = c.request.headers.get('content-type');
  const fail = (message) => new ClerkError(400, 'request_body_invalid', 'request body invalid', message);
  if (mediaType(type) !== 'multipart/form-data') throw fail(`The request body must be multipart/form-data, not '${type ?? 'no content type'}'`);
  let form;
  try {
    form = await new Response(c.bytes ?? new Uint8Array(0), { headers: { 'content-type': type } }).formData();
  } catch (error) {
    throw fail(`The multipart body could not be read: ${error.message}`);
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') {
    throw new ClerkError(400, 'form_param_missing', 'is missing', 'A `file` part with a file is required', { param_name: 'file' });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new ClerkError(400, 'image_empty', 'empty image', 'The uploaded file is empty', { param_name: 'file' });
  user.counters.image += 1;
  user.image = {
    url: `https://img.fake-clerk.test/users/${user.id}/profile-${user.counters.image}`,
    upload: { name: file.name ?? 'blob', type: file.type, size: bytes.length, bytes },
  };
  user.updated_at = c.clock.now();
  return userResponse(user);
}

function deleteProfileImage(c) {
  const user = pathUser(c);
  user.image = null;
  user.updated_at = c.clock.now();
  return userResponse(user);
}

/** Removes the item with the path's id from `user[listKey]`, or 404. */
function removeOwned(c, user, listKey, param, what) {
  const id = c.params[param];
  const item = user[listKey].find((x) => x.id === id);
  if (!item) throw notFound(what);
  user[listKey] = user[listKey].filter((x) => x !== item);
  user.updated_at = c.clock.now();
  return item;
}

function deleteExternalAccount(c) {
  const user = pathUser(c);
  const account = removeOwned(c, user, 'externalAccounts', 'external_account_id', 'external account');
  for (const e of user.emails) e.linked_to = e.linked_to.filter((l) => l.id !== account.id);
  return deletedResponse('external_account', account.id);
}

function deletePasskey(c) {
  const user = pathUser(c);
  const passkey = removeOwned(c, user, 'passkeys', 'passkey_identification_id', 'passkey');
  return deletedResponse('passkey', passkey.id);
}

function deleteWallet(c) {
  const user = pathUser(c);
  const wallet = removeOwned(c, user, 'wallets', 'web3_wallet_identification_id', 'web3 wallet');
  if (user.primary_web3_wallet_id === wallet.id) user.primary_web3_wallet_id = user.wallets[0]?.id ?? null;
  return deletedResponse('web3_wallet', wallet.id);
}

function oauthAccessTokens(c) {
  const user = pathUser(c);
  const provider = c.params.provider;
  if (!/^oauth_[a-z0-9_]+$/.test(provider)) {
    throw paramError('provider', `provider must be an OAuth provider id such as oauth_google; got '${provider}'`, 'form_param_value_invalid');
  }
  const paginated = c.query.boolean('paginated') ?? false;
  const { limit, offset } = c.query.page();
  const tokens = user.externalAccounts.filter((a) => a.provider === provider).map(oauthTokenView);
  return jsonResponse(200, paginated ? tokens.slice(offset, offset + limit) : tokens);
}

function memberships(c) {
  const user = pathUser(c);
  const { limit, offset } = c.query.page();
  const all = c.store.membershipsOf(user.id);
  return jsonResponse(200, { data: all.slice(offset, offset + limit).map((m) => membershipView(m, c.store)), total_count: all.length });
}

function invitations(c) {
  const user = pathUser(c);
  const { limit, offset } = c.query.page();
  const status = c.query.oneOf('status', INVITATION_STATUSES);
  const all = c.store.invitationsFor(user).filter((i) => status === undefined || i.status === status);
  return jsonResponse(200, { data: all.slice(offset, offset + limit).map((i) => invitationView(i, c.store)), total_count: all.length });
}

const U = '/users/:user_id';

export const resourceRoutes = [
  { method: 'POST', path: `${U}/profile_image`, operation: 'SetUserProfileImage', handler: setProfileImage },
  { method: 'DELETE', path: `${U}/profile_image`, operation: 'DeleteUserProfileImage', handler: deleteProfileImage },
  { method: 'DELETE', path: `${U}/external_accounts/:external_account_id`, operation: 'DeleteExternalAccount', handler: deleteExternalAccount },
  { method: 'DELETE', path: `${U}/passkeys/:passkey_identification_id`, operation: 'UserPasskeyDelete', handler: deletePasskey },
  { method: 'DELETE', path: `${U}/web3_wallets/:web3_wallet_identification_id`, operation: 'UserWeb3WalletDelete', handler: deleteWallet },
  { method: 'GET', path: `${U}/oauth_access_tokens/:provider`, operation: 'GetOAuthAccessToken', handler: oauthAccessTokens },
  { method: 'GET', path: `${U}/organization_memberships`, operation: 'UsersGetOrganizationMemberships', handler: memberships },
  { method: 'GET', path: `${U}/organization_invitations`, operation: 'UsersGetOrganizationInvitations', handler: invitations },
];
