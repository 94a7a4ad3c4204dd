import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import { tauriRejection } from '../test/fakeBackend';
import { commands } from '../bindings';
import { CommandError, runCommand, unwrapResult } from './ipc';

describe('unwrapResult / runCommand', () => {
  it('returns the data of an ok result', () => {
    expect(unwrapResult({ status: 'ok', data: 42 })).toBe(42);
  });

  it('throws a CommandError carrying the typed IpcError of an error result', () => {
    const error = { code: 'notFound', what: 'profile', message: 'no profile' } as const;
    expect(() => unwrapResult({ status: 'error', error })).toThrow(CommandError);
    try {
      unwrapResult({ status: 'error', error });
    } catch (thrown) {
      expect((thrown as CommandError).ipcError).toEqual(error);
      expect((thrown as CommandError).message).toBe('no profile');
    }
  });

  it('turns a Rust error answered over IPC into a CommandError through the generated bindings', async () => {
    mockIPC((cmd) => (cmd === 'get_ui_settings' ? tauriRejection({ code: 'storage', message: 'locked' }) : null));
    await expect(runCommand(commands.getUiSettings())).rejects.toMatchObject({
      name: 'CommandError',
      ipcError: { code: 'storage', message: 'locked' },
    });
  });

  it('passes the settings to set_ui_settings and returns what Rust saved', async () => {
    const received: unknown[] = [];
    mockIPC((cmd, args) => {
      received.push([cmd, args]);
      return { language: 'en', theme: 'dark', first_sync_months: 6 };
    });
    const settings = { language: 'en', theme: 'dark', first_sync_months: 6 } as const;
    await expect(runCommand(commands.setUiSettings(settings))).resolves.toEqual(settings);
    expect(received).toEqual([['set_ui_settings', { settings }]]);
  });
});
