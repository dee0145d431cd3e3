// idp-users/workflows outside workerd: Cloudflare Workflows and Durable
// Objects exist only there, so importing it elsewhere fails with this.
throw new Error("idp-users/workflows runs only in Cloudflare Workers (workerd: wrangler, Miniflare): it imports cloudflare:workers. In Node, Deno or Bun run the same jobs with idp-users/jobs' runJob.");
