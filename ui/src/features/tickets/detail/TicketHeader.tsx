import {
  ActionIcon,
  Badge,
  Box,
  CloseButton,
  Group,
  Kbd,
  Menu,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionCatalogView, TicketDetailView } from '../../../bindings';
import { codeLabel, itemLabel } from '../catalog';
import { formatAgo, formatDateTime } from './format';
import { BellIcon, DotsIcon, PencilIcon, TrashIcon, UserIcon } from './icons';
import { type PropertyOption, PropertySelect } from './PropertySelect';
import type { TicketWrite } from './useTicketWrites';

/** Which property select is open (keyboard a / s open assignee / status). */
export type OpenSelect = 'status' | 'priority' | 'assignee' | 'group' | null;

/** Props of TicketHeader. */
export interface TicketHeaderProps {
  detail: TicketDetailView;
  catalog: ConnectionCatalogView | undefined;
  busy: TicketWrite['kind'] | null;
  openSelect: OpenSelect;
  onOpenSelect: (select: OpenSelect) => void;
  statusRef: Ref<HTMLInputElement>;
  assigneeRef: Ref<HTMLInputElement>;
  onChange: (write: TicketWrite) => void;
  onClose: () => void;
  onRemind: () => void;
  onChangeCustomer: () => void;
  onDelete: () => void;
  onChooseAgent: () => void;
}

function withCurrent(options: PropertyOption[], value: string | null, label: string | null): PropertyOption[] {
  if (!value || options.some((option) => option.value === value)) return options;
  return [...options, { value, label: label || value }];
}

