import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n/setup';
import { describeError } from './errorMessages';

// Identical text gets the same id, so an error already on screen is not stacked again.
function notificationId(title: string, message: string): string {
  let hash = 0;
  for (const char of `${title}\n${message}`) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return `command-error-${(hash >>> 0).toString(36)}`;
}

/**
 * Shows any command failure (or other error) as a Mantine notification in the user's current language.
 * The QueryClient calls this for every failed query and mutation.
 */
export function notifyError(error: unknown): void {
  const { title, message } = describeError(i18n.t, error);
  notifications.show({
    id: notificationId(title, message),
    color: 'red',
    title,
    message,
    autoClose: 8000,
    withBorder: true,
    'data-testid': 'error-notification',
  });
}
