// The list's sticky header row: select-all and the column titles that sort. Memoized, so that it
// is not rendered again while the list scrolls.
import { Box, Checkbox, Text, UnstyledButton } from '@mantine/core';
import { memo, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_COLUMNS, type ListColumnId } from './columns';
import { ROW_HEIGHT } from './ListRow';
import { nextSort, type ListSort } from './sorting';

function SortArrow({ ascending }: { ascending: boolean }) {
  return (
    <svg width={10} height={10} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.4} aria-hidden>
      {ascending ? <path d="m6 15 6-6 6 6" /> : <path d="m6 9 6 6 6-6" />}
    </svg>
  );
}

/** Props of ListHeader. */
export interface ListHeaderProps {
  template: string;
  columns: readonly ListColumnId[];
  order: ListSort;
  onOrderChange: Dispatch<SetStateAction<ListSort>>;
  /** Every loaded row is selected. */
  allSelected: boolean;
  someSelected: boolean;
  /** Selects every loaded row (`true`) or clears the selection. */
  onSelectAll: (select: boolean) => void;
}

/** The header row of the ticket list. */
export const ListHeader = memo(function ListHeader({
  template,
  columns,
  order,
  onOrderChange,
  allSelected,
  someSelected,
  onSelectAll,
}: ListHeaderProps) {
  const { t } = useTranslation();
  return (
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
          checked={allSelected}
          indeterminate={someSelected && !allSelected}
          onChange={() => onSelectAll(!someSelected)}
          data-testid="list-select-all"
        />
      </Box>
      {LIST_COLUMNS.filter((column) => columns.includes(column.id)).map((column) => {
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
                onClick={() => onOrderChange((current) => nextSort(current, column.sort ?? 'updatedAt'))}
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
  );
});
