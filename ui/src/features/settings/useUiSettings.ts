import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commands, type UiSettings } from '../../bindings';
import { runCommand } from '../../lib/ipc';

/** Query for the persisted UI settings (language, theme). */
export const uiSettingsQuery = queryOptions({
  queryKey: ['uiSettings'],
  queryFn: () => runCommand(commands.getUiSettings()),
  staleTime: Infinity,
});

/** The persisted UI settings. */
export function useUiSettings() {
  return useQuery(uiSettingsQuery);
}

/**
 * Saves UI settings through setUiSettings. The change shows at once (optimistic update);
 * if Rust refuses it, the previous settings come back (the error itself is shown by the QueryClient).
 * Saves run one after another so that a late failure cannot overwrite a newer choice out of order.
 */
export function useSaveUiSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: 'uiSettings' },
    mutationFn: (settings: UiSettings) => runCommand(commands.setUiSettings(settings)),
    onMutate: async (settings) => {
      await queryClient.cancelQueries({ queryKey: uiSettingsQuery.queryKey });
      const previous = queryClient.getQueryData(uiSettingsQuery.queryKey);
      queryClient.setQueryData(uiSettingsQuery.queryKey, settings);
      return { previous };
    },
    onError: (_error, _settings, context) => {
      if (context?.previous) queryClient.setQueryData(uiSettingsQuery.queryKey, context.previous);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(uiSettingsQuery.queryKey, saved);
    },
  });
}
