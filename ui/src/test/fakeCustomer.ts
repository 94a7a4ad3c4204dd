// Fake answers of the customer profile commands (get_customer_profile, refresh_customer_tickets and
// list_tickets with a customer filter) for installFakeBackend({ handlers }), and their fixtures.
import type { CustomerProfileView, IpcError, TicketListRequest, TicketRowView } from '../bindings';
import { tauriRejection } from './fakeBackend';
import { FIXTURE_NOW, pageOf, SOBOT_CATALOG, ticketRow, UDESK_CATALOG } from './fakeTickets';

/** The Sobot connection and customer of the fixtures. */
export const CUSTOMER_CONNECTION = 'sobot-1';
export const CUSTOMER_ID = 'cust-9';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A Sobot CRM customer with every section filled. */
export function customerProfile(overrides: Partial<CustomerProfileView> = {}): CustomerProfileView {
  return {
    connectionId: CUSTOMER_CONNECTION,
    id: CUSTOMER_ID,
    name: '陈静',
    nick: 'Chen Jing',
    phone: '13800000000',
    email: 'chen.jing@example.cn',
    enterprise: '杭州示例贸易有限公司',
    location: '中国 浙江 杭州 西湖区',
    vip: true,
    vipLevel: 'Gold',
    stage: 'following_up',
    owner: 'Li Wei',
    createdBy: 'Zhang Min',
    createdAtMs: FIXTURE_NOW - 90 * DAY,
    updatedAtMs: FIXTURE_NOW - 2 * DAY,
    remark: 'Prefers phone calls after 18:00',
    tags: ['Wholesale', '回头客'],
    customFields: [
      { label: 'Member number', value: 'M-20417' },
      { label: '偏好渠道', value: '微信' },
    ],
    timeline: [
      { atMs: FIXTURE_NOW - 2 * DAY, kind: 'follow_up', code: '3', actor: 'Li Wei', summary: 'Called about the late delivery' },
      {
        atMs: FIXTURE_NOW - 30 * DAY,
        kind: 'stage_changed',
        code: '2',
        actor: 'Zhang Min',
        summary: 'Stage: To be assigned → Following up',
      },
      { atMs: FIXTURE_NOW - 90 * DAY, kind: 'created', code: '1', actor: 'Zhang Min', summary: 'Customer created' },
    ],
    timelineTruncated: false,
    unavailable: [],
    ...overrides,
  };
}

/** The customer's tickets already in the local store (before Sobot is read). */
export function localCustomerTickets(): TicketRowView[] {
  return [
    ticketRow({
      ticketId: 't-1',
      ticketCode: '20250501000001',
      title: 'Invoice for order 8812',
      statusCode: '3',
      customerId: CUSTOMER_ID,
      customerName: '陈静',
      updatedAtMs: FIXTURE_NOW - 10 * DAY,
    }),
    // Another customer's ticket, and one of a customer with the same id on another connection.
    ticketRow({ ticketId: 't-2', title: 'Someone else', customerId: 'cust-1', updatedAtMs: FIXTURE_NOW - DAY }),
    ticketRow({
      ticketId: 'u-7',
      connectionId: 'udesk-1',
      vendor: 'udesk',
      title: 'Udesk namesake',
      statusCode: 'open',
      customerId: CUSTOMER_ID,
    }),
  ];
}

/** The customer's tickets that reading Sobot adds to the store. */
export function remoteCustomerTickets(): TicketRowView[] {
  return [
    ticketRow({
      ticketId: 't-3',
      ticketCode: '20250519000003',
      title: 'Late delivery of order 9001',
      statusCode: '1',
      customerId: CUSTOMER_ID,
      customerName: '陈静',
      updatedAtMs: FIXTURE_NOW - HOUR,
    }),
  ];
}

/** What the fake commands do; tests change it between steps. */
export interface FakeCustomerState {
  profile: CustomerProfileView;
  /** The local ticket store list_tickets pages through. */
  tickets: TicketRowView[];
  /** What refresh_customer_tickets adds to the store. */
  remote: TicketRowView[];
  /** Errors of commands by IPC name, once each. */
  failOnce: Record<string, IpcError>;
  /** Errors of commands by IPC name, every time. */
  failAlways: Record<string, IpcError>;
  /** refresh_customer_tickets waits for this before answering. */
  refreshGate: Promise<void> | null;
}

/** Whether a row matches the filter's customers (the rest of the filter is fakeTickets' matchesFilter). */
function ofCustomers(row: TicketRowView, request: TicketListRequest): boolean {
  const ids = request.filter.customerIds;
  return !ids || ids.length === 0 || (row.customerId !== null && ids.includes(row.customerId));
}

/** The handlers record for installFakeBackend and the state behind them. */
export function fakeCustomer(initial: Partial<FakeCustomerState> = {}) {
  const state: FakeCustomerState = {
    profile: customerProfile(),
    tickets: localCustomerTickets(),
    remote: remoteCustomerTickets(),
    failOnce: {},
    failAlways: {},
    refreshGate: null,
    ...initial,
  };
  const fail = (cmd: string): Promise<never> | null => {
    const always = state.failAlways[cmd];
    if (always) return tauriRejection(always);
    const error = state.failOnce[cmd];
    if (!error) return null;
    delete state.failOnce[cmd];
    return tauriRejection(error);
  };
  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    ticket_catalogs: () => fail('ticket_catalogs') ?? structuredClone([SOBOT_CATALOG, UDESK_CATALOG]),
    get_customer_profile: (args) => {
      const failed = fail('get_customer_profile');
      if (failed) return failed;
      const { connectionId, customerId } = args as { connectionId: string; customerId: string };
      if (connectionId !== state.profile.connectionId || customerId !== state.profile.id) {
        return tauriRejection({ code: 'notFound', what: 'customer', message: customerId } satisfies IpcError);
      }
      return structuredClone(state.profile);
    },
    refresh_customer_tickets: async (args) => {
      if (state.refreshGate) await state.refreshGate;
      const failed = fail('refresh_customer_tickets');
      if (failed) return failed;
      const { connectionId, customerId } = args as { connectionId: string; customerId: string };
      const read = state.remote.filter((row) => row.connectionId === connectionId && row.customerId === customerId);
      for (const row of read) {
        if (!state.tickets.some((known) => known.connectionId === row.connectionId && known.ticketId === row.ticketId)) {
          state.tickets.push(structuredClone(row));
        }
      }
      return read.length;
    },
    list_tickets: (args) => {
      const failed = fail('list_tickets');
      if (failed) return failed;
      const request = args.request as TicketListRequest;
      return pageOf(
        state.tickets.filter((row) => ofCustomers(row, request)),
        request,
      );
    },
  };
  return { state, handlers };
}
