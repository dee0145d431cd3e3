// Runs the bundled test Worker (tests/workflows/worker) in workerd through
// Miniflare, listening on 127.0.0.1 at a free port, its Durable Object,
// Workflows and R2 state persisted under a directory (so a killed host
// started again finds them). Prints `IDP_WF_READY <url>` once it serves.
// Usage: node host.mjs '<json: { outDir, persist, vars }>'
// Run by harness.mjs as a child in its own process group (workerd is a child
// of this process, so a kill of the group stops both).
import { join } from 'node:path';
import { Miniflare } from 'miniflare';

const { outDir, persist, vars = {}, smallStepLimit = 30 } = JSON.parse(process.argv[2]);
const mf = new Miniflare({
  modules: true,
  modulesRoot: outDir,
  scriptPath: join(outDir, 'index.js'),
  modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
  compatibilityDate: '2026-04-01',
  bindings: vars,
  durableObjects: { USERS_PACER: { className: 'UsersPacer', useSQLite: true } },
  workflows: {
    USERS_JOB: { name: 'users-job', className: 'UsersJob' },
    USERS_JOB_SMALL: { name: 'users-job-small', className: 'UsersJobSmall', stepLimit: smallStepLimit },
  },
  r2Buckets: ['USERS_EXPORTS'],
  host: '127.0.0.1',
  port: 0,
  durableObjectsPersist: join(persist, 'do'),
  workflowsPersist: join(persist, 'workflows'),
  r2Persist: join(persist, 'r2'),
});
const url = await mf.ready;
console.log(`IDP_WF_READY ${url.href}`);
const stop = async () => {
  await mf.dispose().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
