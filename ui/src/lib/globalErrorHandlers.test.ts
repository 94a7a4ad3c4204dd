import { mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { installGlobalErrorHandlers } from './globalErrorHandlers';

type Entry = { level: string; message: string; context: string | null };

function captureLogEntries(): Entry[] {
  const entries: Entry[] = [];
  mockIPC((cmd, args) => {
    if (cmd === 'log_from_ui') entries.push((args as { entry: Entry }).entry);
    return null;
  });
  return entries;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function rejectionEvent(reason: unknown): Event {
  // jsdom has no PromiseRejectionEvent constructor; the handler only reads `reason`.
  return Object.assign(new Event('unhandledrejection'), { reason, promise: Promise.resolve() });
}

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

describe('global error handlers', () => {
  it('forward an uncaught error with its stack, source and the current route', async () => {
    const entries = captureLogEntries();
    uninstall = installGlobalErrorHandlers(() => '/settings');
    const error = new RangeError('index out of range');
    window.dispatchEvent(
      new ErrorEvent('error', { error, message: error.message, filename: 'app.js', lineno: 3, colno: 7 }),
    );
    await settle();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.level).toBe('error');
    expect(entries[0]?.message).toBe('Uncaught error: RangeError: index out of range');
    const context = JSON.parse(entries[0]?.context ?? '{}') as Record<string, unknown>;
    expect(context).toMatchObject({ source: 'app.js:3:7', route: '/settings' });
    expect(context.stack).toContain('index out of range');
  });

  it('forward an unhandled promise rejection with the route', async () => {
    const entries = captureLogEntries();
    uninstall = installGlobalErrorHandlers(() => '/tickets');
    window.dispatchEvent(rejectionEvent(new Error('fetch aborted')));
    window.dispatchEvent(rejectionEvent({ code: 'network' }));
    await settle();
    expect(entries.map((entry) => entry.message)).toEqual([
      'Unhandled promise rejection: Error: fetch aborted',
      'Unhandled promise rejection: {"code":"network"}',
    ]);
    expect(JSON.parse(entries[0]?.context ?? '{}')).toMatchObject({ route: '/tickets' });
  });

  it('stop forwarding once uninstalled', async () => {
    const entries = captureLogEntries();
    installGlobalErrorHandlers(() => '/')();
    window.dispatchEvent(rejectionEvent(new Error('ignored')));
    await settle();
    expect(entries).toEqual([]);
  });
});
