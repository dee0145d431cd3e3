// Serves a Vite build on 127.0.0.1:<random>, opens it in headless Chromium via
// playwright-core, waits for window.__suiteResult and prints `IDP_SUITE_RESULT <json>`
// (plus console errors / page errors / failed requests it saw).
// Usage: node run-chromium.mjs <distDir> <timeoutMs> [serverUrl]
// Chromium is started by Playwright in a process group of its own; its PID is
// announced (`IDP_SPAWNED_PID`) so the harness can stop it even if this process dies.
// Playwright picks a fresh temporary --user-data-dir (under $TMPDIR) and removes it.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [distDir, timeoutArg, serverUrl = ''] = process.argv.slice(2);
const timeoutMs = Number(timeoutArg) || 60000;
const root = path.resolve(distDir);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let rel = decodeURIComponent(url.pathname);
  if (rel === '/favicon.ico') {
    res.writeHead(204).end(); // keep the browser's automatic favicon request out of the error log
    return;
  }
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, '.' + rel);
  if (!file.startsWith(root + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(data);
  });
});

let browserServer;
let browser;
let exitCode = 0;
const consoleErrors = [];
let httpErrorResponses = 0; // "Failed to load resource: the server responded with a status of 4xx/5xx"
const pageErrors = [];
const failedRequests = [];

const deadline = (ms, what) =>
  new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms).unref());

try {
  await new Promise((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;

  browserServer = await chromium.launchServer({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-crash-reporter', // no crashpad handler processes (they setsid away from our groups)
      '--disable-breakpad',
    ],
    timeout: Math.min(30000, timeoutMs),
  });
  const proc = browserServer.process();
  if (proc?.pid) console.log(`IDP_SPAWNED_PID ${proc.pid}`);
  browser = await chromium.connect(browserServer.wsEndpoint(), { timeout: 15000 });
  const page = await browser.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (/^Failed to load resource: the server responded with a status of \d+/.test(msg.text())) httpErrorResponses++;
    else consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack || err)));
  page.on('requestfailed', (r) => failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));

  const pageUrl = new URL('/', origin);
  if (serverUrl) pageUrl.searchParams.set('serverUrl', serverUrl);
  await page.goto(pageUrl.href, { waitUntil: 'load', timeout: 30000 });

  // Wait for the page to publish its result; a page error with no result after a
  // grace period (e.g. the module graph failed to evaluate) ends the wait early.
  const pageErrorBail = new Promise((_, reject) => {
    const iv = setInterval(() => {
      if (pageErrors.length) {
        clearInterval(iv);
        setTimeout(() => reject(new Error(`page error before a result was published: ${pageErrors[0]}`)), 2000).unref();
      }
    }, 100);
    iv.unref();
  });
  await Promise.race([
    page.waitForFunction(() => window.__suiteResult !== undefined, null, { timeout: timeoutMs, polling: 100 }),
    pageErrorBail,
    deadline(timeoutMs + 1000, 'waiting for window.__suiteResult'),
  ]);
  const result = await page.evaluate(() => window.__suiteResult);
  console.log(
    'IDP_SUITE_RESULT ' +
      JSON.stringify({ ...result, runtimeVersion: `chromium ${browser.version()}`, consoleErrors, httpErrorResponses, pageErrors, failedRequests }),
  );
} catch (e) {
  console.error(e?.stack || String(e));
  if (consoleErrors.length) console.error('console errors:\n  ' + consoleErrors.join('\n  '));
  if (pageErrors.length) console.error('page errors:\n  ' + pageErrors.join('\n  '));
  if (failedRequests.length) console.error('failed requests:\n  ' + failedRequests.join('\n  '));
  exitCode = 1;
} finally {
  await Promise.race([
    (async () => {
      await browser?.close().catch(() => {});
      await browserServer?.close().catch(() => {});
    })(),
    new Promise((r) => setTimeout(r, 10000).unref()),
  ]);
  try {
    await browserServer?.kill();
  } catch {}
  server.close();
  server.closeAllConnections?.();
}
process.exit(exitCode);
