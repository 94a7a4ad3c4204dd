import { Alert, Button, SegmentedControl } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguagePreference, ThemePreference, UiSettings } from '../../bindings';
import { SettingRow } from '../../components/SettingRow';
import { SettingsCard } from '../../components/SettingsCard';
import { LANGUAGE_ENDONYMS } from '../../i18n/language';
import { useSaveUiSettings, useUiSettings } from './useUiSettings';

/** Language and theme controls. Each change applies at once and is saved through setUiSettings. */
export function AppearanceSection() {
  const { t } = useTranslation();
  const settingsQuery = useUiSettings();
  const save = useSaveUiSettings();
  const settings = settingsQuery.data;

  const update = (patch: Partial<UiSettings>) => {
    if (settings) save.mutate({ ...settings, ...patch });
  };

  const languageOptions: { value: LanguagePreference; label: ReactNode }[] = [
    { value: 'system', label: t('settings.appearance.followSystem') },
    { value: 'en', label: <span lang="en">{LANGUAGE_ENDONYMS.en}</span> },
    { value: 'zh-CN', label: <span lang="zh-CN">{LANGUAGE_ENDONYMS['zh-CN']}</span> },
  ];
  const themeOptions: { value: ThemePreference; label: string }[] = [
    { value: 'system', label: t('settings.appearance.followSystem') },
    { value: 'light', label: t('settings.appearance.themeLight') },
    { value: 'dark', label: t('settings.appearance.themeDark') },
  ];

  return (
    <SettingsCard title={t('settings.appearance.title')} data-testid="settings-appearance">
      {settingsQuery.isError ? (
        <Alert color="red" variant="light" title={t('settings.loadFailed')}>
          <Button size="xs" variant="light" color="red" onClick={() => void settingsQuery.refetch()}>
            {t('settings.retry')}
          </Button>
        </Alert>
      ) : null}
      <SettingRow
        labelId="settings-language-label"
        label={t('settings.appearance.language')}
        hint={t('settings.appearance.languageHint')}
      >
        <SegmentedControl
          data-testid="settings-language"
          aria-labelledby="settings-language-label"
          data={languageOptions}
          value={settings?.language ?? 'system'}
          onChange={(language) => update({ language })}
          disabled={!settings}
        />
      </SettingRow>
      <SettingRow
        labelId="settings-theme-label"
        label={t('settings.appearance.theme')}
        hint={t('settings.appearance.themeHint')}
      >
        <SegmentedControl
          data-testid="settings-theme"
          aria-labelledby="settings-theme-label"
          data={themeOptions}
          value={settings?.theme ?? 'system'}
          onChange={(theme) => update({ theme })}
          disabled={!settings}
        />
      </SettingRow>
    </SettingsCard>
  );
}
