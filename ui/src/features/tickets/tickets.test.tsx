import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketListRequest } from '../../bindings';
import { DEMO_PROFILE, installFakeBackend } from '../../test/fakeBackend';
import { fakeTickets, manyTickets, SOBOT_CATALOG, ticketRow, UDESK_CATALOG } from '../../test/fakeTickets';
import { renderApp } from '../../test/renderApp';
import { COLUMNS_STORAGE_KEY } from './list/columns';

function installTickets(options: Parameters<typeof fakeTickets>[0] = {}, backend: Parameters<typeof installFakeBackend>[0] = {}) {
  const fake = fakeTickets(options);
  const ipc = installFakeBackend({ activeProfile: DEMO_PROFILE, settings: { language: 'en' }, ...backend, handlers: fake.handlers });
  return { fake, ipc };
}

const listRequests = (ipc: ReturnType<typeof installFakeBackend>) =>
  ipc.callsTo('list_tickets' as never).map((call) => (call.args as { request: TicketListRequest }).request);

/** Gives the list's scroll box a size in jsdom (the virtualizer reads clientWidth / clientHeight). */
function sizeElements() {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(720);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
}

// The detail panel and the create modal are another part of the feature (tested there): stand-ins here.
vi.mock('./detail/TicketDetail', () => ({
  TicketDetail: ({ connectionId, ticketId }: { connectionId: string; ticketId: string }) => (
    <div data-testid="ticket-detail-stub" data-ticket={`${connectionId}:${ticketId}`} />
  ),
}));
vi.mock('./create/CreateTicketModal', () => ({
  CreateTicketModal: ({ opened }: { opened: boolean }) => (opened ? <div data-testid="create-ticket-stub" /> : null),
}));

// Whole-app renders are slow on a loaded CI machine: wait longer than the defaults.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 60_000 });

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Tickets page states', () => {
  it('offers the demo workspace or a new profile when no profile is open', async () => {
    const { ipc } = installTickets({}, { activeProfile: null });
    const { user, router } = renderApp('/tickets');
    const state = await screen.findByTestId('tickets-no-profile');
    expect(state).toHaveTextContent('No profile open');
    expect(screen.getByTestId('page-title')).toHaveTextContent('Tickets');

    await user.click(within(state).getByTestId('tickets-open-demo'));
    await waitFor(() => expect(ipc.callsTo('open_demo_workspace')).toHaveLength(1));
    // With the demo open, the page shows its tickets (none here: the "sync now" state).
    expect(await screen.findByTestId('tickets-not-synced')).toBeInTheDocument();

    await user.click(screen.getByTestId('nav-tickets'));
    expect(router.state.location.pathname).toBe('/tickets');
  });

  it('sends "Add a profile" to Settings', async () => {
    installTickets({}, { activeProfile: null });
    const { user, router } = renderApp('/tickets');
    await user.click(await screen.findByTestId('tickets-add-profile'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/settings'));
  });

  it('offers "Sync now" when nothing is synced, and shows the tickets after the sync', async () => {
    const { fake, ipc } = installTickets(
      {},
      { sync: { progress: [], summaries: [{ connectionId: 'sobot-1', tickets: 2, failures: [], complete: true }] } },
    );
    const { user } = renderApp('/tickets');
    const state = await screen.findByTestId('tickets-not-synced');
    expect(state).toHaveTextContent('No tickets synced yet');
    // The sync writes tickets; the page refreshes its queries when it ends.
    fake.tickets.push(ticketRow({ ticketId: '1', title: 'Printer on fire' }), ticketRow({ ticketId: '2', statusCode: '1' }));
    await user.click(within(state).getByTestId('tickets-sync-now'));
    expect(await screen.findByText('Printer on fire')).toBeInTheDocument();
    expect(ipc.callsTo('sync_profile')).toHaveLength(1);
  });

  it('says so when the profile has no ticket connection', async () => {
    installTickets({ catalogs: [] });
    renderApp('/tickets');
    expect(await screen.findByTestId('tickets-no-connection')).toHaveTextContent('No ticket connection in this profile');
  });

  it('shows the error and a retry when the local store cannot be read', async () => {
    installTickets(
      { tickets: [ticketRow({ ticketId: '1' })] },
      { errors: { ['count_tickets_by_status' as never]: { code: 'storage', message: 'disk gone' } } },
    );
    renderApp('/tickets');
    expect(await screen.findByTestId('tickets-load-error')).toHaveTextContent('The tickets could not be loaded');
  });

  it('is in Chinese when the UI is', async () => {
    installTickets({}, { activeProfile: null, settings: { language: 'zh-CN' } });
    renderApp('/tickets');
    expect(await screen.findByText('尚未打开配置')).toBeInTheDocument();
    expect(screen.getByTestId('tickets-open-demo')).toHaveTextContent('打开演示工作区');
  });
});

