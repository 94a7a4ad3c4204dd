import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { IpcError, TicketListRequest } from '../../bindings';
import { i18n } from '../../i18n/setup';
import { DEMO_PROFILE, installFakeBackend, type FakeBackend } from '../../test/fakeBackend';
import { CUSTOMER_ID, customerProfile, fakeCustomer } from '../../test/fakeCustomer';
import { fakeTicketDetail, PROFILE_ID, renderWithProviders, ticketDetail, udeskCatalog } from '../../test/fakeTicketDetail';
import { renderApp } from '../../test/renderApp';
import { TicketDetail } from '../tickets/detail/TicketDetail';

// The ticket detail listens to the window's file drops; not in jsdom.
vi.mock('@tauri-apps/api/webview', () => ({
  getCurrentWebview: () => ({ onDragDropEvent: () => Promise.resolve(() => undefined) }),
}));

// Whole-app renders are slow on a loaded CI machine: wait longer than the defaults.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 60_000 });

const PATH = `/customers/sobot-1/${CUSTOMER_ID}`;

function setup(initial: Parameters<typeof fakeCustomer>[0] = {}, language: 'en' | 'zh-CN' = 'en') {
  const fake = fakeCustomer(initial);
  const backend = installFakeBackend({
    activeProfile: DEMO_PROFILE,
    settings: { language, theme: 'light', first_sync_months: 6 },
    handlers: fake.handlers,
  });
  return { ...fake, backend };
}

const callsTo = (backend: FakeBackend, cmd: string) => backend.calls.filter((call) => call.cmd === cmd);
const texts = (elements: HTMLElement[]) => elements.map((element) => element.textContent?.trim());

