import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE, installFakeBackend } from '../../test/fakeBackend';
import { renderApp } from '../../test/renderApp';

describe('the status bar profile', () => {
  it('says there is no profile and opens the demo workspace on request', async () => {
    const backend = installFakeBackend();
    renderApp();
    const bar = await screen.findByTestId('status-bar');
    expect(await within(bar).findByText('No profile')).toBeInTheDocument();
    await userEvent.click(within(bar).getByTestId('open-demo'));
    expect(await within(bar).findByText('Demo workspace')).toBeInTheDocument();
    expect(within(bar).getByTestId('status-demo-badge')).toHaveTextContent('Demo');
    expect(backend.callsTo('open_demo_workspace')).toHaveLength(1);
    expect(within(bar).queryByTestId('open-demo')).not.toBeInTheDocument();
  });

  it('shows the demo workspace in Chinese when the app started in it', async () => {
    installFakeBackend({ activeProfile: DEMO_PROFILE, settings: { language: 'zh-CN', theme: 'system' } });
    renderApp();
    const bar = await screen.findByTestId('status-bar');
    expect(await within(bar).findByText('演示工作区')).toBeInTheDocument();
  });

  it('shows a saved profile by its own name', async () => {
    installFakeBackend({ activeProfile: { id: 'p1', name: '华东团队', isDemo: false } });
    renderApp();
    const bar = await screen.findByTestId('status-bar');
    expect(await within(bar).findByText('华东团队')).toBeInTheDocument();
    expect(within(bar).queryByTestId('status-demo-badge')).not.toBeInTheDocument();
  });
});
