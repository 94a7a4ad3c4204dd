// Fake answers of the ticket detail, write, upload and create commands, as a `handlers` record
// for installFakeBackend({ handlers }), plus the fixtures and a render helper for the detail tests.
import type { Channel } from '@tauri-apps/api/core';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement, type ReactElement } from 'react';
import { AppProviders } from '../app/AppProviders';
import { createQueryClient } from '../app/queryClient';
import type {
  CatalogItem,
  ConnectionCatalogView,
  DownloadProgressView,
  IpcError,
  NewTicketView,
  ReplyInputView,
  ReplyView,
  SavedFileView,
  TicketChangeInput,
  TicketDetailView,
  UploadProgressView,
  UploadStateView,
  WriteResult,
} from '../bindings';
import { tauriRejection } from './fakeBackend';

export const PROFILE_ID = 'profile-east';

function item(code: string, name: string, extra: Partial<CatalogItem> = {}): CatalogItem {
  return { code, name, nameEn: null, nameZh: null, custom: false, closed: false, deleted: false, parent: null, leaf: true, ...extra };
}

/** A Sobot connection: reminders, reply deletion, customer change, create on a customer's behalf. */
export function sobotCatalog(overrides: Partial<ConnectionCatalogView> = {}): ConnectionCatalogView {
  return {
    connectionId: 'sobot-1',
    name: 'Sobot East',
    vendor: 'sobot',
    statuses: [
      item('0', '新建', { nameEn: 'New', nameZh: '新建' }),
      item('1', '处理中', { nameEn: 'In progress', nameZh: '处理中' }),
      item('2', '等待回复', { nameEn: 'Waiting for customer', nameZh: '等待回复' }),
      item('3', '已解决', { nameEn: 'Resolved', nameZh: '已解决', closed: true }),
    ],
    priorities: [
      item('0', '低', { nameEn: 'Low', nameZh: '低' }),
      item('1', '中', { nameEn: 'Medium', nameZh: '中' }),
      item('2', '高', { nameEn: 'High', nameZh: '高' }),
      item('3', '紧急', { nameEn: 'Urgent', nameZh: '紧急' }),
    ],
    sources: [item('0', '电话', { nameEn: 'Phone', nameZh: '电话' }), item('1', '网页', { nameEn: 'Web', nameZh: '网页' })],
    categories: [
      item('c1', '售后', { leaf: false }),
      item('c11', '退货', { parent: 'c1' }),
      item('c12', '换货', { parent: 'c1' }),
      item('c2', '咨询'),
    ],
    groups: [item('g1', '一线客服'), item('g2', 'VIP support')],
    agents: [
      { id: 'a1', name: '王芳', email: 'wang@east.example', groupIds: ['g1'] },
      { id: 'a2', name: 'Li Lei', email: 'li@east.example', groupIds: ['g2'] },
    ],
    customFields: [
      { key: 'f_order', name: 'Order number', fieldType: '1', required: true, options: [] },
      {
        key: 'f_channel',
        name: 'Channel',
        fieldType: '6',
        required: false,
        options: [
          { value: 'app', label: 'App' },
          { value: 'web', label: 'Website' },
        ],
      },
    ],
    templates: [],
    actingAgentId: 'a1',
    capabilities: {
      internalNotes: true,
      remind: true,
      deleteReply: true,
      changeCustomer: true,
      deleteTicket: false,
      createAsCustomer: true,
      attachOnCreate: true,
      categoryRequired: true,
    },
    ...overrides,
  };
}

/** A Udesk account: templates, ticket deletion, no reminders. */
export function udeskCatalog(overrides: Partial<ConnectionCatalogView> = {}): ConnectionCatalogView {
  return {
    connectionId: 'udesk-1',
    name: 'Udesk main',
    vendor: 'udesk',
    statuses: [
      item('open', 'open', { nameEn: 'Open', nameZh: '开启' }),
      item('solved', 'solved', { nameEn: 'Solved', nameZh: '已解决', closed: true }),
    ],
    priorities: [item('normal', 'normal', { nameEn: 'Normal', nameZh: '标准' }), item('urgent', 'urgent', { nameEn: 'Urgent', nameZh: '紧急' })],
    sources: [],
    categories: [],
    groups: [item('ug1', 'Tier 1')],
    agents: [{ id: 'u1', name: 'Zhao Min', email: 'zhao@udesk.example', groupIds: ['ug1'] }],
    customFields: [
      {
        key: 'SelectField_1',
        name: 'Region',
        fieldType: 'droplist',
        required: true,
        options: [
          { value: 'north', label: '华北' },
          { value: 'south', label: '华南' },
        ],
      },
    ],
    templates: [item('t1', 'Complaint'), item('t2', 'Refund')],
    actingAgentId: 'u1',
    capabilities: {
      internalNotes: true,
      remind: false,
      deleteReply: false,
      changeCustomer: false,
      deleteTicket: true,
      createAsCustomer: false,
      attachOnCreate: false,
      categoryRequired: false,
    },
    ...overrides,
  };
}

export const T0 = Date.UTC(2026, 2, 4, 6, 0, 0);

