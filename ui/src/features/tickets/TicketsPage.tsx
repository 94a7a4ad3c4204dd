import { useTranslation } from 'react-i18next';
import { NotAvailableYet } from '../../components/NotAvailableYet';
import { TicketsIcon } from '../../components/icons';

/** The Tickets area (/tickets). Not built yet: says what it will do. */
export function TicketsPage() {
  const { t } = useTranslation();
  return <NotAvailableYet title={t('nav.tickets')} purpose={t('areas.tickets')} icon={<TicketsIcon size={28} />} />;
}
