// Fake answers of the tickets commands (board, list, counts, catalogs, status changes, saved
// views) for installFakeBackend({ handlers }): an in-memory store that filters, sorts and pages
// like the Rust side (crates/core store/tickets.rs), and records what was written.
import type {
  CatalogItem,
  ConnectionCatalogView,
  IpcError,
  SavedViewInfo,
  StatusCount,
  TicketChangeInput,
  TicketDetailView,
  TicketFilterInput,
  TicketListPage,
  TicketListRequest,
  TicketRowView,
  TicketSort,
  WriteResult,
} from '../bindings';
import { tauriRejection } from './fakeBackend';

/** A catalog item with the defaults of a plain vendor item. */
export function catalogItem(code: string, name: string, extra: Partial<CatalogItem> = {}): CatalogItem {
  return { code, name, nameEn: null, nameZh: null, custom: false, closed: false, deleted: false, parent: null, leaf: true, ...extra };
}

/** A fixed vendor item named in both languages. */
function fixed(code: string, en: string, zh: string, extra: Partial<CatalogItem> = {}): CatalogItem {
  return catalogItem(code, zh, { nameEn: en, nameZh: zh, ...extra });
}

const CAPABILITIES_SOBOT = {
  internalNotes: true,
  remind: true,
  deleteReply: true,
  changeCustomer: true,
  deleteTicket: false,
  createAsCustomer: true,
  attachOnCreate: true,
  categoryRequired: true,
};

/** The Sobot connection of the test profile: its statuses include a custom one and a deleted one. */
export const SOBOT_CATALOG: ConnectionCatalogView = {
  connectionId: 'sobot-1',
  name: 'Sobot China',
  vendor: 'sobot',
  statuses: [
    fixed('0', 'New', '新建'),
    fixed('1', 'In progress', '受理中'),
    catalogItem('c-wait', 'Waiting for parts', { custom: true }),
    catalogItem('c-old', 'Escalated (old)', { custom: true, deleted: true }),
    catalogItem('c-gone', 'Archived (old)', { custom: true, deleted: true }),
    fixed('3', 'Solved', '已解决', { closed: true }),
  ],
  priorities: [fixed('0', 'Low', '低'), fixed('1', 'Medium', '中'), fixed('2', 'High', '高'), fixed('3', 'Urgent', '紧急')],
  sources: [fixed('1', 'Desktop web', 'PC 网页'), fixed('12', 'Email', '邮件')],
  categories: [catalogItem('cat-1', 'Billing'), catalogItem('cat-2', 'Delivery')],
  groups: [catalogItem('g-1', 'First line'), catalogItem('g-2', 'Escalations')],
  agents: [
    { id: 'a-1', name: 'Li Wei', email: 'li.wei@example.com', groupIds: ['g-1'] },
    { id: 'a-2', name: 'Zhang Min', email: null, groupIds: ['g-2'] },
  ],
  customFields: [],
  templates: [],
  actingAgentId: 'a-1',
  capabilities: CAPABILITIES_SOBOT,
};

/** A Udesk account of the test profile. */
export const UDESK_CATALOG: ConnectionCatalogView = {
  connectionId: 'udesk-1',
  name: 'Udesk main',
  vendor: 'udesk',
  statuses: [
    fixed('open', 'Open', '开启'),
    fixed('solving', 'Solving', '解决中'),
    fixed('resolved', 'Resolved', '已解决'),
    fixed('closed', 'Closed', '已关闭', { closed: true }),
  ],
  priorities: [fixed('1', 'Urgent', '紧急'), fixed('2', 'High', '高'), fixed('3', 'Standard', '标准'), fixed('4', 'Low', '低')],
  sources: [fixed('email', 'Email', '邮件')],
  categories: [],
  groups: [catalogItem('ug-1', 'Support')],
  agents: [{ id: 'ua-1', name: 'Wang Fang', email: null, groupIds: ['ug-1'] }],
  customFields: [],
  templates: [],
  actingAgentId: null,
  capabilities: { ...CAPABILITIES_SOBOT, remind: false, deleteReply: false, changeCustomer: false, deleteTicket: true },
};

/** "Now" of the fixtures (tickets are aged relative to it). */
export const FIXTURE_NOW = Date.UTC(2025, 4, 20, 12, 0, 0);

