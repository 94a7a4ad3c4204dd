// The choices of the filter bar's multi-selects, from the catalogs of the connections in view.
import type { CatalogItem, ConnectionCatalogView } from '../../../bindings';
import { itemLabel } from '../catalog';

/** One choice of a multi-select. */
export interface FilterOption {
  value: string;
  label: string;
}

/**
 * The items of several connections merged by code, in first-seen order. A code that means
 * different things on different connections (Sobot "1" = Medium, Udesk "1" = Urgent) shows both names.
 */
export function mergeItems(lists: readonly (readonly CatalogItem[])[], language: string, withDeleted = false): FilterOption[] {
  const labels = new Map<string, string[]>();
  for (const items of lists) {
    for (const item of items) {
      if (item.deleted && !withDeleted) continue;
      const label = itemLabel(item, language);
      const known = labels.get(item.code);
      if (!known) labels.set(item.code, [label]);
      else if (!known.includes(label)) known.push(label);
    }
  }
  return [...labels].map(([value, names]) => ({ value, label: names.join(' / ') }));
}

/** Every choice the filter bar offers for the connections in view. */
export interface FilterChoices {
  connections: FilterOption[];
  statuses: FilterOption[];
  priorities: FilterOption[];
  assignees: FilterOption[];
  groups: FilterOption[];
  sources: FilterOption[];
  categories: FilterOption[];
}

/** The choices for `catalogs` (all the profile's, or the ones the connection filter keeps). */
export function filterChoices(
  all: readonly ConnectionCatalogView[],
  connectionIds: readonly string[],
  language: string,
): FilterChoices {
  const inView = connectionIds.length === 0 ? all : all.filter((catalog) => connectionIds.includes(catalog.connectionId));
  const agents = new Map<string, string>();
  for (const catalog of inView) for (const agent of catalog.agents) if (!agents.has(agent.id)) agents.set(agent.id, agent.name);
  return {
    connections: all.map((catalog) => ({ value: catalog.connectionId, label: catalog.name })),
    statuses: mergeItems(inView.map((catalog) => catalog.statuses), language),
    priorities: mergeItems(inView.map((catalog) => catalog.priorities), language),
    assignees: [...agents].map(([value, label]) => ({ value, label })),
    groups: mergeItems(inView.map((catalog) => catalog.groups), language),
    sources: mergeItems(inView.map((catalog) => catalog.sources), language),
    categories: mergeItems(inView.map((catalog) => catalog.categories), language),
  };
}
