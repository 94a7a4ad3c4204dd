// End-to-end: the real app renders its shell, switches language and theme, and keeps the choice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchApp, waitForText, chooseSegment, screenshot, settingsFile } from './session.mjs';

const areas = ['tickets', 'customers', 'blacklist', 'campaigns', 'callcenter', 'dashboard', 'settings'];

test('the shell renders every area, the status bar, and opens on Tickets', async () => {
  const browser = await launchApp();
  try {
    for (const area of areas) {
      assert.ok(await browser.$(`[data-testid="nav-${area}"]`).isDisplayed(), `nav-${area} is shown`);
    }
    await waitForText(browser, '[data-testid="page-title"]', 'Tickets');
    const status = await browser.$('[data-testid="status-bar"]').getText();
    assert.match(status, /0\.1\.0/, 'the status bar shows the version');
    await screenshot(browser, '01-shell-english');
    await browser.$('[data-testid="nav-settings"]').click();
    await waitForText(browser, '[data-testid="page-title"]', 'Settings');
    await screenshot(browser, '02-settings-english');
  } finally {
    await browser.deleteSession();
  }
});

test('switching to Chinese relabels the shell, survives a restart, and switching back restores English', async () => {
  let browser = await launchApp();
  try {
    await browser.$('[data-testid="nav-settings"]').click();
    await chooseSegment(browser, 'settings-language', 'zh-CN');
    await waitForText(browser, '[data-testid="nav-tickets"]', '工单');
    assert.equal(await browser.execute(() => document.documentElement.lang), 'zh-CN');
    assert.match(readFileSync(settingsFile(), 'utf8'), /language = "zh-CN"/);
    await screenshot(browser, '03-settings-chinese');
  } finally {
    await browser.deleteSession();
  }

  browser = await launchApp();
  try {
    await waitForText(browser, '[data-testid="nav-tickets"]', '工单');
    await screenshot(browser, '04-shell-chinese-after-restart');
    await browser.$('[data-testid="nav-settings"]').click();
    await chooseSegment(browser, 'settings-language', 'en');
    await waitForText(browser, '[data-testid="nav-tickets"]', 'Tickets');
    assert.equal(await browser.execute(() => document.documentElement.lang), 'en');
    assert.match(readFileSync(settingsFile(), 'utf8'), /language = "en"/);
  } finally {
    await browser.deleteSession();
  }
});

test('the dark theme applies at once and is saved', async () => {
  const browser = await launchApp();
  try {
    await browser.$('[data-testid="nav-settings"]').click();
    await chooseSegment(browser, 'settings-theme', 'dark');
    await browser.waitUntil(
      async () => (await browser.execute(() => document.documentElement.dataset.mantineColorScheme)) === 'dark',
      { timeout: 5_000, timeoutMsg: 'html[data-mantine-color-scheme] did not become dark' },
    );
    assert.match(readFileSync(settingsFile(), 'utf8'), /theme = "dark"/);
    await screenshot(browser, '05-settings-dark');
    await chooseSegment(browser, 'settings-theme', 'system');
  } finally {
    await browser.deleteSession();
  }
});
