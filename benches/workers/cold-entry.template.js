// Cold start in workerd of one contender (generated per contender by run.mjs
// from this template): the first request makes the contender's first call.
import { benchFetch, setFetchTarget } from '__APP__/lib/global-fetch.mjs'; // first: before the contender loads
import { makeStub } from '__APP__/lib/stub.mjs';
import { countUsers } from '__APP__/lib/count.mjs';
import { create } from '__APP__/contenders/__ID__.mjs';

export default {
  async fetch(request) {
    try {
      setFetchTarget(makeStub(await request.json()));
      return Response.json({ users: countUsers(await create(benchFetch).__OP__()) });
    } catch (e) {
      return Response.json({ error: e?.stack || String(e) }, { status: 500 });
    }
  },
};
