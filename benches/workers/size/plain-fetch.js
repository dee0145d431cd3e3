// A Worker that lists Clerk users with plain fetch.
export default {
  async fetch(request, env) {
    const res = await fetch('https://api.clerk.com/v1/users?limit=100', { headers: { authorization: `Bearer ${env.CLERK_SECRET_KEY}` } });
    if (!res.ok) return new Response(`Clerk answered ${res.status}`, { status: 502 });
    return Response.json(await res.json());
  },
};
