// The incident web app against the real incident server and the dev-ad stand-in (started by
// run.mjs), in Debian's Chromium driven by playwright-core. Two people, each in a browser context
// of their own, talk to each other through the server. Tests run in order and build on each other,
// like a shift on the line: Alice opens the incident, Bob answers it.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const BASE = process.env.E2E_BASE_URL;
const SHOTS = path.join(process.env.E2E_WORK, 'screenshots');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

let browser;
const contexts = [];
const shots = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.E2E_CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  writeFileSync(path.join(SHOTS, 'index.txt'), shots.join('\n') + '\n');
});

async function device({ viewport = DESKTOP, locale = 'en-US', isMobile = false } = {}) {
  const context = await browser.newContext({ viewport, locale, isMobile, hasTouch: isMobile });
  context.setDefaultTimeout(20_000);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  return { context, page };
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
    await new Promise((r) => setTimeout(r, 300));
  }
  assert.fail(`timed out waiting for ${what} (last: ${last})`);
}

async function shot(page, name) {
  await waitUntil('loading to finish', async () => (await page.locator('.mantine-Loader-root:visible').count()) === 0, 15_000);
  for (const close of await page.locator('.mantine-Notification-closeButton:visible').all()) await close.click({ timeout: 2_000 }).catch(() => {});
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  shots.push(name);
}

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

async function signIn(page, username, password, labels = { user: 'Username', pass: 'Password', submit: 'Sign in' }) {
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel(labels.user).fill(username);
  await page.getByLabel(labels.pass).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.getByTestId('display-name').waitFor();
}

async function signedIn(username, password, options) {
  const d = await device(options);
  await signIn(d.page, username, password);
  return d;
}

/** A text field by its label (a required one's label ends in " *"). */
function field(scope, label) {
  return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
}

