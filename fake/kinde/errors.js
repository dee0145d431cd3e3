// Kinde's error answers. Handlers throw KindeError; the provider renders it in
// the shape the contract gives for the status: `{errors: [{code, message}]}`
// (error_response) for 400/403/405/429, `{errors: {code, message}}`
// (not_found_response) for 404.

import { emptyResponse, jsonResponse } from '../shared/http.js';

export class KindeError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const badRequest = (code, message) => new KindeError(400, code, message);
export const notFound = (code, message) => new KindeError(404, code, message);

/** Renders a KindeError; `withBody: false` gives the spec's bodiless 403/429. */
export function errorResponse(error, { withBody = true, headers = {} } = {}) {
  if (!withBody) return emptyResponse(error.status, headers);
  const item = { code: error.code, message: error.message };
  return jsonResponse(error.status, { errors: error.status === 404 ? item : [item] }, headers);
}
