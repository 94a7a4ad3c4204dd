import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeBackend, TEST_APP_INFO } from '../../test/fakeBackend';
import { renderApp } from '../../test/renderApp';

describe('About section', () => {
  it('shows the build and environment details reported by Rust', async () => {
    installFakeBackend({
      appInfo: { buildProfile: 'release', systemLocale: 'zh-Hans-CN' },
      settings: { language: 'en', theme: 'system' },
    });
    renderApp('/settings');
    expect(await screen.findByTestId('about-version')).toHaveTextContent(TEST_APP_INFO.version);
    expect(screen.getByTestId('about-name')).toHaveTextContent('Switchboard');
    expect(screen.getByTestId('about-commit')).toHaveTextContent(TEST_APP_INFO.commit);
    expect(screen.getByTestId('about-build-profile')).toHaveTextContent('Release build');
    expect(screen.getByTestId('about-platform')).toHaveTextContent('linux · x86_64');
    expect(screen.getByTestId('about-system-locale')).toHaveTextContent('zh-Hans-CN');
    expect(screen.getByTestId('about-config-dir')).toHaveTextContent(TEST_APP_INFO.configDir);
    expect(screen.getByTestId('about-log-dir')).toHaveTextContent(TEST_APP_INFO.logDir);
  });

  it('offers to try again when the details could not be loaded, and shows them once Rust answers', async () => {
    const backend = installFakeBackend({ errors: { app_info: { code: 'internal', message: 'not ready' } } });
    const { user } = renderApp('/settings');
    expect(await screen.findByText('Application details could not be loaded.')).toBeInTheDocument();
    delete backend.errors.app_info;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('about-version')).toHaveTextContent(TEST_APP_INFO.version));
  });
});
