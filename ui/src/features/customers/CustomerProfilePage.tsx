// The customer profile (/customers/$connectionId/$customerId): a Sobot CRM customer read fresh —
// header, details, tags, custom fields, behaviour timeline — and the customer's tickets.
import { ActionIcon, Anchor, Badge, Box, Button, Grid, Group, Paper, Skeleton, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { Link, useCanGoBack, useParams, useRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/errorMessages';
import { CommandError } from '../../lib/ipc';
import { findCatalog, useTicketCatalogs } from '../tickets/catalog';
import { AlertIcon } from '../tickets/detail/icons';
import { ActiveProfileFailedState, NoProfileState } from '../tickets/states';
import { useActiveProfile } from '../workspace/useActiveProfile';
import { CustomerHeader, CustomFieldsSection, DetailsSection, TagsSection } from './CustomerDetails';
import { CustomerTickets } from './CustomerTickets';
import { CustomerTimeline } from './CustomerTimeline';
import { ArrowLeftIcon, RefreshIcon } from './icons';
import { useCustomerProfile, useCustomerTickets } from './useCustomerProfile';

/** Back to where the user came from (a ticket, usually), or to the tickets when opened directly. */
function BackLink() {
  const { t } = useTranslation();
  const router = useRouter();
  const canGoBack = useCanGoBack();
  return (
    <Anchor
      component={Link}
      to="/tickets"
      size="sm"
      w="fit-content"
      onClick={(event) => {
        if (!canGoBack) return;
        event.preventDefault();
        router.history.back();
      }}
      data-testid="customer-back"
    >
      <Group gap={4} wrap="nowrap">
        <ArrowLeftIcon size={14} />
        {t('customer.back')}
      </Group>
    </Anchor>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <Stack gap="md" maw={1280} data-testid="customer-page">
      <BackLink />
      {children}
    </Stack>
  );
}

function SectionSkeleton({ lines, h = 12 }: { lines: number; h?: number }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Skeleton h={10} w={90} mb="md" />
      <Stack gap="sm">
        {Array.from({ length: lines }, (_, index) => (
          <Skeleton key={index} h={h} w={index % 2 === 0 ? '85%' : '60%'} />
        ))}
      </Stack>
    </Paper>
  );
}

function ProfileSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true" aria-label={t('customer.loading')} data-testid="customer-profile-loading">
      <Group gap="md" wrap="nowrap">
        <Skeleton h={52} w={52} circle />
        <Stack gap={8} style={{ flex: 1 }}>
          <Skeleton h={24} w={260} />
          <Skeleton h={12} w={380} />
        </Stack>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <SectionSkeleton lines={6} />
            <SectionSkeleton lines={2} h={18} />
            <SectionSkeleton lines={3} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <SectionSkeleton lines={4} h={28} />
            <SectionSkeleton lines={5} h={20} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The profile could not be read: what failed (with Sobot's code), a retry and a way back. */
function ProfileError({ error, customerId, retrying, onRetry }: { error: unknown; customerId: string; retrying: boolean; onRetry: () => void }) {
  const { t } = useTranslation();
  const ipc = error instanceof CommandError ? error.ipcError : null;
  const text = describeError(t, error);
  const title =
    ipc?.code === 'notFound'
      ? t('customer.error.notFoundTitle')
      : ipc?.code === 'invalidInput'
        ? t('customer.error.invalidTitle')
        : ipc?.code === 'vendor'
          ? t('customer.error.vendorTitle')
          : t('customer.error.title');
  const message = ipc?.code === 'notFound' ? t('customer.error.notFound', { id: customerId }) : text.message;
  return (
    <Paper withBorder radius="md" py={40} px="xl" data-testid="customer-profile-error" data-code={ipc?.code ?? 'unknown'}>
      <Stack align="center" gap="sm">
        <ThemeIcon size={48} radius="xl" variant="light" color={ipc?.code === 'notFound' ? 'gray' : 'red'}>
          <AlertIcon size={24} />
        </ThemeIcon>
        <Text fw={600} ta="center">
          {title}
        </Text>
        {ipc?.code !== 'notFound' && ipc?.code !== 'vendor' && (
          <Text size="sm" fw={500} ta="center">
            {text.title}
          </Text>
        )}
        <Text size="sm" c="dimmed" ta="center" maw={460} style={{ overflowWrap: 'anywhere' }}>
          {message}
        </Text>
        {ipc?.code === 'vendor' && (
          <Badge variant="light" color="red" tt="none" data-testid="customer-profile-error-code">
            {t('customer.error.vendorCode', { code: ipc.vendorCode })}
          </Badge>
        )}
        <Group gap="sm" mt="xs">
          <Button onClick={onRetry} loading={retrying} data-testid="customer-profile-retry">
            {t('customer.error.retry')}
          </Button>
          <Button component={Link} to="/tickets" variant="default">
            {t('customer.error.backToTickets')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** One customer of one connection, in the active profile. */
function CustomerProfileContent({ profileId, connectionId, customerId }: { profileId: string; connectionId: string; customerId: string }) {
  const { t } = useTranslation();
  const profile = useCustomerProfile(profileId, connectionId, customerId);
  // Started with the page, not after the profile: reading the tickets from Sobot takes a while.
  const tickets = useCustomerTickets(profileId, connectionId, customerId);
  const catalogs = useTicketCatalogs(profileId);
  const connectionName = findCatalog(catalogs.data, connectionId)?.name;

  const ticketsSection = (
    <CustomerTickets
      profileId={profileId}
      connectionId={connectionId}
      customerId={customerId}
      catalogs={catalogs.data}
    />
  );

  if (profile.isPending) return <ProfileSkeleton />;

  if (profile.isError) {
    return (
      <Stack gap="md">
        <ProfileError
          error={profile.error}
          customerId={customerId}
          retrying={profile.isFetching}
          onRetry={() => void profile.refetch()}
        />
        {ticketsSection}
      </Stack>
    );
  }

  const data = profile.data;
  const reload = () => {
    void profile.refetch();
    void tickets.refresh.refetch();
  };

  return (
    <Stack gap="md" data-testid="customer-profile" data-customer-id={data.id}>
      <CustomerHeader
        profile={data}
        connectionName={connectionName}
        actions={
          <Tooltip label={t('customer.reload')}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('customer.reload')}
              loading={profile.isFetching || tickets.refresh.isFetching}
              onClick={reload}
              data-testid="customer-reload"
            >
              <RefreshIcon size={16} />
            </ActionIcon>
          </Tooltip>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <DetailsSection profile={data} />
            <TagsSection profile={data} />
            <CustomFieldsSection profile={data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {ticketsSection}
            <CustomerTimeline profile={data} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The customer profile page. */
export function CustomerProfilePage() {
  // Read loosely: typing it through the route would make the route tree's type depend on this file.
  const rawParams: unknown = useParams({ strict: false });
  const params = (rawParams ?? {}) as Record<string, unknown>;
  const connectionId = typeof params.connectionId === 'string' ? params.connectionId : '';
  const customerId = typeof params.customerId === 'string' ? params.customerId : '';
  const active = useActiveProfile();

  let content: ReactNode;
  if (active.isPending) {
    content = <ProfileSkeleton />;
  } else if (active.isError) {
    content = (
      <ActiveProfileFailedState onRetry={() => void active.refetch()} testId="customer-active-profile-error" />
    );
  } else if (!active.data) {
    content = <NoProfileState />;
  } else {
    content = (
      <CustomerProfileContent
        key={`${active.data.id}/${connectionId}/${customerId}`}
        profileId={active.data.id}
        connectionId={connectionId}
        customerId={customerId}
      />
    );
  }
  return (
    <Frame>
      <Box>{content}</Box>
    </Frame>
  );
}
