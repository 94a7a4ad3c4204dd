// The list toolbar's export button: the list as shown (filter, order, columns) to a CSV file.
import { ActionIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketFilterInput } from '../../../bindings';
import type { ListColumnId } from './columns';
import { useExportList } from './exportList';
import type { ListSort } from './sorting';

function DownloadIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden>
      <path d="M12 4v11m0 0-4-4m4 4 4-4M5 19h14" />
    </svg>
  );
}

/** Props of ExportButton. */
export interface ExportButtonProps {
  profileId: string;
  filter: TicketFilterInput;
  order: ListSort;
  columns: readonly ListColumnId[];
}

/** Exports every ticket the list's filter matches, in its order, with its columns. */
export function ExportButton({ profileId, filter, order, columns }: ExportButtonProps) {
  const { t } = useTranslation();
  const { exportList, exporting } = useExportList(profileId);
  return (
    <Tooltip label={t('tickets.export.button')}>
      <ActionIcon
        variant="default"
        size="md"
        aria-label={t('tickets.export.button')}
        loading={exporting}
        onClick={() => void exportList(filter, order, columns)}
        data-testid="list-export"
      >
        <DownloadIcon />
      </ActionIcon>
    </Tooltip>
  );
}
