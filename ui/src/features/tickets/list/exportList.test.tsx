import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IpcError, TicketFilterInput } from '../../../bindings';
import { i18n } from '../../../i18n/setup';
import { installFakeBackend, tauriRejection } from '../../../test/fakeBackend';
import { renderWithProviders } from '../../../test/fakeTicketDetail';
import { ExportButton } from './ExportButton';
import { exportFileName, exportRequest } from './exportList';

const FILTER: TicketFilterInput = { connectionIds: ['sobot'], statuses: ['1'], text: '退款' };
const t = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');

describe('exporting the list', { timeout: 20_000 }, () => {
  it('asks for the list as shown: its filter, order, and columns in display order with their headers', () => {
    // 2026-12-07 18:31 in UTC+8 (getTimezoneOffset is -480 there).
    const now = { getTimezoneOffset: () => -480 } as Date;
    const request = exportRequest(t, 'en', FILTER, { sort: 'priority', ascending: false }, ['updated', 'title', 'number'], now);
    expect(request.filter).toBe(FILTER);
    expect(request.sort).toBe('priority');
    expect(request.ascending).toBe(false);
    expect(request.columns).toEqual([
      { field: 'number', header: 'Number' },
      { field: 'title', header: 'Title' },
      { field: 'updated', header: 'Updated' },
    ]);
    expect(request.language).toBe('en');
    expect(request.utcOffsetMinutes).toBe(480);
    expect(exportRequest(zh, 'zh-CN', FILTER, { sort: 'updatedAt', ascending: false }, ['title']).columns).toEqual([
      { field: 'title', header: '标题' },
    ]);
  });

  it('proposes a dated file name in the UI language', () => {
    const day = new Date(2026, 11, 7, 18, 31);
    expect(exportFileName(t, day)).toBe('tickets-2026-12-07.csv');
    expect(exportFileName(zh, day)).toBe('工单-2026-12-07.csv');
  });

  it('has Rust ask where and write, then says how many tickets went where', async () => {
    const backend = installFakeBackend({
      settings: { language: 'en', theme: 'light' },
      handlers: { export_ticket_list: () => ({ path: '/home/me/tickets-2026-12-07.csv', tickets: 6001 }) },
    });
    const { user } = renderWithProviders(
      <ExportButton profileId="p1" filter={FILTER} order={{ sort: 'updatedAt', ascending: false }} columns={['number', 'title']} />,
    );
    await user.click(await screen.findByRole('button', { name: 'Export to a CSV file (opens in Excel)' }));
    const done = await screen.findByTestId('list-export-done');
    expect(done).toHaveTextContent('6,001 tickets written to /home/me/tickets-2026-12-07.csv');
    const [call] = backend.calls.filter((recorded) => recorded.cmd === 'export_ticket_list');
    expect(call?.args).toMatchObject({
      profileId: 'p1',
      fileName: expect.stringMatching(/^tickets-\d{4}-\d{2}-\d{2}\.csv$/) as string,
      dialogTitle: 'Export tickets',
      request: { filter: FILTER, sort: 'updatedAt', columns: [{ field: 'number' }, { field: 'title' }] },
    });
  });

  it('says nothing when the user cancels the dialog, and names the path when writing fails', async () => {
    let failure: IpcError | null = null;
    installFakeBackend({
      settings: { language: 'en', theme: 'light' },
      handlers: { export_ticket_list: () => (failure === null ? null : tauriRejection(failure)) },
    });
    const { user } = renderWithProviders(
      <ExportButton profileId="p1" filter={FILTER} order={{ sort: 'updatedAt', ascending: false }} columns={['title']} />,
    );
    const button = await screen.findByTestId('list-export');
    await user.click(button);
    await waitFor(() => expect(button).not.toHaveAttribute('data-loading'));
    expect(screen.queryByTestId('list-export-done')).toBeNull();
    expect(screen.queryByTestId('list-export-failed')).toBeNull();

    failure = { code: 'storage', message: 'could not write /media/usb/list.csv: Read-only file system' };
    await user.click(button);
    const failed = await screen.findByTestId('list-export-failed');
    expect(failed).toHaveTextContent('The tickets could not be exported');
    expect(failed).toHaveTextContent('/media/usb/list.csv');
  });
});
