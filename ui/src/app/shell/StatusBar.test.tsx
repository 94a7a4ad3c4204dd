import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeBackend } from '../../test/fakeBackend';
import { renderApp } from '../../test/renderApp';

describe('status bar', () => {
  it('shows that no profile is configured, the version and the build profile', async () => {
    installFakeBackend({ settings: { language: 'en', theme: 'system' } });
    renderApp('/tickets');
    const bar = await screen.findByTestId('status-bar');
    await waitFor(() => expect(bar).toHaveTextContent('Profile:No profile'));
    await waitFor(() => expect(screen.getByTestId('status-build')).toHaveTextContent('Version 0.1.0·Debug build·01234567'));
  });

  it('says the same in Chinese', async () => {
    installFakeBackend({ settings: { language: 'zh-CN', theme: 'system' }, appInfo: { buildProfile: 'release' } });
    renderApp('/tickets');
    await waitFor(() => expect(screen.getByTestId('status-bar')).toHaveTextContent('档案：未配置档案'));
    await waitFor(() => expect(screen.getByTestId('status-build')).toHaveTextContent('版本 0.1.0·正式版本'));
  });

  it('says the build details are unavailable when appInfo fails', async () => {
    installFakeBackend({ errors: { app_info: { code: 'internal', message: 'boom' } } });
    renderApp('/tickets');
    await waitFor(() => expect(screen.getByTestId('status-build')).toHaveTextContent('Unavailable'));
    expect(await screen.findByTestId('error-notification')).toHaveTextContent('Something went wrong inside Switchboard: boom');
  });
});
