// TanStack Query keys of the tickets feature. Everything of a profile sits under
// ['tickets', profileId], so one invalidation refreshes boards, lists, counts and details
// (after a sync or a write).
import type { TicketFilterInput, TicketListRequest } from '../../bindings';

export const ticketKeys = {
  all: (profileId: string) => ['tickets', profileId] as const,
  list: (profileId: string, request: TicketListRequest) => ['tickets', profileId, 'list', request] as const,
  counts: (profileId: string, filter: TicketFilterInput) => ['tickets', profileId, 'counts', filter] as const,
  catalogs: (profileId: string) => ['tickets', profileId, 'catalogs'] as const,
  detail: (profileId: string, connectionId: string, ticketId: string) =>
    ['tickets', profileId, 'detail', connectionId, ticketId] as const,
  views: (profileId: string) => ['tickets', profileId, 'views'] as const,
};
