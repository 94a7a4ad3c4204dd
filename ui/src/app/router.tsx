import {
  createHashHistory,
  createRootRoute,
  createRoute,
  createRouter,
  redirect,
  type RouterHistory,
} from '@tanstack/react-router';
import { BlacklistPage } from '../features/blacklist/BlacklistPage';
import { CallCenterPage } from '../features/call-center/CallCenterPage';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { CustomerProfilePage } from '../features/customers/CustomerProfilePage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TicketsPage, validateTicketsSearch } from '../features/tickets/TicketsPage';
import { AppLayout } from './shell/AppLayout';
import { NotFoundPage } from './shell/NotFoundPage';
import { RouteError } from './shell/RouteError';

function buildRouteTree() {
  const rootRoute = createRootRoute({ component: AppLayout, notFoundComponent: NotFoundPage });
  const indexRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/',
    beforeLoad: () => redirect({ to: '/tickets', replace: true, throw: true }),
  });
  const parent = { getParentRoute: () => rootRoute };

  return rootRoute.addChildren([
    indexRoute,
    createRoute({ ...parent, path: '/tickets', component: TicketsPage, validateSearch: validateTicketsSearch }),
    createRoute({ ...parent, path: '/customers', component: CustomersPage }),
    createRoute({ ...parent, path: '/customers/$connectionId/$customerId', component: CustomerProfilePage }),
    createRoute({ ...parent, path: '/blacklist', component: BlacklistPage }),
    createRoute({ ...parent, path: '/campaigns', component: CampaignsPage }),
    createRoute({ ...parent, path: '/call-center', component: CallCenterPage }),
    createRoute({ ...parent, path: '/dashboard', component: DashboardPage }),
    createRoute({ ...parent, path: '/settings', component: SettingsPage }),
  ]);
}

/**
 * Creates the router over the code-based route tree. The app uses hash history (it is served
 * from Tauri's custom protocol, which has no server to answer deep paths); tests pass memory history.
 */
export function createAppRouter(history: RouterHistory = createHashHistory()) {
  return createRouter({
    routeTree: buildRouteTree(),
    history,
    defaultErrorComponent: RouteError,
    defaultPreload: false,
  });
}

/** The router type (for TanStack Router's type registration). */
export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
