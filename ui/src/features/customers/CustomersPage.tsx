import { useTranslation } from 'react-i18next';
import { NotAvailableYet } from '../../components/NotAvailableYet';
import { CustomersIcon } from '../../components/icons';

/** The Customers area (/customers). Not built yet: says what it will do. */
export function CustomersPage() {
  const { t } = useTranslation();
  return <NotAvailableYet title={t('nav.customers')} purpose={t('areas.customers')} icon={<CustomersIcon size={28} />} />;
}
