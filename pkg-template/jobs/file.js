// Files for idp-users/jobs where there are files (Node, Deno, Bun): the
// journal as an NDJSON file and an export's output file. Every append is a
// write(2) on the open file, so it is in the kernel once the call returns
// and survives a SIGKILL of the process; `fsync: true` also forces it to
// the disk (power loss), at a cost per write.

import { Buffer } from 'node:buffer';
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';

/**
 * A journal store in the NDJSON file at `path` (created when missing). A
 * torn last line (the process killed mid-write) is cut off before the
 * first append, so the next line starts on a line of its own.
 */
export function fileJournal(path, { fsync = false } = {}) {
  if (typeof path !== 'string' || !path) throw new TypeError('fileJournal(path): path must be a file path');
  let fd;
  const open = () => {
    if (fd !== undefined) return fd;
    fd = openSync(path, 'a+');
    const size = fstatSync(fd).size;
    if (size > 0) {
      const text = readFileSync(path);
      const end = text.lastIndexOf(0x0a) + 1; // bytes up to the last complete line
      if (end < size) ftruncateSync(fd, end);
    }
    return fd;
  };
  return {
    path,
    async read() {
      if (!existsSync(path)) return [];
      const text = readFileSync(path, 'utf8');
      const end = text.lastIndexOf('\n') + 1;
      return text.slice(0, end).split('\n').filter(Boolean);
    },
    async append(lines) {
      if (!lines.length) return;
      const f = open();
      writeSync(f, `${lines.join('\n')}\n`);
      if (fsync) fsyncSync(f);
    },
    async close() {
      if (fd === undefined) return;
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
        fd = undefined;
      }
    },
  };
}

/** An export's output file: written at its end, synced, and cut back to the journal's last committed size on resume. */
export function fileOutput(path) {
  if (typeof path !== 'string' || !path) throw new TypeError('fileOutput(path): path must be a file path');
  let fd;
  const open = () => (fd ??= openSync(path, existsSync(path) ? 'r+' : 'w+'));
  let position;
  return {
    path,
    async truncate(bytes) {
      const f = open();
      if (fstatSync(f).size > bytes) ftruncateSync(f, bytes);
      position = Math.min(bytes, fstatSync(f).size);
    },
    async write(text) {
      const f = open();
      position ??= fstatSync(f).size;
      const buf = Buffer.from(text, 'utf8');
      let off = 0;
      while (off < buf.length) {
        const n = writeSync(f, buf, off, buf.length - off, position);
        off += n;
        position += n;
      }
    },
    async sync() {
      if (fd !== undefined) fsyncSync(fd);
    },
    async close() {
      if (fd === undefined) return;
      closeSync(fd);
      fd = undefined;
    },
  };
}
