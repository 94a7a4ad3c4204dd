import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { openUrl } from '@tauri-apps/plugin-opener';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CheckIcon, DownloadIcon, LinkIcon } from './icons';
import { useSaveAttachment } from './saveAttachment';

/** A link from vendor content or an attachment the user clicked. */
export interface ExternalLinkTarget {
  url: string;
  /** An attachment's file name, when it is one. */
  fileName?: string;
}

/** Props of ExternalLinkModal. */
export interface ExternalLinkModalProps {
  target: ExternalLinkTarget | null;
  onClose: () => void;
}

/**
 * Shows where a link leads before anything happens: the app never navigates its own window to a
 * vendor page. It opens in the system browser (http and https only, as the capability allows),
 * the address can be copied, and an attachment can be saved to this computer.
 */
export function ExternalLinkModal({ target, onClose }: ExternalLinkModalProps) {
  const { t } = useTranslation();
  const { save } = useSaveAttachment();
  const webLink = target !== null && /^https?:\/\//i.test(target.url);
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target?.fileName ? t('ticket.link.fileTitle') : t('ticket.link.title')}
      size="lg"
      data-testid="external-link-modal"
    >
      {target && (
        <Stack gap="sm">
          {target.fileName && (
            <Text fw={500} style={{ wordBreak: 'break-all' }}>
              {target.fileName}
            </Text>
          )}
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="external-link-url">
            {target.url}
          </Code>
          <Alert variant="light" color="gray" icon={<LinkIcon />}>
            {target.fileName ? t('ticket.link.fileHint') : t('ticket.link.hint')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ticket.common.close')}
            </Button>
            <CopyButton value={target.url}>
              {({ copied, copy }) => (
                <Button
                  variant="default"
                  leftSection={copied ? <CheckIcon /> : <LinkIcon />}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                >
                  {copied ? t('ticket.link.copied') : t('ticket.link.copy')}
                </Button>
              )}
            </CopyButton>
            {webLink && target.fileName !== undefined && (
              <Button
                variant="default"
                leftSection={<DownloadIcon />}
                data-testid="external-link-save"
                onClick={() => {
                  const file = { url: target.url, name: target.fileName ?? '' };
                  onClose();
                  void save(file);
                }}
              >
                {t('ticket.save.saveAs')}
              </Button>
            )}
            {webLink && (
              <Button
                data-autofocus
                data-testid="external-link-open"
                onClick={() => {
                  openUrl(target.url).then(onClose, (error: unknown) =>
                    notifications.show({
                      color: 'red',
                      message: t('ticket.link.openFailed', { detail: String(error) }),
                    }),
                  );
                }}
              >
                {t('ticket.link.open')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
