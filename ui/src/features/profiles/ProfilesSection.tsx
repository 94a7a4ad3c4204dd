import { Alert, Button, EmptyState, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileForm } from '../../bindings';
import { ProfilesIcon } from '../../components/icons';
import { SettingsCard } from '../../components/SettingsCard';
import { DemoWorkspaceCard } from '../workspace/DemoWorkspaceCard';
import { ProfileCard } from './ProfileCard';
import { ProfileFormDrawer } from './ProfileFormDrawer';
import { useDeleteProfile, useProfiles } from './useProfiles';

interface DeleteProfileModalProps {
  opened: boolean;
  /** The profile to delete; kept while the modal fades out so that its text does not change. */
  profile: ProfileForm | null;
  onClose: () => void;
}

/** Asks before deleting, naming the profile and saying its keychain entries go too. */
function DeleteProfileModal({ opened, profile, onClose }: DeleteProfileModalProps) {
  const { t } = useTranslation();
  const remove = useDeleteProfile();
  const confirm = () => {
    if (!profile) return;
    const { id, name } = profile;
    remove.mutate(id, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          title: t('profiles.delete.doneTitle'),
          message: t('profiles.delete.doneMessage', { name }),
          autoClose: 4000,
          withBorder: true,
          'data-testid': 'profile-deleted-notification',
        });
        onClose();
      },
    });
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      centered
      title={<Text fw={600}>{t('profiles.delete.title')}</Text>}
      closeButtonProps={{ 'aria-label': t('profiles.delete.cancel') }}
    >
      <Stack gap="md" data-testid="profile-delete-modal">
        <Text size="sm">{t('profiles.delete.message', { name: profile?.name ?? '' })}</Text>
        <Text size="sm" c="dimmed">
          {t('profiles.delete.keychain')}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-testid="profile-delete-cancel">
            {t('profiles.delete.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={confirm} data-testid="profile-delete-confirm">
            {t('profiles.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Settings → Profiles and connections: the saved profiles, and adding, editing, deleting and testing them. */
export function ProfilesSection() {
  const { t } = useTranslation();
  const profiles = useProfiles();
  // Kept after closing (opened: false) so that the drawer's content does not change while it slides out.
  const [editing, setEditing] = useState<{ profile: ProfileForm | null; session: number; opened: boolean } | null>(
    null,
  );
  const [session, setSession] = useState(0);
  const [deleting, setDeleting] = useState<{ profile: ProfileForm; opened: boolean } | null>(null);

  const openForm = (profile: ProfileForm | null) => {
    const next = session + 1;
    setSession(next);
    setEditing({ profile, session: next, opened: true });
  };

  let body: ReactNode;
  if (profiles.data && profiles.data.length > 0) {
    body = (
      <Stack gap="md" data-testid="profiles-list">
        {profiles.data.map((profile) => (
          <ProfileCard
            key={profile.id}
            profile={profile}
            onEdit={() => openForm(profile)}
            onDelete={() => setDeleting({ profile, opened: true })}
          />
        ))}
      </Stack>
    );
  } else if (profiles.data) {
    body = (
      <EmptyState
        variant="light"
        size="sm"
        py="lg"
        icon={<ProfilesIcon size={22} />}
        title={t('profiles.empty.title')}
        description={t('profiles.empty.description')}
        data-testid="profiles-empty"
      >
        <EmptyState.Actions>
          <Button onClick={() => openForm(null)} data-testid="profile-add">
            {t('profiles.empty.action')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  } else if (profiles.isError) {
    body = (
      <Alert color="red" variant="light" title={t('profiles.loadFailed')} data-testid="profiles-load-failed">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('profiles.loadFailedHint')}</Text>
          <Button size="xs" variant="light" color="red" onClick={() => void profiles.refetch()}>
            {t('settings.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  } else {
    body = (
      <Stack gap="md" data-testid="profiles-loading" aria-busy="true" aria-label={t('profiles.loading')}>
        <Skeleton height={112} radius="md" />
        <Skeleton height={112} radius="md" />
      </Stack>
    );
  }

  const hasProfiles = (profiles.data?.length ?? 0) > 0;
  return (
    <SettingsCard title={t('profiles.title')} data-testid="profiles-section">
      <Group justify="space-between" align="flex-start" gap="md" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t('profiles.intro')}
        </Text>
        {hasProfiles ? (
          <Button onClick={() => openForm(null)} style={{ flexShrink: 0 }} data-testid="profile-add">
            {t('profiles.add')}
          </Button>
        ) : null}
      </Group>
      {body}
      <DemoWorkspaceCard />
      <ProfileFormDrawer
        opened={editing?.opened ?? false}
        profile={editing?.profile ?? null}
        session={editing?.session ?? 0}
        onClose={() => setEditing((current) => (current ? { ...current, opened: false } : null))}
      />
      <DeleteProfileModal
        opened={deleting?.opened ?? false}
        profile={deleting?.profile ?? null}
        onClose={() => setDeleting((current) => (current ? { ...current, opened: false } : null))}
      />
    </SettingsCard>
  );
}