/** A ticket row with sensible defaults. */
export function ticketRow(overrides: Partial<TicketRowView> & Pick<TicketRowView, 'ticketId'>): TicketRowView {
  return {
    connectionId: 'sobot-1',
    vendor: 'sobot',
    ticketCode: `T${overrides.ticketId}`,
    title: `Ticket ${overrides.ticketId}`,
    preview: '',
    statusCode: '0',
    priorityCode: '1',
    sourceCode: '1',
    categoryId: null,
    assigneeId: 'a-1',
    assigneeName: 'Li Wei',
    groupId: 'g-1',
    groupName: 'First line',
    customerId: 'cu-1',
    customerName: 'Chen Jing',
    createdAtMs: FIXTURE_NOW - 3 * 3_600_000,
    updatedAtMs: FIXTURE_NOW - 3_600_000,
    seen: 'seen',
    ...overrides,
  };
}

/** `count` generated Sobot tickets spread over the statuses 0, 1 and c-wait, newest first by id. */
export function manyTickets(count: number): TicketRowView[] {
  const statuses = ['0', '1', 'c-wait'];
  return Array.from({ length: count }, (_, index) =>
    ticketRow({
      ticketId: String(index + 1),
      ticketCode: String(100000 + index + 1),
      title: `Generated ticket ${index + 1}`,
      statusCode: statuses[index % statuses.length] ?? '0',
      priorityCode: String(index % 4),
      createdAtMs: FIXTURE_NOW - (index + 1) * 60_000,
      updatedAtMs: FIXTURE_NOW - (index + 1) * 30_000,
    }),
  );
}

/** Whether a row matches a filter (the same rules as the Rust store). */
export function matchesFilter(row: TicketRowView, filter: TicketFilterInput): boolean {
  const anyOf = (list: string[] | undefined, value: string | null) =>
    !list || list.length === 0 || (value !== null && list.includes(value));
  const inRange = (value: number | null, from?: number | null, until?: number | null) =>
    (from == null || (value !== null && value >= from)) && (until == null || (value !== null && value < until));
  const text = filter.text?.trim().toLowerCase();
  return (
    anyOf(filter.connectionIds, row.connectionId) &&
    anyOf(filter.statuses, row.statusCode) &&
    anyOf(filter.priorities, row.priorityCode) &&
    anyOf(filter.assigneeIds, row.assigneeId) &&
    anyOf(filter.groupIds, row.groupId) &&
    anyOf(filter.sources, row.sourceCode) &&
    anyOf(filter.categoryIds, row.categoryId) &&
    inRange(row.createdAtMs, filter.createdFrom, filter.createdUntil) &&
    inRange(row.updatedAtMs, filter.updatedFrom, filter.updatedUntil) &&
    (!text ||
      row.title.toLowerCase().includes(text) ||
      row.preview.toLowerCase().includes(text) ||
      (row.customerName ?? '').toLowerCase().includes(text))
  );
}

function sortValue(row: TicketRowView, sort: TicketSort): string | number {
  switch (sort) {
    case 'updatedAt':
      return row.updatedAtMs ?? 0;
    case 'createdAt':
      return row.createdAtMs ?? 0;
    case 'priority':
      return Number(row.priorityCode ?? -1);
    case 'status':
      return row.statusCode;
    case 'assignee':
      return row.assigneeName ?? '';
    case 'title':
      return row.title;
  }
}

/** A page of rows the way list_tickets answers it. */
export function pageOf(rows: readonly TicketRowView[], request: TicketListRequest): TicketListPage {
  const matching = rows.filter((row) => matchesFilter(row, request.filter));
  const direction = request.ascending ? 1 : -1;
  matching.sort((a, b) => {
    const x = sortValue(a, request.sort);
    const y = sortValue(b, request.sort);
    if (x < y) return -direction;
    if (x > y) return direction;
    return 0;
  });
  return { rows: matching.slice(request.offset, request.offset + request.limit), total: matching.length };
}

/** Options of fakeTickets. */
export interface FakeTicketsOptions {
  catalogs?: ConnectionCatalogView[];
  tickets?: TicketRowView[];
  views?: SavedViewInfo[];
  /**
   * What change_ticket does: 'done' applies the change, 'conflict' answers with the ticket as
   * it is, an IpcError rejects; a function decides per call.
   */
  change?: 'done' | 'conflict' | IpcError | ((ticketId: string, change: TicketChangeInput) => 'done' | 'conflict' | IpcError);
  /** Makes change_ticket wait for this promise before answering (to observe the optimistic state). */
  changeGate?: Promise<void>;
}

