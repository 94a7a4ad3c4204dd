import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Chip,
  Group,
  Kbd,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Title,
  Tooltip,
} from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { createSpotlight } from '@mantine/spotlight';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import 'dayjs/locale/zh-cn';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveProfile, ConnectionCatalogView, SavedViewInfo, TicketRowView } from '../../bindings';
import { useSyncProfile } from '../sync/useSyncProfile';
import { useActiveProfile } from '../workspace/useActiveProfile';
import { boardColumns } from './board/boardColumns';
import { ColumnSkeleton } from './board/BoardColumn';
import { TicketBoard, type TicketViewHandle } from './board/TicketBoard';
import { useTicketCatalogs } from './catalog';
import { CreateTicketModal } from './create/CreateTicketModal';
import { DetailPanel } from './detail/DetailPanel';
import { TicketDetail } from './detail/TicketDetail';
import { EMPTY_FILTERS, fromFilterInput, toFilterInput, type TicketFilters } from './filters/filterState';
import { FilterBar } from './filters/FilterBar';
import { filterChoices } from './filters/options';
import { useTicketShortcuts } from './keyboard/useTicketShortcuts';
import { useTicketLabels } from './labels';
import { TicketList } from './list/TicketList';
import { CommandPalette } from './palette/CommandPalette';
import { parseRowKey, rowKey } from './rowKey';
import { ActiveProfileFailedState, EmptyPanel, NoProfileState, NoTicketsYetState } from './states';
import { ticketKeys } from './ticketKeys';
import { statusCountsQuery } from './ticketQueries';
import { useNow } from './useNow';
import { SavedViewsMenu } from './views/SavedViewsMenu';
import { useSavedViews } from './views/useSavedViews';

/** How the tickets are shown. */
export type TicketsMode = 'board' | 'list';

/** The search params of /tickets: the view and the open ticket (`connectionId:ticketId`). */
export interface TicketsSearch {
  view?: TicketsMode;
  ticket?: string;
}

/** Reads the search params of /tickets (unknown values are dropped). */
export function validateTicketsSearch(search: Record<string, unknown>): TicketsSearch {
  const out: TicketsSearch = {};
  if (search.view === 'board' || search.view === 'list') out.view = search.view;
  if (typeof search.ticket === 'string' && parseRowKey(search.ticket)) out.ticket = search.ticket;
  return out;
}

const MODE_STORAGE_KEY = 'switchboard.tickets.mode';
/** How the palette's shortcut is written on this OS. */
const PALETTE_KEYS = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘ K' : 'Ctrl K';
const BOARD_CONNECTION_STORAGE_KEY = 'switchboard.tickets.boardConnection';

function storedMode(): TicketsMode {
  try {
    return localStorage.getItem(MODE_STORAGE_KEY) === 'list' ? 'list' : 'board';
  } catch {
    return 'board';
  }
}

function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered; the choice holds for this session.
  }
}

/** The page frame: fills the window below the header, above the status bar. */
function PageFrame({ children }: { children: ReactNode }) {
  return (
    <Stack
      gap="sm"
      data-testid="tickets-page"
      style={{
        height:
          'calc(100dvh - var(--app-shell-header-offset, 52px) - var(--app-shell-footer-offset, 30px) - 2 * var(--mantine-spacing-xl))',
        minHeight: 420,
      }}
    >
      {children}
    </Stack>
  );
}

function PageTitle({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap">
      <Title order={2} size="h3" data-testid="page-title">
        {t('nav.tickets')}
      </Title>
      {children}
    </Group>
  );
}

/** The Tickets area (/tickets): the board and the list of the active profile's tickets. */
export function TicketsPage() {
  const active = useActiveProfile();
  if (active.isPending) {
    return (
      <PageFrame>
        <PageTitle />
        <Skeleton h={30} w={520} />
        <Group gap={10} align="flex-start">
          {[0, 1, 2].map((index) => (
            <Box key={index} w={284}>
              <ColumnSkeleton />
            </Box>
          ))}
        </Group>
      </PageFrame>
    );
  }
  if (active.isError) {
    return (
      <PageFrame>
        <PageTitle />
        <ActiveProfileFailedState onRetry={() => void active.refetch()} testId="tickets-profile-error" />
      </PageFrame>
    );
  }
  if (!active.data) {
    return (
      <PageFrame>
        <PageTitle />
        <NoProfileState />
      </PageFrame>
    );
  }
  return <TicketsWorkspace key={active.data.id} profile={active.data} />;
}

