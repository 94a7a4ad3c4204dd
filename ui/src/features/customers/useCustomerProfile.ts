// The queries of the customer profile screen: the CRM profile read fresh from Sobot, the
// customer's tickets read from Sobot into the local store, and those tickets listed from the store.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { commands, type TicketListRequest } from '../../bindings';
import { runCommand } from '../../lib/ipc';
import { ticketKeys } from '../tickets/ticketKeys';

/** How many of the customer's tickets the profile lists (newest change first). */
export const CUSTOMER_TICKETS_LIMIT = 100;

/** TanStack Query keys of the customer screens (under ['customers', profileId]). */
export const customerKeys = {
  all: (profileId: string) => ['customers', profileId] as const,
  profile: (profileId: string, connectionId: string, customerId: string) =>
    ['customers', profileId, 'profile', connectionId, customerId] as const,
  ticketsRefresh: (profileId: string, connectionId: string, customerId: string) =>
    ['customers', profileId, 'ticketsRefresh', connectionId, customerId] as const,
};

/** The request listing one customer's tickets from the local store. */
export function customerTicketsRequest(connectionId: string, customerId: string): TicketListRequest {
  return {
    filter: { connectionIds: [connectionId], customerIds: [customerId] },
    sort: 'updatedAt',
    ascending: false,
    offset: 0,
    limit: CUSTOMER_TICKETS_LIMIT,
  };
}

/** The customer's CRM profile, read fresh from Sobot each time the screen opens. */
export function useCustomerProfile(profileId: string, connectionId: string, customerId: string) {
  return useQuery({
    queryKey: customerKeys.profile(profileId, connectionId, customerId),
    queryFn: () => runCommand(commands.getCustomerProfile(profileId, connectionId, customerId)),
  });
}

/**
 * The customer's tickets: on mount they are read from Sobot into the local store (`refresh`), while
 * the local store's copy lists at once (`list`); once the read is done the list is read again.
 * A failed read leaves the list showing what the store has.
 */
export function useCustomerTickets(profileId: string, connectionId: string, customerId: string) {
  // A query rather than a mutation: one read per visit, shared by React's double mount in development.
  const refresh = useQuery({
    queryKey: customerKeys.ticketsRefresh(profileId, connectionId, customerId),
    queryFn: () => runCommand(commands.refreshCustomerTickets(profileId, connectionId, customerId)),
  });
  const request = customerTicketsRequest(connectionId, customerId);
  // Keyed by when the read from Sobot last finished, so that its result is listed; under the
  // profile's tickets key, so that a sync refreshes it too.
  const list = useQuery({
    queryKey: [...ticketKeys.list(profileId, request), 'customer', refresh.dataUpdatedAt] as const,
    queryFn: () => runCommand(commands.listTickets(profileId, request)),
    placeholderData: keepPreviousData,
  });
  return { refresh, list };
}
