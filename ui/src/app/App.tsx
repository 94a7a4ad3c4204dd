import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { AppProviders } from './AppProviders';
import type { AppRouter } from './router';

/** Props of App. */
export interface AppProps {
  router: AppRouter;
  queryClient: QueryClient;
  mantineEnv?: 'default' | 'test';
}

/** The whole UI: providers around the router. */
export function App({ router, queryClient, mantineEnv }: AppProps) {
  return (
    <AppProviders queryClient={queryClient} mantineEnv={mantineEnv}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
