import { Badge, Box, Button, Group, Paper, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketFilterInput, TicketRowView } from '../../../bindings';
import type { TicketLabels } from '../labels';
import { rowKey } from '../rowKey';
import { boardColumnQuery } from '../ticketQueries';
import type { BoardColumnInfo } from './boardColumns';
import { TicketCard } from './TicketCard';

/** Props of BoardColumn. */
export interface BoardColumnProps {
  profileId: string;
  connectionId: string;
  column: BoardColumnInfo;
  filter: TicketFilterInput;
  labels: TicketLabels;
  now: number;
  cursorKey: string | null;
  onOpen: (row: TicketRowView) => void;
}

/** Skeleton cards while a column loads. */
export function ColumnSkeleton() {
  return (
    <Stack gap={8} aria-hidden>
      {[0, 1, 2].map((index) => (
        <Paper key={index} withBorder p="xs" radius="md">
          <Skeleton h={10} w="40%" mb={8} />
          <Skeleton h={12} mb={6} />
          <Skeleton h={10} w="70%" />
        </Paper>
      ))}
    </Stack>
  );
}

/** One status column: its header with the count, its cards page by page, a drop target. */
export function BoardColumn({ profileId, connectionId, column, filter, labels, now, cursorKey, onOpen }: BoardColumnProps) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(boardColumnQuery(profileId, connectionId, column.code, filter));
  const { setNodeRef, isOver } = useDroppable({ id: column.code, data: { statusCode: column.code } });
  const rows = query.data?.pages.flatMap((page) => page.rows) ?? [];
  const total = query.data?.pages[query.data.pages.length - 1]?.total;
  const count = column.count ?? total;

  // Infinite scroll: load the next page when the end of the column comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-label={column.label}
      data-testid={`board-column-${column.code}`}
      data-over={isOver || undefined}
      radius="md"
      p={8}
      style={{
        width: 284,
        flexShrink: 0,
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        background: isOver ? 'var(--mantine-primary-color-light)' : 'var(--mantine-color-default-hover)',
        outline: isOver ? '2px dashed var(--mantine-primary-color-filled)' : undefined,
        transition: 'background 120ms ease',
      }}
    >
      <Group gap={6} px={4} pb={8} wrap="nowrap" justify="space-between">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate data-testid="board-column-title">
            {column.label}
          </Text>
          {column.custom ? (
            <Tooltip label={t('tickets.board.customHint')}>
              <Badge size="xs" variant="outline" color="gray">
                {t('tickets.board.custom')}
              </Badge>
            </Tooltip>
          ) : null}
          {column.deleted ? (
            <Tooltip label={t('tickets.board.deletedHint')}>
              <Badge size="xs" variant="outline" color="red">
                {t('tickets.board.deleted')}
              </Badge>
            </Tooltip>
          ) : null}
        </Group>
        <Badge size="sm" variant="default" data-testid="board-column-count">
          {count === undefined ? '…' : count.toLocaleString()}
        </Badge>
      </Group>
      <Box style={{ overflowY: 'auto', flex: 1, minHeight: 60 }} px={2} pb={4}>
        {query.isPending ? (
          <ColumnSkeleton />
        ) : query.isError ? (
          <Stack gap={6} align="center" py="md">
            <Text size="xs" c="red" ta="center">
              {t('tickets.board.columnFailed')}
            </Text>
            <Button size="compact-xs" variant="light" onClick={() => void query.refetch()}>
              {t('tickets.retry')}
            </Button>
          </Stack>
        ) : rows.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="lg" data-testid="board-column-empty">
            {t('tickets.board.columnEmpty')}
          </Text>
        ) : (
          <Stack gap={8}>
            {rows.map((row) => (
              <TicketCard
                key={rowKey(row)}
                row={row}
                labels={labels}
                now={now}
                selected={cursorKey === rowKey(row)}
                onOpen={onOpen}
              />
            ))}
            {hasNextPage ? (
              <div ref={sentinel}>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  fullWidth
                  loading={isFetchingNextPage}
                  onClick={() => void fetchNextPage()}
                  data-testid={`board-column-more-${column.code}`}
                >
                  {t('tickets.board.loadMore', { shown: rows.length.toLocaleString(), total: (total ?? 0).toLocaleString() })}
                </Button>
              </div>
            ) : null}
          </Stack>
        )}
      </Box>
    </Paper>
  );
}