/** A reply fixture. */
export function reply(overrides: Partial<ReplyView> = {}): ReplyView {
  return {
    id: 'r1',
    author: '王芳',
    authorKind: 'agent',
    internal: false,
    html: '<p>已为您登记退货。</p>',
    atMs: T0 + 3_600_000,
    attachments: [],
    ...overrides,
  };
}

/** A ticket detail fixture on the Sobot connection (version T0 + 2 h). */
export function ticketDetail(overrides: Partial<TicketDetailView> = {}, vendor: 'sobot' | 'udesk' = 'sobot'): TicketDetailView {
  return {
    ticket: {
      connectionId: vendor === 'sobot' ? 'sobot-1' : 'udesk-1',
      ticketId: 't-100',
      vendor,
      ticketCode: '20260304000100',
      title: '退货申请：订单 8812',
      preview: '我想退货',
      statusCode: vendor === 'sobot' ? '1' : 'open',
      priorityCode: vendor === 'sobot' ? '1' : 'normal',
      sourceCode: vendor === 'sobot' ? '1' : null,
      categoryId: 'c11',
      assigneeId: vendor === 'sobot' ? 'a1' : 'u1',
      assigneeName: vendor === 'sobot' ? '王芳' : 'Zhao Min',
      groupId: vendor === 'sobot' ? 'g1' : 'ug1',
      groupName: vendor === 'sobot' ? '一线客服' : 'Tier 1',
      customerId: 'cust-9',
      customerName: '陈先生',
      createdAtMs: T0,
      updatedAtMs: T0 + 7_200_000,
      seen: 'seen',
    },
    contentHtml: '<p>我想<b>退货</b>，订单 8812。</p>',
    categoryName: '售后 / 退货',
    replies: [
      reply(),
      reply({ id: 'r2', author: '王芳', internal: true, html: '<p>仓库确认中</p>', atMs: T0 + 5_400_000 }),
    ],
    history: [{ atMs: T0 + 3_000_000, actor: '王芳', summary: 'Status: New → In progress' }],
    customer: { id: 'cust-9', name: '陈先生', phone: '13800000000', email: 'chen@example.cn' },
    satisfaction: { score: '4', remark: '处理很快', atMs: T0 + 8_000_000 },
    attachments: [{ name: '发票.pdf', url: 'https://files.sobot.example/inv.pdf', size: 20480 }],
    fields: [{ id: 'f_order', name: 'Order number', value: '8812' }],
    ...overrides,
  };
}