/** The tickets of one profile: loads the catalogs, then the board or the list. */
function TicketsWorkspace({ profile }: { profile: ActiveProfile }) {
  const { t } = useTranslation();
  const catalogs = useTicketCatalogs(profile.id);
  const totals = useQuery(statusCountsQuery(profile.id, {}));
  const sync = useSyncProfile(profile.id);

  const runSync = useCallback(() => {
    if (sync.isPending) return;
    sync.mutate(undefined, {
      onSuccess: (summaries) => {
        const count = summaries.reduce((sum, summary) => sum + summary.tickets, 0);
        const failures = summaries.reduce((sum, summary) => sum + summary.failures.length, 0);
        notifications.show({
          color: failures > 0 ? 'orange' : 'teal',
          message: failures > 0 ? t('sync.incompleteShort', { count: failures }) : t('sync.done', { count }),
          'data-testid': 'tickets-sync-result',
        });
      },
    });
  }, [sync, t]);

  if (catalogs.isPending || totals.isPending) {
    return (
      <PageFrame>
        <PageTitle />
        <Skeleton h={30} w={520} />
        <Group gap={10} align="flex-start" data-testid="tickets-loading">
          {[0, 1, 2, 3].map((index) => (
            <Box key={index} w={284}>
              <ColumnSkeleton />
            </Box>
          ))}
        </Group>
      </PageFrame>
    );
  }
  if (catalogs.isError || totals.isError) {
    return (
      <PageFrame>
        <PageTitle />
        <EmptyPanel
          title={t('tickets.states.loadFailedTitle')}
          description={t('tickets.states.loadFailed')}
          action={
            <Button
              size="sm"
              variant="light"
              onClick={() => {
                void catalogs.refetch();
                void totals.refetch();
              }}
            >
              {t('tickets.retry')}
            </Button>
          }
          testId="tickets-load-error"
        />
      </PageFrame>
    );
  }
  if (catalogs.data.length === 0) {
    return (
      <PageFrame>
        <PageTitle />
        <NoTicketsYetState kind="noConnection" />
      </PageFrame>
    );
  }
  const synced = [...totals.data.values()].reduce((sum, count) => sum + count, 0);
  if (synced === 0) {
    return (
      <PageFrame>
        <PageTitle />
        <NoTicketsYetState kind="notSynced" syncing={sync.isPending} progress={sync.progress} onSync={runSync} />
      </PageFrame>
    );
  }
  return <TicketsView profileId={profile.id} catalogs={catalogs.data} syncing={sync.isPending} onSync={runSync} />;
}

function SyncIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden>
      <path d="M20 11a8 8 0 0 0-14.9-3M4 4v4h4M4 13a8 8 0 0 0 14.9 3M20 20v-4h-4" />
    </svg>
  );
}

