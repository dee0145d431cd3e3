// Child-process helpers for the cross-runtime harness.
//
// Every child is spawned detached, i.e. as the leader of its own process group, so a
// timeout or a harness exit can stop it *and* whatever it started (esbuild service,
// workerd under Miniflare, ...) by signalling that group, addressed by the child's own
// PID. Children may also announce processes they started in a group of their own
// (Playwright starts Chromium detached) with a line `IDP_SPAWNED_PID <pid>`; those
// groups are stopped too if they outlive the stage. Nothing is ever killed by name.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const MAX_CAPTURE = 4 * 1024 * 1024; // per stream
const live = new Map(); // pid -> { label }
const announced = new Set(); // pids announced via IDP_SPAWNED_PID

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid, sig, fallbackToPid = true) {
  try {
    process.kill(-pid, sig);
    return true;
  } catch {
    if (!fallbackToPid) return false;
    try {
      process.kill(pid, sig);
      return true;
    } catch {
      return false;
    }
  }
}

/** Synchronously SIGKILL every process group we started that is still around. */
export function killAllSync() {
  for (const pid of live.keys()) signalGroup(pid, 'SIGKILL');
  for (const pid of announced) signalGroup(pid, 'SIGKILL', alive(pid));
  live.clear();
  announced.clear();
}

/** Stop announced (grand)child groups that are still alive after their stage ended. */
function reapAnnounced(pids) {
  for (const pid of pids) {
    // The group may outlive its leader (Chromium helpers): signal the group even if
    // the announced leader is gone (a live group's id is never reused as a PID).
    signalGroup(pid, 'SIGKILL', alive(pid));
    announced.delete(pid);
  }
}

function tail(text, lines = 40) {
  const all = text.replace(/\s+$/, '').split('\n');
  return (all.length > lines ? [`… (${all.length - lines} earlier lines, see log)`] : []).concat(all.slice(-lines)).join('\n');
}
export { tail };

/**
 * Start a child. Returns a handle:
 *   { pid, label, done: Promise<{code, signal, timedOut, stdout, stderr, durationMs}>,
 *     stop(), waitForLine(regex, ms) }
 * Options: cwd, env, timeoutMs, logFile, keepStdin (pipe stdin and keep it open).
 */
export function start(cmd, args, { cwd, env, timeoutMs, logFile, keepStdin = false, label = path.basename(cmd) } = {}) {
  const t0 = Date.now();
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: [keepStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  const myAnnounced = new Set();
  const lineWaiters = [];
  let lineBuf = '';
  let spawnError = null;

  if (child.pid) live.set(child.pid, { label });

  const onStdout = (chunk) => {
    const s = chunk.toString();
    if (stdout.length < MAX_CAPTURE) stdout += s;
    lineBuf += s;
    let i;
    while ((i = lineBuf.indexOf('\n')) >= 0) {
      const line = lineBuf.slice(0, i);
      lineBuf = lineBuf.slice(i + 1);
      handleLine(line);
    }
  };
  const handleLine = (line) => {
    const m = line.match(/^IDP_SPAWNED_PID (\d+)/);
    if (m) {
      myAnnounced.add(Number(m[1]));
      announced.add(Number(m[1]));
    }
    for (const w of [...lineWaiters]) {
      const mm = line.match(w.re);
      if (mm) {
        lineWaiters.splice(lineWaiters.indexOf(w), 1);
        w.resolve(mm);
      }
    }
  };
  child.stdout.on('data', onStdout);
  child.stderr.on('data', (c) => {
    if (stderr.length < MAX_CAPTURE) stderr += c.toString();
  });
  if (keepStdin) child.stdin.on('error', () => {});

  let timer = null;
  let killTimer = null;
  const stop = (reason) => {
    if (!child.pid || !live.has(child.pid)) return;
    if (reason === 'timeout') timedOut = true;
    signalGroup(child.pid, 'SIGTERM');
    if (keepStdin) child.stdin.end();
    killTimer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5000);
  };
  if (timeoutMs) timer = setTimeout(() => stop('timeout'), timeoutMs);

  const done = new Promise((resolve) => {
    const finish = (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      if (lineBuf) handleLine(lineBuf);
      // The leader is gone; make sure nothing else of its group (or announced
      // groups) survives it.
      if (child.pid) {
        signalGroup(child.pid, 'SIGKILL', false);
        live.delete(child.pid);
      }
      reapAnnounced(myAnnounced);
      for (const w of lineWaiters.splice(0)) w.reject(new Error(`${label} exited (code ${code}, signal ${signal}) before printing ${w.re}`));
      const res = { code, signal, timedOut, stdout, stderr: spawnError ? `${stderr}\n${spawnError}` : stderr, durationMs: Date.now() - t0 };
      if (logFile) {
        fs.mkdirSync(path.dirname(logFile), { recursive: true });
        fs.writeFileSync(
          logFile,
          `$ (cd ${cwd ?? process.cwd()} && ${cmd} ${args.join(' ')})\n# exit code ${code} signal ${signal}${timedOut ? ' TIMED OUT' : ''} after ${res.durationMs} ms\n--- stdout\n${stdout}\n--- stderr\n${res.stderr}\n`,
        );
      }
      resolve(res);
    };
    child.on('error', (e) => {
      spawnError = String(e);
      if (!child.pid) finish(null, null);
    });
    child.on('close', finish);
  });

  return {
    pid: child.pid,
    label,
    done,
    stop: () => stop('stop'),
    waitForLine(re, ms) {
      return new Promise((resolve, reject) => {
        const w = { re, resolve, reject };
        lineWaiters.push(w);
        const t = setTimeout(() => {
          const i = lineWaiters.indexOf(w);
          if (i >= 0) lineWaiters.splice(i, 1);
          reject(new Error(`${label}: no line matching ${re} within ${ms} ms`));
        }, ms);
        const clear = () => clearTimeout(t);
        w.resolve = (v) => (clear(), resolve(v));
        w.reject = (e) => (clear(), reject(e));
      });
    },
  };
}

/** Run a child to completion (with its timeout). */
export function run(cmd, args, opts) {
  return start(cmd, args, opts).done;
}

/** Install exit/signal hooks so no child outlives the harness. */
export function installCleanupHooks(extra = () => {}) {
  process.on('exit', () => {
    try {
      extra();
    } catch {}
    killAllSync();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      console.error(`\n[runtimes] ${sig}: stopping children`);
      process.exit(130);
    });
  }
  process.on('uncaughtException', (e) => {
    console.error('[runtimes] uncaught exception:', e);
    process.exit(2);
  });
  process.on('unhandledRejection', (e) => {
    console.error('[runtimes] unhandled rejection:', e);
    process.exit(2);
  });
}
