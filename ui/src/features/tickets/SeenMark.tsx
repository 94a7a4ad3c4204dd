import { Box, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketSeen } from '../../bindings';

/**
 * "Changed since you last looked": a filled dot; never opened here: a subtle ring; seen: nothing
 * (an empty slot keeps numbers aligned).
 */
export function SeenMark({ seen }: { seen: TicketSeen }) {
  const { t } = useTranslation();
  if (seen === 'seen') return <Box w={8} h={8} style={{ flexShrink: 0 }} aria-hidden />;
  const changed = seen === 'changed';
  const label = changed ? t('tickets.seen.changed') : t('tickets.seen.unseen');
  return (
    <Tooltip label={label} openDelay={300}>
      <Box
        component="span"
        role="img"
        aria-label={label}
        data-testid={changed ? 'seen-changed' : 'seen-unseen'}
        w={8}
        h={8}
        style={{
          flexShrink: 0,
          borderRadius: '50%',
          background: changed ? 'var(--mantine-color-orange-6)' : 'transparent',
          border: changed ? 'none' : '1.5px solid var(--mantine-color-blue-5)',
        }}
      />
    </Tooltip>
  );
}
