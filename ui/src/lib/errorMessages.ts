import type { TFunction } from 'i18next';
import type { IpcError } from '../bindings';
import { CommandError } from './ipc';

/** A user-facing, localized description of a failure. */
export interface ErrorText {
  title: string;
  message: string;
}

type LooseError = { code?: unknown; message?: unknown } & Record<string, unknown>;

function asText(value: unknown): string {
  return typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value);
}

// Vendor API ids as Rust sends them → display-name keys.
const VENDOR_KEYS = {
  sobot: 'vendors.sobot',
  'sobot-callcenter': 'vendors.sobotCallcenter',
  udesk: 'vendors.udesk',
} as const;

function vendorName(t: TFunction, vendor: string): string {
  const key = vendor.trim().toLowerCase();
  return key in VENDOR_KEYS ? t(VENDOR_KEYS[key as keyof typeof VENDOR_KEYS]) : vendor;
}

function fieldName(t: TFunction, field: string): string {
  return field === 'language' || field === 'theme' || field === 'first_sync_months' ? t(`fields.${field}`) : field;
}

function describeIpcError(t: TFunction, error: IpcError): ErrorText {
  switch (error.code) {
    case 'needsReauth':
      return {
        title: t('errors.needsReauth.title'),
        message: t('errors.needsReauth.message', { connection: error.connection, detail: error.message }),
      };
    case 'rateLimited':
      return {
        title: t('errors.rateLimited.title'),
        message:
          error.retryAfterSeconds == null
            ? t('errors.rateLimited.messageNoDelay')
            : t('errors.rateLimited.message', { count: error.retryAfterSeconds }),
      };
    case 'invalidInput':
      return {
        title: t('errors.invalidInput.title'),
        message: t('errors.invalidInput.message', { field: fieldName(t, error.field), detail: error.message }),
      };
    case 'notFound':
      return {
        title: t('errors.notFound.title'),
        message: t('errors.notFound.message', { what: error.what, detail: error.message }),
      };
    case 'network':
      return { title: t('errors.network.title'), message: t('errors.network.message', { detail: error.message }) };
    case 'vendor': {
      const vendor = vendorName(t, error.vendor);
      return {
        title: t('errors.vendor.title', { vendor }),
        message: t('errors.vendor.message', { vendorCode: error.vendorCode, detail: error.message }),
      };
    }
    case 'nameTaken':
      return { title: t('errors.nameTaken.title'), message: t('errors.nameTaken.message', { name: error.name }) };
    case 'keychainUnavailable':
      return {
        title: t('errors.keychainUnavailable.title'),
        message: t('errors.keychainUnavailable.message', { detail: error.message }),
      };
    case 'storage':
      return { title: t('errors.storage.title'), message: t('errors.storage.message', { detail: error.message }) };
    case 'internal':
      return { title: t('errors.internal.title'), message: t('errors.internal.message', { detail: error.message }) };
    default:
      return describeUnknown(t, (error as LooseError).message);
  }
}

function describeUnknown(t: TFunction, detail: unknown): ErrorText {
  const text = asText(detail);
  return {
    title: t('errors.unknown.title'),
    message: text ? t('errors.unknown.message', { detail: text }) : t('errors.unknown.messageNoDetail'),
  };
}

function isIpcErrorLike(value: unknown): value is IpcError {
  return typeof value === 'object' && value !== null && typeof (value as LooseError).code === 'string';
}

/**
 * Turns any failure into localized text: a CommandError or raw IpcError by its code (with the
 * error's fields interpolated), anything else (an Error, a string from Tauri, an unknown code) generically.
 */
export function describeError(t: TFunction, error: unknown): ErrorText {
  if (error instanceof CommandError) return describeIpcError(t, error.ipcError);
  if (isIpcErrorLike(error)) return describeIpcError(t, error);
  if (error instanceof Error) return describeUnknown(t, error.message);
  return describeUnknown(t, error);
}