describe('customer profile', () => {
  it('shows a skeleton, then the profile: name, VIP and stage, details, tags, custom fields, the timeline newest first', async () => {
    const { backend } = setup();
    renderApp(PATH);
    expect(await screen.findByTestId('customer-profile-loading')).toBeInTheDocument();

    const profile = await screen.findByTestId('customer-profile');
    expect(within(profile).getByTestId('customer-name')).toHaveTextContent('陈静');
    expect(within(profile).getByTestId('customer-vip')).toHaveTextContent('VIP · Gold');
    expect(within(profile).getByTestId('customer-stage')).toHaveTextContent('Following up');
    const subtitle = within(profile).getByTestId('customer-subtitle');
    expect(subtitle).toHaveTextContent('Chen Jing');
    expect(subtitle).toHaveTextContent('Owner: Li Wei');
    expect(subtitle).toHaveTextContent(`ID ${CUSTOMER_ID}`);

    const details = within(profile).getByTestId('customer-details');
    expect(details).toHaveTextContent('13800000000');
    expect(details).toHaveTextContent('chen.jing@example.cn');
    expect(details).toHaveTextContent('杭州示例贸易有限公司');
    expect(details).toHaveTextContent('中国 浙江 杭州 西湖区');
    expect(details).toHaveTextContent('Zhang Min');
    expect(details).toHaveTextContent('Prefers phone calls after 18:00');
    expect(within(details).getByTestId('customer-created-at')).toHaveTextContent(/Feb 19, 2025/);

    const tags = within(profile).getByTestId('customer-tags');
    expect(texts(within(tags).getAllByTestId('customer-tag'))).toEqual(['Wholesale', '回头客']);

    const fields = within(profile).getAllByTestId('customer-field');
    expect(fields[0]).toHaveTextContent('Member number');
    expect(fields[0]).toHaveTextContent('M-20417');
    expect(fields[1]).toHaveTextContent('偏好渠道');
    expect(fields[1]).toHaveTextContent('微信');

    const timeline = within(profile).getByTestId('customer-timeline');
    expect(texts(within(timeline).getAllByTestId('customer-timeline-summary'))).toEqual([
      'Called about the late delivery',
      'Stage: To be assigned → Following up',
      'Customer created',
    ]);
    const entries = within(timeline).getAllByTestId('customer-timeline-entry');
    expect(entries.map((entry) => entry.getAttribute('data-kind'))).toEqual(['follow_up', 'stage_changed', 'created']);
    expect(entries[0]).toHaveTextContent('Follow-up');
    expect(entries[0]).toHaveTextContent('Li Wei');
    expect(within(timeline).queryByTestId('customer-timeline-truncated')).toBeNull();
    expect(screen.queryByTestId('customer-unavailable-tags')).toBeNull();

    expect(callsTo(backend, 'get_customer_profile')[0]?.args).toEqual({
      profileId: DEMO_PROFILE.id,
      connectionId: 'sobot-1',
      customerId: CUSTOMER_ID,
    });
  });

  it('falls back to the nickname, then the id, says so when sections are empty, and notes a cut timeline', async () => {
    const { state } = setup({
      profile: customerProfile({
        name: null,
        vip: false,
        stage: null,
        owner: null,
        tags: [],
        customFields: [],
        timeline: [],
      }),
    });
    const first = renderApp(PATH);
    const profile = await screen.findByTestId('customer-profile');
    expect(within(profile).getByTestId('customer-name')).toHaveTextContent('Chen Jing');
    expect(within(profile).queryByTestId('customer-vip')).toBeNull();
    expect(within(profile).queryByTestId('customer-stage')).toBeNull();
    expect(within(profile).getByTestId('customer-subtitle')).toHaveTextContent('No owner');
    expect(within(profile).getByTestId('customer-tags')).toHaveTextContent('No tags');
    expect(within(profile).getByTestId('customer-fields')).toHaveTextContent('No custom fields');
    expect(within(profile).getByTestId('customer-timeline')).toHaveTextContent('No behaviour recorded');
    first.unmount();

    state.profile = customerProfile({ name: null, nick: null, timelineTruncated: true });
    renderApp(PATH);
    expect(await screen.findByTestId('customer-name')).toHaveTextContent(CUSTOMER_ID);
    expect(screen.getByTestId('customer-timeline-truncated')).toHaveTextContent('Showing the newest 3 events');
  });

  it('shows a section Sobot refused as a notice with the vendor code, and the rest of the profile', async () => {
    setup({
      profile: customerProfile({
        tags: [],
        timeline: [],
        unavailable: [
          { section: 'tags', vendorCode: '900012', message: 'no permission for customer tags' },
          { section: 'timeline', vendorCode: null, message: 'behaviour service unavailable' },
        ],
      }),
    });
    renderApp(PATH);
    const profile = await screen.findByTestId('customer-profile');

    const tags = within(profile).getByTestId('customer-tags');
    const notice = within(tags).getByTestId('customer-unavailable-tags');
    expect(notice).toHaveTextContent('The tags could not be loaded');
    expect(notice).toHaveTextContent('900012');
    expect(notice).toHaveTextContent('no permission for customer tags');
    expect(tags).not.toHaveTextContent('No tags');

    const timeline = within(profile).getByTestId('customer-timeline');
    expect(within(timeline).getByTestId('customer-unavailable-timeline')).toHaveTextContent(
      'Sobot refused: behaviour service unavailable',
    );

    // The rest still shows.
    expect(within(profile).getByTestId('customer-name')).toHaveTextContent('陈静');
    expect(within(profile).getAllByTestId('customer-field')).toHaveLength(2);
    expect(within(profile).queryByTestId('customer-unavailable-custom_fields')).toBeNull();
  });

  it('shows a vendor error on the whole profile with its code; retry loads the profile', async () => {
    const error: IpcError = { code: 'vendor', vendor: 'sobot', vendorCode: '900005', message: 'CRM API not enabled' };
    const { backend } = setup({ failOnce: { get_customer_profile: error } });
    const { user } = renderApp(PATH);
    const panel = await screen.findByTestId('customer-profile-error');
    expect(panel).toHaveTextContent('Sobot refused to send the customer profile');
    expect(within(panel).getByTestId('customer-profile-error-code')).toHaveTextContent('Code 900005');
    expect(panel).toHaveTextContent('CRM API not enabled');
    expect(screen.queryByTestId('customer-profile')).toBeNull();

    await user.click(within(panel).getByTestId('customer-profile-retry'));
    expect(await screen.findByTestId('customer-name')).toHaveTextContent('陈静');
    expect(callsTo(backend, 'get_customer_profile')).toHaveLength(2);
    expect(screen.queryByTestId('customer-profile-error')).toBeNull();
  });

  it('says so when the customer does not exist at Sobot', async () => {
    setup({ failAlways: { get_customer_profile: { code: 'notFound', what: 'customer', message: 'cust-404' } } });
    renderApp('/customers/sobot-1/cust-404');
    const panel = await screen.findByTestId('customer-profile-error');
    expect(panel).toHaveAttribute('data-code', 'notFound');
    expect(panel).toHaveTextContent('This customer was not found');
    expect(panel).toHaveTextContent('cust-404');
  });

  it("reads the customer's tickets from Sobot, then lists them by customer and links each to the ticket desk", async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { backend } = setup({ refreshGate: gate });
    const { user, router } = renderApp(PATH);

    const section = await screen.findByTestId('customer-tickets');
    // The store's copy lists at once while Sobot is read.
    expect(await within(section).findByTestId('customer-tickets-updating')).toHaveTextContent('Updating from Sobot');
    await waitFor(() => expect(within(section).getAllByTestId('customer-ticket-row')).toHaveLength(1));
    expect(within(section).getByTestId('customer-ticket-row')).toHaveTextContent('Invoice for order 8812');

    release();
    await waitFor(() => expect(within(section).getAllByTestId('customer-ticket-row')).toHaveLength(2));
    expect(within(section).queryByTestId('customer-tickets-updating')).toBeNull();
    expect(within(section).getByTestId('customer-tickets-total')).toHaveTextContent('2');

    const refreshes = callsTo(backend, 'refresh_customer_tickets');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.args).toEqual({ profileId: DEMO_PROFILE.id, connectionId: 'sobot-1', customerId: CUSTOMER_ID });
    const lists = callsTo(backend, 'list_tickets');
    const request = lists[lists.length - 1]?.args?.request as TicketListRequest;
    expect(request.filter).toEqual({ connectionIds: ['sobot-1'], customerIds: [CUSTOMER_ID] });
    expect(request.sort).toBe('updatedAt');
    expect(request.ascending).toBe(false);
    // The last listing came after the read from Sobot.
    expect(backend.calls.lastIndexOf(lists[lists.length - 1]!)).toBeGreaterThan(backend.calls.indexOf(refreshes[0]!));

    const rows = within(section).getAllByTestId('customer-ticket-row');
    expect(rows.map((row) => row.getAttribute('data-ticket'))).toEqual(['sobot-1:t-3', 'sobot-1:t-1']);
    expect(rows[0]).toHaveTextContent('Late delivery of order 9001');
    expect(within(rows[0]!).getByTestId('customer-ticket-status')).toHaveTextContent('In progress');
    expect(within(rows[1]!).getByTestId('customer-ticket-status')).toHaveTextContent('Solved');
    expect(rows[0]).toHaveAttribute('href', expect.stringMatching(/^\/tickets\?ticket=sobot-1(%3A|:)t-3$/));
    // Another customer's ticket and the Udesk namesake are not listed.
    expect(section).not.toHaveTextContent('Someone else');
    expect(section).not.toHaveTextContent('Udesk namesake');

    await user.click(rows[0]!);
    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets'));
    expect(router.state.location.search).toMatchObject({ ticket: 'sobot-1:t-3' });
  });

  it('when reading Sobot fails, lists the tickets on this computer with the error inline, and can try again', async () => {
    const { backend } = setup({ failOnce: { refresh_customer_tickets: { code: 'network', message: 'timed out' } } });
    const { user } = renderApp(PATH);
    const section = await screen.findByTestId('customer-tickets');
    const error = await within(section).findByTestId('customer-tickets-refresh-error');
    expect(error).toHaveTextContent('could not be updated from Sobot');
    expect(error).toHaveTextContent('timed out');
    expect(within(section).getAllByTestId('customer-ticket-row')).toHaveLength(1);
    expect(within(section).getByTestId('customer-ticket-row')).toHaveTextContent('Invoice for order 8812');
    // The rest of the profile is unaffected.
    expect(screen.getByTestId('customer-name')).toHaveTextContent('陈静');

    await user.click(within(error).getByTestId('customer-tickets-refresh-retry'));
    await waitFor(() => expect(within(section).getAllByTestId('customer-ticket-row')).toHaveLength(2));
    expect(within(section).queryByTestId('customer-tickets-refresh-error')).toBeNull();
    expect(callsTo(backend, 'refresh_customer_tickets')).toHaveLength(2);
  });

  it('says so when the customer has no tickets in the first-sync period', async () => {
    setup({ tickets: [], remote: [] });
    renderApp(PATH);
    expect(await screen.findByTestId('customer-tickets-empty')).toHaveTextContent('No tickets in the last 6 months');
  });

  it('goes back to the previous page, or to the tickets when opened directly', async () => {
    setup();
    const { user, router } = renderApp('/settings');
    await screen.findByTestId('page-title');
    await router.navigate({ to: '/customers/$connectionId/$customerId', params: { connectionId: 'sobot-1', customerId: CUSTOMER_ID } });
    await screen.findByTestId('customer-profile');
    await user.click(screen.getByTestId('customer-back'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/settings'));
  });

  it('opened directly, the back link leads to the tickets', async () => {
    setup();
    renderApp(PATH);
    await screen.findByTestId('customer-profile');
    expect(screen.getByTestId('customer-back')).toHaveAttribute('href', '/tickets');
  });

  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    setup({}, 'zh-CN');
    renderApp(PATH);
    const profile = await screen.findByTestId('customer-profile');
    expect(within(profile).getByTestId('customer-vip')).toHaveTextContent('VIP 客户 · Gold');
    expect(within(profile).getByTestId('customer-stage')).toHaveTextContent('跟进中');
    expect(within(profile).getByTestId('customer-subtitle')).toHaveTextContent('负责人：Li Wei');
    expect(within(profile).getByTestId('customer-details')).toHaveTextContent('基本信息');
    expect(within(profile).getByTestId('customer-tags')).toHaveTextContent('标签');
    expect(within(profile).getByTestId('customer-fields')).toHaveTextContent('自定义字段');
    expect(within(profile).getByTestId('customer-timeline')).toHaveTextContent('客户动态');
    expect(within(profile).getByTestId('customer-timeline')).toHaveTextContent('跟进记录');
    const tickets = within(profile).getByTestId('customer-tickets');
    expect(tickets).toHaveTextContent('工单');
    await waitFor(() => expect(within(tickets).getAllByTestId('customer-ticket-row')).toHaveLength(2));
    expect(within(tickets).getAllByTestId('customer-ticket-status')[0]).toHaveTextContent('受理中');
    expect(screen.getByTestId('customer-back')).toHaveTextContent('返回');
  });
});

