import type { TicketRowView } from '../../bindings';

/** A ticket's key across connections (ticket ids are unique per connection only). */
export function rowKey(row: Pick<TicketRowView, 'connectionId' | 'ticketId'>): string {
  return `${row.connectionId}:${row.ticketId}`;
}

/** The connection and ticket of a key made by rowKey. */
export function parseRowKey(key: string): { connectionId: string; ticketId: string } | null {
  const at = key.indexOf(':');
  if (at <= 0 || at === key.length - 1) return null;
  return { connectionId: key.slice(0, at), ticketId: key.slice(at + 1) };
}
