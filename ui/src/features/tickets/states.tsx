// The designed states of the Tickets area: no profile, no ticket connection, nothing synced yet,
// nothing matching, failures.
import { Button, EmptyState, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncProgressEvent } from '../../bindings';
import { TicketsIcon } from '../../components/icons';
import { useOpenDemoWorkspace } from '../workspace/useActiveProfile';

/** A bordered panel with an icon, a title, an explanation and actions. */
export function EmptyPanel({
  title,
  description,
  action,
  testId,
  children,
}: {
  title: string;
  description: string;
  action?: ReactNode;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" py={48} px="xl" data-testid={testId}>
      <EmptyState variant="light" size="md" icon={<TicketsIcon size={28} />} title={title} description={description}>
        {action ? (
          <Group justify="center" gap="sm" mt="md">
            {action}
          </Group>
        ) : null}
        {children}
      </EmptyState>
    </Paper>
  );
}

/** No active profile: open the demo workspace, or add a profile in Settings. */
export function NoProfileState() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const openDemo = useOpenDemoWorkspace();
  return (
    <EmptyPanel
      title={t('tickets.states.noProfileTitle')}
      description={t('tickets.states.noProfile')}
      testId="tickets-no-profile"
      action={
        <>
          <Button loading={openDemo.isPending} onClick={() => openDemo.mutate()} data-testid="tickets-open-demo">
            {t('tickets.states.openDemo')}
          </Button>
          <Button variant="default" onClick={() => void navigate({ to: '/settings' })} data-testid="tickets-add-profile">
            {t('tickets.states.addProfile')}
          </Button>
        </>
      }
    />
  );
}

/** The active profile could not be read; `onRetry` reads it again. */
export function ActiveProfileFailedState({ onRetry, testId }: { onRetry: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <EmptyPanel
      title={t('tickets.states.profileFailedTitle')}
      description={t('tickets.states.profileFailed')}
      action={
        <Button size="sm" variant="light" onClick={onRetry}>
          {t('tickets.retry')}
        </Button>
      }
      testId={testId}
    />
  );
}

/** A profile without ticket connections, or whose tickets were never synced. */
export function NoTicketsYetState({
  kind,
  syncing = false,
  progress = {},
  onSync,
}: {
  kind: 'noConnection' | 'notSynced';
  syncing?: boolean;
  progress?: Record<string, SyncProgressEvent>;
  onSync?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (kind === 'noConnection') {
    return (
      <EmptyPanel
        title={t('tickets.states.noConnectionTitle')}
        description={t('tickets.states.noConnection')}
        testId="tickets-no-connection"
        action={
          <Button variant="default" onClick={() => void navigate({ to: '/settings' })} data-testid="tickets-open-settings">
            {t('tickets.states.openSettings')}
          </Button>
        }
      />
    );
  }
  const running = Object.values(progress);
  return (
    <EmptyPanel
      title={t('tickets.states.notSyncedTitle')}
      description={t('tickets.states.notSynced')}
      testId="tickets-not-synced"
      action={
        <Button loading={syncing} onClick={onSync} data-testid="tickets-sync-now">
          {t('tickets.syncNow')}
        </Button>
      }
    >
      {syncing && running.length > 0 ? (
        <Stack gap={6} mt="md" maw={360} mx="auto">
          {running.map((event) => (
            <Stack gap={2} key={event.connectionId}>
              <Text size="xs" c="dimmed">
                {t('sync.progress', { done: event.windowsDone, total: event.windowsTotal, tickets: event.tickets })}
              </Text>
              <Progress size="xs" value={event.windowsTotal ? (100 * event.windowsDone) / event.windowsTotal : 0} />
            </Stack>
          ))}
        </Stack>
      ) : null}
    </EmptyPanel>
  );
}
