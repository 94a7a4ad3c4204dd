import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of SettingRow. */
export interface SettingRowProps {
  label: string;
  hint?: string;
  /** id for the label, so the control can point at it with aria-labelledby. */
  labelId: string;
  children: ReactNode;
}

/** One setting: its label and hint on the left, its control on the right (wraps on narrow windows). */
export function SettingRow({ label, hint, labelId, children }: SettingRowProps) {
  return (
    <Group justify="space-between" align="center" gap="md" wrap="wrap">
      <Stack gap={2} maw={360}>
        <Text fw={500} id={labelId}>
          {label}
        </Text>
        {hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </Stack>
      {children}
    </Group>
  );
}
