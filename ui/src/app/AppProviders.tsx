import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PreferencesSync } from './PreferencesSync';
import { COLOR_SCHEME_STORAGE_KEY, theme } from './theme';

const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_STORAGE_KEY });

/** Props of AppProviders. */
export interface AppProvidersProps {
  queryClient: QueryClient;
  /** "test" turns off Mantine transitions and portals (Vitest). */
  mantineEnv?: 'default' | 'test';
  children: ReactNode;
}

/** Mantine (theme, color scheme, notifications), TanStack Query, and the settings → UI sync. */
export function AppProviders({ queryClient, mantineEnv = 'default', children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider
        theme={theme}
        colorSchemeManager={colorSchemeManager}
        defaultColorScheme="auto"
        env={mantineEnv}
      >
        <Notifications position="top-right" limit={4} />
        <PreferencesSync />
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
