// How tickets are shown: ages ("3h", "2d" / "3小时", "2天"), dates in the UI language, priority colors.
import type { TFunction } from 'i18next';
import type { CatalogItem } from '../../bindings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A short age ("just now", "5m", "3h", "2d", "5w", "4mo", "2y"), localized; empty when unknown. */
export function formatAge(t: TFunction, sinceMs: number | null, nowMs: number): string {
  if (sinceMs === null) return '';
  const age = Math.max(0, nowMs - sinceMs);
  if (age < MINUTE) return t('tickets.age.now');
  if (age < HOUR) return t('tickets.age.minutes', { n: Math.floor(age / MINUTE) });
  if (age < DAY) return t('tickets.age.hours', { n: Math.floor(age / HOUR) });
  if (age < 14 * DAY) return t('tickets.age.days', { n: Math.floor(age / DAY) });
  if (age < 60 * DAY) return t('tickets.age.weeks', { n: Math.floor(age / (7 * DAY)) });
  if (age < 365 * DAY) return t('tickets.age.months', { n: Math.floor(age / (30 * DAY)) });
  return t('tickets.age.years', { n: Math.floor(age / (365 * DAY)) });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date and time in the UI language ("2025/5/20 12:00"); empty when unknown. */
export function formatDateTime(ms: number | null, language: string): string {
  if (ms === null) return '';
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
    formatters.set(language, formatter);
  }
  return formatter.format(ms);
}

/** A Mantine color for a priority, from its name in the vendor's fixed set (gray when unknown). */
export function priorityColor(item: CatalogItem | undefined): string {
  if (!item) return 'gray';
  const names = [item.nameEn, item.nameZh, item.name].filter(Boolean).join(' ').toLowerCase();
  if (/urgent|emergency|紧急|critical/.test(names)) return 'red';
  if (/high|高/.test(names)) return 'orange';
  if (/medium|normal|standard|中|标准|普通/.test(names)) return 'blue';
  if (/low|低/.test(names)) return 'gray';
  return 'grape';
}
