#!/usr/bin/env node
// End to end: the admin console as a person uses it, on the stack that
// `npm start` runs (fake providers + `wrangler dev` Worker + the built
// console), driven by playwright-core in Debian's headless Chromium.
//
//   node tests/www/e2e.mjs [--keep-open]
//
// Starts `node scripts/start.mjs --port 0` as a child (its own process
// group), reads the console URL it prints, walks through the console, checks
// what the page shows against the fake provider's own data (read over HTTP),
// and stops the stack and Chromium by PID at the end, failure included.
// Screenshots of the main views: tests/www/.work/screenshots/. The last
// line is `N passed, N failed`.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, 'tests', 'www', '.work');
const shots = join(work, 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const START_TIMEOUT_MS = 240_000; // the first run may build the package (about a minute)
const STEP_TIMEOUT_MS = 15_000;

rmSync(work, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

const t0 = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

// ---------------------------------------------------------------- the stack

let stack = null;
let stackOutput = '';
let browserServer = null;
let browser = null;

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function startStack() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    stack = child;
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const onData = (chunk) => {
      stackOutput += chunk;
      const url = /idp-users console: (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(stackOutput)?.[1];
      const fake = /fake providers at (http:\/\/127\.0\.0\.1:\d+)/.exec(stackOutput)?.[1];
      if (url && fake) {
        clearTimeout(timer);
        resolve({ url, fake });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${signal ?? `code ${code}`}) before printing its URL`));
    });
  });
}

/** Stops the stack (start.mjs stops its children on SIGTERM) and Chromium, by PID. */
async function stopAll() {
  await Promise.race([
    (async () => {
      await browser?.close().catch(() => {});
      await browserServer?.close().catch(() => {});
    })(),
    new Promise((r) => setTimeout(r, 5000)),
  ]);
  const chromePid = browserServer?.process()?.pid;
  if (chromePid) killGroup(chromePid, 'SIGKILL');
  if (stack?.pid && stack.exitCode === null) {
    const exited = new Promise((r) => stack.once('exit', r));
    killGroup(stack.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
    killGroup(stack.pid, 'SIGKILL');
  }
}

process.on('SIGINT', () => stopAll().then(() => process.exit(130)));
process.on('SIGTERM', () => stopAll().then(() => process.exit(143)));

// ---------------------------------------------------------------- helpers

function check(cond, message) {
  if (!cond) throw new Error(message);
}

/** The fake's own view of a Clerk user (the page's claims are checked against it). */
async function fakeClerkUser(fake, id) {
  const res = await fetch(`${fake}/v1/users/${encodeURIComponent(id)}`, { headers: { authorization: 'Bearer sk_test_fake' } });
  return { status: res.status, user: res.ok ? await res.json() : null };
}

/** A small valid PNG (RGB gradient), made here: no fixture file. */
function makePng(w = 8, h = 8) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc(h * (1 + w * 3));
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) raw.set([x * 32, y * 32, 160], y * (1 + w * 3) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

// ---------------------------------------------------------------- the walk

const results = [];

async function main() {
  log('starting the stack: node scripts/start.mjs --port 0');
  const { url, fake } = await startStack();
  log(`console at ${url.replace(/#token=.*/, '#token=…')}, fake providers at ${fake}`);

  browserServer = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-crash-reporter', '--disable-breakpad'],
    timeout: 30000,
  });
  browser = await chromium.connect(browserServer.wsEndpoint(), { timeout: 15000 });
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e?.stack ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(`console.error: ${m.text()}`);
  });

  const origin = new URL(url).origin;
  const shot = async (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const rows = () => page.locator('table.users tbody tr');
  const userRow = (id) => page.locator(`table.users tbody tr[data-user-id="${id}"]`);
  const notice = () => page.locator('.notice[role=status]');
  const dialog = () => page.locator('dialog[open]');
  const confirmDialog = async (label) => {
    await dialog().getByRole('button', { name: label, exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
  };

  async function step(name, fn) {
    const started = Date.now();
    try {
      await fn();
      results.push({ name, ok: true, ms: Date.now() - started });
      log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      results.push({ name, ok: false, ms: Date.now() - started, error });
      log(`FAIL ${name}: ${error.message.split('\n')[0]}`);
      await shot(`failure-${results.length}`).catch(() => {});
      throw error;
    }
  }

  await step('open the console (token from the fragment, then out of the address bar)', async () => {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Kinde users' }).waitFor();
    await rows().first().waitFor();
    check((await rows().count()) === 10, `expected 10 Kinde rows, got ${await rows().count()}`);
    check(!page.url().includes('token='), `the token is still in the address bar: ${page.url()}`);
    const stored = await page.evaluate(() => Object.keys(sessionStorage));
    check(stored.length === 1, 'the token was not kept in sessionStorage');
    await shot('kinde-users');
  });

  await step('page through Kinde users (cursor paging)', async () => {
    await page.getByRole('button', { name: 'Next →' }).click();
    await userRow('kp_fake_0011').waitFor();
    await page.getByText('Page 2', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Next →' }).click();
    await userRow('kp_fake_0025').waitFor();
    check((await rows().count()) === 5, `page 3 should list 5 users, got ${await rows().count()}`);
    check(await page.getByRole('button', { name: 'Next →' }).isDisabled(), 'Next should be disabled on the last page');
    await page.getByRole('button', { name: '← Previous' }).click();
    await userRow('kp_fake_0020').waitFor();
  });

  await step('filter Kinde users by organization, then search by email', async () => {
    await page.getByLabel('Organization code').fill('org_fake');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await userRow('kp_fake_0001').waitFor();
    check((await rows().count()) === 10, `org_fake has 10 members, the page shows ${await rows().count()}`);
    check(!(await userRow('kp_fake_0011').count()), 'a non-member is listed');
    await page.getByLabel('Organization code').fill('');
    await page.getByLabel('Email (exact)').fill('chloe.chen@example.com');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.users tbody tr').length === 1);
    await userRow('kp_fake_0003').waitFor();
  });

  await step('open a Kinde user: profile, identities, sessions, MFA, properties', async () => {
    await userRow('kp_fake_0003').getByRole('link', { name: 'Chloe Chen' }).click();
    await page.getByRole('heading', { name: 'Chloe Chen' }).waitFor();
    await page.getByRole('cell', { name: '+61400000003' }).first().waitFor(); // phone identity
    await page.getByRole('cell', { name: 'app_fake_mobile' }).waitFor(); // a session
    await page.getByRole('cell', { name: 'value_0003' }).waitFor(); // fake_property
    await page.getByText('No MFA factor.').waitFor();
    await shot('kinde-user');
  });

  await step('keyboard: a dialog opens from the keyboard, Escape closes it and focus returns', async () => {
    const button = page.getByRole('button', { name: 'Refresh claims' });
    await button.focus();
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    check(await button.evaluate((b) => b === document.activeElement), 'focus did not return to the button that opened the dialog');
    await button.click();
    await confirmDialog('Refresh claims');
    await notice().filter({ hasText: 'Refreshed the claims of Chloe Chen' }).waitFor();
  });

  await step('Kinde actions: edit, suspend and unsuspend, property, feature flag, password, revoke sessions', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await dialog().getByLabel('First name').fill('Chloé');
    await confirmDialog('Save');
    await page.getByRole('heading', { name: 'Chloé Chen' }).waitFor();
    await page.getByRole('button', { name: 'Suspend', exact: true }).click();
    await confirmDialog('Suspend');
    await page.locator('.user-head .badge-suspended').waitFor();
    await page.getByRole('button', { name: 'Unsuspend', exact: true }).click();
    await confirmDialog('Unsuspend');
    await page.locator('.user-head .badge-suspended').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Edit Fake property' }).click();
    await dialog().getByLabel('Value').fill('vip');
    await confirmDialog('Save value');
    await page.getByRole('cell', { name: 'vip', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Feature flag override' }).click();
    await dialog().getByLabel('Value').selectOption('false');
    await confirmDialog('Set override');
    await notice().filter({ hasText: 'Feature flag fake_flag is false for Chloé Chen' }).waitFor();
    await page.getByRole('button', { name: 'Set password' }).click();
    await dialog().getByLabel(/New password/).fill('short');
    await dialog().getByRole('button', { name: 'Set password', exact: true }).click();
    await dialog().getByText('needs 8 characters').waitFor();
    await dialog().getByLabel(/New password/).fill('a long enough passphrase');
    await confirmDialog('Set password');
    await notice().filter({ hasText: 'Set a new password for Chloé Chen' }).waitFor();
    await page.getByRole('button', { name: 'Revoke sessions' }).click();
    await confirmDialog('Revoke sessions');
    await page.getByText('No active session.').waitFor();
  });

  await step('create and delete a Kinde user', async () => {
    await page.getByRole('link', { name: '← Kinde users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    await dialog().getByLabel('First name').fill('Kim');
    await dialog().getByLabel('Last name').fill('Kinde');
    await dialog().getByLabel('Email').fill('kim.kinde@example.com');
    await dialog().getByLabel(/Organization code/).fill('org_fake');
    await confirmDialog('Create user');
    await page.getByRole('heading', { name: 'Kim Kinde' }).waitFor();
    await page.getByText('org_fake').first().waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirmDialog('Delete user');
    await notice().filter({ hasText: 'Deleted Kinde user Kim Kinde' }).waitFor();
  });

  await step('switch provider to Clerk (a total is shown)', async () => {
    await page.getByRole('button', { name: 'Clerk', exact: true }).click();
    await page.getByRole('heading', { name: 'Clerk users' }).waitFor();
    await page.getByText('users 1–10 of 25').waitFor();
    check((await page.getByRole('button', { name: 'Clerk', exact: true }).getAttribute('aria-pressed')) === 'true', 'Clerk is not shown as selected');
  });

  await step('page through Clerk users (offset paging with the total)', async () => {
    await page.getByRole('button', { name: 'Next →' }).click();
    await page.getByText('users 11–20 of 25').waitFor();
    await page.getByRole('button', { name: '← Previous' }).click();
    await page.getByText('users 1–10 of 25').waitFor();
    await shot('clerk-users');
  });

  await step('search Clerk users and filter the banned ones', async () => {
    await page.getByLabel('Search').fill('felix');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('users 1–1 of 1').waitFor();
    await userRow('user_fake_0006').waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Banned').selectOption('yes');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('users 1–2 of 2').waitFor();
    await userRow('user_fake_0018').waitFor();
    await page.getByLabel('Banned').selectOption('any');
    await page.getByLabel('Locked').selectOption('yes'); // no such filter in Clerk's API: the console filters
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('users 1–2 of 2').waitFor();
    await userRow('user_fake_0019').waitFor();
    await userRow('user_fake_0007').waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByText('users 1–10 of 25').waitFor();
  });

  let created = null;
  await step('create a Clerk user', async () => {
    await page.getByRole('button', { name: 'New user' }).click();
    const d = dialog();
    await d.getByLabel('First name').fill('Zoe');
    await d.getByLabel('Last name').fill('Tester');
    await d.getByLabel('Email').fill('zoe.tester@example.com');
    await d.getByLabel('Username').fill('zoetester');
    await confirmDialog('Create user');
    await page.getByRole('heading', { name: 'Zoe Tester' }).waitFor();
    await notice().filter({ hasText: 'Created Clerk user' }).waitFor();
    created = /#\/clerk\/users\/([^/]+)$/.exec(page.url())?.[1];
    check(created, `no user id in the address: ${page.url()}`);
    const { user } = await fakeClerkUser(fake, created);
    check(user?.email_addresses?.[0]?.email_address === 'zoe.tester@example.com', 'the fake has no such user');
  });

  await step('edit Clerk metadata (invalid JSON refused, valid JSON saved)', async () => {
    const publicMeta = page.getByLabel(/Public metadata/);
    await publicMeta.fill('{"plan": "enterprise",');
    await page.getByText('Not valid JSON').waitFor();
    check(await page.getByRole('button', { name: 'Save metadata' }).isDisabled(), 'Save should be disabled while the JSON is invalid');
    await publicMeta.fill('["not", "an object"]');
    await page.getByText('Must be a JSON object').waitFor();
    await publicMeta.fill('{"plan": "enterprise", "seats": 5}');
    await page.getByRole('button', { name: 'Save metadata' }).click();
    await dialog().getByText('"seats": 5').waitFor();
    await confirmDialog('Save metadata');
    await notice().filter({ hasText: 'Saved the metadata of Zoe Tester' }).waitFor();
    const { user } = await fakeClerkUser(fake, created);
    check(user.public_metadata.plan === 'enterprise' && user.public_metadata.seats === 5, `fake metadata: ${JSON.stringify(user.public_metadata)}`);
  });

  await step('ban and unban the user', async () => {
    await page.getByRole('button', { name: 'Ban', exact: true }).click();
    await confirmDialog('Ban');
    await page.locator('.user-head .badge-banned').waitFor();
    check((await fakeClerkUser(fake, created)).user.banned === true, 'the fake user is not banned');
    await page.getByRole('button', { name: 'Unban', exact: true }).click();
    await confirmDialog('Unban');
    await page.locator('.user-head .badge-banned').waitFor({ state: 'detached' });
    check((await fakeClerkUser(fake, created)).user.banned === false, 'the fake user is still banned');
  });

  await step('upload a profile image through the file input', async () => {
    const png = makePng();
    await page.getByLabel(/Image file/).setInputFiles({ name: 'avatar.png', mimeType: 'image/png', buffer: png });
    await page.locator('img.thumb').waitFor();
    await page.getByRole('button', { name: 'Upload image' }).click();
    await confirmDialog('Upload image');
    await notice().filter({ hasText: 'Uploaded avatar.png' }).waitFor();
    await page.getByText('An image was uploaded.').waitFor();
    check((await fakeClerkUser(fake, created)).user.has_image === true, 'the fake user has no image');
    await shot('clerk-user');
  });

  await step('lock and unlock, edit, set a password, remove the image', async () => {
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await confirmDialog('Lock');
    await page.locator('.user-head .badge-locked').waitFor();
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await confirmDialog('Unlock');
    await page.locator('.user-head .badge-locked').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await dialog().getByLabel('External id').fill('crm-42');
    await confirmDialog('Save');
    await page.getByRole('definition').filter({ hasText: 'crm-42' }).waitFor();
    await page.getByRole('button', { name: 'Set password' }).click();
    await dialog().getByLabel(/New password/).fill('a long enough passphrase');
    await confirmDialog('Set password');
    await notice().filter({ hasText: 'Set a new password for Zoe Tester' }).waitFor();
    await page.getByRole('button', { name: 'Remove image' }).click();
    await confirmDialog('Remove image');
    await page.getByText('No image uploaded').waitFor();
    const { user } = await fakeClerkUser(fake, created);
    check(user.external_id === 'crm-42' && user.password_enabled && !user.has_image && !user.locked, `fake user: ${JSON.stringify({ e: user.external_id, p: user.password_enabled, i: user.has_image, l: user.locked })}`);
  });

  await step('delete the user', async () => {
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirmDialog('Delete user');
    await page.getByRole('heading', { name: 'Clerk users' }).waitFor();
    await notice().filter({ hasText: 'Deleted Clerk user Zoe Tester' }).waitFor();
    check((await fakeClerkUser(fake, created)).status === 404, 'the fake still has the user');
    await page.getByText('users 1–10 of 25').waitFor();
  });

  const bulkIds = ['user_fake_0025', 'user_fake_0024', 'user_fake_0023'];
  await step('bulk-ban three users (progress and a result per row)', async () => {
    await page.getByRole('button', { name: 'Dismiss this message' }).click();
    for (const id of bulkIds) await userRow(id).getByRole('checkbox').check();
    await page.getByText('3 users selected').waitFor();
    await page.getByRole('button', { name: 'Ban selected', exact: true }).click();
    await dialog().getByText('These users will be banned').waitFor();
    await confirmDialog('Ban 3 users');
    const panel = page.locator('section.bulk-panel');
    await panel.getByText('3 of 3 banned').waitFor();
    check((await panel.locator('table.results tr.ok').count()) === 3, 'expected 3 successful rows');
    for (const id of bulkIds) {
      await userRow(id).locator('.badge-banned').waitFor();
      check((await fakeClerkUser(fake, id)).user.banned === true, `${id} is not banned in the fake`);
    }
    await shot('bulk-ban');
    await page.screenshot({ path: join(shots, 'readme.png') }); // the viewport only: the picture in the README (docs/console.png)
  });

  await step('export every user matching the filters as CSV (auto-pagination)', async () => {
    await page.getByRole('button', { name: 'Close results' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const file = join(work, download.suggestedFilename());
    await download.saveAs(file);
    const csv = parseCsv(readFileSync(file, 'utf8'));
    check(csv[0].join(',') === 'id,external_id,email,username,phone,first_name,last_name,banned,locked,created_at,last_sign_in_at', `header: ${csv[0]}`);
    check(csv.length === 26, `expected 25 users + a header, got ${csv.length} lines`);
    const ids = new Set(csv.slice(1).map((r) => r[0]));
    for (let i = 1; i <= 25; i += 1) check(ids.has(`user_fake_${String(i).padStart(4, '0')}`), `user ${i} missing from the CSV`);
    await page.getByText('Exported 25 users').waitFor();
    // Filtered: the banned ones (2 seeded + the 3 just banned).
    await page.getByLabel('Banned').selectOption('yes');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('users 1–5 of 5').waitFor();
    const [banned] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const bannedFile = join(work, `banned-${banned.suggestedFilename()}`);
    await banned.saveAs(bannedFile);
    const bannedRows = parseCsv(readFileSync(bannedFile, 'utf8')).slice(1);
    check(bannedRows.length === 5 && bannedRows.every((r) => r[7] === 'true'), `banned export: ${JSON.stringify(bannedRows.map((r) => [r[0], r[7]]))}`);
    await shot('export');
  });

  await step('cancel an export while its page request is in flight', async () => {
    // Hold the export's page request (limit=500) in the browser so that Cancel lands mid-flight.
    const slow = /\/admin-api\/clerk\/users\?(?=.*limit=500)/;
    await page.route(slow, async (route) => {
      await new Promise((r) => setTimeout(r, 4000));
      await route.continue().catch(() => {}); // the page aborted it meanwhile
    });
    let downloaded = false;
    const onDownload = () => {
      downloaded = true;
    };
    page.on('download', onDownload);
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByRole('button', { name: 'Cancel export' }).click();
    await page.getByText('Export cancelled after 0 users: nothing was downloaded').waitFor();
    await page.waitForTimeout(300);
    page.off('download', onDownload);
    await page.unroute(slow);
    check(!downloaded, 'a cancelled export still downloaded a file');
  });

  await step('bulk-unban them again', async () => {
    for (const id of bulkIds) await userRow(id).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Unban selected', exact: true }).click();
    await confirmDialog('Unban 3 users');
    await page.locator('section.bulk-panel').getByText('3 of 3 unbanned').waitFor();
    for (const id of bulkIds) check((await fakeClerkUser(fake, id)).user.banned === false, `${id} is still banned`);
    await page.getByRole('button', { name: 'Close results' }).click();
    await page.getByRole('button', { name: 'Close export' }).click();
    await page.getByRole('button', { name: 'Clear' }).click();
  });

  await step('a provider error in words: Clerk 404 for a user that does not exist', async () => {
    await page.evaluate(() => (location.hash = '#/clerk/users/user_fake_9999'));
    const box = page.locator('.error[role=alert]');
    await box.waitFor();
    const text = await box.innerText();
    check(/Clerk answered 404 \(resource_not_found\) to getUser/.test(text), `error title: ${text}`);
    check(/What to do:.*deleted/s.test(text), `no advice in the error: ${text}`);
    check((await box.getAttribute('data-status')) === '404', 'data-status is not 404');
    await shot('error-404');
  });

  await step('a refused admin token is explained (the proxy answers 401)', async () => {
    await page.evaluate(() => {
      for (const k of Object.keys(sessionStorage)) sessionStorage.setItem(k, 'forged-token');
      location.hash = '#/kinde';
    });
    await page.reload();
    const box = page.locator('.error[role=alert]');
    await box.waitFor();
    const text = await box.innerText();
    check(/answered 401/.test(text) && /Open the URL/.test(text), `401 error: ${text}`);
    await shot('error-401');
    // The same through the proxy directly: no credential comes back.
    const res = await fetch(`${origin}/admin-api/clerk/users?limit=1`, { headers: { authorization: 'Bearer forged-token' } });
    const body = await res.text();
    check(res.status === 401, `proxy status ${res.status}`);
    check(!body.includes('sk_test_fake') && !body.includes('fake-client-secret'), 'the proxy echoed a credential');
  });

  await step('no page error and no unhandled rejection during the walk', async () => {
    check(pageErrors.length === 0, `page errors:\n  ${pageErrors.join('\n  ')}`);
    check((await page.locator('.error[role=alert] .dismiss').count()) === 0, 'the global reporter showed an unhandled failure');
  });

  await step('an unhandled rejection is reported on the page, in words, and can be dismissed', async () => {
    await page.evaluate(() => {
      Promise.reject(new TypeError('something the console did not expect'));
    });
    const banner = page.locator('.error[role=alert]').filter({ hasText: 'something the console did not expect' });
    await banner.getByText('Something went wrong in the console').waitFor();
    await banner.getByText('What to do:').waitFor();
    await banner.getByRole('button', { name: 'Dismiss this error' }).click();
    await banner.waitFor({ state: 'detached' });
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  console.error(`\n${error?.stack ?? error}`);
  if (!results.some((r) => !r.ok)) results.push({ name: 'setup', ok: false, error });
  writeFileSync(join(work, 'stack.log'), stackOutput);
  console.error(`stack output: ${join(work, 'stack.log')} (last lines below)\n${stackOutput.trim().split('\n').slice(-25).join('\n')}`);
} finally {
  await stopAll();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.filter((r) => !r.ok).length;
log(`screenshots in ${join('tests', 'www', '.work', 'screenshots')}; total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(exitCode || (failed > 0 ? 1 : 0));
