import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UploadProgressView } from '../../../bindings';
import { i18n } from '../../../i18n/setup';
import { installFakeBackend } from '../../../test/fakeBackend';
import { fakeTicketDetail, PROFILE_ID, renderWithProviders } from '../../../test/fakeTicketDetail';
import { TicketDetail } from '../detail/TicketDetail';
import { AttachmentList, uploadProblemText, uploadProgressText } from './AttachmentList';
import { attachPaths, fileNameOf } from './useAttachments';

type DropPayload =
  | { type: 'enter'; paths: string[]; position: { x: number; y: number } }
  | { type: 'over'; position: { x: number; y: number } }
  | { type: 'drop'; paths: string[]; position: { x: number; y: number } }
  | { type: 'leave' };

const drop = vi.hoisted(() => ({
  handler: null as null | ((event: { payload: DropPayload }) => void),
  unlistened: 0,
}));
vi.mock('@tauri-apps/api/webview', () => ({
  getCurrentWebview: () => ({
    onDragDropEvent: (handler: (event: { payload: DropPayload }) => void) => {
      drop.handler = handler;
      return Promise.resolve(() => {
        drop.handler = null;
        drop.unlistened += 1;
      });
    },
  }),
}));
const dialog = vi.hoisted(() => ({ open: vi.fn() }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ open: dialog.open }));

const position = { x: 10, y: 10 };

function emit(payload: DropPayload) {
  act(() => drop.handler?.({ payload }));
}

function setup(uploads: Parameters<typeof fakeTicketDetail>[0] = {}) {
  const fake = fakeTicketDetail(uploads);
  const backend = installFakeBackend({ settings: { language: 'en', theme: 'light' }, handlers: fake.handlers });
  const view = renderWithProviders(
    <TicketDetail profileId={PROFILE_ID} connectionId="sobot-1" ticketId="t-100" onClose={() => undefined} />,
  );
  return { ...view, ...fake, backend };
}

