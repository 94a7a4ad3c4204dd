import { Alert, Badge, Button, Group, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditRow, ProfileForm } from '../../bindings';
import { SettingsCard } from '../../components/SettingsCard';
import { useProfiles } from '../profiles/useProfiles';
import { useActiveProfile } from '../workspace/useActiveProfile';
import { useAuditLog } from './useAuditLog';

/** Display names of a profile's connections by id (the Sobot connection, the call center, each Udesk account). */
function connectionLabels(profile: ProfileForm | undefined, t: TFunction) {
  const labels: Record<string, string> = {};
  if (profile?.sobot) labels[profile.sobot.id] = t('vendors.sobot');
  if (profile?.callcenter) labels[profile.callcenter.id] = t('vendors.sobotCallcenter');
  for (const account of profile?.udesk ?? []) labels[account.id] = account.name;
  return labels;
}

function Result({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  if (row.ok) {
    return (
      <Badge variant="light" color="teal" radius="sm" tt="none">
        {t('settings.audit.ok')}
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      <Badge variant="light" color="red" radius="sm" tt="none">
        {t('settings.audit.failed')}
      </Badge>
      {row.errorCode || row.errorMessage ? (
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word', userSelect: 'text' }}>
          {t('settings.audit.errorCode', { code: row.errorCode ?? '—', message: row.errorMessage ?? '' })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The audit log of the active profile: every write made at a vendor, newest first, with older pages on demand. */
export function AuditLogSection() {
  const { t, i18n } = useTranslation();
  const active = useActiveProfile().data ?? null;
  const profiles = useProfiles().data;
  const log = useAuditLog(active?.id ?? null);
  const labels = connectionLabels(
    profiles?.find((profile) => profile.id === active?.id),
    t,
  );
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const rows = log.data?.pages.flat() ?? [];

  let body: ReactNode;
  if (!active) {
    body = <Text c="dimmed">{t('settings.audit.noProfile')}</Text>;
  } else if (log.isPending) {
    body = (
      <Group gap="xs" data-testid="audit-loading">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('settings.audit.loading')}
        </Text>
      </Group>
    );
  } else if (log.isError) {
    body = (
      <Alert color="red" variant="light" title={t('settings.audit.loadFailed')} data-testid="audit-error">
        <Button size="xs" variant="light" color="red" onClick={() => void log.refetch()}>
          {t('settings.retry')}
        </Button>
      </Alert>
    );
  } else if (rows.length === 0) {
    body = (
      <Text c="dimmed" data-testid="audit-empty">
        {t('settings.audit.empty')}
      </Text>
    );
  } else {
    body = (
      <Stack gap="sm">
        <ScrollArea.Autosize mah={420} type="auto">
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.audit.when')}</Table.Th>
                <Table.Th>{t('settings.audit.connection')}</Table.Th>
                <Table.Th>{t('settings.audit.action')}</Table.Th>
                <Table.Th>{t('settings.audit.target')}</Table.Th>
                <Table.Th>{t('settings.audit.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} data-testid={`audit-row-${row.id}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when.format(new Date(Number(row.atMs)))}</Table.Td>
                  <Table.Td>{labels[row.connectionId] ?? row.connectionId}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {row.action}
                    </Text>
                    {row.summary ? (
                      <Text size="xs" c="dimmed">
                        {row.summary}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all', userSelect: 'text' }}>{row.target}</Table.Td>
                  <Table.Td>
                    <Result row={row} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {log.hasNextPage ? (
          <Group justify="center">
            <Button
              size="xs"
              variant="default"
              loading={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
              data-testid="audit-more"
            >
              {t('settings.audit.more')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }

  return (
    <SettingsCard title={t('settings.audit.title')} data-testid="settings-audit">
      <Text size="sm" c="dimmed">
        {t('settings.audit.intro')}
      </Text>
      {body}
    </SettingsCard>
  );
}
