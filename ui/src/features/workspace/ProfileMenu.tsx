import { ActionIcon, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProfiles } from '../profiles/useProfiles';
import { useActiveProfile, useOpenDemoWorkspace, useSetActiveProfile } from './useActiveProfile';

function Chevron() {
  return (
    <svg width={12} height={12} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}

/** The profile menu: switch to a saved profile, or open the demo workspace (at any time). */
export function ProfileMenu() {
  const { t } = useTranslation();
  const active = useActiveProfile().data ?? null;
  const profiles = useProfiles().data ?? [];
  const switchTo = useSetActiveProfile();
  const openDemo = useOpenDemoWorkspace();
  return (
    <Menu position="top-start" withinPortal shadow="md" width={240}>
      <Menu.Target>
        <ActionIcon
          size="xs"
          variant="subtle"
          color="gray"
          aria-label={t('workspace.switchProfile')}
          data-testid="profile-menu"
        >
          <Chevron />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown data-testid="profile-menu-dropdown">
        <Menu.Label>{t('workspace.savedProfiles')}</Menu.Label>
        {profiles.length === 0 ? (
          <Text size="xs" c="dimmed" px="sm" py={4}>
            {t('workspace.noSavedProfiles')}
          </Text>
        ) : (
          profiles.map((profile) => (
            <Menu.Item
              key={profile.id}
              onClick={() => switchTo.mutate(profile.id)}
              disabled={active?.id === profile.id}
              data-testid={`profile-menu-item-${profile.id}`}
            >
              {profile.name}
            </Menu.Item>
          ))
        )}
        <Menu.Divider />
        <Menu.Item
          onClick={() => openDemo.mutate()}
          disabled={active?.isDemo === true}
          data-testid="profile-menu-open-demo"
        >
          {active?.isDemo ? t('workspace.demoOpen') : t('workspace.openDemo')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
