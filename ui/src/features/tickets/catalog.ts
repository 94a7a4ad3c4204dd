// Naming the codes tickets carry (statuses, priorities, sources, ...) from the connections'
// catalogs, in the UI's language, and the hook that loads the catalogs.
import { useQuery } from '@tanstack/react-query';
import { commands, type CatalogItem, type ConnectionCatalogView } from '../../bindings';
import { runCommand } from '../../lib/ipc';
import { ticketKeys } from './ticketKeys';

/** The catalog of one connection, if the profile has it. */
export function findCatalog(
  catalogs: readonly ConnectionCatalogView[] | undefined,
  connectionId: string,
): ConnectionCatalogView | undefined {
  return catalogs?.find((catalog) => catalog.connectionId === connectionId);
}

/** An item's name in the UI language: the fixed vendor sets carry both, others the vendor's. */
export function itemLabel(item: CatalogItem, language: string): string {
  if (language.startsWith('zh')) return item.nameZh ?? item.name;
  return item.nameEn ?? item.name;
}

/** The label of a code in a list of items (the code itself when unknown). */
export function codeLabel(items: readonly CatalogItem[] | undefined, code: string | null, language: string): string {
  if (code === null || code === '') return '';
  const item = items?.find((candidate) => candidate.code === code);
  return item ? itemLabel(item, language) : code;
}

/** Loads the catalogs of every ticket connection of a profile. */
export function useTicketCatalogs(profileId: string | undefined) {
  return useQuery({
    queryKey: ticketKeys.catalogs(profileId ?? ''),
    queryFn: () => runCommand(commands.ticketCatalogs(profileId ?? '')),
    enabled: profileId !== undefined,
  });
}
