import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FieldIssue, ProfileForm } from '../../bindings';
import { i18n } from '../../i18n/setup';
import { installFakeBackend, TEST_PROFILE } from '../../test/fakeBackend';
import { renderApp } from '../../test/renderApp';

type Lang = 'en' | 'zh-CN';

function labels(lang: Lang = 'en') {
  const t = i18n.getFixedT(lang);
  return {
    name: t('profiles.form.name'),
    appid: t('profiles.form.sobot.appid'),
    appKey: t('profiles.form.sobot.appKey'),
    udeskName: t('profiles.form.udesk.name'),
    udeskBaseUrl: t('profiles.form.udesk.baseUrl'),
    udeskEmail: t('profiles.form.udesk.email'),
    udeskToken: t('profiles.form.udesk.apiToken'),
  };
}

/** The form field with this label inside `container` (the form, or one connection's fieldset). */
function field(container: HTMLElement, label: string): HTMLInputElement {
  return within(container).getByLabelText(label, { exact: false, selector: 'input' });
}

type User = ReturnType<typeof renderApp>['user'];

/** Types into a field at once (pasting), which keeps the long forms quick on a busy machine. */
async function fill(user: User, input: HTMLElement, value: string) {
  await user.click(input);
  await user.paste(value);
}

async function openNewProfileForm(user: User) {
  await user.click(await screen.findByTestId('profile-add'));
  return screen.findByTestId('profile-form');
}

function savedForms(backend: ReturnType<typeof installFakeBackend>): ProfileForm[] {
  return backend.callsTo('save_profile').map((call) => (call.args as { form: ProfileForm }).form);
}

