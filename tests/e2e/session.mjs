// Shared helpers for the end-to-end tests: a WebDriver session on the real app, waiting, clicking
// SegmentedControl options, and screenshots.
import assert from 'node:assert/strict';
import { remote } from 'webdriverio';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through tests/e2e/run.sh`);
  return value;
};

/** Starts the app (with optional command-line arguments) through tauri-driver. */
export async function launchApp(args = []) {
  const browser = await remote({
    hostname: '127.0.0.1',
    port: Number(env('E2E_DRIVER_PORT')),
    logLevel: 'warn',
    capabilities: {
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: env('E2E_APP'), args },
    },
  });
  await browser.$('[data-testid="app-shell"]').waitForDisplayed({ timeout: 30_000 });
  return browser;
}

/** Waits until the element's text equals `expected`, with a readable failure. */
export async function waitForText(browser, selector, expected, timeout = 10_000) {
  let last = '';
  try {
    await browser.waitUntil(
      async () => {
        last = await browser.$(selector).getText();
        return last === expected;
      },
      { timeout, interval: 100 },
    );
  } catch {
    throw new Error(`${selector}: expected text "${expected}", still "${last}" after ${timeout} ms`);
  }
}

/** Picks an option of a Mantine SegmentedControl by its value, whatever the UI language. */
export async function chooseSegment(browser, testId, value) {
  const input = await browser.$(`[data-testid="${testId}"] input[value="${value}"]`);
  await input.waitForExist({ timeout: 10_000 });
  const id = await input.getAttribute('id');
  const label = await browser.$(`label[for="${id}"]`);
  // Centre it first: at the bottom edge the fixed status bar would take the click.
  await browser.execute((element) => element.scrollIntoView({ block: 'center' }), label);
  await label.click();
}

/** Saves a screenshot under target/e2e-screenshots/, a moment after the last action settled. */
export async function screenshot(browser, name) {
  await sleep(800);
  await browser.saveScreenshot(join(env('E2E_SCREENSHOT_DIR'), `${name}.png`));
}

/** The app's settings file in the isolated config dir. */
export const settingsFile = () => join(env('E2E_CONFIG_DIR'), 'settings.toml');

/** Calls a command the way the generated bindings do, for checking what the app wrote. */
export async function invoke(browser, cmd, args) {
  const answer = await browser.executeAsync(
    (cmd, args, done) => {
      window.__TAURI_INTERNALS__.invoke(cmd, args).then(
        (value) => done({ ok: true, value }),
        (error) => done({ ok: false, error }),
      );
    },
    cmd,
    args,
  );
  assert.ok(answer.ok, `${cmd} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

/** Waits for the demo workspace, then syncs it and waits until the sync finished; returns the status line. */
export async function syncDemo(browser) {
  await waitForText(browser, '[data-testid="status-profile"]', 'Demo workspace', 30_000);
  await browser.$('[data-testid="sync-demo"]').click();
  let status = '';
  await browser.waitUntil(
    async () => {
      status = await browser.$('[data-testid="sync-status-demo"]').getText();
      return /tickets synced$|^Up to date/.test(status);
    },
    { timeout: 180_000, interval: 250, timeoutMsg: `sync did not finish; status: "${status}"` },
  );
  return status;
}
