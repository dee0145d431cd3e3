// idp-users/workflows as a TypeScript consumer uses it (types only: it runs in workerd).
import { PREFIX, UsersPacer, defineUsersJob, exportStream, jobControl, jobStatus, pacedFetch, pacerName, startUsersJob, type UsersJobBindings, type UsersJobStatus, type UsersPacerNamespace, type R2BucketLike, type WorkflowLike } from 'idp-users/workflows';
import type { Job } from 'idp-users/jobs';

interface Env {
  USERS_PACER: UsersPacerNamespace;
  USERS_EXPORTS: R2BucketLike;
  USERS_JOB: WorkflowLike;
  CLERK_SECRET_KEY: string;
}

export const UsersJob = defineUsersJob<Env>({
  clients: (env) => ({ clerk: { secretKey: env.CLERK_SECRET_KEY } }),
  pacer: (env) => env.USERS_PACER,
  bucket: (env) => env.USERS_EXPORTS,
  workflow: (env) => env.USERS_JOB,
  rates: { clerk: 95 },
  batchSize: 100,
  stepLimit: 25_000,
  step: { retries: { limit: 5, delay: '2 seconds', backoff: 'exponential' }, timeout: '10 minutes' },
});
export { UsersPacer };

export async function use(env: Env): Promise<number> {
  const bindings: UsersJobBindings = { workflow: env.USERS_JOB, bucket: env.USERS_EXPORTS };
  const job: Job = { provider: 'clerk', select: { filters: {} }, action: { type: 'export', format: 'csv' } };
  const instance = await startUsersJob(bindings, job, { journal: 'earlier-id' });
  const status: UsersJobStatus = await jobStatus(bindings, instance.id);
  await jobControl(bindings, instance.id, 'pause');
  // @ts-expect-error: the actions are pause, resume and cancel
  await jobControl(bindings, instance.id, 'stop');
  const stream = await exportStream(bindings, instance.id);
  const stub = env.USERS_PACER.get(env.USERS_PACER.idFromName(await pacerName('clerk', { secretKey: env.CLERK_SECRET_KEY })));
  const paced = pacedFetch(stub, 95);
  await paced('https://api.clerk.com/v1/users');
  void [stream, PREFIX];
  // @ts-expect-error: defineUsersJob needs the clients, pacer and bucket
  defineUsersJob({ clients: () => ({}) });
  return status.progress.done + (status.summary?.export?.users ?? 0);
}
