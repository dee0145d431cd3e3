#!/usr/bin/env node
// End to end: the admin console as a person uses it, on the stack that
// `npm start` runs (fake providers + `wrangler dev` Worker + the built
// console), driven by playwright-core in Debian's headless Chromium.
//
//   node tests/www/e2e.mjs [--keep-open]
//
// Starts `node scripts/start.mjs --port 0 --jobs-rate 2` as a child (its own
// process group), reads the console URL it prints, walks through the console,
// checks what the page shows against the fake provider's own data (read over
// HTTP), and stops the stack and Chromium by PID at the end, failure
// included. The Jobs page's jobs run in the Worker's Workflow at 2 requests
// per second per credential, slow enough to pause and cancel one before it
// ends; what they did is checked in the fake and in the downloaded exports.
// After the walk at desktop size, a second pass at a phone's width (390 px)
// checks that every view fits: no sideways page scroll, no control off the
// screen or cut by its box. Screenshots of the main views at both sizes:
// tests/www/.work/screenshots/ (phone-*.png at 390 px; jobs*.png and
// phone-jobs.png, phone-job-dialog.png: the Jobs page). The last line is
// `N passed, N failed`.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, 'tests', 'www', '.work');
const shots = join(work, 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 }; // a common phone's CSS viewport
const START_TIMEOUT_MS = 240_000; // the first run may build the package (about a minute)
const STEP_TIMEOUT_MS = 15_000;
const JOBS_RATE = 2; // requests per second per credential for the jobs (see the header)

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
    const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--port', '0', '--jobs-rate', String(JOBS_RATE)], {
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