// Whole-app renders with long forms: allow for a machine busy with Rust builds.
describe('Profiles and connections', { timeout: 20_000 }, () => {
  it('explains what a profile is when there is none, above Appearance', async () => {
    installFakeBackend({ settings: { language: 'en', theme: 'light' } });
    renderApp('/settings');
    const section = await screen.findByTestId('profiles-section');
    expect(await within(section).findByText('No profiles yet')).toBeInTheDocument();
    expect(within(section).getByText(/holds the connections Switchboard uses/)).toBeInTheDocument();
    expect(within(section).getByTestId('profile-add')).toHaveTextContent('Add a profile');
    const appearance = screen.getByTestId('settings-appearance');
    expect(section.compareDocumentPosition(appearance) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('creates a profile: validates, then saves the form with its secrets and empty ids', async () => {
    const backend = installFakeBackend({ settings: { language: 'en', theme: 'light' } });
    const { user } = renderApp('/settings');
    const form = await openNewProfileForm(user);
    const l = labels();

    await fill(user, field(form, l.name), 'East China team');
    await user.click(within(form).getByTestId('profile-add-sobot'));
    const sobot = within(form).getByTestId('profile-sobot');
    await fill(user, field(sobot, l.appid), 'app-123');
    await fill(user, field(sobot, l.appKey), 'sobot-secret-key');
    expect(within(sobot).getByText(/Save the profile first/)).toBeInTheDocument();
    await user.click(within(form).getByTestId('profile-add-udesk'));
    const udesk = within(form).getByTestId('profile-udesk-0');
    await fill(user, field(udesk, l.udeskName), 'Main');
    await fill(user, field(udesk, l.udeskBaseUrl), 'https://east.udesk.cn');
    await fill(user, field(udesk, l.udeskEmail), 'admin@east.example');
    await fill(user, field(udesk, l.udeskToken), 'udesk-secret-token');

    await user.click(screen.getByTestId('profile-save'));

    await waitFor(() => expect(backend.callsTo('save_profile')).toHaveLength(1));
    expect(backend.callsTo('validate_profile')).toHaveLength(1);
    const expected: ProfileForm = {
      id: '',
      name: 'East China team',
      sobot: {
        id: '',
        region: 'china',
        customBaseUrl: '',
        appid: 'app-123',
        appKey: 'sobot-secret-key',
        hasAppKey: false,
        language: 'zh',
        timezoneId: 'Asia/Shanghai',
        timeDialect: 'dateTime',
      },
      callcenter: null,
      udesk: [
        {
          id: '',
          name: 'Main',
          baseUrl: 'https://east.udesk.cn',
          email: 'admin@east.example',
          apiToken: 'udesk-secret-token',
          hasApiToken: false,
        },
      ],
      keychainError: null,
    };
    expect(backend.callsTo('validate_profile')[0]?.args).toEqual({ form: expected });
    expect(savedForms(backend)).toEqual([expected]);

    const saved = backend.profiles[0];
    expect(saved).toBeDefined();
    const card = await screen.findByTestId(`profile-card-${saved?.id}`);
    expect(screen.queryByTestId('profile-form')).not.toBeInTheDocument();
    expect(card).toHaveTextContent('East China team');
    expect(card).toHaveTextContent('www.sobot.com');
    expect(card).toHaveTextContent('Udesk · Main');
    expect(within(card).getAllByText('Secret in keychain')).toHaveLength(2);
    expect(card).not.toHaveTextContent('sobot-secret-key');
    // Nothing the user typed reached the log forwarder.
    expect(JSON.stringify(backend.callsTo('log_from_ui'))).not.toMatch(/secret-(key|token)/);
  });

  const ISSUES: FieldIssue[] = [
    { field: 'name', issue: 'required' },
    { field: 'sobot.appid', issue: 'required' },
    { field: 'udesk[1].email', issue: 'notAnEmail' },
    { field: 'udesk[0].apiToken', issue: 'required' },
    { field: 'udesk[0].baseUrl', issue: 'notAUrl' },
  ];
  const MESSAGES: Record<Lang, Record<string, string>> = {
    en: {
      required: 'Required.',
      notAnEmail: 'Enter an email address, such as admin@example.com.',
      secret: 'Required: nothing is stored in the keychain for this connection yet.',
      notAUrl: 'Enter a full address starting with https:// (or http://).',
      summary: '5 fields need attention before the profile can be saved.',
    },
    'zh-CN': {
      required: '必填。',
      notAnEmail: '请输入邮箱地址，例如 admin@example.com。',
      secret: '必填：钥匙串中还没有保存此连接的密钥。',
      notAUrl: '请输入以 https://（或 http://）开头的完整地址。',
      summary: '有 5 个字段需要修改后才能保存档案。',
    },
  };

  it.each(['en', 'zh-CN'] as const)(
    'shows each issue from validateProfile under its field (%s) and saves nothing',
    async (lang) => {
      const backend = installFakeBackend({ settings: { language: lang, theme: 'light' }, validationIssues: ISSUES });
      const { user } = renderApp('/settings');
      await waitFor(() => expect(document.documentElement.lang).toBe(lang));
      const form = await openNewProfileForm(user);
      const l = labels(lang);
      const m = MESSAGES[lang];
      await user.click(within(form).getByTestId('profile-add-sobot'));
      await user.click(within(form).getByTestId('profile-add-udesk'));
      await user.click(within(form).getByTestId('profile-add-udesk'));
      await fill(user, field(within(form).getByTestId('profile-udesk-1'), l.udeskEmail), 'not-an-email');

      await user.click(screen.getByTestId('profile-save'));

      expect(await screen.findByTestId('profile-form-issues')).toHaveTextContent(m.summary ?? '');
      const first = within(form).getByTestId('profile-udesk-0');
      const second = within(form).getByTestId('profile-udesk-1');
      expect(field(form, l.name)).toHaveAccessibleDescription(expect.stringContaining(m.required ?? '') as string);
      expect(field(within(form).getByTestId('profile-sobot'), l.appid)).toHaveAccessibleDescription(
        expect.stringContaining(m.required ?? '') as string,
      );
      expect(field(second, l.udeskEmail)).toHaveAccessibleDescription(
        expect.stringContaining(m.notAnEmail ?? '') as string,
      );
      expect(field(first, l.udeskEmail)).not.toHaveAttribute('aria-invalid', 'true');
      expect(field(first, l.udeskToken)).toHaveAccessibleDescription(expect.stringContaining(m.secret ?? '') as string);
      expect(field(first, l.udeskBaseUrl)).toHaveAccessibleDescription(
        expect.stringContaining(m.notAUrl ?? '') as string,
      );
      expect(field(second, l.udeskToken)).not.toHaveAttribute('aria-invalid', 'true');
      expect(backend.callsTo('validate_profile')).toHaveLength(1);
      expect(backend.callsTo('save_profile')).toHaveLength(0);
      expect(backend.profiles).toEqual([]);
      // What was typed is still there.
      expect(field(second, l.udeskEmail)).toHaveValue('not-an-email');
    },
  );

  it('clears an issue when its field is edited, and removing an account moves the issues of the next one', async () => {
    installFakeBackend({
      settings: { language: 'en', theme: 'light' },
      validationIssues: [
        { field: 'udesk[0].name', issue: 'required' },
        { field: 'udesk[1].email', issue: 'duplicate' },
      ],
    });
    const { user } = renderApp('/settings');
    const form = await openNewProfileForm(user);
    await user.click(within(form).getByTestId('profile-add-udesk'));
    await user.click(within(form).getByTestId('profile-add-udesk'));
    await user.click(screen.getByTestId('profile-save'));
    await screen.findByTestId('profile-form-issues');

    await user.click(within(form).getByTestId('profile-udesk-0-remove'));
    const remaining = within(form).getByTestId('profile-udesk-0');
    const email = field(remaining, 'Admin email');
    expect(email).toHaveAccessibleDescription(
      expect.stringContaining('Another Udesk account of this profile has the same address and email.') as string,
    );
    await fill(user, email, 'x');
    expect(email).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('editing keeps every secret null unless it is replaced, and keeps the ids', async () => {
    const backend = installFakeBackend({ settings: { language: 'en', theme: 'light' }, profiles: [TEST_PROFILE] });
    const { user } = renderApp('/settings');
    await user.click(await screen.findByTestId('profile-edit-profile-east'));
    const form = await screen.findByTestId('profile-form');
    expect(within(form).getAllByText('Stored in the OS keychain')).toHaveLength(3);
    expect(within(form).queryByTestId('secret-input-sobot.appKey')).not.toBeInTheDocument();

    await user.clear(field(form, 'Profile name'));
    await fill(user, field(form, 'Profile name'), 'East team');
    // Replace the Udesk token; start replacing the app key, then keep the stored one after all.
    await user.click(within(form).getByTestId('secret-replace-udesk[0].apiToken'));
    await fill(user, field(within(form).getByTestId('profile-udesk-0'), 'API token'), 'new-udesk-token');
    await user.click(within(form).getByTestId('secret-replace-sobot.appKey'));
    await fill(user, field(within(form).getByTestId('profile-sobot'), 'App key'), 'abandoned');
    await user.click(within(form).getByTestId('secret-keep-sobot.appKey'));
    expect(within(form).getByTestId('secret-stored-sobot.appKey')).toBeInTheDocument();

    await user.click(screen.getByTestId('profile-save'));

    await waitFor(() => expect(backend.callsTo('save_profile')).toHaveLength(1));
    const [sent] = savedForms(backend);
    expect(sent).toEqual({
      ...TEST_PROFILE,
      name: 'East team',
      sobot: { ...TEST_PROFILE.sobot, appKey: null },
      callcenter: { ...TEST_PROFILE.callcenter, appSecret: null },
      udesk: [{ ...TEST_PROFILE.udesk[0], apiToken: 'new-udesk-token' }],
    });
    expect(await screen.findByTestId('profile-card-profile-east')).toHaveTextContent('East team');
  });

  it('asks before deleting, naming the profile and its keychain entries, then calls deleteProfile', async () => {
    const backend = installFakeBackend({ settings: { language: 'en', theme: 'light' }, profiles: [TEST_PROFILE] });
    const { user } = renderApp('/settings');
    await user.click(await screen.findByTestId('profile-delete-profile-east'));
    const modal = await screen.findByTestId('profile-delete-modal');
    expect(modal).toHaveTextContent('Delete the profile “East China team” and all its connections?');
    expect(modal).toHaveTextContent('removed from the OS keychain too');

    await user.click(within(modal).getByTestId('profile-delete-cancel'));
    await waitFor(() => expect(screen.queryByTestId('profile-delete-modal')).not.toBeInTheDocument());
    expect(backend.callsTo('delete_profile')).toHaveLength(0);

    await user.click(screen.getByTestId('profile-delete-profile-east'));
    await user.click(await screen.findByTestId('profile-delete-confirm'));

    await waitFor(() => expect(backend.callsTo('delete_profile').map((call) => call.args)).toEqual([{ id: 'profile-east' }]));
    expect(await screen.findByText('No profiles yet')).toBeInTheDocument();
    expect(screen.queryByTestId('profile-card-profile-east')).not.toBeInTheDocument();
  });

  it('explains a failed connection test: a rejected signature, and a vendor error with its code and message', async () => {
    const backend = installFakeBackend({
      settings: { language: 'en', theme: 'light' },
      profiles: [TEST_PROFILE],
      connectionTests: {
        'sobot-1': { ok: false, problem: 'signatureRejected', vendorCode: null, message: 'sign mismatch' },
        'udesk-1': { ok: false, problem: 'vendor', vendorCode: '2001', message: '账号已停用' },
        'callcenter-1': { ok: false, problem: 'clockSkew', vendorCode: '401', message: 'sign invalid' },
      },
    });
    const { user } = renderApp('/settings');
    const card = await screen.findByTestId('profile-card-profile-east');

    await user.click(within(card).getByTestId('connection-test-sobot-1'));
    const sobot = await within(card).findByTestId('connection-test-result-sobot-1');
    expect(sobot).toHaveTextContent('Signature rejected');
    expect(sobot).toHaveTextContent("Either the app key is wrong, or this computer's clock is off");
    expect(sobot).toHaveTextContent('Details: sign mismatch');

    await user.click(within(card).getByTestId('connection-test-udesk-1'));
    const udesk = await within(card).findByTestId('connection-test-result-udesk-1');
    expect(udesk).toHaveTextContent('Udesk returned an error');
    expect(udesk).toHaveTextContent('Error code 2001: 账号已停用');

    expect(backend.callsTo('test_connection').map((call) => call.args)).toEqual([
      { profileId: 'profile-east', connectionId: 'sobot-1' },
      { profileId: 'profile-east', connectionId: 'udesk-1' },
    ]);

    await user.click(within(card).getByTestId('connection-test-callcenter-1'));
    const callcenter = await within(card).findByTestId('connection-test-result-callcenter-1');
    expect(callcenter).toHaveTextContent('Clock out of sync');
    expect(backend.callsTo('test_connection').at(-1)?.args).toEqual({
      profileId: 'profile-east',
      connectionId: 'callcenter-1',
    });
  });

  it('explains a test result in Chinese, and a passing test', async () => {
    installFakeBackend({
      settings: { language: 'zh-CN', theme: 'light' },
      profiles: [TEST_PROFILE],
      connectionTests: {
        'sobot-1': { ok: false, problem: 'signatureRejected', vendorCode: null, message: 'sign mismatch' },
      },
    });
    const { user } = renderApp('/settings');
    const card = await screen.findByTestId('profile-card-profile-east');
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));

    await user.click(within(card).getByTestId('connection-test-sobot-1'));
    const sobot = await within(card).findByTestId('connection-test-result-sobot-1');
    expect(sobot).toHaveTextContent('签名被拒绝');
    expect(sobot).toHaveTextContent('也可能是本机时钟不准');
    expect(sobot).toHaveTextContent('详细信息：sign mismatch');

    await user.click(within(card).getByTestId('connection-test-udesk-1'));
    expect(await within(card).findByTestId('connection-test-result-udesk-1')).toHaveTextContent('连接正常');
  });

  it('shows the keychain notification when saving fails, and keeps everything that was typed', async () => {
    const backend = installFakeBackend({
      settings: { language: 'en', theme: 'light' },
      errors: { save_profile: { code: 'keychainUnavailable', message: 'Secret Service is locked' } },
    });
    const { user } = renderApp('/settings');
    const form = await openNewProfileForm(user);
    await fill(user, field(form, 'Profile name'), 'Night shift');
    await user.click(within(form).getByTestId('profile-add-udesk'));
    const udesk = within(form).getByTestId('profile-udesk-0');
    await fill(user, field(udesk, 'Account name'), 'Night');
    await fill(user, field(udesk, 'Address'), 'https://night.udesk.cn');
    await fill(user, field(udesk, 'Admin email'), 'night@night.example');
    await fill(user, field(udesk, 'API token'), 'night-token');

    await user.click(screen.getByTestId('profile-save'));

    const notice = await screen.findByTestId('error-notification');
    expect(notice).toHaveTextContent('OS keychain unavailable');
    expect(notice).toHaveTextContent('it is locked or not set up');
    expect(notice).toHaveTextContent('Secrets are never stored anywhere else. (Secret Service is locked)');
    expect(screen.getByTestId('profile-save-failed')).toBeInTheDocument();
    expect(screen.getByTestId('profile-form')).toBeInTheDocument();
    expect(field(form, 'Profile name')).toHaveValue('Night shift');
    expect(field(udesk, 'Account name')).toHaveValue('Night');
    expect(field(udesk, 'Address')).toHaveValue('https://night.udesk.cn');
    expect(field(udesk, 'Admin email')).toHaveValue('night@night.example');
    expect(field(udesk, 'API token')).toHaveValue('night-token');
    expect(backend.profiles).toEqual([]);

    // Once the keychain is back, the same entries save.
    delete backend.errors.save_profile;
    await user.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(backend.profiles).toHaveLength(1));
    expect(savedForms(backend)[1]?.udesk[0]?.apiToken).toBe('night-token');
    expect(JSON.stringify(backend.callsTo('log_from_ui'))).not.toContain('night-token');
  });

  it('offers to try again when the profiles could not be loaded', async () => {
    const backend = installFakeBackend({
      settings: { language: 'en', theme: 'light' },
      errors: { list_profiles: { code: 'storage', message: 'profiles.toml unreadable' } },
    });
    const { user } = renderApp('/settings');
    expect(await screen.findByText('Profiles could not be loaded.')).toBeInTheDocument();
    expect(await screen.findByTestId('error-notification')).toHaveTextContent('profiles.toml unreadable');
    delete backend.errors.list_profiles;
    backend.profiles = [TEST_PROFILE];
    await user.click(within(screen.getByTestId('profiles-load-failed')).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('profile-card-profile-east')).toBeInTheDocument();
  });

  it('suggests the time format of the region until the user picks one', async () => {
    installFakeBackend({ settings: { language: 'en', theme: 'light' } });
    const { user } = renderApp('/settings');
    const form = await openNewProfileForm(user);
    await user.click(within(form).getByTestId('profile-add-sobot'));
    const sobot = within(form).getByTestId('profile-sobot');
    expect(within(sobot).getByRole('radio', { name: /Date-time strings/ })).toBeChecked();
    await user.click(within(within(sobot).getByTestId('profile-sobot-region')).getByText('Singapore'));
    expect(within(sobot).getByRole('radio', { name: /Epoch milliseconds/ })).toBeChecked();
    expect(sobot).toHaveTextContent('API host: sg.sobot.io');
    await user.click(within(within(sobot).getByTestId('profile-sobot-region')).getByText('Custom'));
    expect(field(sobot, 'API address')).toBeInTheDocument();
    await user.click(within(sobot).getByRole('radio', { name: /Date-time strings/ }));
    await user.click(within(within(sobot).getByTestId('profile-sobot-region')).getByText('United States'));
    expect(within(sobot).getByRole('radio', { name: /Date-time strings/ })).toBeChecked();
  });
});
