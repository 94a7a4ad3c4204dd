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

/** Why a view's name was refused: already used by another view, or empty. */
export type NameProblem = 'taken' | 'required';

/** How saving a view ended: saved, or the problem to show at the name field. */
export type SaveViewResult = { ok: true; view: SavedViewInfo } | { ok: false; fieldError: NameProblem | null };

/** What was wrong with the view's name, read from Rust's structured error; null for any other failure. */
export function nameProblemOf(error: unknown): NameProblem | null {
  if (!(error instanceof CommandError)) return null;
  const ipc = error.ipcError;
  if (ipc.code === 'nameTaken') return 'taken';
  if (ipc.code === 'invalidInput' && ipc.field === 'name') return 'required';
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
        const problem = nameProblemOf(error);
        if (problem === null) notifyError(error);
        return { ok: false, fieldError: problem };
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
