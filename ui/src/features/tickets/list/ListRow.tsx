// One row of the virtualized list, and the placeholder shown while its page loads. Both are
// memoized: while the list scrolls, a row already on screen keeps its place (its offset depends
// only on its index) and is not rendered again; only rows coming into view are.
import { Badge, Checkbox, Skeleton } from '@mantine/core';
import { memo, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRowView } from '../../../bindings';
import { formatDateTime, priorityColor } from '../format';
import type { TicketLabels } from '../labels';
import { rowKey } from '../rowKey';
import { SeenMark } from '../SeenMark';
import { LIST_COLUMNS, type ListColumnId } from './columns';
import classes from './ListRow.module.css';

/** Height of one row in px (dense; the virtualizer relies on it). */
export const ROW_HEIGHT = 36;

/** The cell whose clicks select the row instead of opening it (the list handles every row's clicks). */
export const ROW_CHECK_SELECTOR = '[data-row-check]';

/** The row's place and its column tracks (the rest is in ListRow.module.css). */
function rowStyle(start: number, template: string): CSSProperties {
  return { height: ROW_HEIGHT, top: start, gridTemplateColumns: template };
}

const shown = (columns: readonly ListColumnId[]) => LIST_COLUMNS.filter((column) => columns.includes(column.id));

/** Props of ListRow. */
export interface ListRowProps {
  row: TicketRowView;
  index: number;
  /** Offset from the top of the rows, in px. */
  start: number;
  /** The grid's column tracks (the check column first). */
  template: string;
  columns: readonly ListColumnId[];
  labels: TicketLabels;
  checked: boolean;
  current: boolean;
}

/** A ticket's row: its cells, its check box, and whether it is selected or the cursor's. */
export const ListRow = memo(function ListRow({ row, index, start, template, columns, labels, checked, current }: ListRowProps) {
  const { t, i18n } = useTranslation();
  const key = rowKey(row);

  const text = (content: ReactNode, ...variants: (string | false | undefined)[]) => (
    <span className={[classes.text, ...variants.map((variant) => variant && classes[variant])].filter(Boolean).join(' ')}>
      {content}
    </span>
  );
  const cell = (id: ListColumnId): ReactNode => {
    switch (id) {
      case 'number':
        return (
          <span className={classes.number}>
            <SeenMark seen={row.seen} />
            {text(row.ticketCode ?? row.ticketId, 'small', 'mono')}
          </span>
        );
      case 'title':
        return (
          <span
            className={row.seen === 'seen' ? classes.text : `${classes.text} ${classes.strong}`}
            title={row.title}
          >
            {row.title || t('tickets.card.untitled')}
          </span>
        );
      case 'status':
        return text(labels.status(row));
      case 'priority': {
        const priority = labels.priority(row);
        return priority.label ? (
          <Badge size="xs" variant="light" color={priorityColor(priority.item)}>
            {priority.label}
          </Badge>
        ) : null;
      }
      case 'assignee':
        return text(row.assigneeName ?? t('tickets.card.unassigned'), !row.assigneeName && 'dimmed');
      case 'group':
        return text(row.groupName ?? '');
      case 'customer':
        return text(row.customerName ?? '');
      case 'source':
        return text(labels.source(row));
      case 'category':
        return text(labels.category(row));
      case 'connection':
        return text(labels.connection(row.connectionId));
      case 'created':
        return text(formatDateTime(row.createdAtMs, i18n.language), 'small');
      case 'updated':
        return text(formatDateTime(row.updatedAtMs, i18n.language), 'small');
    }
  };

  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={checked}
      aria-current={current || undefined}
      data-testid={`ticket-row-${key}`}
      data-index={index}
      className={`${classes.row} ${classes.ticket}`}
      style={rowStyle(start, template)}
    >
      <div role="cell" className={classes.check} data-row-check>
        <Checkbox
          size="xs"
          aria-label={t('tickets.list.selectRow', { number: row.ticketCode ?? row.ticketId })}
          checked={checked}
          onChange={() => undefined}
          data-testid={`ticket-row-check-${key}`}
        />
      </div>
      {shown(columns).map((column) => (
        <div key={column.id} role="cell" className={classes.cell}>
          {cell(column.id)}
        </div>
      ))}
    </div>
  );
});

/** Props of PlaceholderRow. */
export interface PlaceholderRowProps {
  index: number;
  start: number;
  template: string;
  columns: readonly ListColumnId[];
}

/** The row at `index` while its page loads. */
export const PlaceholderRow = memo(function PlaceholderRow({ index, start, template, columns }: PlaceholderRowProps) {
  return (
    <div role="row" aria-rowindex={index + 2} aria-busy className={classes.row} style={rowStyle(start, template)}>
      <div />
      {shown(columns).map((column) => (
        <div key={column.id} className={classes.cell}>
          <Skeleton h={10} w={column.id === 'title' ? '80%' : '60%'} />
        </div>
      ))}
    </div>
  );
});
