import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of PageHeader. */
export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
}

/** A page's heading (data-testid="page-title") and an optional one-paragraph description. */
export function PageHeader({ title, description }: PageHeaderProps) {
  return (
    <Stack gap={6} mb="xl" maw={760}>
      <Title order={2} data-testid="page-title">
        {title}
      </Title>
      {description ? (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      ) : null}
    </Stack>
  );
}
