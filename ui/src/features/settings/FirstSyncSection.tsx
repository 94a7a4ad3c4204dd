import { NumberInput, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingRow } from '../../components/SettingRow';
import { SettingsCard } from '../../components/SettingsCard';
import { useSaveUiSettings, useUiSettings } from './useUiSettings';

/** The months a first sync may reach back (Rust refuses anything else). */
export const FIRST_SYNC_MONTHS = { min: 1, max: 24 } as const;

/** Whether `value` is a whole number of months the first sync accepts. */
export function validFirstSyncMonths(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= FIRST_SYNC_MONTHS.min &&
    value <= FIRST_SYNC_MONTHS.max
  );
}

/** "First sync reaches back N months": checked as typed, saved when the field is left or Enter is pressed. */
export function FirstSyncSection() {
  const { t } = useTranslation();
  const settingsQuery = useUiSettings();
  const save = useSaveUiSettings();
  const settings = settingsQuery.data;
  // What the user is typing; null shows what is saved (loaded later, or put back after a refused save).
  const [draft, setDraft] = useState<number | string | null>(null);
  const value = draft ?? settings?.first_sync_months ?? '';

  const invalid = value !== '' && !validFirstSyncMonths(value);
  const commit = () => {
    if (!settings || !validFirstSyncMonths(value)) return;
    if (value !== settings.first_sync_months) save.mutate({ ...settings, first_sync_months: value });
    setDraft(null);
  };

  return (
    <SettingsCard title={t('settings.firstSync.title')} data-testid="settings-first-sync">
      <SettingRow
        labelId="settings-first-sync-label"
        label={t('settings.firstSync.months')}
        hint={t('settings.firstSync.monthsHint')}
      >
        <NumberInput
          data-testid="settings-first-sync-months"
          aria-labelledby="settings-first-sync-label"
          w={140}
          min={FIRST_SYNC_MONTHS.min}
          max={FIRST_SYNC_MONTHS.max}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={value}
          onChange={setDraft}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
          error={invalid ? t('settings.firstSync.invalid') : undefined}
          rightSection={
            <Text size="xs" c="dimmed" pr="xs">
              {t('settings.firstSync.unit')}
            </Text>
          }
          rightSectionWidth={56}
          disabled={!settings}
        />
      </SettingRow>
    </SettingsCard>
  );
}
