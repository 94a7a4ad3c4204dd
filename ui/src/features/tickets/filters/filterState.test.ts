import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { SOBOT_CATALOG, UDESK_CATALOG } from '../../../test/fakeTickets';
import {
  activeFilterCount,
  EMPTY_FILTERS,
  fromFilterInput,
  sameFilterInput,
  toFilterInput,
  type TicketFilters,
} from './filterState';
import { filterChoices, mergeItems } from './options';

describe('toFilterInput', () => {
  it('sends nothing for an empty filter', () => {
    expect(toFilterInput(EMPTY_FILTERS)).toEqual({});
    expect(toFilterInput({ ...EMPTY_FILTERS, text: '   ' })).toEqual({});
  });

  it('maps every condition: lists, trimmed text, day ranges as local [start, next day)', () => {
    const filters: TicketFilters = {
      connectionIds: ['sobot-1'],
      statuses: ['0', 'c-wait'],
      priorities: ['3'],
      assigneeIds: ['a-1'],
      groupIds: ['g-2'],
      sources: ['12'],
      categoryIds: ['cat-1'],
      created: ['2025-05-01', '2025-05-31'],
      updated: ['2025-05-20', null],
      text: '  退款 refund ',
    };
    expect(toFilterInput(filters)).toEqual({
      connectionIds: ['sobot-1'],
      statuses: ['0', 'c-wait'],
      priorities: ['3'],
      assigneeIds: ['a-1'],
      groupIds: ['g-2'],
      sources: ['12'],
      categoryIds: ['cat-1'],
      createdFrom: dayjs('2025-05-01').valueOf(),
      createdUntil: dayjs('2025-06-01').valueOf(),
      updatedFrom: dayjs('2025-05-20').valueOf(),
      text: '退款 refund',
    });
  });

  it('round-trips through a saved view', () => {
    const filters: TicketFilters = {
      ...EMPTY_FILTERS,
      statuses: ['1'],
      created: ['2025-01-01', '2025-01-01'],
      updated: [null, '2025-02-10'],
      text: 'invoice',
    };
    expect(fromFilterInput(toFilterInput(filters))).toEqual(filters);
    expect(fromFilterInput({})).toEqual(EMPTY_FILTERS);
  });

  it('counts the conditions set and compares filters regardless of list order', () => {
    expect(activeFilterCount({ ...EMPTY_FILTERS, statuses: ['1'], created: ['2025-01-01', null], text: 'x' })).toBe(3);
    expect(sameFilterInput({ statuses: ['1', '0'], text: 'a' }, { text: 'a', statuses: ['0', '1'] })).toBe(true);
    expect(sameFilterInput({ statuses: ['1'] }, { statuses: ['1'], text: 'a' })).toBe(false);
    expect(sameFilterInput({ statuses: [] }, {})).toBe(true);
  });
});

describe('filter choices', () => {
  it('come from the catalogs in the UI language; a code that differs between connections shows both names', () => {
    const both = filterChoices([SOBOT_CATALOG, UDESK_CATALOG], [], 'en');
    expect(both.priorities.find((option) => option.value === '1')?.label).toBe('Medium / Urgent');
    expect(both.assignees.map((option) => option.label)).toEqual(['Li Wei', 'Zhang Min', 'Wang Fang']);
    expect(both.connections.map((option) => option.label)).toEqual(['Sobot China', 'Udesk main']);
    // Deleted statuses are not offered.
    expect(both.statuses.map((option) => option.value)).not.toContain('c-old');

    const udesk = filterChoices([SOBOT_CATALOG, UDESK_CATALOG], ['udesk-1'], 'zh-CN');
    expect(udesk.statuses.map((option) => option.label)).toEqual(['开启', '解决中', '已解决', '已关闭']);
    expect(udesk.priorities.find((option) => option.value === '1')?.label).toBe('紧急');
  });

  it('merges items by code in first-seen order', () => {
    expect(mergeItems([SOBOT_CATALOG.sources, UDESK_CATALOG.sources], 'en').map((option) => option.value)).toEqual([
      '1',
      '12',
      'email',
    ]);
  });
});
