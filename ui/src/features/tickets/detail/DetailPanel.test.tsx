import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/fakeTicketDetail';
import { DetailPanel } from './DetailPanel';
import { DETAIL_WIDTH_STORAGE_KEY } from './panelWidth';

/** Renders the panel in a row 1,200 px wide (jsdom lays nothing out, so the row says its width). */
function setup() {
  const view = renderWithProviders(
    <div data-testid="row">
      <DetailPanel>
        <p>ticket</p>
      </DetailPanel>
    </div>,
  );
  Object.defineProperty(screen.getByTestId('row'), 'clientWidth', { configurable: true, value: 1200 });
  return { ...view, handle: screen.getByRole('separator', { name: 'Resize the ticket panel' }) };
}

/** The width the handle reports (jsdom cannot parse the CSS min()/max() the panel is given). */
const panelWidth = () => screen.getByRole('separator').getAttribute('aria-valuenow');

describe('DetailPanel', () => {
  it('widens with the left arrow and narrows with Shift and the right arrow, remembering the width', async () => {
    const { handle, user } = setup();
    expect(panelWidth()).toBeNull();
    handle.focus();
    await user.keyboard('{ArrowLeft}');
    expect(panelWidth()).toBe('584');
    expect(localStorage.getItem(DETAIL_WIDTH_STORAGE_KEY)).toBe('584');
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(localStorage.getItem(DETAIL_WIDTH_STORAGE_KEY)).toBe('488');
  });

  it('opens at the remembered width and goes back to the default on a double click', async () => {
    localStorage.setItem(DETAIL_WIDTH_STORAGE_KEY, '700');
    const { handle, user } = setup();
    expect(panelWidth()).toBe('700');
    await user.dblClick(handle);
    expect(panelWidth()).toBeNull();
    expect(localStorage.getItem(DETAIL_WIDTH_STORAGE_KEY)).toBeNull();
  });

  it('follows a drag of its left edge and keeps the width where the drag ends', () => {
    const { handle } = setup();
    fireEvent.pointerDown(handle, { clientX: 700, pointerId: 1 });
    fireEvent.pointerMove(handle, { clientX: 650, pointerId: 1 });
    expect(panelWidth()).toBe('610');
    expect(handle).toHaveAttribute('data-dragging', 'true');
    fireEvent.pointerUp(handle, { clientX: 600, pointerId: 1 });
    expect(panelWidth()).toBe('660');
    expect(localStorage.getItem(DETAIL_WIDTH_STORAGE_KEY)).toBe('660');
    // Moving the pointer after the drag ended changes nothing.
    fireEvent.pointerMove(handle, { clientX: 100, pointerId: 1 });
    expect(panelWidth()).toBe('660');
  });

  it('never leaves the board less than its room', async () => {
    const { handle, user } = setup();
    handle.focus();
    await user.keyboard('{Home}');
    expect(localStorage.getItem(DETAIL_WIDTH_STORAGE_KEY)).toBe('920');
  });
});
