import { useTranslation } from 'react-i18next';
import { NotAvailableYet } from '../../components/NotAvailableYet';
import { BlacklistIcon } from '../../components/icons';

/** The Blacklist area (/blacklist). Not built yet: says what it will do. */
export function BlacklistPage() {
  const { t } = useTranslation();
  return <NotAvailableYet title={t('nav.blacklist')} purpose={t('areas.blacklist')} icon={<BlacklistIcon size={28} />} />;
}
