// Clerk's error answers: `{errors: [{message, long_message, code, meta?}], clerk_trace_id}`
// (the spec's ClerkErrors). Handlers throw ClerkError; the provider renders it
// with the request's deterministic trace id. fake/README.md lists the codes.

import { emptyResponse, jsonResponse } from '../shared/http.js';

export class ClerkError extends Error {
  /**
   * @param {number} status
   * @param {string} code      Clerk's machine-readable code (e.g. resource_not_found)
   * @param {string} message   the short message
   * @param {string} [longMessage] the long message (defaults to `message`)
   * @param {object} [meta]    e.g. `{ param_name: 'email_address' }`
   */
  constructor(status, code, message, longMessage, meta) {
    super(longMessage ?? message);
    this.status = status;
    this.code = code;
    this.shortMessage = message;
    this.longMessage = longMessage ?? message;
    this.meta = meta;
  }
}

export const notFound = (what = 'resource') =>
  new ClerkError(404, 'resource_not_found', 'not found', `The requested ${what} was not found`);

/** 422 for a body or query parameter; `code` defaults to form_param_format_invalid. */
export const paramError = (param, longMessage, code = 'form_param_format_invalid', message = 'is invalid') =>
  new ClerkError(422, code, message, longMessage, { param_name: param });

export const bodyError = (longMessage) => new ClerkError(400, 'request_body_invalid', 'request body invalid', longMessage);

/** Renders a ClerkError; `withBody: false` gives the spec's bodiless answers. */
export function errorResponse(error, traceId, { withBody = true, headers = {} } = {}) {
  if (!withBody) return emptyResponse(error.status, headers);
  const item = { message: error.shortMessage, long_message: error.longMessage, code: error.code };
  if (error.meta) item.meta = { ...error.meta };
  return jsonResponse(error.status, { errors: [item], clerk_trace_id: traceId }, headers);
}
