// The profile form's editing state and its conversion to the ProfileForm that Rust validates and saves.
import type {
  CallCenterForm,
  FieldIssue,
  FieldIssueKind,
  ProfileForm,
  SobotForm,
  SobotRegionKind,
  UdeskForm,
} from '../../bindings';

/** A Udesk account being edited, with a key that stays stable while rows are added and removed. */
export type UdeskDraft = UdeskForm & { key: string };

/** A profile being edited. Secrets: null keeps the stored one (or means "none entered" for a new connection). */
export interface ProfileDraft {
  id: string;
  name: string;
  sobot: SobotForm | null;
  callcenter: CallCenterForm | null;
  udesk: UdeskDraft[];
}

/** The Sobot regions in the order the form offers them. */
export const SOBOT_REGIONS: readonly SobotRegionKind[] = ['china', 'singapore', 'unitedStates', 'custom'];

/** The API host of each preset region (custom uses customBaseUrl). */
export const SOBOT_REGION_HOSTS: Record<Exclude<SobotRegionKind, 'custom'>, string> = {
  china: 'www.sobot.com',
  singapore: 'sg.sobot.io',
  unitedStates: 'us.sobot.com',
};

/** Sobot's two time formats: date-time strings (Chinese documentation) or epoch milliseconds (English). */
export type TimeDialect = 'dateTime' | 'epochMillis';

/** The time format an account in `region` most likely uses: China follows the Chinese documentation. */
export function defaultTimeDialect(region: SobotRegionKind): TimeDialect {
  return region === 'china' ? 'dateTime' : 'epochMillis';
}

/** Common IANA time zones offered in the time zone field (any other IANA name may be typed). */
export const COMMON_TIME_ZONES: readonly string[] = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Jakarta',
  'Asia/Bangkok',
  'Asia/Ho_Chi_Minh',
  'Asia/Manila',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Moscow',
  'Africa/Johannesburg',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'America/Mexico_City',
  'UTC',
];

let nextKey = 0;
function newKey(): string {
  nextKey += 1;
  return `udesk-row-${nextKey}`;
}

/** A new, empty Sobot v5 connection (China, Chinese, Asia/Shanghai, date-time strings). */
export function newSobot(): SobotForm {
  return {
    id: '',
    region: 'china',
    customBaseUrl: '',
    appid: '',
    appKey: null,
    hasAppKey: false,
    language: 'zh',
    timezoneId: 'Asia/Shanghai',
    timeDialect: defaultTimeDialect('china'),
  };
}

/** A new, empty Sobot call-center connection. */
export function newCallCenter(): CallCenterForm {
  return { id: '', baseUrl: '', appId: '', appSecret: null, hasAppSecret: false, agentNo: '' };
}

/** A new, empty Udesk account. */
export function newUdesk(): UdeskDraft {
  return { key: newKey(), id: '', name: '', baseUrl: '', email: '', apiToken: null, hasApiToken: false };
}

/** A new profile with no connections. */
export function newProfileDraft(): ProfileDraft {
  return { id: '', name: '', sobot: null, callcenter: null, udesk: [] };
}

/** The draft for editing a saved profile: every secret starts as null (keep what is stored). */
export function draftOf(profile: ProfileForm): ProfileDraft {
  return {
    id: profile.id,
    name: profile.name,
    sobot: profile.sobot ? { ...profile.sobot, appKey: null } : null,
    callcenter: profile.callcenter ? { ...profile.callcenter, appSecret: null } : null,
    udesk: profile.udesk.map((account) => ({ ...account, apiToken: null, key: account.id || newKey() })),
  };
}

// An empty secret field means "nothing new": null keeps the stored secret.
const secretOrNull = (value: string | null): string | null => (value === null || value === '' ? null : value);

/** The form to send to Rust: new secrets as typed, null for every secret left alone. */
export function formOf(draft: ProfileDraft): ProfileForm {
  return {
    id: draft.id,
    name: draft.name,
    sobot: draft.sobot ? { ...draft.sobot, appKey: secretOrNull(draft.sobot.appKey) } : null,
    callcenter: draft.callcenter
      ? { ...draft.callcenter, appSecret: secretOrNull(draft.callcenter.appSecret) }
      : null,
    udesk: draft.udesk.map(({ key: _key, ...account }) => ({ ...account, apiToken: secretOrNull(account.apiToken) })),
    keychainError: null,
  };
}

/** The field paths the form shows an input for (where a FieldIssue can appear under its field). */
export function formFieldPaths(draft: ProfileDraft): Set<string> {
  const paths = ['name'];
  if (draft.sobot) {
    paths.push('sobot.region', 'sobot.appid', 'sobot.appKey', 'sobot.language', 'sobot.timezoneId', 'sobot.timeDialect');
    if (draft.sobot.region === 'custom') paths.push('sobot.customBaseUrl');
  }
  if (draft.callcenter) {
    paths.push('callcenter.baseUrl', 'callcenter.appId', 'callcenter.appSecret', 'callcenter.agentNo');
  }
  draft.udesk.forEach((_account, index) => {
    for (const field of ['name', 'baseUrl', 'email', 'apiToken']) paths.push(`udesk[${index}].${field}`);
  });
  return new Set(paths);
}

/** Issues by field path (the first issue of a field wins). */
export function issuesByField(issues: readonly FieldIssue[]): Map<string, FieldIssueKind> {
  const byField = new Map<string, FieldIssueKind>();
  for (const { field, issue } of issues) if (!byField.has(field)) byField.set(field, issue);
  return byField;
}

/** The secret fields: a missing one needs its own message ("no key is stored yet"). */
export const SECRET_FIELD = /^(sobot\.appKey|callcenter\.appSecret|udesk\[\d+\]\.apiToken)$/;

/** Shifts the udesk[i] issues after a removed account so that the rest stay under their fields. */
export function withoutUdeskIssues(issues: readonly FieldIssue[], removed: number): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const match = /^udesk\[(\d+)\]\.(.+)$/.exec(issue.field);
    if (!match) {
      out.push(issue);
      continue;
    }
    const index = Number(match[1]);
    if (index === removed) continue;
    out.push(index > removed ? { ...issue, field: `udesk[${index - 1}].${match[2]}` } : issue);
  }
  return out;
}
