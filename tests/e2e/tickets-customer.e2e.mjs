// End-to-end: from a ticket to its customer's CRM profile and back, in the demo workspace; then the
// ticket screens and the profile in the dark theme and in Chinese (screenshots for review and docs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseSegment, launchApp, screenshot, syncDemo } from './session.mjs';

/** Opens board cards of the first column in turn until one's detail links a CRM customer. */
async function openTicketWithCustomer(browser) {
  const cards = '[data-testid="board-column-1"] [data-testid^="ticket-card-"]';
  for (let index = 0; index < 8; index += 1) {
    // Looked up afresh each time: opening a ticket re-renders the board.
    const card = (await browser.$$(cards))[index];
    if (!card) break;
    await card.click();
    await browser.$('[data-testid="ticket-detail-number"]').waitForDisplayed({ timeout: 30_000 });
    await browser.$('[data-testid="tab-info"]').click();
    await browser.$('[data-testid="ticket-customer"]').waitForDisplayed({ timeout: 30_000 });
    if (await browser.$('[data-testid="customer-profile-link"]').isExisting()) return;
    await browser.$('[data-testid="ticket-detail-close"]').click();
  }
  throw new Error('none of the first tickets has a CRM customer');
}

/** Switches the theme or language in Settings and comes back to the tickets. */
async function setInSettings(browser, testId, value) {
  await browser.$('[data-testid="nav-settings"]').click();
  await chooseSegment(browser, testId, value);
  await browser.$('[data-testid="nav-tickets"]').click();
}

test('a ticket links to its customer profile, which lists their tickets; dark theme and Chinese', async () => {
  const browser = await launchApp(['--demo']);
  try {
    await syncDemo(browser);
    await browser.$('[data-testid="board-column-1"] [data-testid^="ticket-card-"]').waitForDisplayed({ timeout: 30_000 });

    // From the ticket to the customer's profile, read fresh from the Sobot CRM.
    await openTicketWithCustomer(browser);
    const customerPanel = (await browser.$('[data-testid="ticket-customer"]').getText()).trim();
    await browser.$('[data-testid="customer-profile-link"]').click();
    await browser.$('[data-testid="customer-profile"]').waitForDisplayed({ timeout: 30_000 });
    const name = await browser.$('[data-testid="customer-name"]').getText();
    assert.ok(name.trim().length > 0, 'the customer has a name');
    await browser.$('[data-testid="customer-timeline"]').waitForDisplayed({ timeout: 10_000 });
    const ticketRow = await browser.$('[data-testid="customer-ticket-row"]');
    await ticketRow.waitForDisplayed({ timeout: 30_000, timeoutMsg: `the customer's tickets did not list (${customerPanel.slice(0, 80)})` });
    await screenshot(browser, '19-customer-profile');

    // And back: a ticket of the customer opens in the ticket desk.
    await ticketRow.click();
    await browser.$('[data-testid="ticket-detail-number"]').waitForDisplayed({ timeout: 30_000 });
    await browser.$('[data-testid="ticket-detail-close"]').click();

    // The dark theme on the board, the detail, the list and the profile.
    await setInSettings(browser, 'settings-theme', 'dark');
    assert.equal(await browser.execute(() => document.documentElement.dataset.mantineColorScheme), 'dark');
    await chooseSegment(browser, 'tickets-mode', 'board');
    await browser.$('[data-testid="board-column-1"] [data-testid^="ticket-card-"]').waitForDisplayed({ timeout: 30_000 });
    await screenshot(browser, '20-tickets-board-dark');
    await openTicketWithCustomer(browser);
    await screenshot(browser, '21-ticket-info-dark');
    await browser.$('[data-testid="tab-conversation"]').click();
    await browser.$('[data-testid="ticket-conversation"]').waitForDisplayed({ timeout: 30_000 });
    await screenshot(browser, '22-ticket-detail-dark');
    await browser.$('[data-testid="tab-info"]').click();
    await browser.$('[data-testid="customer-profile-link"]').click();
    await browser.$('[data-testid="customer-ticket-row"]').waitForDisplayed({ timeout: 30_000 });
    await screenshot(browser, '23-customer-profile-dark');
    await browser.$('[data-testid="nav-tickets"]').click();
    await chooseSegment(browser, 'tickets-mode', 'list');
    await browser.$('[data-testid^="ticket-row-"]').waitForDisplayed({ timeout: 30_000 });
    await screenshot(browser, '24-ticket-list-dark');

    // Chinese, back in the light theme.
    await setInSettings(browser, 'settings-theme', 'light');
    await setInSettings(browser, 'settings-language', 'zh-CN');
    assert.equal(await browser.execute(() => document.documentElement.lang), 'zh-CN');
    await chooseSegment(browser, 'tickets-mode', 'board');
    await browser.$('[data-testid="board-column-1"] [data-testid^="ticket-card-"]').waitForDisplayed({ timeout: 30_000 });
    await openTicketWithCustomer(browser);
    await browser.$('[data-testid="tab-conversation"]').click();
    await screenshot(browser, '25-ticket-detail-zh');
  } finally {
    await setInSettings(browser, 'settings-language', 'en').catch(() => {});
    await setInSettings(browser, 'settings-theme', 'system').catch(() => {});
    await browser.deleteSession();
  }
});
