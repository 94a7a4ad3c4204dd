import {
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Skeleton,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketFilterInput, TicketListPage, TicketRowView } from '../../../bindings';
import type { TicketViewHandle } from '../board/TicketBoard';
import { formatDateTime, priorityColor } from '../format';
import type { TicketLabels } from '../labels';
import { rowKey } from '../rowKey';
import { SeenMark } from '../SeenMark';
import { LIST_PAGE_SIZE, listPageQuery } from '../ticketQueries';
import { useBulkActions } from './BulkActions';
import { ColumnChooser } from './ColumnChooser';
import { LIST_COLUMNS, loadColumns, saveColumns, type ListColumnId } from './columns';
import { pagesForRange, rowAt, totalOf } from './paging';
import { clickRow, EMPTY_SELECTION, type RowSelection } from './selection';
import { DEFAULT_SORT, nextSort, type ListSort } from './sorting';

/** Height of one row in px (dense; the virtualizer relies on it). */
export const ROW_HEIGHT = 36;
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

function SortArrow({ ascending }: { ascending: boolean }) {
  return (
    <svg width={10} height={10} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.4} aria-hidden>
      {ascending ? <path d="m6 15 6-6 6 6" /> : <path d="m6 9 6 6 6-6" />}
    </svg>
  );
}

