// The web UI against the real server and the dev-ad stand-in (started by run.mjs), in Debian's
// Chromium driven by playwright-core. Tests run in order and build on each other (Bob's upload
// is what the history, detail, download and admin tests look at), like a person using the app.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const BASE = process.env.E2E_BASE_URL;
const WORK = process.env.E2E_WORK;
const CORPUS = process.env.E2E_CORPUS;
const LONG_SCAN = process.env.E2E_LONG_SCAN; // 48 pages, so a cancel lands while it runs
const DAMAGED_SCAN = process.env.E2E_DAMAGED_SCAN; // a PDF cut off before its scans
const SHOTS = path.join(WORK, 'screenshots');
const DOWNLOADS = path.join(WORK, 'downloads');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync(DOWNLOADS, { recursive: true });

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const LONG = 240_000;

let browser;
const contexts = [];
// Every Content-Security-Policy violation any page reports; the last test requires there were none.
const cspViolations = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.E2E_CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

/** A fresh browser profile ("device"); English unless asked otherwise. */
async function device({ viewport = DESKTOP, locale = 'en-US', isMobile = false } = {}) {
  const context = await browser.newContext({ viewport, locale, isMobile, hasTouch: isMobile, acceptDownloads: true });
  context.setDefaultTimeout(20_000);
  contexts.push(context);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`[csp] ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith('[csp]') || /Content Security Policy/i.test(text)) cspViolations.push(`${page.url()}: ${text}`);
  });
  return { context, page };
}

async function shot(page, name) {
  // Data first (no spinner left), then let transitions settle.
  await waitUntil('loading to finish', async () => (await page.locator('.mantine-Loader-root:visible').count()) === 0, 15_000);
  // Toasts from earlier steps would cover the header and cards; close them (they are not the subject).
  for (const close of await page.locator('.mantine-Notification-closeButton:visible').all()) {
    await close.click({ timeout: 2_000 }).catch(() => {});
  }
  await page.locator('.mantine-Notification-root:visible').first().waitFor({ state: 'detached', timeout: 3_000 }).catch(() => {});
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function signIn(page, username, password, { at = '/sign-in' } = {}) {
  if (!page.url().includes('/sign-in')) await page.goto(BASE + at);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signedIn(username, password, options) {
  const d = await device(options);
  await signIn(d.page, username, password);
  await d.page.getByTestId('display-name').waitFor();
  return d;
}

/** Runs axe-core in the page; serious and critical violations fail the test. */
async function assertAccessible(page, label) {
  // Evaluated through the driver, not as an inline <script>, which the app's CSP rightly refuses.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(violations, [], `${label}: accessibility violations`);
}

async function assertNoSideScroll(page, label) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${label}: page is ${scroll}px wide in a ${width}px window`);
}

async function waitUntil(what, check, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.fail(`timed out waiting for ${what} (last: ${last})`);
}

function taskRow(page, filename) {
  return page.getByTestId('task-row').filter({ has: page.getByRole('link', { name: filename, exact: true }) });
}

let bob; // Bob's desktop session, used across tests

