// Helpers shared by the fake Clerk's route modules.

import { notFound } from './errors.js';

/** The user named by the `user_id` path parameter, or 404 resource_not_found. */
export function pathUser(c) {
  const user = c.store.user(c.params.user_id);
  if (!user) throw notFound('user');
  return user;
}
