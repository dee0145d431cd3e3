// idp-users/workflows: the jobs of idp-users/jobs run as a Cloudflare
// Workflow, paced by a UsersPacer Durable Object. workerd only.
// The Cloudflare types are declared here structurally (no dependency on
// @cloudflare/workers-types): the bindings a Worker's env holds fit them.

import type { Job, JobSummary } from './jobs.js';
import type { ClerkUsersApiConfig as ClerkConfig, KindeUsersApiConfig as KindeConfig } from './index.js';

export type { Job, JobSummary };

/** The R2 bucket binding, as far as these functions use it. */
export interface R2BucketLike {
  get(key: string): Promise<{ json<T = unknown>(): Promise<T>; arrayBuffer(): Promise<ArrayBuffer>; body: ReadableStream } | null>;
  put(key: string, value: string | ArrayBuffer | ArrayBufferView | ReadableStream, options?: object): Promise<unknown>;
  list(options?: { prefix?: string; cursor?: string }): Promise<{ objects: { key: string; size: number }[]; truncated: boolean; cursor?: string }>;
}

/** A Workflow instance handle (`env.USERS_JOB.get(id)`). */
export interface WorkflowInstanceLike {
  id: string;
  status(): Promise<{ status: string; error?: unknown; output?: unknown }>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  terminate(): Promise<void>;
  restart(): Promise<void>;
}

/** A Workflow binding (`[[workflows]]` in wrangler.toml). */
export interface WorkflowLike {
  create(options?: { id?: string; params?: unknown }): Promise<WorkflowInstanceLike>;
  get(id: string): Promise<WorkflowInstanceLike>;
}

/** A UsersPacer stub: the Durable Object's RPC methods. */
export interface UsersPacerStub {
  reserve(rate: number): Promise<{ waitMs: number }>;
  report429(headers: { 'retry-after'?: string; 'ratelimit-reset'?: string; 'x-ratelimit-reset'?: string }): Promise<{ pausedMs: number }>;
  stats(): Promise<{ requests: number; throttled: number; pausedMs: number; nextAt: number }>;
}

/** The Durable Object namespace binding of UsersPacer. */
export interface UsersPacerNamespace {
  idFromName(name: string): unknown;
  get(id: any): UsersPacerStub;
}

/** Step configuration, as Workflows' step.do takes it. */
export interface StepConfig {
  retries?: { limit: number; delay: number | string; backoff?: 'constant' | 'linear' | 'exponential' };
  timeout?: number | string;
}

/** What defineUsersJob needs, each binding read from the Worker's env inside the Workflow. */
export interface UsersJobOptions<Env = any> {
  /** The providers' configs, built from env (secrets stay in the Worker, never in a job's params). */
  clients: (env: Env) => { kinde?: KindeConfig; clerk?: ClerkConfig };
  /** The UsersPacer namespace (e.g. env.USERS_PACER). */
  pacer: (env: Env) => UsersPacerNamespace;
  /** The R2 bucket of exports, journals and progress (e.g. env.USERS_EXPORTS). */
  bucket: (env: Env) => R2BucketLike;
  /** This Workflow's own binding (e.g. env.USERS_JOB): needed to fan a big job out into child instances. */
  workflow?: (env: Env) => WorkflowLike;
  /**
   * Requests per second per credential, shared by every instance, step and
   * paced request (default: the job's pacing.rate). Clerk's production
   * limit is 1,000 per 10 s: `{ clerk: 95 }` leaves room for other callers.
   */
  rates?: { kinde?: number; clerk?: number } | ((env: Env) => { kinde?: number; clerk?: number });
  /** Users per step of a bulk action (default 100). */
  batchSize?: number;
  /** The steps one instance may take (default 10,000, Workflows' default; set it to the Workflow's configured limit). */
  stepLimit?: number;
  /** The config of every step (default: 10 retries, 2 s exponential backoff, 15 minutes timeout). */
  step?: StepConfig;
  /** The parent's wait between checks of its children, doubling from min to max ms (default 2,000 to 300,000). */
  pollMs?: { min?: number; max?: number };
  /** Called at the start of every step attempt (metrics; tests inject faults here). A throw fails the attempt. */
  onStep?: (name: string, env: Env) => void | Promise<void>;
}

