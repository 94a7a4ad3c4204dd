import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProfilesSection } from '../profiles/ProfilesSection';
import { AboutSection } from './AboutSection';
import { AppearanceSection } from './AppearanceSection';
import { AuditLogSection } from './AuditLogSection';
import { FirstSyncSection } from './FirstSyncSection';

/** The Settings area (/settings): profiles and connections, appearance, the first sync, the audit log and details about this build. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.settings')} description={t('settings.description')} />
      <Stack gap="lg" maw={760}>
        <ProfilesSection />
        <AppearanceSection />
        <FirstSyncSection />
        <AuditLogSection />
        <AboutSection />
      </Stack>
    </>
  );
}
