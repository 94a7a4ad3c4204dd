// The profile's header (name, VIP, CRM stage, owner) and its details, tags and custom fields.
import { Avatar, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmStageView, CustomerProfileView, ProfileSectionView } from '../../bindings';
import { formatDateTime } from '../tickets/detail/format';
import { StarIcon, UserIcon } from '../tickets/detail/icons';
import { CustomerSection, EmptyLine, Pair, SectionUnavailable } from './CustomerSection';

/** A Mantine colour per CRM stage. */
const STAGE_COLORS: Record<CrmStageView, string> = {
  first_inquiry: 'blue',
  to_be_assigned: 'orange',
  following_up: 'teal',
  pool: 'gray',
  other: 'gray',
};

/** The name a customer is shown by: the name, else the nickname, else the id. */
export function displayName(profile: Pick<CustomerProfileView, 'name' | 'nick' | 'id'>): string {
  return profile.name?.trim() || profile.nick?.trim() || profile.id;
}

/** The problem Sobot reported for a section, if it refused it. */
export function problemOf(profile: CustomerProfileView, section: ProfileSectionView) {
  return profile.unavailable.find((problem) => problem.section === section);
}

/** Name, nickname, VIP level, stage and owner. */
export function CustomerHeader({ profile, connectionName, actions }: { profile: CustomerProfileView; connectionName?: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  const name = displayName(profile);
  const nick = profile.nick?.trim();
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
        <Avatar size={52} radius="xl" color={profile.vip ? 'yellow' : 'blue'} variant="light" aria-hidden="true">
          <UserIcon size={26} />
        </Avatar>
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={2} size="h3" data-testid="customer-name" style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Title>
            {profile.vip && (
              <Badge color="yellow" variant="light" leftSection={<StarIcon size={11} />} data-testid="customer-vip">
                {profile.vipLevel ? t('customer.vipLevel', { level: profile.vipLevel }) : t('customer.vip')}
              </Badge>
            )}
            {profile.stage && (
              <Badge
                color={STAGE_COLORS[profile.stage]}
                variant="dot"
                title={t('customer.stage.label')}
                data-testid="customer-stage"
                data-stage={profile.stage}
              >
                {t(`customer.stage.${profile.stage}`)}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" data-testid="customer-subtitle">
            {[
              nick && nick !== name ? nick : null,
              profile.owner ? t('customer.owner', { name: profile.owner }) : t('customer.noOwner'),
              connectionName,
              t('customer.id', { id: profile.id }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
      </Group>
      {actions}
    </Group>
  );
}

/** Contact, company, location, who created the customer and when, the remark. */
export function DetailsSection({ profile }: { profile: CustomerProfileView }) {
  const { t, i18n } = useTranslation();
  const none = t('customer.details.none');
  const when = (ms: number | null) => formatDateTime(ms, i18n.language) || none;
  return (
    <CustomerSection title={t('customer.details.title')} testId="customer-details">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
          <Pair label={t('customer.details.phone')} value={profile.phone || none} testId="customer-phone" />
          <Pair label={t('customer.details.email')} value={profile.email || none} testId="customer-email" />
          <Pair label={t('customer.details.enterprise')} value={profile.enterprise || none} />
          <Pair label={t('customer.details.location')} value={profile.location || none} />
          <Pair label={t('customer.details.owner')} value={profile.owner || none} />
          <Pair label={t('customer.details.createdBy')} value={profile.createdBy || none} />
          <Pair label={t('customer.details.createdAt')} value={when(profile.createdAtMs)} testId="customer-created-at" />
          <Pair label={t('customer.details.updatedAt')} value={when(profile.updatedAtMs)} />
        </SimpleGrid>
        <Pair label={t('customer.details.remark')} value={profile.remark || none} testId="customer-remark" />
      </Stack>
    </CustomerSection>
  );
}

/** The customer's business tags as badges. */
export function TagsSection({ profile }: { profile: CustomerProfileView }) {
  const { t } = useTranslation();
  const problem = problemOf(profile, 'tags');
  return (
    <CustomerSection title={t('customer.tags.title')} testId="customer-tags">
      <Stack gap="xs">
        {problem && <SectionUnavailable problem={problem} />}
        {profile.tags.length > 0 ? (
          <Group gap={6}>
            {profile.tags.map((tag) => (
              <Badge key={tag} variant="light" radius="sm" tt="none" data-testid="customer-tag">
                {tag}
              </Badge>
            ))}
          </Group>
        ) : (
          !problem && <EmptyLine testId="customer-tags-empty">{t('customer.tags.empty')}</EmptyLine>
        )}
      </Stack>
    </CustomerSection>
  );
}

/** The custom fields that have a value, as label/value pairs. */
export function CustomFieldsSection({ profile }: { profile: CustomerProfileView }) {
  const { t } = useTranslation();
  const problem = problemOf(profile, 'custom_fields');
  return (
    <CustomerSection title={t('customer.fields.title')} testId="customer-fields">
      <Stack gap="xs">
        {problem && <SectionUnavailable problem={problem} />}
        {profile.customFields.length > 0 ? (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
            {profile.customFields.map((field, index) => (
              <Pair key={`${field.label}-${index}`} label={field.label} value={field.value} testId="customer-field" />
            ))}
          </SimpleGrid>
        ) : (
          !problem && <EmptyLine testId="customer-fields-empty">{t('customer.fields.empty')}</EmptyLine>
        )}
      </Stack>
    </CustomerSection>
  );
}
