import {
  Badge,
  Box,
  Button,
  Group,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketFilterInput, TicketListPage, TicketRowView } from '../../../bindings';
import type { TicketViewHandle } from '../board/TicketBoard';
import type { TicketLabels } from '../labels';
import { rowKey } from '../rowKey';
import { LIST_PAGE_SIZE, listPageQuery } from '../ticketQueries';
import { useBulkActions } from './BulkActions';
import { ColumnChooser } from './ColumnChooser';
import { ExportButton } from './ExportButton';
import { LIST_COLUMNS, loadColumns, saveColumns, type ListColumnId } from './columns';
import { ListHeader } from './ListHeader';
import { ListRow, PlaceholderRow, ROW_CHECK_SELECTOR, ROW_HEIGHT } from './ListRow';
import { pagesForRange, rowAt, totalOf } from './paging';
import { clickRow, EMPTY_SELECTION, type RowSelection } from './selection';
import { DEFAULT_SORT, type ListSort } from './sorting';

const CHECK_COLUMN = '36px';

/** Props of TicketList. */
export interface TicketListProps {
  profileId: string;
  filter: TicketFilterInput;
  labels: TicketLabels;
  cursorKey: string | null;
  onCursorChange: (row: TicketRowView) => void;
  onOpen: (row: TicketRowView) => void;
  /** Shown instead of the table when nothing matches. */
  empty: ReactNode;
  handleRef?: Ref<TicketViewHandle>;
}

