// Which list pages the visible rows need: the list asks for pages of LIST_PAGE_SIZE rows by
// offset as rows come into view, and keeps the pages it has (TanStack Query caches them).
import type { TicketListPage, TicketRowView } from '../../../bindings';

/** The pages that hold rows `first`..`last` (inclusive), plus page 0 (it carries the total first). */
export function pagesForRange(first: number, last: number, pageSize: number): number[] {
  const pages = new Set<number>([0]);
  if (last >= first && first >= 0) {
    for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page += 1) pages.add(page);
  }
  return [...pages].sort((a, b) => a - b);
}

/** The row at `index` from the loaded pages, or undefined while its page loads. */
export function rowAt(
  pages: ReadonlyMap<number, TicketListPage>,
  index: number,
  pageSize: number,
): TicketRowView | undefined {
  return pages.get(Math.floor(index / pageSize))?.rows[index % pageSize];
}

/** The total number of matching rows, from the most recently loaded page that has one. */
export function totalOf(pages: ReadonlyMap<number, TicketListPage>): number | undefined {
  let total: number | undefined;
  for (const page of pages.values()) total = page.total;
  return total;
}
