// End-to-end: the tickets workflow of a supervisor in the demo workspace, through the real app and
// the sandbox running inside it: the board loads, a ticket opens (its panel widened), a reply goes out with an
// attachment delivered through the same path a drop on the window uses and saved back to disk
// through the native save dialog, a drag changes a status at the vendor, a filter is saved as a
// view, a ticket is created, the list shows every ticket, and two selected tickets get a new
// priority in one bulk change, sorting by priority puts the most urgent of both vendors first, and
// the list is exported to a CSV file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chooseSegment, invoke, launchApp, screenshot, syncDemo } from './session.mjs';

/** Delivers files as Tauri's own drop event, exactly what the window receives when files are dropped. */
async function dropFiles(browser, paths) {
  await invoke(browser, 'plugin:event|emit_to', {
    target: { kind: 'Webview', label: 'main' },
    event: 'tauri://drag-drop',
    payload: { paths, position: { x: 600, y: 400 } },
  });
}

/**
 * Answers the native (GTK) save dialog whose title matches `titlePattern` (a regular expression)
 * with `path`, as a user typing it would: WebDriver cannot reach native dialogs, so xdotool
 * focuses the dialog and types.
 */
async function answerSaveDialog(titlePattern, path) {
  const xdotool = (...args) => execFileSync('xdotool', args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  let dialog = '';
  for (let attempt = 0; attempt < 100 && !dialog; attempt += 1) {
    try {
      dialog = xdotool('search', '--name', titlePattern).split('\n')[0] ?? '';
    } catch {
      await sleep(200); // xdotool exits non-zero while no window matches
    }
  }
  assert.ok(dialog, `no save dialog titled like ${titlePattern} appeared`);
  xdotool('windowfocus', '--sync', dialog);
  xdotool('key', 'ctrl+a');
  xdotool('type', '--delay', '20', path);
  await sleep(300);
  xdotool('key', 'Return');
}

/** Picks the first enabled option of the Mantine Select with this test id. */
async function chooseFirstOption(browser, testId) {
  const input = await browser.$(`[data-testid="${testId}"]`);
  await input.click();
  let listbox = null;
  await browser.waitUntil(async () => (listbox = await input.getAttribute('aria-controls')) !== null, {
    timeout: 10_000,
    timeoutMsg: `${testId} did not open its options`,
  });
  const option = await browser.$(`[id="${listbox}"] [role="option"]:not([data-combobox-disabled])`);
  await option.waitForDisplayed({ timeout: 10_000 });
  await option.click();
}

/** Drags an element onto another with the pointer (dnd-kit starts after 6 px of movement). */
async function dragOnto(browser, source, target) {
  const from = await source.getLocation();
  const size = await source.getSize();
  const to = await target.getLocation();
  const start = { x: Math.round(from.x + size.width / 2), y: Math.round(from.y + 20) };
  const end = { x: Math.round(to.x + 120), y: Math.round(to.y + 120) };
  const steps = [];
  for (let i = 1; i <= 12; i += 1) {
    steps.push({ type: 'pointerMove', duration: 30, x: Math.round(start.x + ((end.x - start.x) * i) / 12), y: Math.round(start.y + ((end.y - start.y) * i) / 12) });
  }
  await browser.performActions([
    {
      type: 'pointer',
      id: 'mouse',
      parameters: { pointerType: 'mouse' },
      actions: [
        { type: 'pointerMove', duration: 0, x: start.x, y: start.y },
        { type: 'pointerDown', button: 0 },
        { type: 'pause', duration: 150 },
        ...steps,
        { type: 'pause', duration: 150 },
        { type: 'pointerUp', button: 0 },
      ],
    },
  ]);
  await browser.releaseActions();
}

test('a supervisor works the demo tickets: board, detail widened, reply with a dropped file saved back to disk, drag, saved view, new ticket, list, bulk change, sort by priority, export', async () => {
  const browser = await launchApp(['--demo', '--e2e-synthetic-drops']);
  try {
    await syncDemo(browser);

    // The board: one column per Sobot status, with cards.
    const firstCard = await browser.$('[data-testid="board-column-1"] [data-testid^="ticket-card-"]');
    await firstCard.waitForDisplayed({ timeout: 30_000 });
    await screenshot(browser, '10-tickets-board');

    // A ticket opens in the side panel, read fresh from the vendor.
    const openedKey = (await firstCard.getAttribute('data-testid')).replace('ticket-card-', '');
    await firstCard.click();
    await browser.$('[data-testid="ticket-detail-number"]').waitForDisplayed({ timeout: 30_000 });
    await browser.$('[data-testid="ticket-conversation"]').waitForDisplayed({ timeout: 30_000 });

    // Choose the agent the supervisor acts as (asked once per connection).
    await browser.$('[data-testid="ticket-actions"]').click();
    await browser.$('[data-testid="action-acting-agent"]').click();
    await browser.$('[data-testid="acting-agent-modal"]').waitForDisplayed({ timeout: 10_000 });
    await chooseFirstOption(browser, 'acting-agent-select');
    await browser.$('[data-testid="acting-agent-confirm"]').click();
    await browser.$('[data-testid="acting-agent-confirm"]').waitForExist({ reverse: true, timeout: 10_000 });

    // The panel widens from its left edge (here with the keyboard: 6 steps of 24 px), and the
    // width is remembered for the tickets opened after it.
    const panelWidth = () =>
      browser.execute(() => document.querySelector('[data-testid="ticket-detail-panel"]').getBoundingClientRect().width);
    const narrow = await panelWidth();
    await browser.execute(() => document.querySelector('[data-testid="ticket-detail-resize"]').focus());
    for (let step = 0; step < 6; step += 1) await browser.keys('ArrowLeft');
    const wide = await panelWidth();
    assert.ok(Math.abs(wide - (narrow + 144)) <= 2, `the panel widened from ${narrow} px by 144 px, to ${wide} px`);
    const remembered = await browser.execute(() => localStorage.getItem('switchboard.tickets.detailWidth'));
    assert.equal(Number(remembered), Math.round(wide));
    await screenshot(browser, '11-ticket-detail');

    // A file dropped on the window is checked and uploaded by Rust from its path, then sent.
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
    const file = join(dir, '退款凭证.png');
    writeFileSync(file, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    await dropFiles(browser, [file]);
    const uploaded = await browser.$('[data-testid="attachment-item"][data-state="uploaded"]');
    await uploaded.waitForDisplayed({ timeout: 30_000 });
    const uploadedName = await browser.execute(
      (item) => item.querySelector('[data-testid="attachment-name"]')?.textContent,
      uploaded,
    );
    assert.equal(uploadedName, '退款凭证.png');
    const replyText = `Refund approved, receipt attached (e2e ${Date.now()})`;
    await browser.$('[data-testid="reply-text"]').setValue(replyText);
    await screenshot(browser, '12-reply-with-attachment');
    await browser.$('[data-testid="reply-send"]').click();
    await browser.waitUntil(
      async () => (await browser.$('[data-testid="ticket-conversation"]').getText()).includes(replyText),
      { timeout: 30_000, timeoutMsg: 'the reply did not appear in the conversation' },
    );
    const conversation = await browser.execute(() => document.querySelector('[data-testid="ticket-conversation"]')?.textContent ?? '');
    assert.ok(conversation.includes('退款凭证.png'), `the reply lists its attachment: ${conversation.slice(-400)}`);
    await screenshot(browser, '13-reply-sent');

    // The attachment just sent is saved back to disk through the native save dialog; the file
    // written is the file that was dropped.
    const saveButtons = await browser.$$('[data-testid="ticket-reply"] [data-testid="ticket-attachment-save"]');
    const saveSent = saveButtons[saveButtons.length - 1];
    assert.equal(await saveSent.getAttribute('aria-label'), 'Save 退款凭证.png');
    await saveSent.click();
    const savedCopy = join(dir, 'saved-receipt.png');
    await answerSaveDialog('^Save attachment$', savedCopy);
    let savedNote = '';
    await browser.waitUntil(
      async () => {
        savedNote = await browser.execute(
          () => document.querySelector('[data-testid="save-attachment-done"]')?.textContent ?? '',
        );
        return savedNote.includes('saved-receipt.png');
      },
      { timeout: 30_000, timeoutMsg: `no "saved" notification naming the file: "${savedNote}"` },
    );
    assert.ok(existsSync(savedCopy), 'the file was written where the dialog said');
    assert.deepEqual(readFileSync(savedCopy), readFileSync(file));
    await screenshot(browser, '13b-attachment-saved');
    await browser.$('[data-testid="ticket-detail-close"]').click();

    // Dragging a card to another column changes the status at the vendor.
    const card = await browser.$('[data-testid="board-column-0"] [data-testid^="ticket-card-"]');
    await card.waitForDisplayed({ timeout: 10_000 });
    const key = (await card.getAttribute('data-testid')).replace('ticket-card-', '');
    const ticketId = key.slice(key.indexOf(':') + 1);
    await dragOnto(browser, card, await browser.$('[data-testid="board-column-2"]'));
    await browser.waitUntil(
      async () => {
        const page = await invoke(browser, 'list_tickets', {
          profileId: 'demo',
          request: { filter: { connectionIds: ['sobot'], text: null }, sort: 'updatedAt', ascending: false, offset: 0, limit: 50 },
        });
        return page.rows.some((row) => row.ticketId === ticketId && row.statusCode === '2');
      },
      { timeout: 30_000, interval: 500, timeoutMsg: `ticket ${ticketId} did not move to status 2` },
    );
    await browser.$(`[data-testid="board-column-2"] [data-testid="ticket-card-${key}"]`).waitForDisplayed({ timeout: 15_000 });
    assert.notEqual(key, openedKey);
    await screenshot(browser, '14-board-after-drag');

    // A filter saved as a named view.
    await browser.$('[data-testid="ticket-search"]').setValue('退款');
    await sleep(800);
    await browser.$('[data-testid="saved-views-button"]').click();
    await browser.$('[data-testid="save-view-name"]').setValue('Refunds 退款');
    await browser.$('[data-testid="save-view-submit"]').click();
    let views = [];
    await browser.waitUntil(async () => (views = await invoke(browser, 'list_saved_views', { profileId: 'demo' })).length === 1, {
      timeout: 10_000,
      timeoutMsg: 'the view was not saved',
    });
    assert.deepEqual(
      views.map((view) => [view.name, view.filter.text]),
      [['Refunds 退款', '退款']],
    );
    const listed = await browser.$(`[data-testid="view-row-${views[0].id}"]`);
    if (!(await listed.isExisting())) await browser.$('[data-testid="saved-views-button"]').click();
    await listed.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the saved view is not listed' });
    assert.ok((await browser.execute((row) => row.textContent, listed)).includes('Refunds 退款'));
    await screenshot(browser, '15-saved-view');
    await browser.keys('Escape');
    await browser.$('[data-testid="filter-clear"]').click();

    // A new ticket, created as an agent in a leaf category.
    await browser.$('[data-testid="tickets-new"]').click();
    await browser.$('[data-testid="create-ticket-modal"]').waitForDisplayed({ timeout: 10_000 });
    const title = `Printer on fire 打印机冒烟 ${Date.now()}`;
    await browser.$('[data-testid="create-title"]').setValue(title);
    await browser.$('[data-testid="create-content"]').setValue('The office printer smokes after every job.');
    // The category tree: expanded as needed, only a leaf can be chosen.
    const catalogs = await invoke(browser, 'ticket_catalogs', { profileId: 'demo' });
    const categories = catalogs.find((catalog) => catalog.connectionId === 'sobot').categories;
    // A leaf whose template asks for no required field, so the form needs nothing else.
    let leaf = null;
    for (const item of categories.filter((c) => c.leaf && !c.deleted && c.parent !== null)) {
      const fields = await invoke(browser, 'ticket_form_fields', { profileId: 'demo', connectionId: 'sobot', categoryOrTemplate: item.code });
      if (!fields.some((field) => field.required)) {
        leaf = item;
        break;
      }
    }
    assert.ok(leaf, 'the demo has a category without required fields');
    const parent = categories.find((item) => item.code === leaf.parent);
    await browser.$('[data-testid="create-category"]').click();
    const node = (label) => browser.$(`//*[normalize-space(text())="${label}"]`);
    if (!(await (await node(leaf.name)).isDisplayed())) await (await node(parent.name)).click();
    await (await node(leaf.name)).click();
    await screenshot(browser, '16-create-ticket');
    await browser.$('[data-testid="create-submit"]').click();
    await browser.$('[data-testid="create-submit"]').waitForExist({ reverse: true, timeout: 30_000 });
    await browser.waitUntil(async () => (await browser.$('[data-testid="ticket-detail-title"]').getText()).includes(title), {
      timeout: 30_000,
      timeoutMsg: 'the created ticket did not open',
    });
    await screenshot(browser, '17-ticket-created');
    await browser.$('[data-testid="ticket-detail-close"]').click();

    // The list shows every cached ticket (Sobot and Udesk), virtualized.
    await chooseSegment(browser, 'tickets-mode', 'list');
    await browser.$('[data-testid^="ticket-row-"]').waitForDisplayed({ timeout: 30_000 });
    const total = await browser.$('[data-testid="ticket-list-total"]').getText();
    assert.ok(Number(total.replace(/\D/g, '')) > 5_900, `about 6,000 tickets listed, got "${total}"`);
    await screenshot(browser, '18-ticket-list');

    // Two Sobot tickets selected in the list get one priority in a bulk change, written at the
    // vendor one at a time.
    const checks = await browser.$$('[data-testid^="ticket-row-check-sobot:"]');
    assert.ok(checks.length >= 2, 'Sobot rows are listed');
    const bulkIds = [];
    for (const check of checks.slice(0, 2)) {
      const key = (await check.getAttribute('data-testid')).replace('ticket-row-check-', '');
      bulkIds.push(key.slice(key.indexOf(':') + 1));
      await check.click();
    }
    await browser.$('[data-testid="bulk-actions"]').click();
    await browser.$('[data-testid="bulk-action-priority"]').click();
    await browser.$('[data-testid="bulk-value"]').waitForDisplayed({ timeout: 10_000 });
    await chooseFirstOption(browser, 'bulk-value');
    const chosenLabel = await browser.$('[data-testid="bulk-value"]').getValue();
    const sobotCatalog = (await invoke(browser, 'ticket_catalogs', { profileId: 'demo' })).find(
      (catalog) => catalog.connectionId === 'sobot',
    );
    const chosen = sobotCatalog.priorities.find((p) => [p.name, p.nameEn, p.nameZh].includes(chosenLabel));
    assert.ok(chosen, `the priority "${chosenLabel}" is one of the connection's`);
    await browser.$('[data-testid="bulk-apply"]').click();
    await browser.waitUntil(
      async () => (await browser.$('[data-testid="bulk-summary"]').isExisting()) && (await browser.$('[data-testid="bulk-summary"]').getText()) === '2 changed',
      { timeout: 60_000, interval: 250, timeoutMsg: 'the bulk change did not report "2 changed"' },
    );
    await screenshot(browser, '18b-bulk-priority');
    const afterBulk = await invoke(browser, 'list_tickets', {
      profileId: 'demo',
      request: { filter: { connectionIds: ['sobot'], text: null }, sort: 'updatedAt', ascending: false, offset: 0, limit: 50 },
    });
    for (const id of bulkIds) {
      const row = afterBulk.rows.find((r) => r.ticketId === id);
      assert.equal(row?.priorityCode, chosen.code, `ticket ${id} has the new priority`);
    }
    await browser.$('[data-testid="bulk-close"]').click();

    // Sorting by priority puts the most urgent tickets of both vendors first (Sobot's codes run
    // low to urgent, Udesk's urgent to low).
    await browser.$('[data-testid="bulk-close"]').waitForExist({ reverse: true, timeout: 10_000 });
    await browser.$('[data-testid="list-sort-priority"]').click();
    let firstRows = [];
    await browser.waitUntil(
      async () => {
        firstRows = await browser.execute(() =>
          [...document.querySelectorAll('[data-testid^="ticket-row-"][data-index]')]
            .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
            .slice(0, 12)
            .map((row) => ({
              connection: row.dataset.testid.replace('ticket-row-', '').split(':')[0],
              priority: row.querySelectorAll('[role="cell"]')[4]?.textContent ?? '',
            })),
        );
        return firstRows.length === 12 && firstRows.every((row) => row.priority === 'Urgent');
      },
      { timeout: 30_000, interval: 250, timeoutMsg: `the first rows are not all urgent: ${JSON.stringify(firstRows)}` },
    );
    await screenshot(browser, '18c-list-by-priority');
    const urgentUdesk = await invoke(browser, 'list_tickets', {
      profileId: 'demo',
      request: { filter: { connectionIds: ['udesk'], text: null }, sort: 'priority', ascending: false, offset: 0, limit: 5 },
    });
    assert.deepEqual(
      urgentUdesk.rows.map((row) => row.priorityCode),
      ['1', '1', '1', '1', '1'],
      'Udesk sorted by priority starts with its urgent code, 1',
    );

    // The list as shown (sorted by priority, default columns) is exported to a CSV file through
    // the native save dialog: every ticket once, names instead of codes, readable by Excel.
    await browser.$('[data-testid="list-export"]').click();
    const exportDir = mkdtempSync(join(tmpdir(), 'switchboard-export-'));
    const exportPath = join(exportDir, 'tickets-export.csv'); // xdotool types no Chinese
    await answerSaveDialog('^Export tickets$', exportPath);
    let exportNote = '';
    await browser.waitUntil(
      async () => {
        exportNote = await browser.execute(() => document.querySelector('[data-testid="list-export-done"]')?.textContent ?? '');
        return exportNote.includes('tickets-export.csv');
      },
      { timeout: 60_000, timeoutMsg: `no "exported" notification naming the file: "${exportNote}"` },
    );
    const csv = readFileSync(exportPath, 'utf8');
    assert.ok(csv.startsWith('\ufeff'), 'a byte-order mark for Excel');
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(lines[0], 'Number,Title,Status,Priority,Assignee,Customer,Updated');
    const listedTotal = Number((await browser.$('[data-testid="ticket-list-total"]').getText()).replace(/\D/g, ''));
    assert.equal(lines.length, listedTotal + 1, 'a header and one line per listed ticket');
    assert.ok(exportNote.includes(`${listedTotal.toLocaleString('en')} tickets written`), exportNote);
    assert.equal(lines[1].split(',')[3], 'Urgent', `the export keeps the list's order: ${lines[1]}`);
    await screenshot(browser, '18d-list-exported');
  } finally {
    await browser.deleteSession();
  }
});
