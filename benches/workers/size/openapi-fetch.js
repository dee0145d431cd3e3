// A Worker that lists Clerk users with openapi-fetch (GET /v1/users).
import createClient from 'openapi-fetch';

export default {
  async fetch(request, env) {
    const clerk = createClient({ baseUrl: 'https://api.clerk.com/v1', headers: { authorization: `Bearer ${env.CLERK_SECRET_KEY}` } });
    const { data, error } = await clerk.GET('/users', { params: { query: { limit: 100 } } });
    if (error !== undefined) return Response.json(error, { status: 502 });
    return Response.json(data);
  },
};