describe('the board', () => {
  it('has one column per status in vendor order, custom ones included, a deleted one only while tickets carry it', async () => {
    installTickets({
      tickets: [
        ticketRow({ ticketId: '1', statusCode: '0', title: 'New one', seen: 'changed' }),
        ticketRow({ ticketId: '2', statusCode: 'c-wait', title: 'Waiting one', priorityCode: '3' }),
        ticketRow({ ticketId: '3', statusCode: 'c-old', title: 'Old escalation' }),
      ],
    });
    renderApp('/tickets');
    await screen.findByText('New one');
    const titles = screen.getAllByTestId('board-column-title').map((node) => node.textContent);
    expect(titles).toEqual(['New', 'In progress', 'Waiting for parts', 'Escalated (old)', 'Solved']);
    expect(within(screen.getByTestId('board-column-c-wait')).getByText('Custom')).toBeInTheDocument();
    expect(within(screen.getByTestId('board-column-c-old')).getByText('Deleted')).toBeInTheDocument();
    expect(screen.queryByTestId('board-column-c-gone')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('board-column-0')).getByTestId('board-column-count')).toHaveTextContent('1');
    expect(within(screen.getByTestId('board-column-1')).getByTestId('board-column-empty')).toBeInTheDocument();

    const card = screen.getByTestId('ticket-card-sobot-1:1');
    expect(within(card).getByTestId('seen-changed')).toBeInTheDocument();
    expect(card).toHaveTextContent('Li Wei · Chen Jing');
    expect(card).toHaveTextContent('Desktop web');
    expect(within(screen.getByTestId('ticket-card-sobot-1:2')).getByText('Urgent')).toBeInTheDocument();
  });

  it('pages a column 50 cards at a time', async () => {
    const { ipc } = installTickets({ tickets: manyTickets(180) }); // 60 per status
    const { user } = renderApp('/tickets');
    const column = await screen.findByTestId('board-column-0');
    await waitFor(() => expect(within(column).getAllByTestId(/^ticket-card-sobot/)).toHaveLength(50));
    await user.click(within(column).getByTestId('board-column-more-0'));
    await waitFor(() => expect(within(column).getAllByTestId(/^ticket-card-sobot/)).toHaveLength(60));
    const requests = listRequests(ipc).filter((request) => request.filter.statuses?.[0] === '0');
    expect(requests.map((request) => [request.offset, request.limit])).toEqual([
      [0, 50],
      [50, 50],
    ]);
    expect(requests[0]?.filter.connectionIds).toEqual(['sobot-1']);
  });

  it('switches the connection shown when the profile has several', async () => {
    installTickets({
      catalogs: [SOBOT_CATALOG, UDESK_CATALOG],
      tickets: [
        ticketRow({ ticketId: '1', title: 'Sobot ticket' }),
        ticketRow({ ticketId: 'u1', connectionId: 'udesk-1', vendor: 'udesk', statusCode: 'solving', title: 'Udesk ticket' }),
      ],
    });
    const { user } = renderApp('/tickets');
    await screen.findByText('Sobot ticket');
    await user.click(screen.getByTestId('board-connection'));
    await user.click(await screen.findByRole('option', { name: 'Udesk main' }));
    expect(await screen.findByText('Udesk ticket')).toBeInTheDocument();
    expect(screen.getAllByTestId('board-column-title').map((node) => node.textContent)).toEqual([
      'Open',
      'Solving',
      'Resolved',
      'Closed',
    ]);
  });

  it('opens a ticket in the side panel and keeps it in the address', async () => {
    installTickets({ tickets: [ticketRow({ ticketId: '7', title: 'Open me' })] });
    const { user, router } = renderApp('/tickets');
    await user.click(await screen.findByText('Open me'));
    const panel = await screen.findByTestId('ticket-detail-panel');
    expect(within(panel).getByTestId('ticket-detail-stub')).toHaveAttribute('data-ticket', 'sobot-1:7');
    expect(router.state.location.search).toMatchObject({ ticket: 'sobot-1:7' });
  });

  it('opens the ticket named in the address', async () => {
    installTickets({ tickets: [ticketRow({ ticketId: '9' })] });
    renderApp('/tickets?ticket=sobot-1%3A9');
    const panel = await screen.findByTestId('ticket-detail-panel');
    expect(within(panel).getByTestId('ticket-detail-stub')).toHaveAttribute('data-ticket', 'sobot-1:9');
  });
});

