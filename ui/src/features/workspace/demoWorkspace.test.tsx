import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE, installFakeBackend, TEST_PROFILE } from '../../test/fakeBackend';
import { renderApp } from '../../test/renderApp';

describe('the demo workspace, from the profile menu and the profiles section', () => {
  it('opens from the profile menu while a saved profile is active', async () => {
    const backend = installFakeBackend({
      settings: { language: 'en', theme: 'light' },
      profiles: [TEST_PROFILE],
      activeProfile: { id: TEST_PROFILE.id, name: TEST_PROFILE.name, isDemo: false },
    });
    const { user } = renderApp();
    const bar = await screen.findByTestId('status-bar');
    expect(await within(bar).findByText('East China team')).toBeInTheDocument();

    await user.click(within(bar).getByTestId('profile-menu'));
    await user.click(await screen.findByTestId('profile-menu-open-demo'));

    expect(await within(bar).findByText('Demo workspace')).toBeInTheDocument();
    expect(backend.callsTo('open_demo_workspace')).toHaveLength(1);
  });

  it('switches back to a saved profile from the same menu, in Chinese', async () => {
    const backend = installFakeBackend({
      settings: { language: 'zh-CN', theme: 'dark' },
      profiles: [TEST_PROFILE],
      activeProfile: DEMO_PROFILE,
    });
    const { user } = renderApp();
    const bar = await screen.findByTestId('status-bar');
    expect(await within(bar).findByText('演示工作区')).toBeInTheDocument();

    await user.click(within(bar).getByTestId('profile-menu'));
    expect(await screen.findByTestId('profile-menu-open-demo')).toHaveTextContent('演示工作区已打开');
    await user.click(screen.getByTestId(`profile-menu-item-${TEST_PROFILE.id}`));

    expect(await within(bar).findByText('East China team')).toBeInTheDocument();
    expect(backend.callsTo('set_active_profile').map((call) => call.args)).toEqual([{ id: TEST_PROFILE.id }]);
  });

  it('opens from Settings → Profiles at any time, and then says it is open', async () => {
    const backend = installFakeBackend({
      settings: { language: 'en', theme: 'light' },
      profiles: [TEST_PROFILE],
      activeProfile: { id: TEST_PROFILE.id, name: TEST_PROFILE.name, isDemo: false },
    });
    const { user } = renderApp('/settings');
    const card = await screen.findByTestId('demo-workspace-card');
    const button = within(card).getByTestId('profiles-open-demo');
    expect(button).toHaveTextContent('Open demo workspace');

    await user.click(button);

    await waitFor(() => expect(button).toHaveTextContent('Demo workspace is open'));
    expect(button).toBeDisabled();
    expect(backend.callsTo('open_demo_workspace')).toHaveLength(1);
  });
});
