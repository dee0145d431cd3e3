// idp-users/jobs/file: a journal and an export output in files (Node, Deno, Bun). Written by hand.
import type { ExportOutput, JournalStore } from './jobs.js';

/** A journal in an NDJSON file; each append is written through to the kernel (`fsync: true`: to the disk). */
export interface FileJournal extends JournalStore {
  readonly path: string;
  close(): Promise<void>;
}
export declare function fileJournal(path: string, options?: { fsync?: boolean }): FileJournal;

/** An export's output file, cut back to the journal's last recorded size on resume. */
export interface FileOutput extends Required<ExportOutput> {
  readonly path: string;
  close(): Promise<void>;
}
export declare function fileOutput(path: string): FileOutput;
