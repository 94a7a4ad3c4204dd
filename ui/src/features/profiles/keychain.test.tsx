import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProfileForm } from '../../bindings';
import { installFakeBackend, TEST_PROFILE } from '../../test/fakeBackend';
import { renderApp } from '../../test/renderApp';

/** The fixture as list_profiles answers it when the OS keychain is locked: no secret can be seen. */
const LOCKED: ProfileForm = {
  ...TEST_PROFILE,
  sobot: TEST_PROFILE.sobot && { ...TEST_PROFILE.sobot, hasAppKey: false },
  callcenter: TEST_PROFILE.callcenter && { ...TEST_PROFILE.callcenter, hasAppSecret: false },
  udesk: TEST_PROFILE.udesk.map((account) => ({ ...account, hasApiToken: false })),
  keychainError: 'the OS keychain is not available: the collection is locked',
};

describe('a locked keychain', () => {
  it('shows "keychain unavailable" for every secret instead of "not stored", and says why', async () => {
    installFakeBackend({ settings: { language: 'en', theme: 'light' }, profiles: [LOCKED] });
    renderApp('/settings');
    const card = await screen.findByTestId('profile-card-profile-east', {}, { timeout: 5000 });
    for (const id of ['sobot-1', 'callcenter-1', 'udesk-1']) {
      expect(within(card).getByTestId(`secret-status-${id}`)).toHaveTextContent('Keychain unavailable');
    }
    expect(card).not.toHaveTextContent('No secret stored');
    const alert = within(card).getByTestId('keychain-unavailable-profile-east');
    expect(alert).toHaveTextContent('The OS keychain could not be read');
    expect(alert).toHaveTextContent('the collection is locked');
  });

  it('says so in Chinese too', async () => {
    installFakeBackend({ settings: { language: 'zh-CN', theme: 'dark' }, profiles: [LOCKED] });
    renderApp('/settings');
    const card = await screen.findByTestId('profile-card-profile-east', {}, { timeout: 5000 });
    expect(within(card).getByTestId('secret-status-sobot-1')).toHaveTextContent('钥匙串不可用');
    expect(within(card).getByTestId('keychain-unavailable-profile-east')).toHaveTextContent('无法读取操作系统钥匙串');
  });

  it('keeps showing stored secrets as stored when the keychain reads fine', async () => {
    installFakeBackend({ settings: { language: 'en', theme: 'light' }, profiles: [TEST_PROFILE] });
    renderApp('/settings');
    const card = await screen.findByTestId('profile-card-profile-east', {}, { timeout: 5000 });
    expect(within(card).getByTestId('secret-status-sobot-1')).toHaveTextContent('Secret in keychain');
    expect(within(card).queryByTestId('keychain-unavailable-profile-east')).not.toBeInTheDocument();
  });
});
