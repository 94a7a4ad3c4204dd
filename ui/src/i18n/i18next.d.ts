// Type-safe translation keys: t('nav.tickets') is checked against the English resources.
import 'i18next';
import type { en } from './bundles';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
