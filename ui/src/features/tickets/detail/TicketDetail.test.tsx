import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReplyInputView, TicketChangeInput } from '../../../bindings';
import { i18n } from '../../../i18n/setup';
import { installFakeBackend } from '../../../test/fakeBackend';
import {
  fakeTicketDetail,
  PROFILE_ID,
  renderWithProviders,
  sobotCatalog,
  T0,
  ticketDetail,
  udeskCatalog,
} from '../../../test/fakeTicketDetail';
import { TicketDetail } from './TicketDetail';

const dialog = vi.hoisted(() => ({ open: vi.fn() }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ open: dialog.open }));
const opener = vi.hoisted(() => ({ openUrl: vi.fn(() => Promise.resolve()) }));
vi.mock('@tauri-apps/plugin-opener', () => ({ openUrl: opener.openUrl }));
vi.mock('@tauri-apps/api/webview', () => ({
  getCurrentWebview: () => ({ onDragDropEvent: () => Promise.resolve(() => undefined) }),
}));

const VERSION = T0 + 7_200_000;

function setup(initial: Parameters<typeof fakeTicketDetail>[0] = {}, connectionId = 'sobot-1') {
  const fake = fakeTicketDetail(initial);
  const backend = installFakeBackend({ settings: { language: 'en', theme: 'light' }, handlers: fake.handlers });
  const onClose = vi.fn();
  const view = renderWithProviders(
    <TicketDetail profileId={PROFILE_ID} connectionId={connectionId} ticketId="t-100" onClose={onClose} />,
  );
  return { ...view, ...fake, backend, onClose };
}

async function ready() {
  return screen.findByTestId('ticket-detail');
}

type Call = { args?: Record<string, unknown> };
const argsOf = (call: Call | undefined) => call?.args as Record<string, unknown>;

