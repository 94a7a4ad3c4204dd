import { AppShell, Group, Text, ThemeIcon } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SwitchboardMark } from '../../components/icons';
import { useReportFirstPaint } from '../../lib/firstPaint';
import { NavBar } from './NavBar';
import { StatusBar } from './StatusBar';

/** The application frame: header with the product name, navigation, the current page, status bar. */
export function AppLayout() {
  const { t } = useTranslation();
  useReportFirstPaint();
  return (
    <AppShell
      data-testid="app-shell"
      header={{ height: 52 }}
      navbar={{ width: 232, breakpoint: 0 }}
      footer={{ height: 30 }}
      padding="xl"
    >
      <AppShell.Header px="md">
        <Group h="100%" gap="sm" wrap="nowrap">
          <ThemeIcon size={30} radius="md" variant="filled" aria-hidden="true">
            <SwitchboardMark size={18} />
          </ThemeIcon>
          <Text fw={700} size="md">
            {t('app.name')}
          </Text>
          <Text size="sm" c="dimmed" visibleFrom="sm" truncate>
            {t('app.tagline')}
          </Text>
        </Group>
      </AppShell.Header>
      <NavBar />
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <StatusBar />
    </AppShell>
  );
}
