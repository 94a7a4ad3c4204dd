// The dialog of one bulk action: choose the value, apply it to the selected tickets one after the
// other (progress and Stop), then see what was changed and what was not (and why).
import { Button, Group, Modal, Progress, Select, Stack, Text } from '@mantine/core';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  commands,
  type ConnectionCatalogView,
  type TicketDetailView,
  type TicketListPage,
  type TicketRowView,
} from '../../../bindings';
import { runCommand } from '../../../lib/ipc';
import { ActingAgentModal } from '../detail/ActingAgentModal';
import { isActingAgentError, saveActingAgent } from '../detail/useTicketWrites';
import { ticketKeys } from '../ticketKeys';
import {
  bulkOptions,
  changedKeys,
  changeFor,
  runBulk,
  targetsFor,
  type BulkField,
  type BulkProgress,
  type BulkRun,
} from './bulk';
import { BulkReport } from './BulkReport';

/** Props of BulkModal. */
export interface BulkModalProps {
  opened: boolean;
  profileId: string;
  field: BulkField;
  connectionId: string;
  catalog: ConnectionCatalogView | undefined;
  selectedKeys: ReadonlySet<string>;
  /** The tickets a run changed (to leave the selection). */
  onChanged: (keys: ReadonlySet<string>) => void;
  onClose: () => void;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; progress: BulkProgress; stopping: boolean }
  | { kind: 'ended'; run: BulkRun; missing: number };

/** Every version of a ticket the app holds: loaded list pages, open details, answers of writes. */
function knownRows(queryClient: QueryClient, profileId: string, written: ReadonlyMap<string, TicketRowView>): TicketRowView[] {
  const prefix = ticketKeys.all(profileId);
  const lists = queryClient.getQueriesData<TicketListPage>({ queryKey: [...prefix, 'list'] });
  const details = queryClient.getQueriesData<TicketDetailView>({ queryKey: [...prefix, 'detail'] });
  return [
    ...lists.flatMap(([, page]) => page?.rows ?? []),
    ...details.flatMap(([, detail]) => (detail ? [detail.ticket] : [])),
    ...written.values(),
  ];
}

