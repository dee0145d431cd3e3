// A Worker that lists users with this package, both providers in the import.
import { ClerkUsersApi } from 'idp-users';

export default {
  async fetch(request, env) {
    const clerk = new ClerkUsersApi({ secretKey: env.CLERK_SECRET_KEY });
    return Response.json(await clerk.getUserList({ limit: 100 }));
  },
};
