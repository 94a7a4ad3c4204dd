// The customer's tickets: read from Sobot into the local store when the profile opens, listed from
// the store (at once, and again once the read is done); each row opens the ticket in the ticket desk.
import { Alert, Badge, Button, Group, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ConnectionCatalogView, TicketRowView } from '../../bindings';
import { describeError } from '../../lib/errorMessages';
import { useUiSettings } from '../settings/useUiSettings';
import { findCatalog } from '../tickets/catalog';
import { AlertIcon } from '../tickets/detail/icons';
import { formatDateTime } from '../tickets/format';
import { type TicketLabels, useTicketLabels } from '../tickets/labels';
import { rowKey } from '../tickets/rowKey';
import { CustomerSection, EmptyLine } from './CustomerSection';
import classes from './CustomerTickets.module.css';
import { useCustomerTickets } from './useCustomerProfile';

function TicketRow({ row, catalogs, labels }: { row: TicketRowView; catalogs: ConnectionCatalogView[] | undefined; labels: TicketLabels }) {
  const { t, i18n } = useTranslation();
  const status = findCatalog(catalogs, row.connectionId)?.statuses.find((item) => item.code === row.statusCode);
  const title = row.title.trim() || t('customer.tickets.untitled');
  return (
    <Link
      to="/tickets"
      search={{ ticket: rowKey(row) }}
      className={classes.row}
      aria-label={t('customer.tickets.open', { title })}
      data-testid="customer-ticket-row"
      data-ticket={rowKey(row)}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} truncate>
            {title}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {[row.ticketCode ? `#${row.ticketCode}` : null, row.assigneeName].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Badge size="sm" variant="light" color={status?.closed ? 'gray' : 'blue'} tt="none" data-testid="customer-ticket-status">
            {labels.status(row)}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatDateTime(row.updatedAtMs, i18n.language)}
          </Text>
        </Stack>
      </Group>
    </Link>
  );
}

function RowsSkeleton() {
  return (
    <Stack gap="xs" aria-busy="true" data-testid="customer-tickets-loading">
      {[0, 1, 2].map((index) => (
        <Group key={index} justify="space-between" wrap="nowrap" px="sm" py={6}>
          <Stack gap={6} style={{ flex: 1 }}>
            <Skeleton h={12} w="70%" />
            <Skeleton h={10} w="35%" />
          </Stack>
          <Skeleton h={18} w={72} radius="xl" />
        </Group>
      ))}
    </Stack>
  );
}

/** Props of CustomerTickets. */
export interface CustomerTicketsProps {
  profileId: string;
  connectionId: string;
  customerId: string;
  catalogs: ConnectionCatalogView[] | undefined;
}

/** The "Tickets" section of the profile. */
export function CustomerTickets({ profileId, connectionId, customerId, catalogs }: CustomerTicketsProps) {
  const { t } = useTranslation();
  const { refresh, list } = useCustomerTickets(profileId, connectionId, customerId);
  const labels = useTicketLabels(catalogs);
  const months = useUiSettings().data?.first_sync_months;
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;

  const aside = refresh.isFetching ? (
    <Group gap={6} wrap="nowrap" data-testid="customer-tickets-updating" role="status">
      <Loader size={12} />
      <Text size="xs" c="dimmed">
        {t('customer.tickets.updating')}
      </Text>
    </Group>
  ) : list.data ? (
    <Badge variant="light" color="gray" data-testid="customer-tickets-total">
      {total.toLocaleString()}
    </Badge>
  ) : null;

  const refreshError = refresh.isError && !refresh.isFetching ? describeError(t, refresh.error) : null;

  return (
    <CustomerSection title={t('customer.tickets.title')} testId="customer-tickets" aside={aside}>
      <Stack gap="sm">
        {refreshError && (
          <Alert
            variant="light"
            color="orange"
            radius="md"
            icon={<AlertIcon size={16} />}
            title={t('customer.tickets.refreshFailed')}
            data-testid="customer-tickets-refresh-error"
          >
            <Stack gap={6} align="flex-start">
              <Text size="sm">
                {refreshError.title}: {refreshError.message}
              </Text>
              <Button size="compact-xs" variant="light" color="orange" onClick={() => void refresh.refetch()} data-testid="customer-tickets-refresh-retry">
                {t('customer.tickets.retry')}
              </Button>
            </Stack>
          </Alert>
        )}
        {list.isPending ? (
          <RowsSkeleton />
        ) : list.isError ? (
          <Alert variant="light" color="red" radius="md" icon={<AlertIcon size={16} />} title={t('customer.tickets.loadFailed')} data-testid="customer-tickets-error">
            <Stack gap={6} align="flex-start">
              <Text size="sm">{describeError(t, list.error).message}</Text>
              <Button size="compact-xs" variant="light" color="red" onClick={() => void list.refetch()}>
                {t('customer.tickets.retry')}
              </Button>
            </Stack>
          </Alert>
        ) : rows.length === 0 ? (
          // While Sobot is being read, an empty store is not yet an answer.
          refresh.isFetching ? (
            <RowsSkeleton />
          ) : (
            <EmptyLine testId="customer-tickets-empty">
              {months ? t('customer.tickets.emptyMonths', { count: months }) : t('customer.tickets.empty')}
            </EmptyLine>
          )
        ) : (
          <Stack gap={0} data-testid="customer-ticket-list">
            {rows.map((row) => (
              <TicketRow key={rowKey(row)} row={row} catalogs={catalogs} labels={labels} />
            ))}
          </Stack>
        )}
        {total > rows.length && rows.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="customer-tickets-more">
            {t('customer.tickets.more', { shown: rows.length, total })}
          </Text>
        )}
      </Stack>
    </CustomerSection>
  );
}
