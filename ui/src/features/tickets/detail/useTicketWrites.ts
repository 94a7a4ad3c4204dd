// Every write of the detail view, guarded: each carries the version the user is looking at
// (seenVersion = ticket.updatedAtMs). A conflict is never overwritten silently: the user sees what
// changed and re-applies on the new version or discards. A missing acting agent is asked for,
// then the write is retried.
import { notifications } from '@mantine/notifications';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  commands,
  type ConnectionCatalogView,
  type ReplyInputView,
  type TicketChangeInput,
  type TicketDetailView,
} from '../../../bindings';
import { CommandError, runCommand } from '../../../lib/ipc';
import { notifyError } from '../../../lib/notifyError';
import { ticketKeys } from '../ticketKeys';

/** A write the detail view can make. */
export type TicketWrite =
  | { kind: 'change'; change: TicketChangeInput }
  | { kind: 'reply'; reply: ReplyInputView }
  | { kind: 'customer'; customerId: string }
  | { kind: 'delete' }
  | { kind: 'remind'; remark: string }
  | { kind: 'deleteReply'; replyId: string };

/** How a write ended. */
export type WriteOutcome =
  | { outcome: 'done'; ticket: TicketDetailView | null }
  | { outcome: 'conflict'; ticket: TicketDetailView }
  | { outcome: 'needsAgent' };

/** Where the writes go. */
export interface WriteTarget {
  profileId: string;
  connectionId: string;
  ticketId: string;
}

/** Whether an error asks the user to choose the agent they act as. */
export function isActingAgentError(error: unknown): boolean {
  return (
    error instanceof CommandError && error.ipcError.code === 'invalidInput' && error.ipcError.field === 'actingAgent'
  );
}

/** Sends one write with the version the user saw. */
export async function executeWrite(
  target: WriteTarget,
  write: TicketWrite,
  seenVersion: number | null,
): Promise<WriteOutcome> {
  const { profileId, connectionId, ticketId } = target;
  try {
    switch (write.kind) {
      case 'change':
        return await runCommand(commands.changeTicket(profileId, connectionId, ticketId, write.change, seenVersion));
      case 'reply':
        return await runCommand(commands.replyToTicket(profileId, connectionId, ticketId, write.reply, seenVersion));
      case 'customer':
        return await runCommand(
          commands.changeTicketCustomer(profileId, connectionId, ticketId, write.customerId, seenVersion),
        );
      case 'delete': {
        const current = await runCommand(commands.deleteTicket(profileId, connectionId, ticketId, seenVersion));
        return current === null ? { outcome: 'done', ticket: null } : { outcome: 'conflict', ticket: current };
      }
      case 'remind':
        await runCommand(commands.remindTicket(profileId, connectionId, ticketId, write.remark));
        return { outcome: 'done', ticket: null };
      case 'deleteReply':
        return {
          outcome: 'done',
          ticket: await runCommand(commands.deleteTicketReply(profileId, connectionId, ticketId, write.replyId)),
        };
    }
  } catch (error) {
    if (isActingAgentError(error)) return { outcome: 'needsAgent' };
    throw error;
  }
}

/**
 * Remembers the agent the user acts as on a connection and updates the cached catalogs; a failure
 * is shown as a notification and rethrown (the agent dialog stays open for another try).
 */
export async function saveActingAgent(
  queryClient: QueryClient,
  profileId: string,
  connectionId: string,
  agentId: string,
): Promise<void> {
  try {
    await runCommand(commands.setActingAgent(profileId, connectionId, agentId));
  } catch (error) {
    notifyError(error);
    throw error;
  }
  queryClient.setQueryData<ConnectionCatalogView[]>(
    ticketKeys.catalogs(profileId),
    (previous) => previous?.map((item) => (item.connectionId === connectionId ? { ...item, actingAgentId: agentId } : item)),
  );
  void queryClient.invalidateQueries({ queryKey: ticketKeys.catalogs(profileId) });
}

/** A write waiting for the user (conflict or agent choice), with what to do once it is done. */
export interface PendingWrite {
  write: TicketWrite;
  onDone?: () => void;
}

/** The conflict the user is shown: the ticket they saw and the ticket now. */
export interface ConflictState extends PendingWrite {
  seen: TicketDetailView;
  now: TicketDetailView;
}

/** The confirmation shown when a write went through. */
function doneMessage(t: TFunction, write: TicketWrite): string {
  switch (write.kind) {
    case 'change':
      return t('ticket.done.change');
    case 'reply':
      return write.reply.internal ? t('ticket.done.note') : t('ticket.done.reply');
    case 'customer':
      return t('ticket.done.customer');
    case 'delete':
      return t('ticket.done.deleted');
    case 'remind':
      return t('ticket.done.remind');
    case 'deleteReply':
      return t('ticket.done.deleteReply');
  }
}

