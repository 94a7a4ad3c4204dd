// The list's column chooser: which columns the list shows (remembered on this computer).
import { ActionIcon, Checkbox, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIST_COLUMNS, toggleColumn, type ListColumnId } from './columns';

function ColumnsIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M9 4v16M15 4v16" />
    </svg>
  );
}

/** The column chooser: which columns the list shows (remembered on this computer). */
export function ColumnChooser({ columns, onChange }: { columns: ListColumnId[]; onChange: (next: ListColumnId[]) => void }) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Tooltip label={t('tickets.list.columns')}>
          <ActionIcon variant="default" size="md" aria-label={t('tickets.list.columns')} data-testid="list-column-chooser">
            <ColumnsIcon />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown data-testid="list-column-chooser-dropdown">
        <Stack gap={6}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('tickets.list.columnsTitle')}
          </Text>
          {LIST_COLUMNS.map((column) => (
            <Checkbox
              key={column.id}
              size="xs"
              label={t(`tickets.columns.${column.id}`)}
              checked={columns.includes(column.id)}
              disabled={column.id === 'title'}
              onChange={() => onChange(toggleColumn(columns, column.id))}
              data-testid={`list-column-toggle-${column.id}`}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