describe('a fresh installation', () => {
  test('the bootstrap admin signs in with the printed password and sees the admin pages', async () => {
    const local = process.env.E2E_LOCAL_BASE_URL;
    const banner = await waitUntil('the first-start banner', async () =>
      /Password \(shown once\):\s+(\S+)/.exec(readFileSync(process.env.E2E_LOCAL_LOG, 'utf8')),
    );
    const { page } = await device();
    await page.goto(`${local}/sign-in`);
    await page.getByLabel('Username').fill('admin@localhost');
    await page.getByLabel('Password').fill(banner[1]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('display-name').waitFor();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByText('Pages processed').waitFor();
    await page.goto(`${local}/admin/audit`);
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Administrators only' }).count(), 0);
  });
});

describe('signing in', () => {
  test('a deep link while signed out leads to sign-in and keeps the intended page', async () => {
    bob = await device();
    const { page } = bob;
    await page.goto(`${BASE}/tasks?status=completed`);
    await page.waitForURL(/\/sign-in\?next=%2Ftasks%3Fstatus%3Dcompleted$/);
    await page.getByLabel('Username').waitFor();
    await page.getByLabel('Password').waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await shot(page, 'en-sign-in-desktop');
    await assertAccessible(page, 'sign-in');

    await signIn(page, 'bob', 'Bob-pw-1');
    await page.waitForURL(`${BASE}/tasks?status=completed`);
    assert.equal(await page.getByTestId('display-name').textContent(), 'Bob Lin');
  });

  test('wrong credentials get a clear message', async () => {
    const { page } = await device();
    await signIn(page, 'bob', 'not-his-password');
    const alert = page.getByTestId('sign-in-error');
    await alert.waitFor();
    assert.match(await alert.textContent(), /username or password is not correct/);
    assert.equal(await page.getByLabel('Password').inputValue(), '');
  });

  test('throttled sign-in says how long to wait', async () => {
    const { page } = await device();
    let text = '';
    for (let i = 0; i < 8 && !/Try again in \d+ seconds?/.test(text); i++) {
      await signIn(page, 'mallory', `wrong-${i}`);
      await page.getByTestId('sign-in-error').waitFor();
      await page.waitForTimeout(200);
      text = await page.getByTestId('sign-in-error').textContent();
    }
    assert.match(text, /Too many sign-in attempts\. Try again in \d+ seconds?\./);
    assert.equal(await page.getByRole('button', { name: 'Sign in' }).isDisabled(), true);
    await shot(page, 'en-sign-in-throttled');
  });

  test('keyboard only: tab to the fields, type, press Enter; focus is visible', async () => {
    const { page } = await device();
    await page.goto(`${BASE}/sign-in`);
    await page.getByLabel('Username').focus();
    await page.keyboard.type('carol');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('type'));
    assert.equal(focused, 'password');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'focused field shows a focus outline');
    await page.keyboard.type('Carol-pw-1');
    await page.keyboard.press('Enter');
    await page.getByTestId('display-name').waitFor();
    assert.equal(await page.getByTestId('display-name').textContent(), 'Carol Wu');
    // Skip link is the first tab stop on app pages.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  });
});

describe('tasks', () => {
  test('upload a corpus document and a long scan with per-file progress; the history shows them', async () => {
    const { page } = bob;
    await page.getByRole('link', { name: 'Upload' }).first().click();
    await page.getByRole('heading', { name: 'Upload documents' }).waitFor();
    // The language is detected unless named; naming one clears the detection, as the form shows.
    assert.equal(await page.getByLabel('Detect automatically').isChecked(), true);
    assert.equal(await page.getByLabel('English').isChecked(), false);
    assert.equal(await page.getByLabel('Searchable PDF').isChecked(), true);
    await page.locator('input[type=file]').setInputFiles([path.join(CORPUS, 'linn.png'), LONG_SCAN]);
    // One bar per file (empty until the upload starts, so present rather than visible).
    await page.getByRole('progressbar', { name: 'Upload progress of linn.png' }).waitFor({ state: 'attached' });
    await page.getByRole('progressbar', { name: 'Upload progress of long-scan.pdf' }).waitFor({ state: 'attached' });
    await shot(page, 'en-upload-desktop');
    await assertAccessible(page, 'upload');

    const eventsOk = page.waitForResponse((r) => r.url().endsWith('/api/v2/tasks/events') && r.status() === 200, { timeout: 60_000 });
    const uploaded = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/v2/tasks') && uploaded.push(r));
    await page.getByRole('button', { name: 'Upload and start' }).click();
    await page.waitForURL(`${BASE}/tasks`);
    assert.equal(uploaded.length, 2, 'one multipart request per file');
    assert.match(uploaded[0].headers()['content-type'], /^multipart\/form-data/);
    // The bars reached 100% before the page moved on (XHR upload progress events).
    await taskRow(page, 'linn.png').waitFor();
    await taskRow(page, 'long-scan.pdf').waitFor();
    await eventsOk; // the live stream is open with the bearer token
  });

  test('cancel a running task, retry it, then cancel and delete it with confirmation', async () => {
    const { page } = bob;
    const row = taskRow(page, 'long-scan.pdf');
    await row.getByRole('button', { name: 'Cancel long-scan.pdf' }).click();
    await row.getByText('Cancelled', { exact: true }).waitFor({ timeout: 60_000 });
    await row.getByRole('button', { name: 'Retry long-scan.pdf' }).click();
    await waitUntil('the retried task to leave Cancelled', async () => !(await row.textContent()).includes('Cancelled'), 30_000);
    await row.getByRole('button', { name: 'Cancel long-scan.pdf' }).click();
    await row.getByText('Cancelled', { exact: true }).waitFor({ timeout: 60_000 });

    await row.getByRole('button', { name: 'Delete long-scan.pdf' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.match(await dialog.textContent(), /long-scan\.pdf and all its results will be deleted/);
    await shot(page, 'en-tasks-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });
  });

  test('the upload completes with live progress and no reload', async () => {
    const { page } = bob;
    const row = taskRow(page, 'linn.png');
    await row.getByText('Completed', { exact: true }).waitFor({ timeout: LONG });
    // The row turns Completed from the event stream; the counts follow with their own request.
    const completed = page.getByTestId('stat-completed').locator('p').last();
    await waitUntil('the Completed count to reach 1', async () => (await completed.textContent()) === '1');
    await shot(page, 'en-tasks-desktop');
    await assertAccessible(page, 'task history');
  });

  test('download every format with the bearer token', async () => {
    const { page } = bob;
    const row = taskRow(page, 'linn.png');
    const expected = { JSON: '.json', Markdown: '.md', 'Searchable PDF': '.pdf', 'Plain text': '.txt' };
    const files = {};
    for (const [label, ext] of Object.entries(expected)) {
      await row.getByRole('button', { name: 'Download results of linn.png' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: label }).click()]);
      assert.ok(download.suggestedFilename().endsWith(ext), `${label}: ${download.suggestedFilename()}`);
      const target = path.join(DOWNLOADS, download.suggestedFilename());
      await download.saveAs(target);
      files[ext] = readFileSync(target);
    }
    const json = JSON.parse(files['.json'].toString('utf8'));
    assert.equal(json.pages.length, 1);
    assert.ok(json.pages[0].blocks.length > 0, 'JSON has recognised blocks');
    assert.equal(files['.pdf'].subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(files['.txt'].toString('utf8'), /Linn/i);
    assert.ok(files['.md'].toString('utf8').trim().length > 100, 'Markdown has content');
  });

  test('task detail shows the page image beside the recognised text, low confidence highlighted', async () => {
    const { page } = bob;
    await page.getByRole('link', { name: 'linn.png', exact: true }).click();
    await page.getByRole('heading', { name: 'linn.png', level: 1 }).waitFor();
    const canvas = page.getByRole('img', { name: 'Image of page 1' });
    await canvas.waitFor();
    await waitUntil('the page image to be drawn', () =>
      canvas.evaluate((c) => {
        if (c.width < 100) return false;
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4 * 97) if (data[i] < 128) dark++;
        return dark > 50; // printed text, not a blank canvas
      }),
    );
    const text = await page.getByTestId('ocr-text').textContent();
    assert.match(text, /Linn/i);
    const marks = await page.locator('[data-testid=ocr-text] mark.low').count();
    const boxes = await page.locator('.word-box.low').count();
    assert.equal(boxes, marks, 'every highlighted word has a box on the image');
    assert.match(await page.getByText(/words? below 60%/).textContent(), new RegExp(`^${marks} words? below 60%`));
    // Keyboard: tabbing onto a word to check outlines it on the page image, as hovering does.
    if (marks > 0) {
      await page.locator('[data-testid=ocr-text] mark.low').first().focus();
      await page.locator('.word-box.active').waitFor();
      if (marks > 1) await page.keyboard.press('Tab');
      if (marks > 1) assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MARK', 'Tab moves to the next word to check');
    }
    await shot(page, 'en-task-detail-desktop');
    await assertAccessible(page, 'task detail');
    await page.getByRole('link', { name: 'Task history' }).first().click();
  });

  test('filters and sorting live in the URL and survive a reload', async () => {
    const { page } = bob;
    await page.goto(`${BASE}/tasks`);
    await taskRow(page, 'linn.png').waitFor();
    await page.getByLabel('File name').fill('LINN');
    await page.waitForURL(/filename=LINN/);
    await taskRow(page, 'linn.png').waitFor();

    await page.getByRole('button', { name: /^File/ }).click();
    await page.waitForURL(/sort_by=filename&order=asc/);
    await waitUntil('the File column to be sorted ascending', async () =>
      (await page.getByRole('columnheader', { name: /^File/ }).getAttribute('aria-sort')) === 'ascending');

    await page.goto(`${BASE}/tasks?status=failed&filename=linn`);
    await page.getByText('No tasks match these filters.').waitFor();
    await page.reload();
    await page.getByText('No tasks match these filters.').waitFor();
    assert.equal(await page.getByLabel('File name').inputValue(), 'linn');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(`${BASE}/tasks`);
    await taskRow(page, 'linn.png').waitFor();
  });

  test('a damaged scan fails and its detail page says why', async () => {
    const { page } = bob;
    await page.getByRole('link', { name: 'Upload' }).first().click();
    await page.getByRole('heading', { name: 'Upload documents' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(DAMAGED_SCAN);
    await page.getByRole('button', { name: 'Upload and start' }).click();
    await page.waitForURL(`${BASE}/tasks`);
    const row = taskRow(page, 'damaged-scan.pdf');
    await row.getByText('Failed', { exact: true }).waitFor({ timeout: LONG });
    await row.getByRole('button', { name: 'Retry damaged-scan.pdf' }).waitFor();

    await page.getByRole('link', { name: 'damaged-scan.pdf', exact: true }).click();
    await page.getByRole('heading', { name: 'damaged-scan.pdf', level: 1 }).waitFor();
    const alert = page.getByRole('alert').filter({ hasText: 'damaged or truncated' });
    await alert.waitFor();
    assert.match(await alert.textContent(), /Page 1 draws an image that is missing from the file/);
    await shot(page, 'en-task-failed-detail');
    await assertAccessible(page, 'failed task detail');

    // In 繁體中文 the reason is a translated sentence, with the server's own words beneath it.
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '繁體中文' }).click();
    const translated = page.getByRole('alert').filter({ hasText: '檔案已損毀或不完整。' });
    await translated.waitFor();
    assert.match(await translated.textContent(), /伺服器訊息：Page 1 draws an image/);
    await shot(page, 'zh-TW-task-failed-detail');
    await page.getByRole('button', { name: '語言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Task history' }).first().click();
    await taskRow(page, 'linn.png').waitFor();
  });

  test('the session survives a reload (refresh cookie) and token refreshes keep it going', async () => {
    const { page } = bob;
    const refreshes = [];
    page.on('response', (r) => r.url().endsWith('/api/v2/auth/refresh') && refreshes.push(r.status()));
    await page.reload();
    await taskRow(page, 'linn.png').waitFor();
    assert.deepEqual(refreshes, [200], 'a reload resumes the session through the refresh cookie');
    // Tokens live 40 s in this run, so the app refreshes on its own within about 20 s.
    await waitUntil('a scheduled refresh', () => refreshes.length >= 2, 45_000);
    assert.ok(refreshes.every((s) => s === 200));
    await page.getByRole('link', { name: 'Upload' }).first().click();
    await page.getByRole('heading', { name: 'Upload documents' }).waitFor();
  });

  test('a reload while a token refresh is on its way keeps the session', async () => {
    const { page } = bob;
    await page.getByRole('link', { name: 'Task history' }).first().click();
    await taskRow(page, 'linn.png').waitFor();
    // The server rotates the token as this request arrives; the reload must not lose its answer.
    const statuses = [];
    page.on('response', (r) => r.url().endsWith('/api/v2/auth/refresh') && statuses.push(r.status()));
    await page.waitForRequest((r) => r.url().endsWith('/api/v2/auth/refresh'), { timeout: 45_000 });
    await page.reload();
    await taskRow(page, 'linn.png').waitFor().catch((e) => assert.fail(`after the reload the page is at ${page.url()}: ${e.message}`));
    assert.ok(statuses.includes(200), `a refresh succeeded (${statuses.join(', ')})`);
  });
});

describe('sessions', () => {
  test('revoking another session signs that device out', async () => {
    const phone = await signedIn('bob', 'Bob-pw-1', { viewport: PHONE, isMobile: true });
    const { page } = bob;
    await page.goto(`${BASE}/sessions`);
    await waitUntil('two sessions', async () => (await page.getByTestId('session-row').count()) >= 2);
    await shot(page, 'en-sessions-desktop');
    await assertAccessible(page, 'sessions');
    const current = page.locator('[data-testid=session-row][data-current=true]');
    assert.match(await current.textContent(), /This device/);
    const others = page.locator('[data-testid=session-row][data-current=false]');
    const before = await others.count();
    await others.first().getByRole('button', { name: /^Revoke the session on/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await waitUntil('the session to disappear', async () => (await others.count()) === before - 1);

    // The phone's next request is refused and its refresh fails: back to sign-in, page remembered.
    await phone.page.goto(`${BASE}/sessions`);
    await phone.page.waitForURL(/\/sign-in\?next=%2Fsessions/);
  });

  test('signing out everywhere else, then from the header by keyboard, ends each session', async () => {
    const laptop = await signedIn('carol', 'Carol-pw-1');
    const tablet = await signedIn('carol', 'Carol-pw-1');
    const { page } = laptop;
    await page.goto(`${BASE}/sessions`);
    await waitUntil('two sessions', async () => (await page.getByTestId('session-row').count()) >= 2);
    await page.getByRole('button', { name: 'Sign out all other sessions' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Sign out all other sessions' }).click();
    await waitUntil('only this device left', async () => (await page.getByTestId('session-row').count()) === 1);
    await tablet.page.goto(`${BASE}/sessions`);
    await tablet.page.waitForURL(/\/sign-in\?next=%2Fsessions/);

    await page.getByRole('button', { name: 'Account menu for Carol Wu' }).focus();
    await page.keyboard.press('Enter');
    const signOut = page.getByRole('menuitem', { name: 'Sign out' });
    await signOut.waitFor();
    await signOut.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign-in/);
    // The refresh cookie went with the session: a reload does not sign Carol back in.
    await page.goto(`${BASE}/sessions`);
    await page.waitForURL(/\/sign-in\?next=%2Fsessions/);
  });
});

describe('administration', () => {
  let admin;

  test('staff do not see admin pages', async () => {
    const { page } = bob;
    assert.equal(await page.getByRole('link', { name: 'Dashboard' }).count(), 0);
    await page.goto(`${BASE}/admin/audit`);
    await page.getByRole('heading', { name: 'Administrators only' }).waitFor();
    await assertAccessible(page, 'administrators-only page');
    await page.goto(`${BASE}/no-such-page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await assertAccessible(page, 'not-found page');
    await shot(page, 'en-not-found');
  });

  test('dashboard with stats and the 30-day chart', async () => {
    admin = await signedIn('alice', 'Alice-pw-1');
    const { page } = admin;
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByText('Pages processed').waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    // Both series are drawn and named (recharts draws nothing when its react-is is not React's).
    await waitUntil('two area curves', async () => (await page.locator('.recharts-area-curve').count()) >= 2);
    await page.locator('.recharts-legend-wrapper').getByText('Tasks created').waitFor();
    await page.locator('.recharts-legend-wrapper').getByText('Sign-ins').waitFor();
    await page.getByText('Show the numbers as a table').click();
    assert.equal(await page.locator('details table tbody tr').count(), 30);
    await shot(page, 'en-admin-dashboard-desktop');
    await assertAccessible(page, 'admin dashboard');
  });

  test('users table: search, then deactivate and reactivate a user', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByTestId('user-row').first().waitFor();
    await page.getByLabel('Search users').fill('carol');
    await page.waitForURL(/search=carol/);
    await waitUntil('only Carol listed', async () => {
      const rows = await page.getByTestId('user-row').allTextContents();
      return rows.length === 1 && rows[0].includes('carol@example.com');
    });
    await page.getByRole('button', { name: 'Deactivate Carol Wu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await page.getByTestId('user-row').getByText('Deactivated').waitFor();

    const carol = await device();
    await signIn(carol.page, 'carol', 'Carol-pw-1');
    assert.match(await carol.page.getByTestId('sign-in-error').textContent(), /username or password is not correct/);

    await page.getByRole('button', { name: 'Reactivate Carol Wu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reactivate' }).click();
    await page.getByTestId('user-row').getByText('Active', { exact: true }).waitFor();
    await page.getByLabel('Search users').fill('');
    await waitUntil('all users listed', async () => (await page.getByTestId('user-row').count()) >= 3);
    await shot(page, 'en-admin-users-desktop');
    await assertAccessible(page, 'admin users');
  });

  test('leaderboard ranks Bob by tasks', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Leaderboard' }).click();
    const first = page.getByTestId('leader-row').first();
    await first.waitFor();
    assert.match(await first.textContent(), /Bob Lin/);
    await page.getByText('Pages', { exact: true }).click();
    await page.waitForURL(/by=pages/);
    await shot(page, 'en-admin-leaderboard-desktop');
    await assertAccessible(page, 'leaderboard');
  });

  test('audit log with filters and CSV export', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByTestId('audit-row').first().waitFor();
    await page.goto(`${BASE}/admin/audit?event_type=login_failure&outcome=failure`);
    await page.getByTestId('audit-row').first().waitFor();
    const events = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.dataset.event));
    assert.ok(events.length >= 1 && events.every((e) => e === 'login_failure'), events.join(','));
    // Failed sign-ins are recorded under the attempted name; successful ones under the e-mail.
    await page.goto(`${BASE}/admin/audit?event_type=login_success`);
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByLabel('User e-mail').fill('bob@example.com');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/email=bob%40example\.com/);
    await waitUntil('only Bob’s sign-ins', async () => {
      const rows = await page.getByTestId('audit-row').evaluateAll((rs) => rs.map((r) => `${r.dataset.event} ${r.textContent}`));
      return rows.length >= 1 && rows.every((r) => r.startsWith('login_success') && r.includes('bob@example.com'));
    });
    await shot(page, 'en-admin-audit-desktop');
    await assertAccessible(page, 'audit log');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const target = path.join(DOWNLOADS, download.suggestedFilename());
    await download.saveAs(target);
    const csv = readFileSync(target, 'utf8').trim().split(/\r?\n/);
    assert.equal(csv[0], 'occurred_at,user_id,user_email,event_type,outcome,ip_address,user_agent,request_id,details');
    assert.ok(csv.length >= 2 && csv.slice(1).every((l) => l.includes('bob@example.com') && l.includes('login_success')), 'export follows the filters');
  });
});

describe('languages and screens', () => {
  const pages = [
    ['tasks', '/tasks', '任務紀錄'],
    ['upload', '/upload', '上傳文件'],
    ['sessions', '/sessions', '我的登入裝置'],
    ['admin-dashboard', '/admin', '總覽'],
    ['admin-users', '/admin/users', '使用者'],
    ['admin-leaderboard', '/admin/leaderboard', '排行榜'],
    ['admin-audit', '/admin/audit', '稽核紀錄'],
  ];

  test('switching to 繁體中文 translates the app and sets the page language', async () => {
    const { page } = await signedIn('alice', 'Alice-pw-1');
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '繁體中文' }).click();
    await page.getByRole('heading', { name: '任務紀錄', level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-TW');
    for (const [name, url, heading] of pages) {
      await page.goto(BASE + url);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await shot(page, `zh-TW-${name}-desktop`);
    }
    await assertAccessible(page, 'audit log in zh-TW');
    // The choice is remembered; switching back works the same way.
    await page.reload();
    await page.getByRole('heading', { name: '稽核紀錄', level: 1 }).waitFor();
    await page.getByRole('button', { name: '語言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
  });

  test('sign-in page in 繁體中文', async () => {
    const { page } = await device({ locale: 'zh-TW' });
    await page.goto(`${BASE}/sign-in`);
    await page.getByRole('button', { name: '登入', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-TW');
    await page.getByLabel('使用者名稱').waitFor();
    await shot(page, 'zh-TW-sign-in-desktop');
  });

  test('at 390 px every page fits without sideways scrolling and the menu opens', async () => {
    const { page } = await signedIn('bob', 'Bob-pw-1', { viewport: PHONE, isMobile: true });
    await page.goto(`${BASE}/tasks`);
    await taskRow(page, 'linn.png').waitFor();
    await assertNoSideScroll(page, 'tasks');
    await shot(page, 'en-tasks-phone');
    await assertAccessible(page, 'tasks on a phone');
    for (const [name, url] of [['upload', '/upload'], ['sessions', '/sessions']]) {
      await page.goto(BASE + url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await assertNoSideScroll(page, name);
      await shot(page, `en-${name}-phone`);
    }
    await page.goto(`${BASE}/tasks`);
    await page.getByRole('link', { name: 'linn.png', exact: true }).click();
    await page.getByRole('img', { name: 'Image of page 1' }).waitFor();
    await assertNoSideScroll(page, 'task detail');
    await shot(page, 'en-task-detail-phone');

    await page.getByRole('button', { name: 'Open or close the menu' }).click();
    await page.getByRole('link', { name: 'My sessions' }).first().click();
    await page.getByRole('heading', { name: 'My sessions', level: 1 }).waitFor();

    const admin = await signedIn('alice', 'Alice-pw-1', { viewport: PHONE, isMobile: true });
    for (const [name, url] of [['admin-dashboard', '/admin'], ['admin-users', '/admin/users'], ['admin-audit', '/admin/audit']]) {
      await admin.page.goto(BASE + url);
      await admin.page.getByRole('heading', { level: 1 }).waitFor();
      await assertNoSideScroll(admin.page, name);
      await shot(admin.page, `en-${name}-phone`);
    }
    const signin = await device({ viewport: PHONE, isMobile: true });
    await signin.page.goto(`${BASE}/sign-in`);
    await signin.page.getByLabel('Username').waitFor();
    await assertNoSideScroll(signin.page, 'sign-in');
    await shot(signin.page, 'en-sign-in-phone');
  });
});

describe('AD outage', () => {
  test('sign-in says the AD service is unavailable while signed-in users keep working', async () => {
    process.kill(-Number(process.env.E2E_DEV_AD_PID), 'SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    const { page } = await device();
    await signIn(page, 'carol', 'Carol-pw-1');
    const alert = page.getByTestId('sign-in-error');
    await alert.waitFor({ timeout: 60_000 });
    assert.match(await alert.textContent(), /sign-in service is not reachable/);
    await shot(page, 'en-sign-in-ad-unavailable');

    // Bob, signed in before the outage, keeps working: in the app (token in memory) and after a
    // reload (the refresh cookie is ours to check, AD is not asked).
    const where = async () => `Bob's page is at ${bob.page.url()}`;
    await bob.page.getByRole('link', { name: 'Task history' }).first().click();
    await taskRow(bob.page, 'linn.png').waitFor().catch(async (e) => assert.fail(`${await where()}: ${e.message}`));
    await bob.page.reload();
    await taskRow(bob.page, 'linn.png').waitFor().catch(async (e) => assert.fail(`after a reload ${await where()}: ${e.message}`));
  });
});

// A record of what ran, next to the screenshots, for people reviewing them.
after(() => writeFileSync(path.join(WORK, 'finished-at.txt'), new Date().toISOString()));

test('no page broke the Content-Security-Policy, which the server sends with the app', async () => {
  const response = await fetch(BASE + '/');
  assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  assert.deepEqual(cspViolations, []);
});
