import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeBackend } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

const AREAS = [
  { testId: 'nav-tickets', path: '/tickets', title: 'Tickets' },
  { testId: 'nav-customers', path: '/customers', title: 'Customers' },
  { testId: 'nav-blacklist', path: '/blacklist', title: 'Blacklist' },
  { testId: 'nav-campaigns', path: '/campaigns', title: 'Outbound campaigns' },
  { testId: 'nav-callcenter', path: '/call-center', title: 'Call center' },
  { testId: 'nav-dashboard', path: '/dashboard', title: 'Dashboard' },
  { testId: 'nav-settings', path: '/settings', title: 'Settings' },
];

describe('navigation', () => {
  it('opens Tickets when the app starts at the default route', async () => {
    installFakeBackend();
    const { router } = renderApp('/');
    expect(await screen.findByTestId('page-title')).toHaveTextContent('Tickets');
    expect(router.state.location.pathname).toBe('/tickets');
    expect(screen.getByTestId('app-shell')).toBeInTheDocument();
  });

  it('lists the areas in product order, Settings last', async () => {
    installFakeBackend();
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const ids = within(nav)
      .getAllByRole('link')
      .map((link) => link.getAttribute('data-testid'));
    expect(ids).toEqual(AREAS.map((area) => area.testId));
  });

  it.each(AREAS)('shows the $title page when its navigation item is clicked', async ({ testId, path, title }) => {
    installFakeBackend();
    // Start somewhere else, so that every item (Tickets included) really navigates.
    const { user, router } = renderApp(path === '/dashboard' ? '/customers' : '/dashboard');
    await screen.findByTestId('page-title');
    await user.click(screen.getByTestId(testId));
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent(title));
    expect(router.state.location.pathname).toBe(path);
    expect(screen.getByTestId(testId)).toHaveAttribute('aria-current', 'page');
  });

  it.each(AREAS.filter((area) => area.path !== '/settings' && area.path !== '/tickets'))(
    'says plainly that $title is not available yet and shows no data',
    async ({ path }) => {
      installFakeBackend();
      renderApp(path);
      const notice = await screen.findByTestId('not-available');
      expect(notice).toHaveTextContent('Not available in this version yet');
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
      expect(screen.queryByRole('row')).not.toBeInTheDocument();
    },
  );

  it('shows a not-found page for an unknown address', async () => {
    installFakeBackend();
    renderApp('/no-such-area');
    expect(await screen.findByTestId('page-title')).toHaveTextContent('Page not found');
  });
});
