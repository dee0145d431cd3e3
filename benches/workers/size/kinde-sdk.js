// A Worker that lists users with @kinde/management-api-js.
import { Users, init } from '@kinde/management-api-js';

export default {
  async fetch(request, env) {
    init({ kindeDomain: env.KINDE_DOMAIN, clientId: env.KINDE_CLIENT_ID, clientSecret: env.KINDE_CLIENT_SECRET });
    return Response.json(await Users.getUsers({ pageSize: 100 }));
  },
};