/** The virtualized ticket list: pages of 200 rows load as they scroll into view. */
export function TicketList({ profileId, filter, labels, cursorKey, onCursorChange, onOpen, empty, handleRef }: TicketListProps) {
  const { t } = useTranslation();
  const [columns, setColumns] = useState<ListColumnId[]>(() => loadColumns());
  const [order, setOrder] = useState<ListSort>(DEFAULT_SORT);
  const [selection, setSelection] = useState<RowSelection>(EMPTY_SELECTION);
  // A new filter or order is a new list: the selection of the old one does not carry over.
  const listIdentity = JSON.stringify([filter, order]);
  const [selectionFor, setSelectionFor] = useState(listIdentity);
  const [total, setTotal] = useState<number | undefined>(undefined);
  if (selectionFor !== listIdentity) {
    setSelectionFor(listIdentity);
    setSelection(EMPTY_SELECTION);
    setTotal(undefined);
  }

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read each render, never memoized
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const wanted = pagesForRange(first, last, LIST_PAGE_SIZE);

  const results = useQueries({
    queries: wanted.map((page) => listPageQuery(profileId, filter, order.sort, order.ascending, page)),
  });
  const pages = new Map<number, TicketListPage>();
  results.forEach((result, index) => {
    const page = wanted[index];
    if (result.data && page !== undefined) pages.set(page, result.data);
  });
  const loadedTotal = totalOf(pages);
  if (loadedTotal !== undefined && loadedTotal !== total) setTotal(loadedTotal);
  const firstPage = results[0];

  const visibleColumns = LIST_COLUMNS.filter((column) => columns.includes(column.id));
  const template = [CHECK_COLUMN, ...visibleColumns.map((column) => column.width)].join(' ');
  const keyAt = (index: number) => {
    const row = rowAt(pages, index, LIST_PAGE_SIZE);
    return row ? rowKey(row) : undefined;
  };
  const loadedRows = [...pages.values()].flatMap((page) => page.rows);

  useImperativeHandle(
    handleRef,
    () => ({
      move: (delta: number) => {
        let index = -1;
        for (const [page, data] of pages) {
          const found = data.rows.findIndex((row) => rowKey(row) === cursorKey);
          if (found >= 0) index = page * LIST_PAGE_SIZE + found;
        }
        const count = total ?? 0;
        if (count === 0) return;
        const next = index < 0 ? 0 : Math.max(0, Math.min(count - 1, index + delta));
        const row = rowAt(pages, next, LIST_PAGE_SIZE);
        if (!row) return;
        onCursorChange(row);
        virtualizer.scrollToIndex(next, { align: 'auto' });
      },
    }),
    // Re-created every render: it reads the pages loaded now.
  );

  // Tickets a bulk change changed leave the selection; the others stay selected for a retry.
  const unselect = (keys: ReadonlySet<string>) => {
    if (keys.size === 0) return;
    setSelection((previous) => ({ keys: new Set([...previous.keys].filter((key) => !keys.has(key))), anchor: null }));
  };

  const bulk = useBulkActions({ profileId, selectedKeys: selection.keys, onChanged: unselect });

  const changeColumns = useCallback((next: ListColumnId[]) => {
    setColumns(next);
    saveColumns(next);
  }, []);
  // The tools are not rendered again while the list scrolls (only rows coming into view are).
  const listTools = useMemo(
    () => (
      <Group gap={6} wrap="nowrap">
        <ExportButton profileId={profileId} filter={filter} order={order} columns={columns} />
        <ColumnChooser columns={columns} onChange={changeColumns} />
      </Group>
    ),
    [profileId, filter, order, columns, changeColumns],
  );
  const loadedRowsRef = useRef<TicketRowView[]>([]);
  useEffect(() => {
    loadedRowsRef.current = loadedRows;
  });
  const selectAllLoaded = useCallback(
    (select: boolean) =>
      setSelection(select ? { keys: new Set(loadedRowsRef.current.map(rowKey)), anchor: null } : EMPTY_SELECTION),
    [],
  );

  if (firstPage?.isError && total === undefined) {
    // Every branch ends with the bulk dialog at the same place, so that it stays mounted.
    return (
      <>
        <Stack align="center" justify="center" gap="sm" py={48} data-testid="ticket-list-error">
          <Text c="red" size="sm">
            {t('tickets.list.failed')}
          </Text>
          <Button size="xs" variant="light" onClick={() => void firstPage.refetch()}>
            {t('tickets.retry')}
          </Button>
        </Stack>
        {bulk.dialog}
      </>
    );
  }
  if (total === 0) {
    return (
      <>
        {empty}
        {bulk.dialog}
      </>
    );
  }

  const allLoadedSelected = loadedRows.length > 0 && loadedRows.every((row) => selection.keys.has(rowKey(row)));
  const someSelected = selection.keys.size > 0;

  return (
    <>
      <Stack gap={6} h="100%" style={{ minHeight: 0 }}>
        <Group justify="space-between" gap="sm" wrap="nowrap" mih={28}>
          <Group gap="sm">
            <Text size="sm" c="dimmed" data-testid="ticket-list-total">
              {total === undefined ? t('tickets.loading') : t('tickets.list.total', { count: total, formatted: total.toLocaleString() })}
            </Text>
            {someSelected ? (
              <Group gap={6} data-testid="ticket-list-selection">
                <Badge variant="filled" size="md">
                  {t('tickets.list.selected', { count: selection.keys.size, formatted: selection.keys.size.toLocaleString() })}
                </Badge>
                <Button size="compact-xs" variant="subtle" onClick={() => setSelection(EMPTY_SELECTION)}>
                  {t('tickets.list.clearSelection')}
                </Button>
                {bulk.menu}
              </Group>
            ) : null}
          </Group>
          {listTools}
        </Group>
        <Box
          ref={scrollRef}
          role="table"
          aria-label={t('tickets.list.label')}
          aria-rowcount={(total ?? 0) + 1}
          data-testid="ticket-list"
          style={{
            flex: 1,
            minHeight: 0,
            overflow: 'auto',
            border: '1px solid var(--mantine-color-default-border)',
            borderRadius: 'var(--mantine-radius-md)',
            contain: 'strict',
          }}
        >
          <Box style={{ minWidth: 'max-content', width: '100%' }}>
            <ListHeader
              template={template}
              columns={columns}
              order={order}
              onOrderChange={setOrder}
              allSelected={allLoadedSelected}
              someSelected={someSelected}
              onSelectAll={selectAllLoaded}
            />
            <Box
              style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
              onClick={(event) => {
                // One handler for every row: a click on a row's check box selects it, elsewhere opens it.
                const target = event.target as HTMLElement;
                const rowElement = target.closest<HTMLElement>('[role="row"][data-index]');
                if (!rowElement) return;
                const index = Number(rowElement.dataset.index);
                const row = rowAt(pages, index, LIST_PAGE_SIZE);
                if (!row) return;
                if (target.closest(ROW_CHECK_SELECTOR)) {
                  if (target instanceof HTMLInputElement) {
                    const key = rowKey(row);
                    setSelection((previous) => clickRow(previous, index, key, event.shiftKey, keyAt));
                  }
                  return;
                }
                onCursorChange(row);
                onOpen(row);
              }}
            >
              {total === undefined
                ? Array.from({ length: 8 }, (_, index) => (
                    <Box key={index} px={12} style={{ height: ROW_HEIGHT, display: 'flex', alignItems: 'center' }}>
                      <Skeleton h={12} />
                    </Box>
                  ))
                : null}
              {items.map((item) => {
                const row = rowAt(pages, item.index, LIST_PAGE_SIZE);
                if (!row) {
                  return (
                    <PlaceholderRow key={item.key} index={item.index} start={item.start} template={template} columns={columns} />
                  );
                }
                const key = rowKey(row);
                return (
                  <ListRow
                    key={key}
                    row={row}
                    index={item.index}
                    start={item.start}
                    template={template}
                    columns={columns}
                    labels={labels}
                    checked={selection.keys.has(key)}
                    current={cursorKey === key}
                  />
                );
              })}
            </Box>
          </Box>
        </Box>
      </Stack>
      {bulk.dialog}
    </>
  );
}
