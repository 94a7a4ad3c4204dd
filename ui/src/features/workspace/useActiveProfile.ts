import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commands, type ActiveProfile } from '../../bindings';
import { runCommand } from '../../lib/ipc';

/** Query for the profile the window works in (null when none is chosen yet). */
export const activeProfileQuery = queryOptions({
  queryKey: ['activeProfile'],
  queryFn: () => runCommand(commands.getActiveProfile()),
});

/** The active profile, from Rust. */
export function useActiveProfile() {
  return useQuery(activeProfileQuery);
}

/** Makes a saved profile (or the open demo workspace) the one the window works in. */
export function useSetActiveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => runCommand(commands.setActiveProfile(id)),
    onSuccess: (profile: ActiveProfile) => {
      queryClient.setQueryData(activeProfileQuery.queryKey, profile);
    },
  });
}

/** Opens the demo workspace (sandbox data, no account) and makes it the active profile. */
export function useOpenDemoWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => runCommand(commands.openDemoWorkspace()),
    onSuccess: (profile: ActiveProfile) => {
      queryClient.setQueryData(activeProfileQuery.queryKey, profile);
    },
  });
}
