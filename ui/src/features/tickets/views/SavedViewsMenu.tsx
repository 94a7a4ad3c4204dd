import { ActionIcon, Button, Divider, Group, Popover, ScrollArea, Stack, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedViewInfo, TicketFilterInput } from '../../../bindings';
import { sameFilterInput } from '../filters/filterState';
import { type NameProblem, useSavedViewActions, useSavedViews } from './useSavedViews';

/** Props of SavedViewsMenu. */
export interface SavedViewsMenuProps {
  profileId: string;
  /** The filter in effect (what "Save" stores, and how the applied view is recognised). */
  filter: TicketFilterInput;
  onApply: (view: SavedViewInfo) => void;
}

/** The user's words for a refused name. */
export function nameProblemText(t: TFunction, problem: NameProblem): string {
  return problem === 'taken' ? t('tickets.views.nameTaken') : t('tickets.views.nameRequired');
}

function PencilIcon() {
  return (
    <svg width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden>
      <path d="M4 20h4L19 9l-4-4L4 16z" />
    </svg>
  );
}

function TrashIcon() {
  return (
    <svg width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden>
      <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
    </svg>
  );
}

/** One saved view: apply, rename in place, delete after a confirmation. */
function ViewRow({
  view,
  applied,
  onApply,
  onRename,
  onDelete,
}: {
  view: SavedViewInfo;
  applied: boolean;
  onApply: () => void;
  onRename: (name: string) => Promise<string | null>;
  onDelete: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(view.name);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  if (editing) {
    const submit = async (event: FormEvent) => {
      event.preventDefault();
      if (!name.trim()) {
        setError(t('tickets.views.nameRequired'));
        return;
      }
      setBusy(true);
      const problem = await onRename(name);
      setBusy(false);
      if (problem === null) setEditing(false);
      else setError(problem);
    };
    return (
      <form onSubmit={(event) => void submit(event)} data-testid={`view-rename-form-${view.id}`}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            aria-label={t('tickets.views.newName')}
            value={name}
            error={error}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.stopPropagation();
                setEditing(false);
              }
            }}
            data-autofocus
            autoFocus
            data-testid={`view-rename-input-${view.id}`}
          />
          <Button size="xs" type="submit" loading={busy} data-testid={`view-rename-save-${view.id}`}>
            {t('tickets.views.save')}
          </Button>
        </Group>
      </form>
    );
  }

  return (
    <Group gap={4} wrap="nowrap" data-testid={`view-row-${view.id}`}>
      <UnstyledButton
        onClick={onApply}
        style={{ flex: 1, minWidth: 0, padding: '4px 8px', borderRadius: 'var(--mantine-radius-sm)' }}
        bg={applied ? 'var(--mantine-primary-color-light)' : undefined}
        aria-current={applied || undefined}
        data-testid={`view-apply-${view.id}`}
      >
        <Text size="sm" truncate fw={applied ? 600 : 400}>
          {view.name}
        </Text>
      </UnstyledButton>
      {confirming ? (
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-xs"
            color="red"
            loading={busy}
            onClick={() => {
              setBusy(true);
              void onDelete().finally(() => setBusy(false));
            }}
            data-testid={`view-delete-confirm-${view.id}`}
          >
            {t('tickets.views.confirmDelete')}
          </Button>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setConfirming(false)}>
            {t('tickets.views.cancel')}
          </Button>
        </Group>
      ) : (
        <>
          <Tooltip label={t('tickets.views.rename')}>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={t('tickets.views.renameNamed', { name: view.name })}
              onClick={() => {
                setName(view.name);
                setError(null);
                setEditing(true);
              }}
              data-testid={`view-rename-${view.id}`}
            >
              <PencilIcon />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('tickets.views.delete')}>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={t('tickets.views.deleteNamed', { name: view.name })}
              onClick={() => setConfirming(true)}
              data-testid={`view-delete-${view.id}`}
            >
              <TrashIcon />
            </ActionIcon>
          </Tooltip>
        </>
      )}
    </Group>
  );
}

/** The "Views" menu: the saved views to apply, rename or delete, and saving the current filter. */
export function SavedViewsMenu({ profileId, filter, onApply }: SavedViewsMenuProps) {
  const { t } = useTranslation();
  const views = useSavedViews(profileId);
  const actions = useSavedViewActions(profileId);
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const list = views.data ?? [];
  const applied = list.find((view) => sameFilterInput(view.filter, filter));

  const saveCurrent = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('tickets.views.nameRequired'));
      return;
    }
    setSaving(true);
    const result = await actions.save(null, name, filter);
    setSaving(false);
    if (result.ok) {
      setName('');
      setError(null);
    } else if (result.fieldError !== null) setError(nameProblemText(t, result.fieldError));
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" shadow="md" width={320} withinPortal>
      <Popover.Target>
        <Button
          size="xs"
          variant="default"
          onClick={() => setOpened((open) => !open)}
          data-testid="saved-views-button"
          rightSection={
            <svg width={12} height={12} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
              <path d="m6 9 6 6 6-6" />
            </svg>
          }
        >
          {applied ? t('tickets.views.buttonNamed', { name: applied.name }) : t('tickets.views.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="saved-views-dropdown" p="sm">
        <Stack gap={6}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('tickets.views.title')}
          </Text>
          {views.isPending ? (
            <Text size="sm" c="dimmed">
              {t('tickets.loading')}
            </Text>
          ) : list.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="saved-views-empty">
              {t('tickets.views.empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={260} type="auto">
              <Stack gap={2}>
                {list.map((view) => (
                  <ViewRow
                    key={view.id}
                    view={view}
                    applied={view.id === applied?.id}
                    onApply={() => {
                      onApply(view);
                      setOpened(false);
                    }}
                    onRename={async (newName) => {
                      const result = await actions.save(view.id, newName, view.filter);
                      if (result.ok) return null;
                      return result.fieldError === null ? t('tickets.views.saveFailed') : nameProblemText(t, result.fieldError);
                    }}
                    onDelete={async () => {
                      await actions.remove(view.id);
                    }}
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          <Divider my={4} />
          <form onSubmit={(event) => void saveCurrent(event)} data-testid="save-view-form">
            <Group gap={6} wrap="nowrap" align="flex-start">
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                aria-label={t('tickets.views.nameLabel')}
                placeholder={t('tickets.views.namePlaceholder')}
                value={name}
                error={error}
                onChange={(event) => {
                  setName(event.currentTarget.value);
                  setError(null);
                }}
                data-testid="save-view-name"
              />
              <Button size="xs" type="submit" loading={saving} data-testid="save-view-submit">
                {t('tickets.views.saveCurrent')}
              </Button>
            </Group>
          </form>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