/** Picks an option of a Mantine Select by its label. */
async function choose(page, scope, label, option) {
  await field(scope, label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const messages = (page) => page.getByTestId('message');
const composer = (page) => page.getByTestId('composer');

async function say(page, text, shown = text) {
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await page.getByTestId('message').filter({ hasText: shown }).last().waitFor();
}

let alice;
let bob;
let roomUrl;

describe('an incident from report to resolution', () => {
  test('sign-in page in both languages, accessible', async () => {
    const { page } = await device();
    await page.goto(`${BASE}/rooms`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Username').waitFor();
    await shot(page, 'en-sign-in-desktop');
    await assertAccessible(page, 'sign-in');
    const zh = await device({ locale: 'zh-TW', viewport: PHONE, isMobile: true });
    await zh.page.goto(`${BASE}/sign-in`);
    await zh.page.getByLabel('使用者名稱').waitFor();
    assert.equal(await zh.page.evaluate(() => document.documentElement.lang), 'zh-TW');
    await shot(zh.page, 'zh-TW-sign-in-phone');
    await assertNoSideScroll(zh.page, 'sign-in on a phone');
  });

  test('alice (admin) keeps a template', async () => {
    alice = await signedIn('alice', 'Alice-pw-1');
    const { page } = alice;
    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New template' }).click();
    const form = page.getByRole('dialog');
    await field(form, 'Name').fill('Press hydraulic leak');
    await field(form, 'Title prefix').fill('[Press]');
    await field(form, 'Checklist').fill('Stop the press and lock it out\nPut absorbent on the floor\nCall maintenance');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByTestId('template-card').filter({ hasText: 'Press hydraulic leak' }).waitFor();
    await shot(page, 'en-templates-desktop');
    await assertAccessible(page, 'templates');
  });

  test('alice opens a room from the template and adds bob', async () => {
    const { page } = alice;
    await page.getByRole('link', { name: 'Incidents' }).click();
    await page.getByTestId('new-incident').click();
    const form = page.getByRole('dialog');
    await choose(page, form, 'Template', 'Press hydraulic leak');
    await field(form, 'Title').fill('Oil under press 4');
    await field(form, 'Line').fill('L2');
    await field(form, 'Equipment').fill('press-4');
    await field(form, 'Station').fill('ST-07');
    await shot(page, 'en-new-incident-desktop');
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    roomUrl = page.url();
    await page.getByRole('heading', { name: '[Press] Oil under press 4', level: 1 }).waitFor();
    // The template's checklist is the room's first message, and its side panel.
    await page.getByTestId('conversation').getByText('Stop the press and lock it out').waitFor();
    assert.equal(await page.getByTestId('room-status').first().textContent(), 'Open');
    await page.getByTestId('add-member-email').fill('bob@example.com');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByTestId('member').filter({ hasText: 'bob@example.com' }).waitFor();
  });

  test('bob sees it appear in his list and opens it', async () => {
    bob = await signedIn('bob', 'Bob-pw-1');
    const { page } = bob;
    const row = page.getByTestId('room-row').filter({ hasText: 'Oil under press 4' });
    await row.waitFor();
    await shot(page, 'en-rooms-desktop');
    await assertAccessible(page, 'room list');
    await row.click();
    await page.waitForURL(roomUrl);
    await composer(page).waitFor();
  });

  test('carol reports the same leak, is warned of the duplicate and joins the existing room', async () => {
    const { page } = await signedIn('carol', 'Carol-pw-1');
    await page.getByTestId('new-incident').click();
    const form = page.getByRole('dialog');
    await field(form, 'Title').fill('Press 4 leaking');
    await field(form, 'Line').fill('L2');
    await field(form, 'Equipment').fill('press-4');
    await choose(page, form, 'Category', 'Machine down');
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.getByTestId('duplicate-warning').getByText('[Press] Oil under press 4').waitFor();
    await shot(page, 'en-duplicate-warning-desktop');
    await page.getByRole('button', { name: 'Join the existing incident' }).click();
    await page.waitForURL(roomUrl);
    await composer(page).waitFor();
    await alice.page.getByTestId('member').filter({ hasText: 'carol@example.com' }).waitFor();
  });

  test('they talk: typing, messages, a reaction, a reply and an edit reach the other side', async () => {
    const a = alice.page;
    const b = bob.page;
    await composer(b).pressSequentially('On my way', { delay: 30 });
    await a.getByTestId('typing').getByText('Bob Lin is typing…').waitFor();
    await composer(b).press('Enter');
    await a.getByTestId('message').filter({ hasText: 'On my way' }).waitFor();
    await waitUntil('the typing line to clear', async () => ((await a.getByTestId('typing').textContent()) ?? '').trim() === '');

    // @ offers the members; Enter takes the highlighted one, the next Enter sends.
    await composer(a).fill('The **seal** on `P4` looks torn, see @Bo');
    await a.getByRole('option', { name: /Bob Lin/ }).waitFor();
    await shot(a, 'en-mention-autocomplete-desktop');
    await composer(a).press('Enter');
    assert.equal(await composer(a).inputValue(), 'The **seal** on `P4` looks torn, see @Bob Lin ');
    await composer(a).press('Enter');
    const aliceMsg = b.getByTestId('message').filter({ hasText: 'looks torn' });
    await aliceMsg.waitFor();
    await aliceMsg.locator('mark.mention-me').filter({ hasText: '@Bob Lin' }).waitFor();
    // The mention is in bob's inbox once (the live frame and the server's copy merged), read
    // already: he is in the room.
    await b.getByTestId('notifications').click();
    const mentioned = b.getByTestId('notification').filter({ hasText: 'You were mentioned' });
    await mentioned.getByText('L2 · [Press] Oil under press 4').waitFor();
    assert.equal(await mentioned.count(), 1);
    await b.getByRole('button', { name: 'Notifications, 0 new' }).waitFor();
    await shot(b, 'en-notifications-desktop');
    await b.keyboard.press('Escape');
    assert.equal(await aliceMsg.locator('strong').textContent(), 'seal');
    assert.equal(await aliceMsg.locator('code').textContent(), 'P4');

    // Bob reacts with a thumbs-up; Alice sees the count.
    await aliceMsg.hover();
    await aliceMsg.getByRole('button', { name: 'Add a reaction' }).click();
    await b.getByRole('button', { name: '👍', exact: true }).click();
    await a.getByTestId('message').filter({ hasText: 'looks torn' }).getByTestId('reaction').filter({ hasText: '👍 1' }).waitFor();

    // Bob replies with a quote.
    await aliceMsg.getByRole('button', { name: 'Reply' }).click();
    await b.getByTestId('reply-bar').waitFor();
    await say(b, 'Replacing it now');
    const reply = a.getByTestId('message').filter({ hasText: 'Replacing it now' });
    await reply.getByTestId('reply-quote').filter({ hasText: 'looks torn' }).waitFor();

    // Alice edits her message; Bob sees the new text, marked as edited.
    const mine = a.getByRole('article', { name: 'Message from Alice Chen' }).filter({ hasText: 'looks torn' });
    await mine.hover();
    await mine.getByRole('button', { name: 'More actions' }).click();
    await a.getByRole('menuitem', { name: 'Edit' }).click();
    await a.getByLabel('Edit the message').fill('The **seal** on `P4` is torn and leaking');
    await a.getByLabel('Edit the message').press('Enter');
    await b.getByRole('article', { name: 'Message from Alice Chen' }).filter({ hasText: 'torn and leaking' }).getByTestId('edited').waitFor();
    await shot(a, 'en-room-desktop');
    await assertAccessible(a, 'room');
  });

  test('bob drops a photo on the room; alice sees the thumbnail and opens the viewer', async () => {
    const b = bob.page;
    const files = await b.evaluateHandle(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext('2d');
      g.fillStyle = '#5c5f66';
      g.fillRect(0, 0, 640, 480);
      g.fillStyle = '#1c1c1c';
      g.beginPath();
      g.ellipse(320, 330, 180, 60, 0, 0, 2 * Math.PI);
      g.fill();
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'leak.jpg', { type: 'image/jpeg' }));
      return transfer;
    });
    await b.getByTestId('room').dispatchEvent('dragover', { dataTransfer: files });
    await b.getByTestId('room').dispatchEvent('drop', { dataTransfer: files });
    await b.getByTestId('upload-queue').locator('[data-state="done"]').waitFor();
    await shot(b, 'en-room-upload-desktop');
    await composer(b).fill('Photo of the puddle');
    await composer(b).press('Enter');
    const withPhoto = alice.page.getByTestId('message').filter({ hasText: 'Photo of the puddle' });
    await withPhoto.getByTestId('thumbnail').locator('img').waitFor();
    await withPhoto.getByTestId('thumbnail').click();
    const viewer = alice.page.getByRole('dialog', { name: 'leak.jpg' });
    await viewer.locator('img[alt="leak.jpg"]').waitFor();
    const width = await viewer.locator('img[alt="leak.jpg"]').evaluate((img) => img.naturalWidth);
    assert.equal(width, 640);
    await shot(alice.page, 'en-image-viewer-desktop');
    await alice.page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
  });

  test('alice acknowledges, starts and resolves with a resolution; bob sees each step', async () => {
    const a = alice.page;
    await a.getByTestId('action-acknowledge').click();
    await bob.page.getByTestId('room-status').filter({ hasText: 'Acknowledged' }).first().waitFor();
    await a.getByTestId('timer-acknowledged').waitFor();
    await a.getByTestId('action-start').click();
    await a.getByTestId('room-status').filter({ hasText: 'In progress' }).first().waitFor();
    await bob.page.getByTestId('room-status').filter({ hasText: 'In progress' }).first().waitFor();
    await a.getByTestId('action-resolve').click();
    await a.getByLabel('Resolution').fill('Seal replaced; floor cleaned.');
    await shot(a, 'en-resolve-dialog-desktop');
    await a.getByRole('dialog').getByRole('button', { name: 'Resolve' }).click();
    await bob.page.getByTestId('room-status').filter({ hasText: 'Resolved' }).first().waitFor();
    await bob.page.getByTestId('resolution').filter({ hasText: 'Seal replaced' }).waitFor();
  });

  test('the dashboard counts the resolved incident', async () => {
    const a = alice.page;
    await a.getByRole('link', { name: 'Dashboard' }).click();
    await a.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await waitUntil('the resolved count', async () => (await a.getByTestId('stat-resolved').textContent()) === '1');
    assert.equal(await a.getByTestId('stat-total').textContent(), '1');
    await a.getByTestId('times-per-line').getByText('L2', { exact: true }).waitFor();
    await a.getByTestId('times-per-category').getByText('Machine down', { exact: true }).waitFor();
    await shot(a, 'en-dashboard-desktop');
    await a.getByRole('tab', { name: 'Tables' }).click();
    await a.getByRole('table', { name: 'Per line' }).getByRole('cell', { name: 'L2', exact: true }).waitFor();
    await assertAccessible(a, 'dashboard tables');
    await a.goto(roomUrl);
  });

  test('bob is offline for 10 s while alice sends 20 messages; all 20 arrive, in order, once', async () => {
    const b = bob.page;
    const sent = [];
    await bob.context.setOffline(true);
    try {
      await b.getByTestId('reconnecting').waitFor();
      const offlineSince = Date.now();
      for (let i = 1; i <= 20; i++) {
        const text = `burst ${String(i).padStart(2, '0')}`;
        sent.push(text);
        await composer(alice.page).fill(text);
        await composer(alice.page).press('Enter');
        await alice.page.getByTestId('message').filter({ hasText: text }).waitFor();
      }
      await b.waitForTimeout(Math.max(0, 10_000 - (Date.now() - offlineSince)));
      await shot(b, 'en-room-reconnecting-desktop');
    } finally {
      // A failure above must not leave bob offline for the tests after this one.
      await bob.context.setOffline(false);
    }
    await b.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: 40_000 });
    const seen = await waitUntil('the burst to arrive', async () => {
      const texts = (await b.getByTestId('message').allTextContents()).map((t) => /burst \d\d/.exec(t)?.[0]).filter(Boolean);
      return texts.length >= 20 ? texts : null;
    });
    assert.deepEqual(seen, sent);
    const seqs = await b.getByTestId('conversation').locator('[data-seq]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));
    assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y), 'messages in seq order');
    assert.equal(new Set(seqs).size, seqs.length, 'no message twice');
  });

  test('a non-member of a restricted room gets the not-found page', async () => {
    const a = alice.page;
    await a.goto(`${BASE}/rooms`);
    await a.getByTestId('new-incident').click();
    const form = a.getByRole('dialog');
    await field(form, 'Title').fill('Chemical smell near oven 2');
    await field(form, 'Line').fill('L5');
    await choose(a, form, 'Who can see it', 'Members only');
    await a.getByRole('button', { name: 'Open incident' }).click();
    await a.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    const restricted = a.url();
    await bob.page.goto(restricted);
    await bob.page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor();
    assert.equal(await bob.page.getByTestId('composer').count(), 0);
    await shot(bob.page, 'en-not-found-desktop');
  });
});

