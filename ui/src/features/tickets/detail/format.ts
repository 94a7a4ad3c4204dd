// Dates and sizes in the UI language.

/** A date and time, such as "Mar 4, 2026, 14:05" or "2026年3月4日 14:05"; '' when unknown. */
export function formatDateTime(ms: number | null | undefined, language: string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

/** How long ago, such as "3 hours ago" / "3小时前". */
export function formatAgo(ms: number | null | undefined, language: string, now: number = Date.now()): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const seconds = Math.round((ms - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
  return formatDateTime(ms, language);
}

/** A file size, such as "1.4 MB"; '' when unknown. */
export function formatBytes(size: number | null | undefined, language: string): string {
  if (size === null || size === undefined || !Number.isFinite(size)) return '';
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    // ICU's short form of a byte is "byte" ("29 byte"); the long form reads right.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