describe('ticket detail → customer profile', () => {
  it('links a Sobot ticket with a customer to /customers/<connection>/<customer>, encoded', async () => {
    const fake = fakeTicketDetail({
      detail: ticketDetail({ customer: { id: 'cust/9 a', name: '陈先生', phone: null, email: null } }),
    });
    installFakeBackend({ settings: { language: 'en', theme: 'light' }, handlers: fake.handlers });
    const { user } = renderWithProviders(
      <TicketDetail profileId={PROFILE_ID} connectionId="sobot-1" ticketId="t-100" onClose={() => undefined} />,
    );
    await screen.findByTestId('ticket-detail');
    await user.click(screen.getByTestId('tab-info'));
    const link = await screen.findByTestId('customer-profile-link');
    expect(link).toHaveAttribute('href', '#/customers/sobot-1/cust%2F9%20a');
  });

  it('opens the profile of an encoded customer id as it was', async () => {
    const { backend } = setup({ profile: customerProfile({ id: 'cust/9 a' }) });
    renderApp('/customers/sobot-1/cust%2F9%20a');
    expect(await screen.findByTestId('customer-profile')).toHaveAttribute('data-customer-id', 'cust/9 a');
    expect(callsTo(backend, 'get_customer_profile')[0]?.args).toMatchObject({ customerId: 'cust/9 a' });
  });

  it('links nowhere for a Udesk ticket (no CRM) or a Sobot ticket without a customer', async () => {
    const udesk = fakeTicketDetail({ detail: ticketDetail({}, 'udesk'), catalogs: [udeskCatalog()] });
    installFakeBackend({ settings: { language: 'en', theme: 'light' }, handlers: udesk.handlers });
    const first = renderWithProviders(
      <TicketDetail profileId={PROFILE_ID} connectionId="udesk-1" ticketId="t-100" onClose={() => undefined} />,
    );
    await screen.findByTestId('ticket-detail');
    await first.user.click(screen.getByTestId('tab-info'));
    expect(await screen.findByTestId('ticket-customer')).toHaveTextContent('陈先生');
    expect(screen.queryByTestId('customer-profile-link')).toBeNull();
    first.unmount();

    const detail = ticketDetail({ customer: { id: null, name: '访客', phone: null, email: null } });
    detail.ticket = { ...detail.ticket, customerId: null };
    const anonymous = fakeTicketDetail({ detail });
    installFakeBackend({ settings: { language: 'en', theme: 'light' }, handlers: anonymous.handlers });
    const second = renderWithProviders(
      <TicketDetail profileId={PROFILE_ID} connectionId="sobot-1" ticketId="t-100" onClose={() => undefined} />,
    );
    await screen.findByTestId('ticket-detail');
    await second.user.click(screen.getByTestId('tab-info'));
    expect(await screen.findByTestId('ticket-customer')).toHaveTextContent('访客');
    expect(screen.queryByTestId('customer-profile-link')).toBeNull();
  });
});