/** The virtualized ticket list: pages of 200 rows load as they scroll into view. */
export function TicketList({ profileId, filter, labels, cursorKey, onCursorChange, onOpen, empty, handleRef }: TicketListProps) {
  const { t, i18n } = useTranslation();
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
    overscan: 15,
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

  const changeColumns = (next: ListColumnId[]) => {
    setColumns(next);
    saveColumns(next);
  };

  const cell = (id: ListColumnId, row: TicketRowView): ReactNode => {
    switch (id) {
      case 'number':
        return (
          <Group gap={6} wrap="nowrap">
            <SeenMark seen={row.seen} />
            <Text size="xs" ff="monospace" c="dimmed" truncate>
              {row.ticketCode ?? row.ticketId}
            </Text>
          </Group>
        );
      case 'title':
        return (
          <Text size="sm" fw={row.seen === 'seen' ? 400 : 600} truncate title={row.title}>
            {row.title || t('tickets.card.untitled')}
          </Text>
        );
      case 'status':
        return (
          <Text size="sm" truncate>
            {labels.status(row)}
          </Text>
        );
      case 'priority': {
        const priority = labels.priority(row);
        return priority.label ? (
          <Badge size="xs" variant="light" color={priorityColor(priority.item)}>
            {priority.label}
          </Badge>
        ) : null;
      }
      case 'assignee':
        return (
          <Text size="sm" truncate c={row.assigneeName ? undefined : 'dimmed'}>
            {row.assigneeName ?? t('tickets.card.unassigned')}
          </Text>
        );
      case 'group':
        return <Text size="sm" truncate>{row.groupName ?? ''}</Text>;
      case 'customer':
        return <Text size="sm" truncate>{row.customerName ?? ''}</Text>;
      case 'source':
        return <Text size="sm" truncate>{labels.source(row)}</Text>;
      case 'category':
        return <Text size="sm" truncate>{labels.category(row)}</Text>;
      case 'connection':
        return <Text size="sm" truncate>{labels.connection(row.connectionId)}</Text>;
      case 'created':
        return <Text size="xs" c="dimmed">{formatDateTime(row.createdAtMs, i18n.language)}</Text>;
      case 'updated':
        return <Text size="xs" c="dimmed">{formatDateTime(row.updatedAtMs, i18n.language)}</Text>;
    }
  };

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
          <ColumnChooser columns={columns} onChange={changeColumns} />
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
            <Box
              role="row"
              aria-rowindex={1}
              style={{
                display: 'grid',
                gridTemplateColumns: template,
                position: 'sticky',
                top: 0,
                zIndex: 1,
                height: ROW_HEIGHT,
                alignItems: 'center',
                background: 'var(--mantine-color-body)',
                borderBottom: '1px solid var(--mantine-color-default-border)',
              }}
            >
              <Box role="columnheader" px={10}>
                <Checkbox
                  size="xs"
                  aria-label={t('tickets.list.selectAll')}
                  checked={allLoadedSelected}
                  indeterminate={someSelected && !allLoadedSelected}
                  onChange={() =>
                    setSelection(
                      someSelected ? EMPTY_SELECTION : { keys: new Set(loadedRows.map(rowKey)), anchor: null },
                    )
                  }
                  data-testid="list-select-all"
                />
              </Box>
              {visibleColumns.map((column) => {
                const active = column.sort !== undefined && order.sort === column.sort;
                const label = t(`tickets.columns.${column.id}`);
                return (
                  <Box
                    key={column.id}
                    role="columnheader"
                    aria-sort={active ? (order.ascending ? 'ascending' : 'descending') : undefined}
                    px={8}
                    style={{ minWidth: 0 }}
                  >
                    {column.sort ? (
                      <UnstyledButton
                        onClick={() => setOrder(nextSort(order, column.sort ?? 'updatedAt'))}
                        data-testid={`list-sort-${column.id}`}
                        style={{ display: 'flex', alignItems: 'center', gap: 4 }}
                      >
                        <Text size="xs" fw={600} c={active ? undefined : 'dimmed'} tt="uppercase" truncate>
                          {label}
                        </Text>
                        {active ? <SortArrow ascending={order.ascending} /> : null}
                      </UnstyledButton>
                    ) : (
                      <Text size="xs" fw={600} c="dimmed" tt="uppercase" truncate>
                        {label}
                      </Text>
                    )}
                  </Box>
                );
              })}
            </Box>
            <Box style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {total === undefined
                ? Array.from({ length: 8 }, (_, index) => (
                    <Box key={index} px={12} style={{ height: ROW_HEIGHT, display: 'flex', alignItems: 'center' }}>
                      <Skeleton h={12} />
                    </Box>
                  ))
                : null}
              {items.map((item) => {
                const row = rowAt(pages, item.index, LIST_PAGE_SIZE);
                const base = {
                  position: 'absolute' as const,
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: template,
                  alignItems: 'center',
                  borderBottom: '1px solid var(--mantine-color-default-border)',
                };
                if (!row) {
                  return (
                    <Box key={item.key} role="row" aria-rowindex={item.index + 2} aria-busy style={base}>
                      <Box />
                      {visibleColumns.map((column) => (
                        <Box key={column.id} px={8}>
                          <Skeleton h={10} w={column.id === 'title' ? '80%' : '60%'} />
                        </Box>
                      ))}
                    </Box>
                  );
                }
                const key = rowKey(row);
                const checked = selection.keys.has(key);
                const current = cursorKey === key;
                return (
                  <Box
                    key={key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={checked}
                    aria-current={current || undefined}
                    data-testid={`ticket-row-${key}`}
                    data-index={item.index}
                    onClick={() => {
                      onCursorChange(row);
                      onOpen(row);
                    }}
                    style={{
                      ...base,
                      cursor: 'pointer',
                      background: current
                        ? 'var(--mantine-primary-color-light)'
                        : checked
                          ? 'var(--mantine-color-default-hover)'
                          : undefined,
                      boxShadow: current ? 'inset 3px 0 0 var(--mantine-primary-color-filled)' : undefined,
                    }}
                  >
                    <Box role="cell" px={10} onClick={(event) => event.stopPropagation()}>
                      <Checkbox
                        size="xs"
                        aria-label={t('tickets.list.selectRow', { number: row.ticketCode ?? row.ticketId })}
                        checked={checked}
                        onChange={() => undefined}
                        onClick={(event) =>
                          setSelection((previous) => clickRow(previous, item.index, key, event.shiftKey, keyAt))
                        }
                        data-testid={`ticket-row-check-${key}`}
                      />
                    </Box>
                    {visibleColumns.map((column) => (
                      <Box key={column.id} role="cell" px={8} style={{ minWidth: 0, overflow: 'hidden' }}>
                        {cell(column.id, row)}
                      </Box>
                    ))}
                  </Box>
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
