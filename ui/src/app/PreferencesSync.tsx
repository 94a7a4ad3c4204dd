import { useMantineColorScheme } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../features/system/useAppInfo';
import { useUiSettings } from '../features/settings/useUiSettings';
import { browserLocale, resolveLanguage } from '../i18n/language';
import { colorSchemeFor } from './theme';

/**
 * Applies the persisted language and theme to the running UI whenever they (or the OS locale) change.
 * Before the settings arrive the UI follows the browser's language and the last remembered scheme.
 */
export function PreferencesSync(): null {
  const { i18n } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const settings = useUiSettings().data;
  const systemLocale = useAppInfo().data?.systemLocale;

  const language = resolveLanguage(settings?.language ?? 'system', systemLocale ?? browserLocale());
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);

  const themePreference = settings?.theme;
  useEffect(() => {
    if (themePreference) setColorScheme(colorSchemeFor(themePreference));
  }, [setColorScheme, themePreference]);

  return null;
}
