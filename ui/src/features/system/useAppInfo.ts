import { queryOptions, useQuery } from '@tanstack/react-query';
import { commands } from '../../bindings';
import { runCommand } from '../../lib/ipc';

/** Query for the app's build and environment details (constant for the life of the process). */
export const appInfoQuery = queryOptions({
  queryKey: ['appInfo'],
  queryFn: () => runCommand(commands.appInfo()),
  staleTime: Infinity,
});

/** App name, version, commit, build profile, OS, system locale and folders, from Rust. */
export function useAppInfo() {
  return useQuery(appInfoQuery);
}
