import { useInfiniteQuery } from '@tanstack/react-query';
import { commands, type AuditRow } from '../../bindings';
import { runCommand } from '../../lib/ipc';

/** Entries fetched per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

/** The audit log of a profile, newest first, a page at a time (older pages on demand). */
export function useAuditLog(profileId: string | null) {
  return useInfiniteQuery({
    queryKey: ['auditLog', profileId],
    enabled: profileId !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      runCommand(commands.listAuditLog(profileId ?? '', pageParam, AUDIT_PAGE_SIZE)),
    getNextPageParam: (last: AuditRow[]) =>
      last.length < AUDIT_PAGE_SIZE ? undefined : (last[last.length - 1]?.id ?? undefined),
  });
}