describe('keyboard', () => {
  it('moves with j and k, opens with Enter, focuses the search with /', async () => {
    installTickets({
      tickets: [
        ticketRow({ ticketId: '1', title: 'First', updatedAtMs: 3000 }),
        ticketRow({ ticketId: '2', title: 'Second', updatedAtMs: 2000 }),
        ticketRow({ ticketId: '3', title: 'Third', updatedAtMs: 1000 }),
      ],
    });
    const { user, router } = renderApp('/tickets');
    await screen.findByText('Third');
    await user.keyboard('j');
    expect(screen.getByTestId('ticket-card-sobot-1:1')).toHaveAttribute('data-selected', 'true');
    await user.keyboard('jj');
    expect(screen.getByTestId('ticket-card-sobot-1:3')).toHaveAttribute('data-selected', 'true');
    await user.keyboard('k');
    expect(screen.getByTestId('ticket-card-sobot-1:2')).toHaveAttribute('data-selected', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ ticket: 'sobot-1:2' }));

    await user.keyboard('/');
    const search = screen.getByTestId('ticket-search');
    expect(search).toHaveFocus();
    // Typing in the search is text, not shortcuts.
    await user.keyboard('jk');
    expect(search).toHaveValue('jk');
    expect(screen.getByTestId('ticket-card-sobot-1:2')).toHaveAttribute('data-selected', 'true');
  });

  it('opens the command palette with Ctrl+K and jumps to a ticket by number', async () => {
    installTickets({
      tickets: [ticketRow({ ticketId: '1', ticketCode: '240501', title: 'Refund request' }), ticketRow({ ticketId: '2' })],
    });
    const { user, router } = renderApp('/tickets');
    await screen.findByText('Refund request');
    await user.keyboard('{Control>}k{/Control}');
    const input = await screen.findByTestId('palette-search');
    expect(screen.getByTestId('palette-mode-list')).toBeInTheDocument();
    await user.type(input, '2405');
    await user.click(await screen.findByTestId('palette-ticket-sobot-1:1'));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ ticket: 'sobot-1:1' }));
  });

  it('finds tickets by title through the store and switches to the list from the palette', async () => {
    const { ipc } = installTickets({
      tickets: [ticketRow({ ticketId: '1', title: 'Alpha' }), ticketRow({ ticketId: '2', title: 'Invoice missing' })],
    });
    const { user, router } = renderApp('/tickets');
    await screen.findByText('Alpha');
    await user.keyboard('{Meta>}k{/Meta}');
    await user.type(await screen.findByTestId('palette-search'), 'invoice');
    expect(await screen.findByTestId('palette-ticket-sobot-1:2')).toBeInTheDocument();
    await waitFor(() => expect(listRequests(ipc).some((request) => request.filter.text === 'invoice')).toBe(true));

    await user.clear(screen.getByTestId('palette-search'));
    await user.click(screen.getByTestId('palette-mode-list'));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ view: 'list' }));
  });
});