/** The ids of the Clerk users the fake lists for `params` (what a job over that filter must reach). */
async function fakeClerkIds(fake, params) {
  const res = await fetch(`${fake}/v1/users?${new URLSearchParams({ ...params, limit: '500' })}`, { headers: { authorization: 'Bearer sk_test_fake' } });
  check(res.ok, `the fake's user list answered ${res.status}`);
  return (await res.json()).map((u) => u.id);
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

/**
 * What keeps the view in `page` from being usable at its width: the page
 * scrolling sideways, a control off the screen, or one cut by a box that
 * hides its overflow (as the provider switch was, squeezed to 60 px). A
 * control inside a box that scrolls (a wide table) counts as reachable when
 * that box is on the screen. With a dialog open, its controls are checked.
 * A phone (isMobile) zooms out to show a page wider than the screen whole,
 * which widens innerWidth to the page's width: the screen's width is what
 * the page must fit.
 */
async function layoutProblems(page) {
  return page.evaluate((screenWidth) => {
    const out = [];
    if (window.innerWidth > screenWidth) out.push(`the browser zoomed out to fit a page wider than the screen: innerWidth ${window.innerWidth} > ${screenWidth}`);
    const width = Math.min(window.innerWidth, screenWidth);
    const doc = document.documentElement;
    if (doc.scrollWidth > width) out.push(`the page scrolls sideways: scrollWidth ${doc.scrollWidth} > innerWidth ${width}`);
    const scope = document.querySelector('dialog[open]') ?? document.body;
    const label = (el) => `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().slice(0, 40)}”`;
    for (const el of scope.querySelectorAll('button, a[href], input, select, textarea, summary')) {
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden' || el.closest('.sr-only')) continue;
      let box = el.getBoundingClientRect();
      if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1) out.push(`${label(el)} cuts its own text (${el.scrollWidth} > ${el.clientWidth} px)`);
      let cut = false;
      for (let p = el.parentElement; p && p !== doc; p = p.parentElement) {
        const overflow = getComputedStyle(p).overflowX;
        if (overflow === 'visible') continue;
        const r = p.getBoundingClientRect();
        if (overflow === 'auto' || overflow === 'scroll') {
          box = r; // reachable by scrolling this box: the box itself must be reachable
        } else if (box.left < r.left - 1 || box.right > r.right + 1) {
          out.push(`${label(el)} is cut by its ${p.tagName.toLowerCase()}.${[...p.classList].join('.')} (${Math.round(box.left)}–${Math.round(box.right)} px in ${Math.round(r.left)}–${Math.round(r.right)} px)`);
          cut = true;
          break;
        }
      }
      if (!cut && (box.left < -1 || box.right > width + 1)) out.push(`${label(el)} is off the screen (${Math.round(box.left)}–${Math.round(box.right)} px of ${width})`);
    }
    return out;
  }, page.viewportSize().width);
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
  const pageErrors = [];
  async function newPage(options) {
    const context = await browser.newContext({ acceptDownloads: true, ...options });
    const p = await context.newPage();
    p.setDefaultTimeout(STEP_TIMEOUT_MS);
    p.on('pageerror', (e) => pageErrors.push(String(e?.stack ?? e)));
    p.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(`console.error: ${m.text()}`);
    });
    return p;
  }
  let page = await newPage({ viewport: { width: 1366, height: 860 } });

  const origin = new URL(url).origin;
  // The whole page, or with a modal dialog open, what the screen shows.
  const shot = async (name, fullPage = true) => page.screenshot({ path: join(shots, `${name}.png`), fullPage });
  /** Fails with every layout problem of the current view (see layoutProblems). */
  const usable = async (view) => {
    const problems = await layoutProblems(page);
    check(problems.length === 0, `${view} at ${page.viewportSize().width} px:\n  ${problems.join('\n  ')}`);
  };
  const errorTitle = (scope) => scope.locator('.error[role=alert] .error-title strong');
  // idp-users/proxy as the Worker runs it, but allowing only the listings:
  // its genuine 403 operation_not_allowed answer, served in place of the
  // Worker's for the requests routed to it.
  let narrowProxy = null;
  const refuseInNarrowProxy = async (route) => {
    if (!narrowProxy) {
      const { createUsersProxy } = createRequire(join(root, 'www', 'package.json'))('idp-users/proxy');
      narrowProxy = createUsersProxy({
        kinde: { domain: fake, clientId: 'fake-client-id', clientSecret: 'fake-client-secret' },
        clerk: { secretKey: 'sk_test_fake', baseUrl: `${fake}/v1` },
        allow: ['kinde.getUsers', 'clerk.getUserList'],
        authorize: () => true,
      });
    }
    const req = route.request();
    const body = req.method() === 'GET' ? undefined : (req.postDataBuffer() ?? undefined);
    const res = await narrowProxy(new Request(req.url(), { method: req.method(), headers: req.headers(), body }));
    await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
  };
  const FLAG_OVERRIDE = /\/admin-api\/kinde\/api\/v1\/users\/[^/]+\/feature_flags\//;
  const rows = () => page.locator('table.users tbody tr');
  const userRow = (id) => page.locator(`table.users tbody tr[data-user-id="${id}"]`);
  const notice = () => page.locator('.notice[role=status]');
  const dialog = () => page.locator('dialog[open]');
  const confirmDialogKeepsOpen = (label) => dialog().getByRole('button', { name: label, exact: true }).click();
  const confirmDialog = async (label) => {
    await confirmDialogKeepsOpen(label);
    await dialog().waitFor({ state: 'detached' });
  };

  // The Jobs page: a job's card, by the id the Worker answered to its POST.
  const jobCard = (id) => page.locator(`li.job[data-job-id="${id}"]`);
  const jobForm = () => page.locator('form.job-form');
  /** Runs `act` (the click or confirmation that starts a job) and resolves to the new job's id, once its card shows. */
  async function startsJob(act) {
    const [res] = await Promise.all([page.waitForResponse((r) => /\/admin-api\/jobs$/.test(r.url()) && r.request().method() === 'POST'), act()]);
    check(res.status() === 201, `POST /admin-api/jobs answered ${res.status()}: ${await res.text()}`);
    const { id } = await res.json();
    await jobCard(id).waitFor();
    return id;
  }
  /** Waits until the job's card says one of `states` (the page polls the Worker). */
  async function jobReaches(id, states, timeout = 30_000) {
    await page.waitForFunction(([i, s]) => s.includes(document.querySelector(`li.job[data-job-id="${i}"]`)?.dataset.status), [id, states], { timeout });
  }
  const banned = async (ids) => (await Promise.all(ids.map((id) => fakeClerkUser(fake, id)))).filter((r) => r.user?.banned).length;

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
    await usable('the Kinde users list');
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
    await usable('a Kinde user page');
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

  await step('a refusal of the Worker (403 operation_not_allowed) is titled as the Worker’s; each new attempt in a dialog clears the last error', async () => {
    await page.route(FLAG_OVERRIDE, refuseInNarrowProxy);
    await page.getByRole('button', { name: 'Feature flag override' }).click();
    await confirmDialogKeepsOpen('Set override');
    const box = dialog().locator('.error[role=alert]');
    await box.waitFor();
    const title = await errorTitle(dialog()).innerText();
    check(title === 'The console’s Worker answered 403 (operation_not_allowed) to Kinde updateUserFeatureFlagOverride', `title: ${title}`);
    check((await box.getAttribute('data-source')) === 'worker', 'the error is not marked as the Worker’s');
    const text = await box.innerText();
    check(/kinde\.updateUserFeatureFlagOverride is not allowed by this proxy/.test(text) && /allow/.test(text.split('What to do:')[1] ?? ''), `403 error: ${text}`);
    check(!/Kinde answered/.test(text), `the Worker’s refusal is attributed to Kinde: ${text}`);
    await shot('dialog-error', false);
    // A new attempt refused in the page itself: only its own problem shows.
    await dialog().getByLabel('Flag key').fill('');
    await confirmDialogKeepsOpen('Set override');
    await dialog().getByText('Name the flag to override.').waitFor();
    check((await box.count()) === 0, 'the last attempt’s error is still shown beside the new problem');
    // A new attempt sent (held for a moment): no old error while it runs, none after it succeeds.
    await page.unroute(FLAG_OVERRIDE);
    await page.route(FLAG_OVERRIDE, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue().catch(() => {});
    });
    await dialog().getByLabel('Flag key').fill('fake_flag');
    await confirmDialogKeepsOpen('Set override');
    await dialog().getByRole('button', { name: 'Working…' }).waitFor();
    check((await dialog().locator('.error, .problem').count()) === 0, 'an earlier error or problem is shown while the new attempt runs');
    await dialog().waitFor({ state: 'detached' });
    await notice().filter({ hasText: 'Feature flag fake_flag is true for Chloé Chen' }).waitFor();
    check((await page.locator('.error[role=alert]').count()) === 0, 'an error is still shown after the attempt succeeded');
    await page.unroute(FLAG_OVERRIDE);
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
    await usable('a Clerk user page');
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
    await usable('the bulk results');
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

  const jobIds = []; // the desktop jobs, for the phone's list
  await step('Jobs page: an NDJSON export over a filter runs in the Workflow; its download holds each matching user exactly once', async () => {
    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await page.getByRole('heading', { name: 'Jobs', exact: true }).waitFor();
    await page.getByText('No job yet').waitFor();
    await usable('the Jobs page with no job');
    await jobForm().getByLabel('Provider').selectOption('clerk');
    await jobForm().getByLabel('Action').selectOption('export-ndjson');
    await jobForm().getByLabel('Username contains').fill('0');
    const id = await startsJob(() => jobForm().getByRole('button', { name: 'Start export' }).click());
    jobIds.push(id);
    await notice().filter({ hasText: `Started Clerk · Export (NDJSON) of username_query: 0 (${id})` }).waitFor();
    await jobReaches(id, ['complete']);
    const expected = await fakeClerkIds(fake, { username_query: '0' });
    check(expected.length === 12, `the fake lists ${expected.length} users with a 0 in their username, not 12`);
    await jobCard(id).getByText(`Exported: ${expected.length} of ${expected.length} · 1 part`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), jobCard(id).getByRole('button', { name: 'Download NDJSON' }).click()]);
    check(download.suggestedFilename() === `clerk-users-${id}.ndjson`, `download name: ${download.suggestedFilename()}`);
    const file = join(work, download.suggestedFilename());
    await download.saveAs(file);
    const users = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const ids = users.map((u) => u.id);
    check(new Set(ids).size === ids.length, `a user is in the export twice: ${ids.join(', ')}`);
    check(ids.length === expected.length && expected.every((x) => ids.includes(x)), `export ${ids.join(', ')} is not the fake's ${expected.join(', ')}`);
    check(users.every((u) => u.username.includes('0')), 'the export holds a user outside the filter');
  });

  const banTargets = ['user_fake_0024', 'user_fake_0022', 'user_fake_0020', 'user_fake_0002']; // usernames with "002"
  await step('Jobs page: a bulk ban over a filter, confirmed with the count, paused and resumed, bans every matching user', async () => {
    check((await fakeClerkIds(fake, { username_query: '002' })).join() === banTargets.join(), 'the fake lists other users for username 002');
    await jobForm().getByLabel('Action').selectOption('ban');
    await jobForm().getByLabel('Username contains').fill('002');
    await jobForm().getByRole('button', { name: 'Ban matching users…' }).click();
    await dialog().getByText('4 users match now.').waitFor();
    await usable('the job confirmation dialog');
    const id = await startsJob(() => confirmDialog('Start: ban them'));
    jobIds.push(id);
    // Paused at its next step boundary (a batch of users is one step).
    await jobCard(id).getByRole('button', { name: 'Pause', exact: true }).click();
    await jobReaches(id, ['paused']);
    const label = jobCard(id).locator('.progress label span');
    const [before, bannedBefore] = [await label.innerText(), await banned(banTargets)];
    await page.waitForTimeout(1500);
    check((await label.innerText()) === before && (await banned(banTargets)) === bannedBefore, `a paused job moved: ${before} → ${await label.innerText()}`);
    check(!(await jobCard(id).getByRole('button', { name: 'Pause', exact: true }).count()), 'a paused job offers Pause');
    await usable('a paused job');
    await shot('jobs-paused');
    await jobCard(id).getByRole('button', { name: 'Resume', exact: true }).click();
    await jobReaches(id, ['complete']);
    await jobCard(id).getByText('Banned: 4 of 4', { exact: true }).waitFor();
    check((await banned(banTargets)) === 4, `${4 - (await banned(banTargets))} of the 4 users are not banned`);
  });

  await step('Jobs page: cancel a job before it finishes (it ends cancelled, terminated in Workflows, with no control left)', async () => {
    // Unban the users that are not banned: harmless wherever the cancel lands.
    await jobForm().getByLabel('Action').selectOption('unban');
    await jobForm().getByLabel('Username contains').fill('0');
    await jobForm().getByLabel('Banned').selectOption('no');
    const notBanned = await fakeClerkIds(fake, { username_query: '0', banned: 'false' });
    await jobForm().getByRole('button', { name: 'Unban matching users…' }).click();
    await dialog().getByText(`${notBanned.length} users match now.`).waitFor();
    const id = await startsJob(() => confirmDialog('Start: unban them'));
    jobIds.push(id);
    await jobCard(id).getByRole('button', { name: 'Cancel job' }).click();
    await dialog().getByText('A cancelled job cannot be resumed').waitFor();
    await confirmDialog('Cancel job');
    await jobReaches(id, ['terminated']);
    await jobCard(id).locator('.badge-job').filter({ hasText: 'cancelled' }).waitFor();
    check((await jobCard(id).getByRole('button').count()) === 0, 'a cancelled job still offers a control');
    check(!(await jobCard(id).locator('progress').evaluate((el) => el.matches(':indeterminate'))), 'the bar of a cancelled job still moves');
    await jobForm().getByLabel('Banned').selectOption('any');
    await usable('the Jobs page');
    await shot('jobs');
    check((await banned(banTargets)) === 4, 'the cancelled unban (of users not banned) unbanned one');
  });

  await step('the jobs routes: the list newest first, and each refusal in the proxy’s shape', async () => {
    const token = new URLSearchParams(new URL(url).hash.slice(1)).get('token');
    const call = async (method, path, body) => {
      const res = await fetch(`${origin}/admin-api/jobs${path}`, { method, headers: { authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    };
    const list = await call('GET', '');
    check(list.status === 200 && list.body.jobs.map((j) => j.id).join() === [...jobIds].reverse().join(), `GET /admin-api/jobs: ${JSON.stringify(list.body).slice(0, 300)}`);
    const [exportId, banId, cancelledId] = jobIds;
    const tooBig = { job: { provider: 'clerk', select: { ids: Array.from({ length: 20000 }, (_, i) => `user_${String(i).padStart(10, '0')}`) }, action: { type: 'ban' } } };
    const refusals = [
      ['POST', '', { job: { provider: 'clerk', select: { filters: {} }, action: { type: 'suspend' } } }, 400, 'invalid_job', /action\.type suspend is Kinde's/],
      ['POST', '', { nojob: true }, 400, 'invalid_job', /\{ "job"/],
      ['GET', '/job-that-never-was', undefined, 404, 'job_not_found', /no job/],
      ['POST', `/${cancelledId}/resume`, undefined, 409, 'job_state', /it is terminated/],
      ['POST', `/${exportId}/pause`, undefined, 409, 'job_state', /it is complete/],
      ['GET', `/${banId}/download`, undefined, 409, 'not_an_export', /not an export/],
      ['DELETE', '', undefined, 405, 'method_not_allowed', /GET or POST/],
      ['POST', '', tooBig, 413, 'body_too_large', /at most 262144 bytes/],
    ];
    for (const [method, path, body, status, code, message] of refusals) {
      const res = await call(method, path, body);
      const said = `${method} /admin-api/jobs${path} answered ${res.status} ${JSON.stringify(res.body)}`;
      check(res.status === status && res.body.error?.code === code && res.body.errors?.[0]?.code === code && message.test(res.body.error.message), said);
    }
    check((await call('POST', '', refusals[0][2])).body.error.param === 'action.type', 'a refused job does not name its field');
    // The same body without a length (chunked): refused all the same, and the
    // next POST (which wrangler dev would not retry) answered, not a 503.
    const chunked = await fetch(`${origin}/admin-api/jobs`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new Blob([JSON.stringify(tooBig)]).stream(), duplex: 'half' });
    check(chunked.status === 413 && (await chunked.json()).error.code === 'body_too_large', `a chunked body over the limit answered ${chunked.status}`);
    const after = await call('POST', '', refusals[0][2]);
    check(after.status === 400, `the POST after a refused chunked body answered ${after.status}`);
    check((await call('GET', '')).body.jobs.length === jobIds.length, 'a refused job was listed');
    // The proxy's routes alike: a chunked body over maxBodyBytes (1 MiB) is
    // read to its end before the 413, so the next request is answered.
    const auth = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 2; i++) {
      const big = new Blob([JSON.stringify({ email_address: ['big@example.com'], padding: 'x'.repeat(2 * 1024 * 1024) })]).stream();
      const refused = await fetch(`${origin}/admin-api/clerk/users`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: big, duplex: 'half', signal: AbortSignal.timeout(30_000) });
      check(refused.status === 413 && (await refused.json()).error.code === 'body_too_large', `a chunked 2 MiB body to the proxy answered ${refused.status}`);
      const next = await fetch(`${origin}/admin-api/clerk/users?limit=1`, { headers: auth, signal: AbortSignal.timeout(30_000) });
      check(next.status === 200 && (await next.json()).length === 1, `the proxy's next request after a refused chunked body answered ${next.status}`);
    }
  });

  await step('Jobs page: a job that ended in an error shows the Workflow’s message and what to do, and no control', async () => {
    // The list as the Worker sends it, plus one errored job in jobStatus's shape.
    const id = 'job-errored-example';
    const errored = {
      id,
      created: new Date().toISOString(),
      job: { provider: 'kinde', select: { filters: { email: ['a@example.com'] } }, action: { type: 'delete' } },
      status: { id, status: 'errored', job: { provider: 'kinde', action: { type: 'delete' } }, progress: { done: 3, failed: 0, skipped: 0, total: 10 }, exports: [], error: { name: 'IdpUsersError', message: 'getUsers: Kinde answered 401' } },
    };
    const list = /\/admin-api\/jobs$/;
    await page.route(list, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const res = await route.fetch();
      const body = await res.json();
      await route.fulfill({ response: res, json: { jobs: [errored, ...body.jobs] } });
    });
    await page.reload(); // the list now, not at its next idle poll
    const box = jobCard(id).locator('.error[role=alert]');
    await box.getByText('The job stopped with an error').waitFor();
    check(/getUsers: Kinde answered 401/.test(await box.innerText()) && /What to do:/.test(await box.innerText()), `job error: ${await box.innerText()}`);
    await jobCard(id).getByText('Deleted: 3 of 10').waitFor();
    check((await jobCard(id).getByRole('button').count()) === 0, 'an errored job offers a control');
    await usable('an errored job');
    await shot('jobs-errored');
    await page.unroute(list);
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

  await step('a refused admin token is titled as the Worker’s, for a Kinde call and a Clerk call (the proxy answers 401)', async () => {
    await page.evaluate(() => {
      for (const k of Object.keys(sessionStorage)) sessionStorage.setItem(k, 'forged-token');
      location.hash = '#/kinde';
    });
    await page.reload();
    const box = page.locator('.error[role=alert]');
    await box.waitFor();
    const kinde = await errorTitle(page).innerText();
    check(kinde === 'The console’s Worker answered 401 (unauthorized) to Kinde getUsers', `Kinde call, title: ${kinde}`);
    check((await box.getAttribute('data-source')) === 'worker', 'the 401 is not marked as the Worker’s');
    const text = await box.innerText();
    check(/Open the URL/.test(text) && !/Kinde answered/.test(text), `401 error: ${text}`);
    await shot('error-401');
    await page.getByRole('button', { name: 'Clerk', exact: true }).click();
    await page.getByRole('heading', { name: 'Clerk users' }).waitFor();
    const clerkTitle = errorTitle(page).filter({ hasText: 'to Clerk' });
    await clerkTitle.waitFor();
    const clerk = await clerkTitle.innerText();
    check(/^The console’s Worker answered 401 \(unauthorized\) to Clerk (getUserList|getUsersCount)$/.test(clerk), `Clerk call, title: ${clerk}`);
    // The same through the proxy directly: no credential comes back.
    const res = await fetch(`${origin}/admin-api/clerk/users?limit=1`, { headers: { authorization: 'Bearer forged-token' } });
    const body = await res.text();
    check(res.status === 401, `proxy status ${res.status}`);
    check(!body.includes('sk_test_fake') && !body.includes('fake-client-secret'), 'the proxy echoed a credential');
    // The jobs routes: the same two checks as the proxy's.
    const jobs = await fetch(`${origin}/admin-api/jobs`, { headers: { authorization: 'Bearer forged-token' } });
    check(jobs.status === 401 && (await jobs.json()).error.code === 'unauthorized', `GET /admin-api/jobs with a forged token answered ${jobs.status}`);
    const token = new URLSearchParams(new URL(url).hash.slice(1)).get('token');
    const crossSite = await fetch(`${origin}/admin-api/jobs/${jobIds[0]}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${token}`, origin: 'https://elsewhere.example' } });
    check(crossSite.status === 403 && (await crossSite.json()).error.code === 'cross_site_refused', `a cross-site POST answered ${crossSite.status}`);
    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await errorTitle(page).filter({ hasText: 'The console’s Worker answered 401 (unauthorized) to list jobs' }).waitFor();
  });

  // ---------------------------------------------------------------- a phone's width
  const desktop = page;
  await step('phone (390 px): the Kinde users list, its filters, a selection and the bulk bar fit', async () => {
    page = await newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(url);
    await page.getByRole('heading', { name: 'Kinde users' }).waitFor();
    await rows().first().waitFor();
    await usable('the Kinde users list');
    for (const id of ['kp_fake_0001', 'kp_fake_0002']) await userRow(id).getByRole('checkbox').check();
    await page.getByText('2 users selected').waitFor();
    await usable('the Kinde users list with a selection');
    await shot('phone-kinde-users');
    await page.getByRole('button', { name: 'Suspend selected', exact: true }).click();
    await dialog().getByText('These users will be suspended').waitFor();
    await usable('the bulk confirmation dialog');
    await dialog().getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  await step('phone: the New user dialog, with its problem shown, fits', async () => {
    await page.getByRole('button', { name: 'New user' }).click();
    await dialog().getByLabel('Email').fill('not-an-email');
    await confirmDialogKeepsOpen('Create user');
    await dialog().getByText('does not look like an email address').waitFor();
    await usable('the New user dialog');
    await shot('phone-new-user', false);
    await dialog().getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  await step('phone: the CSV export and its panel fit', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    check(/^kinde-users-.*\.csv$/.test(download.suggestedFilename()), `download: ${download.suggestedFilename()}`);
    await page.getByText('Exported 25 users').waitFor();
    await usable('the export panel');
    await shot('phone-export');
    await page.getByRole('button', { name: 'Close export' }).click();
  });

  await step('phone: a Kinde user page fits, and a dialog with an error in words', async () => {
    await page.evaluate(() => (location.hash = '#/kinde/users/kp_fake_0003'));
    await page.getByRole('heading', { name: 'Chloé Chen' }).waitFor();
    await page.getByRole('cell', { name: 'vip', exact: true }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await usable('a Kinde user page');
    await shot('phone-kinde-user');
    await page.route(FLAG_OVERRIDE, refuseInNarrowProxy);
    await page.getByRole('button', { name: 'Feature flag override' }).click();
    await confirmDialogKeepsOpen('Set override');
    await errorTitle(dialog()).filter({ hasText: 'The console’s Worker answered 403' }).waitFor();
    await usable('a dialog with an error');
    await shot('phone-dialog', false);
    await dialog().getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.unroute(FLAG_OVERRIDE);
  });

  await step('phone: the provider switch, the Clerk users list and a bulk ban with its results fit', async () => {
    await page.getByRole('button', { name: 'Clerk', exact: true }).click();
    await page.getByRole('heading', { name: 'Clerk users' }).waitFor();
    await page.getByText('users 1–10 of 25').waitFor();
    await usable('the Clerk users list');
    const ids = ['user_fake_0025', 'user_fake_0024'];
    for (const id of ids) await userRow(id).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Ban selected', exact: true }).click();
    await confirmDialog('Ban 2 users');
    const panel = page.locator('section.bulk-panel');
    await panel.getByText('2 of 2 banned').waitFor();
    for (const id of ids) await userRow(id).locator('.badge-banned').waitFor();
    await usable('the bulk results');
    await shot('phone-clerk-bulk');
    for (const id of ids) await userRow(id).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Unban selected', exact: true }).click();
    await confirmDialog('Unban 2 users');
    await panel.getByText('2 of 2 unbanned').waitFor();
    for (const id of ids) check((await fakeClerkUser(fake, id)).user.banned === false, `${id} is still banned`);
    await page.getByRole('button', { name: 'Close results' }).click();
  });

  await step('phone: the Jobs page fits, lists the jobs started on the desktop; a bulk unban started there goes on with its page closed', async () => {
    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    for (const id of jobIds) await jobCard(id).waitFor();
    await usable('the Jobs page');
    await jobForm().getByLabel('Provider').selectOption('clerk');
    await jobForm().getByLabel('Action').selectOption('unban');
    await jobForm().getByLabel('Username contains').fill('002');
    await jobForm().getByRole('button', { name: 'Unban matching users…' }).click();
    await dialog().getByText('4 users match now.').waitFor();
    await usable('the job confirmation dialog');
    await shot('phone-job-dialog', false);
    // The page goes away as soon as the Worker has created the job: the
    // Workflow, not the page, does the work (at 2 requests/s, 4 unbans take
    // 2 s: some users are still banned when the page closes).
    const [res] = await Promise.all([page.waitForResponse((r) => /\/admin-api\/jobs$/.test(r.url()) && r.request().method() === 'POST'), confirmDialogKeepsOpen('Start: unban them')]);
    check(res.status() === 201, `POST /admin-api/jobs answered ${res.status()}`);
    const { id } = await res.json();
    await page.context().close();
    check((await banned(banTargets)) > 0, 'every user was unbanned before the page closed: nothing shows the job went on without it');
    const deadline = Date.now() + 30_000;
    while ((await banned(banTargets)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    check((await banned(banTargets)) === 0, 'the unban job, its page closed, left a user banned');
    page = await newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(url);
    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await jobReaches(id, ['complete']);
    await jobCard(id).getByText('Unbanned: 4 of 4', { exact: true }).waitFor();
    await usable('the Jobs page with its jobs');
    await shot('phone-jobs');
  });

  await step('phone: a Kinde CSV export of every user, downloaded: a header and each user once', async () => {
    await jobForm().getByLabel('Provider').selectOption('kinde');
    await jobForm().getByLabel('Action').selectOption('export-csv');
    const id = await startsJob(() => jobForm().getByRole('button', { name: 'Start export' }).click());
    await jobReaches(id, ['complete']);
    const [download] = await Promise.all([page.waitForEvent('download'), jobCard(id).getByRole('button', { name: 'Download CSV' }).click()]);
    const file = join(work, download.suggestedFilename());
    await download.saveAs(file);
    const csv = parseCsv(readFileSync(file, 'utf8'));
    check(csv[0][0] === 'id', `CSV header: ${csv[0]}`);
    const ids = csv.slice(1).map((r) => r[0]);
    check(ids.length === 25 && new Set(ids).size === 25, `expected the 25 Kinde users once each, got ${ids.length} rows, ${new Set(ids).size} ids`);
    for (let i = 1; i <= 25; i += 1) check(ids.includes(`kp_fake_${String(i).padStart(4, '0')}`), `Kinde user ${i} is missing from the CSV`);
  });

  await step('phone: a Clerk user page fits', async () => {
    await page.evaluate(() => (location.hash = '#/clerk/users/user_fake_0003'));
    await page.getByRole('heading', { name: 'Organization memberships' }).waitFor();
    await page.getByText('Passkey “Fake passkey 0003”').waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await usable('a Clerk user page');
    await shot('phone-clerk-user');
  });

  await step('phone: an error in words fits (Clerk 404)', async () => {
    await page.evaluate(() => (location.hash = '#/clerk/users/user_fake_9999'));
    await errorTitle(page).filter({ hasText: 'Clerk answered 404' }).waitFor();
    await usable('a 404 error');
  });

  await step('phone: the sign-in screen fits, and the pasted token opens the console', async () => {
    await page.getByRole('button', { name: 'Forget token' }).click();
    await page.getByLabel('Admin token').waitFor();
    await usable('the sign-in screen');
    await page.getByLabel('Admin token').fill(new URLSearchParams(new URL(url).hash.slice(1)).get('token'));
    await page.getByRole('button', { name: 'Continue' }).click();
    await errorTitle(page).filter({ hasText: 'Clerk answered 404' }).waitFor(); // back where it was, with the token
  });

  await step('no page error and no unhandled rejection during the walk', async () => {
    check(pageErrors.length === 0, `page errors:\n  ${pageErrors.join('\n  ')}`);
    for (const p of [desktop, page]) check((await p.locator('.error[role=alert] .dismiss').count()) === 0, 'the global reporter showed an unhandled failure');
  });

  await step('an unhandled rejection is reported on the page, in words, and can be dismissed', async () => {
    await page.evaluate(() => {
      Promise.reject(new TypeError('something the console did not expect'));
    });
    const banner = page.locator('.error[role=alert]').filter({ hasText: 'something the console did not expect' });
    await banner.getByText('Something went wrong in the console').waitFor();
    await banner.getByText('What to do:').waitFor();
    await usable('the report of an unhandled rejection');
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
