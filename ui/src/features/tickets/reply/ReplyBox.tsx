import { CAN_AUTOSIZE } from '../detail/autosize';
import { ActionIcon, Box, Button, Group, Kbd, Paper, Select, Stack, Switch, Text, Textarea, Tooltip } from '@mantine/core';
import { type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionCatalogView, ReplyInputView } from '../../../bindings';
import { AttachmentList } from '../attachments/AttachmentList';
import type { Attachments } from '../attachments/useAttachments';
import { itemLabel } from '../catalog';
import { LockIcon, PaperclipIcon, SendIcon } from '../detail/icons';
import { REPLY_BOX_TEST_IDS, replyBoxLabels, textToHtml } from './replyBoxLabels';

/** Props of ReplyBox. */
export interface ReplyBoxProps {
  catalog: ConnectionCatalogView | undefined;
  currentStatus: string;
  attachments: Attachments;
  /** Opens the file picker (same path as a drop). */
  onPick: () => void;
  /** Sends; calls `onDone` once the reply is written (also after a conflict or agent prompt). */
  onSend: (reply: ReplyInputView, onDone: () => void) => void;
  sending: boolean;
  /** Files are being held over the window. */
  dragging: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/** Writes a reply or an internal note, with attachments and an optional status change. */
export function ReplyBox({
  catalog,
  currentStatus,
  attachments,
  onPick,
  onSend,
  sending,
  dragging,
  textareaRef,
}: ReplyBoxProps) {
  const { t, i18n } = useTranslation();
  const labels = replyBoxLabels(t);
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const [statusAfter, setStatusAfter] = useState<string | null>(null);
  const canInternal = catalog?.capabilities.internalNotes ?? false;
  const isInternal = canInternal && internal;
  const hasContent = text.trim() !== '' || attachments.references.length > 0;
  const blocked = attachments.uploading || attachments.items.some((item) => item.state.state !== 'uploaded');
  const canSend = hasContent && !attachments.uploading && !sending;
  // Until the user turns to it, the box is one line with the paper clip, so the conversation
  // keeps the room; focusing it (clicking, Tab, or "r"), a drag or a file shows all of it. The
  // text and the paper clip stay where they are, so the click that expands the box still lands.
  const [engaged, setEngaged] = useState(false);
  const expanded = engaged || text !== '' || attachments.items.length > 0 || dragging || sending;

  const statusOptions = (catalog?.statuses ?? [])
    .filter((item) => !item.deleted && item.code !== currentStatus)
    .map((item) => ({ value: item.code, label: itemLabel(item, i18n.language) }));

  const attachButton = (
    <Tooltip label={t('ticket.reply.attachHint')} withinPortal>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={labels.attach}
        onClick={onPick}
        disabled={sending}
        data-testid={REPLY_BOX_TEST_IDS.attach}
      >
        <PaperclipIcon />
      </ActionIcon>
    </Tooltip>
  );

  const send = () => {
    if (!canSend) return;
    const reply: ReplyInputView = {
      content: text.trim() ? textToHtml(text.trim()) : '',
      internal: isInternal,
      attachments: attachments.references,
    };
    if (statusAfter) reply.change = { status: statusAfter };
    onSend(reply, () => {
      setText('');
      setStatusAfter(null);
      attachments.clear();
    });
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      data-testid={REPLY_BOX_TEST_IDS.box}
      data-internal={isInternal}
      data-expanded={expanded}
      onFocus={() => setEngaged(true)}
      style={{
        ...(isInternal ? { background: 'var(--mantine-color-yellow-light)', borderStyle: 'dashed' } : {}),
        ...(dragging ? { outline: '2px dashed var(--mantine-primary-color-filled)', outlineOffset: 2 } : {}),
      }}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Textarea
            ref={textareaRef}
            aria-label={labels.textarea}
            placeholder={isInternal ? t('ticket.reply.notePlaceholder') : t('ticket.reply.placeholder')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                send();
              }
            }}
            autosize={CAN_AUTOSIZE}
            minRows={expanded ? 3 : 1}
            maxRows={12}
            variant="unstyled"
            style={{ flex: 1 }}
            disabled={sending}
            data-testid={REPLY_BOX_TEST_IDS.textarea}
          />
          {attachButton}
        </Group>
        <AttachmentList items={attachments.items} onRemove={attachments.remove} disabled={sending} />
        {expanded && (
          // One row even in the narrow detail panel: the status select gives up width first.
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              {canInternal && (
                <Switch
                  size="sm"
                  color="yellow"
                  checked={internal}
                  onChange={(event) => setInternal(event.currentTarget.checked)}
                  label={
                    <Group gap={4} wrap="nowrap">
                      <LockIcon size={12} />
                      <span>{t('ticket.reply.internal')}</span>
                    </Group>
                  }
                  aria-label={labels.internal}
                  disabled={sending}
                  data-testid={REPLY_BOX_TEST_IDS.internal}
                />
              )}
            </Group>
            <Group gap="xs" wrap="nowrap" justify="flex-end" style={{ minWidth: 0, flex: 1 }}>
              {!isInternal && statusOptions.length > 0 && (
                <Select
                  size="xs"
                  w={170}
                  miw={96}
                  style={{ flexShrink: 1 }}
                  aria-label={labels.statusAfter}
                  placeholder={t('ticket.reply.statusUnchanged')}
                  data={statusOptions}
                  value={statusAfter}
                  onChange={setStatusAfter}
                  clearable
                  disabled={sending}
                  comboboxProps={{ withinPortal: true }}
                  data-testid={REPLY_BOX_TEST_IDS.statusAfter}
                />
              )}
              <Tooltip
                label={
                  <Group gap={4} wrap="nowrap">
                    <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd>
                  </Group>
                }
                withinPortal
              >
                <Button
                  size="xs"
                  color={isInternal ? 'yellow' : undefined}
                  rightSection={<SendIcon size={14} />}
                  style={{ flexShrink: 0 }}
                  aria-label={labels.send}
                  onClick={send}
                  disabled={!canSend}
                  loading={sending}
                  data-testid={REPLY_BOX_TEST_IDS.send}
                >
                  {isInternal ? t('ticket.reply.addNote') : t('ticket.reply.send')}
                </Button>
              </Tooltip>
            </Group>
          </Group>
        )}
        {blocked && attachments.items.length > 0 && !attachments.uploading && (
          <Box>
            <Text size="xs" c="dimmed">
              {t('ticket.reply.problemFilesHint')}
            </Text>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