/** Writes that need the acting agent whatever the vendor (asked before sending). */
const NEEDS_AGENT: ReadonlySet<TicketWrite['kind']> = new Set(['reply', 'remind']);

/** The detail view's writes and the dialogs they may need. */
export function useTicketWrites(
  target: WriteTarget,
  detail: TicketDetailView | undefined,
  catalog: ConnectionCatalogView | undefined,
  onDeleted: () => void,
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<TicketWrite['kind'] | null>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  // The agent dialog: for a write waiting on it, or opened by the user ('manual').
  const [agentPrompt, setAgentPrompt] = useState<PendingWrite | 'manual' | null>(null);
  const detailRef = useRef(detail);
  useEffect(() => {
    detailRef.current = detail;
  });
  const { profileId, connectionId, ticketId } = target;
  const detailKey = useMemo(
    () => ticketKeys.detail(profileId, connectionId, ticketId),
    [profileId, connectionId, ticketId],
  );
  const where = useMemo(() => ({ profileId, connectionId, ticketId }), [profileId, connectionId, ticketId]);

  const refreshOthers = useCallback(() => {
    const key = JSON.stringify(detailKey);
    void queryClient.invalidateQueries({
      queryKey: ticketKeys.all(profileId),
      predicate: (query) => JSON.stringify(query.queryKey) !== key,
    });
  }, [queryClient, profileId, detailKey]);

  const run = useCallback(
    async (pending: PendingWrite, seen: TicketDetailView | undefined): Promise<boolean> => {
      const { write } = pending;
      setBusy(write.kind);
      try {
        const result = await executeWrite(where, write, seen?.ticket.updatedAtMs ?? null);
        if (result.outcome === 'needsAgent') {
          setAgentPrompt(pending);
          return false;
        }
        if (result.outcome === 'conflict') {
          setConflict({ ...pending, seen: seen ?? result.ticket, now: result.ticket });
          return false;
        }
        if (write.kind === 'delete') {
          queryClient.removeQueries({ queryKey: detailKey });
          refreshOthers();
          notifications.show({ color: 'teal', message: t('ticket.done.deleted'), autoClose: 4000 });
          pending.onDone?.();
          onDeleted();
          return true;
        }
        if (result.ticket) queryClient.setQueryData(detailKey, result.ticket);
        refreshOthers();
        notifications.show({ color: 'teal', message: doneMessage(t, write), autoClose: 3000 });
        pending.onDone?.();
        return true;
      } catch (error) {
        notifyError(error);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [where, detailKey, queryClient, refreshOthers, onDeleted, t],
  );

  /** Sends a write on the version on screen; resolves true when it was done. */
  const submit = useCallback(
    (write: TicketWrite, onDone?: () => void): Promise<boolean> => {
      const pending = { write, onDone };
      if (NEEDS_AGENT.has(write.kind) && catalog && catalog.actingAgentId === null) {
        setAgentPrompt(pending);
        return Promise.resolve(false);
      }
      return run(pending, detailRef.current);
    },
    [catalog, run],
  );

  /** The user re-applies their write on the version they were just shown. */
  const reapply = useCallback(() => {
    if (!conflict) return;
    const { now, ...pending } = conflict;
    setConflict(null);
    queryClient.setQueryData(detailKey, now);
    void run({ write: pending.write, onDone: pending.onDone }, now);
  }, [conflict, queryClient, run, detailKey]);

  /** The user drops their write and looks at the ticket as it is now. */
  const discard = useCallback(() => {
    if (!conflict) return;
    queryClient.setQueryData(detailKey, conflict.now);
    refreshOthers();
    setConflict(null);
  }, [conflict, queryClient, refreshOthers, detailKey]);

  /** The user chose the agent they act as: remembered, then the write is retried. */
  const chooseAgent = useCallback(
    async (agentId: string): Promise<void> => {
      const pending = agentPrompt;
      await saveActingAgent(queryClient, profileId, connectionId, agentId);
      setAgentPrompt(null);
      if (pending && pending !== 'manual') await run(pending, detailRef.current);
    },
    [agentPrompt, profileId, connectionId, queryClient, run],
  );

  const cancelAgent = useCallback(() => setAgentPrompt(null), []);
  const askAgent = useCallback(() => setAgentPrompt('manual'), []);

  return { submit, busy, conflict, reapply, discard, agentPrompt, chooseAgent, cancelAgent, askAgent };
}
