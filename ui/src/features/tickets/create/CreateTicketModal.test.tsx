import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NewTicketView } from '../../../bindings';
import { i18n } from '../../../i18n/setup';
import { installFakeBackend } from '../../../test/fakeBackend';
import { fakeTicketDetail, PROFILE_ID, renderWithProviders, sobotCatalog, udeskCatalog } from '../../../test/fakeTicketDetail';
import { buildNewTicket, emptyCreateForm, fieldKind, validateCreateForm, vendorDateTime } from './createForm';
import { CreateTicketModal } from './CreateTicketModal';

const dialog = vi.hoisted(() => ({ open: vi.fn() }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ open: dialog.open }));
vi.mock('@tauri-apps/api/webview', () => ({
  getCurrentWebview: () => ({ onDragDropEvent: () => Promise.resolve(() => undefined) }),
}));

function setup(initial: Parameters<typeof fakeTicketDetail>[0] = {}, defaultConnectionId?: string, language: 'en' | 'zh-CN' = 'en') {
  const fake = fakeTicketDetail(initial);
  const backend = installFakeBackend({ settings: { language, theme: 'light' }, handlers: fake.handlers });
  const onCreated = vi.fn();
  const onClose = vi.fn();
  const view = renderWithProviders(
    <CreateTicketModal
      profileId={PROFILE_ID}
      opened
      onClose={onClose}
      onCreated={onCreated}
      defaultConnectionId={defaultConnectionId}
    />,
  );
  return { ...view, ...fake, backend, onCreated, onClose };
}

type User = ReturnType<typeof setup>['user'];

async function type(user: User, testId: string, text: string) {
  await user.click(screen.getByTestId(testId));
  await user.paste(text);
}

async function choose(user: User, testId: string, option: string | RegExp) {
  await user.click(screen.getByTestId(testId));
  await user.click(await screen.findByRole('option', { name: option }));
}

const created = (backend: ReturnType<typeof setup>['backend']) =>
  backend.calls.filter((c) => c.cmd === 'create_ticket').map((c) => c.args as { connectionId: string; ticket: NewTicketView });

