import { Anchor, Badge, Button, Group, Paper, Rating, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionCatalogView, TicketDetailView } from '../../../bindings';
import { codeLabel } from '../catalog';
import { formatDateTime } from './format';
import { StarIcon, UserIcon } from './icons';

function Section({ title, action, children, testId }: { title: string; action?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Title order={6} c="dimmed" tt="uppercase" fz="xs" style={{ letterSpacing: 0.4 }}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

function Pair({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** A satisfaction score as stars when it is a 1–5 number, as the vendor's label otherwise. */
function Score({ score }: { score: string }) {
  const value = Number(score);
  if (Number.isFinite(value) && value >= 0 && value <= 5 && score.trim() !== '') {
    return <Rating value={value} readOnly fractions={2} size="sm" aria-label={score} />;
  }
  return (
    <Badge variant="light" leftSection={<StarIcon size={10} />}>
      {score}
    </Badge>
  );
}

/** Props of InfoPanel. */
export interface InfoPanelProps {
  detail: TicketDetailView;
  catalog: ConnectionCatalogView | undefined;
  onChangeCustomer?: () => void;
}

/** Customer, satisfaction, properties and custom fields of the ticket. */
export function InfoPanel({ detail, catalog, onChangeCustomer }: InfoPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const none = t('ticket.common.none');
  const customer = detail.customer;
  const name = customer?.name || detail.ticket.customerName;
  const customerId = customer?.id || detail.ticket.customerId;
  // Only Sobot has a CRM with customer profiles; Udesk tickets link nowhere.
  const profileHref =
    detail.ticket.vendor === 'sobot' && customerId
      ? `#/customers/${encodeURIComponent(detail.ticket.connectionId)}/${encodeURIComponent(customerId)}`
      : null;

  return (
    <Stack gap="sm">
      <Section
        title={t('ticket.info.customer')}
        testId="ticket-customer"
        action={
          onChangeCustomer && (
            <Button size="compact-xs" variant="subtle" onClick={onChangeCustomer}>
              {t('ticket.actions.changeCustomer')}
            </Button>
          )
        }
      >
        {customer || name ? (
          <Stack gap="xs">
            <Group gap="xs">
              <UserIcon />
              <Text fw={600}>{name || none}</Text>
              {profileHref && (
                <Anchor href={profileHref} size="xs" data-testid="customer-profile-link">
                  {t('ticket.info.customerProfile')}
                </Anchor>
              )}
            </Group>
            <SimpleGrid cols={2} spacing="xs">
              <Pair label={t('ticket.info.phone')} value={customer?.phone || none} />
              <Pair label={t('ticket.info.email')} value={customer?.email || none} />
              <Pair label={t('ticket.info.customerId')} value={customer?.id || detail.ticket.customerId || none} />
            </SimpleGrid>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('ticket.info.noCustomer')}
          </Text>
        )}
      </Section>

      <Section title={t('ticket.info.satisfaction')} testId="ticket-satisfaction">
        {detail.satisfaction ? (
          <Stack gap={4}>
            <Group gap="xs">
              <Score score={detail.satisfaction.score} />
              {detail.satisfaction.atMs !== null && (
                <Text size="xs" c="dimmed">
                  {formatDateTime(detail.satisfaction.atMs, language)}
                </Text>
              )}
            </Group>
            {detail.satisfaction.remark && <Text size="sm">“{detail.satisfaction.remark}”</Text>}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('ticket.info.notRated')}
          </Text>
        )}
      </Section>

      <Section title={t('ticket.info.properties')} testId="ticket-properties">
        <SimpleGrid cols={2} spacing="xs">
          <Pair label={t('ticket.fields.category')} value={detail.categoryName || none} />
          <Pair label={t('ticket.fields.source')} value={codeLabel(catalog?.sources, detail.ticket.sourceCode, language) || none} />
          <Pair label={t('ticket.info.createdAt')} value={formatDateTime(detail.ticket.createdAtMs, language) || none} />
          <Pair label={t('ticket.info.updatedAt')} value={formatDateTime(detail.ticket.updatedAtMs, language) || none} />
        </SimpleGrid>
      </Section>

      <Section title={t('ticket.info.customFields')} testId="ticket-custom-fields">
        {detail.fields.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ticket.info.noCustomFields')}
          </Text>
        ) : (
          <SimpleGrid cols={2} spacing="xs">
            {detail.fields.map((field) => (
              <Pair key={field.id} label={field.name || field.id} value={field.value || none} />
            ))}
          </SimpleGrid>
        )}
      </Section>
    </Stack>
  );
}

/** The ticket's change history, oldest first. */
export function HistoryPanel({ detail }: { detail: TicketDetailView }) {
  const { t, i18n } = useTranslation();
  if (detail.history.length === 0) {
    return (
      <Text size="sm" c="dimmed" ta="center" py="lg" data-testid="history-empty">
        {t('ticket.history.empty')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="ticket-history">
      {detail.history.map((entry, index) => (
        <Timeline.Item key={`${entry.atMs ?? 'x'}-${index}`} title={<Text size="sm">{entry.summary}</Text>}>
          <Text size="xs" c="dimmed">
            {[entry.actor, formatDateTime(entry.atMs, i18n.language)].filter(Boolean).join(' · ')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
