// Saving a ticket's attachment to a file the user picks: Rust opens the native save dialog and
// downloads it there (`save_attachment`); progress and the outcome show in one notification.
import { useCallback, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { Channel } from '@tauri-apps/api/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { commands, type DownloadProgressView } from '../../../bindings';
import { describeError } from '../../../lib/errorMessages';
import { CommandError, runCommand } from '../../../lib/ipc';
import { formatBytes } from './format';

/** What can be saved: an attachment's link and the name it is shown with. */
export interface SavableFile {
  url: string;
  name: string;
}

/** Characters no file system accepts in a name (Windows is the strictest), control characters included. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * The name the save dialog proposes: the attachment's own name (Chinese kept), else the last part
 * of its link, with characters file systems refuse replaced.
 */
export function defaultFileName(file: SavableFile): string {
  let fromUrl: string;
  try {
    fromUrl = decodeURIComponent(new URL(file.url).pathname.split('/').filter(Boolean).pop() ?? '');
  } catch {
    fromUrl = '';
  }
  const name = (file.name.trim() || fromUrl).replace(UNSAFE_IN_FILE_NAMES, '_').replace(/^\.+/, '').trim();
  return name || 'attachment';
}

/** "42% · 1.2 MB of 2.9 MB", or just the bytes when the size is unknown. */
export function progressText(t: TFunction, progress: DownloadProgressView, language: string): string {
  const bytes = progress.received ?? 0;
  const received = formatBytes(bytes, language);
  if (!progress.total) return t('ticket.save.progressUnknown', { received });
  return t('ticket.save.progress', {
    percent: Math.min(100, Math.floor((bytes / progress.total) * 100)),
    received,
    total: formatBytes(progress.total, language),
  });
}

/** Why a save failed, in words that say what happened to the file and what to do. */
export function saveFailureText(t: TFunction, error: unknown): string {
  const ipc = error instanceof CommandError ? error.ipcError : null;
  const detail = (ipc && 'message' in ipc ? ipc.message : null) ?? describeError(t, error).message;
  switch (ipc?.code) {
    case 'notFound':
      return t('ticket.save.gone', { detail });
    case 'storage':
      return t('ticket.save.writeFailed', { detail });
    case 'network':
    case 'rateLimited':
      return t('ticket.save.interrupted', { detail });
    default:
      return describeError(t, error).message;
  }
}

let saveCounter = 0;

/**
 * Saves attachments: `save(file)` has Rust ask where, download, and report in a notification
 * (shown once the user picked a place); `saving` holds the links being saved right now.
 */
export function useSaveAttachment() {
  const { t, i18n } = useTranslation();
  const [saving, setSaving] = useState<ReadonlySet<string>>(() => new Set());

  const saveFile = useCallback(
    async (file: SavableFile) => {
      const name = defaultFileName(file);
      saveCounter += 1;
      const id = `save-attachment-${saveCounter}`;
      let shown = false;
      const show = () => {
        if (shown) return;
        shown = true;
        notifications.show({
          id,
          loading: true,
          autoClose: false,
          withCloseButton: false,
          title: t('ticket.save.savingTitle', { name }),
          message: t('ticket.save.starting'),
          'data-testid': 'save-attachment-progress',
        });
      };
      setSaving((current) => new Set(current).add(file.url));
      const channel = new Channel<DownloadProgressView>();
      channel.onmessage = (progress) => {
        show();
        notifications.update({ id, message: progressText(t, progress, i18n.language) });
      };
      try {
        const saved = await runCommand(
          commands.saveAttachment(file.url, name, t('ticket.save.dialogTitle'), channel),
        );
        if (saved === null) return; // the user cancelled the dialog
        show();
        notifications.update({
          id,
          loading: false,
          color: 'teal',
          autoClose: 8000,
          withCloseButton: true,
          title: t('ticket.save.savedTitle', { name }),
          message: t('ticket.save.saved', { path: saved.path, size: formatBytes(saved.bytes, i18n.language) }),
          'data-testid': 'save-attachment-done',
        });
      } catch (error) {
        show();
        notifications.update({
          id,
          loading: false,
          color: 'red',
          autoClose: false,
          withCloseButton: true,
          title: t('ticket.save.failedTitle', { name }),
          message: saveFailureText(t, error),
          'data-testid': 'save-attachment-failed',
        });
      } finally {
        setSaving((current) => {
          const next = new Set(current);
          next.delete(file.url);
          return next;
        });
      }
    },
    [t, i18n.language],
  );

  return { save: saveFile, saving };
}
