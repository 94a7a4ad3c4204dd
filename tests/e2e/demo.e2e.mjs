// End-to-end: the demo workspace opens with no account, from the command line or the status bar.
// Every test file runs on fresh data directories (tests/e2e/run.sh), so this file's sync is a first
// sync that fetches every demo ticket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchApp, waitForText, screenshot, syncDemo } from './session.mjs';

test('started with --demo, the app opens straight into the demo workspace', async () => {
  const browser = await launchApp(['--demo']);
  try {
    await waitForText(browser, '[data-testid="status-profile"]', 'Demo workspace', 30_000);
    // The badge's text is upper-cased by CSS; its DOM text is the translation.
    const badge = await browser.execute(() => document.querySelector('[data-testid="status-demo-badge"]')?.textContent);
    assert.equal(badge, 'Demo');
    await screenshot(browser, '06-demo-workspace');
  } finally {
    await browser.deleteSession();
  }
});

test('without an account, the status bar opens the demo workspace', async () => {
  const browser = await launchApp();
  try {
    await waitForText(browser, '[data-testid="status-profile"]', 'No profile');
    await browser.$('[data-testid="open-demo"]').click();
    await waitForText(browser, '[data-testid="status-profile"]', 'Demo workspace', 30_000);
  } finally {
    await browser.deleteSession();
  }
});

test('the demo workspace syncs its tickets, with progress, into the local store', async () => {
  const browser = await launchApp(['--demo']);
  try {
    const status = await syncDemo(browser);
    const count = Number(status.replace(/\D/g, ''));
    assert.ok(count > 4_000, `about 5,000 demo tickets synced, got "${status}"`);
    await screenshot(browser, '07-demo-synced');
  } finally {
    await browser.deleteSession();
  }
});
