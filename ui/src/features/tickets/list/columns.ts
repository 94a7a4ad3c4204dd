// The list's columns: which exist, which sort how, which the user shows (remembered in localStorage).
import type { TicketSort } from '../../../bindings';

/** A column of the list. */
export type ListColumnId =
  | 'number'
  | 'title'
  | 'status'
  | 'priority'
  | 'assignee'
  | 'group'
  | 'customer'
  | 'source'
  | 'category'
  | 'connection'
  | 'created'
  | 'updated';

/** Every column, in display order, with its width (CSS grid track) and the sort it offers. */
export const LIST_COLUMNS: readonly { id: ListColumnId; width: string; sort?: TicketSort }[] = [
  { id: 'number', width: '142px' },
  { id: 'title', width: 'minmax(220px, 3fr)', sort: 'title' },
  { id: 'status', width: 'minmax(110px, 1fr)', sort: 'status' },
  { id: 'priority', width: '96px', sort: 'priority' },
  { id: 'assignee', width: 'minmax(110px, 1fr)', sort: 'assignee' },
  { id: 'group', width: 'minmax(110px, 1fr)' },
  { id: 'customer', width: 'minmax(120px, 1fr)' },
  { id: 'source', width: 'minmax(100px, 1fr)' },
  { id: 'category', width: 'minmax(100px, 1fr)' },
  { id: 'connection', width: 'minmax(100px, 1fr)' },
  { id: 'created', width: '136px', sort: 'createdAt' },
  { id: 'updated', width: '136px', sort: 'updatedAt' },
];

/** Shown until the user chooses. */
export const DEFAULT_COLUMNS: readonly ListColumnId[] = ['number', 'title', 'status', 'priority', 'assignee', 'customer', 'updated'];

/** Where the chosen columns are remembered. */
export const COLUMNS_STORAGE_KEY = 'switchboard.tickets.listColumns';

const KNOWN = new Set<string>(LIST_COLUMNS.map((column) => column.id));

/** The remembered columns (in display order), or the defaults when none or unreadable. */
export function loadColumns(storage: Pick<Storage, 'getItem'> = localStorage): ListColumnId[] {
  try {
    const raw = storage.getItem(COLUMNS_STORAGE_KEY);
    if (!raw) return [...DEFAULT_COLUMNS];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [...DEFAULT_COLUMNS];
    const chosen = new Set(parsed.filter((id): id is ListColumnId => typeof id === 'string' && KNOWN.has(id)));
    if (chosen.size === 0) return [...DEFAULT_COLUMNS];
    return LIST_COLUMNS.map((column) => column.id).filter((id) => chosen.has(id));
  } catch {
    return [...DEFAULT_COLUMNS];
  }
}

/** Remembers the chosen columns. */
export function saveColumns(columns: readonly ListColumnId[], storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // Storage full or unavailable: the choice lasts for this session only.
  }
}

/** The columns after showing or hiding `id` (the title always stays: a row needs a name). */
export function toggleColumn(columns: readonly ListColumnId[], id: ListColumnId): ListColumnId[] {
  if (id === 'title') return [...columns];
  const chosen = new Set(columns);
  if (chosen.has(id)) chosen.delete(id);
  else chosen.add(id);
  return LIST_COLUMNS.map((column) => column.id).filter((candidate) => chosen.has(candidate));
}
