// idp-users/jobs: jobs that outlive a process (see jobs.d.ts and the README's
// "Jobs" section). Runtime-neutral; the file store is idp-users/jobs/file.
export { runJob, planJob, memoryJournal, operationNames } from './runner.js';
export { createPacer, pauseOf } from './pacer.js';
export { normalizeJob, jobHash, replay, parseLines, stepFor, isGone, csvCell, csvHeader, csvRow, ndjsonLine, JOURNAL_VERSION } from './core.js';
export { OPERATIONS } from './operations.js';
export { copyUser, mapKindeToClerk, mapClerkToKinde } from './copy.js';
