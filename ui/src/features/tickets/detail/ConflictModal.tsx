import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConnectionCatalogView, TicketDetailView } from '../../../bindings';
import { codeLabel } from '../catalog';
import { formatDateTime } from './format';
import { AlertIcon } from './icons';
import type { ConflictState, TicketWrite } from './useTicketWrites';

/** One compared field. */
export interface ConflictRow {
  key: 'status' | 'priority' | 'assignee' | 'group' | 'title' | 'replies';
  seen: string;
  now: string;
  changed: boolean;
}

/** What changed between the ticket the user saw and the ticket now, field by field. */
export function compareTickets(
  seen: TicketDetailView,
  now: TicketDetailView,
  catalog: ConnectionCatalogView | undefined,
  language: string,
): ConflictRow[] {
  const agentName = (id: string | null, fallback: string | null) =>
    (id && catalog?.agents.find((agent) => agent.id === id)?.name) || fallback || id || '';
  const groupName = (id: string | null, fallback: string | null) =>
    (id && catalog?.groups.find((group) => group.code === id)?.name) || fallback || id || '';
  const rows: Omit<ConflictRow, 'changed'>[] = [
    {
      key: 'status',
      seen: codeLabel(catalog?.statuses, seen.ticket.statusCode, language),
      now: codeLabel(catalog?.statuses, now.ticket.statusCode, language),
    },
    {
      key: 'priority',
      seen: codeLabel(catalog?.priorities, seen.ticket.priorityCode, language),
      now: codeLabel(catalog?.priorities, now.ticket.priorityCode, language),
    },
    {
      key: 'assignee',
      seen: agentName(seen.ticket.assigneeId, seen.ticket.assigneeName),
      now: agentName(now.ticket.assigneeId, now.ticket.assigneeName),
    },
    {
      key: 'group',
      seen: groupName(seen.ticket.groupId, seen.ticket.groupName),
      now: groupName(now.ticket.groupId, now.ticket.groupName),
    },
    { key: 'title', seen: seen.ticket.title, now: now.ticket.title },
    { key: 'replies', seen: String(seen.replies.length), now: String(now.replies.length) },
  ];
  return rows.map((row) => ({ ...row, changed: row.seen !== row.now }));
}

/** Props of ConflictModal. */
export interface ConflictModalProps {
  conflict: ConflictState | null;
  catalog: ConnectionCatalogView | undefined;
  onReapply: () => void;
  onDiscard: () => void;
}

function writeSummaryKey(write: TicketWrite) {
  switch (write.kind) {
    case 'reply':
      return write.reply.internal ? 'ticket.conflict.yourNote' : 'ticket.conflict.yourReply';
    case 'customer':
      return 'ticket.conflict.yourCustomer';
    case 'delete':
      return 'ticket.conflict.yourDelete';
    default:
      return 'ticket.conflict.yourChange';
  }
}

/** Someone else changed the ticket: shows what they changed and lets the user decide. */
export function ConflictModal({ conflict, catalog, onReapply, onDiscard }: ConflictModalProps) {
  const { t, i18n } = useTranslation();
  const rows = conflict ? compareTickets(conflict.seen, conflict.now, catalog, i18n.language) : [];
  const newReplies = conflict ? conflict.now.replies.length - conflict.seen.replies.length : 0;
  const empty = t('ticket.common.none');
  return (
    <Modal
      opened={conflict !== null}
      onClose={onDiscard}
      title={t('ticket.conflict.title')}
      size="lg"
      closeOnClickOutside={false}
      data-testid="conflict-modal"
    >
      {conflict && (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<AlertIcon />}>
            {t('ticket.conflict.explain', {
              when: formatDateTime(conflict.now.ticket.updatedAtMs, i18n.language) || '—',
            })}
          </Alert>
          <Table withTableBorder verticalSpacing={6} data-testid="conflict-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ticket.conflict.field')}</Table.Th>
                <Table.Th>{t('ticket.conflict.seen')}</Table.Th>
                <Table.Th>{t('ticket.conflict.now')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr
                  key={row.key}
                  data-testid={`conflict-row-${row.key}`}
                  data-changed={row.changed}
                  bg={row.changed ? 'var(--mantine-color-orange-light)' : undefined}
                >
                  <Table.Td fw={500}>{t(`ticket.conflict.fields.${row.key}`)}</Table.Td>
                  <Table.Td c={row.changed ? 'dimmed' : undefined} td={row.changed ? 'line-through' : undefined}>
                    {row.seen || empty}
                  </Table.Td>
                  <Table.Td fw={row.changed ? 600 : undefined}>
                    <Group gap={6} wrap="nowrap">
                      <span>{row.now || empty}</span>
                      {row.key === 'replies' && newReplies > 0 && (
                        <Badge size="xs" color="orange" variant="filled">
                          {t('ticket.conflict.newReplies', { count: newReplies })}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {!rows.some((row) => row.changed) && (
            <Text size="sm" c="dimmed">
              {t('ticket.conflict.otherChanges')}
            </Text>
          )}
          <Text size="sm">{t(writeSummaryKey(conflict.write))}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onDiscard} data-testid="conflict-discard">
              {t('ticket.conflict.discard')}
            </Button>
            <Button
              color={conflict.write.kind === 'delete' ? 'red' : undefined}
              onClick={onReapply}
              data-testid="conflict-reapply"
            >
              {conflict.write.kind === 'delete' ? t('ticket.conflict.deleteAnyway') : t('ticket.conflict.reapply')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
