import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/setup';
import { CommandError } from './ipc';
import { notifyError } from './notifyError';

function renderNotifications() {
  render(
    <MantineProvider env="test">
      <Notifications />
    </MantineProvider>,
  );
}

describe('notifyError', () => {
  it('shows the error as a notification in the current language', async () => {
    renderNotifications();
    await act(() => i18n.changeLanguage('zh-CN'));
    act(() => notifyError(new CommandError({ code: 'network', message: 'timed out' })));
    const notice = await screen.findByTestId('error-notification');
    expect(notice).toHaveTextContent('网络问题');
    expect(notice).toHaveTextContent('Switchboard 无法连接到服务，请检查网络连接后重试。（timed out）');
  });

  it('does not stack the same error twice while it is on screen, but shows a different one', async () => {
    renderNotifications();
    act(() => {
      notifyError(new CommandError({ code: 'storage', message: 'disk full' }));
      notifyError(new CommandError({ code: 'storage', message: 'disk full' }));
      notifyError(new CommandError({ code: 'storage', message: 'read-only file system' }));
    });
    expect(await screen.findAllByTestId('error-notification')).toHaveLength(2);
  });
});
