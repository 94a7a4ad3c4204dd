import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../../bindings';
import { formatBytes } from './format';
import { FileIcon } from './icons';

/** Props of AttachmentChips. */
export interface AttachmentChipsProps {
  attachments: AttachmentView[];
  onOpen: (attachment: AttachmentView) => void;
}

/** The files of a ticket or reply; each shows where it is kept. */
export function AttachmentChips({ attachments, onOpen }: AttachmentChipsProps) {
  const { t, i18n } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <Group gap={6} mt="xs" aria-label={t('ticket.detail.attachments')} role="list">
      {attachments.map((attachment, index) => {
        const size = formatBytes(attachment.size, i18n.language);
        return (
          <Button
            key={`${attachment.url}-${index}`}
            role="listitem"
            size="compact-xs"
            variant="light"
            color="gray"
            leftSection={<FileIcon size={12} />}
            onClick={() => onOpen(attachment)}
            title={attachment.name}
            data-testid="ticket-attachment"
            styles={{ label: { maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis' } }}
          >
            {size ? `${attachment.name} · ${size}` : attachment.name}
          </Button>
        );
      })}
    </Group>
  );
}