describe('attachments', { timeout: 20_000 }, () => {
  beforeEach(() => {
    dialog.open.mockReset();
  });

  it('routes files dropped on the window to the upload command, by path, with an overlay while dragging', async () => {
    const { backend } = setup();
    await screen.findByTestId('ticket-detail');
    await waitFor(() => expect(drop.handler).not.toBeNull());

    emit({ type: 'enter', paths: ['/tmp/合同.pdf'], position });
    expect(await screen.findByTestId('drop-overlay')).toHaveTextContent('Drop files to attach them to ticket #20260304000100');
    emit({ type: 'over', position });
    emit({ type: 'drop', paths: ['/tmp/合同.pdf', 'C:\\Users\\li\\截图 1.png'], position });
    await waitFor(() => expect(screen.queryByTestId('drop-overlay')).toBeNull());

    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === 'upload_ticket_files')).toHaveLength(1));
    const args = backend.calls.find((c) => c.cmd === 'upload_ticket_files')?.args as Record<string, unknown>;
    expect(args).toMatchObject({
      profileId: PROFILE_ID,
      connectionId: 'sobot-1',
      ticketId: 't-100',
      paths: ['/tmp/合同.pdf', 'C:\\Users\\li\\截图 1.png'],
    });
    const names = (await screen.findAllByTestId('attachment-name')).map((el) => el.textContent);
    expect(names).toEqual(['合同.pdf', '截图 1.png']);
  });

  it('hides the overlay when the drag leaves', async () => {
    setup();
    await screen.findByTestId('ticket-detail');
    await waitFor(() => expect(drop.handler).not.toBeNull());
    emit({ type: 'enter', paths: ['/tmp/a.txt'], position });
    expect(await screen.findByTestId('drop-overlay')).toBeInTheDocument();
    emit({ type: 'leave' });
    await waitFor(() => expect(screen.queryByTestId('drop-overlay')).toBeNull());
  });

  it('shows each file: uploaded, too large with sizes, type not allowed, empty, missing, failed; and removes one', async () => {
    dialog.open.mockResolvedValueOnce(['/f/ok.pdf', '/f/big.mov', '/f/run.exe', '/f/empty.txt', '/f/gone.doc', '/f/fail.png']);
    const { user, backend } = setup({
      uploads: {
        'big.mov': { state: 'rejected', problem: { kind: 'tooLarge', size: 31_457_280, max: 20_971_520 } },
        'run.exe': { state: 'rejected', problem: { kind: 'typeNotAllowed', extension: 'exe' } },
        'empty.txt': { state: 'rejected', problem: { kind: 'empty' } },
        'gone.doc': { state: 'rejected', problem: { kind: 'notFound' } },
        'fail.png': { state: 'failed', vendorCode: '900001', message: 'storage full' },
      },
    });
    await screen.findByTestId('ticket-detail');
    await user.click(screen.getByRole('button', { name: 'Attach files' }));
    await waitFor(() => expect(screen.getAllByTestId('attachment-item')).toHaveLength(6));
    const rows = screen.getAllByTestId('attachment-item');
    expect(rows.map((row) => row.getAttribute('data-state'))).toEqual([
      'uploaded',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'failed',
    ]);
    expect(rows[1]).toHaveTextContent('Too large: 30 MB (the limit is 20 MB).');
    expect(rows[2]).toHaveTextContent('The vendor does not accept .exe.');
    expect(rows[3]).toHaveTextContent('The file is empty.');
    expect(rows[4]).toHaveTextContent('The file was not found.');
    expect(rows[5]).toHaveTextContent('Upload failed (900001): storage full');

    await user.click(within(rows[1]!).getByRole('button', { name: 'Remove big.mov' }));
    expect(screen.getAllByTestId('attachment-item')).toHaveLength(5);

    await user.click(screen.getByRole('textbox', { name: 'Reply text' }));
    await user.paste('see file');
    await user.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'reply_to_ticket')).toBe(true));
    const reply = (backend.calls.find((c) => c.cmd === 'reply_to_ticket')?.args as { reply: { attachments: string[] } }).reply;
    expect(reply.attachments).toEqual(['ref:ok.pdf']);
  });

  it('shows the reasons in Chinese', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(
      uploadProblemText(t, { state: 'rejected', problem: { kind: 'tooLarge', size: 31_457_280, max: 20_971_520 } }, 'zh-CN'),
    ).toMatch(/^文件过大：30.*MB（上限 20.*MB）。$/);
    expect(uploadProblemText(t, { state: 'rejected', problem: { kind: 'typeNotAllowed', extension: 'exe' } }, 'zh-CN')).toBe(
      '服务商不接受 .exe 文件。',
    );
    expect(uploadProblemText(t, { state: 'uploaded', reference: 'x' }, 'zh-CN')).toBeNull();
  });

  it('shows how much of a file being uploaded has been sent, with a bar, until it is uploaded', () => {
    const item = { key: 'b1:0', path: '/x/录音.mp3', name: '录音.mp3', size: 2_097_152 };
    const view = renderWithProviders(
      <AttachmentList items={[{ ...item, state: { state: 'uploading', sent: 524_288 } }]} onRemove={() => {}} />,
    );
    expect(screen.getByTestId('attachment-size')).toHaveTextContent(/^25% · 512 kB of 2 MB sent$/);
    expect(screen.getByRole('progressbar', { name: 'Uploading 录音.mp3' })).toHaveAttribute('aria-valuenow', '25');
    view.unmount();
    renderWithProviders(
      <AttachmentList items={[{ ...item, state: { state: 'uploaded', reference: 'ref' } }]} onRemove={() => {}} />,
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByTestId('attachment-size')).toHaveTextContent(/^2 MB$/);
  });

  it('words upload progress in Chinese and says nothing once a file is no longer being sent', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(uploadProgressText(t, { state: 'uploading', sent: 1_048_576 }, 4_194_304, 'zh-CN')).toMatch(
      /^已上传 25%（1.*MB \/ 4.*MB）$/,
    );
    expect(uploadProgressText(t, { state: 'uploading', sent: 0 }, null, 'zh-CN')).toBeNull();
    expect(uploadProgressText(t, { state: 'uploaded', reference: 'r' }, 10, 'zh-CN')).toBeNull();
  });

  it('attachPaths streams progress from Rust and returns where each file ended', async () => {
    const fake = fakeTicketDetail();
    installFakeBackend({ handlers: fake.handlers });
    const seen: UploadProgressView[] = [];
    const outcomes = await attachPaths(
      { profileId: PROFILE_ID, connectionId: 'sobot-1', ticketId: null },
      ['/x/报价.xlsx'],
      (progress) => seen.push(progress),
    );
    expect(seen.map((p) => p.state)).toEqual([
      { state: 'uploading', sent: 0 },
      { state: 'uploading', sent: 512 },
      { state: 'uploaded', reference: 'ref:报价.xlsx' },
    ]);
    expect(outcomes[0]?.state).toEqual({ state: 'uploaded', reference: 'ref:报价.xlsx' });
    expect(fileNameOf('C:\\Users\\王\\报告.docx')).toBe('报告.docx');
  });
});
