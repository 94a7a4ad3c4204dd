import { ActionIcon, Button, Group, Loader, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../../bindings';
import { formatBytes } from './format';
import { DownloadIcon, FileIcon } from './icons';
import { useSaveAttachment } from './saveAttachment';

/** Props of AttachmentChips. */
export interface AttachmentChipsProps {
  attachments: AttachmentView[];
  onOpen: (attachment: AttachmentView) => void;
}

/** The files of a ticket or reply: each opens (shows where it is kept) or is saved to this computer. */
export function AttachmentChips({ attachments, onOpen }: AttachmentChipsProps) {
  const { t, i18n } = useTranslation();
  const { save, saving } = useSaveAttachment();
  if (attachments.length === 0) return null;
  return (
    <Group gap={6} mt="xs" aria-label={t('ticket.detail.attachments')} role="list">
      {attachments.map((attachment, index) => {
        const size = formatBytes(attachment.size, i18n.language);
        const busy = saving.has(attachment.url);
        const saveLabel = t('ticket.save.action', { name: attachment.name });
        return (
          <Group key={`${attachment.url}-${index}`} role="listitem" gap={0} wrap="nowrap">
            <Button
              size="compact-xs"
              variant="light"
              color="gray"
              leftSection={<FileIcon size={12} />}
              onClick={() => onOpen(attachment)}
              title={attachment.name}
              data-testid="ticket-attachment"
              styles={{
                root: { borderTopRightRadius: 0, borderBottomRightRadius: 0 },
                label: { maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis' },
              }}
            >
              {size ? `${attachment.name} · ${size}` : attachment.name}
            </Button>
            <Tooltip label={saveLabel} withinPortal>
              <ActionIcon
                size={22}
                variant="light"
                color="gray"
                aria-label={saveLabel}
                disabled={busy}
                onClick={() => void save(attachment)}
                data-testid="ticket-attachment-save"
                style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: '1px solid var(--mantine-color-default-border)' }}
              >
                {busy ? <Loader size={10} /> : <DownloadIcon size={12} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        );
      })}
    </Group>
  );
}
