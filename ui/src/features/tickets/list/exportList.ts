// Exporting the list as a CSV file for Excel: Rust asks where with the native save dialog and
// writes every ticket the list's filter matches, in its order, with the columns it shows.
import { useCallback, useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { commands, type TicketExportRequest, type TicketFilterInput } from '../../../bindings';
import { describeError } from '../../../lib/errorMessages';
import { runCommand } from '../../../lib/ipc';
import { LIST_COLUMNS, type ListColumnId } from './columns';
import type { ListSort } from './sorting';

/** The request for the list as shown: its filter, order and columns (in display order, headed as on screen). */
export function exportRequest(
  t: TFunction,
  language: string,
  filter: TicketFilterInput,
  order: ListSort,
  columns: readonly ListColumnId[],
  now: Date = new Date(),
): TicketExportRequest {
  return {
    filter,
    sort: order.sort,
    ascending: order.ascending,
    columns: LIST_COLUMNS.filter((column) => columns.includes(column.id)).map((column) => ({
      // The export's fields carry the list columns' names; a column it lacks fails to compile here.
      field: column.id,
      header: t(`tickets.columns.${column.id}`),
    })),
    language,
    utcOffsetMinutes: -now.getTimezoneOffset(),
  };
}

/** The file name the save dialog proposes: "tickets-2026-12-07.csv" (in Chinese "工单-…"). */
export function exportFileName(t: TFunction, now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return t('tickets.export.fileName', { date });
}

/** Exports the list; `exporting` is true while Rust asks and writes. */
export function useExportList(profileId: string) {
  const { t, i18n } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const exportList = useCallback(
    async (filter: TicketFilterInput, order: ListSort, columns: readonly ListColumnId[]) => {
      setExporting(true);
      try {
        const request = exportRequest(t, i18n.language, filter, order, columns);
        const exported = await runCommand(
          commands.exportTicketList(profileId, request, exportFileName(t), t('tickets.export.dialogTitle')),
        );
        if (exported === null) return; // the user cancelled the dialog
        const count = exported.tickets ?? 0;
        notifications.show({
          color: 'teal',
          autoClose: 8000,
          title: t('tickets.export.doneTitle'),
          message: t('tickets.export.done', {
            count,
            formatted: count.toLocaleString(i18n.language),
            path: exported.path,
          }),
          'data-testid': 'list-export-done',
        });
      } catch (error) {
        notifications.show({
          color: 'red',
          autoClose: false,
          title: t('tickets.export.failedTitle'),
          message: describeError(t, error).message,
          'data-testid': 'list-export-failed',
        });
      } finally {
        setExporting(false);
      }
    },
    [profileId, t, i18n.language],
  );
  return { exportList, exporting };
}