describe('the list', () => {
  it('virtualizes 50,000 rows: loads only the pages in view, 200 rows each', async () => {
    sizeElements();
    const { ipc } = installTickets({ tickets: manyTickets(50_000) });
    renderApp('/tickets?view=list');
    expect(await screen.findByTestId('ticket-list-total')).toHaveTextContent('50,000 tickets');
    const list = screen.getByTestId('ticket-list');
    expect(list).toHaveAttribute('aria-rowcount', '50001');
    const rendered = await within(list).findAllByTestId(/^ticket-row-sobot/);
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(80);
    const requests = listRequests(ipc).filter((request) => request.limit === 200);
    expect(new Set(requests.map((request) => request.offset))).toEqual(new Set([0]));

    // Scrolling far down loads that page (and not the ones in between).
    list.scrollTop = 36 * 30_000;
    fireEvent.scroll(list);
    await waitFor(() => expect(within(list).getByTestId('ticket-row-sobot-1:30001')).toBeInTheDocument());
    const offsets = new Set(listRequests(ipc).filter((request) => request.limit === 200).map((request) => request.offset));
    expect(offsets.has(30_000 - (30_000 % 200))).toBe(true);
    expect(offsets.has(1000)).toBe(false);
  });

  it('sorts by a column header, flipping on a second click', async () => {
    sizeElements();
    const { ipc } = installTickets({ tickets: manyTickets(30) });
    const { user } = renderApp('/tickets?view=list');
    await screen.findByTestId('ticket-list-total');
    await user.click(screen.getByTestId('list-sort-title'));
    await waitFor(() => expect(listRequests(ipc).at(-1)).toMatchObject({ sort: 'title', ascending: true }));
    await user.click(screen.getByTestId('list-sort-title'));
    await waitFor(() => expect(listRequests(ipc).at(-1)).toMatchObject({ sort: 'title', ascending: false }));
    await user.click(screen.getByTestId('list-sort-priority'));
    await waitFor(() => expect(listRequests(ipc).at(-1)).toMatchObject({ sort: 'priority', ascending: false }));
    const header = screen.getByTestId('list-sort-priority').closest('[role="columnheader"]');
    expect(header).toHaveAttribute('aria-sort', 'descending');
  });

  it('remembers the chosen columns', async () => {
    sizeElements();
    installTickets({ tickets: manyTickets(5) });
    const first = renderApp('/tickets?view=list');
    await screen.findByTestId('ticket-list-total');
    expect(screen.queryByTestId('list-sort-created')).not.toBeInTheDocument();
    await first.user.click(screen.getByTestId('list-column-chooser'));
    await first.user.click(await screen.findByTestId('list-column-toggle-created'));
    await first.user.click(screen.getByTestId('list-column-toggle-customer'));
    expect(screen.getByTestId('list-sort-created')).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY) ?? '[]')).toEqual([
      'number',
      'title',
      'status',
      'priority',
      'assignee',
      'created',
      'updated',
    ]);
    first.unmount();

    renderApp('/tickets?view=list');
    await screen.findByTestId('ticket-list-total');
    expect(screen.getByTestId('list-sort-created')).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((node) => node.textContent)).not.toContain('Customer');
  });

  it('selects rows with checkboxes, shift-click selecting a range, and shows the count', async () => {
    sizeElements();
    installTickets({ tickets: manyTickets(40) });
    const { user } = renderApp('/tickets?view=list');
    await screen.findByTestId('ticket-row-sobot-1:1');
    await user.click(screen.getByTestId('ticket-row-check-sobot-1:2'));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByTestId('ticket-row-check-sobot-1:6'));
    await user.keyboard('{/Shift}');
    expect(screen.getByTestId('ticket-list-selection')).toHaveTextContent('5 selected');
    for (const id of ['2', '3', '4', '5', '6']) {
      expect(screen.getByTestId(`ticket-row-sobot-1:${id}`)).toHaveAttribute('aria-selected', 'true');
    }
    expect(screen.getByTestId('ticket-row-sobot-1:1')).toHaveAttribute('aria-selected', 'false');
    // Clicking a checkbox selects; it does not open the ticket.
    expect(screen.queryByTestId('ticket-detail-panel')).not.toBeInTheDocument();
    await user.click(screen.getByText('Clear selection'));
    expect(screen.queryByTestId('ticket-list-selection')).not.toBeInTheDocument();
  });

  it('moves with j / k through the rows', async () => {
    sizeElements();
    installTickets({ tickets: manyTickets(10) });
    const { user, router } = renderApp('/tickets?view=list');
    await screen.findByTestId('ticket-row-sobot-1:1');
    await user.keyboard('jjj');
    expect(screen.getByTestId('ticket-row-sobot-1:3')).toHaveAttribute('aria-current', 'true');
    await user.keyboard('k{Enter}');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ ticket: 'sobot-1:2' }));
  });

  it('filters by status from the counts and by text after a pause in typing', async () => {
    sizeElements();
    const { ipc } = installTickets({
      tickets: [
        ticketRow({ ticketId: '1', statusCode: '0', title: 'Broken screen' }),
        ticketRow({ ticketId: '2', statusCode: '1', title: 'Late delivery' }),
        ticketRow({ ticketId: '3', statusCode: '1', title: 'Late refund', customerName: 'Zhou' }),
      ],
    });
    const { user } = renderApp('/tickets?view=list');
    const counts = await screen.findByTestId('status-counts');
    expect(within(counts).getByText('In progress · 2')).toBeInTheDocument();
    expect(within(counts).getByText('New · 1')).toBeInTheDocument();
    await user.click(within(counts).getByText(/In progress/));
    await waitFor(() => expect(screen.getByTestId('ticket-list-total')).toHaveTextContent('2 tickets'));
    expect(listRequests(ipc).at(-1)?.filter).toEqual({ statuses: ['1'] });

    await user.type(screen.getByTestId('ticket-search'), 'refund');
    await waitFor(() => expect(listRequests(ipc).at(-1)?.filter).toEqual({ statuses: ['1'], text: 'refund' }));
    await waitFor(() => expect(screen.getByTestId('ticket-list-total')).toHaveTextContent('1 ticket'));

    await user.click(screen.getByTestId('filter-clear'));
    await waitFor(() => expect(screen.getByTestId('ticket-list-total')).toHaveTextContent('3 tickets'));
    expect(screen.getByTestId('ticket-search')).toHaveValue('');
  });

  it('searches once typing pauses, not on every keystroke', async () => {
    sizeElements();
    const { ipc } = installTickets({ tickets: [ticketRow({ ticketId: '1', title: 'Late refund' })] });
    renderApp('/tickets?view=list');
    await screen.findByText('Late refund');
    const search = screen.getByTestId('ticket-search');
    // Keystrokes in quick succession (faster than the pause the search waits for).
    for (const text of ['r', 're', 'ref', 'refu', 'refun', 'refund']) fireEvent.change(search, { target: { value: text } });
    await waitFor(() => expect(listRequests(ipc).some((request) => request.filter.text === 'refund')).toBe(true));
    expect(listRequests(ipc).filter((request) => request.filter.text !== undefined).map((r) => r.filter.text)).toEqual(['refund']);
  });

  it('says nothing matches, and clears the filter on request', async () => {
    sizeElements();
    installTickets({ tickets: [ticketRow({ ticketId: '1', title: 'Only one' })] });
    const { user } = renderApp('/tickets?view=list');
    await screen.findByText('Only one');
    await user.type(screen.getByTestId('ticket-search'), 'zzz');
    expect(await screen.findByTestId('tickets-no-match')).toHaveTextContent('No tickets match');
    await user.click(screen.getByTestId('tickets-clear-filters'));
    expect(await screen.findByText('Only one')).toBeInTheDocument();
  });
});

