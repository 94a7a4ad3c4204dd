import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { installFakeBackend } from '../../test/fakeBackend';
import { renderApp } from '../../test/renderApp';

describe('language setting', () => {
  it('choosing 中文 renders Chinese labels, sets <html lang> and saves zh-CN', async () => {
    const backend = installFakeBackend({ settings: { language: 'en', theme: 'light' } });
    const { user } = renderApp('/settings');
    const control = await screen.findByTestId('settings-language');
    await waitFor(() => expect(within(control).getByRole('radio', { name: 'English' })).toBeChecked());

    await user.click(within(control).getByText('中文'));

    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('设置'));
    expect(screen.getByTestId('nav-tickets')).toHaveTextContent('工单');
    expect(screen.getByTestId('status-profile')).toHaveTextContent('未配置档案');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(backend.callsTo('set_ui_settings').map((call) => call.args)).toEqual([
      { settings: { language: 'zh-CN', theme: 'light', first_sync_months: 6 } },
    ]);
    expect(within(control).getByRole('radio', { name: '中文' })).toBeChecked();
  });

  it('keeps "English" and "中文" in their own script whatever the UI language', async () => {
    installFakeBackend({ settings: { language: 'zh-CN', theme: 'system' } });
    renderApp('/settings');
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('设置'));
    const control = screen.getByTestId('settings-language');
    expect(within(control).getByRole('radio', { name: '跟随系统' })).toBeInTheDocument();
    expect(within(control).getByRole('radio', { name: 'English' })).toBeInTheDocument();
    expect(within(control).getByRole('radio', { name: '中文' })).toBeChecked();
  });

  it('"Follow system" renders Chinese when the OS locale is zh-CN', async () => {
    installFakeBackend({ settings: { language: 'system', theme: 'system' }, appInfo: { systemLocale: 'zh-CN' } });
    renderApp('/tickets');
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('工单'));
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('"Follow system" renders English when the OS locale is not Chinese', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('zh-CN');
    installFakeBackend({ settings: { language: 'system', theme: 'system' }, appInfo: { systemLocale: 'de-DE' } });
    renderApp('/tickets');
    await screen.findByText('Version 0.1.0');
    expect(screen.getByTestId('page-title')).toHaveTextContent('Tickets');
    expect(document.documentElement.lang).toBe('en');
  });

  it('uses the browser language until the OS locale arrives', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('zh-CN');
    installFakeBackend({ settings: { language: 'system', theme: 'system' }, hang: ['app_info'] });
    renderApp('/tickets');
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('工单'));
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switching back to English from Chinese renders English and saves "en"', async () => {
    const backend = installFakeBackend({ settings: { language: 'zh-CN', theme: 'system' } });
    const { user } = renderApp('/settings');
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('设置'));
    await user.click(within(screen.getByTestId('settings-language')).getByText('English'));
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('Settings'));
    expect(document.documentElement.lang).toBe('en');
    expect(backend.settings).toEqual({ language: 'en', theme: 'system', first_sync_months: 6 });
  });
});
