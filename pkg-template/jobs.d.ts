// idp-users/jobs: jobs over many users that outlive a process (written by hand).
import type {
  ClerkUsersApi,
  ClerkUsersApiConfig,
  IdpUsersErrorFields,
  IdpUsersErrorKind,
  KindeUsersApi,
  KindeUsersApiConfig,
} from './index.js';

/** A provider of the package. */
export type JobProvider = "kinde" | "clerk";

/** A JSON value, as metadata and params hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Which users a job runs over. */
export type JobSelection =
  /** The users of the provider's list call with these params (Kinde `getUsers`, Clerk `getUserList`), paging excluded. */
  | { filters: Record<string, JsonValue> }
  /** These user ids (duplicates are dropped). */
  | { ids: string[] }
  /** One record per user: `id`, plus per-user `metadata` or `params`, or (copy) the source user itself. */
  | { records: Array<{ id: string; metadata?: JobMetadata; params?: JsonValue[] } & Record<string, JsonValue | undefined>> };

/** Kinde: `{ properties }`; Clerk: some of the three metadata objects. */
export type JobMetadata =
  | { properties: Record<string, string | number | boolean> }
  | { public_metadata?: Record<string, JsonValue>; private_metadata?: Record<string, JsonValue>; unsafe_metadata?: Record<string, JsonValue> };

/** What a job does to each selected user. */
export type JobAction =
  /** Every selected user once, as NDJSON (the API's JSON per line) or CSV. */
  | { type: "export"; format?: "ndjson" | "csv" }
  /** Clerk: ban, unban, lock, unlock. Kinde: suspend, unsuspend. Both: delete. */
  | { type: "ban" | "unban" | "lock" | "unlock" | "suspend" | "unsuspend" | "delete" }
  /** Clerk: `updateUser` (each object given replaces the user's) / `updateUserMetadata` (deep merge). Kinde: `updateUserProperties`. */
  | { type: "update-metadata" | "merge-metadata"; metadata?: JobMetadata }
  /** Any operation whose first argument is a user id; `params` are the arguments after it. */
  | { type: "operation"; name: string; params?: JsonValue[] | JsonValue }
  /** Copy each user to the other provider. */
  | { type: "copy"; to: JobProvider };

/** A job: plain, JSON-serialisable data. */
export interface Job {
  provider: JobProvider;
  select: JobSelection;
  action: JobAction;
  /** Requests per second for everything the job sends (default 10, at most 10000), items in flight at once (default 4, at most 64). */
  pacing?: { rate?: number; concurrency?: number };
  /** Send no write: each item is reported as `skipped` with the call it would make. */
  dryRun?: boolean;
}

/** A job as the runner runs it: defaults filled in, ids deduplicated. */
export interface NormalizedJob {
  provider: JobProvider;
  select: JobSelection;
  action: JobAction;
  pacing: { rate: number; concurrency: number };
  dryRun: boolean;
}

/** Where a journal lives: lines of NDJSON, appended, read back whole. */
export interface JournalStore {
  /** Every complete line, oldest first (a torn last line left out). */
  read(): Promise<string[]>;
  /** Appends lines (each one JSON record, without its newline); resolves once they are stored. */
  append(lines: string[]): Promise<void>;
}

/** An in-memory journal; `lines` is what it holds. */
export interface MemoryJournal extends JournalStore {
  readonly lines: string[];
}

/** Where an export writes. Without `truncate` an export cannot resume from a journal. */
export interface ExportOutput {
  write(text: string): Promise<void> | void;
  /** Cuts the output back to `bytes` (the last recorded page's end). */
  truncate?(bytes: number): Promise<void>;
  /** Makes what was written durable before the page is recorded. */
  sync?(): Promise<void>;
}

/** One line of a journal about an item. */
export type ItemRecord =
  | { item: string; state: "started" }
  | { item: string; state: "done"; outcome?: "gone" | "created" | "exists" | null; targetId?: string | null; notMoved?: string[] }
  | { item: string; state: "failed"; error: IdpUsersErrorFields | { name: string; message: string; kind: "unknown" } }
  | { item: string; state: "skipped"; reason: "dry-run"; call?: { operation: string; args: JsonValue[] }; mapping?: JsonValue | null; notMoved?: string[] };

/** What `onProgress` is called with (at most every 100 ms, and at the end of each phase). */
export interface JobProgress {
  phase: "select" | "items" | "export";
  done: number;
  failed: number;
  skipped: number;
  /** Items in the job, when known (not during an export, nor while listing). */
  total: number | null;
  requests: number;
  throttled: number;
}

/** The copy of one user, as `copyUser` resolves (see `idp-users/jobs` copy). */
export interface CopyResult {
  outcome: "created" | "exists" | "dry-run";
  targetId: string | null;
  mapping: JsonValue;
  notMoved: string[];
}

/** What the runner calls for each user of a copy. */
export type CopyUser = (args: {
  from: JobProvider;
  to: JobProvider;
  source: KindeUsersApi | ClerkUsersApi;
  target: KindeUsersApi | ClerkUsersApi;
  user: Record<string, JsonValue>;
  dryRun: boolean;
}) => Promise<CopyResult>;