/** The params of an instance: `env.USERS_JOB.create({ params })`. */
export interface UsersJobParams {
  /** The job, as idp-users/jobs takes it (copy is not run here). */
  job: Job;
  /** The journal to run over (default: the instance id): a terminated instance's id starts its job again where it stopped. */
  journal?: string;
}

/** The Workflow class defineUsersJob makes: re-export it under the class_name of the [[workflows]] binding. */
export interface UsersJobClass {
  new (ctx: any, env: any): { run(event: { payload: UsersJobParams; instanceId: string }, step: any): Promise<WorkflowJobSummary> };
}

/** The instance's output (status().output): a JobSummary's counts, capped failures, and the export's parts. */
export interface WorkflowJobSummary {
  job: string;
  provider: 'kinde' | 'clerk';
  action: string;
  dryRun: boolean;
  total: number;
  done: number;
  failed: number;
  skipped: number;
  /** The first 1,000 failures. */
  failures: { item: string; error: { name: string; message: string; kind?: string } }[];
  export?: { format: 'ndjson' | 'csv'; users: number; bytes: number; parts: number; complete: boolean };
  /** A fanned-out job: its child instances. */
  children?: string[];
}

/** jobStatus's answer: JSON. */
export interface UsersJobStatus {
  id: string;
  status: 'queued' | 'running' | 'paused' | 'errored' | 'terminated' | 'complete' | 'waiting' | 'waitingForPause' | 'unknown';
  job: { provider: 'kinde' | 'clerk'; action: { type: string; [k: string]: unknown } } | null;
  /** Users done, failed and skipped so far (children added up); total once known. */
  progress: { done: number; failed: number; skipped: number; total: number | null };
  /** R2 keys of the export's parts, in order (part = page number). */
  exports: { key: string; bytes: number; part: number }[];
  children?: { id: string; status?: string; progress?: UsersJobStatus['progress'] }[];
  summary?: WorkflowJobSummary;
  error?: { name: string; message: string };
}

/** The bindings jobStatus, jobControl, exportStream and startUsersJob use. */
export interface UsersJobBindings {
  workflow: WorkflowLike;
  bucket: R2BucketLike;
}

/** Makes the Workflow class that runs jobs. */
export function defineUsersJob<Env = any>(options: UsersJobOptions<Env>): UsersJobClass;

/** The Durable Object class pacing every request of one credential (bind it with new_sqlite_classes). */
export class UsersPacer {
  constructor(ctx: any, env: any);
  /** Reserves the next slot at `rate` requests per second: how long to wait before sending. */
  reserve(rate: number): { waitMs: number };
  /** A 429's retry-after / ratelimit-reset / x-ratelimit-reset values: no slot before that pause ends. */
  report429(headers: { 'retry-after'?: string; 'ratelimit-reset'?: string; 'x-ratelimit-reset'?: string }): { pausedMs: number };
  /** Slots given out, 429s reported, time paused. */
  stats(): { requests: number; throttled: number; pausedMs: number; nextAt: number };
}

/** `<provider>:<sha256>`: the pacer object's name for a credential (never the credential itself). */
export function pacerName(provider: 'kinde' | 'clerk', config: KindeConfig | ClerkConfig): Promise<string>;

/** A fetch that takes a slot of `stub` before every request and reports 429s to it (for a Worker's own clients). */
export function pacedFetch(stub: UsersPacerStub, rate: number, fetchFn?: typeof fetch): typeof fetch;

/** Checks `job` (an IdpUsersError of kind 'validation' before any request), then creates its instance. */
export function startUsersJob(bindings: { workflow: WorkflowLike }, job: Job, options?: { id?: string; journal?: string }): Promise<WorkflowInstanceLike>;

/** The job's status and progress (its children's added up). */
export function jobStatus(bindings: UsersJobBindings, id: string): Promise<UsersJobStatus>;

/** Pauses, resumes or cancels (terminates) the job's instance and its children; resolves to its status. */
export function jobControl(bindings: UsersJobBindings, id: string, action: 'pause' | 'resume' | 'cancel'): Promise<UsersJobStatus>;

/** The export's parts concatenated in order (null before the first part). */
export function exportStream(bindings: UsersJobBindings, id: string): Promise<ReadableStream<Uint8Array> | null>;

/** The R2 prefix of everything a job writes: `idp-users-jobs/<journal or instance id>/...`. */
export const PREFIX: 'idp-users-jobs';
