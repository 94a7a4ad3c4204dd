import { AppShell, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../features/system/useAppInfo';

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

/** The bottom bar: active profile (none exist yet), app version, build profile and commit. */
export function StatusBar() {
  const { t } = useTranslation();
  return (
    <AppShell.Footer px="md" data-testid="status-bar" role="status" aria-label={t('statusBar.label')}>
      <Group h="100%" justify="space-between" gap="md" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <Text span size="xs" c="dimmed">
            {t('statusBar.profile')}
          </Text>
          <Text span size="xs" data-testid="status-profile">
            {t('statusBar.noProfile')}
          </Text>
        </Group>
        <BuildDetails />
      </Group>
    </AppShell.Footer>
  );
}
