import { Overlay, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { UploadIcon } from '../detail/icons';

/** Props of DropOverlay. */
export interface DropOverlayProps {
  visible: boolean;
  title: string;
  hint?: string;
}

/** Covers the window while files are held over it: says where the drop goes. */
export function DropOverlay({ visible, title, hint }: DropOverlayProps) {
  if (!visible) return null;
  return (
    <Overlay fixed zIndex={400} blur={2} backgroundOpacity={0.35} color="#000" data-testid="drop-overlay">
      <Stack h="100%" align="center" justify="center" p="xl" style={{ pointerEvents: 'none' }}>
        <Paper
          withBorder
          shadow="xl"
          radius="lg"
          p="xl"
          style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: 'var(--mantine-primary-color-filled)' }}
        >
          <Stack align="center" gap="xs">
            <ThemeIcon size={48} radius="xl" variant="light">
              <UploadIcon size={26} />
            </ThemeIcon>
            <Text fw={600} size="lg" ta="center">
              {title}
            </Text>
            {hint && (
              <Text size="sm" c="dimmed" ta="center">
                {hint}
              </Text>
            )}
          </Stack>
        </Paper>
      </Stack>
    </Overlay>
  );
}
