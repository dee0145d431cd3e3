#!/usr/bin/env node
// `idp-users`: the package's command (see the README's "The idp-users
// command"). Arguments are read with node:util's parseArgs, which Node, Deno
// and Bun all provide, so the command has no dependency of its own.

import { readFileSync } from 'node:fs';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { ClerkUsersApi, IdpUsersError, KindeUsersApi } from 'idp-users';
import { OPERATIONS, csvHeader, csvRow, runJob } from 'idp-users/jobs';
import { fileJournal, fileOutput } from 'idp-users/jobs/file';

const CLASSES = { kinde: KindeUsersApi, clerk: ClerkUsersApi };
const VERBS = {
  clerk: ['ban', 'unban', 'lock', 'unlock', 'delete', 'update-metadata', 'merge-metadata'],
  kinde: ['suspend', 'unsuspend', 'delete', 'update-metadata', 'merge-metadata'],
};
const ENV = {
  kinde: ['KINDE_DOMAIN', 'KINDE_CLIENT_ID', 'KINDE_CLIENT_SECRET'],
  clerk: ['CLERK_SECRET_KEY'],
};

/** A usage or configuration error: exit 2. */
class Usage extends Error {}

const HELP = {
  top: `usage: idp-users <kinde|clerk> <command> [options]
       idp-users copy --from kinde --to clerk [options]
       idp-users run JOB.json [options]

commands (per provider):
  list                      one page of users (--all: every page)
  export                    every user as NDJSON or CSV (--format, --out)
  ban unban lock unlock     Clerk: the bulk actions, over --ids FILE or --filters JSON
  suspend unsuspend         Kinde: the bulk actions, over --ids FILE or --filters JSON
  delete                    both: delete users, over --ids FILE or --filters JSON
  update-metadata           Clerk metadata (replaced) / Kinde properties, with --metadata JSON
  merge-metadata            Clerk metadata (deep-merged) / Kinde properties, with --metadata JSON
  <operation>               any API operation by name, e.g. getUser, getUsers (idp-users clerk --help lists them)

credentials come from the environment or --env-file FILE, never from flags:
  Kinde: KINDE_DOMAIN, KINDE_CLIENT_ID, KINDE_CLIENT_SECRET
  Clerk: CLERK_SECRET_KEY (and CLERK_BASE_URL for another origin)

exit codes: 0 all done, 1 some items failed, 2 usage or configuration error, 130 interrupted
'idp-users <kinde|clerk> <command> --help' explains a command.
`,
  job: `job options (export, bulk actions, copy, run):
  --journal FILE        record progress in FILE; run the same command again to resume
  --rate N              requests per second, everything included (default 10)
  --concurrency N       items in flight at once (default 4)
  --dry-run             send no write; report what would be sent
  --env-file FILE       read credentials from FILE (KEY=VALUE lines)
  --help                this help
`,
};

function providerHelp(provider) {
  const ops = Object.entries(OPERATIONS[provider])
    .map(([name, params]) => `  ${name} ${params.map((p) => (/^(body|params)\??$/.test(p) ? `[--params JSON]` : p.endsWith('?') ? `[${p.slice(0, -1)}]` : p === 'file' ? '--file FILE' : `<${p}>`)).join(' ')}`)
    .join('\n');
  return `usage: idp-users ${provider} <command> [options]

commands: list, export, ${VERBS[provider].join(', ')}
operations (arguments in order; --params JSON is the params or body object):
${ops}

each operation also takes --env-file FILE, and paged lists --all (every item, NDJSON).
`;
}

