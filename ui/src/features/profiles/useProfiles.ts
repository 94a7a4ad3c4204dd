import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commands, type FieldIssue, type ProfileForm } from '../../bindings';
import { runCommand } from '../../lib/ipc';

/** Query for every profile, with which secrets are stored (never the secrets themselves). */
export const profilesQuery = queryOptions({
  queryKey: ['profiles'],
  queryFn: () => runCommand(commands.listProfiles()),
});

/** The saved profiles. */
export function useProfiles() {
  return useQuery(profilesQuery);
}

/** What saving a profile came to: fields to fix (nothing was saved), or the profile as stored. */
export type SaveOutcome = { status: 'invalid'; issues: FieldIssue[] } | { status: 'saved'; profile: ProfileForm };

/**
 * Validates the form with Rust and saves it only when there is nothing to fix.
 * The form (with its new secrets) is not kept in the mutation cache after the save settles,
 * and nothing here logs it. Failures reach the error notification through the QueryClient.
 */
export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    gcTime: 0,
    mutationFn: async (form: ProfileForm): Promise<SaveOutcome> => {
      const issues = await runCommand(commands.validateProfile(form));
      if (issues.length > 0) return { status: 'invalid', issues };
      return { status: 'saved', profile: await runCommand(commands.saveProfile(form)) };
    },
    onSuccess: async (outcome) => {
      if (outcome.status === 'saved') await queryClient.invalidateQueries({ queryKey: profilesQuery.queryKey });
    },
  });
}

/** Deletes a profile (and, in Rust, its keychain entries). */
export function useDeleteProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => runCommand(commands.deleteProfile(id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: profilesQuery.queryKey }),
  });
}

/** Tests one saved connection. The list is refreshed afterwards: a test can find a secret missing. */
export function useTestConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ profileId, connectionId }: { profileId: string; connectionId: string }) =>
      runCommand(commands.testConnection(profileId, connectionId)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: profilesQuery.queryKey }),
  });
}
