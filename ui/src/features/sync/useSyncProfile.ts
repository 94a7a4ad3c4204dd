import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Channel } from '@tauri-apps/api/core';
import { useState } from 'react';
import { commands, type SyncProgressEvent } from '../../bindings';
import { runCommand } from '../../lib/ipc';

/** Runs a ticket sync of a profile, keeping the latest progress of each connection. */
export function useSyncProfile(profileId: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<Record<string, SyncProgressEvent>>({});
  const mutation = useMutation({
    mutationKey: ['syncProfile', profileId],
    mutationFn: () => {
      setProgress({});
      const channel = new Channel<SyncProgressEvent>();
      channel.onmessage = (event) => {
        setProgress((previous) => ({ ...previous, [event.connectionId]: event }));
      };
      return runCommand(commands.syncProfile(profileId, channel));
    },
    // Whatever the sync wrote (all or part), the ticket screens show it.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['tickets', profileId] });
    },
  });
  return { ...mutation, progress };
}