describe('CreateTicketModal', { timeout: 30_000 }, () => {
  beforeEach(() => dialog.open.mockReset());

  it('Sobot: says what is missing at each field, then creates as an agent with category, fields and attachments', async () => {
    dialog.open.mockResolvedValueOnce(['/home/u/退货单.pdf']);
    const { user, backend, onCreated, queryClient } = setup({}, 'sobot-1');
    await screen.findByTestId('create-ticket-form');
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');

    await user.click(screen.getByTestId('create-submit'));
    const form = screen.getByTestId('create-ticket-form');
    // Title, description and category; the category's own custom fields appear once it is chosen.
    expect(within(form).getAllByText('Required')).toHaveLength(3);
    expect(created(backend)).toHaveLength(0);

    await type(user, 'create-title', '退货：订单 8812');
    await type(user, 'create-content', 'Customer wants to return the kettle.');
    await user.click(screen.getByTestId('create-category'));
    await user.click(await screen.findByText('退货'));
    await choose(user, 'create-priority', 'High');
    await choose(user, 'create-assignee', 'Li Lei');
    await choose(user, 'create-group', 'VIP support');
    await type(user, 'create-customer-id', 'cust-9');
    await type(user, 'create-field-f_order', '8812');
    await choose(user, 'create-field-f_channel', 'Website');
    await user.click(screen.getByRole('button', { name: 'Attach files' }));
    expect(await screen.findByText('退货单.pdf')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('attachment-item')).toHaveAttribute('data-state', 'uploaded'));

    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('sobot-1', 'new-1'));
    const [call] = created(backend);
    expect(call?.connectionId).toBe('sobot-1');
    expect(call?.ticket).toEqual({
      title: '退货：订单 8812',
      content: 'Customer wants to return the kettle.',
      asCustomer: false,
      categoryId: 'c11',
      source: null,
      status: null,
      priority: '2',
      assigneeId: 'a2',
      groupId: 'g2',
      customerId: 'cust-9',
      customerEmail: null,
      customerPhone: null,
      fields: { f_order: '8812', f_channel: 'web' },
      attachments: ['ref:退货单.pdf'],
    });
    const upload = backend.calls.find((c) => c.cmd === 'upload_ticket_files')?.args as Record<string, unknown>;
    expect(upload.ticketId).toBeNull();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['tickets', PROFILE_ID] });
  });

  it("Sobot on a customer's behalf: needs the customer's id, email or phone, and sends no agent fields", async () => {
    const { user, backend } = setup({}, 'sobot-1');
    await screen.findByTestId('create-ticket-form');
    await user.click(screen.getByRole('radio', { name: "On a customer's behalf" }));
    expect(screen.queryByTestId('create-assignee')).toBeNull();
    await type(user, 'create-title', 'App crashes');
    await type(user, 'create-content', 'On login');
    await user.click(screen.getByTestId('create-category'));
    await user.click(await screen.findByText('咨询'));
    await type(user, 'create-field-f_order', '1');
    await type(user, 'create-customer-email', 'not-an-email');
    await user.click(screen.getByTestId('create-submit'));
    expect(await screen.findByText('Not an email address')).toBeInTheDocument();
    await user.clear(screen.getByTestId('create-customer-email'));
    await user.click(screen.getByTestId('create-submit'));
    expect(await screen.findByTestId('create-customer-error')).toHaveTextContent("customer's ID, email or phone");
    await type(user, 'create-customer-phone', '13800000000');
    await user.click(screen.getByTestId('create-submit'));
    await waitFor(() => expect(created(backend)).toHaveLength(1));
    expect(created(backend)[0]?.ticket).toMatchObject({
      asCustomer: true,
      categoryId: 'c2',
      customerPhone: '13800000000',
      customerEmail: null,
    });
    expect(created(backend)[0]?.ticket.assigneeId).toBeUndefined();
  });

  it('Udesk: template, priority, status, assignee, customer email and a required droplist field', async () => {
    const { user, backend, onCreated } = setup({}, 'udesk-1');
    await screen.findByTestId('create-ticket-form');
    expect(screen.queryByTestId('create-category')).toBeNull();
    expect(screen.queryByTestId('create-mode')).toBeNull();
    expect(screen.queryByTestId('create-attach')).toBeNull();
    await type(user, 'create-title', 'Refund');
    await type(user, 'create-content', 'Please refund order 77');
    await user.click(screen.getByTestId('create-submit'));
    expect(within(screen.getByTestId('create-ticket-form')).getAllByText('Required')).toHaveLength(1);
    await choose(user, 'create-template', 'Refund');
    await choose(user, 'create-priority', 'Urgent');
    await choose(user, 'create-status', 'Open');
    await choose(user, 'create-assignee', 'Zhao Min');
    await type(user, 'create-customer-email', 'li@example.cn');
    await choose(user, 'create-field-SelectField_1', '华南');
    await user.click(screen.getByTestId('create-submit'));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('udesk-1', 'new-1'));
    expect(created(backend)[0]?.ticket).toEqual({
      title: 'Refund',
      content: 'Please refund order 77',
      templateId: 't2',
      status: 'open',
      priority: 'urgent',
      assigneeId: 'u1',
      groupId: null,
      customerId: null,
      customerEmail: 'li@example.cn',
      customerPhone: null,
      fields: { SelectField_1: 'south' },
      attachments: [],
    });
  });

  it("shows the server's invalidInput error at its field", async () => {
    const { user } = setup(
      { failOnce: { create_ticket: { code: 'invalidInput', field: 'assigneeId', message: 'no email for this agent' } } },
      'udesk-1',
    );
    await screen.findByTestId('create-ticket-form');
    await type(user, 'create-title', 'T');
    await type(user, 'create-content', 'C');
    await choose(user, 'create-field-SelectField_1', '华北');
    await choose(user, 'create-assignee', 'Zhao Min');
    await user.click(screen.getByTestId('create-submit'));
    expect(await screen.findByText('Rejected: no email for this agent')).toBeInTheDocument();
  });

  it('asks for the acting agent when Sobot needs one, then creates', async () => {
    const { user, backend, onCreated } = setup(
      { catalogs: [sobotCatalog({ actingAgentId: null, customFields: [] })], requireAgent: true },
      'sobot-1',
    );
    await screen.findByTestId('create-ticket-form');
    await type(user, 'create-title', 'T');
    await type(user, 'create-content', 'C');
    await user.click(screen.getByTestId('create-category'));
    await user.click(await screen.findByText('咨询'));
    await user.click(screen.getByTestId('create-submit'));
    const modal = await screen.findByTestId('acting-agent-modal');
    await user.click(within(modal).getByTestId('acting-agent-select'));
    await user.click(await screen.findByRole('option', { name: /王芳/ }));
    await user.click(within(modal).getByTestId('acting-agent-confirm'));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('sobot-1', 'new-1'));
    expect(backend.calls.filter((c) => c.cmd === 'create_ticket')).toHaveLength(2);
  });

  it('speaks Chinese: labels and validation messages', async () => {
    await i18n.changeLanguage('zh-CN');
    const { user } = setup({ catalogs: [udeskCatalog()] }, undefined, 'zh-CN');
    await screen.findByTestId('create-ticket-form');
    expect(screen.getByTestId('create-title')).toHaveAccessibleName('标题');
    await user.click(screen.getByRole('button', { name: '创建工单' }));
    expect(within(screen.getByTestId('create-ticket-form')).getAllByText('必填').length).toBeGreaterThanOrEqual(2);
  });
});

describe('createForm', () => {
  it('maps vendor field types to inputs', () => {
    const field = (fieldType: string, options = 0) => ({
      key: 'k',
      name: 'n',
      fieldType,
      required: false,
      options: Array.from({ length: options }, (_, i) => ({ value: String(i), label: String(i) })),
    });
    expect(fieldKind(field('1'))).toBe('text');
    expect(fieldKind(field('2'))).toBe('textarea');
    expect(fieldKind(field('3'))).toBe('date');
    expect(fieldKind(field('12'))).toBe('datetime');
    expect(fieldKind(field('6', 2))).toBe('select');
    expect(fieldKind(field('7', 2))).toBe('multi');
    expect(fieldKind(field('droplist', 2))).toBe('select');
    expect(fieldKind(field('checkbox', 2))).toBe('multi');
    expect(fieldKind(field('numeric'))).toBe('number');
    expect(fieldKind(field('link'))).toBe('link');
    expect(vendorDateTime('2026-03-04T14:05')).toBe('2026-03-04 14:05:00');
  });

  it('refuses a category that is not a leaf', () => {
    const catalog = sobotCatalog({ customFields: [] });
    const form = { ...emptyCreateForm('sobot-1'), title: 't', content: 'c', categoryId: 'c1' };
    expect(validateCreateForm(form, catalog)).toEqual({ categoryId: 'leafOnly' });
    expect(validateCreateForm({ ...form, categoryId: 'c11' }, catalog)).toEqual({});
    expect(buildNewTicket({ ...form, categoryId: 'c11' }, catalog, ['r']).attachments).toEqual(['r']);
  });
});
