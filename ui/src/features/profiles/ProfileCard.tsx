import { Alert, Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SyncControl } from '../sync/SyncControl';
import type { ProfileForm } from '../../bindings';
import { ConnectionTestResult, type TestedVendor } from './ConnectionTestResult';
import { SOBOT_REGION_HOSTS } from './draft';
import { useTestConnection } from './useProfiles';

/** Where a connection's secret is: in the keychain, missing, or unknown because the keychain could not be read. */
function SecretBadge({ stored, unavailable, testId }: { stored: boolean; unavailable: boolean; testId: string }) {
  const { t } = useTranslation();
  if (unavailable && !stored) {
    return (
      <Badge variant="light" color="gray" radius="sm" tt="none" data-testid={testId}>
        {t('profiles.secret.unavailableShort')}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={stored ? 'teal' : 'orange'} radius="sm" tt="none" data-testid={testId}>
      {stored ? t('profiles.secret.storedShort') : t('profiles.secret.missingShort')}
    </Badge>
  );
}

function Detail({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all', userSelect: 'text' }}>
      {children}
    </Text>
  );
}

interface TestableConnectionProps {
  profileId: string;
  connectionId: string;
  vendor: TestedVendor;
  address: string;
  children: ReactNode;
}

/** One saved connection that can be tested: its summary, the Test button and the outcome. */
function TestableConnection({ profileId, connectionId, vendor, address, children }: TestableConnectionProps) {
  const { t } = useTranslation();
  const test = useTestConnection();
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={2} style={{ minWidth: 0 }}>
          {children}
        </Stack>
        <Button
          size="xs"
          variant="default"
          loading={test.isPending}
          onClick={() => test.mutate({ profileId, connectionId })}
          data-testid={`connection-test-${connectionId}`}
        >
          {t('profiles.test.button')}
        </Button>
      </Group>
      {test.data ? (
        <ConnectionTestResult
          result={test.data}
          vendor={vendor}
          address={address}
          data-testid={`connection-test-result-${connectionId}`}
        />
      ) : null}
      {test.isError ? (
        <Text size="sm" c="red" data-testid={`connection-test-result-${connectionId}`}>
          {t('profiles.test.couldNotRun')}
        </Text>
      ) : null}
    </Stack>
  );
}

function ConnectionHeading({ children, secret }: { children: ReactNode; secret: ReactNode }) {
  return (
    <Group gap="xs" wrap="wrap">
      <Text fw={500}>{children}</Text>
      {secret}
    </Group>
  );
}

/** Props of ProfileCard. */
export interface ProfileCardProps {
  profile: ProfileForm;
  onEdit: () => void;
  onDelete: () => void;
}

/** A saved profile: its connections with where their secrets are, a test per connection, edit and delete. */
export function ProfileCard({ profile, onEdit, onDelete }: ProfileCardProps) {
  const { t } = useTranslation();
  const { sobot, callcenter, udesk } = profile;
  const keychainUnavailable = profile.keychainError !== null;
  const sections: ReactNode[] = [];
  const syncLabels: Record<string, string> = {};
  if (sobot) syncLabels[sobot.id] = t('profiles.connection.sobot');
  for (const account of udesk) syncLabels[account.id] = account.name;

  if (sobot) {
    const address = sobot.region === 'custom' ? sobot.customBaseUrl : SOBOT_REGION_HOSTS[sobot.region];
    sections.push(
      <TestableConnection
        key={`sobot-${sobot.id}`}
        profileId={profile.id}
        connectionId={sobot.id}
        vendor="sobot"
        address={address}
      >
        <ConnectionHeading secret={<SecretBadge
              stored={sobot.hasAppKey}
              unavailable={keychainUnavailable}
              testId={`secret-status-${sobot.id}`}
            />}>
          {t('profiles.connection.sobot')}
        </ConnectionHeading>
        <Detail>
          {t(`profiles.form.sobot.regions.${sobot.region}`)} · {address}
        </Detail>
        <Detail>{t('profiles.connection.sobotDetails', { appid: sobot.appid, timezone: sobot.timezoneId })}</Detail>
      </TestableConnection>,
    );
  }

  if (callcenter) {
    sections.push(
      <TestableConnection
        key={`callcenter-${callcenter.id}`}
        profileId={profile.id}
        connectionId={callcenter.id}
        vendor="sobotCallcenter"
        address={callcenter.baseUrl}
      >
        <ConnectionHeading
          secret={
            <SecretBadge
              stored={callcenter.hasAppSecret}
              unavailable={keychainUnavailable}
              testId={`secret-status-${callcenter.id}`}
            />
          }
        >
          {t('profiles.connection.callcenter')}
        </ConnectionHeading>
        <Detail>{callcenter.baseUrl}</Detail>
        <Detail>
          {t('profiles.connection.callcenterDetails', { appId: callcenter.appId, agentNo: callcenter.agentNo })}
        </Detail>
      </TestableConnection>,
    );
  }

  for (const account of udesk) {
    sections.push(
      <TestableConnection
        key={`udesk-${account.id}`}
        profileId={profile.id}
        connectionId={account.id}
        vendor="udesk"
        address={account.baseUrl}
      >
        <ConnectionHeading
          secret={
            <SecretBadge
              stored={account.hasApiToken}
              unavailable={keychainUnavailable}
              testId={`secret-status-${account.id}`}
            />
          }
        >
          {t('profiles.connection.udesk', { name: account.name })}
        </ConnectionHeading>
        <Detail>{account.baseUrl}</Detail>
        <Detail>{account.email}</Detail>
      </TestableConnection>,
    );
  }

  return (
    <Paper withBorder radius="md" p="md" data-testid={`profile-card-${profile.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="md">
          <Title order={4} size="h5" style={{ wordBreak: 'break-word' }}>
            {profile.name}
          </Title>
          <Group gap="xs" wrap="nowrap">
            {(sobot || udesk.length > 0) && (
              <SyncControl
                profileId={profile.id}
                labels={syncLabels}
                compact
              />
            )}
            <Button size="xs" variant="light" onClick={onEdit} data-testid={`profile-edit-${profile.id}`}>
              {t('profiles.card.edit')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={onDelete}
              data-testid={`profile-delete-${profile.id}`}
            >
              {t('profiles.card.delete')}
            </Button>
          </Group>
        </Group>
        {profile.keychainError !== null ? (
          <Alert
            color="orange"
            variant="light"
            title={t('profiles.secret.unavailableTitle')}
            data-testid={`keychain-unavailable-${profile.id}`}
          >
            {t('profiles.secret.unavailableMessage', { detail: profile.keychainError })}
          </Alert>
        ) : null}
        {sections.length === 0 ? (
          <Alert variant="light" color="gray">
            {t('profiles.card.noConnections')}
          </Alert>
        ) : (
          sections.flatMap((section, index) =>
            index === 0 ? [section] : [<Divider key={`divider-${index}`} />, section],
          )
        )}
      </Stack>
    </Paper>
  );
}
