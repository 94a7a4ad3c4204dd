// Moving a board card to another status: the card moves at once (optimistically, in the cached
// columns and counts), the vendor is asked through change_ticket guarded by the version the user
// saw, and the board goes back to what it was when the vendor refuses or the ticket changed meanwhile.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { commands, type StatusCount, type TicketRowView } from '../../../bindings';
import { runCommand } from '../../../lib/ipc';
import { ticketKeys } from '../ticketKeys';
import { boardPrefix, countsPrefix, type BoardColumnData } from '../ticketQueries';

/** How a move ended. */
export type MoveOutcome =
  | { kind: 'unchanged' }
  | { kind: 'done'; ticket: TicketRowView }
  | { kind: 'conflict'; ticket: TicketRowView }
  | { kind: 'error'; error: unknown };

type Snapshot = [QueryKey, unknown][];

const sameTicket = (a: TicketRowView, b: TicketRowView) => a.connectionId === b.connectionId && a.ticketId === b.ticketId;

/** The column data with `card` removed (totals lowered when it was there). */
export function withoutCard(data: BoardColumnData, card: TicketRowView): BoardColumnData {
  const present = data.pages.some((page) => page.rows.some((row) => sameTicket(row, card)));
  if (!present) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      rows: page.rows.filter((row) => !sameTicket(row, card)),
      total: Math.max(0, page.total - 1),
    })),
  };
}

/** The column data with `card` first (totals raised). */
export function withCardFirst(data: BoardColumnData, card: TicketRowView): BoardColumnData {
  return {
    ...data,
    pages: data.pages.map((page, index) => ({
      rows: index === 0 ? [card, ...page.rows.filter((row) => !sameTicket(row, card))] : page.rows,
      total: page.total + 1,
    })),
  };
}

/** Status counts with one ticket moved from `from` to `to`. */
export function movedCounts(counts: readonly StatusCount[], from: string, to: string): StatusCount[] {
  const next = counts.map((entry) => {
    if (entry.statusCode === from) return { ...entry, count: Math.max(0, entry.count - 1) };
    if (entry.statusCode === to) return { ...entry, count: entry.count + 1 };
    return entry;
  });
  if (!next.some((entry) => entry.statusCode === to)) next.push({ statusCode: to, count: 1 });
  return next;
}

/** Moves the card in every cached board column and count of the profile; returns what to restore. */
function applyOptimisticMove(queryClient: QueryClient, profileId: string, card: TicketRowView, toStatus: string): Snapshot {
  const snapshot: Snapshot = [
    ...queryClient.getQueriesData({ queryKey: boardPrefix(profileId) }),
    ...queryClient.getQueriesData({ queryKey: countsPrefix(profileId) }),
  ];
  const moved: TicketRowView = { ...card, statusCode: toStatus };
  for (const [key, data] of queryClient.getQueriesData<BoardColumnData>({ queryKey: boardPrefix(profileId) })) {
    if (!data) continue;
    const [, , , connectionId, statusCode] = key;
    if (connectionId !== card.connectionId) continue;
    if (statusCode === card.statusCode) queryClient.setQueryData(key, withoutCard(data, card));
    else if (statusCode === toStatus) queryClient.setQueryData(key, withCardFirst(data, moved));
  }
  for (const [key, data] of queryClient.getQueriesData<StatusCount[]>({ queryKey: countsPrefix(profileId) })) {
    if (!data) continue;
    const [, , , filter] = key;
    const connections = (filter as { connectionIds?: string[] } | undefined)?.connectionIds ?? [];
    if (connections.length > 0 && !connections.includes(card.connectionId)) continue;
    queryClient.setQueryData(key, movedCounts(data, card.statusCode, toStatus));
  }
  return snapshot;
}

function restore(queryClient: QueryClient, snapshot: Snapshot): void {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}

/**
 * Changes the status of `card` to `toStatus` at the vendor, guarded by the version on the card
 * (`updatedAtMs`). The board shows the move at once and is put back on an error or a conflict.
 */
export async function moveTicket(
  queryClient: QueryClient,
  profileId: string,
  card: TicketRowView,
  toStatus: string,
): Promise<MoveOutcome> {
  if (card.statusCode === toStatus) return { kind: 'unchanged' };
  await Promise.all([
    queryClient.cancelQueries({ queryKey: boardPrefix(profileId) }),
    queryClient.cancelQueries({ queryKey: countsPrefix(profileId) }),
  ]);
  const snapshot = applyOptimisticMove(queryClient, profileId, card, toStatus);
  try {
    const result = await runCommand(
      commands.changeTicket(profileId, card.connectionId, card.ticketId, { status: toStatus }, card.updatedAtMs),
    );
    if (result.outcome === 'conflict') {
      restore(queryClient, snapshot);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all(profileId) });
      return { kind: 'conflict', ticket: result.ticket.ticket };
    }
    void queryClient.invalidateQueries({ queryKey: ticketKeys.all(profileId) });
    return { kind: 'done', ticket: result.ticket.ticket };
  } catch (error) {
    restore(queryClient, snapshot);
    return { kind: 'error', error };
  }
}
