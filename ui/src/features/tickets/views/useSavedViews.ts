// Saved views of a profile: the list (a query) and saving, renaming and deleting. Saving returns
// the error of a refused name to the form instead of a global notification.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { commands, type SavedViewInfo, type TicketFilterInput } from '../../../bindings';
import { CommandError, runCommand } from '../../../lib/ipc';
import { notifyError } from '../../../lib/notifyError';
import { ticketKeys } from '../ticketKeys';

/** The profile's saved views, by name. */
export function useSavedViews(profileId: string) {
  return useQuery({
    queryKey: ticketKeys.views(profileId),
    queryFn: () => runCommand(commands.listSavedViews(profileId)),
  });
}

/** How saving a view ended: saved, or the message to show at the name field. */
export type SaveViewResult = { ok: true; view: SavedViewInfo } | { ok: false; fieldError: string | null };

/** The message of an error about the view's name (Rust answers invalidInput on field "name"). */
export function nameErrorOf(error: unknown): string | null {
  if (error instanceof CommandError && error.ipcError.code === 'invalidInput' && error.ipcError.field === 'name') {
    return error.ipcError.message;
  }
  return null;
}

/** Saving (create or rename) and deleting views; the views list refreshes after each. */
export function useSavedViewActions(profileId: string) {
  const queryClient = useQueryClient();
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: ticketKeys.views(profileId) }),
    [queryClient, profileId],
  );
  const save = useCallback(
    async (id: string | null, name: string, filter: TicketFilterInput): Promise<SaveViewResult> => {
      try {
        const view = await runCommand(commands.saveView(profileId, id, name, filter));
        await refresh();
        return { ok: true, view };
      } catch (error) {
        const message = nameErrorOf(error);
        if (message === null) notifyError(error);
        return { ok: false, fieldError: message };
      }
    },
    [profileId, refresh],
  );
  const remove = useCallback(
    async (viewId: string): Promise<boolean> => {
      try {
        await runCommand(commands.deleteSavedView(profileId, viewId));
        await refresh();
        return true;
      } catch (error) {
        notifyError(error);
        return false;
      }
    },
    [profileId, refresh],
  );
  return { save, remove };
}
