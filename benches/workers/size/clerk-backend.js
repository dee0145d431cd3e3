// A Worker that lists users with @clerk/backend.
import { createClerkClient } from '@clerk/backend';

export default {
  async fetch(request, env) {
    const clerk = createClerkClient({ secretKey: env.CLERK_SECRET_KEY });
    const { data } = await clerk.users.getUserList({ limit: 100 });
    return Response.json(data);
  },
};
