import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActiveProfile, useOpenDemoWorkspace } from './useActiveProfile';

/** The demo workspace in the profiles list: what it is, and opening it at any time. */
export function DemoWorkspaceCard() {
  const { t } = useTranslation();
  const active = useActiveProfile().data ?? null;
  const openDemo = useOpenDemoWorkspace();
  const isOpen = active?.isDemo === true;
  return (
    <Paper withBorder radius="md" p="md" data-testid="demo-workspace-card">
      <Group justify="space-between" wrap="nowrap" gap="md" align="center">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={500}>{t('workspace.demoName')}</Text>
            <Badge size="xs" variant="light" color="orange">
              {t('workspace.demoBadge')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('workspace.demoHint')}
          </Text>
        </Stack>
        <Button
          size="xs"
          variant="light"
          color="orange"
          style={{ flexShrink: 0 }}
          loading={openDemo.isPending}
          disabled={isOpen}
          onClick={() => openDemo.mutate()}
          data-testid="profiles-open-demo"
        >
          {isOpen ? t('workspace.demoOpen') : t('workspace.openDemo')}
        </Button>
      </Group>
    </Paper>
  );
}
