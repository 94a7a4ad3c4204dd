// Attachments of a reply or a new ticket: every dropped or picked file goes through attachPaths,
// which has Rust read and upload the files from their paths (never their bytes through IPC) and
// streams each file's progress back.
import { Channel } from '@tauri-apps/api/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { commands, type UploadProgressView, type UploadStateView } from '../../../bindings';
import { i18n } from '../../../i18n/setup';
import { describeError } from '../../../lib/errorMessages';
import { runCommand } from '../../../lib/ipc';

/** Where files are uploaded to: a connection, and for Udesk the ticket. */
export interface UploadTarget {
  profileId: string;
  connectionId: string;
  /** The ticket replied to; null for a new ticket. */
  ticketId: string | null;
}

/** One file of the list under a reply box or the create form. */
export interface AttachmentItem {
  /** Stable key (batch and position). */
  key: string;
  path: string;
  name: string;
  size: number | null;
  state: UploadStateView;
}

/** The file name of a path (Windows or POSIX separators), shown until Rust reports the name. */
export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/**
 * THE way files get attached: uploads `paths` through Rust (`upload_ticket_files`) and reports
 * each file's progress. Drops on the window and the file picker both end here.
 */
export async function attachPaths(
  target: UploadTarget,
  paths: readonly string[],
  onProgress: (progress: UploadProgressView) => void,
): Promise<UploadProgressView[]> {
  if (paths.length === 0) return [];
  const channel = new Channel<UploadProgressView>();
  channel.onmessage = onProgress;
  return runCommand(
    commands.uploadTicketFiles(target.profileId, target.connectionId, target.ticketId, [...paths], channel),
  );
}

let batchCounter = 0;

/** The attachment list of one reply box or create form and the function that adds to it. */
export function useAttachments(target: UploadTarget | null) {
  const [items, setItems] = useState<AttachmentItem[]>([]);
  const itemsRef = useRef(items);
  const targetRef = useRef(target);
  useEffect(() => {
    itemsRef.current = items;
    targetRef.current = target;
  });

  const attach = useCallback(async (paths: readonly string[]) => {
    const current = targetRef.current;
    if (!current) return;
    // A file already in the list (being sent or sent) is not sent twice.
    const taken = new Set(
      itemsRef.current.filter((item) => item.state.state !== 'rejected' && item.state.state !== 'failed').map((item) => item.path),
    );
    const fresh = [...new Set(paths)].filter((path) => !taken.has(path));
    if (fresh.length === 0) return;
    batchCounter += 1;
    const batch = `b${batchCounter}`;
    const keyOf = (index: number) => `${batch}:${index}`;
    setItems((previous) => [
      ...previous.filter((item) => !fresh.includes(item.path)),
      ...fresh.map(
        (path, index): AttachmentItem => ({
          key: keyOf(index),
          path,
          name: fileNameOf(path),
          size: null,
          state: { state: 'uploading', sent: 0 },
        }),
      ),
    ]);
    const apply = (progress: UploadProgressView) =>
      setItems((previous) =>
        previous.map((item) =>
          item.key === keyOf(progress.index)
            ? { ...item, name: progress.name || item.name, size: progress.size, state: progress.state }
            : item,
        ),
      );
    try {
      const outcomes = await attachPaths(current, fresh, apply);
      outcomes.forEach(apply);
    } catch (error) {
      const { message } = describeError(i18n.t, error);
      setItems((previous) =>
        previous.map((item) =>
          item.key.startsWith(`${batch}:`) && item.state.state === 'uploading'
            ? { ...item, state: { state: 'failed', vendorCode: null, message } }
            : item,
        ),
      );
    }
  }, []);

  const remove = useCallback((key: string) => setItems((previous) => previous.filter((item) => item.key !== key)), []);
  const clear = useCallback(() => setItems([]), []);

  const references = useMemo(
    () => items.flatMap((item) => (item.state.state === 'uploaded' ? [item.state.reference] : [])),
    [items],
  );
  const uploading = items.some((item) => item.state.state === 'uploading');
  return { items, attach, remove, clear, references, uploading };
}

/** What useAttachments returns. */
export type Attachments = ReturnType<typeof useAttachments>;