/** What the fake commands do; tests change it between steps. */
export interface FakeDetailState {
  catalogs: ConnectionCatalogView[];
  detail: TicketDetailView;
  /** The next guarded write answers with this ticket as a conflict (then it is the ticket). */
  conflictWith: TicketDetailView | null;
  /** Writes fail with invalidInput 'actingAgent' while the connection's agent is not set. */
  requireAgent: boolean;
  /** Per file name: where its upload ends (default uploaded with reference `ref:<name>`). */
  uploads: Record<string, UploadStateView>;
  /** Errors of commands by IPC name (once). */
  failOnce: Record<string, IpcError>;
  /** The id create_ticket answers. */
  createdId: string;
  created: NewTicketView[];
  /** Where the user picks in the save dialog save_attachment opens (null: cancelled). */
  saveDestination: string | null;
  /** Attachments saved through save_attachment: the link, the name proposed and the path chosen. */
  saved: { url: string; fileName: string; destination: string }[];
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The handlers record for installFakeBackend and the state behind them. */
export function fakeTicketDetail(initial: Partial<FakeDetailState> = {}) {
  const state: FakeDetailState = {
    catalogs: [sobotCatalog(), udeskCatalog()],
    detail: ticketDetail(),
    conflictWith: null,
    requireAgent: false,
    uploads: {},
    failOnce: {},
    createdId: 'new-1',
    created: [],
    saveDestination: '/home/me/Downloads/saved.bin',
    saved: [],
    ...initial,
  };
  const catalogOf = (connectionId: string) => state.catalogs.find((c) => c.connectionId === connectionId);
  const fail = (cmd: string): Promise<never> | null => {
    const error = state.failOnce[cmd];
    if (!error) return null;
    delete state.failOnce[cmd];
    return tauriRejection(error);
  };
  const needsAgent = (connectionId: string): Promise<never> | null =>
    state.requireAgent && !catalogOf(connectionId)?.actingAgentId
      ? tauriRejection({ code: 'invalidInput', field: 'actingAgent', message: 'choose the agent you act as' } satisfies IpcError)
      : null;
  const bump = (detail: TicketDetailView): TicketDetailView => ({
    ...detail,
    ticket: { ...detail.ticket, updatedAtMs: (detail.ticket.updatedAtMs ?? T0) + 60_000 },
  });
  const guarded = (write: (detail: TicketDetailView) => TicketDetailView): WriteResult => {
    if (state.conflictWith) {
      state.detail = state.conflictWith;
      state.conflictWith = null;
      return { outcome: 'conflict', ticket: structuredClone(state.detail) };
    }
    state.detail = bump(write(state.detail));
    return { outcome: 'done', ticket: structuredClone(state.detail) };
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    ticket_catalogs: () => fail('ticket_catalogs') ?? structuredClone(state.catalogs),
    ticket_form_fields: (args) =>
      structuredClone(state.catalogs.find((catalog) => catalog.connectionId === args.connectionId)?.customFields ?? []),
    get_ticket_detail: () => fail('get_ticket_detail') ?? structuredClone(state.detail),
    set_acting_agent: (args) => {
      const { connectionId, agentId } = args as { connectionId: string; agentId: string | null };
      const catalog = catalogOf(connectionId);
      if (catalog) catalog.actingAgentId = agentId;
      return null;
    },
    change_ticket: (args) => {
      const { change } = args as { change: TicketChangeInput };
      return (
        fail('change_ticket') ??
        guarded((detail) => ({
          ...detail,
          ticket: {
            ...detail.ticket,
            title: change.title ?? detail.ticket.title,
            statusCode: change.status ?? detail.ticket.statusCode,
            priorityCode: change.priority ?? detail.ticket.priorityCode,
            assigneeId: change.assigneeId ?? detail.ticket.assigneeId,
            groupId: change.groupId ?? detail.ticket.groupId,
          },
        }))
      );
    },
    reply_to_ticket: (args) => {
      const { connectionId, reply: input } = args as { connectionId: string; reply: ReplyInputView };
      return (
        fail('reply_to_ticket') ??
        needsAgent(connectionId) ??
        guarded((detail) => ({
          ...detail,
          ticket: { ...detail.ticket, statusCode: input.change?.status ?? detail.ticket.statusCode },
          replies: [
            ...detail.replies,
            reply({
              id: `r${detail.replies.length + 1}`,
              internal: input.internal ?? false,
              html: input.content ?? '',
              atMs: (detail.ticket.updatedAtMs ?? T0) + 60_000,
              attachments: (input.attachments ?? []).map((ref) => ({ name: ref, url: ref, size: null })),
            }),
          ],
        }))
      );
    },
    remind_ticket: (args) => fail('remind_ticket') ?? needsAgent((args as { connectionId: string }).connectionId) ?? null,
    delete_ticket_reply: (args) => {
      const { replyId } = args as { replyId: string };
      const failed = fail('delete_ticket_reply');
      if (failed) return failed;
      state.detail = bump({ ...state.detail, replies: state.detail.replies.filter((r) => r.id !== replyId) });
      return structuredClone(state.detail);
    },
    change_ticket_customer: (args) => {
      const { customerId } = args as { customerId: string };
      return (
        fail('change_ticket_customer') ??
        guarded((detail) => ({ ...detail, ticket: { ...detail.ticket, customerId }, customer: { id: customerId, name: null, phone: null, email: null } }))
      );
    },
    delete_ticket: () => {
      const failed = fail('delete_ticket');
      if (failed) return failed;
      if (state.conflictWith) {
        state.detail = state.conflictWith;
        state.conflictWith = null;
        return structuredClone(state.detail);
      }
      return null;
    },
    create_ticket: (args) => {
      const { connectionId, ticket } = args as { connectionId: string; ticket: NewTicketView };
      const failed = fail('create_ticket');
      if (failed) return failed;
      if (!ticket.asCustomer) {
        const agent = needsAgent(connectionId);
        if (agent) return agent;
      }
      state.created.push(ticket);
      return state.createdId;
    },
    upload_ticket_files: (args) => {
      const { paths, onProgress } = args as { paths: string[]; onProgress: Channel<UploadProgressView> };
      const failed = fail('upload_ticket_files');
      if (failed) return failed;
      const outcomes = paths.map((path, index): UploadProgressView => {
        const name = fileName(path);
        const final: UploadStateView = state.uploads[name] ?? { state: 'uploaded', reference: `ref:${name}` };
        if (final.state !== 'rejected') {
          for (const sent of [0, 512]) onProgress.onmessage({ index, path, name, size: 1024, state: { state: 'uploading', sent } });
        }
        const outcome = { index, path, name, size: 1024, state: final };
        onProgress.onmessage(outcome);
        return outcome;
      });
      return outcomes;
    },
    save_attachment: (args) => {
      const { url, fileName, onProgress } = args as {
        url: string;
        fileName: string;
        onProgress: Channel<DownloadProgressView>;
      };
      const destination = state.saveDestination;
      if (destination === null) return null;
      const failed = fail('save_attachment');
      if (failed) return failed;
      onProgress.onmessage({ received: 0, total: 2048 });
      onProgress.onmessage({ received: 2048, total: 2048 });
      state.saved.push({ url, fileName, destination });
      return { path: destination, bytes: 2048 } satisfies SavedFileView;
    },
  };
  return { state, handlers };
}

/** Renders a component inside the app's providers (Mantine in test mode, a fresh QueryClient). */
export function renderWithProviders(ui: ReactElement) {
  const queryClient = createQueryClient();
  const user = userEvent.setup();
  const view = render(createElement(AppProviders, { queryClient, mantineEnv: 'test', children: ui }));
  return { ...view, queryClient, user };
}