const COMMAND_HELP = {
  list: `usage: idp-users <kinde|clerk> list [--filters JSON] [--all] [--format table|json|ndjson|csv] [--env-file FILE]
  one page of users (the list call's first page), or every page with --all.
  --format: table on a terminal; otherwise json (one page) or ndjson (--all) unless named.
`,
  export: `usage: idp-users <kinde|clerk> export [--format ndjson|csv] [--out FILE] [--filters JSON] [job options]
  every user (of the filters) exactly once: NDJSON (the API's own JSON per line) or CSV.
  To stdout, or --out FILE; --journal needs --out (the file is cut back to the last
  recorded page on resume, so no user is written twice).
`,
  bulk: `usage: idp-users <kinde|clerk> <action> (--ids FILE | --filters JSON) [--metadata JSON] [job options]
  actions: Clerk ban, unban, lock, unlock; Kinde suspend, unsuspend; both delete,
  update-metadata, merge-metadata (--metadata: Clerk {"public_metadata": {...}, ...},
  Kinde {"properties": {...}}).
  --ids FILE    one user id per line (- for stdin)
  --filters J   the list call's params; the users are listed (and recorded) first
`,
  copy: `usage: idp-users copy --from <kinde|clerk> --to <clerk|kinde> [--filters JSON] [job options]
  copies users (names, emails, phones, usernames, external ids, metadata) to the
  other provider, the source id kept as the target's external id; a rerun creates
  nothing twice. What cannot move (passwords, sessions, MFA) is reported per user.
  --dry-run sends no write and prints the mapping of a sample.
`,
  run: `usage: idp-users run JOB.json [--journal FILE] [--out FILE] [job options]
  runs a job given as JSON (see the README's "Jobs"); --rate/--concurrency/--dry-run override it.
`,
};

const JOB_OPTIONS = {
  journal: { type: 'string' },
  rate: { type: 'string' },
  concurrency: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'env-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

function parse(args, options, positionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (e) {
    throw new Usage(e.message);
  }
}

function readText(path, what) {
  try {
    return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (e) {
    throw new Usage(`cannot read ${what} ${path}: ${e.code ?? e.message}`);
  }
}

function json(text, flag) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Usage(`${flag} is not JSON (${e.message})`);
  }
}

function number(text, flag) {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || !Number.isFinite(n)) throw new Usage(`${flag} must be a number, got '${text}'`);
  return n;
}

/** KEY=VALUE lines (# comments, optional quotes); the environment wins over the file. */
function loadEnv(file) {
  const env = {};
  if (file) {
    for (const line of readText(file, 'the env file').split(/\r?\n/)) {
      const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
      if (!m || line.trimStart().startsWith('#')) continue;
      let v = m[2];
      if (/^(['"]).*\1$/.test(v)) v = v.slice(1, -1);
      env[m[1]] = v;
    }
  }
  for (const k of [...ENV.kinde, ...ENV.clerk, 'CLERK_BASE_URL']) if (process.env[k]) env[k] = process.env[k];
  return env;
}

/** The client config of `provider` from the environment; names what is missing, never a value. */
function config(provider, env) {
  const missing = ENV[provider].filter((k) => !env[k]);
  if (missing.length) throw new Usage(`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set (set ${missing.length > 1 ? 'them' : 'it'} in the environment or in --env-file FILE)`);
  if (provider === 'kinde') return { domain: env.KINDE_DOMAIN, clientId: env.KINDE_CLIENT_ID, clientSecret: env.KINDE_CLIENT_SECRET };
  return env.CLERK_BASE_URL ? { secretKey: env.CLERK_SECRET_KEY, baseUrl: env.CLERK_BASE_URL } : { secretKey: env.CLERK_SECRET_KEY };
}

function client(provider, env) {
  return new CLASSES[provider](config(provider, env));
}

/** Writes to stdout, waiting when the pipe is full, so memory stays flat. */
function out(text) {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) return resolve();
    process.stdout.once('drain', resolve);
    process.stdout.once('error', reject);
  });
}

// ---- one operation ----------------------------------------------------

