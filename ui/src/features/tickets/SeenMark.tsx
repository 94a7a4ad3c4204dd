import { useTranslation } from 'react-i18next';
import type { TicketSeen } from '../../bindings';
import classes from './SeenMark.module.css';

/**
 * "Changed since you last looked": a filled dot; never opened here: a subtle ring; seen: nothing
 * (an empty slot keeps numbers aligned). The explanation is the native tooltip: a mark sits on
 * every card and list row, where a floating tooltip each would slow scrolling.
 */
export function SeenMark({ seen }: { seen: TicketSeen }) {
  const { t } = useTranslation();
  if (seen === 'seen') return <span className={classes.mark} aria-hidden />;
  const changed = seen === 'changed';
  const label = changed ? t('tickets.seen.changed') : t('tickets.seen.unseen');
  return (
    <span
      className={classes.mark}
      role="img"
      aria-label={label}
      title={label}
      data-seen={seen}
      data-testid={changed ? 'seen-changed' : 'seen-unseen'}
    />
  );
}