describe('saved views', () => {
  it('saves the current filter, refuses a duplicate name at the field, applies, renames and deletes', async () => {
    sizeElements();
    const { fake } = installTickets({
      tickets: [ticketRow({ ticketId: '1', title: 'Alpha' }), ticketRow({ ticketId: '2', statusCode: '1', title: 'Beta' })],
      views: [{ id: 'v-old', name: 'Mine', filter: { assigneeIds: ['a-2'] }, updatedAtMs: 1 }],
    });
    const { user } = renderApp('/tickets?view=list');
    await screen.findByText('Beta');
    await user.click(within(await screen.findByTestId('status-counts')).getByText(/In progress/));
    await waitFor(() => expect(screen.queryByText('Alpha')).not.toBeInTheDocument());

    await user.click(screen.getByTestId('saved-views-button'));
    const dropdown = await screen.findByTestId('saved-views-dropdown');
    // A name that is taken: the error is shown at the field, nothing is saved.
    await user.type(within(dropdown).getByTestId('save-view-name'), 'Mine');
    await user.click(within(dropdown).getByTestId('save-view-submit'));
    expect(await within(dropdown).findByText('A view with this name already exists.')).toBeInTheDocument();
    expect(screen.queryByTestId('error-notification')).not.toBeInTheDocument();

    await user.clear(within(dropdown).getByTestId('save-view-name'));
    await user.type(within(dropdown).getByTestId('save-view-name'), 'In progress');
    await user.click(within(dropdown).getByTestId('save-view-submit'));
    await waitFor(() => expect(fake.views.map((view) => view.name).sort()).toEqual(['In progress', 'Mine']));
    expect(fake.views.find((view) => view.name === 'In progress')?.filter).toEqual({ statuses: ['1'] });
    expect(await screen.findByTestId('saved-views-button')).toHaveTextContent('View: In progress');

    // Apply the other view: its filter replaces the current one.
    await user.click(within(dropdown).getByTestId('view-apply-v-old'));
    await waitFor(() => expect(screen.getByTestId('saved-views-button')).toHaveTextContent('View: Mine'));
    expect(await screen.findByTestId('tickets-no-match')).toBeInTheDocument();

    // Rename it, then delete it.
    await user.click(screen.getByTestId('saved-views-button'));
    await user.click(await screen.findByTestId('view-rename-v-old'));
    const rename = screen.getByTestId('view-rename-input-v-old');
    await user.clear(rename);
    await user.type(rename, 'Zhang Min{Enter}');
    await waitFor(() => expect(fake.views.find((view) => view.id === 'v-old')?.name).toBe('Zhang Min'));
    await user.click(await screen.findByTestId('view-delete-v-old'));
    await user.click(screen.getByTestId('view-delete-confirm-v-old'));
    await waitFor(() => expect(fake.views.map((view) => view.id)).not.toContain('v-old'));
    await waitFor(() => expect(screen.queryByTestId('view-row-v-old')).not.toBeInTheDocument());
  });
});

describe('sync', () => {
  it('refreshes the board after a sync from the page', async () => {
    const { fake } = installTickets(
      { tickets: [ticketRow({ ticketId: '1', title: 'Before' })] },
      { sync: { progress: [], summaries: [{ connectionId: 'sobot-1', tickets: 1, failures: [], complete: true }] } },
    );
    const { user } = renderApp('/tickets');
    await screen.findByText('Before');
    fake.tickets.push(ticketRow({ ticketId: '2', title: 'After', updatedAtMs: Date.now() }));
    await user.click(screen.getByTestId('tickets-sync'));
    expect(await screen.findByText('After')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('tickets-sync')).not.toHaveAttribute('data-loading'));
  });
});
