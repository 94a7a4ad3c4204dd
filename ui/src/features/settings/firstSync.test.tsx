import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeBackend } from '../../test/fakeBackend';
import { renderApp } from '../../test/renderApp';
import { validFirstSyncMonths } from './FirstSyncSection';

describe('the first sync setting', () => {
  it('accepts whole months from 1 to 24 only', () => {
    const accepted: unknown[] = [1, 6, 24];
    const refused: unknown[] = [0, 25, 2.5, '', '7'];
    expect(accepted.every((value) => validFirstSyncMonths(value))).toBe(true);
    expect(refused.some((value) => validFirstSyncMonths(value))).toBe(false);
  });

  it('shows the saved months and saves a new value when the field is left', async () => {
    const backend = installFakeBackend({ settings: { language: 'en', theme: 'light', first_sync_months: 6 } });
    const { user } = renderApp('/settings');
    const input = await screen.findByTestId('settings-first-sync-months');
    await waitFor(() => expect(input).toHaveValue('6'));

    await user.clear(input);
    await user.type(input, '12');
    await user.tab();

    await waitFor(() => expect(backend.settings.first_sync_months).toBe(12));
    expect(backend.callsTo('set_ui_settings')).toHaveLength(1);
    expect(backend.settings.theme).toBe('light');
  });

  it('refuses a value out of range with a message, and saves nothing', async () => {
    const backend = installFakeBackend({ settings: { language: 'en', theme: 'light' } });
    const { user } = renderApp('/settings');
    const input = await screen.findByTestId('settings-first-sync-months');
    await waitFor(() => expect(input).toHaveValue('6'));

    await user.clear(input);
    await user.type(input, '30');
    await user.tab();

    expect(await screen.findByText('Enter a whole number of months from 1 to 24.')).toBeInTheDocument();
    expect(backend.callsTo('set_ui_settings')).toHaveLength(0);
  });

  it('explains the limit in Chinese', async () => {
    installFakeBackend({ settings: { language: 'zh-CN', theme: 'dark' } });
    const { user } = renderApp('/settings');
    const input = await screen.findByTestId('settings-first-sync-months');
    await waitFor(() => expect(input).toHaveValue('6'));
    await user.clear(input);
    await user.type(input, '0');
    await user.tab();
    expect(await screen.findByText('请输入 1 到 24 之间的整数月数。')).toBeInTheDocument();
  });
});
