import { useTranslation } from 'react-i18next';
import { NotAvailableYet } from '../../components/NotAvailableYet';
import { CampaignsIcon } from '../../components/icons';

/** The Outbound campaigns area (/campaigns). Not built yet: says what it will do. */
export function CampaignsPage() {
  const { t } = useTranslation();
  return <NotAvailableYet title={t('nav.campaigns')} purpose={t('areas.campaigns')} icon={<CampaignsIcon size={28} />} />;
}
