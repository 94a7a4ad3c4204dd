import { type ReactNode, useEffect, useRef } from 'react';
import { ActionIcon, Avatar, Badge, Box, Group, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttachmentView, ReplyView, TicketDetailView } from '../../../bindings';
import { AttachmentChips } from './AttachmentChips';
import { formatAgo, formatDateTime } from './format';
import { ChatIcon, LockIcon, TrashIcon } from './icons';
import { VendorHtml } from './VendorHtml';

/** Props of Conversation. */
export interface ConversationProps {
  detail: TicketDetailView;
  canDeleteReply: boolean;
  onLink: (url: string) => void;
  onAttachment: (attachment: AttachmentView) => void;
  onDeleteReply: (reply: ReplyView) => void;
}

function initials(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '?';
  if (/\p{Script=Han}/u.test(trimmed)) {
    // 陈先生 → 陈, 王芳 → 王芳: honorifics are not names.
    const name = trimmed.replace(/(先生|女士|小姐|老师)$/u, '') || trimmed;
    return name.length <= 2 ? name : name.slice(-2);
  }
  return trimmed
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

const KIND_COLOR = { agent: 'indigo', customer: 'teal', system: 'gray', unknown: 'gray' } as const;

function Entry({
  author,
  kindLabel,
  color,
  atMs,
  internal,
  html,
  attachments,
  onLink,
  onAttachment,
  action,
  testId,
}: {
  author: string;
  kindLabel: string;
  color: string;
  atMs: number | null;
  internal: boolean;
  html: string;
  attachments: AttachmentView[];
  onLink: (url: string) => void;
  onAttachment: (attachment: AttachmentView) => void;
  action?: ReactNode;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap" data-testid={testId} data-internal={internal}>
      <Avatar size={32} radius="xl" color={internal ? 'yellow' : color} variant="light">
        {internal ? <LockIcon size={14} /> : initials(author)}
      </Avatar>
      <Paper
        withBorder
        radius="md"
        p="sm"
        style={{
          flex: 1,
          minWidth: 0,
          ...(internal
            ? {
                background: 'var(--mantine-color-yellow-light)',
                borderColor: 'var(--mantine-color-yellow-light-color)',
                borderStyle: 'dashed',
              }
            : {}),
        }}
      >
        <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} truncate="end">
              {author}
            </Text>
            <Text size="xs" c="dimmed">
              {kindLabel}
            </Text>
            {internal && (
              <Badge size="xs" color="yellow" variant="filled" leftSection={<LockIcon size={10} />}>
                {t('ticket.detail.internalNote')}
              </Badge>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            {atMs !== null && (
              <Tooltip label={formatDateTime(atMs, i18n.language)} withinPortal>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatAgo(atMs, i18n.language)}
                </Text>
              </Tooltip>
            )}
            {action}
          </Group>
        </Group>
        <VendorHtml html={html} onLink={onLink} />
        <AttachmentChips attachments={attachments} onOpen={onAttachment} />
      </Paper>
    </Group>
  );
}

/** The ticket's content and every reply and note, oldest first. */
export function Conversation({ detail, canDeleteReply, onLink, onAttachment, onDeleteReply }: ConversationProps) {
  const { t } = useTranslation();
  const kindLabel = (kind: ReplyView['authorKind']) => t(`ticket.detail.authorKind.${kind}`);
  const customerName = detail.ticket.customerName || detail.customer?.name || t('ticket.detail.customerFallback');
  // The latest reply is what a supervisor reads first: keep it in view on open and after sending.
  const end = useRef<HTMLDivElement>(null);
  const replyCount = detail.replies.length;
  useEffect(() => {
    if (replyCount > 0) end.current?.scrollIntoView?.({ block: 'end' });
  }, [replyCount]);
  return (
    <Stack gap="md" data-testid="ticket-conversation">
      <Entry
        author={customerName}
        kindLabel={t('ticket.detail.opened')}
        color="teal"
        atMs={detail.ticket.createdAtMs}
        internal={false}
        html={detail.contentHtml}
        attachments={detail.attachments}
        onLink={onLink}
        onAttachment={onAttachment}
        testId="ticket-content"
      />
      {detail.replies.length === 0 ? (
        <Box
          p="lg"
          style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
          data-testid="replies-empty"
        >
          <Stack align="center" gap={6}>
            <ThemeIcon size={40} radius="xl" variant="light" color="gray">
              <ChatIcon size={20} />
            </ThemeIcon>
            <Text fw={600} size="sm">
              {t('ticket.detail.noReplies')}
            </Text>
            <Text size="xs" c="dimmed" ta="center">
              {t('ticket.detail.noRepliesHint')}
            </Text>
          </Stack>
        </Box>
      ) : (
        detail.replies.map((reply, index) => (
          <Entry
            key={reply.id ?? `reply-${index}`}
            author={reply.author || kindLabel(reply.authorKind)}
            kindLabel={kindLabel(reply.authorKind)}
            color={KIND_COLOR[reply.authorKind]}
            atMs={reply.atMs}
            internal={reply.internal}
            html={reply.html}
            attachments={reply.attachments}
            onLink={onLink}
            onAttachment={onAttachment}
            testId="ticket-reply"
            action={
              canDeleteReply && reply.id ? (
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={t('ticket.actions.deleteReply')}
                  onClick={() => onDeleteReply(reply)}
                  data-testid="reply-delete"
                >
                  <TrashIcon size={14} />
                </ActionIcon>
              ) : undefined
            }
          />
        ))
      )}
      <div ref={end} />
    </Stack>
  );
}
