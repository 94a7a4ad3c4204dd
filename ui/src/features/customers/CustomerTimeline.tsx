// The customer's behaviour in the CRM, newest first: creation, stage changes, follow-ups.
import { Badge, Group, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { IconProps } from '../../components/icons';
import type { CustomerProfileView, TimelineEntryView, TimelineKindView } from '../../bindings';
import { formatDateTime } from '../tickets/detail/format';
import { problemOf } from './CustomerDetails';
import { CustomerSection, EmptyLine, SectionUnavailable } from './CustomerSection';
import { DotIcon, FlagIcon, NoteIcon, UserPlusIcon } from './icons';

/** How each kind of event looks: a Mantine colour and an icon. */
const KINDS: Record<TimelineKindView, { color: string; icon: ComponentType<IconProps> }> = {
  created: { color: 'teal', icon: UserPlusIcon },
  stage_changed: { color: 'grape', icon: FlagIcon },
  follow_up: { color: 'blue', icon: NoteIcon },
  other: { color: 'gray', icon: DotIcon },
};

function KindLabel({ entry }: { entry: TimelineEntryView }) {
  const { t } = useTranslation();
  const label =
    entry.kind === 'other' ? t('customer.timeline.kind.other', { code: entry.code }) : t(`customer.timeline.kind.${entry.kind}`);
  return (
    <Badge size="xs" variant="light" color={KINDS[entry.kind].color} radius="sm" tt="none">
      {label}
    </Badge>
  );
}

/** The behaviour timeline section. */
export function CustomerTimeline({ profile }: { profile: CustomerProfileView }) {
  const { t, i18n } = useTranslation();
  const problem = problemOf(profile, 'timeline');
  const entries = profile.timeline;
  return (
    <CustomerSection title={t('customer.timeline.title')} testId="customer-timeline">
      <Stack gap="sm">
        {problem && <SectionUnavailable problem={problem} />}
        {entries.length > 0 ? (
          <Timeline bulletSize={24} lineWidth={2} data-testid="customer-timeline-list">
            {entries.map((entry, index) => {
              const { color, icon: Icon } = KINDS[entry.kind];
              return (
                <Timeline.Item
                  key={`${entry.atMs ?? 'x'}-${entry.code}-${index}`}
                  bullet={
                    <ThemeIcon size={24} radius="xl" variant="light" color={color}>
                      <Icon size={13} />
                    </ThemeIcon>
                  }
                  title={
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="customer-timeline-summary">
                      {entry.summary}
                    </Text>
                  }
                  data-testid="customer-timeline-entry"
                  data-kind={entry.kind}
                >
                  <Group gap={6} mt={2}>
                    <KindLabel entry={entry} />
                    <Text size="xs" c="dimmed">
                      {[entry.actor, formatDateTime(entry.atMs, i18n.language) || t('customer.timeline.unknownTime')]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Group>
                </Timeline.Item>
              );
            })}
          </Timeline>
        ) : (
          !problem && <EmptyLine testId="customer-timeline-empty">{t('customer.timeline.empty')}</EmptyLine>
        )}
        {profile.timelineTruncated && entries.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="customer-timeline-truncated">
            {t('customer.timeline.truncated', { shown: entries.length })}
          </Text>
        )}
      </Stack>
    </CustomerSection>
  );
}
