import { useTranslation } from 'react-i18next';
import { NotAvailableYet } from '../../components/NotAvailableYet';
import { CallCenterIcon } from '../../components/icons';

/** The Call center area (/call-center). Not built yet: says what it will do. */
export function CallCenterPage() {
  const { t } = useTranslation();
  return <NotAvailableYet title={t('nav.callCenter')} purpose={t('areas.callCenter')} icon={<CallCenterIcon size={28} />} />;
}
