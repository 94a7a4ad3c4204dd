import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeBackend } from '../../test/fakeBackend';
import { renderApp } from '../../test/renderApp';

describe('a refused settings change', () => {
  it('puts the theme control back and shows the error', async () => {
    const backend = installFakeBackend({
      settings: { language: 'en', theme: 'light' },
      errors: { set_ui_settings: { code: 'storage', message: 'disk full' } },
    });
    const { user } = renderApp('/settings');
    const control = await screen.findByTestId('settings-theme');
    await waitFor(() => expect(within(control).getByRole('radio', { name: 'Light' })).toBeChecked());

    await user.click(within(control).getByText('Dark'));

    const notice = await screen.findByTestId('error-notification');
    expect(notice).toHaveTextContent('Local data problem');
    expect(notice).toHaveTextContent('Switchboard could not read or save its local data: disk full');
    await waitFor(() => expect(within(control).getByRole('radio', { name: 'Light' })).toBeChecked());
    expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('light');
    expect(backend.callsTo('set_ui_settings')).toHaveLength(1);
  });

  it('puts the language back and shows the error in that language', async () => {
    installFakeBackend({
      settings: { language: 'en', theme: 'system' },
      errors: { set_ui_settings: { code: 'invalidInput', field: 'language', message: 'unsupported' } },
    });
    const { user } = renderApp('/settings');
    const control = await screen.findByTestId('settings-language');
    await waitFor(() => expect(within(control).getByRole('radio', { name: 'English' })).toBeChecked());

    await user.click(within(control).getByText('中文'));

    const notice = await screen.findByTestId('error-notification');
    expect(notice).toHaveTextContent("'Language' is not valid: unsupported");
    await waitFor(() => expect(within(control).getByRole('radio', { name: 'English' })).toBeChecked());
    expect(screen.getByTestId('page-title')).toHaveTextContent('Settings');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows why settings could not be loaded and leaves the controls disabled', async () => {
    installFakeBackend({ errors: { get_ui_settings: { code: 'storage', message: 'settings file unreadable' } } });
    renderApp('/settings');
    expect(await screen.findByTestId('error-notification')).toHaveTextContent('settings file unreadable');
    expect(screen.getByText('Your settings could not be loaded.')).toBeInTheDocument();
    for (const radio of within(screen.getByTestId('settings-theme')).getAllByRole('radio')) {
      expect(radio).toBeDisabled();
    }
  });
});
