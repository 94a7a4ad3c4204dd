// Benchmark: scrolling the tickets list of a large tenant in the real app. The demo workspace is
// started with SWITCHBOARD_DEMO_SIZE=large (50,000 Sobot tickets plus 1,000 Udesk ones), synced
// through the app, and the list is scrolled inside the webview, frame by frame:
// - a reading scroll (3,000 px/s) and a fling (40,000 px/s) from the top, each for 5 s: the time
//   between frames, the work done in a frame before its animation callback (the scroll event and
//   the list's render it causes), and how many frames showed placeholder rows (a page not loaded);
// - the same for references: idle frames, and a plain element scrolled the same way;
// - jumps to a position (the middle, the end, ...): the time until the rows there are shown.
// Run it with scripts/bench-list-scroll.sh; it prints a table and writes target/bench/list-scroll.json.
// It asserts nothing about time: it reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseSegment, launchApp, screenshot, syncDemo } from '../e2e/session.mjs';

/**
 * Scrolls at `pxPerSecond` for `durationMs`, one step a frame; runs in the webview. The target is
 * the list, or (`target: 'plain'`) the webview's own ceiling measured the same way: a plain
 * element of the list's size and place holding only a tall striped background. A speed of 0
 * measures idle frames.
 */
function scrollRun(options, done) {
  const list = document.querySelector('[data-testid="ticket-list"]');
  let scroller = list;
  if (options.target === 'plain') {
    const box = list.getBoundingClientRect();
    scroller = document.createElement('div');
    Object.assign(scroller.style, {
      position: 'fixed',
      left: `${box.left}px`,
      top: `${box.top}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
      overflow: 'auto',
      zIndex: 1000,
      background: 'white',
    });
    const content = document.createElement('div');
    Object.assign(content.style, {
      height: '2000000px',
      background: 'repeating-linear-gradient(#fff 0 35px, #ddd 35px 36px)',
    });
    scroller.appendChild(content);
    document.body.appendChild(scroller);
  }
  const placeholderShown = () => {
    const view = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll('[role="row"][aria-busy]')].some((row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    });
  };
  scroller.scrollTop = 0;
  const frames = [];
  const handlerMs = [];
  let placeholderFrames = 0;
  let start;
  let last;
  const step = (now) => {
    // The scroll event (and the list's render it causes) runs in this frame before this callback.
    handlerMs.push(performance.now() - now);
    if (start === undefined) {
      start = now;
    } else {
      frames.push(now - last);
      if (placeholderShown()) placeholderFrames += 1;
    }
    last = now;
    const elapsed = now - start;
    if (options.pxPerSecond > 0) scroller.scrollTop = (elapsed * options.pxPerSecond) / 1000;
    if (elapsed < options.durationMs) {
      requestAnimationFrame(step);
      return;
    }
    const scrolledPx = scroller.scrollTop;
    if (scroller !== list) scroller.remove();
    done({ frames, handlerMs, placeholderFrames, scrolledPx });
  };
  requestAnimationFrame(step);
}

/** Jumps the list to `fraction` of its height and reports when the rows there are shown. */
function jumpRun(fraction, done) {
  const list = document.querySelector('[data-testid="ticket-list"]');
  const view = list.getBoundingClientRect();
  const visibleRows = () =>
    [...list.querySelectorAll('[role="row"][aria-rowindex]')].filter((row) => {
      const box = row.getBoundingClientRect();
      return Number(row.getAttribute('aria-rowindex')) > 1 && box.bottom > view.top + 40 && box.top < view.bottom;
    });
  const start = performance.now();
  list.scrollTop = fraction * (list.scrollHeight - list.clientHeight);
  const check = () => {
    const rows = visibleRows();
    const ready = rows.length > 0 && rows.every((row) => !row.hasAttribute('aria-busy'));
    const elapsed = performance.now() - start;
    if (ready || elapsed > 15_000) done({ ms: elapsed, ready, firstRow: rows[0]?.getAttribute('aria-rowindex') });
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const round = (value) => Math.round(value * 10) / 10;

/** Summarises one scroll run. */
function summary(name, pxPerSecond, run) {
  const { frames } = run;
  return {
    run: name,
    pxPerSecond,
    frames: frames.length,
    fps: round((1000 * frames.length) / frames.reduce((sum, value) => sum + value, 0)),
    medianFrameMs: round(percentile(frames, 50)),
    p95FrameMs: round(percentile(frames, 95)),
    maxFrameMs: round(Math.max(...frames)),
    medianScrollWorkMs: round(percentile(run.handlerMs, 50)),
    framesOver50Ms: frames.filter((value) => value > 50).length,
    framesWithPlaceholders: run.placeholderFrames,
    rowsPassed: Math.round(run.scrolledPx / 36), // ROW_HEIGHT in TicketList.tsx
  };
}

test('scrolling the list of a large tenant: frame times and page loads', async () => {
  assert.equal(process.env.SWITCHBOARD_DEMO_SIZE, 'large', 'run through scripts/bench-list-scroll.sh');
  const browser = await launchApp(['--demo']);
  try {
    const syncStarted = Date.now();
    const status = await syncDemo(browser);
    const syncSeconds = (Date.now() - syncStarted) / 1000;

    await chooseSegment(browser, 'tickets-mode', 'list');
    await browser.$('[data-testid^="ticket-row-"]').waitForDisplayed({ timeout: 60_000 });
    const total = Number((await browser.$('[data-testid="ticket-list-total"]').getText()).replace(/\D/g, ''));
    assert.ok(total > 50_000, `the list holds the large tenant's tickets, got ${total}`);

    const scrolls = [];
    for (const [name, pxPerSecond, durationMs, target] of [
      ['reference: idle, nothing scrolled', 0, 3_000, 'list'],
      ['reference: a plain striped element', 3_000, 5_000, 'plain'],
    ]) {
      scrolls.push(summary(name, pxPerSecond, await browser.executeAsync(scrollRun, { pxPerSecond, durationMs, target })));
    }
    for (const [name, pxPerSecond] of [
      ['reading', 3_000],
      ['fling', 40_000],
      ['reading again (pages cached)', 3_000],
    ]) {
      const run = await browser.executeAsync(scrollRun, { pxPerSecond, durationMs: 5_000, target: 'list' });
      scrolls.push(summary(name, pxPerSecond, run));
    }
    const jumps = [];
    for (const fraction of [0.5, 1, 0.25, 0.75, 0]) {
      const jump = await browser.executeAsync(jumpRun, fraction);
      jumps.push({ to: `${fraction * 100}%`, ms: Math.round(jump.ms), shown: jump.ready, firstRow: jump.firstRow });
    }
    await screenshot(browser, 'bench-list-scroll');

    const result = { date: new Date().toISOString(), tickets: total, sync: status, syncSeconds, scrolls, jumps };
    const dir = join(process.cwd(), 'target', 'bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'list-scroll.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`${total} tickets listed; first sync: ${status} in ${syncSeconds.toFixed(1)} s`);
    console.table(scrolls);
    console.table(jumps);
    for (const jump of jumps) assert.ok(jump.shown, `the rows at ${jump.to} were shown`);
  } finally {
    await browser.deleteSession();
  }
});
