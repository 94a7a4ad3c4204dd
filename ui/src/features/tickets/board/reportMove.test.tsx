import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../i18n/setup';
import { ticketRow } from '../../../test/fakeTickets';
import { reportMove } from './TicketBoard';

function renderNotifications() {
  render(
    <MantineProvider env="test">
      <Notifications />
    </MantineProvider>,
  );
}

describe('reportMove (how a drag that did not work is told)', () => {
  it('shows the vendor error', async () => {
    renderNotifications();
    act(() =>
      reportMove(
        i18n.t,
        { kind: 'error', error: { code: 'vendor', vendor: 'sobot', vendorCode: '1001', message: 'status flow refused' } },
        (code) => code,
        () => undefined,
      ),
    );
    expect(await screen.findByTestId('error-notification')).toHaveTextContent('status flow refused');
  });

  it('tells that the ticket changed meanwhile and offers to open it', async () => {
    renderNotifications();
    const onOpen = vi.fn();
    const ticket = ticketRow({ ticketId: '42', ticketCode: 'T-42', statusCode: '3' });
    act(() => reportMove(i18n.t, { kind: 'conflict', ticket }, () => 'Solved', onOpen));
    const note = await screen.findByTestId('ticket-conflict-notification');
    expect(note).toHaveTextContent('Ticket T-42 was changed at the vendor since you loaded it (it is now Solved)');
    await userEvent.click(screen.getByTestId('ticket-conflict-open'));
    expect(onOpen).toHaveBeenCalledWith(ticket);
  });

  it('stays silent when the move worked', () => {
    renderNotifications();
    act(() => reportMove(i18n.t, { kind: 'done', ticket: ticketRow({ ticketId: '1' }) }, (code) => code, () => undefined));
    expect(screen.queryByTestId('error-notification')).not.toBeInTheDocument();
    expect(screen.queryByTestId('ticket-conflict-notification')).not.toBeInTheDocument();
  });
});
