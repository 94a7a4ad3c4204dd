import { useTranslation } from 'react-i18next';
import { NotAvailableYet } from '../../components/NotAvailableYet';
import { DashboardIcon } from '../../components/icons';

/** The Dashboard area (/dashboard). Not built yet: says what it will do. */
export function DashboardPage() {
  const { t } = useTranslation();
  return <NotAvailableYet title={t('nav.dashboard')} purpose={t('areas.dashboard')} icon={<DashboardIcon size={28} />} />;
}