async function chooseOption(user: ReturnType<typeof setup>['user'], testId: string, option: string) {
  await user.click(screen.getByTestId(testId));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('TicketDetail', { timeout: 20_000 }, () => {
  beforeEach(() => {
    dialog.open.mockReset();
  });

  it('shows a skeleton, then the ticket: properties, sanitized content, distinct internal notes, customer, history', async () => {
    const { user } = setup({
      detail: ticketDetail({
        contentHtml: '<p onclick="x()">Hello <b>there</b><script>alert(1)</script></p><img src="y" onerror="alert(2)"><a href="javascript:alert(3)">bad</a>',
      }),
    });
    expect(screen.getByTestId('ticket-detail-loading')).toBeInTheDocument();
    const detail = await ready();
    expect(within(detail).getByTestId('ticket-detail-number')).toHaveTextContent('#20260304000100');
    expect(within(detail).getByTestId('ticket-detail-title')).toHaveTextContent('退货申请：订单 8812');
    expect(screen.getByTestId('detail-status')).toHaveValue('In progress');
    expect(screen.getByTestId('detail-priority')).toHaveValue('Medium');
    expect(screen.getByTestId('detail-assignee')).toHaveValue('王芳');
    expect(screen.getByTestId('detail-group')).toHaveValue('一线客服');

    const content = within(detail).getByTestId('ticket-content');
    expect(content.querySelector('b')).toHaveTextContent('there');
    expect(content.innerHTML).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(content.querySelector('img')).toBeNull();

    const replies = within(detail).getAllByTestId('ticket-reply');
    expect(replies).toHaveLength(2);
    expect(replies[0]).toHaveAttribute('data-internal', 'false');
    expect(replies[1]).toHaveAttribute('data-internal', 'true');
    expect(within(replies[1]!).getByText('Internal note')).toBeInTheDocument();

    await user.click(screen.getByTestId('tab-info'));
    const customer = await screen.findByTestId('ticket-customer');
    expect(customer).toHaveTextContent('陈先生');
    expect(customer).toHaveTextContent('13800000000');
    expect(customer).toHaveTextContent('chen@example.cn');
    expect(within(customer).getByTestId('customer-profile-link')).toHaveAttribute('href', '#/customers/sobot-1/cust-9');
    expect(screen.getByTestId('ticket-satisfaction')).toHaveTextContent('处理很快');
    expect(screen.getByTestId('ticket-custom-fields')).toHaveTextContent('8812');

    await user.click(screen.getByTestId('tab-history'));
    expect(await screen.findByTestId('ticket-history')).toHaveTextContent('Status: New → In progress');
  });

  it('opens links and attachments in the browser from a dialog, never in the app window', async () => {
    const { user } = setup({ detail: ticketDetail({ contentHtml: '<a href="https://help.example/x">help</a>' }) });
    await ready();
    await user.click(screen.getByText('help'));
    expect(await screen.findByTestId('external-link-url')).toHaveTextContent('https://help.example/x');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('external-link-url')).toBeNull());
    await user.click(screen.getByText(/发票\.pdf/));
    expect(await screen.findByTestId('external-link-url')).toHaveTextContent('https://files.sobot.example/inv.pdf');
    await user.click(screen.getByTestId('external-link-open'));
    expect(opener.openUrl).toHaveBeenCalledWith('https://files.sobot.example/inv.pdf');
    await waitFor(() => expect(screen.queryByTestId('external-link-url')).toBeNull());
  });

  it('never offers to open a link that is not http or https', async () => {
    const { user } = setup({ detail: ticketDetail({ contentHtml: '<a href="mailto:a@b.cn">mail</a>' }) });
    await ready();
    await user.click(screen.getByText('mail'));
    expect(await screen.findByTestId('external-link-url')).toHaveTextContent('mailto:a@b.cn');
    expect(screen.queryByTestId('external-link-open')).toBeNull();
  });

  it('shows a designed empty state when nobody replied yet', async () => {
    setup({ detail: ticketDetail({ replies: [] }) });
    expect(await screen.findByTestId('replies-empty')).toHaveTextContent('No replies yet');
  });

  it('shows an error with a retry that loads the ticket', async () => {
    const { user, backend } = setup({ failOnce: { get_ticket_detail: { code: 'network', message: 'timed out' } } });
    const error = await screen.findByTestId('ticket-detail-error');
    expect(error).toHaveTextContent('The ticket could not be loaded');
    await user.click(within(error).getByTestId('ticket-detail-retry'));
    await ready();
    expect(backend.calls.filter((c) => c.cmd === 'get_ticket_detail')).toHaveLength(2);
  });

  it('sends a reply with its text, uploaded attachments and the version on screen', async () => {
    dialog.open.mockResolvedValueOnce(['/home/u/报价单.xlsx', '/home/u/photo.png']);
    const { user, backend } = setup();
    await ready();
    await user.click(screen.getByRole('textbox', { name: 'Reply text' }));
    await user.paste('Refund approved.\nThanks!');
    await user.click(screen.getByRole('button', { name: 'Attach files' }));
    const items = await screen.findAllByTestId('attachment-item');
    expect(items.map((el) => el.getAttribute('data-state'))).toEqual(['uploaded', 'uploaded']);
    expect(screen.getAllByTestId('attachment-name')[0]).toHaveTextContent('报价单.xlsx');

    await user.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === 'reply_to_ticket')).toHaveLength(1));
    const call = argsOf(backend.calls.find((c) => c.cmd === 'reply_to_ticket'));
    expect(call.seenVersion).toBe(VERSION);
    expect(call.reply).toEqual({
      content: 'Refund approved.<br>Thanks!',
      internal: false,
      attachments: ['ref:报价单.xlsx', 'ref:photo.png'],
    });
    const upload = argsOf(backend.calls.find((c) => c.cmd === 'upload_ticket_files'));
    expect(upload.paths).toEqual(['/home/u/报价单.xlsx', '/home/u/photo.png']);
    expect(upload.ticketId).toBe('t-100');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Reply text' })).toHaveValue(''));
    expect(screen.queryByTestId('attachment-item')).toBeNull();
    expect(await screen.findAllByTestId('ticket-reply')).toHaveLength(3);
  });

  it('keeps the reply box to one line with the paper clip until the user turns to it', async () => {
    const { user } = setup();
    await ready();
    const box = screen.getByTestId('reply-box');
    expect(box).toHaveAttribute('data-expanded', 'false');
    expect(screen.getByRole('button', { name: 'Attach files' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send reply' })).toBeNull();
    expect(screen.queryByRole('switch', { name: 'Internal note' })).toBeNull();
    await user.click(screen.getByRole('textbox', { name: 'Reply text' }));
    expect(box).toHaveAttribute('data-expanded', 'true');
    expect(screen.getByRole('button', { name: 'Send reply' })).toBeDisabled();
    expect(screen.getByRole('switch', { name: 'Internal note' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Reply text' })).toHaveFocus();
  });

  it('adds an internal note when the toggle is on', async () => {
    const { user, backend } = setup();
    await ready();
    await user.click(screen.getByRole('textbox', { name: 'Reply text' }));
    await user.click(screen.getByRole('switch', { name: 'Internal note' }));
    expect(screen.getByTestId('reply-box')).toHaveAttribute('data-internal', 'true');
    await user.click(screen.getByRole('textbox', { name: 'Reply text' }));
    await user.paste('Check stock first');
    await user.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'reply_to_ticket')).toBe(true));
    const call = argsOf(backend.calls.find((c) => c.cmd === 'reply_to_ticket'));
    expect((call.reply as ReplyInputView).internal).toBe(true);
  });

  it('offers no internal note where the vendor has none', async () => {
    const { user } = setup({ catalogs: [sobotCatalog({ capabilities: { ...sobotCatalog().capabilities, internalNotes: false } })] });
    await ready();
    await user.click(screen.getByRole('textbox', { name: 'Reply text' }));
    expect(screen.getByRole('button', { name: 'Send reply' })).toBeInTheDocument();
    expect(screen.queryByRole('switch', { name: 'Internal note' })).toBeNull();
  });

  it('changes status and assignee through changeTicket with the version on screen', async () => {
    const { user, backend } = setup();
    await ready();
    await chooseOption(user, 'detail-status', 'Resolved');
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === 'change_ticket')).toHaveLength(1));
    let call = argsOf(backend.calls.filter((c) => c.cmd === 'change_ticket')[0]);
    expect(call.change).toEqual({ status: '3' });
    expect(call.seenVersion).toBe(VERSION);
    await waitFor(() => expect(screen.getByTestId('detail-status')).toHaveValue('Resolved'));

    await chooseOption(user, 'detail-assignee', 'Li Lei');
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === 'change_ticket')).toHaveLength(2));
    call = argsOf(backend.calls.filter((c) => c.cmd === 'change_ticket')[1]);
    expect(call.change).toEqual({ assigneeId: 'a2' });
    expect(call.seenVersion).toBe(VERSION + 60_000);
  });

  it('on a conflict shows what changed, then re-applies on the NEW version', async () => {
    const newer = ticketDetail();
    newer.ticket = { ...newer.ticket, statusCode: '2', assigneeId: 'a2', assigneeName: 'Li Lei', updatedAtMs: VERSION + 999 };
    newer.replies = [...newer.replies, { ...newer.replies[0]!, id: 'r9', html: '<p>new</p>' }];
    const { user, backend } = setup({ conflictWith: newer });
    await ready();
    await chooseOption(user, 'detail-priority', 'Urgent');

    const modal = await screen.findByTestId('conflict-table');
    expect(within(modal).getByTestId('conflict-row-status')).toHaveAttribute('data-changed', 'true');
    expect(within(modal).getByTestId('conflict-row-status')).toHaveTextContent('In progress');
    expect(within(modal).getByTestId('conflict-row-status')).toHaveTextContent('Waiting for customer');
    expect(within(modal).getByTestId('conflict-row-assignee')).toHaveTextContent('Li Lei');
    expect(within(modal).getByTestId('conflict-row-priority')).toHaveAttribute('data-changed', 'false');
    expect(within(modal).getByTestId('conflict-row-replies')).toHaveTextContent('1 new');

    await user.click(screen.getByTestId('conflict-reapply'));
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === 'change_ticket')).toHaveLength(2));
    const calls = backend.calls.filter((c) => c.cmd === 'change_ticket').map(argsOf);
    expect(calls[0]!.seenVersion).toBe(VERSION);
    expect(calls[1]!.seenVersion).toBe(VERSION + 999);
    expect(calls[1]!.change as TicketChangeInput).toEqual({ priority: '3' });
    await waitFor(() => expect(screen.getByTestId('detail-priority')).toHaveValue('Urgent'));
  });

  it('on a conflict can discard: nothing is written and the new version is shown', async () => {
    const newer = ticketDetail();
    newer.ticket = { ...newer.ticket, statusCode: '2', updatedAtMs: VERSION + 5 };
    const { user, backend } = setup({ conflictWith: newer });
    await ready();
    await chooseOption(user, 'detail-status', 'Resolved');
    await user.click(await screen.findByTestId('conflict-discard'));
    await waitFor(() => expect(screen.getByTestId('detail-status')).toHaveValue('Waiting for customer'));
    expect(backend.calls.filter((c) => c.cmd === 'change_ticket')).toHaveLength(1);
  });

  it('asks which agent the user acts as, remembers it, then retries the reply', async () => {
    const { user, backend } = setup({
      catalogs: [sobotCatalog({ actingAgentId: null })],
      requireAgent: true,
    });
    await ready();
    await user.click(screen.getByRole('textbox', { name: 'Reply text' }));
    await user.paste('Hello');
    await user.click(screen.getByRole('button', { name: 'Send reply' }));
    const modal = await screen.findByTestId('acting-agent-modal');
    await user.click(within(modal).getByTestId('acting-agent-select'));
    await user.click(await screen.findByRole('option', { name: /Li Lei/ }));
    await user.click(within(modal).getByTestId('acting-agent-confirm'));
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === 'reply_to_ticket')).toHaveLength(1));
    expect(argsOf(backend.calls.find((c) => c.cmd === 'set_acting_agent'))).toMatchObject({
      connectionId: 'sobot-1',
      agentId: 'a2',
    });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Reply text' })).toHaveValue(''));
  });

  it('asks for the agent when the vendor says so (invalidInput actingAgent), then retries', async () => {
    const { user, backend, state } = setup();
    state.catalogs[0]!.actingAgentId = 'a1';
    state.failOnce.change_ticket = { code: 'invalidInput', field: 'actingAgent', message: 'choose' };
    await ready();
    await chooseOption(user, 'detail-status', 'Resolved');
    const modal = await screen.findByTestId('acting-agent-modal');
    await user.click(within(modal).getByTestId('acting-agent-confirm'));
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === 'change_ticket')).toHaveLength(2));
    expect(screen.queryByTestId('error-notification')).toBeNull();
  });

  it('offers reminders, reply deletion and customer change on Sobot, with confirmation', async () => {
    const { user, backend } = setup();
    await ready();
    await user.click(screen.getByTestId('ticket-actions'));
    expect(await screen.findByTestId('action-remind')).toBeInTheDocument();
    expect(screen.getByTestId('action-change-customer')).toBeInTheDocument();
    expect(screen.queryByTestId('action-delete-ticket')).toBeNull();
    await user.click(screen.getByTestId('action-remind'));
    await user.click(await screen.findByTestId('remind-remark'));
    await user.paste('今天内处理');
    await user.click(screen.getByTestId('remind-send'));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'remind_ticket')).toBe(true));
    expect(argsOf(backend.calls.find((c) => c.cmd === 'remind_ticket')).remark).toBe('今天内处理');

    const deletes = screen.getAllByTestId('reply-delete');
    await user.click(deletes[0]!);
    expect(backend.calls.some((c) => c.cmd === 'delete_ticket_reply')).toBe(false);
    await user.click(await screen.findByTestId('delete-reply-modal-confirm'));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'delete_ticket_reply')).toBe(true));
    expect(argsOf(backend.calls.find((c) => c.cmd === 'delete_ticket_reply')).replyId).toBe('r1');
    await waitFor(() => expect(screen.getAllByTestId('ticket-reply')).toHaveLength(1));

    await user.click(screen.getByTestId('ticket-actions'));
    await user.click(await screen.findByTestId('action-change-customer'));
    await user.click(await screen.findByTestId('change-customer-id'));
    await user.paste('cust-42');
    await user.click(screen.getByTestId('change-customer-save'));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'change_ticket_customer')).toBe(true));
    expect(argsOf(backend.calls.find((c) => c.cmd === 'change_ticket_customer'))).toMatchObject({
      customerId: 'cust-42',
      seenVersion: VERSION + 60_000,
    });
  });

  it('links no customer profile on Udesk, which has no CRM', async () => {
    const { user } = setup({ detail: ticketDetail({}, 'udesk'), catalogs: [udeskCatalog()] }, 'udesk-1');
    await ready();
    await user.click(screen.getByTestId('tab-info'));
    const customer = await screen.findByTestId('ticket-customer');
    expect(customer).toHaveTextContent('陈先生');
    expect(within(customer).queryByTestId('customer-profile-link')).toBeNull();
  });

  it('offers ticket deletion on Udesk only, never reminders or reply deletion, and closes once deleted', async () => {
    const { user, backend, onClose } = setup(
      { detail: ticketDetail({}, 'udesk'), catalogs: [udeskCatalog()] },
      'udesk-1',
    );
    await ready();
    expect(screen.queryByTestId('reply-delete')).toBeNull();
    await user.click(screen.getByTestId('ticket-actions'));
    expect(screen.queryByTestId('action-remind')).toBeNull();
    expect(screen.queryByTestId('action-change-customer')).toBeNull();
    await user.click(await screen.findByTestId('action-delete-ticket'));
    await user.click(await screen.findByTestId('delete-ticket-modal-confirm'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(argsOf(backend.calls.find((c) => c.cmd === 'delete_ticket')).seenVersion).toBe(VERSION);
  });

  it('keyboard: r focuses the reply box, a and s open the assignee and status selects, Escape closes', async () => {
    const { onClose } = setup();
    await ready();
    act(() => {
      fireEvent.keyDown(document.body, { key: 'r' });
    });
    expect(screen.getByRole('textbox', { name: 'Reply text' })).toHaveFocus();
    // Typing an "a" in the reply box is text, not a shortcut.
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Reply text' }), { key: 'a' });
    expect(screen.queryByRole('option', { name: 'Li Lei' })).toBeNull();
    act(() => screen.getByRole('textbox', { name: 'Reply text' }).blur());

    fireEvent.keyDown(document.body, { key: 'a' });
    expect(await screen.findByRole('option', { name: 'Li Lei' })).toBeInTheDocument();
    expect(screen.getByTestId('detail-assignee')).toHaveFocus();
    fireEvent.keyDown(screen.getByTestId('detail-assignee'), { key: 'Escape' });
    act(() => screen.getByTestId('detail-assignee').blur());
    await waitFor(() => expect(screen.queryByRole('option', { name: 'Li Lei' })).toBeNull());

    fireEvent.keyDown(document.body, { key: 's' });
    expect(await screen.findByRole('option', { name: 'Waiting for customer' })).toBeInTheDocument();
    fireEvent.keyDown(screen.getByTestId('detail-status'), { key: 'Escape' });
    act(() => screen.getByTestId('detail-status').blur());
    await waitFor(() => expect(screen.queryByRole('option', { name: 'Waiting for customer' })).toBeNull());

    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('speaks Chinese: labels from the catalog and the reply box', async () => {
    await i18n.changeLanguage('zh-CN');
    const fake = fakeTicketDetail();
    installFakeBackend({ settings: { language: 'zh-CN', theme: 'dark' }, handlers: fake.handlers });
    const { user } = renderWithProviders(
      <TicketDetail profileId={PROFILE_ID} connectionId="sobot-1" ticketId="t-100" onClose={() => undefined} />,
    );
    await ready();
    expect(screen.getByTestId('detail-status')).toHaveValue('处理中');
    expect(screen.getByTestId('detail-status')).toHaveAccessibleName('状态');
    await user.click(screen.getByRole('textbox', { name: '回复内容' }));
    expect(screen.getByRole('button', { name: '发送回复' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '添加附件' })).toBeInTheDocument();
  });
});
