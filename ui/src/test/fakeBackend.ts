// A fake Rust side for tests: answers the real generated commands through @tauri-apps/api/mocks.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { Channel } from '@tauri-apps/api/core';
import type {
  ActiveProfile,
  AppInfo,
  AuditRow,
  ConnectionTest,
  FieldIssue,
  IpcError,
  ProfileForm,
  SyncProgressEvent,
  SyncSummary,
  UiSettings,
} from '../bindings';

/** The Tauri command names the bindings invoke. */
export type CommandName =
  | 'app_info'
  | 'get_ui_settings'
  | 'set_ui_settings'
  | 'log_from_ui'
  | 'list_profiles'
  | 'validate_profile'
  | 'save_profile'
  | 'delete_profile'
  | 'test_connection'
  | 'get_active_profile'
  | 'open_demo_workspace'
  | 'set_active_profile'
  | 'sync_profile'
  | 'list_audit_log';

/** The demo profile the fake backend opens. */
export const DEMO_PROFILE: ActiveProfile = { id: 'demo', name: 'Demo workspace', isDemo: true };

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

/** A saved profile fixture: Sobot (China), a call center and one Udesk account, every secret stored. */
export const TEST_PROFILE: ProfileForm = {
  id: 'profile-east',
  name: 'East China team',
  sobot: {
    id: 'sobot-1',
    region: 'china',
    customBaseUrl: '',
    appid: 'sobot-app-1',
    appKey: null,
    hasAppKey: true,
    language: 'zh',
    timezoneId: 'Asia/Shanghai',
    timeDialect: 'dateTime',
  },
  callcenter: {
    id: 'callcenter-1',
    baseUrl: 'https://openapi.sobot.com',
    appId: 'cc-app-1',
    appSecret: null,
    hasAppSecret: true,
    agentNo: '1001',
  },
  udesk: [
    {
      id: 'udesk-1',
      name: 'Udesk main',
      baseUrl: 'https://east.udesk.cn',
      email: 'admin@east.example',
      apiToken: null,
      hasApiToken: true,
    },
  ],
  keychainError: null,
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
  /** The UI settings; keys left out take their defaults (system language and theme, 6 months). */
  settings?: Partial<UiSettings>;
  /** Commands that answer with this error instead of succeeding. */
  errors?: Partial<Record<CommandName, IpcError>>;
  /** Commands that never answer. */
  hang?: CommandName[];
  /** The saved profiles (default: none). */
  profiles?: ProfileForm[];
  /** What validate_profile answers instead of its own checks. */
  validationIssues?: FieldIssue[];
  /** What test_connection answers per connection id (default: ok). */
  connectionTests?: Record<string, ConnectionTest>;
  /** The profile active at start (default: none). */
  activeProfile?: ActiveProfile | null;
  /** The audit log list_audit_log pages through, newest first (default: empty). */
  auditLog?: AuditRow[];
  /** What sync_profile reports: progress events sent first, then the summaries it answers. */
  sync?: { progress: SyncProgressEvent[]; summaries: SyncSummary[] };
  /**
   * Answers for further commands by IPC name (features add their own fakes, e.g.
   * test/fakeTickets.ts); consulted before the built-in ones.
   */
  handlers?: Record<string, (args: Record<string, unknown>) => unknown>;
}

/** The fake backend's state and the calls it received. */
export interface FakeBackend {
  calls: IpcCall[];
  settings: UiSettings;
  errors: Partial<Record<CommandName, IpcError>>;
  /** The saved profiles, as list_profiles answers them (secrets never included). */
  profiles: ProfileForm[];
  /** Secrets saved through save_profile, by `profileId/connectionId`. */
  secrets: Map<string, string>;
  validationIssues: FieldIssue[] | undefined;
  connectionTests: Record<string, ConnectionTest>;
  activeProfile: ActiveProfile | null;
  callsTo(cmd: CommandName): IpcCall[];
}

const isUrl = (value: string) => /^https?:\/\/[^/\s]\S*$/.test(value.trim());
const isEmail = (value: string) => /^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(value.trim());
const hasText = (value: string | null) => value !== null && value.trim() !== '';

/** A simplified copy of the Rust checks (profile_forms.rs, core validate), in the same field order. */
function validate(form: ProfileForm): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const required = (field: string, value: string) => {
    if (!value.trim()) issues.push({ field, issue: 'required' });
  };
  const url = (field: string, value: string) => {
    if (!value.trim()) issues.push({ field, issue: 'required' });
    else if (!isUrl(value)) issues.push({ field, issue: 'notAUrl' });
  };
  required('name', form.name);
  if (form.sobot) {
    required('sobot.appid', form.sobot.appid);
    required('sobot.timezoneId', form.sobot.timezoneId);
    if (form.sobot.region === 'custom') url('sobot.customBaseUrl', form.sobot.customBaseUrl);
  }
  if (form.callcenter) {
    url('callcenter.baseUrl', form.callcenter.baseUrl);
    required('callcenter.appId', form.callcenter.appId);
    required('callcenter.agentNo', form.callcenter.agentNo);
  }
  form.udesk.forEach((account, index) => {
    required(`udesk[${index}].name`, account.name);
    url(`udesk[${index}].baseUrl`, account.baseUrl);
    if (!account.email.trim()) issues.push({ field: `udesk[${index}].email`, issue: 'required' });
    else if (!isEmail(account.email)) issues.push({ field: `udesk[${index}].email`, issue: 'notAnEmail' });
  });
  if (form.sobot && !hasText(form.sobot.appKey) && !form.sobot.hasAppKey) {
    issues.push({ field: 'sobot.appKey', issue: 'required' });
  }
  if (form.callcenter && !hasText(form.callcenter.appSecret) && !form.callcenter.hasAppSecret) {
    issues.push({ field: 'callcenter.appSecret', issue: 'required' });
  }
  form.udesk.forEach((account, index) => {
    if (!hasText(account.apiToken) && !account.hasApiToken) {
      issues.push({ field: `udesk[${index}].apiToken`, issue: 'required' });
    }
  });
  return issues;
}

