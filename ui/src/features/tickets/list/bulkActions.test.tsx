import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcError, TicketChangeInput } from '../../../bindings';
import { DEMO_PROFILE, installFakeBackend, type FakeBackend } from '../../../test/fakeBackend';
import { fakeTickets, manyTickets, SOBOT_CATALOG, ticketRow, UDESK_CATALOG } from '../../../test/fakeTickets';
import { renderApp } from '../../../test/renderApp';

// The detail panel and the create modal are tested elsewhere: stand-ins here.
vi.mock('../detail/TicketDetail', () => ({ TicketDetail: () => <div data-testid="ticket-detail-stub" /> }));
vi.mock('../create/CreateTicketModal', () => ({ CreateTicketModal: () => null }));

// Whole-app renders are slow on a loaded CI machine: wait longer than the defaults.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 60_000 });

type FakeOptions = Parameters<typeof fakeTickets>[0];
type Handler = (args: Record<string, unknown>) => unknown;

function setup(options: FakeOptions = {}, extra: { language?: string; handlers?: Record<string, Handler> } = {}) {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(720);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  const fake = fakeTickets({ tickets: manyTickets(6), ...options });
  const handlers = { ...fake.handlers, set_acting_agent: () => null, ...extra.handlers };
  const ipc = installFakeBackend({
    activeProfile: DEMO_PROFILE,
    settings: { language: (extra.language ?? 'en') as 'en' },
    handlers,
  });
  return { fake, ipc, ...renderApp('/tickets?view=list') };
}

const changeCalls = (ipc: FakeBackend) =>
  ipc.calls
    .filter((call) => call.cmd === 'change_ticket')
    .map((call) => call.args as { connectionId: string; ticketId: string; change: TicketChangeInput; seenVersion: number | null });

type User = ReturnType<typeof setup>['user'];

async function select(user: User, ...keys: string[]) {
  await screen.findByTestId(`ticket-row-${keys[0] ?? ''}`);
  for (const key of keys) await user.click(screen.getByTestId(`ticket-row-check-${key}`));
}

/** Opens a bulk action and chooses its value. */
async function openAction(user: User, field: string, option: string | RegExp) {
  await user.click(screen.getByTestId('bulk-actions'));
  await user.click(await screen.findByTestId(`bulk-action-${field}`));
  const modal = await screen.findByTestId('bulk-modal');
  await user.click(within(modal).getByTestId('bulk-value'));
  await user.click(await within(modal).findByRole('option', { name: option }));
  return modal;
}

beforeEach(() => {
  localStorage.clear();
});

