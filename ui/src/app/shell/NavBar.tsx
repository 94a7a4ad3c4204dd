import { AppShell, NavLink } from '@mantine/core';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AREA_NAV_ITEMS, type NavItem, SETTINGS_NAV_ITEM } from './navItems';

function NavEntry({ item, pathname }: { item: NavItem; pathname: string }) {
  const { t } = useTranslation();
  const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
  const Icon = item.icon;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(item.labelKey)}
      leftSection={<Icon />}
      active={active}
      aria-current={active ? 'page' : undefined}
      data-testid={item.testId}
      variant="light"
      py={8}
    />
  );
}

/** The main navigation: the work areas, then Settings at the bottom. */
export function NavBar() {
  const { t } = useTranslation();
  const pathname = useLocation({ select: (location) => location.pathname });
  return (
    <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.label')}>
      <AppShell.Section grow>
        {AREA_NAV_ITEMS.map((item) => (
          <NavEntry key={item.to} item={item} pathname={pathname} />
        ))}
      </AppShell.Section>
      <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--app-shell-border-color)' }}>
        <NavEntry item={SETTINGS_NAV_ITEM} pathname={pathname} />
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
