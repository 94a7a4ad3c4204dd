import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../bindings';
import { installFakeBackend, TEST_PROFILE } from '../../test/fakeBackend';
import { renderApp } from '../../test/renderApp';

const ACTIVE = { id: TEST_PROFILE.id, name: TEST_PROFILE.name, isDemo: false };

function row(id: number, patch: Partial<AuditRow> = {}): AuditRow {
  return {
    id: String(id),
    atMs: String(1_767_225_600_000 + id * 60_000),
    connectionId: 'sobot-1',
    action: 'ticket.reply',
    target: `T-${id}`,
    summary: '',
    ok: true,
    errorCode: null,
    errorMessage: null,
    ...patch,
  };
}

describe('the audit log in Settings', () => {
  it('lists recent entries with their connection, action, target and result, failures with code and message', async () => {
    installFakeBackend({
      settings: { language: 'en', theme: 'light' },
      profiles: [TEST_PROFILE],
      activeProfile: ACTIVE,
      auditLog: [
        row(2, {
          connectionId: 'udesk-1',
          action: 'ticket.assign',
          ok: false,
          errorCode: '2001',
          errorMessage: '账号已停用',
        }),
        row(1, { summary: 'public reply' }),
      ],
    });
    renderApp('/settings');
    const table = await screen.findByTestId('audit-table', {}, { timeout: 5000 });
    const failed = within(table).getByTestId('audit-row-2');
    expect(failed).toHaveTextContent('Udesk main');
    expect(failed).toHaveTextContent('ticket.assign');
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('Code 2001: 账号已停用');
    const done = within(table).getByTestId('audit-row-1');
    expect(done).toHaveTextContent('Sobot');
    expect(done).toHaveTextContent('T-1');
    expect(done).toHaveTextContent('public reply');
    expect(done).toHaveTextContent('Done');
  });

  it('says when nothing is recorded yet, in both languages', async () => {
    installFakeBackend({ settings: { language: 'zh-CN', theme: 'dark' }, profiles: [TEST_PROFILE], activeProfile: ACTIVE });
    renderApp('/settings');
    expect(await screen.findByTestId('audit-empty')).toHaveTextContent('暂无记录');
  });

  it('asks for a profile when none is active', async () => {
    installFakeBackend({ settings: { language: 'en', theme: 'light' } });
    renderApp('/settings');
    const section = await screen.findByTestId('settings-audit');
    expect(await within(section).findByText('Open a profile to see its audit log.')).toBeInTheDocument();
  });

  it('offers to try again when the log cannot be read', async () => {
    const backend = installFakeBackend({
      settings: { language: 'en', theme: 'light' },
      profiles: [TEST_PROFILE],
      activeProfile: ACTIVE,
      errors: { list_audit_log: { code: 'storage', message: 'disk I/O error' } },
    });
    const { user } = renderApp('/settings');
    const alert = await screen.findByTestId('audit-error');
    expect(alert).toHaveTextContent('The audit log could not be loaded.');
    delete backend.errors.list_audit_log;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('audit-empty')).toBeInTheDocument();
  });

  it('pages to older entries on request', async () => {
    const rows = Array.from({ length: 60 }, (_, index) => row(60 - index));
    const backend = installFakeBackend({
      settings: { language: 'en', theme: 'light' },
      profiles: [TEST_PROFILE],
      activeProfile: ACTIVE,
      auditLog: rows,
    });
    const { user } = renderApp('/settings');
    const table = await screen.findByTestId('audit-table', {}, { timeout: 5000 });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    await user.click(screen.getByTestId('audit-more'));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(61));
    expect(backend.callsTo('list_audit_log').map((call) => call.args?.beforeId)).toEqual([null, '11']);
    expect(screen.queryByTestId('audit-more')).not.toBeInTheDocument();
  });
});