describe('bulk actions on the selected rows', () => {
  it("changes the status of every selected ticket, one change_ticket per ticket with the row's version", async () => {
    const { ipc, user } = setup();
    await select(user, 'sobot-1:1', 'sobot-1:2', 'sobot-1:4');
    const modal = await openAction(user, 'status', 'Solved');
    expect(modal).toHaveTextContent('3 selected tickets on Sobot China.');
    await user.click(within(modal).getByTestId('bulk-apply'));

    expect(await within(modal).findByTestId('bulk-summary')).toHaveTextContent('3 changed');
    // Every selected ticket changed: the selection is empty, so only the report and Close are left.
    expect(within(modal).queryByTestId('bulk-scope')).not.toBeInTheDocument();
    expect(within(modal).queryByTestId('bulk-apply')).not.toBeInTheDocument();
    const versionOf = (ticketId: string) => manyTickets(6).find((row) => row.ticketId === ticketId)?.updatedAtMs;
    expect(changeCalls(ipc)).toEqual(
      ['1', '2', '4'].map((ticketId) => ({
        profileId: 'demo',
        connectionId: 'sobot-1',
        ticketId,
        change: { status: '3' },
        seenVersion: versionOf(ticketId),
      })),
    );
    expect(within(modal).queryByTestId('bulk-problems')).not.toBeInTheDocument();
    // The changed tickets leave the selection; the list is reloaded.
    await waitFor(() => expect(screen.queryByTestId('ticket-list-selection')).not.toBeInTheDocument());
    await user.click(within(modal).getByTestId('bulk-close'));
    await waitFor(() => expect(screen.queryByTestId('bulk-apply')).not.toBeInTheDocument());
    await waitFor(() => expect(within(screen.getByTestId('ticket-row-sobot-1:1')).getByText('Solved')).toBeInTheDocument());
  });

  it('keeps the summary when the changed tickets leave the filtered list', async () => {
    const { ipc, user } = setup();
    await user.click(within(await screen.findByTestId('status-counts')).getByText(/^New/));
    await waitFor(() => expect(screen.getByTestId('ticket-list-total')).toHaveTextContent('2 tickets'));
    await user.click(screen.getByTestId('list-select-all'));
    const modal = await openAction(user, 'status', 'Solved');
    await user.click(within(modal).getByTestId('bulk-apply'));
    expect(await within(modal).findByTestId('bulk-summary')).toHaveTextContent('2 changed');
    expect(changeCalls(ipc).map((call) => call.ticketId)).toEqual(['1', '4']);
    expect(await screen.findByTestId('tickets-no-match')).toBeInTheDocument();
    // The dialog did not go with the list's rows.
    expect(screen.getByTestId('bulk-summary')).toHaveTextContent('2 changed');
    expect(screen.getByTestId('bulk-close')).toBeVisible();
  });

  it('assigns the selected tickets to an agent of their connection', async () => {
    const { ipc, user } = setup();
    await select(user, 'sobot-1:3', 'sobot-1:5');
    const modal = await openAction(user, 'assignee', /Zhang Min/);
    await user.click(within(modal).getByTestId('bulk-apply'));
    expect(await within(modal).findByTestId('bulk-summary')).toHaveTextContent('2 changed');
    expect(changeCalls(ipc).map((call) => [call.ticketId, call.change])).toEqual([
      ['3', { assigneeId: 'a-2' }],
      ['5', { assigneeId: 'a-2' }],
    ]);
  });

  it('reports a conflict and a vendor error per ticket while the others are changed; those stay selected', async () => {
    const vendorError: IpcError = { code: 'vendor', vendor: 'sobot', vendorCode: '40001', message: 'ticket is locked' };
    const { ipc, user } = setup({
      change: (ticketId) => (ticketId === '2' ? 'conflict' : ticketId === '3' ? vendorError : 'done'),
    });
    await select(user, 'sobot-1:1', 'sobot-1:2', 'sobot-1:3', 'sobot-1:4');
    const modal = await openAction(user, 'priority', 'Urgent');
    await user.click(within(modal).getByTestId('bulk-apply'));

    expect(await within(modal).findByTestId('bulk-summary')).toHaveTextContent(
      '2 changed, 1 skipped because it changed at the vendor, 1 failed',
    );
    expect(changeCalls(ipc)).toHaveLength(4);
    const conflict = within(modal).getByTestId('bulk-problem-sobot-1:2');
    expect(conflict).toHaveTextContent('100002');
    expect(conflict).toHaveTextContent('Generated ticket 2');
    expect(conflict).toHaveTextContent('Changed at the vendor since the list was loaded; not changed.');
    const failed = within(modal).getByTestId('bulk-problem-sobot-1:3');
    expect(failed).toHaveTextContent('Generated ticket 3');
    expect(failed).toHaveTextContent('Error code 40001: ticket is locked');
    expect(within(modal).queryByTestId('bulk-problem-sobot-1:1')).not.toBeInTheDocument();
    // No notification on top: the outcomes are in the dialog.
    expect(screen.queryByTestId('error-notification')).not.toBeInTheDocument();

    await waitFor(() => expect(screen.getByTestId('ticket-list-selection')).toHaveTextContent('2 selected'));
    expect(screen.getByTestId('ticket-row-sobot-1:2')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('ticket-row-sobot-1:3')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('ticket-row-sobot-1:1')).toHaveAttribute('aria-selected', 'false');
    expect(within(modal).getByTestId('bulk-apply')).toHaveTextContent('Apply to 2 tickets');
  });

  it('stops before the next ticket, and cannot be closed while running', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const base = fakeTickets({ tickets: manyTickets(6) }).handlers;
    const { ipc, user } = setup(
      {},
      {
        handlers: {
          change_ticket: async (args) => {
            await gate;
            return base.change_ticket?.(args);
          },
        },
      },
    );
    await select(user, 'sobot-1:1', 'sobot-1:2', 'sobot-1:3');
    const modal = await openAction(user, 'group', 'Escalations');
    await user.click(within(modal).getByTestId('bulk-apply'));

    expect(await within(modal).findByTestId('bulk-progress')).toHaveTextContent('0 of 3');
    expect(within(modal).queryByTestId('bulk-close')).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(within(modal).getByTestId('bulk-stop')).toBeVisible();

    await user.click(within(modal).getByTestId('bulk-stop'));
    expect(within(modal).getByTestId('bulk-progress')).toHaveTextContent('Stopping after this ticket…');
    release();
    expect(await within(modal).findByTestId('bulk-summary')).toHaveTextContent('1 changed, 2 not attempted');
    expect(within(modal).getByTestId('bulk-stopped')).toBeInTheDocument();
    expect(changeCalls(ipc).map((call) => call.ticketId)).toEqual(['1']);
    await waitFor(() => expect(screen.getByTestId('ticket-list-selection')).toHaveTextContent('2 selected'));
  });

  it('disables the actions for a selection across two connections', async () => {
    const { user } = setup({
      catalogs: [SOBOT_CATALOG, UDESK_CATALOG],
      tickets: [
        ticketRow({ ticketId: '1', title: 'Sobot one' }),
        ticketRow({ ticketId: '7', connectionId: 'udesk-1', vendor: 'udesk', statusCode: 'open', title: 'Udesk one' }),
      ],
    });
    await select(user, 'sobot-1:1');
    expect(screen.getByTestId('bulk-actions')).toBeEnabled();
    await user.click(screen.getByTestId('ticket-row-check-udesk-1:7'));
    const button = screen.getByTestId('bulk-actions');
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/Select tickets of one connection/);
    await user.hover(screen.getByTestId('bulk-actions-disabled'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Select tickets of one connection to change them together');
  });

  it('asks for the acting agent when the vendor needs it, then the user applies again', async () => {
    const agentError: IpcError = { code: 'invalidInput', field: 'actingAgent', message: 'choose the acting agent' };
    let asked = false;
    const { ipc, user } = setup({
      change: () => {
        if (asked) return 'done';
        asked = true;
        return agentError;
      },
    });
    await select(user, 'sobot-1:1', 'sobot-1:2');
    const modal = await openAction(user, 'status', 'In progress');
    await user.click(within(modal).getByTestId('bulk-apply'));

    const agentModal = await screen.findByTestId('acting-agent-modal');
    expect(changeCalls(ipc)).toHaveLength(1); // stopped at the first ticket
    await user.click(within(agentModal).getByTestId('acting-agent-select'));
    await user.click(await screen.findByRole('option', { name: /Zhang Min/ }));
    await user.click(within(agentModal).getByTestId('acting-agent-confirm'));
    await waitFor(() => expect(ipc.calls.filter((call) => call.cmd === 'set_acting_agent')).toHaveLength(1));
    expect(ipc.calls.find((call) => call.cmd === 'set_acting_agent')?.args).toMatchObject({
      connectionId: 'sobot-1',
      agentId: 'a-2',
    });

    const back = screen.getByTestId('bulk-modal');
    expect(await within(back).findByTestId('bulk-summary')).toHaveTextContent('0 changed, 2 not attempted');
    expect(within(back).getByTestId('bulk-agent-needed')).toHaveTextContent('Agent chosen. Apply again');
    await user.click(within(back).getByTestId('bulk-apply'));
    expect(await within(back).findByTestId('bulk-summary')).toHaveTextContent(/^2 changed$/);
    expect(changeCalls(ipc).map((call) => call.ticketId)).toEqual(['1', '1', '2']);
    expect(screen.queryByTestId('error-notification')).not.toBeInTheDocument();
  });

  it('is in Chinese when the UI is', async () => {
    const { user } = setup({}, { language: 'zh-CN' });
    await select(user, 'sobot-1:1', 'sobot-1:2');
    expect(screen.getByTestId('bulk-actions')).toHaveTextContent('批量操作');
    await user.click(screen.getByTestId('bulk-actions'));
    expect(await screen.findByTestId('bulk-action-status')).toHaveTextContent('更改状态');
    expect(screen.getByTestId('bulk-action-assignee')).toHaveTextContent('分配给');
    await user.click(screen.getByTestId('bulk-action-status'));
    const modal = await screen.findByTestId('bulk-modal');
    expect(modal).toHaveTextContent('Sobot China 上已选的 2 个工单。');
    await user.click(within(modal).getByTestId('bulk-value'));
    await user.click(await within(modal).findByRole('option', { name: '已解决' }));
    expect(within(modal).getByTestId('bulk-apply')).toHaveTextContent('应用到 2 个工单');
    await user.click(within(modal).getByTestId('bulk-apply'));
    expect(await within(modal).findByTestId('bulk-summary')).toHaveTextContent('已更改 2 个');
    expect(within(modal).getByTestId('bulk-close')).toHaveTextContent('关闭');
  });
});
