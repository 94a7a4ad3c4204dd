import { useEffect } from 'react';
import { log } from './log';

let reported = false;

/**
 * Logs "shell first painted" once per app start, after the first frame of the shell is on screen.
 * The startup benchmark (scripts/bench-startup.py) reads this line from the app log.
 */
export function useReportFirstPaint(): void {
  useEffect(() => {
    if (reported) return;
    reported = true;
    // The rAF callback runs before the next paint; the timeout after it runs once that paint is done.
    requestAnimationFrame(() => {
      setTimeout(() => {
        log.info('shell first painted', { sinceNavigationStartMs: Math.round(performance.now()) });
      }, 0);
    });
  }, []);
}

/** Lets tests start from a fresh app start. */
export function resetFirstPaintReportForTests(): void {
  reported = false;
}