/** The board or list with the filter bar, saved views, counts, the detail panel and the palette. */
function TicketsView({
  profileId,
  catalogs,
  syncing,
  onSync,
}: {
  profileId: string;
  catalogs: ConnectionCatalogView[];
  syncing: boolean;
  onSync: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: '/tickets' });
  // Read loosely and validated here: typing it through the route would make the route tree's type depend on this file.
  const rawSearch: unknown = useSearch({ strict: false });
  const search = validateTicketsSearch((rawSearch ?? {}) as Record<string, unknown>);
  const mode: TicketsMode = search.view ?? storedMode();
  const openTicket = search.ticket ? parseRowKey(search.ticket) : null;
  const labels = useTicketLabels(catalogs);
  const now = useNow();

  const [filters, setFilters] = useState<TicketFilters>(EMPTY_FILTERS);
  const [cursorKey, setCursorKey] = useState<string | null>(search.ticket ?? null);
  const [creating, setCreating] = useState(false);
  const [spotlight] = useState(() => createSpotlight());
  const [spotlightStore, spotlightActions] = spotlight;
  const viewRef = useRef<TicketViewHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const views = useSavedViews(profileId);

  const [storedBoardConnection, setBoardConnection] = useState<string | null>(() => {
    try {
      return localStorage.getItem(BOARD_CONNECTION_STORAGE_KEY);
    } catch {
      return null;
    }
  });
  const boardCatalog =
    catalogs.find((catalog) => catalog.connectionId === storedBoardConnection) ??
    catalogs.find((catalog) => filters.connectionIds.includes(catalog.connectionId)) ??
    catalogs[0];

  const filterInput = useMemo(() => toFilterInput(filters), [filters]);
  // The board's columns each set connection and status; the rest of the filter applies to all.
  const boardFilter = useMemo(() => {
    const rest = { ...filterInput };
    delete rest.connectionIds;
    delete rest.statuses;
    return rest;
  }, [filterInput]);
  // Counts per status ignore the status filter (they are how one picks a status).
  const countFilter = useMemo(() => {
    if (mode === 'board') return { ...boardFilter, connectionIds: boardCatalog ? [boardCatalog.connectionId] : [] };
    const rest = { ...filterInput };
    delete rest.statuses;
    return rest;
  }, [mode, boardFilter, filterInput, boardCatalog]);
  const counts = useQuery(statusCountsQuery(profileId, countFilter));

  const columns = useMemo(
    () => (boardCatalog ? boardColumns(boardCatalog.statuses, counts.data, i18n.language, filters.statuses) : []),
    [boardCatalog, counts.data, i18n.language, filters.statuses],
  );

  const setMode = useCallback(
    (next: TicketsMode) => {
      remember(MODE_STORAGE_KEY, next);
      void navigate({ search: (previous: TicketsSearch) => ({ ...previous, view: next }), replace: true });
    },
    [navigate],
  );
  const open = useCallback(
    (row: Pick<TicketRowView, 'connectionId' | 'ticketId'>) => {
      setCursorKey(rowKey(row));
      void navigate({ search: (previous: TicketsSearch) => ({ ...previous, ticket: rowKey(row) }) });
    },
    [navigate],
  );
  const close = useCallback(() => {
    void navigate({ search: (previous: TicketsSearch) => ({ ...previous, ticket: undefined }) });
  }, [navigate]);
  const moveCursor = useCallback(
    (row: TicketRowView) => {
      setCursorKey(rowKey(row));
      // With the detail open, moving the selection shows the next ticket's detail.
      if (search.ticket) void navigate({ search: (previous: TicketsSearch) => ({ ...previous, ticket: rowKey(row) }), replace: true });
    },
    [navigate, search.ticket],
  );
  const applyView = useCallback((view: SavedViewInfo) => setFilters(fromFilterInput(view.filter)), []);

  useTicketShortcuts(
    {
      next: () => viewRef.current?.move(1),
      previous: () => viewRef.current?.move(-1),
      nextColumn: () => viewRef.current?.moveColumn?.(1),
      previousColumn: () => viewRef.current?.moveColumn?.(-1),
      open: () => {
        const target = cursorKey ? parseRowKey(cursorKey) : null;
        if (target) open(target);
      },
      focusSearch: () => searchRef.current?.focus(),
    },
    !creating,
  );

  const countTotal = counts.data ? [...counts.data.values()].reduce((sum, count) => sum + count, 0) : undefined;
  const shownTotal =
    mode === 'list' && counts.data && filters.statuses.length > 0
      ? filters.statuses.reduce((sum, code) => sum + (counts.data.get(code) ?? 0), 0)
      : countTotal;

  const noMatch = (
    <EmptyPanel
      title={t('tickets.states.noMatchTitle')}
      description={t('tickets.states.noMatch')}
      action={
        <Button size="xs" variant="light" onClick={() => setFilters(EMPTY_FILTERS)} data-testid="tickets-clear-filters">
          {t('tickets.filters.clear')}
        </Button>
      }
      testId="tickets-no-match"
    />
  );

  const statusChoices = filterChoices(catalogs, filters.connectionIds, i18n.language).statuses;
  const knownCodes = new Set(statusChoices.map((choice) => choice.value));
  const statusChips = [
    ...statusChoices,
    ...[...(counts.data?.keys() ?? [])].filter((code) => !knownCodes.has(code)).map((code) => ({ value: code, label: code })),
  ].filter((choice) => (counts.data?.get(choice.value) ?? 0) > 0 || filters.statuses.includes(choice.value));

  return (
    <DatesProvider settings={{ locale: i18n.language.startsWith('zh') ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}>
      <PageFrame>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <PageTitle>
            <Badge variant="light" color="gray" size="lg" data-testid="tickets-total">
              {shownTotal === undefined ? '…' : shownTotal.toLocaleString()}
            </Badge>
            <SegmentedControl
              size="xs"
              value={mode}
              onChange={(value) => setMode(value === 'list' ? 'list' : 'board')}
              data={[
                { value: 'board', label: t('tickets.mode.board') },
                { value: 'list', label: t('tickets.mode.list') },
              ]}
              aria-label={t('tickets.mode.label')}
              data-testid="tickets-mode"
            />
            {mode === 'board' && catalogs.length > 1 ? (
              <Select
                size="xs"
                w={200}
                aria-label={t('tickets.board.connection')}
                data={catalogs.map((catalog) => ({ value: catalog.connectionId, label: catalog.name }))}
                value={boardCatalog?.connectionId ?? null}
                onChange={(value) => {
                  if (!value) return;
                  setBoardConnection(value);
                  remember(BOARD_CONNECTION_STORAGE_KEY, value);
                }}
                allowDeselect={false}
                data-testid="board-connection"
              />
            ) : null}
          </PageTitle>
          <Group gap={8} wrap="nowrap">
            <SavedViewsMenu profileId={profileId} filter={filterInput} onApply={applyView} />
            <Tooltip label={t('tickets.palette.open')}>
              <Button
                size="xs"
                variant="default"
                onClick={spotlightActions.open}
                rightSection={<Kbd size="xs">{PALETTE_KEYS}</Kbd>}
                data-testid="palette-open"
              >
                {t('tickets.palette.button')}
              </Button>
            </Tooltip>
            <Tooltip label={t('tickets.syncNow')}>
              <ActionIcon
                size="input-xs"
                variant="default"
                loading={syncing}
                onClick={onSync}
                aria-label={t('tickets.syncNow')}
                data-testid="tickets-sync"
              >
                <SyncIcon />
              </ActionIcon>
            </Tooltip>
            <Button size="xs" onClick={() => setCreating(true)} data-testid="tickets-new">
              {t('tickets.newTicket')}
            </Button>
          </Group>
        </Group>

        <FilterBar
          filters={filters}
          onChange={setFilters}
          catalogs={catalogs}
          mode={mode}
          boardConnectionId={boardCatalog?.connectionId}
          searchRef={searchRef}
        />

        {mode === 'list' && statusChips.length > 0 ? (
          <Chip.Group
            multiple
            value={filters.statuses}
            onChange={(value) => setFilters({ ...filters, statuses: value })}
          >
            <Group gap={6} data-testid="status-counts">
              {statusChips.map((choice) => (
                <Chip key={choice.value} value={choice.value} size="xs" variant="light" data-testid={`status-count-${choice.value}`}>
                  {choice.label} · {(counts.data?.get(choice.value) ?? 0).toLocaleString()}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        ) : null}

        <Box style={{ flex: 1, minHeight: 0, display: 'flex', gap: 12 }}>
          <Box style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
            {mode === 'board' && boardCatalog ? (
              countTotal === 0 ? (
                noMatch
              ) : (
                <TicketBoard
                  profileId={profileId}
                  catalog={boardCatalog}
                  columns={columns}
                  filter={boardFilter}
                  labels={labels}
                  now={now}
                  cursorKey={cursorKey}
                  onCursorChange={moveCursor}
                  onOpen={open}
                  handleRef={viewRef}
                />
              )
            ) : (
              <TicketList
                profileId={profileId}
                filter={filterInput}
                labels={labels}
                cursorKey={cursorKey}
                onCursorChange={moveCursor}
                onOpen={open}
                empty={noMatch}
                handleRef={viewRef}
              />
            )}
          </Box>
          {openTicket ? (
            <DetailPanel>
              <TicketDetail
                key={search.ticket}
                profileId={profileId}
                connectionId={openTicket.connectionId}
                ticketId={openTicket.ticketId}
                onClose={close}
              />
            </DetailPanel>
          ) : null}
        </Box>
      </PageFrame>

      <CreateTicketModal
        profileId={profileId}
        opened={creating}
        onClose={() => setCreating(false)}
        defaultConnectionId={mode === 'board' ? boardCatalog?.connectionId : undefined}
        onCreated={(connectionId, ticketId) => {
          setCreating(false);
          void queryClient.invalidateQueries({ queryKey: ticketKeys.all(profileId) });
          open({ connectionId, ticketId });
        }}
      />
      <CommandPalette
        store={spotlightStore}
        profileId={profileId}
        mode={mode}
        views={views.data ?? []}
        labels={labels}
        onSwitchMode={setMode}
        onApplyView={applyView}
        onNewTicket={() => setCreating(true)}
        onSync={onSync}
        onSettings={() => void navigate({ to: '/settings' })}
        onOpenTicket={open}
      />
    </DatesProvider>
  );
}
