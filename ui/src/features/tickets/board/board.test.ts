import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { StatusCount, TicketListPage } from '../../../bindings';
import { installFakeBackend } from '../../../test/fakeBackend';
import { fakeTickets, SOBOT_CATALOG, ticketRow, UDESK_CATALOG, type FakeTicketsOptions } from '../../../test/fakeTickets';
import { rowKey } from '../rowKey';
import { ticketKeys } from '../ticketKeys';
import { boardColumnKey, nextColumnOffset, type BoardColumnData } from '../ticketQueries';
import { boardColumns } from './boardColumns';
import { moveTicket, movedCounts } from './moveTicket';
import { nextBoardCursor } from './TicketBoard';

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('boardColumns', () => {
  it('has the statuses in vendor order, custom ones included, deleted ones only while tickets carry them', () => {
    const columns = boardColumns(SOBOT_CATALOG.statuses, counts({ '0': 4, 'c-wait': 2, 'c-old': 1 }), 'en');
    expect(columns.map((column) => [column.code, column.label, column.count])).toEqual([
      ['0', 'New', 4],
      ['1', 'In progress', 0],
      ['c-wait', 'Waiting for parts', 2],
      ['c-old', 'Escalated (old)', 1],
      ['3', 'Solved', 0],
    ]);
    expect(columns.find((column) => column.code === 'c-wait')?.custom).toBe(true);
    expect(columns.find((column) => column.code === 'c-old')?.deleted).toBe(true);
  });

  it('names the statuses in the UI language, and adds codes the catalog does not know when tickets carry them', () => {
    const columns = boardColumns(UDESK_CATALOG.statuses, counts({ open: 1, pending_vendor: 3, ghost: 0 }), 'zh-CN');
    expect(columns.map((column) => column.label)).toEqual(['开启', '解决中', '已解决', '已关闭', 'pending_vendor']);
  });

  it('keeps only the filtered statuses, and leaves counts unknown while counting', () => {
    const columns = boardColumns(SOBOT_CATALOG.statuses, undefined, 'en', ['1', '3']);
    expect(columns.map((column) => [column.code, column.count])).toEqual([
      ['1', undefined],
      ['3', undefined],
    ]);
  });
});

describe('nextColumnOffset', () => {
  const page = (rows: number, total: number): TicketListPage => ({
    rows: Array.from({ length: rows }, (_, i) => ticketRow({ ticketId: String(i) })),
    total,
  });
  it('continues after the loaded cards until all are loaded', () => {
    expect(nextColumnOffset([page(50, 120)])).toBe(50);
    expect(nextColumnOffset([page(50, 120), page(50, 120)])).toBe(100);
    expect(nextColumnOffset([page(50, 120), page(50, 120), page(20, 120)])).toBeUndefined();
    expect(nextColumnOffset([page(50, 120), page(0, 120)])).toBeUndefined();
  });
});

describe('nextBoardCursor', () => {
  const a = [ticketRow({ ticketId: 'a1' }), ticketRow({ ticketId: 'a2' })];
  const b = [ticketRow({ ticketId: 'b1' })];
  const cards = [a, [], b];
  it('starts at the first card, moves within the column and stops at its ends', () => {
    expect(nextBoardCursor(cards, null, 1)?.ticketId).toBe('a1');
    expect(nextBoardCursor(cards, rowKey(a[0]!), 1)?.ticketId).toBe('a2');
    expect(nextBoardCursor(cards, rowKey(a[1]!), 1)?.ticketId).toBe('a2');
    expect(nextBoardCursor(cards, rowKey(a[1]!), -1)?.ticketId).toBe('a1');
  });
  it('jumps to the next non-empty column', () => {
    expect(nextBoardCursor(cards, rowKey(a[1]!), 0, 1)?.ticketId).toBe('b1');
    expect(nextBoardCursor(cards, rowKey(b[0]!), 0, -1)?.ticketId).toBe('a1');
    expect(nextBoardCursor(cards, rowKey(b[0]!), 0, 1)?.ticketId).toBe('b1');
  });
});

