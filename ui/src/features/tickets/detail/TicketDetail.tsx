// The detail panel of one ticket: header with inline editable properties, the conversation
// (vendor HTML sanitized), customer, satisfaction, fields, history, and the reply box with
// attachments dropped on the window or picked. Every write is guarded by the version on screen.
import { Alert, Badge, Box, Button, Group, ScrollArea, Skeleton, Stack, Tabs, Text, ThemeIcon } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, type ReplyView } from '../../../bindings';
import { describeError } from '../../../lib/errorMessages';
import { CommandError, runCommand } from '../../../lib/ipc';
import { notifyError } from '../../../lib/notifyError';
import { DropOverlay } from '../attachments/DropOverlay';
import { pickFiles } from '../attachments/pickFiles';
import { useAttachments } from '../attachments/useAttachments';
import { useWindowFileDrop } from '../attachments/useWindowFileDrop';
import { findCatalog, useTicketCatalogs } from '../catalog';
import { ReplyBox } from '../reply/ReplyBox';
import { ticketKeys } from '../ticketKeys';
import { ActingAgentModal } from './ActingAgentModal';
import { ChangeCustomerModal, ConfirmModal, RemindModal } from './ActionModals';
import { ConflictModal } from './ConflictModal';
import { Conversation } from './Conversation';
import { type ExternalLinkTarget, ExternalLinkModal } from './ExternalLinkModal';
import { AlertIcon } from './icons';
import { HistoryPanel, InfoPanel } from './InfoPanel';
import { type OpenSelect, TicketHeader } from './TicketHeader';
import { useTicketWrites } from './useTicketWrites';

export interface TicketDetailProps {
  profileId: string;
  connectionId: string;
  ticketId: string;
  onClose: () => void;
}

