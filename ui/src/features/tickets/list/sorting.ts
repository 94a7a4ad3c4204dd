// Sorting the list from its column headers.
import type { TicketSort } from '../../../bindings';

/** The list's order: a field and its direction. */
export interface ListSort {
  sort: TicketSort;
  ascending: boolean;
}

/** Newest change first. */
export const DEFAULT_SORT: ListSort = { sort: 'updatedAt', ascending: false };

// Text sorts start A→Z, times and priority start with the newest / highest.
const STARTS_ASCENDING: ReadonlySet<TicketSort> = new Set(['title', 'assignee', 'status']);

/** The order after clicking the header of `field`: the same field flips, another one starts in its natural direction. */
export function nextSort(current: ListSort, field: TicketSort): ListSort {
  if (current.sort === field) return { sort: field, ascending: !current.ascending };
  return { sort: field, ascending: STARTS_ASCENDING.has(field) };
}
