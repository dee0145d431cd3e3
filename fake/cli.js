#!/usr/bin/env node
// Runs the fake providers as an HTTP server until SIGINT/SIGTERM.
//
//   node fake/cli.js --port 8790 [--seed 25] [--host 127.0.0.1] [--token-ttl 3600]

import process from 'node:process';
import { startFakeServer } from './server.js';

const USAGE = `usage: node fake/cli.js --port N [--seed N] [--host H] [--token-ttl SECONDS]

  --port N             port to listen on (0 picks a free one)
  --seed N             number of seeded users, per provider (default 25)
  --host H             interface to listen on (default 127.0.0.1)
  --token-ttl SECONDS  lifetime of issued access tokens (default 3600)
`;

const OPTIONS = {
  '--port': { key: 'port', min: 0, max: 65535 },
  '--seed': { key: 'seed', min: 0, max: 100000 },
  '--host': { key: 'host' },
  '--token-ttl': { key: 'tokenTtlSeconds', min: 1, max: 10 ** 9 },
};

/** Parses argv; returns the options, or a string describing what is wrong. */
function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 1) {
    let [flag, value] = argv[i].split(/=(.*)/s, 2);
    const spec = OPTIONS[flag];
    if (!spec) return `unknown argument '${argv[i]}'`;
    if (value === undefined) {
      i += 1;
      value = argv[i];
    }
    if (value === undefined || value === '') return `${flag} needs a value`;
    if (spec.key in out) return `${flag} given twice`;
    if (spec.min === undefined) {
      out[spec.key] = value;
    } else {
      if (!/^\d+$/.test(value) || Number(value) < spec.min || Number(value) > spec.max) {
        return `${flag} must be a whole number from ${spec.min} to ${spec.max}, got '${value}'`;
      }
      out[spec.key] = Number(value);
    }
  }
  if (out.port === undefined) return '--port is required';
  return out;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(`fake/cli.js: ${options}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }

  let server;
  try {
    server = await startFakeServer(options);
  } catch (error) {
    process.stderr.write(`fake/cli.js: cannot listen on ${options.host ?? '127.0.0.1'}:${options.port}: ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  const { kinde, clerk } = server.providers;
  process.stdout.write(
    `fake providers listening on ${server.url} client_id=${kinde.clientId} client_secret=${kinde.clientSecret} clerk_secret_key=${clerk.secretKey}\n`,
  );

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`fake/cli.js: error while closing: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`fake/cli.js: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
