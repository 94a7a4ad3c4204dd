// The filter the Tickets page edits, and its mapping to the command's TicketFilterInput (and back,
// for saved views). Dates are edited as calendar days ('YYYY-MM-DD', local time); a range covers
// its last day entirely (the command's upper bound is exclusive).
import dayjs from 'dayjs';
import type { TicketFilterInput } from '../../../bindings';

/** A date range as the pickers edit it: first and last day, each optional. */
export type DayRange = [string | null, string | null];

/** The filter as the page edits it. */
export interface TicketFilters {
  connectionIds: string[];
  statuses: string[];
  priorities: string[];
  assigneeIds: string[];
  groupIds: string[];
  sources: string[];
  categoryIds: string[];
  created: DayRange;
  updated: DayRange;
  text: string;
}

/** No filter: every ticket. */
export const EMPTY_FILTERS: TicketFilters = {
  connectionIds: [],
  statuses: [],
  priorities: [],
  assigneeIds: [],
  groupIds: [],
  sources: [],
  categoryIds: [],
  created: [null, null],
  updated: [null, null],
  text: '',
};

/** The list-valued keys of a filter (multi-selects), in the filter bar's order. */
export const LIST_KEYS = [
  'connectionIds',
  'statuses',
  'priorities',
  'assigneeIds',
  'groupIds',
  'sources',
  'categoryIds',
] as const;

/** One list-valued key. */
export type ListKey = (typeof LIST_KEYS)[number];

const DAY = 'YYYY-MM-DD';

/** Start of a day (local time) in Unix ms, or null. */
export function dayStartMs(day: string | null): number | null {
  if (!day) return null;
  const parsed = dayjs(day);
  return parsed.isValid() ? parsed.startOf('day').valueOf() : null;
}

/** Start of the day after `day` (local time): the exclusive upper bound of a range ending on it. */
export function dayEndMs(day: string | null): number | null {
  const start = dayStartMs(day);
  return start === null ? null : dayjs(start).add(1, 'day').valueOf();
}

function msToDay(ms: number | null | undefined, exclusiveEnd: boolean): string | null {
  if (ms == null) return null;
  const day = dayjs(ms);
  return (exclusiveEnd ? day.subtract(1, 'day') : day).format(DAY);
}

/**
 * The command's filter: only the conditions that are set (lists non-empty, dates given, text
 * trimmed and non-empty), so that equal filters give equal query keys.
 */
export function toFilterInput(filters: TicketFilters): TicketFilterInput {
  const input: TicketFilterInput = {};
  for (const key of LIST_KEYS) {
    if (filters[key].length > 0) input[key] = [...filters[key]];
  }
  const createdFrom = dayStartMs(filters.created[0]);
  const createdUntil = dayEndMs(filters.created[1]);
  const updatedFrom = dayStartMs(filters.updated[0]);
  const updatedUntil = dayEndMs(filters.updated[1]);
  if (createdFrom !== null) input.createdFrom = createdFrom;
  if (createdUntil !== null) input.createdUntil = createdUntil;
  if (updatedFrom !== null) input.updatedFrom = updatedFrom;
  if (updatedUntil !== null) input.updatedUntil = updatedUntil;
  const text = filters.text.trim();
  if (text) input.text = text;
  return input;
}

/** The page's filter from a stored one (a saved view). */
export function fromFilterInput(input: TicketFilterInput): TicketFilters {
  return {
    connectionIds: [...(input.connectionIds ?? [])],
    statuses: [...(input.statuses ?? [])],
    priorities: [...(input.priorities ?? [])],
    assigneeIds: [...(input.assigneeIds ?? [])],
    groupIds: [...(input.groupIds ?? [])],
    sources: [...(input.sources ?? [])],
    categoryIds: [...(input.categoryIds ?? [])],
    created: [msToDay(input.createdFrom, false), msToDay(input.createdUntil, true)],
    updated: [msToDay(input.updatedFrom, false), msToDay(input.updatedUntil, true)],
    text: input.text ?? '',
  };
}

/** How many conditions are set (for the "filters" badge). */
export function activeFilterCount(filters: TicketFilters): number {
  let count = LIST_KEYS.filter((key) => filters[key].length > 0).length;
  if (filters.created[0] || filters.created[1]) count += 1;
  if (filters.updated[0] || filters.updated[1]) count += 1;
  if (filters.text.trim()) count += 1;
  return count;
}

/** Whether two command filters select the same tickets (a saved view is "applied" when equal). */
export function sameFilterInput(a: TicketFilterInput, b: TicketFilterInput): boolean {
  const normalize = (input: TicketFilterInput) => toFilterInput(fromFilterInput(input));
  const sortLists = (input: TicketFilterInput) => {
    const copy: Record<string, unknown> = { ...input };
    for (const key of LIST_KEYS) if (Array.isArray(copy[key])) copy[key] = [...(copy[key] as string[])].sort();
    return JSON.stringify(Object.keys(copy).sort().map((key) => [key, copy[key]]));
  };
  return sortLists(normalize(a)) === sortLists(normalize(b));
}
