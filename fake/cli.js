#!/usr/bin/env node
// Runs the fake providers as an HTTP server until SIGINT/SIGTERM.
//
//   node fake/cli.js --port 8790 [--seed 25] [--host 127.0.0.1] [--token-ttl 3600]
//                    [--rate-limit R] [--fail-rate F] [--latency-ms M] [--random-seed N]

import process from 'node:process';
import { startFakeServer } from './server.js';

const USAGE = `usage: node fake/cli.js --port N [--seed N] [--host H] [--token-ttl SECONDS]
                        [--rate-limit R] [--fail-rate F] [--latency-ms M] [--random-seed N]

  --port N             port to listen on (0 picks a free one)
  --seed N             number of seeded users, per provider (default 25, at most 100000)
  --host H             interface to listen on (default 127.0.0.1)
  --token-ttl SECONDS  lifetime of issued access tokens (default 3600)
  --rate-limit R       requests per second per provider, Kinde and Clerk apart;
                       more get 429 (decimals allowed; default 0 = no limit)
  --fail-rate F        fraction of requests answered 500, from 0 to 1 (default 0)
  --latency-ms M       delay before every answer, in milliseconds (default 0)
  --random-seed N      seed of the generator that picks failing requests
`;

const OPTIONS = {
  '--port': { key: 'port', min: 0, max: 65535 },
  '--seed': { key: 'seed', min: 0, max: 100000 },
  '--host': { key: 'host' },
  '--token-ttl': { key: 'tokenTtlSeconds', min: 1, max: 10 ** 9 },
  '--rate-limit': { key: 'rateLimit', min: 0, max: 10 ** 9, decimal: true },
  '--fail-rate': { key: 'failRate', min: 0, max: 1, decimal: true },
  '--latency-ms': { key: 'latencyMs', min: 0, max: 2 ** 31 - 1 },
  '--random-seed': { key: 'randomSeed', min: 0, max: 2 ** 32 - 1 },
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
      const pattern = spec.decimal ? /^(\d+(\.\d*)?|\.\d+)$/ : /^\d+$/;
      if (!pattern.test(value) || Number(value) < spec.min || Number(value) > spec.max) {
        const kind = spec.decimal ? 'a number' : 'a whole number';
        return `${flag} must be ${kind} from ${spec.min} to ${spec.max}, got '${value}'`;
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
  // Controls given on the command line are repeated at the end of the line.
  const controls = Object.entries({ rate_limit: options.rateLimit, fail_rate: options.failRate, latency_ms: options.latencyMs })
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}=${value}`)
    .join('');
  process.stdout.write(
    `fake providers listening on ${server.url} client_id=${kinde.clientId} client_secret=${kinde.clientSecret} clerk_secret_key=${clerk.secretKey}${controls}\n`,
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