/** Whether a key press comes from a field the user types in (shortcuts stay out of the way). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function DetailSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack p="md" gap="md" aria-busy="true" aria-label={t('ticket.detail.loading')} data-testid="ticket-detail-loading">
      <Group justify="space-between">
        <Skeleton h={14} w={90} />
        <Skeleton h={24} w={24} circle />
      </Group>
      <Skeleton h={22} w="80%" />
      <Skeleton h={12} w="60%" />
      <Group grow>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} h={46} />
        ))}
      </Group>
      {[0, 1, 2].map((i) => (
        <Group key={i} align="flex-start" wrap="nowrap">
          <Skeleton h={32} w={32} circle />
          <Skeleton h={72} style={{ flex: 1 }} />
        </Group>
      ))}
    </Stack>
  );
}

/** The detail of one ticket. */
export function TicketDetail({ profileId, connectionId, ticketId, onClose }: TicketDetailProps) {
  const { t } = useTranslation();
  const catalogs = useTicketCatalogs(profileId);
  const catalog = findCatalog(catalogs.data, connectionId);
  const query = useQuery({
    queryKey: ticketKeys.detail(profileId, connectionId, ticketId),
    queryFn: () => runCommand(commands.getTicketDetail(profileId, connectionId, ticketId)),
  });
  const detail = query.data;

  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  const onDeleted = useCallback(() => onCloseRef.current(), []);
  const writes = useTicketWrites({ profileId, connectionId, ticketId }, detail, catalog, onDeleted);

  const attachments = useAttachments({ profileId, connectionId, ticketId });
  const attach = attachments.attach;
  const [modal, setModal] = useState<'remind' | 'customer' | 'delete' | null>(null);
  const [replyToDelete, setReplyToDelete] = useState<ReplyView | null>(null);
  const [link, setLink] = useState<ExternalLinkTarget | null>(null);
  const [openSelect, setOpenSelect] = useState<OpenSelect>(null);
  const [tab, setTab] = useState<string | null>('conversation');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const statusRef = useRef<HTMLInputElement>(null);
  const assigneeRef = useRef<HTMLInputElement>(null);

  const dialogOpen =
    modal !== null ||
    replyToDelete !== null ||
    link !== null ||
    writes.conflict !== null ||
    writes.agentPrompt !== null;
  const { dragging } = useWindowFileDrop((paths) => void attach(paths), detail !== undefined && !dialogOpen);

  const pick = useCallback(async () => {
    try {
      const paths = await pickFiles();
      await attach(paths);
    } catch (error) {
      notifyError(error);
    }
  }, [attach]);

  // Keyboard inside the open detail: r reply, a assignee, s status, Escape close.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (dialogOpen || openSelect !== null) return;
      if (event.key === 'Escape') {
        if (isTyping(event.target)) {
          (event.target as HTMLElement).blur();
          return;
        }
        event.preventDefault();
        onCloseRef.current();
        return;
      }
      if (isTyping(event.target) || !detail) return;
      const key = event.key.toLowerCase();
      if (key === 'r') {
        event.preventDefault();
        setTab('conversation');
        textareaRef.current?.focus();
      } else if (key === 'a') {
        event.preventDefault();
        assigneeRef.current?.focus();
        setOpenSelect('assignee');
      } else if (key === 's') {
        event.preventDefault();
        statusRef.current?.focus();
        setOpenSelect('status');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialogOpen, openSelect, detail]);

  // The catalogs are local and quick; waiting for them avoids codes flashing before their names.
  if (query.isPending || catalogs.isPending) return <DetailSkeleton />;

  if (query.isError || !detail) {
    const error = query.error;
    const gone = error instanceof CommandError && error.ipcError.code === 'notFound';
    const text = describeError(t, error);
    return (
      <Stack p="md" gap="md" data-testid="ticket-detail-error">
        <Group justify="flex-end">
          <Button variant="subtle" size="xs" onClick={onClose}>
            {t('ticket.common.close')}
          </Button>
        </Group>
        <Stack align="center" gap="sm" py="xl">
          <ThemeIcon size={48} radius="xl" variant="light" color={gone ? 'gray' : 'red'}>
            <AlertIcon size={24} />
          </ThemeIcon>
          <Text fw={600}>{gone ? t('ticket.detail.goneTitle') : t('ticket.detail.errorTitle')}</Text>
          <Text size="sm" c="dimmed" ta="center" maw={380}>
            {gone ? t('ticket.detail.goneMessage') : text.message}
          </Text>
          {!gone && (
            <Button onClick={() => void query.refetch()} loading={query.isFetching} data-testid="ticket-detail-retry">
              {t('ticket.common.retry')}
            </Button>
          )}
        </Stack>
      </Stack>
    );
  }

  const capabilities = catalog?.capabilities;
  const customerName = detail.customer?.name || detail.ticket.customerName;

  return (
    <Box
      h="100%"
      style={{ display: 'flex', flexDirection: 'column', minHeight: 0, position: 'relative' }}
      data-testid="ticket-detail"
      data-ticket-id={ticketId}
      data-version={detail.ticket.updatedAtMs ?? ''}
    >
      <TicketHeader
        detail={detail}
        catalog={catalog}
        busy={writes.busy}
        openSelect={openSelect}
        onOpenSelect={setOpenSelect}
        statusRef={statusRef}
        assigneeRef={assigneeRef}
        onChange={(write) => void writes.submit(write)}
        onClose={onClose}
        onRemind={() => setModal('remind')}
        onChangeCustomer={() => setModal('customer')}
        onDelete={() => setModal('delete')}
        onChooseAgent={writes.askAgent}
      />
      {query.isFetching && !query.isPending && (
        <Box pos="absolute" top={0} left={0} right={0} h={2} bg="var(--mantine-primary-color-filled)" opacity={0.6} />
      )}
      <Tabs value={tab} onChange={setTab} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Tabs.List px="md">
          <Tabs.Tab value="conversation" data-testid="tab-conversation">
            {t('ticket.tabs.conversation')}{' '}
            <Badge size="xs" variant="light" color="gray">
              {detail.replies.length}
            </Badge>
          </Tabs.Tab>
          <Tabs.Tab value="info" data-testid="tab-info">
            {t('ticket.tabs.info')}
          </Tabs.Tab>
          <Tabs.Tab value="history" data-testid="tab-history">
            {t('ticket.tabs.history')}{' '}
            <Badge size="xs" variant="light" color="gray">
              {detail.history.length}
            </Badge>
          </Tabs.Tab>
        </Tabs.List>
        <ScrollArea style={{ flex: 1, minHeight: 0 }} type="auto" offsetScrollbars>
          <Box p="md">
            <Tabs.Panel value="conversation">
              <Conversation
                detail={detail}
                canDeleteReply={capabilities?.deleteReply ?? false}
                onLink={(url) => setLink({ url })}
                onAttachment={(attachment) => setLink({ url: attachment.url, fileName: attachment.name })}
                onDeleteReply={setReplyToDelete}
              />
            </Tabs.Panel>
            <Tabs.Panel value="info">
              <InfoPanel
                detail={detail}
                catalog={catalog}
                onChangeCustomer={capabilities?.changeCustomer ? () => setModal('customer') : undefined}
              />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <HistoryPanel detail={detail} />
            </Tabs.Panel>
          </Box>
        </ScrollArea>
      </Tabs>
      <Box px="md" pb="md" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        <ReplyBox
          catalog={catalog}
          currentStatus={detail.ticket.statusCode}
          attachments={attachments}
          onPick={() => void pick()}
          onSend={(reply, onDone) => void writes.submit({ kind: 'reply', reply }, onDone)}
          sending={writes.busy === 'reply'}
          dragging={dragging}
          textareaRef={textareaRef}
        />
      </Box>

      <DropOverlay
        visible={dragging}
        title={t('ticket.attach.dropTitle', { number: detail.ticket.ticketCode ?? detail.ticket.ticketId })}
        hint={t('ticket.attach.dropHint')}
      />
      <ExternalLinkModal target={link} onClose={() => setLink(null)} />
      <ConflictModal
        conflict={writes.conflict}
        catalog={catalog}
        onReapply={writes.reapply}
        onDiscard={writes.discard}
      />
      <ActingAgentModal
        key={writes.agentPrompt === null ? 'closed' : 'open'}
        opened={writes.agentPrompt !== null}
        connectionName={catalog?.name ?? connectionId}
        agents={catalog?.agents ?? []}
        currentAgentId={catalog?.actingAgentId ?? null}
        onChoose={writes.chooseAgent}
        onCancel={writes.cancelAgent}
      />
      <RemindModal
        key={modal === 'remind' ? 'remind-open' : 'remind'}
        opened={modal === 'remind'}
        busy={writes.busy === 'remind'}
        onCancel={() => setModal(null)}
        onSend={(remark) => void writes.submit({ kind: 'remind', remark }, () => setModal(null))}
      />
      <ChangeCustomerModal
        key={modal === 'customer' ? 'customer-open' : 'customer'}
        opened={modal === 'customer'}
        currentCustomer={customerName}
        busy={writes.busy === 'customer'}
        onCancel={() => setModal(null)}
        onSave={(customerId) => void writes.submit({ kind: 'customer', customerId }, () => setModal(null))}
      />
      <ConfirmModal
        opened={modal === 'delete'}
        title={t('ticket.deleteTicket.title')}
        message={t('ticket.deleteTicket.message', { title: detail.ticket.title })}
        confirmLabel={t('ticket.deleteTicket.confirm')}
        busy={writes.busy === 'delete'}
        onCancel={() => setModal(null)}
        onConfirm={() => {
          setModal(null);
          void writes.submit({ kind: 'delete' });
        }}
        testId="delete-ticket-modal"
      />
      <ConfirmModal
        opened={replyToDelete !== null}
        title={t('ticket.deleteReply.title')}
        message={t('ticket.deleteReply.message')}
        confirmLabel={t('ticket.deleteReply.confirm')}
        busy={writes.busy === 'deleteReply'}
        onCancel={() => setReplyToDelete(null)}
        onConfirm={() => {
          const replyId = replyToDelete?.id;
          setReplyToDelete(null);
          if (replyId) void writes.submit({ kind: 'deleteReply', replyId });
        }}
        testId="delete-reply-modal"
      />
      {catalogs.isError && (
        <Alert color="orange" variant="light" m="md" data-testid="catalog-error">
          {t('ticket.detail.catalogError')}
        </Alert>
      )}
    </Box>
  );
}