let nextId = 0;

/** Saves like Rust: assigns ids to new entities, keeps new secrets aside, answers with has* and null secrets. */
function saveProfile(backend: FakeBackend, form: ProfileForm): ProfileForm {
  const id = (prefix: string, existing: string) => existing || `${prefix}-${(nextId += 1)}`;
  const profileId = id('profile', form.id);
  const keep = (connectionId: string, value: string | null, had: boolean): boolean => {
    if (hasText(value)) backend.secrets.set(`${profileId}/${connectionId}`, (value ?? '').trim());
    return had || hasText(value);
  };
  const sobot = form.sobot && { ...form.sobot, id: id('sobot', form.sobot.id) };
  const callcenter = form.callcenter && { ...form.callcenter, id: id('callcenter', form.callcenter.id) };
  const saved: ProfileForm = {
    id: profileId,
    name: form.name.trim(),
    sobot: sobot && { ...sobot, appKey: null, hasAppKey: keep(sobot.id, sobot.appKey, sobot.hasAppKey) },
    callcenter: callcenter && {
      ...callcenter,
      appSecret: null,
      hasAppSecret: keep(callcenter.id, callcenter.appSecret, callcenter.hasAppSecret),
    },
    udesk: form.udesk.map((account) => {
      const accountId = id('udesk', account.id);
      return {
        ...account,
        id: accountId,
        apiToken: null,
        hasApiToken: keep(accountId, account.apiToken, account.hasApiToken),
      };
    }),
    keychainError: null,
  };
  const index = backend.profiles.findIndex((profile) => profile.id === profileId);
  if (index >= 0) backend.profiles[index] = saved;
  else backend.profiles.push(saved);
  return structuredClone(saved);
}

/** Installs the fake backend (mockIPC); setup.ts removes it after each test (clearMocks). */
export function installFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  const appInfo: AppInfo = { ...TEST_APP_INFO, ...options.appInfo };
  const backend: FakeBackend = {
    calls: [],
    settings: { language: 'system', theme: 'system', first_sync_months: 6, ...options.settings },
    errors: { ...options.errors },
    profiles: structuredClone(options.profiles ?? []),
    secrets: new Map(),
    validationIssues: options.validationIssues,
    connectionTests: { ...options.connectionTests },
    activeProfile: options.activeProfile ?? null,
    callsTo: (cmd) => backend.calls.filter((call) => call.cmd === cmd),
  };
  mockIPC((cmd, args) => {
    backend.calls.push({ cmd, args: args as Record<string, unknown> | undefined });
    if (options.hang?.includes(cmd as CommandName)) return new Promise(() => undefined);
    const error = backend.errors[cmd as CommandName];
    if (error) return tauriRejection(error);
    const handler = options.handlers?.[cmd];
    if (handler) return handler((args ?? {}) as Record<string, unknown>);
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
      case 'list_profiles':
        return structuredClone(backend.profiles);
      case 'validate_profile':
        return backend.validationIssues ?? validate((args as { form: ProfileForm }).form);
      case 'save_profile':
        return saveProfile(backend, (args as { form: ProfileForm }).form);
      case 'delete_profile': {
        const { id } = args as { id: string };
        if (!backend.profiles.some((profile) => profile.id === id)) {
          return tauriRejection({ code: 'notFound', what: 'profile', message: id } satisfies IpcError);
        }
        backend.profiles = backend.profiles.filter((profile) => profile.id !== id);
        for (const key of [...backend.secrets.keys()]) if (key.startsWith(`${id}/`)) backend.secrets.delete(key);
        return null;
      }
      case 'test_connection': {
        const { connectionId } = args as { profileId: string; connectionId: string };
        return backend.connectionTests[connectionId] ?? { ok: true, problem: null, vendorCode: null, message: '' };
      }
      case 'get_active_profile':
        return backend.activeProfile;
      case 'open_demo_workspace':
        backend.activeProfile = DEMO_PROFILE;
        return DEMO_PROFILE;
      case 'sync_profile': {
        const { onProgress } = args as { profileId: string; onProgress: Channel<SyncProgressEvent> };
        const plan = options.sync ?? { progress: [], summaries: [] };
        for (const event of plan.progress) onProgress.onmessage(event);
        return plan.summaries;
      }
      case 'set_active_profile': {
        const { id } = args as { id: string };
        const profile = backend.profiles.find((p) => p.id === id);
        if (!profile) return tauriRejection({ code: 'notFound', what: 'profile', message: id } satisfies IpcError);
        backend.activeProfile = { id: profile.id, name: profile.name, isDemo: false };
        return backend.activeProfile;
      }
      case 'list_audit_log': {
        const { beforeId, limit } = args as { profileId: string; beforeId: string | null; limit: number };
        const rows = options.auditLog ?? [];
        const start = beforeId === null ? 0 : rows.findIndex((row) => row.id === beforeId) + 1;
        return rows.slice(start, start + limit);
      }
      default:
        return tauriRejection(`command ${cmd} not found`);
    }
  });
  return backend;
}
