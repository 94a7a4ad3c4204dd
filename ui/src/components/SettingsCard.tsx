import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of SettingsCard. */
export interface SettingsCardProps {
  title: string;
  children: ReactNode;
  'data-testid'?: string;
}

/** A titled, bordered section of the Settings page. */
export function SettingsCard({ title, children, 'data-testid': testId }: SettingsCardProps) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" data-testid={testId}>
      <Stack gap="md">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