describe('二人協作 — the key two-browser steps in 繁體中文, one of them on a phone', () => {
  const ZH = { user: '使用者名稱', pass: '密碼', submit: '登入' };
  let mei;
  let wei;
  let zhRoomUrl;

  test('wei (phone) is told at once that mei added him, and the notice survives a reload', async () => {
    wei = await device({ viewport: PHONE, isMobile: true, locale: 'zh-TW' });
    await signIn(wei.page, 'wei', 'Wei-pw-1', ZH);
    await wei.page.getByRole('heading', { name: '異常事件', level: 1 }).waitFor();
    await wei.page.getByRole('button', { name: '通知，0 則新通知' }).waitFor();

    mei = await device({ locale: 'zh-TW' });
    await signIn(mei.page, 'mei', 'Mei-pw-1', ZH);
    await mei.page.getByTestId('new-incident').click();
    const form = mei.page.getByRole('dialog');
    await field(form, '標題').fill('烤箱 3 溫度過高');
    await field(form, '產線').fill('L7');
    await field(form, '設備').fill('oven-3');
    await mei.page.getByRole('button', { name: '建立事件' }).click();
    await mei.page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    zhRoomUrl = mei.page.url();
    await mei.page.getByTestId('add-member-email').fill('wei@example.com');
    await mei.page.getByRole('button', { name: '加入', exact: true }).click();
    await mei.page.getByTestId('member').filter({ hasText: '陳志偉' }).waitFor();

    // Live: the bell counts it and the list shows the room.
    await wei.page.getByRole('button', { name: '通知，1 則新通知' }).waitFor();
    await wei.page.getByTestId('room-row').filter({ hasText: '烤箱 3 溫度過高' }).waitFor();
    // From the server: a reload keeps it.
    await wei.page.reload();
    await wei.page.getByRole('button', { name: '通知，1 則新通知' }).waitFor();
    await wei.page.getByTestId('notifications').click();
    const notice = wei.page.getByTestId('notification').filter({ hasText: '您被加入一個事件' });
    await notice.getByText('L7 · 烤箱 3 溫度過高').waitFor();
    await shot(wei.page, 'zh-TW-notifications-phone');
    await assertAccessible(wei.page, 'notifications zh-TW phone');
    await notice.click();
    await wei.page.waitForURL(zhRoomUrl);
    await composer(wei.page).waitFor();
    await wei.page.getByRole('button', { name: '通知，0 則新通知' }).waitFor();
  });

  test('they talk: typing and a message one way, a reaction the other way', async () => {
    const m = mei.page;
    const w = wei.page;
    await composer(w).pressSequentially('馬上到', { delay: 40 });
    await m.getByTestId('typing').getByText('陳志偉 正在輸入…').waitFor();
    await composer(w).press('Enter');
    const fromWei = m.getByTestId('message').filter({ hasText: '馬上到' });
    await fromWei.waitFor();
    await fromWei.hover();
    await fromWei.getByRole('button', { name: '加入回應' }).click();
    await m.getByRole('button', { name: '👍', exact: true }).click();
    await w.getByTestId('message').filter({ hasText: '馬上到' }).getByTestId('reaction').filter({ hasText: '👍 1' }).waitFor();
    await say(m, '請先確認**溫控器**設定', '請先確認溫控器設定');
    await w.getByTestId('message').filter({ hasText: '溫控器' }).locator('strong').waitFor();
    await assertNoSideScroll(w, 'room zh-TW phone, two people');
    await shot(w, 'zh-TW-room-talk-phone');
  });

  test('mei acknowledges and resolves with a resolution; wei sees each step', async () => {
    const m = mei.page;
    await m.getByTestId('action-acknowledge').click();
    await wei.page.getByTestId('room-status').filter({ hasText: '已確認' }).first().waitFor();
    await m.getByTestId('action-start').click();
    await wei.page.getByTestId('room-status').filter({ hasText: '處理中' }).first().waitFor();
    await m.getByTestId('action-resolve').click();
    await m.getByLabel('處理結果').fill('更換溫度感測器，爐溫恢復正常。');
    await m.getByRole('dialog').getByRole('button', { name: '解決' }).click();
    await wei.page.getByTestId('room-status').filter({ hasText: '已解決' }).first().waitFor();
    await wei.page.getByTestId('resolution').filter({ hasText: '更換溫度感測器' }).waitFor();
    await shot(m, 'zh-TW-room-resolved-desktop');
    await assertAccessible(m, 'room zh-TW resolved');
    // Read on the server too: after a reload the notice is there, and not new.
    await wei.page.reload();
    await composer(wei.page).waitFor();
    await wei.page.getByTestId('notifications').click();
    await wei.page.getByTestId('notification').filter({ hasText: '您被加入一個事件' }).waitFor();
    assert.equal(await wei.page.getByRole('button', { name: '通知，0 則新通知' }).count(), 1);
    await wei.page.keyboard.press('Escape');
  });
});

