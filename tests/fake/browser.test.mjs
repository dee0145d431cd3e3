// Runs fixtures/smoke.mjs in headless Chromium: the in-process fake as a browser
// ES module, and the fake HTTP server called from a page on another origin.
// Skipped when /usr/bin/chromium or playwright-core is missing.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { once } from 'node:events';
import { join, normalize, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startFakeServer } from '../../fake/server.js';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../../', import.meta.url));
let playwright;
try {
  playwright = await import('playwright-core');
} catch {
  playwright = undefined;
}
const skip = (!existsSync(CHROMIUM) && 'no /usr/bin/chromium') || (!playwright && 'playwright-core not installed');

// Serves fake/ and tests/fake/fixtures/ from the repo, nothing else.
async function staticServer() {
  const server = http.createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).slice(1);
    const allowed = path.startsWith(`fake${sep}`) || path.startsWith(join('tests', 'fake', 'fixtures') + sep);
    try {
      if (!allowed) throw new Error('not served');
      const data = await readFile(join(root, path));
      const type = path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
      res.writeHead(200, { 'content-type': type }).end(data);
    } catch {
      res.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

test('chromium: the fake runs as a browser module and the server answers cross-origin calls', { skip, timeout: 60_000 }, async () => {
  const fake = await startFakeServer();
  const pages = await staticServer();
  const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const pageUrl = `http://127.0.0.1:${pages.address().port}/tests/fake/fixtures/browser.html?serverUrl=${encodeURIComponent(fake.url)}`;
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => window.__result), 'FAKE_SMOKE_OK', errors.join('\n'));
    assert.deepEqual(errors, []);
    assert.ok(fake.providers.requests.some((r) => r.headers.origin === `http://127.0.0.1:${pages.address().port}`));
    assert.ok(fake.providers.kinde.tokenRequests >= 1);
  } finally {
    await browser.close();
    pages.close();
    await fake.close();
  }
});
