import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE, installFakeBackend } from '../../test/fakeBackend';
import { renderApp } from '../../test/renderApp';

const progress = [
  { connectionId: 'sobot', windowsDone: 1, windowsTotal: 7, tickets: 800 },
  { connectionId: 'sobot', windowsDone: 7, windowsTotal: 7, tickets: 5012 },
];

describe('syncing tickets', () => {
  it('syncs the active profile from the status bar and reports how many tickets arrived', async () => {
    const backend = installFakeBackend({
      activeProfile: DEMO_PROFILE,
      sync: { progress, summaries: [{ connectionId: 'sobot', tickets: 5012, failures: [], complete: true }] },
    });
    renderApp();
    const bar = await screen.findByTestId('status-bar');
    await userEvent.click(await within(bar).findByTestId('sync-demo'));
    expect(await within(bar).findByText('5,012 tickets synced')).toBeInTheDocument();
    const call = backend.callsTo('sync_profile')[0];
    expect(call?.args?.profileId).toBe('demo');
  });

  it('says the profile is up to date when the sync found no changed ticket', async () => {
    installFakeBackend({
      activeProfile: DEMO_PROFILE,
      sync: { progress, summaries: [{ connectionId: 'sobot', tickets: 0, failures: [], complete: true }] },
    });
    renderApp();
    const bar = await screen.findByTestId('status-bar');
    await userEvent.click(await within(bar).findByTestId('sync-demo'));
    expect(await within(bar).findByText('Up to date: no ticket changed')).toBeInTheDocument();
  });

  it('says which periods failed and that the next sync fetches them again, in Chinese', async () => {
    installFakeBackend({
      activeProfile: DEMO_PROFILE,
      settings: { language: 'zh-CN', theme: 'system' },
      sync: {
        progress,
        summaries: [{ connectionId: 'sobot', tickets: 4000, failures: ['HTTP status 503'], complete: false }],
      },
    });
    renderApp();
    const bar = await screen.findByTestId('status-bar');
    await userEvent.click(await within(bar).findByTestId('sync-demo'));
    expect(await within(bar).findByText('1 个时间段失败，请再次同步')).toBeInTheDocument();
  });
});