/** Options of `runJob`. */
export interface RunJobOptions {
  /** The Kinde client's config (its `fetch` is wrapped by the job's pacer). Needed when the job touches Kinde. */
  kinde?: KindeUsersApiConfig;
  /** The Clerk client's config (its `fetch` is wrapped by the job's pacer). Needed when the job touches Clerk. */
  clerk?: ClerkUsersApiConfig;
  /** Where progress is recorded (default: a new memory journal, so nothing resumes). */
  journal?: JournalStore;
  /** An export's output. */
  output?: ExportOutput;
  /** Stops starting new items (the ones in flight finish and are recorded); the summary then says `interrupted`. */
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
  /** Each item's final record, as it is journaled. */
  onItem?: (record: ItemRecord) => void;
  /** The copy of one user (default: the package's own). */
  copyUser?: CopyUser;
}

/** An item that failed, with its typed error (no secret is ever in one). */
export interface JobFailure {
  /** The user id, or `page N` / `selection` for a list request that failed. */
  item: string;
  error: IdpUsersErrorFields | { name: string; message: string; kind: "unknown" };
}

/** What `runJob` resolves to: the state of the whole job, earlier runs of its journal included. */
export interface JobSummary {
  /** The job's hash (SHA-256 of provider, selection, action and dry run), as its journal's header holds. */
  job: string;
  provider: JobProvider;
  action: JobAction["type"];
  dryRun: boolean;
  /** Items of the job, when known (an interrupted listing or export: null). */
  total: number | null;
  done: number;
  failed: number;
  skipped: number;
  failedByKind: Partial<Record<IdpUsersErrorKind | "unknown", number>>;
  failures: JobFailure[];
  /** True when the run stopped (signal) before the job was finished: run it again with the same journal. */
  interrupted: boolean;
  /** Items already done by earlier runs when this one started. */
  resumedDone: number;
  /** This run's requests: all sent, answered 429, by status, and the rate achieved against the one allowed. */
  run: { requests: number; throttled: number; statuses: Record<string, number>; elapsedMs: number; requestsPerSecond: number; allowedPerSecond: number };
  export?: { format: "ndjson" | "csv"; users: number; bytes: number; complete: boolean };
}

/** Runs a job over its journal; rejects (IdpUsersError, kind `validation`) only when it cannot start. */
export declare function runJob(job: Job, options?: RunJobOptions): Promise<JobSummary>;
/** Checks a job (the same messages as runJob) and resolves to its normal form and hash. */
export declare function planJob(job: Job): Promise<{ job: NormalizedJob; hash: string }>;
/** Checks a job and returns its normal form; throws an IdpUsersError of kind `validation`. */
export declare function normalizeJob(job: Job, operations?: Partial<Record<JobProvider, string[]>>): NormalizedJob;
/** The hash a journal's header holds for `job` (normalized). */
export declare function jobHash(job: NormalizedJob): Promise<string>;
/** A journal kept in memory. */
export declare function memoryJournal(initial?: string[]): MemoryJournal;
/** The operation names of a provider's client. */
export declare function operationNames(provider: JobProvider): string[];
/** Each operation's parameters before its options argument (a trailing `?`: optional). */
export declare const OPERATIONS: Record<JobProvider, Record<string, string[]>>;
/** The journal format's version. */
export declare const JOURNAL_VERSION: number;

/** A pacer: one token bucket of `rate` requests per second that 429s pause. */
export interface Pacer {
  readonly rate: number;
  take(signal?: AbortSignal): Promise<void>;
  pause(ms: number): void;
  wrap(fetchFn: (input: string, init: RequestInit) => Promise<Response>): (input: string, init: RequestInit) => Promise<Response>;
  readonly stats: { requests: number; throttled: number; failed: number; statuses: Record<string, number>; pausedMs: number; startedAt: number };
}
export declare function createPacer(options: { rate: number; maxPauseMs?: number }): Pacer;
/** The pause a 429's headers ask for, in ms (1000 when they name none). */
export declare function pauseOf(headers: Headers | null | undefined, now?: number): number;

/** What a journal's records say (the runner's resume point). */
export interface JournalState {
  header: Record<string, JsonValue> | undefined;
  items: Map<string, ItemRecord>;
  selected: string[];
  selectCursor: string | undefined;
  selectDone: boolean;
  lastPage: { page: number; users: number; total?: number; bytes?: number; next: string | null } | undefined;
  complete: boolean;
}
export declare function parseLines(lines: string[]): unknown[];
export declare function replay(records: unknown[]): JournalState;
/** The call one item makes. */
export declare function stepFor(job: NormalizedJob, id: string, record?: Record<string, JsonValue | undefined>): { operation: string; args: JsonValue[]; retryWrite: boolean; goneIsDone: boolean };
/** True when an error says the user does not exist. */
export declare function isGone(error: unknown): boolean;
/** One CSV cell (quoted as needed, formula characters neutralised). */
export declare function csvCell(value: unknown): string;
export declare function csvHeader(provider: JobProvider): string;
export declare function csvRow(provider: JobProvider, user: object): string;
export declare function ndjsonLine(user: object): string;

// The Kinde <-> Clerk copy of one user, and its two pure mappings.
export * from './jobs/copy.js';
