// The queries of the board and the list: board columns paged 50 at a time, list pages of 200 by
// offset, counts per status. Every key sits under ['tickets', profileId] (ticketKeys.all), so a
// sync or a write refreshes them all with one invalidation.
import { infiniteQueryOptions, queryOptions, type InfiniteData } from '@tanstack/react-query';
import { commands, type TicketFilterInput, type TicketListPage, type TicketSort } from '../../bindings';
import { runCommand } from '../../lib/ipc';
import { ticketKeys } from './ticketKeys';

/** Cards a board column loads at a time. */
export const BOARD_PAGE_SIZE = 50;
/** Rows a list page holds. */
export const LIST_PAGE_SIZE = 200;

/** The prefix of every board column of a profile. */
export const boardPrefix = (profileId: string) => [...ticketKeys.all(profileId), 'board'] as const;
/** The prefix of every count query of a profile. */
export const countsPrefix = (profileId: string) => [...ticketKeys.all(profileId), 'counts'] as const;

/** The key of one board column: a connection's tickets of one status under a filter. */
export function boardColumnKey(profileId: string, connectionId: string, statusCode: string, filter: TicketFilterInput) {
  return [...boardPrefix(profileId), connectionId, statusCode, filter] as const;
}

/** The cached pages of a board column. */
export type BoardColumnData = InfiniteData<TicketListPage, number>;

/** Where the next page of a column starts, or undefined when everything is loaded. */
export function nextColumnOffset(pages: readonly TicketListPage[]): number | undefined {
  const loaded = pages.reduce((sum, page) => sum + page.rows.length, 0);
  const total = pages[pages.length - 1]?.total ?? 0;
  const lastEmpty = pages.length > 0 && pages[pages.length - 1]?.rows.length === 0;
  return loaded < total && !lastEmpty ? loaded : undefined;
}

/** One board column, newest change first, loaded page by page. */
export function boardColumnQuery(profileId: string, connectionId: string, statusCode: string, filter: TicketFilterInput) {
  const columnFilter: TicketFilterInput = { ...filter, connectionIds: [connectionId], statuses: [statusCode] };
  return infiniteQueryOptions({
    queryKey: boardColumnKey(profileId, connectionId, statusCode, filter),
    queryFn: ({ pageParam }) =>
      runCommand(
        commands.listTickets(profileId, {
          filter: columnFilter,
          sort: 'updatedAt',
          ascending: false,
          offset: pageParam,
          limit: BOARD_PAGE_SIZE,
        }),
      ),
    initialPageParam: 0,
    getNextPageParam: (_last, pages) => nextColumnOffset(pages),
  });
}

/** How many tickets of a filter have each status, as a map. */
export function statusCountsQuery(profileId: string, filter: TicketFilterInput) {
  return queryOptions({
    queryKey: ticketKeys.counts(profileId, filter),
    queryFn: () => runCommand(commands.countTicketsByStatus(profileId, filter)),
    select: (counts) => new Map(counts.map((entry) => [entry.statusCode, entry.count])),
  });
}

/** One page of the list (pages are cached by TanStack Query while the list scrolls). */
export function listPageQuery(profileId: string, filter: TicketFilterInput, sort: TicketSort, ascending: boolean, page: number) {
  const request = { filter, sort, ascending, offset: page * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE };
  return queryOptions({
    queryKey: ticketKeys.list(profileId, request),
    queryFn: () => runCommand(commands.listTickets(profileId, request)),
    staleTime: 30_000,
  });
}
