import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../i18n/setup';
import { CommandError } from '../../../lib/ipc';
import { installFakeBackend } from '../../../test/fakeBackend';
import { fakeTicketDetail, PROFILE_ID, renderWithProviders } from '../../../test/fakeTicketDetail';
import { defaultFileName, progressText, saveFailureText } from './saveAttachment';
import { TicketDetail } from './TicketDetail';

vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn() }));
vi.mock('@tauri-apps/plugin-opener', () => ({ openUrl: vi.fn(() => Promise.resolve()) }));
vi.mock('@tauri-apps/api/webview', () => ({
  getCurrentWebview: () => ({ onDragDropEvent: () => Promise.resolve(() => undefined) }),
}));

const INVOICE_URL = 'https://files.sobot.example/inv.pdf';

function setup(initial: Parameters<typeof fakeTicketDetail>[0] = {}) {
  const fake = fakeTicketDetail(initial);
  const backend = installFakeBackend({ settings: { language: 'en', theme: 'light' }, handlers: fake.handlers });
  const view = renderWithProviders(
    <TicketDetail profileId={PROFILE_ID} connectionId="sobot-1" ticketId="t-100" onClose={() => undefined} />,
  );
  return { ...view, ...fake, backend };
}

async function invoiceSaveButton() {
  const content = await screen.findByTestId('ticket-content');
  return within(content).getByRole('button', { name: 'Save 发票.pdf' });
}

describe('saving an attachment', { timeout: 20_000 }, () => {
  it('has Rust ask where with the attachment name proposed, then says where it went', async () => {
    const { user, state } = setup({ saveDestination: '/home/me/Downloads/发票.pdf' });
    await user.click(await invoiceSaveButton());
    const done = await screen.findByTestId('save-attachment-done');
    expect(done).toHaveTextContent('Saved 发票.pdf');
    expect(done).toHaveTextContent('/home/me/Downloads/发票.pdf');
    expect(done).toHaveTextContent('2 kB');
    expect(state.saved).toEqual([{ url: INVOICE_URL, fileName: '发票.pdf', destination: '/home/me/Downloads/发票.pdf' }]);
  });

  it('passes the localized dialog title and shows nothing when the dialog is cancelled', async () => {
    const { user, backend } = setup({ saveDestination: null });
    await user.click(await invoiceSaveButton());
    await waitFor(() => expect(backend.calls.some((call) => call.cmd === 'save_attachment')).toBe(true));
    const call = backend.calls.find((c) => c.cmd === 'save_attachment');
    expect(call?.args).toMatchObject({ url: INVOICE_URL, fileName: '发票.pdf', dialogTitle: 'Save attachment' });
    await waitFor(() => expect(screen.getByTestId('ticket-attachment-save')).not.toBeDisabled());
    expect(screen.queryByTestId('save-attachment-progress')).toBeNull();
    expect(screen.queryByTestId('save-attachment-done')).toBeNull();
  });

  it('says the vendor no longer has the file when the link is gone, naming the file', async () => {
    const { user } = setup({
      failOnce: {
        save_attachment: { code: 'notFound', what: 'attachment', message: 'files.sobot.example answered HTTP 404: NoSuchKey' },
      },
    });
    await user.click(await invoiceSaveButton());
    const failed = await screen.findByTestId('save-attachment-failed');
    expect(failed).toHaveTextContent('发票.pdf was not saved');
    expect(failed).toHaveTextContent('no longer serves this file');
    expect(failed).toHaveTextContent('HTTP 404');
  });

  it('saves from the attachment dialog too', async () => {
    const { user, state } = setup({ saveDestination: '/tmp/inv.pdf' });
    const content = await screen.findByTestId('ticket-content');
    await user.click(within(content).getByTestId('ticket-attachment'));
    await user.click(await screen.findByTestId('external-link-save'));
    await screen.findByTestId('save-attachment-done');
    expect(state.saved).toEqual([{ url: INVOICE_URL, fileName: '发票.pdf', destination: '/tmp/inv.pdf' }]);
    await waitFor(() => expect(screen.queryByTestId('external-link-url')).toBeNull());
  });
});

describe('defaultFileName', () => {
  it('keeps a Chinese name and replaces characters file systems refuse', () => {
    expect(defaultFileName({ url: 'https://x.cn/a', name: '退款凭证.png' })).toBe('退款凭证.png');
    expect(defaultFileName({ url: 'https://x.cn/a', name: 'a/b:c?.txt' })).toBe('a_b_c_.txt');
    expect(defaultFileName({ url: 'https://x.cn/a', name: '..hidden' })).toBe('hidden');
  });

  it('falls back to the last part of the link, then to "attachment"', () => {
    expect(defaultFileName({ url: 'https://x.cn/files/%E5%8F%91%E7%A5%A8.pdf', name: ' ' })).toBe('发票.pdf');
    expect(defaultFileName({ url: 'not a link', name: '' })).toBe('attachment');
  });
});

describe('saveFailureText', () => {
  const t = i18n.getFixedT('en');

  it('says a file that could not be written left what was there unchanged, with the path', () => {
    const error = new CommandError({ code: 'storage', message: 'could not write /x/y.pdf: disk full' });
    const text = saveFailureText(t, error);
    expect(text).toContain('/x/y.pdf');
    expect(text).toContain('unchanged');
    expect(text).toContain('disk full');
  });

  it('says an interrupted download saved nothing', () => {
    const error = new CommandError({ code: 'network', message: 'downloading from x failed: timed out' });
    expect(saveFailureText(t, error)).toContain('nothing was saved');
  });
});

describe('progressText', () => {
  it('shows the share done when the size is known, else the bytes received', () => {
    const t = i18n.getFixedT('en');
    expect(progressText(t, { received: 512 * 1024, total: 2 * 1024 * 1024 }, 'en')).toBe('25% · 512 kB of 2 MB');
    expect(progressText(t, { received: 2048, total: null }, 'en')).toBe('2 kB received');
  });
});
