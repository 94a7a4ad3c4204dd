// The building blocks of the profile's sections: a titled panel, a label/value pair, the notice of a
// section Sobot refused, and the quiet line an empty section shows.
import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionProblemView } from '../../bindings';
import { AlertIcon } from '../tickets/detail/icons';

/** A bordered section with a small uppercase title and an optional action or status on the right. */
export function CustomerSection({
  title,
  aside,
  testId,
  children,
}: {
  title: string;
  aside?: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} component="section" aria-label={title}>
      <Group justify="space-between" mb="sm" gap="xs" wrap="nowrap">
        <Title order={3} c="dimmed" tt="uppercase" fz="xs" style={{ letterSpacing: 0.4 }}>
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}

/** A label above its value. */
export function Pair({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** What an empty section says. */
export function EmptyLine({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {children}
    </Text>
  );
}

/** A section Sobot refused: says so, with the vendor's code and message. */
export function SectionUnavailable({ problem }: { problem: SectionProblemView }) {
  const { t } = useTranslation();
  return (
    <Alert
      variant="light"
      color="orange"
      radius="md"
      icon={<AlertIcon size={16} />}
      title={t(`customer.unavailable.${problem.section}`)}
      data-testid={`customer-unavailable-${problem.section}`}
      data-vendor-code={problem.vendorCode ?? ''}
    >
      {problem.vendorCode
        ? t('customer.unavailable.withCode', { code: problem.vendorCode, message: problem.message })
        : t('customer.unavailable.noCode', { message: problem.message })}
    </Alert>
  );
}
