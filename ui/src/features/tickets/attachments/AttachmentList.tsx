import { CloseButton, Group, Loader, Paper, Progress, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FileProblemView, UploadStateView } from '../../../bindings';
import { formatBytes } from '../detail/format';
import { AlertIcon, CheckIcon, FileIcon } from '../detail/icons';
import type { AttachmentItem } from './useAttachments';

/** Why a file was refused or failed, in the UI language. */
export function uploadProblemText(t: TFunction, state: UploadStateView, language: string): string | null {
  if (state.state === 'failed') {
    return state.vendorCode
      ? t('ticket.attach.failedWithCode', { code: state.vendorCode, message: state.message })
      : t('ticket.attach.failed', { message: state.message });
  }
  if (state.state !== 'rejected') return null;
  const problem: FileProblemView = state.problem;
  switch (problem.kind) {
    case 'notFound':
      return t('ticket.attach.problem.notFound');
    case 'notAFile':
      return t('ticket.attach.problem.notAFile');
    case 'empty':
      return t('ticket.attach.problem.empty');
    case 'tooLarge':
      return problem.max === null
        ? t('ticket.attach.problem.tooLargeNoMax', { size: formatBytes(problem.size, language) })
        : t('ticket.attach.problem.tooLarge', {
            size: formatBytes(problem.size, language) || '?',
            max: formatBytes(problem.max, language),
          });
    case 'typeNotAllowed':
      return t('ticket.attach.problem.typeNotAllowed', {
        extension: problem.extension ? `.${problem.extension.replace(/^\./, '')}` : t('ticket.attach.noExtension'),
      });
    default:
      return null;
  }
}

/** How far a file's upload has gone, 0 to 100, or null when it is not being sent or its size is unknown. */
export function uploadPercent(state: UploadStateView, size: number | null): number | null {
  if (state.state !== 'uploading' || !size) return null;
  return Math.min(100, Math.floor(((state.sent ?? 0) / size) * 100));
}

/** "42% · 1.2 MB of 2.9 MB sent" for a file being uploaded; null otherwise. */
export function uploadProgressText(t: TFunction, state: UploadStateView, size: number | null, language: string): string | null {
  const percent = uploadPercent(state, size);
  if (percent === null || state.state !== 'uploading') return null;
  return t('ticket.attach.progress', {
    percent,
    sent: formatBytes(state.sent ?? 0, language),
    total: formatBytes(size, language),
  });
}

function StateIcon({ state }: { state: UploadStateView }) {
  const { t } = useTranslation();
  if (state.state === 'uploading') return <Loader size={14} aria-label={t('ticket.attach.uploading')} />;
  if (state.state === 'uploaded') {
    return (
      <ThemeIcon size={18} radius="xl" color="teal" variant="light" aria-label={t('ticket.attach.uploaded')}>
        <CheckIcon size={12} />
      </ThemeIcon>
    );
  }
  return (
    <ThemeIcon size={18} radius="xl" color="red" variant="light" aria-label={t('ticket.attach.notAttached')}>
      <AlertIcon size={12} />
    </ThemeIcon>
  );
}

/** Props of AttachmentList. */
export interface AttachmentListProps {
  items: AttachmentItem[];
  onRemove: (key: string) => void;
  disabled?: boolean;
}

/** The files of a reply or new ticket with each one's progress, and a way to take one off. */
export function AttachmentList({ items, onRemove, disabled = false }: AttachmentListProps) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Stack gap={4} role="list" aria-label={t('ticket.attach.listLabel')} data-testid="attachment-list">
      {items.map((item) => {
        const problem = uploadProblemText(t, item.state, i18n.language);
        const bad = problem !== null;
        const percent = uploadPercent(item.state, item.size);
        const progress = uploadProgressText(t, item.state, item.size, i18n.language);
        return (
          <Paper
            key={item.key}
            role="listitem"
            withBorder
            radius="sm"
            px="xs"
            py={4}
            data-testid="attachment-item"
            data-state={item.state.state}
            style={bad ? { borderColor: 'var(--mantine-color-red-light-color)' } : undefined}
          >
            <Group gap="xs" wrap="nowrap">
              <StateIcon state={item.state} />
              <FileIcon size={14} style={{ flexShrink: 0, opacity: 0.6 }} />
              <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                <Group gap={6} wrap="nowrap">
                  <Tooltip label={item.path} openDelay={600} withinPortal>
                    <Text size="sm" truncate="end" data-testid="attachment-name">
                      {item.name}
                    </Text>
                  </Tooltip>
                  {item.size !== null && (
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} data-testid="attachment-size">
                      {progress ?? formatBytes(item.size, i18n.language)}
                    </Text>
                  )}
                </Group>
                {percent !== null && (
                  <Progress
                    value={percent}
                    size="xs"
                    mt={2}
                    aria-label={t('ticket.attach.uploadingName', { name: item.name })}
                    data-testid="attachment-progress"
                  />
                )}
                {problem && (
                  <Text size="xs" c="red" data-testid="attachment-problem">
                    {problem}
                  </Text>
                )}
              </Stack>
              <CloseButton
                size="sm"
                disabled={disabled}
                aria-label={t('ticket.attach.remove', { name: item.name })}
                onClick={() => onRemove(item.key)}
              />
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
