import { Box, Button, Group, Text } from '@mantine/core';
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useImperativeHandle, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ConnectionCatalogView, TicketFilterInput, TicketRowView } from '../../../bindings';
import { notifyError } from '../../../lib/notifyError';
import type { TicketLabels } from '../labels';
import { rowKey } from '../rowKey';
import { boardColumnKey, type BoardColumnData } from '../ticketQueries';
import { BoardColumn } from './BoardColumn';
import type { BoardColumnInfo } from './boardColumns';
import { moveTicket, type MoveOutcome } from './moveTicket';
import { TicketCardPreview } from './TicketCard';

/** What the page can ask of the board (keyboard navigation). */
export interface TicketViewHandle {
  /** Moves the selection by `delta` tickets (j / k). */
  move: (delta: number) => void;
  /** Moves the selection to the neighbouring column (h / l); board only. */
  moveColumn?: (delta: number) => void;
}

/** Props of TicketBoard. */
export interface TicketBoardProps {
  profileId: string;
  catalog: ConnectionCatalogView;
  columns: BoardColumnInfo[];
  /** The filter of every column (without connection and status: the board and its columns set those). */
  filter: TicketFilterInput;
  labels: TicketLabels;
  now: number;
  cursorKey: string | null;
  onCursorChange: (row: TicketRowView) => void;
  onOpen: (row: TicketRowView) => void;
  handleRef?: Ref<TicketViewHandle>;
}

/** Tells the user how a drag ended when it did not simply work. */
export function reportMove(
  t: TFunction,
  outcome: MoveOutcome,
  statusLabel: (code: string) => string,
  onOpen: (row: TicketRowView) => void,
): void {
  if (outcome.kind === 'error') {
    notifyError(outcome.error);
  } else if (outcome.kind === 'conflict') {
    const ticket = outcome.ticket;
    const id = `ticket-conflict-${rowKey(ticket)}`;
    notifications.show({
      id,
      color: 'yellow',
      withBorder: true,
      autoClose: 12_000,
      title: t('tickets.board.conflictTitle'),
      'data-testid': 'ticket-conflict-notification',
      message: (
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm">
            {t('tickets.board.conflictMessage', {
              number: ticket.ticketCode ?? ticket.ticketId,
              status: statusLabel(ticket.statusCode),
            })}
          </Text>
          <Button
            size="compact-xs"
            variant="light"
            color="yellow"
            data-testid="ticket-conflict-open"
            onClick={() => {
              notifications.hide(id);
              onOpen(ticket);
            }}
          >
            {t('tickets.board.conflictOpen')}
          </Button>
        </Group>
      ),
    });
  }
}

/** The loaded cards of each column, in board order (from the query cache). */
function loadedColumns(
  queryClient: QueryClient,
  profileId: string,
  connectionId: string,
  columns: readonly BoardColumnInfo[],
  filter: TicketFilterInput,
): TicketRowView[][] {
  return columns.map(
    (column) =>
      queryClient
        .getQueryData<BoardColumnData>(boardColumnKey(profileId, connectionId, column.code, filter))
        ?.pages.flatMap((page) => page.rows) ?? [],
  );
}

/**
 * The next selection on the board: `delta` cards down or up within the column of the current one
 * (or to the neighbouring non-empty column with `columnDelta`); the first card when none is selected.
 */
export function nextBoardCursor(
  cards: readonly (readonly TicketRowView[])[],
  cursorKey: string | null,
  delta: number,
  columnDelta = 0,
): TicketRowView | undefined {
  let column = -1;
  let index = -1;
  cards.forEach((rows, c) => {
    const found = rows.findIndex((row) => rowKey(row) === cursorKey);
    if (found >= 0) {
      column = c;
      index = found;
    }
  });
  if (column < 0) return cards.find((rows) => rows.length > 0)?.[0];
  if (columnDelta !== 0) {
    for (let c = column + columnDelta; c >= 0 && c < cards.length; c += columnDelta) {
      const rows = cards[c] ?? [];
      if (rows.length > 0) return rows[Math.min(index, rows.length - 1)];
    }
    return cards[column]?.[index];
  }
  const rows = cards[column] ?? [];
  return rows[Math.max(0, Math.min(rows.length - 1, index + delta))];
}

// Drop onto the column under the pointer; fall back to overlap when the pointer is between columns.
const collisionDetection: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length > 0 ? within : rectIntersection(args);
};

/** The board: one column per status of a connection; cards are dragged between columns. */
export function TicketBoard({
  profileId,
  catalog,
  columns,
  filter,
  labels,
  now,
  cursorKey,
  onCursorChange,
  onOpen,
  handleRef,
}: TicketBoardProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const [dragged, setDragged] = useState<TicketRowView | null>(null);

  useImperativeHandle(handleRef, () => {
    const go = (delta: number, columnDelta: number) => {
      const cards = loadedColumns(queryClient, profileId, catalog.connectionId, columns, filter);
      const next = nextBoardCursor(cards, cursorKey, delta, columnDelta);
      if (next) onCursorChange(next);
    };
    return { move: (delta) => go(delta, 0), moveColumn: (delta) => go(0, delta) };
  }, [queryClient, profileId, catalog.connectionId, columns, filter, cursorKey, onCursorChange]);

  const onDragStart = (event: DragStartEvent) => {
    setDragged((event.active.data.current as { row?: TicketRowView } | undefined)?.row ?? null);
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const row = (event.active.data.current as { row?: TicketRowView } | undefined)?.row;
    const toStatus = event.over ? String(event.over.id) : null;
    if (!row || toStatus === null || toStatus === row.statusCode) return;
    void moveTicket(queryClient, profileId, row, toStatus).then((outcome) =>
      reportMove(t, outcome, (code) => labels.status({ connectionId: row.connectionId, statusCode: code }), onOpen),
    );
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
    >
      <Box
        data-testid="ticket-board"
        style={{ display: 'flex', gap: 10, overflowX: 'auto', height: '100%', minHeight: 0, paddingBottom: 6 }}
      >
        {columns.map((column) => (
          <BoardColumn
            key={column.code}
            profileId={profileId}
            connectionId={catalog.connectionId}
            column={column}
            filter={filter}
            labels={labels}
            now={now}
            cursorKey={cursorKey}
            onOpen={onOpen}
          />
        ))}
      </Box>
      <DragOverlay dropAnimation={null}>
        {dragged ? <TicketCardPreview row={dragged} labels={labels} now={now} /> : null}
      </DragOverlay>
    </DndContext>
  );
}
