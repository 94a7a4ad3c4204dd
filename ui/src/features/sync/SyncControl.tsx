import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSyncProfile } from './useSyncProfile';

/** Props of SyncControl. */
export interface SyncControlProps {
  profileId: string;
  /** Display names of the profile's connections, by id. */
  labels: Record<string, string>;
  /** One line for the status bar instead of the full panel. */
  compact?: boolean;
}

/** "Sync tickets": runs the sync and shows its progress per connection, then the outcome. */
export function SyncControl({ profileId, labels, compact = false }: SyncControlProps) {
  const { t } = useTranslation();
  const sync = useSyncProfile(profileId);
  const running = Object.values(sync.progress);
  const label = (id: string) => labels[id] ?? id;
  const tickets = (sync.data ?? []).reduce((sum, summary) => sum + summary.tickets, 0);
  // A sync that found nothing new says so: "0 tickets synced" reads like a failure.
  const doneText = tickets === 0 ? t('sync.upToDate') : t('sync.done', { count: tickets });
  const failures = (sync.data ?? []).flatMap((summary) =>
    summary.failures.map((message) => `${label(summary.connectionId)}: ${message}`),
  );

  const button = (
    <Button
      size={compact ? 'compact-xs' : 'xs'}
      variant={compact ? 'subtle' : 'light'}
      loading={sync.isPending}
      onClick={() => sync.mutate()}
      data-testid={`sync-${profileId}`}
    >
      {t('sync.button')}
    </Button>
  );

  if (compact) {
    const done = running.reduce((sum, p) => sum + p.tickets, 0);
    return (
      <Group gap={6} wrap="nowrap">
        {button}
        <Text span size="xs" c={failures.length ? 'red' : 'dimmed'} data-testid={`sync-status-${profileId}`}>
          {sync.isPending && t('sync.running', { tickets: done })}
          {sync.isSuccess && (failures.length ? t('sync.incompleteShort', { count: failures.length }) : doneText)}
        </Text>
      </Group>
    );
  }

  return (
    <Stack gap={6} data-testid={`sync-panel-${profileId}`}>
      <Group gap="sm">{button}</Group>
      {sync.isPending &&
        running.map((p) => (
          <Stack gap={2} key={p.connectionId}>
            <Text size="xs" c="dimmed">
              {label(p.connectionId)} ·{' '}
              {t('sync.progress', { done: p.windowsDone, total: p.windowsTotal, tickets: p.tickets })}
            </Text>
            <Progress size="xs" value={p.windowsTotal ? (100 * p.windowsDone) / p.windowsTotal : 0} />
          </Stack>
        ))}
      {sync.isSuccess && (
        <Text size="sm" c={failures.length ? 'red' : 'teal'} data-testid={`sync-status-${profileId}`}>
          {doneText}
        </Text>
      )}
      {failures.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" c="red">
            {t('sync.incomplete')}
          </Text>
          {failures.map((failure) => (
            <Text size="xs" c="dimmed" key={failure}>
              {failure}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
