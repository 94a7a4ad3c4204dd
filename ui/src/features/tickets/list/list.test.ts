import { describe, expect, it } from 'vitest';
import type { TicketListPage } from '../../../bindings';
import { ticketRow } from '../../../test/fakeTickets';
import { COLUMNS_STORAGE_KEY, DEFAULT_COLUMNS, loadColumns, saveColumns, toggleColumn } from './columns';
import { pagesForRange, rowAt, totalOf } from './paging';
import { clickRow, EMPTY_SELECTION, type RowSelection } from './selection';
import { DEFAULT_SORT, nextSort } from './sorting';

describe('paging', () => {
  it('asks for the pages of the visible rows (and page 0, which carries the total first)', () => {
    expect(pagesForRange(0, 30, 200)).toEqual([0]);
    expect(pagesForRange(190, 230, 200)).toEqual([0, 1]);
    expect(pagesForRange(30_000, 30_040, 200)).toEqual([0, 150]);
    expect(pagesForRange(49_990, 49_999, 200)).toEqual([0, 249]);
  });

  it('finds a row in the loaded pages, or nothing while its page loads', () => {
    const page = (from: number): TicketListPage => ({
      rows: Array.from({ length: 200 }, (_, i) => ticketRow({ ticketId: String(from + i) })),
      total: 50_000,
    });
    const pages = new Map([
      [0, page(0)],
      [150, page(30_000)],
    ]);
    expect(rowAt(pages, 5, 200)?.ticketId).toBe('5');
    expect(rowAt(pages, 30_123, 200)?.ticketId).toBe('30123');
    expect(rowAt(pages, 400, 200)).toBeUndefined();
    expect(totalOf(pages)).toBe(50_000);
    expect(totalOf(new Map())).toBeUndefined();
  });
});

describe('selection', () => {
  const keys = Array.from({ length: 10 }, (_, i) => `c:${i}`);
  const keyAt = (index: number) => keys[index];

  it('toggles single rows', () => {
    let selection = clickRow(EMPTY_SELECTION, 2, 'c:2', false, keyAt);
    expect([...selection.keys]).toEqual(['c:2']);
    selection = clickRow(selection, 2, 'c:2', false, keyAt);
    expect(selection.keys.size).toBe(0);
  });

  it('selects a range with shift, in either direction, and skips rows not loaded', () => {
    let selection = clickRow(EMPTY_SELECTION, 7, 'c:7', false, keyAt);
    selection = clickRow(selection, 3, 'c:3', true, (index) => (index === 5 ? undefined : keyAt(index)));
    expect([...selection.keys].sort()).toEqual(['c:3', 'c:4', 'c:6', 'c:7']);
    expect(selection.anchor).toBe(3);
  });

  it('clears a range with shift when the clicked row was selected', () => {
    let selection: RowSelection = { keys: new Set(keys), anchor: 0 };
    selection = clickRow(selection, 4, 'c:4', true, keyAt);
    expect([...selection.keys]).toEqual(['c:5', 'c:6', 'c:7', 'c:8', 'c:9']);
  });

  it('selects just the row on a shift-click without an anchor', () => {
    expect([...clickRow(EMPTY_SELECTION, 4, 'c:4', true, keyAt).keys]).toEqual(['c:4']);
  });
});

describe('sorting', () => {
  it('starts newest change first; a header click sorts by it, a second click flips', () => {
    expect(DEFAULT_SORT).toEqual({ sort: 'updatedAt', ascending: false });
    expect(nextSort(DEFAULT_SORT, 'updatedAt')).toEqual({ sort: 'updatedAt', ascending: true });
    expect(nextSort(DEFAULT_SORT, 'title')).toEqual({ sort: 'title', ascending: true });
    expect(nextSort({ sort: 'title', ascending: true }, 'title')).toEqual({ sort: 'title', ascending: false });
    expect(nextSort(DEFAULT_SORT, 'priority')).toEqual({ sort: 'priority', ascending: false });
    expect(nextSort(DEFAULT_SORT, 'createdAt')).toEqual({ sort: 'createdAt', ascending: false });
  });
});

describe('column chooser', () => {
  it('shows the defaults until the user chooses, then remembers the choice in display order', () => {
    expect(loadColumns()).toEqual(DEFAULT_COLUMNS);
    const chosen = toggleColumn(toggleColumn(DEFAULT_COLUMNS, 'connection'), 'priority');
    expect(chosen).toEqual(['number', 'title', 'status', 'assignee', 'customer', 'connection', 'updated']);
    saveColumns(chosen);
    expect(localStorage.getItem(COLUMNS_STORAGE_KEY)).toBe(JSON.stringify(chosen));
    expect(loadColumns()).toEqual(chosen);
  });

  it('never hides the title, and ignores unreadable or unknown stored columns', () => {
    expect(toggleColumn(DEFAULT_COLUMNS, 'title')).toEqual(DEFAULT_COLUMNS);
    localStorage.setItem(COLUMNS_STORAGE_KEY, '{broken');
    expect(loadColumns()).toEqual(DEFAULT_COLUMNS);
    localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(['nonsense', 'created', 'title']));
    expect(loadColumns()).toEqual(['title', 'created']);
  });
});
