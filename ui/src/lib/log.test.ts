import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import { tauriRejection } from '../test/fakeBackend';
import { log, MAX_LOG_TEXT } from './log';

type Entry = { level: string; message: string; context: string | null };

function captureLogEntries(): Entry[] {
  const entries: Entry[] = [];
  mockIPC((cmd, args) => {
    if (cmd === 'log_from_ui') entries.push((args as { entry: Entry }).entry);
    return null;
  });
  return entries;
}

// Lets the fire-and-forget IPC promises settle.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('log', () => {
  it('forwards each level to log_from_ui with the message and JSON context', async () => {
    const entries = captureLogEntries();
    log.error('save failed', { code: 'storage' });
    log.warn('slow answer');
    log.info('started', { route: '/tickets' });
    log.debug('tick');
    await settle();
    expect(entries).toEqual([
      { level: 'error', message: 'save failed', context: '{"code":"storage"}' },
      { level: 'warn', message: 'slow answer', context: null },
      { level: 'info', message: 'started', context: '{"route":"/tickets"}' },
      { level: 'debug', message: 'tick', context: null },
    ]);
  });

  it('cuts overlong messages', async () => {
    const entries = captureLogEntries();
    log.info('x'.repeat(MAX_LOG_TEXT + 500));
    await settle();
    expect(entries[0]?.message).toHaveLength(MAX_LOG_TEXT + 1);
  });

  it('still logs when the context cannot be serialised', async () => {
    const entries = captureLogEntries();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    log.warn('odd context', circular);
    await settle();
    expect(entries).toEqual([{ level: 'warn', message: 'odd context', context: '"[context could not be serialised]"' }]);
  });

  it('never throws and leaves no unhandled rejection when Rust refuses the entry', async () => {
    mockIPC(() => tauriRejection({ code: 'internal', message: 'log sink closed' }));
    expect(() => log.error('lost')).not.toThrow();
    await settle();
  });

  it('never throws when there is no Tauri backend at all', async () => {
    clearMocks();
    expect(() => log.info('no backend')).not.toThrow();
    await settle();
  });
});
