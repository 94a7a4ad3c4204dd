// A fake Rust side for tests: answers the real generated commands through @tauri-apps/api/mocks.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppInfo, IpcError, UiSettings } from '../bindings';

/** The Tauri command names the bindings invoke. */
export type CommandName = 'app_info' | 'get_ui_settings' | 'set_ui_settings' | 'log_from_ui';

/** One recorded IPC call. */
export interface IpcCall {
  cmd: string;
  args: Record<string, unknown> | undefined;
}

/** App details the fake backend reports (test fixture). */
export const TEST_APP_INFO: AppInfo = {
  name: 'Switchboard',
  version: '0.1.0',
  commit: '0123456789abcdef0123456789abcdef01234567',
  buildProfile: 'debug',
  os: 'linux',
  arch: 'x86_64',
  tauriVersion: '2.9.0',
  systemLocale: 'en-US',
  configDir: '/home/tester/.config/switchboard',
  logDir: '/home/tester/.local/share/switchboard/logs',
};

/**
 * A rejected promise carrying `value` as is: Tauri rejects invoke() with the serialised Rust error
 * (a plain object), or with a string when a command does not exist, never with an Error.
 */
export function tauriRejection(value: unknown): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- mirrors what Tauri does
  return Promise.reject(value);
}

/** Options of installFakeBackend. */
export interface FakeBackendOptions {
  appInfo?: Partial<AppInfo>;
  settings?: UiSettings;
  /** Commands that answer with this error instead of succeeding. */
  errors?: Partial<Record<CommandName, IpcError>>;
  /** Commands that never answer. */
  hang?: CommandName[];
}

/** The fake backend's state and the calls it received. */
export interface FakeBackend {
  calls: IpcCall[];
  settings: UiSettings;
  errors: Partial<Record<CommandName, IpcError>>;
  callsTo(cmd: CommandName): IpcCall[];
}

/** Installs the fake backend (mockIPC); setup.ts removes it after each test (clearMocks). */
export function installFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  const appInfo: AppInfo = { ...TEST_APP_INFO, ...options.appInfo };
  const backend: FakeBackend = {
    calls: [],
    settings: options.settings ?? { language: 'system', theme: 'system' },
    errors: { ...options.errors },
    callsTo: (cmd) => backend.calls.filter((call) => call.cmd === cmd),
  };
  mockIPC((cmd, args) => {
    backend.calls.push({ cmd, args: args as Record<string, unknown> | undefined });
    if (options.hang?.includes(cmd as CommandName)) return new Promise(() => undefined);
    const error = backend.errors[cmd as CommandName];
    if (error) return tauriRejection(error);
    switch (cmd as CommandName) {
      case 'app_info':
        return appInfo;
      case 'get_ui_settings':
        return backend.settings;
      case 'set_ui_settings':
        backend.settings = (args as { settings: UiSettings }).settings;
        return backend.settings;
      case 'log_from_ui':
        return null;
      default:
        return tauriRejection(`command ${cmd} not found`);
    }
  });
  return backend;
}
