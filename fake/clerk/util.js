// Helpers shared by the fake Clerk's route modules.

import { jsonResponse } from '../shared/http.js';
import { notFound } from './errors.js';
import { userView } from './views.js';

/** The user named by the `user_id` path parameter, or 404 resource_not_found. */
export function pathUser(c) {
  const user = c.store.user(c.params.user_id);
  if (!user) throw notFound('user');
  return user;
}

/** 200 with the User model: the answer of every route that changes or reads one user. */
export const userResponse = (user) => jsonResponse(200, userView(user));

/** 200 with the DeletedObject model, the answer of every DELETE that removes a whole object. */
export const deletedResponse = (object, id) => jsonResponse(200, { object, id, deleted: true });
