// A Worker that lists users with this package's Kinde-only entry.
import { KindeUsersApi } from 'idp-users/kinde';

export default {
  async fetch(request, env) {
    const kinde = new KindeUsersApi({ domain: env.KINDE_DOMAIN, clientId: env.KINDE_CLIENT_ID, clientSecret: env.KINDE_CLIENT_SECRET });
    return Response.json(await kinde.getUsers({ page_size: 100 }));
  },
};
