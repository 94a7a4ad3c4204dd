import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/setup';
import { catalogItem } from '../../test/fakeTickets';
import { formatAge, priorityColor } from './format';

const now = Date.UTC(2025, 4, 20, 12);
const ago = (ms: number) => now - ms;

describe('formatAge', () => {
  it('is short in English', () => {
    const t = i18n.getFixedT('en');
    expect(formatAge(t, ago(20_000), now)).toBe('now');
    expect(formatAge(t, ago(5 * 60_000), now)).toBe('5m');
    expect(formatAge(t, ago(3 * 3_600_000), now)).toBe('3h');
    expect(formatAge(t, ago(2 * 86_400_000), now)).toBe('2d');
    expect(formatAge(t, ago(21 * 86_400_000), now)).toBe('3w');
    expect(formatAge(t, ago(100 * 86_400_000), now)).toBe('3mo');
    expect(formatAge(t, ago(800 * 86_400_000), now)).toBe('2y');
    expect(formatAge(t, null, now)).toBe('');
  });

  it('is in Chinese when the UI is', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(formatAge(t, ago(3 * 3_600_000), now)).toBe('3小时');
    expect(formatAge(t, ago(2 * 86_400_000), now)).toBe('2天');
  });
});

describe('priorityColor', () => {
  it('colors by the meaning of the fixed vendor names', () => {
    expect(priorityColor(catalogItem('3', '紧急', { nameEn: 'Urgent', nameZh: '紧急' }))).toBe('red');
    expect(priorityColor(catalogItem('2', 'High'))).toBe('orange');
    expect(priorityColor(catalogItem('3', '标准'))).toBe('blue');
    expect(priorityColor(catalogItem('4', 'Low'))).toBe('gray');
    expect(priorityColor(undefined)).toBe('gray');
  });
});
