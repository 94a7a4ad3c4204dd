import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SyncControl } from '../../features/sync/SyncControl';
import { ProfileMenu } from '../../features/workspace/ProfileMenu';
import { useActiveProfile, useOpenDemoWorkspace } from '../../features/workspace/useActiveProfile';

/** The status bar's left side: the active profile (with the profile menu), or a way to open the demo workspace. */
export function ActiveProfileStatus() {
  const { t } = useTranslation();
  const { data: profile, isPending } = useActiveProfile();
  const openDemo = useOpenDemoWorkspace();
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="xs" c="dimmed">
        {t('statusBar.profile')}
      </Text>
      {isPending ? (
        <Text span size="xs" c="dimmed" data-testid="status-profile">
          {t('statusBar.loading')}
        </Text>
      ) : profile ? (
        <Group gap={6} wrap="nowrap">
          <Text span size="xs" data-testid="status-profile">
            {profile.isDemo ? t('workspace.demoName') : profile.name}
          </Text>
          {profile.isDemo && (
            <Badge size="xs" variant="light" color="orange" data-testid="status-demo-badge">
              {t('workspace.demoBadge')}
            </Badge>
          )}
          <ProfileMenu />
          <SyncControl profileId={profile.id} labels={{}} compact />
        </Group>
      ) : (
        <Group gap={6} wrap="nowrap">
          <Text span size="xs" data-testid="status-profile">
            {t('statusBar.noProfile')}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            loading={openDemo.isPending}
            onClick={() => openDemo.mutate()}
            data-testid="open-demo"
          >
            {t('workspace.openDemo')}
          </Button>
          <ProfileMenu />
        </Group>
      )}
    </Group>
  );
}
