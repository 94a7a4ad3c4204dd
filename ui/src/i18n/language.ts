import type { LanguagePreference } from '../bindings';

/** The languages the UI is translated into (BCP 47 tags, also used as <html lang>). */
export const APP_LANGUAGES = ['en', 'zh-CN'] as const;

/** A language the UI can render. */
export type AppLanguage = (typeof APP_LANGUAGES)[number];

/**
 * Each language's name in that language. These are deliberately not translated:
 * a user must recognise their own language whatever the current UI language is.
 */
export const LANGUAGE_ENDONYMS: Record<AppLanguage, string> = {
  en: 'English',
  'zh-CN': '中文',
};

/** Maps an OS or browser locale (e.g. "zh-Hans-CN", "en-US") to a UI language: any Chinese → zh-CN, else English. */
export function languageFromLocale(locale: string | null | undefined): AppLanguage {
  return locale?.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The language to render for a stored preference; "system" follows the given OS locale. */
export function resolveLanguage(preference: LanguagePreference, systemLocale: string | null | undefined): AppLanguage {
  return preference === 'system' ? languageFromLocale(systemLocale) : preference;
}

/** The locale to assume before the Rust side has reported the OS locale. */
export function browserLocale(): string {
  return typeof navigator === 'undefined' ? 'en' : navigator.language;
}
