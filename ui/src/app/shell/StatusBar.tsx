import { AppShell, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../features/system/useAppInfo';
import { ActiveProfileStatus } from './ActiveProfileStatus';

function Separator() {
  return (
    <Text span size="xs" c="dimmed" aria-hidden="true">
      ·
    </Text>
  );
}

function BuildDetails() {
  const { t } = useTranslation();
  const { data: info, isError } = useAppInfo();
  if (!info) {
    return (
      <Text span size="xs" c="dimmed" data-testid="status-build">
        {isError ? t('statusBar.unavailable') : t('statusBar.loading')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" data-testid="status-build">
      <Text span size="xs" c="dimmed">
        {t('statusBar.version', { version: info.version })}
      </Text>
      <Separator />
      <Text span size="xs" c="dimmed">
        {t(`buildProfile.${info.buildProfile}`)}
      </Text>
      <Separator />
      <Text span size="xs" c="dimmed" ff="monospace" title={info.commit}>
        {info.commit.slice(0, 8)}
      </Text>
    </Group>
  );
}

/** The bottom bar: the active profile (or a way into the demo workspace), version, build and commit. */
export function StatusBar() {
  const { t } = useTranslation();
  return (
    <AppShell.Footer px="md" data-testid="status-bar" role="status" aria-label={t('statusBar.label')}>
      <Group h="100%" justify="space-between" gap="md" wrap="nowrap">
        <ActiveProfileStatus />
        <BuildDetails />
      </Group>
    </AppShell.Footer>
  );
}