describe('movedCounts', () => {
  it('moves one ticket between statuses', () => {
    const before: StatusCount[] = [
      { statusCode: '0', count: 3 },
      { statusCode: '1', count: 1 },
    ];
    expect(movedCounts(before, '0', '1')).toEqual([
      { statusCode: '0', count: 2 },
      { statusCode: '1', count: 2 },
    ]);
    expect(movedCounts(before, '0', '3')).toContainEqual({ statusCode: '3', count: 1 });
  });
});

describe('moveTicket (dropping a card on another column)', () => {
  const card = ticketRow({ ticketId: '42', statusCode: '0', updatedAtMs: 1_700_000_000_000 });
  const other = ticketRow({ ticketId: '43', statusCode: '1' });
  const column = (rows: typeof card[]): BoardColumnData => ({ pages: [{ rows, total: rows.length }], pageParams: [0] });

  function setup(change: FakeTicketsOptions['change'], changeGate?: Promise<void>) {
    const fake = fakeTickets({ tickets: [card, other], change, changeGate });
    const ipc = installFakeBackend({ handlers: fake.handlers });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const from = boardColumnKey('demo', 'sobot-1', '0', {});
    const to = boardColumnKey('demo', 'sobot-1', '1', {});
    const countsKey = ticketKeys.counts('demo', { connectionIds: ['sobot-1'] });
    queryClient.setQueryData(from, column([card]));
    queryClient.setQueryData(to, column([other]));
    queryClient.setQueryData<StatusCount[]>(countsKey, [
      { statusCode: '0', count: 1 },
      { statusCode: '1', count: 1 },
    ]);
    const rows = (key: readonly unknown[]) =>
      queryClient.getQueryData<BoardColumnData>(key)?.pages.flatMap((page) => page.rows.map((row) => row.ticketId));
    return { fake, ipc, queryClient, from, to, countsKey, rows };
  }

  it('changes the status at the vendor guarded by the version on the card, moving the card at once', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { ipc, queryClient, from, to, countsKey, rows } = setup('done', gate);
    const pending = moveTicket(queryClient, 'demo', card, '1');
    // Optimistic: moved before the vendor answered.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rows(from)).toEqual([]);
    expect(rows(to)).toEqual(['42', '43']);
    expect(queryClient.getQueryData(countsKey)).toEqual([
      { statusCode: '0', count: 0 },
      { statusCode: '1', count: 2 },
    ]);
    release();
    const outcome = await pending;
    expect(outcome.kind).toBe('done');
    expect(ipc.callsTo('change_ticket' as never).map((call) => call.args)).toEqual([
      {
        profileId: 'demo',
        connectionId: 'sobot-1',
        ticketId: '42',
        change: { status: '1' },
        seenVersion: 1_700_000_000_000,
      },
    ]);
    // Everything of the profile is refreshed from the store afterwards.
    expect(queryClient.getQueryState(from)?.isInvalidated).toBe(true);
  });

  it('puts the card back when the vendor refuses', async () => {
    const { queryClient, from, to, countsKey, rows } = setup({
      code: 'vendor',
      vendor: 'sobot',
      vendorCode: '100004',
      message: 'required field missing',
    });
    const outcome = await moveTicket(queryClient, 'demo', card, '1');
    expect(outcome.kind).toBe('error');
    expect(rows(from)).toEqual(['42']);
    expect(rows(to)).toEqual(['43']);
    expect(queryClient.getQueryData(countsKey)).toEqual([
      { statusCode: '0', count: 1 },
      { statusCode: '1', count: 1 },
    ]);
  });

  it('puts the card back on a conflict and returns the ticket as it is now', async () => {
    const { queryClient, from, to, rows } = setup('conflict');
    const outcome = await moveTicket(queryClient, 'demo', card, '1');
    expect(outcome).toMatchObject({ kind: 'conflict', ticket: { ticketId: '42' } });
    expect(rows(from)).toEqual(['42']);
    expect(rows(to)).toEqual(['43']);
  });

  it('does nothing when dropped on its own column', async () => {
    const { ipc, queryClient } = setup('done');
    expect(await moveTicket(queryClient, 'demo', card, '0')).toEqual({ kind: 'unchanged' });
    expect(ipc.callsTo('change_ticket' as never)).toHaveLength(0);
  });
});
