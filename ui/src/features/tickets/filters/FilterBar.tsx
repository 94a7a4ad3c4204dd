import { Badge, Button, Collapse, Group, Kbd, MultiSelect, TextInput } from '@mantine/core';
import { DatePickerInput, type DatePickerPreset } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import dayjs from 'dayjs';
import { useMemo, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionCatalogView } from '../../../bindings';
import { activeFilterCount, EMPTY_FILTERS, type DayRange, type ListKey, type TicketFilters } from './filterState';
import { filterChoices, type FilterOption } from './options';

/** Props of FilterBar. */
export interface FilterBarProps {
  filters: TicketFilters;
  onChange: (next: TicketFilters) => void;
  catalogs: readonly ConnectionCatalogView[];
  /** On the board the connection is chosen by the board's switcher, not here. */
  mode: 'board' | 'list';
  /** The connection the board shows (its catalog gives the choices on the board). */
  boardConnectionId?: string;
  searchRef?: Ref<HTMLInputElement>;
}

function SearchIcon() {
  return (
    <svg width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

/** Waits this long after the last keystroke before searching. */
export const SEARCH_DEBOUNCE_MS = 250;

/** The filter bar: search, multi-selects from the catalogs, date ranges; the rarer ones fold away. */
export function FilterBar({ filters, onChange, catalogs, mode, boardConnectionId, searchRef }: FilterBarProps) {
  const { t, i18n } = useTranslation();
  const [moreOpen, setMoreOpen] = useState(false);

  // The search field answers at once; the filter follows after a pause in typing.
  const [draft, setDraft] = useState(filters.text);
  const [draftFor, setDraftFor] = useState(filters.text);
  if (draftFor !== filters.text) {
    setDraftFor(filters.text);
    setDraft(filters.text);
  }
  const pushText = useDebouncedCallback((text: string) => onChange({ ...filters, text }), SEARCH_DEBOUNCE_MS);

  const boardConnection = mode === 'board' ? boardConnectionId : undefined;
  const choices = useMemo(
    () => filterChoices(catalogs, boardConnection ? [boardConnection] : filters.connectionIds, i18n.language),
    [catalogs, boardConnection, filters.connectionIds, i18n.language],
  );
  const set = (key: ListKey, value: string[]) => onChange({ ...filters, [key]: value });
  const setRange = (key: 'created' | 'updated', value: DayRange) => onChange({ ...filters, [key]: value });

  const select = (key: ListKey, label: string, data: FilterOption[], width = 168) => (
    <MultiSelect
      size="xs"
      w={width}
      aria-label={label}
      placeholder={filters[key].length === 0 ? label : undefined}
      data={data}
      value={filters[key]}
      onChange={(value) => set(key, value)}
      searchable
      clearable
      nothingFoundMessage={t('tickets.filters.nothingFound')}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
      data-testid={`filter-${key}`}
    />
  );

  const today = dayjs().format('YYYY-MM-DD');
  const presets: DatePickerPreset<'range'>[] = [
    { value: [today, today], label: t('tickets.filters.today') },
    { value: [dayjs().subtract(6, 'day').format('YYYY-MM-DD'), today], label: t('tickets.filters.last7Days') },
    { value: [dayjs().subtract(29, 'day').format('YYYY-MM-DD'), today], label: t('tickets.filters.last30Days') },
  ];
  const range = (key: 'created' | 'updated', label: string) => (
    <DatePickerInput
      type="range"
      size="xs"
      w={230}
      aria-label={label}
      placeholder={label}
      value={filters[key]}
      onChange={(value) => setRange(key, [value[0] ?? null, value[1] ?? null])}
      allowSingleDateInRange
      clearable
      valueFormat="YYYY-MM-DD"
      presets={presets}
      popoverProps={{ withinPortal: true }}
      data-testid={`filter-${key}`}
    />
  );

  const count = activeFilterCount(filters);
  const hidden =
    [filters.groupIds, filters.sources, filters.categoryIds].filter((list) => list.length > 0).length +
    (filters.created[0] || filters.created[1] ? 1 : 0) +
    (filters.updated[0] || filters.updated[1] ? 1 : 0);

  return (
    <div data-testid="ticket-filter-bar">
      <Group gap={8} wrap="wrap" align="flex-start">
        <TextInput
          ref={searchRef}
          size="xs"
          w={260}
          type="search"
          aria-label={t('tickets.filters.search')}
          placeholder={t('tickets.filters.searchPlaceholder')}
          leftSection={<SearchIcon />}
          rightSection={draft ? undefined : <Kbd size="xs">/</Kbd>}
          value={draft}
          onChange={(event) => {
            const text = event.currentTarget.value;
            setDraft(text);
            pushText(text);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.currentTarget.blur();
            }
          }}
          data-testid="ticket-search"
        />
        {mode === 'list' && catalogs.length > 1
          ? select('connectionIds', t('tickets.filters.connection'), choices.connections)
          : null}
        {select('statuses', t('tickets.filters.status'), choices.statuses)}
        {select('priorities', t('tickets.filters.priority'), choices.priorities, 148)}
        {select('assigneeIds', t('tickets.filters.assignee'), choices.assignees)}
        <Button
          size="xs"
          variant={moreOpen ? 'light' : 'default'}
          onClick={() => setMoreOpen((open) => !open)}
          aria-expanded={moreOpen}
          rightSection={hidden > 0 ? <Badge size="xs" circle>{hidden}</Badge> : undefined}
          data-testid="filter-more"
        >
          {moreOpen ? t('tickets.filters.fewer') : t('tickets.filters.more')}
        </Button>
        {count > 0 ? (
          <Button size="xs" variant="subtle" color="gray" onClick={() => onChange(EMPTY_FILTERS)} data-testid="filter-clear">
            {t('tickets.filters.clear')}
          </Button>
        ) : null}
      </Group>
      <Collapse expanded={moreOpen}>
        <Group gap={8} wrap="wrap" pt={8}>
          {select('groupIds', t('tickets.filters.group'), choices.groups)}
          {select('sources', t('tickets.filters.source'), choices.sources)}
          {select('categoryIds', t('tickets.filters.category'), choices.categories)}
          {range('created', t('tickets.filters.created'))}
          {range('updated', t('tickets.filters.updated'))}
        </Group>
      </Collapse>
    </div>
  );
}
