import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, zhCN } from './bundles';
import { type AppLanguage, APP_LANGUAGES, browserLocale, languageFromLocale } from './language';

/** Translation resources, bundled (no network loading: strict CSP, offline app). */
export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

function syncDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

/**
 * Initialises the shared i18next instance (idempotent) and keeps <html lang> equal to the active language.
 * Until the OS locale arrives from Rust, the browser's language decides.
 */
export function initI18n(initialLanguage: AppLanguage = languageFromLocale(browserLocale())): typeof i18n {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', syncDocumentLanguage);
    void i18n.use(initReactI18next).init({
      resources,
      lng: initialLanguage,
      fallbackLng: 'en',
      supportedLngs: [...APP_LANGUAGES],
      load: 'currentOnly',
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes rendered text.
      returnNull: false,
    });
  }
  syncDocumentLanguage(i18n.language);
  return i18n;
}

export { i18n };
