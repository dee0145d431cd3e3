// Serves the fake providers over real HTTP (node:http, which Node, Bun and
// Deno all provide), with CORS so a browser page on another origin can call it.

import http from 'node:http';
import { createFakeProviders } from './index.js';
import { headersToObject } from './shared/http.js';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/**
 * Starts an HTTP server in front of a fresh createFakeProviders().
 * Resolves once it listens; `port: 0` picks a free port. The load controls
 * (rateLimit, failRate, latencyMs, randomSeed) are passed on as they are.
 */
export async function startFakeServer(options = {}) {
  const { port = 0, host = '127.0.0.1', seed, tokenTtlSeconds, rateLimit, failRate, latencyMs, randomSeed } = options;
  const providers = createFakeProviders({ seed, tokenTtlSeconds, rateLimit, failRate, latencyMs, randomSeed });
  const server = http.createServer((req, res) => {
    serve(providers, req, res, host).catch((error) => {
      if (res.destroyed) return; // the client is gone (e.g. it hung up during the latency wait)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`fake server error: ${error?.stack ?? error}`);
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;

  let closing;
  return {
    url,
    port: actualPort,
    providers,
    close() {
      closing ??= new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections?.();
      });
      return closing;
    },
  };
}

// Connection-level headers belong to this hop, not to the Request handed on.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);

async function readBody(req) {
  const chunks = [];
  let length = 0;
  for await (const chunk of req) {
    chunks.push(chunk);
    length += chunk.length;
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

function corsHeaders(req) {
  const requested = (req.headers['access-control-request-headers'] ?? '').split(',');
  const allowHeaders = new Set(['authorization', 'content-type', 'accept', 'clerk-api-version']);
  for (const name of requested) if (name.trim()) allowHeaders.add(name.trim().toLowerCase());
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': ALLOWED_METHODS,
    // A wildcard does not cover Authorization, so name it (and echo what the browser asked for).
    'access-control-allow-headers': [...allowHeaders].join(', '),
    'access-control-max-age': '600',
  };
}

async function serve(providers, req, res, host) {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, corsHeaders(req));
    res.end();
    return;
  }

  const body = await readBody(req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const origin = `http://${req.headers.host ?? host}`;
  const hasBody = body.length > 0 && req.method !== 'GET' && req.method !== 'HEAD';
  // A client that hangs up (or close()) aborts the request, which ends a latency wait at once.
  const hangUp = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) hangUp.abort();
  });
  const request = new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    body: hasBody ? body : undefined,
    signal: hangUp.signal,
  });

  const response = await providers.handle(request);
  const out = headersToObject(response.headers);
  const names = Object.keys(out);
  out['access-control-allow-origin'] = '*';
  if (names.length > 0) out['access-control-expose-headers'] = names.join(', ');
  const payload = new Uint8Array(await response.arrayBuffer());
  out['content-length'] = String(payload.length);
  res.writeHead(response.status, out);
  res.end(payload);
}
