// Bulk changes of the list's selected tickets: the same change is sent to one ticket after the
// other (the vendors rate-limit), each guarded by the version the list showed. Every ticket's
// outcome is kept; the user can stop before the next ticket, and an error that concerns the
// whole connection (the acting agent is missing) ends the run so the user can fix it first.
import type { CatalogItem, ConnectionCatalogView, TicketChangeInput, TicketRowView } from '../../../bindings';
import { itemLabel } from '../catalog';
import { parseRowKey, rowKey } from '../rowKey';

/** What a bulk action changes. */
export type BulkField = 'status' | 'priority' | 'assignee' | 'group';

/** The bulk actions, in menu order. */
export const BULK_FIELDS: readonly BulkField[] = ['status', 'priority', 'assignee', 'group'];

/** One ticket of a bulk change, with the version its change is guarded by. */
export interface BulkTarget {
  key: string;
  connectionId: string;
  ticketId: string;
  /** The number shown to the user (the vendor's ticket code, else the id). */
  number: string;
  title: string;
  /** The row's updatedAtMs: the change is refused (conflict) when the ticket changed since. */
  version: number | null;
}

/** How one ticket's change ended. */
export type BulkResult =
  | { target: BulkTarget; outcome: 'done' }
  | { target: BulkTarget; outcome: 'conflict' }
  | { target: BulkTarget; outcome: 'failed'; error: unknown };

/** Why a run ended: every ticket was tried, the user stopped, or an error halted the run. */
export type BulkEnd = { kind: 'finished' } | { kind: 'stopped' } | { kind: 'halted'; error: unknown; target: BulkTarget };

/** A run: the outcome of every ticket tried, in order, and the tickets not tried. */
export interface BulkRun {
  results: BulkResult[];
  notAttempted: BulkTarget[];
  end: BulkEnd;
}

/** Where a run is: how many tickets were tried of how many. */
export interface BulkProgress {
  attempted: number;
  total: number;
}

/** Options of runBulk. */
export interface RunBulkOptions {
  /** Sends the change of one ticket: 'done' or 'conflict' (nothing written); throws when it failed. */
  write: (target: BulkTarget) => Promise<'done' | 'conflict'>;
  /** Asked before each ticket: true ends the run there. */
  shouldStop: () => boolean;
  /** Errors that end the run instead of failing one ticket (that ticket counts as not tried). */
  halts?: (error: unknown) => boolean;
  /** Called after each ticket. */
  onProgress?: (progress: BulkProgress, result: BulkResult) => void;
}

/** Sends the change to each target in turn, never two at once. */
export async function runBulk(targets: readonly BulkTarget[], options: RunBulkOptions): Promise<BulkRun> {
  const results: BulkResult[] = [];
  for (let index = 0; index < targets.length; index += 1) {
    const target = targets[index];
    if (target === undefined) continue;
    if (options.shouldStop()) return { results, notAttempted: targets.slice(index), end: { kind: 'stopped' } };
    let result: BulkResult;
    try {
      const outcome = await options.write(target);
      result = { target, outcome };
    } catch (error) {
      if (options.halts?.(error)) {
        return { results, notAttempted: targets.slice(index), end: { kind: 'halted', error, target } };
      }
      result = { target, outcome: 'failed', error };
    }
    results.push(result);
    options.onProgress?.({ attempted: index + 1, total: targets.length }, result);
  }
  return { results, notAttempted: [], end: { kind: 'finished' } };
}

/** The counts the summary shows. */
export interface BulkSummary {
  changed: number;
  /** Not written because the ticket changed at the vendor since the list was loaded. */
  skipped: number;
  failed: number;
  notAttempted: number;
}

/** Counts a run's outcomes. */
export function summarize(run: BulkRun): BulkSummary {
  const count = (outcome: BulkResult['outcome']) => run.results.filter((result) => result.outcome === outcome).length;
  return {
    changed: count('done'),
    skipped: count('conflict'),
    failed: count('failed'),
    notAttempted: run.notAttempted.length,
  };
}

/** The keys of the tickets a run changed (they leave the selection; the others stay selected). */
export function changedKeys(run: BulkRun): Set<string> {
  return new Set(run.results.filter((result) => result.outcome === 'done').map((result) => result.target.key));
}

/** The results the user must look at: the skipped and failed tickets. */
export function problems(run: BulkRun): BulkResult[] {
  return run.results.filter((result) => result.outcome !== 'done');
}

/** The change a bulk action sends for `value`. */
export function changeFor(field: BulkField, value: string): TicketChangeInput {
  switch (field) {
    case 'status':
      return { status: value };
    case 'priority':
      return { priority: value };
    case 'assignee':
      return { assigneeId: value };
    case 'group':
      return { groupId: value };
  }
}

/** One choice of a bulk action's select. */
export interface BulkOption {
  value: string;
  label: string;
}

/** The values a bulk action offers on a connection (items deleted at the vendor are not offered). */
export function bulkOptions(field: BulkField, catalog: ConnectionCatalogView | undefined, language: string): BulkOption[] {
  if (!catalog) return [];
  const items = (list: readonly CatalogItem[]) =>
    list.filter((item) => !item.deleted).map((item) => ({ value: item.code, label: itemLabel(item, language) }));
  switch (field) {
    case 'status':
      return items(catalog.statuses);
    case 'priority':
      return items(catalog.priorities);
    case 'assignee':
      return catalog.agents.map((agent) => ({
        value: agent.id,
        label: agent.email ? `${agent.name} · ${agent.email}` : agent.name,
      }));
    case 'group':
      return items(catalog.groups);
  }
}

/** The connections of the selected keys, in first-seen order. */
export function connectionsOf(keys: Iterable<string>): string[] {
  const connections: string[] = [];
  for (const key of keys) {
    const connectionId = parseRowKey(key)?.connectionId;
    if (connectionId !== undefined && !connections.includes(connectionId)) connections.push(connectionId);
  }
  return connections;
}

/** The target of a row. */
export function targetOf(row: TicketRowView): BulkTarget {
  return {
    key: rowKey(row),
    connectionId: row.connectionId,
    ticketId: row.ticketId,
    number: row.ticketCode ?? row.ticketId,
    title: row.title,
    version: row.updatedAtMs,
  };
}

/** The targets of a selection, and the selected keys with no known row. */
export interface SelectedTargets {
  targets: BulkTarget[];
  missing: string[];
}

/**
 * The targets of the selected keys, in selection order, each from the newest version known among
 * `rows` (loaded list pages, open details, answers of earlier writes).
 */
export function targetsFor(keys: Iterable<string>, rows: Iterable<TicketRowView>): SelectedTargets {
  const newest = new Map<string, TicketRowView>();
  for (const row of rows) {
    const key = rowKey(row);
    const known = newest.get(key);
    if (!known || (row.updatedAtMs ?? 0) > (known.updatedAtMs ?? 0)) newest.set(key, row);
  }
  const targets: BulkTarget[] = [];
  const missing: string[] = [];
  for (const key of keys) {
    const row = newest.get(key);
    if (row) targets.push(targetOf(row));
    else missing.push(key);
  }
  return { targets, missing };
}
