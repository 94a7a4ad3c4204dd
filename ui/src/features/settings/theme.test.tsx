import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeBackend } from '../../test/fakeBackend';
import { setPrefersDark } from '../../test/matchMedia';
import { renderApp } from '../../test/renderApp';

const schemeOfHtml = () => document.documentElement.getAttribute('data-mantine-color-scheme');

describe('theme setting', () => {
  it('choosing Dark puts <html> in the dark color scheme and saves "dark"', async () => {
    const backend = installFakeBackend({ settings: { language: 'en', theme: 'light' } });
    const { user } = renderApp('/settings');
    const control = await screen.findByTestId('settings-theme');
    await waitFor(() => expect(within(control).getByRole('radio', { name: 'Light' })).toBeChecked());
    expect(schemeOfHtml()).toBe('light');

    await user.click(within(control).getByText('Dark'));

    await waitFor(() => expect(schemeOfHtml()).toBe('dark'));
    expect(within(control).getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(backend.callsTo('set_ui_settings').map((call) => call.args)).toEqual([
      { settings: { language: 'en', theme: 'dark', first_sync_months: 6 } },
    ]);
  });

  it('applies the saved theme at start', async () => {
    installFakeBackend({ settings: { language: 'en', theme: 'dark' } });
    renderApp('/tickets');
    await waitFor(() => expect(schemeOfHtml()).toBe('dark'));
  });

  it('"Follow system" uses the OS preference', async () => {
    setPrefersDark(true);
    installFakeBackend({ settings: { language: 'en', theme: 'system' } });
    renderApp('/tickets');
    await screen.findByText('Version 0.1.0');
    await waitFor(() => expect(schemeOfHtml()).toBe('dark'));
  });

  it('choosing Light after Dark goes back to light', async () => {
    installFakeBackend({ settings: { language: 'en', theme: 'dark' } });
    const { user } = renderApp('/settings');
    await waitFor(() => expect(schemeOfHtml()).toBe('dark'));
    await user.click(within(screen.getByTestId('settings-theme')).getByText('Light'));
    await waitFor(() => expect(schemeOfHtml()).toBe('light'));
  });
});
