// Naming a ticket row's codes from the catalog of its connection, in the UI language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogItem, ConnectionCatalogView, TicketRowView } from '../../bindings';
import { codeLabel, findCatalog } from './catalog';

/** Looks up names and items of a row's codes. */
export interface TicketLabels {
  status: (row: Pick<TicketRowView, 'connectionId' | 'statusCode'>) => string;
  priority: (row: Pick<TicketRowView, 'connectionId' | 'priorityCode'>) => { label: string; item: CatalogItem | undefined };
  source: (row: Pick<TicketRowView, 'connectionId' | 'sourceCode'>) => string;
  category: (row: Pick<TicketRowView, 'connectionId' | 'categoryId'>) => string;
  connection: (connectionId: string) => string;
}

/** Labels over `catalogs` in the current language. */
export function makeTicketLabels(catalogs: readonly ConnectionCatalogView[] | undefined, language: string): TicketLabels {
  const of = (connectionId: string) => findCatalog(catalogs, connectionId);
  return {
    status: (row) => codeLabel(of(row.connectionId)?.statuses, row.statusCode, language),
    priority: (row) => {
      const items = of(row.connectionId)?.priorities;
      return {
        label: codeLabel(items, row.priorityCode, language),
        item: items?.find((item) => item.code === row.priorityCode),
      };
    },
    source: (row) => codeLabel(of(row.connectionId)?.sources, row.sourceCode, language),
    category: (row) => codeLabel(of(row.connectionId)?.categories, row.categoryId, language),
    connection: (connectionId) => of(connectionId)?.name ?? connectionId,
  };
}

/** makeTicketLabels in the current UI language, memoized. */
export function useTicketLabels(catalogs: readonly ConnectionCatalogView[] | undefined): TicketLabels {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => makeTicketLabels(catalogs, language), [catalogs, language]);
}
