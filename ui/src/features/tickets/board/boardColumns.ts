// Which columns the board shows: the connection's statuses in the vendor's order (custom ones
// included); a status deleted at the vendor only while tickets still carry it; codes the catalog
// does not know (yet) at the end when tickets carry them.
import type { CatalogItem } from '../../../bindings';
import { itemLabel } from '../catalog';

/** One board column. */
export interface BoardColumnInfo {
  code: string;
  label: string;
  custom: boolean;
  closed: boolean;
  deleted: boolean;
  /** Tickets of this status under the current filter (undefined while counting). */
  count: number | undefined;
}

/**
 * The columns for a connection's statuses and the current counts. `only` (the status filter, when
 * set) keeps just those statuses.
 */
export function boardColumns(
  statuses: readonly CatalogItem[],
  counts: ReadonlyMap<string, number> | undefined,
  language: string,
  only: readonly string[] = [],
): BoardColumnInfo[] {
  const wanted = (code: string) => only.length === 0 || only.includes(code);
  const columns: BoardColumnInfo[] = [];
  for (const status of statuses) {
    const count = counts?.get(status.code);
    if (status.deleted && !(count && count > 0)) continue;
    if (!wanted(status.code)) continue;
    columns.push({
      code: status.code,
      label: itemLabel(status, language),
      custom: status.custom,
      closed: status.closed,
      deleted: status.deleted,
      count: counts ? (count ?? 0) : undefined,
    });
  }
  const known = new Set(statuses.map((status) => status.code));
  for (const [code, count] of counts ?? []) {
    if (known.has(code) || count <= 0 || !wanted(code)) continue;
    columns.push({ code, label: code, custom: false, closed: false, deleted: false, count });
  }
  return columns;
}
