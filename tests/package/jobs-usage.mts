// idp-users/jobs and idp-users/jobs/file as a TypeScript consumer uses them.
import { createPacer, memoryJournal, planJob, runJob, type Job, type JobSummary, type JournalStore } from 'idp-users/jobs';
import { fileJournal, fileOutput } from 'idp-users/jobs/file';

const job: Job = { provider: 'clerk', select: { ids: ['user_1'] }, action: { type: 'ban' }, pacing: { rate: 90, concurrency: 8 } };
const exportJob: Job = { provider: 'kinde', select: { filters: {} }, action: { type: 'export', format: 'csv' } };
const metadataJob: Job = { provider: 'clerk', select: { records: [{ id: 'user_1', metadata: { public_metadata: { plan: 'pro' } } }] }, action: { type: 'merge-metadata' } };

export async function use(): Promise<number> {
  const journal: JournalStore = fileJournal('ban.journal');
  const summary: JobSummary = await runJob(job, { clerk: { secretKey: 'sk_test_x' }, journal, onProgress: (p) => void p.done });
  const failedKinds: number = summary.failedByKind.api ?? 0;
  for (const f of summary.failures) void f.error.message;
  const out = fileOutput('users.csv');
  await runJob(exportJob, { kinde: { domain: 'acme.kinde.com', clientId: 'id', clientSecret: 'secret' }, output: out, journal: memoryJournal() });
  await runJob(metadataJob, { clerk: { secretKey: 'sk_test_x' }, signal: new AbortController().signal });
  const { hash } = await planJob(job);
  const pacer = createPacer({ rate: 10 });
  await pacer.take();
  // @ts-expect-error: an action type the runner does not know does not compile
  const bad: Job = { provider: 'clerk', select: { ids: [] }, action: { type: 'explode' } };
  // @ts-expect-error: a selection names one of filters, ids, records
  const badSelect: Job = { provider: 'clerk', select: { users: [] }, action: { type: 'delete' } };
  // @ts-expect-error: an export's format is ndjson or csv
  const badFormat: Job = { provider: 'clerk', select: { filters: {} }, action: { type: 'export', format: 'xml' } };
  void [bad, badSelect, badFormat, hash];
  return failedKinds + (summary.export?.users ?? 0);
}