/** Number, title, properties and actions of the open ticket. */
export function TicketHeader({
  detail,
  catalog,
  busy,
  openSelect,
  onOpenSelect,
  statusRef,
  assigneeRef,
  onChange,
  onClose,
  onRemind,
  onChangeCustomer,
  onDelete,
  onChooseAgent,
}: TicketHeaderProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { ticket } = detail;
  const [editingTitle, setEditingTitle] = useState<string | null>(null);
  const capabilities = catalog?.capabilities;
  const changing = busy === 'change';
  const actingAgent = catalog?.agents.find((agent) => agent.id === catalog.actingAgentId);

  const statusOptions = withCurrent(
    (catalog?.statuses ?? [])
      .filter((item) => !item.deleted || item.code === ticket.statusCode)
      .map((item) => ({ value: item.code, label: itemLabel(item, language) })),
    ticket.statusCode,
    null,
  );
  const priorityOptions = withCurrent(
    (catalog?.priorities ?? [])
      .filter((item) => !item.deleted || item.code === ticket.priorityCode)
      .map((item) => ({ value: item.code, label: itemLabel(item, language) })),
    ticket.priorityCode,
    null,
  );
  const assigneeOptions = withCurrent(
    (catalog?.agents ?? []).map((agent) => ({ value: agent.id, label: agent.name })),
    ticket.assigneeId,
    ticket.assigneeName,
  );
  const groupOptions = withCurrent(
    (catalog?.groups ?? [])
      .filter((item) => !item.deleted || item.code === ticket.groupId)
      .map((item) => ({ value: item.code, label: itemLabel(item, language) })),
    ticket.groupId,
    ticket.groupName,
  );

  const saveTitle = () => {
    const title = editingTitle?.trim() ?? '';
    setEditingTitle(null);
    if (title && title !== ticket.title) onChange({ kind: 'change', change: { title } });
  };

  const status = catalog?.statuses.find((item) => item.code === ticket.statusCode);
  const source = codeLabel(catalog?.sources, ticket.sourceCode, language);

  return (
    <Stack gap="sm" p="md" pb="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Text ff="monospace" size="sm" c="dimmed" data-testid="ticket-detail-number">
            #{ticket.ticketCode ?? ticket.ticketId}
          </Text>
          {catalog && (
            <Badge size="sm" variant="light" color={ticket.vendor === 'sobot' ? 'indigo' : 'cyan'}>
              {catalog.name}
            </Badge>
          )}
          {status?.closed && (
            <Badge size="sm" variant="outline" color="gray">
              {t('ticket.detail.closed')}
            </Badge>
          )}
        </Group>
        <Group gap={4} wrap="nowrap">
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('ticket.actions.more')} data-testid="ticket-actions">
                <DotsIcon />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {capabilities?.remind && (
                <Menu.Item leftSection={<BellIcon />} onClick={onRemind} data-testid="action-remind">
                  {t('ticket.actions.remind')}
                </Menu.Item>
              )}
              {capabilities?.changeCustomer && (
                <Menu.Item leftSection={<UserIcon />} onClick={onChangeCustomer} data-testid="action-change-customer">
                  {t('ticket.actions.changeCustomer')}
                </Menu.Item>
              )}
              <Menu.Item leftSection={<PencilIcon />} onClick={() => setEditingTitle(ticket.title)}>
                {t('ticket.actions.editTitle')}
              </Menu.Item>
              <Menu.Item leftSection={<UserIcon />} onClick={onChooseAgent} data-testid="action-acting-agent">
                {actingAgent
                  ? t('ticket.actions.actingAs', { name: actingAgent.name })
                  : t('ticket.actions.chooseAgent')}
              </Menu.Item>
              {capabilities?.deleteTicket && (
                <>
                  <Menu.Divider />
                  <Menu.Item color="red" leftSection={<TrashIcon />} onClick={onDelete} data-testid="action-delete-ticket">
                    {t('ticket.actions.delete')}
                  </Menu.Item>
                </>
              )}
            </Menu.Dropdown>
          </Menu>
          <Tooltip label={<Group gap={4}>{t('ticket.common.close')} <Kbd size="xs">Esc</Kbd></Group>} withinPortal>
            <CloseButton aria-label={t('ticket.common.close')} onClick={onClose} data-testid="ticket-detail-close" />
          </Tooltip>
        </Group>
      </Group>

      {editingTitle === null ? (
        <Title
          order={4}
          style={{ overflowWrap: 'anywhere', cursor: 'text' }}
          onDoubleClick={() => setEditingTitle(ticket.title)}
          data-testid="ticket-detail-title"
        >
          {ticket.title || t('ticket.detail.untitled')}
        </Title>
      ) : (
        <TextInput
          aria-label={t('ticket.detail.titleLabel')}
          value={editingTitle}
          onChange={(event) => setEditingTitle(event.currentTarget.value)}
          onBlur={saveTitle}
          onKeyDown={(event) => {
            if (event.key === 'Enter') saveTitle();
            if (event.key === 'Escape') {
              event.stopPropagation();
              setEditingTitle(null);
            }
          }}
          autoFocus
          data-testid="ticket-title-input"
        />
      )}

      <Text size="xs" c="dimmed">
        {[
          ticket.customerName || detail.customer?.name,
          source,
          detail.categoryName,
          ticket.createdAtMs !== null &&
            t('ticket.detail.created', { when: formatDateTime(ticket.createdAtMs, language) }),
          ticket.updatedAtMs !== null && t('ticket.detail.updated', { when: formatAgo(ticket.updatedAtMs, language) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>

      <Box>
        <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="xs" verticalSpacing="xs">
          <PropertySelect
            label={t('ticket.fields.status')}
            shortcut="s"
            value={ticket.statusCode}
            data={statusOptions}
            onChange={(code) => onChange({ kind: 'change', change: { status: code } })}
            opened={openSelect === 'status'}
            onOpenedChange={(opened) => onOpenSelect(opened ? 'status' : null)}
            inputRef={statusRef}
            busy={changing}
            testId="detail-status"
          />
          <PropertySelect
            label={t('ticket.fields.priority')}
            value={ticket.priorityCode}
            data={priorityOptions}
            onChange={(code) => onChange({ kind: 'change', change: { priority: code } })}
            opened={openSelect === 'priority'}
            onOpenedChange={(opened) => onOpenSelect(opened ? 'priority' : null)}
            busy={changing}
            testId="detail-priority"
          />
          <PropertySelect
            label={t('ticket.fields.assignee')}
            shortcut="a"
            value={ticket.assigneeId}
            data={assigneeOptions}
            onChange={(id) => onChange({ kind: 'change', change: { assigneeId: id } })}
            opened={openSelect === 'assignee'}
            onOpenedChange={(opened) => onOpenSelect(opened ? 'assignee' : null)}
            inputRef={assigneeRef}
            busy={changing}
            searchable
            testId="detail-assignee"
          />
          <PropertySelect
            label={t('ticket.fields.group')}
            value={ticket.groupId}
            data={groupOptions}
            onChange={(id) => onChange({ kind: 'change', change: { groupId: id } })}
            opened={openSelect === 'group'}
            onOpenedChange={(opened) => onOpenSelect(opened ? 'group' : null)}
            busy={changing}
            searchable
            testId="detail-group"
          />
        </SimpleGrid>
      </Box>
    </Stack>
  );
}