/** The fake tickets backend: its state and the handlers to install. */
export interface FakeTickets {
  tickets: TicketRowView[];
  views: SavedViewInfo[];
  catalogs: ConnectionCatalogView[];
  handlers: Record<string, (args: Record<string, unknown>) => unknown>;
}

let viewSeq = 0;

/** Builds the fake: pass `fake.handlers` to installFakeBackend. */
export function fakeTickets(options: FakeTicketsOptions = {}): FakeTickets {
  const fake: FakeTickets = {
    tickets: structuredClone(options.tickets ?? []),
    views: structuredClone(options.views ?? []),
    catalogs: structuredClone(options.catalogs ?? [SOBOT_CATALOG]),
    handlers: {},
  };
  const detailOf = (row: TicketRowView): TicketDetailView => ({
    ticket: structuredClone(row),
    contentHtml: '',
    categoryName: null,
    replies: [],
    history: [],
    customer: null,
    satisfaction: null,
    attachments: [],
    fields: [],
  });
  fake.handlers = {
    ticket_catalogs: () => structuredClone(fake.catalogs),
    list_tickets: (args) => pageOf(fake.tickets, args.request as TicketListRequest),
    count_tickets_by_status: (args) => {
      const filter = args.filter as TicketFilterInput;
      const counts = new Map<string, number>();
      for (const row of fake.tickets) {
        if (matchesFilter(row, filter)) counts.set(row.statusCode, (counts.get(row.statusCode) ?? 0) + 1);
      }
      return [...counts].map(([statusCode, count]): StatusCount => ({ statusCode, count }));
    },
    change_ticket: async (args) => {
      const { connectionId, ticketId, change } = args as { connectionId: string; ticketId: string; change: TicketChangeInput };
      if (options.changeGate) await options.changeGate;
      const row = fake.tickets.find((t) => t.connectionId === connectionId && t.ticketId === ticketId);
      if (!row) return tauriRejection({ code: 'notFound', what: 'ticket', message: ticketId } satisfies IpcError);
      const decision = typeof options.change === 'function' ? options.change(ticketId, change) : (options.change ?? 'done');
      if (typeof decision === 'object') return tauriRejection(decision);
      if (decision === 'conflict') return { outcome: 'conflict', ticket: detailOf(row) } satisfies WriteResult;
      if (change.status != null) row.statusCode = change.status;
      if (change.priority != null) row.priorityCode = change.priority;
      const catalog = fake.catalogs.find((item) => item.connectionId === connectionId);
      if (change.assigneeId != null) {
        row.assigneeId = change.assigneeId;
        row.assigneeName = catalog?.agents.find((agent) => agent.id === change.assigneeId)?.name ?? null;
      }
      if (change.groupId != null) {
        row.groupId = change.groupId;
        row.groupName = catalog?.groups.find((group) => group.code === change.groupId)?.name ?? null;
      }
      row.updatedAtMs = (row.updatedAtMs ?? 0) + 1000;
      return { outcome: 'done', ticket: detailOf(row) } satisfies WriteResult;
    },
    list_saved_views: () => structuredClone([...fake.views].sort((a, b) => a.name.localeCompare(b.name))),
    save_view: (args) => {
      const { id, name, filter } = args as { id: string | null; name: string; filter: TicketFilterInput };
      const trimmed = name.trim();
      if (!trimmed) return tauriRejection({ code: 'invalidInput', field: 'name', message: 'a view needs a name' } satisfies IpcError);
      if (fake.views.some((view) => view.name === trimmed && view.id !== id)) {
        return tauriRejection({ code: 'nameTaken', what: 'view', name: trimmed } satisfies IpcError);
      }
      const saved: SavedViewInfo = { id: id ?? `view-${(viewSeq += 1)}`, name: trimmed, filter, updatedAtMs: FIXTURE_NOW };
      const index = fake.views.findIndex((view) => view.id === saved.id);
      if (index >= 0) fake.views[index] = saved;
      else fake.views.push(saved);
      return structuredClone(saved);
    },
    delete_saved_view: (args) => {
      const { viewId } = args as { viewId: string };
      fake.views = fake.views.filter((view) => view.id !== viewId);
      return null;
    },
  };
  return fake;
}
