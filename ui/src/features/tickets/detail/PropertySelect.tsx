import { Loader, Select } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** One option of a property select. */
export interface PropertyOption {
  value: string;
  label: string;
}

/** Props of PropertySelect. */
export interface PropertySelectProps {
  label: string;
  /** The shortcut key shown in the label's hint (a, s). */
  shortcut?: string;
  value: string | null;
  data: PropertyOption[];
  onChange: (value: string) => void;
  opened: boolean;
  onOpenedChange: (opened: boolean) => void;
  inputRef?: Ref<HTMLInputElement>;
  busy?: boolean;
  disabled?: boolean;
  searchable?: boolean;
  testId: string;
}

/** An inline editable property of the ticket (status, priority, assignee, group). */
export function PropertySelect({
  label,
  shortcut,
  value,
  data,
  onChange,
  opened,
  onOpenedChange,
  inputRef,
  busy = false,
  disabled = false,
  searchable = false,
  testId,
}: PropertySelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      ref={inputRef}
      size="xs"
      variant="filled"
      label={label}
      aria-label={label}
      title={shortcut ? t('ticket.detail.shortcutHint', { key: shortcut.toUpperCase() }) : undefined}
      value={value}
      data={data}
      placeholder={t('ticket.common.none')}
      allowDeselect={false}
      searchable={searchable}
      nothingFoundMessage={t('ticket.common.nothingFound')}
      dropdownOpened={opened}
      onDropdownOpen={() => onOpenedChange(true)}
      onDropdownClose={() => onOpenedChange(false)}
      onChange={(next) => {
        if (next !== null && next !== value) onChange(next);
      }}
      rightSection={busy ? <Loader size={12} /> : undefined}
      disabled={disabled || busy}
      comboboxProps={{ withinPortal: true }}
      styles={{ label: { fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)' } }}
      data-testid={testId}
    />
  );
}