/** The dialog of one bulk action on the selected tickets of one connection. */
export function BulkModal({
  opened,
  profileId,
  field,
  connectionId,
  catalog,
  selectedKeys,
  onChanged,
  onClose,
}: BulkModalProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [agentPrompt, setAgentPrompt] = useState(false);
  const [agentChosen, setAgentChosen] = useState(false);
  const stopRef = useRef(false);
  // The tickets as the vendor answered each write (a retry after a conflict uses that version).
  const writtenRef = useRef(new Map<string, TicketRowView>());
  // Leaving the screen mid-run stops before the next ticket.
  useEffect(
    () => () => {
      stopRef.current = true;
    },
    [],
  );

  const running = phase.kind === 'running';
  const connectionName = catalog?.name ?? connectionId;
  const options = bulkOptions(field, catalog, i18n.language);
  const count = selectedKeys.size;

  const apply = async () => {
    if (value === null || running) return;
    const change = changeFor(field, value);
    const { targets, missing } = targetsFor(selectedKeys, knownRows(queryClient, profileId, writtenRef.current));
    stopRef.current = false;
    setAgentChosen(false);
    setPhase({ kind: 'running', progress: { attempted: 0, total: targets.length }, stopping: false });
    const run = await runBulk(targets, {
      write: async (target) => {
        const result = await runCommand(
          commands.changeTicket(profileId, target.connectionId, target.ticketId, change, target.version),
        );
        writtenRef.current.set(target.key, result.ticket.ticket);
        return result.outcome;
      },
      shouldStop: () => stopRef.current,
      halts: isActingAgentError,
      onProgress: (progress) =>
        setPhase((previous) => (previous.kind === 'running' ? { ...previous, progress } : previous)),
    });
    setPhase({ kind: 'ended', run, missing: missing.length });
    onChanged(changedKeys(run));
    if (run.results.length > 0) void queryClient.invalidateQueries({ queryKey: ticketKeys.all(profileId) });
    if (run.end.kind === 'halted') setAgentPrompt(true);
  };

  const stop = () => {
    stopRef.current = true;
    setPhase((previous) => (previous.kind === 'running' ? { ...previous, stopping: true } : previous));
  };

  const chooseAgent = async (agentId: string) => {
    await saveActingAgent(queryClient, profileId, connectionId, agentId);
    setAgentPrompt(false);
    setAgentChosen(true);
  };

  const halted = phase.kind === 'ended' && phase.run.end.kind === 'halted';

  return (
    <>
      <Modal
        opened={opened && !agentPrompt}
        onClose={() => {
          if (!running) onClose();
        }}
        closeOnEscape={!running}
        closeOnClickOutside={!running}
        withCloseButton={!running}
        title={t(`tickets.bulk.title.${field}`)}
        data-testid="bulk-modal"
      >
        <Stack gap="md">
          {/* Once every selected ticket is changed, the selection is empty: only the report is left. */}
          {count > 0 || phase.kind !== 'ended' ? (
            <Text size="sm" data-testid="bulk-scope">
              {t('tickets.bulk.scope', { count, formatted: count.toLocaleString(), connection: connectionName })}
            </Text>
          ) : null}
          <Select
            label={t(`tickets.bulk.field.${field}`)}
            aria-label={t(`tickets.bulk.field.${field}`)}
            placeholder={t('tickets.bulk.placeholder')}
            data={options}
            value={value}
            onChange={setValue}
            allowDeselect={false}
            searchable={field === 'assignee' || options.length > 10}
            nothingFoundMessage={t('ticket.common.nothingFound')}
            disabled={running}
            comboboxProps={{ withinPortal: false }}
            data-testid="bulk-value"
            data-autofocus
          />
          {phase.kind === 'idle' ? (
            <Text size="xs" c="dimmed">
              {t('tickets.bulk.oneByOne')}
            </Text>
          ) : null}
          {phase.kind === 'running' ? (
            <Stack gap={4} data-testid="bulk-progress">
              <Progress
                value={phase.progress.total === 0 ? 100 : (100 * phase.progress.attempted) / phase.progress.total}
                aria-label={t('tickets.bulk.progressLabel')}
                animated={!phase.stopping}
              />
              <Group justify="space-between" gap="xs">
                <Text size="sm">
                  {t('tickets.bulk.progress', { done: phase.progress.attempted, total: phase.progress.total })}
                </Text>
                {phase.stopping ? (
                  <Text size="xs" c="dimmed">
                    {t('tickets.bulk.stopping')}
                  </Text>
                ) : null}
              </Group>
            </Stack>
          ) : null}
          {phase.kind === 'ended' ? (
            <BulkReport
              run={phase.run}
              missing={phase.missing}
              agent={
                halted
                  ? { connection: connectionName, chosen: agentChosen, onChoose: () => setAgentPrompt(true) }
                  : null
              }
            />
          ) : null}
          <Group justify="flex-end">
            {running ? (
              <Button color="red" variant="light" onClick={stop} disabled={phase.stopping} data-testid="bulk-stop">
                {t('tickets.bulk.stop')}
              </Button>
            ) : (
              <>
                <Button variant="default" onClick={onClose} data-testid="bulk-close">
                  {phase.kind === 'ended' ? t('tickets.bulk.close') : t('tickets.bulk.cancel')}
                </Button>
                {count > 0 || phase.kind !== 'ended' ? (
                  <Button
                    disabled={value === null || count === 0}
                    onClick={() => void apply()}
                    data-testid="bulk-apply"
                  >
                    {t('tickets.bulk.apply', { count })}
                  </Button>
                ) : null}
              </>
            )}
          </Group>
        </Stack>
      </Modal>
      <ActingAgentModal
        key={agentPrompt ? 'open' : 'closed'}
        opened={opened && agentPrompt}
        connectionName={connectionName}
        agents={catalog?.agents ?? []}
        currentAgentId={catalog?.actingAgentId ?? null}
        onChoose={chooseAgent}
        onCancel={() => setAgentPrompt(false)}
      />
    </>
  );
}