describe('phones, and every page in both languages at both sizes', () => {
  test('the room list, the room with its drawer, and my sessions fit 390 px without sideways scrolling', async () => {
    const { page } = await device({ viewport: PHONE, isMobile: true, locale: 'zh-TW' });
    await signIn(page, 'bob', 'Bob-pw-1', { user: '使用者名稱', pass: '密碼', submit: '登入' });
    await page.getByRole('heading', { name: '異常事件', level: 1 }).waitFor();
    await page.goto(`${BASE}/rooms?status=all`);
    await page.getByTestId('room-row').first().waitFor();
    await assertNoSideScroll(page, 'room list');
    await shot(page, 'zh-TW-rooms-phone');
    await assertAccessible(page, 'room list zh-TW phone');
    // The filters fold away on a phone; opening them changes nothing in the address.
    const before = page.url();
    assert.equal(await page.getByRole('group', { name: '狀態' }).isVisible(), false);
    await page.getByTestId('filters-toggle').click();
    await page.getByRole('group', { name: '狀態' }).waitFor();
    assert.equal(page.url(), before);
    await assertNoSideScroll(page, 'room list with the filters open');
    await shot(page, 'zh-TW-rooms-filters-phone');
    await assertAccessible(page, 'room list filters zh-TW phone');
    await page.getByTestId('filters-toggle').click();
    await page.getByRole('group', { name: '狀態' }).waitFor({ state: 'hidden' });
    await page.goto(roomUrl);
    await page.getByTestId('message').filter({ hasText: 'burst 20' }).waitFor();
    await assertNoSideScroll(page, 'room');
    await shot(page, 'zh-TW-room-phone');
    await assertAccessible(page, 'room zh-TW phone');
    await page.getByRole('button', { name: '成員、釘選與設定' }).click();
    await page.getByRole('dialog').getByTestId('members-panel').waitFor();
    await shot(page, 'zh-TW-room-drawer-phone');
    await page.keyboard.press('Escape');
    await page.goto(`${BASE}/sessions`);
    await page.getByRole('heading', { name: '我的登入裝置', level: 1 }).waitFor();
    await assertNoSideScroll(page, 'sessions');
    await shot(page, 'zh-TW-sessions-phone');
  });

  test('every page in both languages at both sizes: screenshots, accessible, no sideways scrolling', async () => {
    const zhLabels = { user: '使用者名稱', pass: '密碼', submit: '登入' };
    const pages = [
      ['rooms', '/rooms?status=all'],
      ['room', new URL(roomUrl).pathname],
      ['templates', '/templates'],
      ['dashboard', '/dashboard'],
      ['sessions', '/sessions'],
      ['not-found', '/no-such-page'],
    ];
    for (const [lang, locale] of [['en', 'en-US'], ['zh-TW', 'zh-TW']]) {
      for (const size of ['desktop', 'phone']) {
        const phone = size === 'phone';
        const { page } = await device({ locale, ...(phone ? { viewport: PHONE, isMobile: true } : {}) });
        const visit = async (name) => {
          const label = `${name}, ${lang}, ${size}`;
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.waitForTimeout(500);
          if (phone) await assertNoSideScroll(page, label);
          // Pages shot earlier in a state of the story keep that picture.
          if (!shots.includes(`${lang}-${name}-${size}`)) await shot(page, `${lang}-${name}-${size}`);
          await assertAccessible(page, label);
        };
        await page.goto(`${BASE}/sign-in`);
        await visit('sign-in');
        await signIn(page, 'alice', 'Alice-pw-1', lang === 'en' ? undefined : zhLabels);
        for (const [name, url] of pages) {
          await page.goto(BASE + url);
          await visit(name);
        }
      }
    }
    const missing = [];
    for (const lang of ['en', 'zh-TW']) {
      for (const size of ['desktop', 'phone']) {
        for (const name of ['sign-in', ...pages.map(([n]) => n)]) {
          if (!shots.includes(`${lang}-${name}-${size}`)) missing.push(`${lang}-${name}-${size}`);
        }
      }
    }
    assert.deepEqual(missing, [], 'every page has a screenshot in both languages at both sizes');
  });
});
