// The bulk actions of the list's selection: change the status, priority, assignee or group of
// every selected ticket. Codes differ per connection, so the actions need tickets of one connection.
import { Box, Button, Menu, Tooltip, VisuallyHidden } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { findCatalog, useTicketCatalogs } from '../catalog';
import { BULK_FIELDS, connectionsOf, type BulkField } from './bulk';
import { BulkModal } from './BulkModal';

/** Options of useBulkActions. */
export interface BulkActionsOptions {
  profileId: string;
  selectedKeys: ReadonlySet<string>;
  /** The tickets a bulk change changed: they leave the selection. */
  onChanged: (keys: ReadonlySet<string>) => void;
}

function ChevronIcon() {
  return (
    <svg width={12} height={12} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.2} aria-hidden>
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}

interface Dialog {
  /** Remounts the dialog for every action opened. */
  id: number;
  field: BulkField;
  connectionId: string;
}

/** What useBulkActions renders: the menu for the selection bar, and the dialog. */
export interface BulkActions {
  /** The "Bulk actions" menu (null while nothing is selected). */
  menu: ReactNode;
  /**
   * The dialog: render it where it stays mounted whatever the list shows (a run goes on, and its
   * summary stays, when the changed tickets leave the list).
   */
  dialog: ReactNode;
}

/** The bulk actions of the selection: its menu and its dialog. */
export function useBulkActions({ profileId, selectedKeys, onChanged }: BulkActionsOptions): BulkActions {
  const { t } = useTranslation();
  const catalogs = useTicketCatalogs(profileId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [opened, setOpened] = useState(false);
  const noticeId = useId();
  const connections = connectionsOf(selectedKeys);
  const connectionId = connections.length === 1 ? connections[0] : undefined;

  const open = (field: BulkField) => {
    if (connectionId === undefined) return;
    setDialog((previous) => ({ id: (previous?.id ?? 0) + 1, field, connectionId }));
    setOpened(true);
  };

  const trigger = (disabled: boolean) => (
    <Button
      size="compact-sm"
      variant="light"
      rightSection={<ChevronIcon />}
      disabled={disabled}
      aria-describedby={disabled ? noticeId : undefined}
      data-testid="bulk-actions"
    >
      {t('tickets.bulk.actions')}
    </Button>
  );

  let menu: ReactNode = null;
  if (selectedKeys.size > 0 && connectionId === undefined) {
    menu = (
      <Tooltip label={t('tickets.bulk.oneConnection')} multiline w={280} withinPortal>
        <Box component="span" data-testid="bulk-actions-disabled">
          {trigger(true)}
          <VisuallyHidden id={noticeId}>{t('tickets.bulk.oneConnection')}</VisuallyHidden>
        </Box>
      </Tooltip>
    );
  } else if (selectedKeys.size > 0) {
    menu = (
      <Menu position="bottom-start" shadow="md" withinPortal>
        <Menu.Target>{trigger(false)}</Menu.Target>
        <Menu.Dropdown data-testid="bulk-actions-menu">
          {BULK_FIELDS.map((field) => (
            <Menu.Item key={field} onClick={() => open(field)} data-testid={`bulk-action-${field}`}>
              {t(`tickets.bulk.menu.${field}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    );
  }

  const dialogNode = dialog ? (
    <BulkModal
      key={dialog.id}
      opened={opened}
      profileId={profileId}
      field={dialog.field}
      connectionId={dialog.connectionId}
      catalog={findCatalog(catalogs.data, dialog.connectionId)}
      selectedKeys={selectedKeys}
      onChanged={onChanged}
      onClose={() => setOpened(false)}
    />
  ) : null;
  return { menu, dialog: dialogNode };
}
