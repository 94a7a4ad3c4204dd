import { Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { useEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRowView } from '../../../bindings';
import { formatAge, formatDateTime, priorityColor } from '../format';
import type { TicketLabels } from '../labels';
import { rowKey } from '../rowKey';
import { SeenMark } from '../SeenMark';

/** Props of TicketCard. */
export interface TicketCardProps {
  row: TicketRowView;
  labels: TicketLabels;
  now: number;
  selected: boolean;
  onOpen: (row: TicketRowView) => void;
}

/** The body of a card: title, number, priority, assignee, customer, source and age. */
function CardBody({ row, labels, now }: Pick<TicketCardProps, 'row' | 'labels' | 'now'>) {
  const { t, i18n } = useTranslation();
  const priority = labels.priority(row);
  const source = labels.source(row);
  return (
    <>
      <Group gap={6} wrap="nowrap" justify="space-between" mb={4}>
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <SeenMark seen={row.seen} />
          <Text size="xs" c="dimmed" ff="monospace" truncate>
            {row.ticketCode ?? row.ticketId}
          </Text>
        </Group>
        {priority.label ? (
          <Badge size="xs" variant="light" color={priorityColor(priority.item)} style={{ flexShrink: 0 }}>
            {priority.label}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" fw={row.seen === 'seen' ? 500 : 600} lineClamp={2} mb={6}>
        {row.title || t('tickets.card.untitled')}
      </Text>
      <Group gap={4} wrap="nowrap" justify="space-between">
        <Text size="xs" c="dimmed" truncate style={{ minWidth: 0 }}>
          {row.assigneeName ?? t('tickets.card.unassigned')}
          {row.customerName ? ` · ${row.customerName}` : ''}
        </Text>
        <Tooltip label={t('tickets.card.updatedAt', { when: formatDateTime(row.updatedAtMs, i18n.language) })} openDelay={500}>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} data-testid="ticket-card-age">
            {formatAge(t, row.updatedAtMs ?? row.createdAtMs, now)}
          </Text>
        </Tooltip>
      </Group>
      {source ? (
        <Text size="xs" c="dimmed" truncate mt={2}>
          {source}
        </Text>
      ) : null}
    </>
  );
}

const cardStyle = (selected: boolean, dragging: boolean): CSSProperties => ({
  cursor: 'pointer',
  opacity: dragging ? 0.4 : 1,
  outline: selected ? '2px solid var(--mantine-primary-color-filled)' : undefined,
  outlineOffset: selected ? -1 : undefined,
  touchAction: 'none',
});

/** The card as it follows the pointer while dragged. */
export function TicketCardPreview({ row, labels, now }: Pick<TicketCardProps, 'row' | 'labels' | 'now'>) {
  return (
    <Paper withBorder shadow="md" p="xs" radius="md" style={{ cursor: 'grabbing', width: 268 }}>
      <CardBody row={row} labels={labels} now={now} />
    </Paper>
  );
}

/** A draggable board card; a click (or Enter) opens the ticket. */
export function TicketCard({ row, labels, now, selected, onOpen }: TicketCardProps) {
  const key = rowKey(row);
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: key, data: { row } });
  const node = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (selected) node.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected]);
  return (
    <Paper
      ref={(element: HTMLDivElement | null) => {
        node.current = element;
        setNodeRef(element);
      }}
      {...attributes}
      {...listeners}
      withBorder
      p="xs"
      radius="md"
      data-testid={`ticket-card-${key}`}
      data-selected={selected || undefined}
      data-seen={row.seen}
      aria-current={selected || undefined}
      style={cardStyle(selected, isDragging)}
      onClick={() => onOpen(row)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onOpen(row);
        } else listeners?.onKeyDown?.(event);
      }}
    >
      <CardBody row={row} labels={labels} now={now} />
    </Paper>
  );
}
