import { Badge, Group, Kbd, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, type SpotlightStore } from '@mantine/spotlight';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, type SavedViewInfo, type TicketListRequest, type TicketRowView } from '../../../bindings';
import { runCommand } from '../../../lib/ipc';
import type { TicketLabels } from '../labels';
import { rowKey } from '../rowKey';
import { ticketKeys } from '../ticketKeys';

/** Tickets the palette offers for a query at most. */
const TICKET_RESULTS = 8;

/** Props of CommandPalette. */
export interface CommandPaletteProps {
  store: SpotlightStore;
  profileId: string;
  mode: 'board' | 'list';
  views: readonly SavedViewInfo[];
  labels: TicketLabels;
  onSwitchMode: (mode: 'board' | 'list') => void;
  onApplyView: (view: SavedViewInfo) => void;
  onNewTicket: () => void;
  onSync: () => void;
  onSettings: () => void;
  onOpenTicket: (row: TicketRowView) => void;
}

function isRow(value: unknown): value is TicketRowView {
  return typeof value === 'object' && value !== null && 'ticketId' in value && 'connectionId' in value && 'statusCode' in value;
}

/** Rows already cached by the board and the list whose number starts with (or title contains) `query`. */
export function cachedTicketMatches(queryClient: QueryClient, profileId: string, query: string, limit: number): TicketRowView[] {
  const wanted = query.trim().toLowerCase().replace(/^#/, '');
  if (!wanted) return [];
  const found = new Map<string, TicketRowView>();
  const visit = (value: unknown) => {
    if (found.size >= limit) return;
    if (isRow(value)) {
      const code = (value.ticketCode ?? value.ticketId).toLowerCase();
      if (code.startsWith(wanted) || value.title.toLowerCase().includes(wanted)) found.set(rowKey(value), value);
      return;
    }
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const holder = value as { rows?: unknown; pages?: unknown };
      if (holder.rows) visit(holder.rows);
      if (holder.pages) visit(holder.pages);
    }
  };
  for (const [, data] of queryClient.getQueriesData({ queryKey: ticketKeys.all(profileId) })) visit(data);
  return [...found.values()].slice(0, limit);
}

interface Command {
  id: string;
  label: string;
  description?: string;
  group: string;
  hint?: ReactNode;
  run: () => void;
}

/** Ctrl+K / Cmd+K: switch view, apply a saved view, new ticket, sync, Settings, and jump to a ticket. */
export function CommandPalette({
  store,
  profileId,
  mode,
  views,
  labels,
  onSwitchMode,
  onApplyView,
  onNewTicket,
  onSync,
  onSettings,
  onOpenTicket,
}: CommandPaletteProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);

  const request: TicketListRequest = {
    filter: { text: debounced },
    sort: 'updatedAt',
    ascending: false,
    offset: 0,
    limit: TICKET_RESULTS,
  };
  const search = useQuery({
    queryKey: ticketKeys.list(profileId, request),
    queryFn: () => runCommand(commands.listTickets(profileId, request)),
    enabled: debounced.length > 0,
  });

  const actionsGroup = t('tickets.palette.groupActions');
  const viewsGroup = t('tickets.palette.groupViews');
  const commandList: Command[] = [
    mode === 'board'
      ? { id: 'mode-list', label: t('tickets.palette.showList'), group: actionsGroup, run: () => onSwitchMode('list') }
      : { id: 'mode-board', label: t('tickets.palette.showBoard'), group: actionsGroup, run: () => onSwitchMode('board') },
    { id: 'new-ticket', label: t('tickets.palette.newTicket'), group: actionsGroup, run: onNewTicket },
    { id: 'sync', label: t('tickets.palette.sync'), group: actionsGroup, run: onSync },
    { id: 'settings', label: t('tickets.palette.settings'), group: actionsGroup, run: onSettings },
    ...views.map((view) => ({
      id: `view-${view.id}`,
      label: view.name,
      description: t('tickets.palette.applyView'),
      group: viewsGroup,
      run: () => onApplyView(view),
    })),
  ];
  const needle = query.trim().toLowerCase();
  const commandsShown = needle
    ? commandList.filter((command) => `${command.label} ${command.description ?? ''}`.toLowerCase().includes(needle))
    : commandList;

  const tickets = new Map<string, TicketRowView>();
  if (needle) {
    for (const row of cachedTicketMatches(queryClient, profileId, needle, TICKET_RESULTS)) tickets.set(rowKey(row), row);
    if (debounced.toLowerCase() === needle) {
      for (const row of search.data?.rows ?? []) if (tickets.size < TICKET_RESULTS * 2) tickets.set(rowKey(row), row);
    }
  }

  const groups = [actionsGroup, viewsGroup].map((group) => ({
    group,
    items: commandsShown.filter((command) => command.group === group),
  }));

  return (
    <Spotlight.Root
      store={store}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={440}
      size={620}
    >
      <Spotlight.Search
        placeholder={t('tickets.palette.placeholder')}
        aria-label={t('tickets.palette.placeholder')}
        data-testid="palette-search"
      />
      <Spotlight.ActionsList data-testid="palette-list">
        {groups.map(({ group, items }) =>
          items.length === 0 ? null : (
            <Spotlight.ActionsGroup key={group} label={group}>
              {items.map((command) => (
                <Spotlight.Action
                  key={command.id}
                  label={command.label}
                  description={command.description}
                  onClick={command.run}
                  data-testid={`palette-${command.id}`}
                />
              ))}
            </Spotlight.ActionsGroup>
          ),
        )}
        {tickets.size > 0 ? (
          <Spotlight.ActionsGroup label={t('tickets.palette.groupTickets')}>
            {[...tickets.values()].map((row) => (
              <Spotlight.Action
                key={rowKey(row)}
                onClick={() => onOpenTicket(row)}
                data-testid={`palette-ticket-${rowKey(row)}`}
              >
                <Group wrap="nowrap" gap="sm" w="100%">
                  <Text size="xs" ff="monospace" c="dimmed" style={{ flexShrink: 0 }}>
                    {row.ticketCode ?? row.ticketId}
                  </Text>
                  <Text size="sm" truncate style={{ flex: 1, minWidth: 0 }}>
                    {row.title}
                  </Text>
                  <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
                    {labels.status(row)}
                  </Badge>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {commandsShown.length === 0 && tickets.size === 0 ? (
          <Spotlight.Empty>{search.isFetching ? t('tickets.palette.searching') : t('tickets.palette.nothing')}</Spotlight.Empty>
        ) : null}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Group gap="md">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('tickets.palette.hintMove')}
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> {t('tickets.palette.hintRun')}
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Esc</Kbd> {t('tickets.palette.hintClose')}
          </Text>
        </Group>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