async function operation(provider, name, args) {
  const params = OPERATIONS[provider][name];
  const { values, positionals } = parse(args, { params: { type: 'string' }, file: { type: 'string' }, all: { type: 'boolean' }, 'env-file': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    process.stdout.write(`usage: idp-users ${provider} ${name} ${params.join(' ')} [--params JSON] [--env-file FILE]\n`);
    return 0;
  }
  const call = [];
  let pos = 0;
  for (const p of params) {
    const bare = p.replace(/\?$/, '');
    if (bare === 'body' || bare === 'params') call.push(values.params === undefined ? undefined : json(values.params, '--params'));
    else if (bare === 'file') call.push(values.file === undefined ? undefined : new Uint8Array(readFileSync(values.file)));
    else call.push(positionals[pos++]);
  }
  if (positionals.length > pos) throw new Usage(`${name} takes ${pos} argument${pos === 1 ? '' : 's'} (${params.filter((p) => !/^(body|params|file)\??$/.test(p)).join(', ') || 'none'}), got ${positionals.length}`);
  if (values.params !== undefined && !params.some((p) => /^(body|params)\??$/.test(p))) throw new Usage(`${name} takes no --params`);
  const api = client(provider, loadEnv(values['env-file']));
  const pending = api[name](...call);
  if (values.all && typeof pending[Symbol.asyncIterator] === 'function') {
    for await (const item of pending) await out(`${JSON.stringify(item)}\n`);
  } else {
    await out(`${JSON.stringify(await pending, null, 2)}\n`);
  }
  return 0;
}

// ---- list -------------------------------------------------------------

async function list(provider, args) {
  const { values } = parse(args, { filters: { type: 'string' }, all: { type: 'boolean' }, format: { type: 'string' }, 'env-file': { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) return help(COMMAND_HELP.list);
  const format = values.format ?? (process.stdout.isTTY ? 'table' : values.all ? 'ndjson' : 'json');
  if (!['table', 'json', 'ndjson', 'csv'].includes(format)) throw new Usage(`--format must be table, json, ndjson or csv, got '${format}'`);
  const filters = values.filters === undefined ? undefined : json(values.filters, '--filters');
  const api = client(provider, loadEnv(values['env-file']));
  const op = provider === 'kinde' ? 'getUsers' : 'getUserList';
  let users;
  if (values.all) {
    if (format === 'ndjson' || format === 'csv') {
      if (format === 'csv') await out(csvHeader(provider));
      for await (const u of api[op](filters)) await out(format === 'csv' ? csvRow(provider, u) : `${JSON.stringify(u)}\n`);
      return 0;
    }
    users = [];
    for await (const u of api[op](filters)) users.push(u);
  } else {
    const page = await api[op](filters);
    if (format === 'json') {
      await out(`${JSON.stringify(page, null, 2)}\n`);
      return 0;
    }
    users = provider === 'kinde' ? page.users ?? [] : page;
  }
  if (format === 'json') await out(`${JSON.stringify(users, null, 2)}\n`);
  else if (format === 'ndjson') for (const u of users) await out(`${JSON.stringify(u)}\n`);
  else if (format === 'csv') await out(csvHeader(provider) + users.map((u) => csvRow(provider, u)).join(''));
  else await out(table(provider, users));
  return 0;
}

function table(provider, users) {
  const cols = provider === 'kinde' ? ['id', 'email', 'first_name', 'last_name', 'is_suspended'] : ['id', 'email', 'first_name', 'last_name', 'banned', 'locked'];
  const email = (u) => (provider === 'kinde' ? u.email : u.email_addresses?.find((e) => e.id === u.primary_email_address_id)?.email_address);
  const rows = users.map((u) => cols.map((c) => String((c === 'email' ? email(u) : u[c]) ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ')));
  const widths = cols.map((c, i) => Math.min(40, Math.max(c.length, ...rows.map((r) => r[i].length))));
  const line = (r) => `${r.map((v, i) => v.slice(0, widths[i]).padEnd(widths[i])).join('  ')}\n`;
  return line(cols) + line(widths.map((w) => '-'.repeat(w))) + rows.map(line).join('') + `(${users.length} user${users.length === 1 ? '' : 's'})\n`;
}

// ---- jobs -------------------------------------------------------------

function pacing(values, base = {}) {
  const p = { ...base };
  const rate = number(values.rate, '--rate');
  const concurrency = number(values.concurrency, '--concurrency');
  if (rate !== undefined) p.rate = rate;
  if (concurrency !== undefined) p.concurrency = concurrency;
  return p;
}

function selection(values) {
  if ((values.ids === undefined) === (values.filters === undefined)) throw new Usage('give the users with --ids FILE (one id per line) or --filters JSON, one of them');
  if (values.filters !== undefined) return { filters: json(values.filters, '--filters') };
  const ids = readText(values.ids, 'the ids file')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return { ids };
}

async function exportCommand(provider, args) {
  const { values } = parse(args, { ...JOB_OPTIONS, format: { type: 'string' }, out: { type: 'string' }, filters: { type: 'string' } });
  if (values.help) return help(COMMAND_HELP.export + HELP.job);
  if (values.journal && !values.out) throw new Usage('export --journal needs --out FILE: stdout cannot be cut back to the last recorded page on resume');
  const job = { provider, select: { filters: values.filters === undefined ? {} : json(values.filters, '--filters') }, action: { type: 'export', format: values.format ?? 'ndjson' }, pacing: pacing(values), dryRun: false };
  if (values['dry-run']) throw new Usage('export sends no write: --dry-run does not apply');
  return runCommand(job, values, values.out ? fileOutput(values.out) : { write: out }, !values.out);
}

async function bulkCommand(provider, verb, args) {
  const { values } = parse(args, { ...JOB_OPTIONS, ids: { type: 'string' }, filters: { type: 'string' }, metadata: { type: 'string' } });
  if (values.help) return help(COMMAND_HELP.bulk + HELP.job);
  const action = { type: verb };
  if (values.metadata !== undefined) {
    if (!verb.endsWith('-metadata')) throw new Usage(`--metadata is for update-metadata and merge-metadata, not ${verb}`);
    action.metadata = json(values.metadata, '--metadata');
  } else if (verb.endsWith('-metadata')) throw new Usage(`${verb} needs --metadata JSON`);
  const pace = pacing(values);
  const job = { provider, select: selection(values), action, pacing: pace, dryRun: values['dry-run'] === true };
  return runCommand(job, values);
}

async function copyCommand(args) {
  const { values } = parse(args, { ...JOB_OPTIONS, from: { type: 'string' }, to: { type: 'string' }, filters: { type: 'string' } });
  if (values.help) return help(COMMAND_HELP.copy + HELP.job);
  if (!['kinde', 'clerk'].includes(values.from)) throw new Usage("copy needs --from kinde or --from clerk");
  const job = { provider: values.from, select: { filters: values.filters === undefined ? {} : json(values.filters, '--filters') }, action: { type: 'copy', to: values.to }, pacing: pacing(values), dryRun: values['dry-run'] === true };
  return runCommand(job, values);
}

async function runFile(args) {
  const { values, positionals } = parse(args, { ...JOB_OPTIONS, out: { type: 'string' } }, true);
  if (values.help || positionals.length !== 1) {
    if (values.help) return help(COMMAND_HELP.run + HELP.job);
    throw new Usage('run takes one JOB.json');
  }
  const job = json(readText(positionals[0], 'the job file'), positionals[0]);
  if (job && typeof job === 'object') {
    job.pacing = pacing(values, job.pacing);
    if (values['dry-run']) job.dryRun = true;
  }
  const exporting = job?.action?.type === 'export';
  if (exporting && values.journal && !values.out) throw new Usage('an export with --journal needs --out FILE');
  return runCommand(job, values, exporting ? (values.out ? fileOutput(values.out) : { write: out }) : undefined, exporting && !values.out);
}

function help(text) {
  process.stdout.write(text);
  return 0;
}

/** Runs a job with the command's journal, progress and signals; returns the exit code. */
async function runCommand(job, values, output, summaryToStderr = false) {
  const env = loadEnv(values['env-file']);
  const options = { output };
  const providers = new Set([job?.provider, job?.action?.to].filter((p) => p === 'kinde' || p === 'clerk'));
  for (const p of providers) options[p] = config(p, env);
  const journal = values.journal ? fileJournal(values.journal) : undefined;
  if (journal) options.journal = journal;
  const controller = new AbortController();
  options.signal = controller.signal;
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts === 1) {
      controller.abort();
      bar.clear();
      process.stderr.write('idp-users: stopping after the requests in flight (Ctrl-C again to quit now; the journal stays consistent)\n');
    } else {
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const bar = progressBar();
  options.onProgress = bar.update;
  const sample = [];
  options.onItem = (r) => {
    if (r.reason === 'dry-run' && sample.length < 5) sample.push(r);
  };
  let summary;
  try {
    summary = await runJob(job, options);
  } finally {
    bar.clear();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await journal?.close();
    await output?.close?.();
  }
  const printed = { ...summary, failures: summary.failures.slice(0, 100), ...(sample.length ? { sample } : {}) };
  const text = `${JSON.stringify(printed, null, 2)}\n`;
  if (summaryToStderr) process.stderr.write(text);
  else await out(text);
  if (summary.interrupted && controller.signal.aborted) return 130;
  if (summary.failed > 0) return 1;
  return summary.interrupted ? 130 : 0;
}

/** A progress line on a terminal's stderr (rate and ETA); nothing when stderr is not a terminal. */
function progressBar() {
  const tty = process.stderr.isTTY === true;
  const color = tty && !process.env.NO_COLOR;
  const startedAt = Date.now();
  let shown = false;
  let lastDraw = 0;
  return {
    update(p) {
      if (!tty) return;
      const now = Date.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      const n = p.done + p.failed + p.skipped;
      const secs = (now - startedAt) / 1000;
      const rate = secs > 0 ? n / secs : 0;
      const width = 24;
      let bar = '';
      let eta = '';
      if (p.total) {
        const fill = Math.round((n / p.total) * width);
        bar = `[${color ? '\u001b[32m' : ''}${'#'.repeat(fill)}${color ? '\u001b[0m' : ''}${'-'.repeat(width - fill)}] `;
        eta = rate > 0 ? ` ETA ${Math.ceil((p.total - n) / rate)}s` : '';
      }
      const text = `${bar}${p.phase} ${n}${p.total ? `/${p.total}` : ''}${p.failed ? ` (${p.failed} failed)` : ''} ${rate.toFixed(1)}/s${eta} ${p.requests} req${p.throttled ? `, ${p.throttled} × 429` : ''}`;
      process.stderr.write(`\r\u001b[2K${text}`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}

// ---- dispatch ---------------------------------------------------------

async function main(argv) {
  const [first, second, ...rest] = argv;
  if (first === undefined) {
    process.stderr.write(HELP.top);
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') return help(HELP.top + '\n' + HELP.job);
  if (first === 'copy') return copyCommand(argv.slice(1));
  if (first === 'run') return runFile(argv.slice(1));
  if (first !== 'kinde' && first !== 'clerk') throw new Usage(`unknown provider or command '${first}': use kinde, clerk, copy or run (idp-users --help)`);
  const provider = first;
  if (second === undefined || second === '--help' || second === '-h') {
    if (second === undefined) {
      process.stderr.write(providerHelp(provider));
      return 2;
    }
    return help(providerHelp(provider));
  }
  if (second === 'list') return list(provider, rest);
  if (second === 'export') return exportCommand(provider, rest);
  if (second === 'copy') return copyCommand(['--from', provider, ...rest]);
  if (VERBS[provider].includes(second)) return bulkCommand(provider, second, rest);
  if (Object.hasOwn(OPERATIONS[provider], second)) return operation(provider, second, rest);
  const other = provider === 'kinde' ? 'clerk' : 'kinde';
  const hint = VERBS[other].includes(second) ? ` (${second} is ${other === 'clerk' ? "Clerk's" : "Kinde's"}; ${provider} has ${VERBS[provider].join(', ')})` : '';
  throw new Usage(`'${second}' is not a command or operation of ${provider}${hint}: idp-users ${provider} --help lists them`);
}

// A reader that stops early (`| head`) closes the pipe: end quietly, as other commands do.
process.stdout.on('error', (e) => {
  if (e?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof Usage) {
      process.stderr.write(`idp-users: ${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof IdpUsersError) {
      // Checked before anything was sent (bad params, bad config, a journal of another job): a usage error.
      process.stderr.write(`idp-users: ${error.message}\n`);
      if (error.kind !== 'validation') process.stderr.write(`${JSON.stringify(error.toJSON())}\n`);
      process.exitCode = error.kind === 'validation' && !error.attempts ? 2 : 1;
    } else {
      process.stderr.write(`idp-users: ${error?.message ?? error}\n`);
      process.exitCode = 1;
    }
  },
);
