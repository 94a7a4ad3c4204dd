import type { ComponentType } from 'react';
import {
  BlacklistIcon,
  CallCenterIcon,
  CampaignsIcon,
  CustomersIcon,
  DashboardIcon,
  type IconProps,
  SettingsIcon,
  TicketsIcon,
} from '../../components/icons';

/** One entry of the main navigation. */
export interface NavItem {
  to: '/tickets' | '/customers' | '/blacklist' | '/campaigns' | '/call-center' | '/dashboard' | '/settings';
  labelKey:
    | 'nav.tickets'
    | 'nav.customers'
    | 'nav.blacklist'
    | 'nav.campaigns'
    | 'nav.callCenter'
    | 'nav.dashboard'
    | 'nav.settings';
  testId: string;
  icon: ComponentType<IconProps>;
}

/** The product's work areas, in navigation order. */
export const AREA_NAV_ITEMS: readonly NavItem[] = [
  { to: '/tickets', labelKey: 'nav.tickets', testId: 'nav-tickets', icon: TicketsIcon },
  { to: '/customers', labelKey: 'nav.customers', testId: 'nav-customers', icon: CustomersIcon },
  { to: '/blacklist', labelKey: 'nav.blacklist', testId: 'nav-blacklist', icon: BlacklistIcon },
  { to: '/campaigns', labelKey: 'nav.campaigns', testId: 'nav-campaigns', icon: CampaignsIcon },
  { to: '/call-center', labelKey: 'nav.callCenter', testId: 'nav-callcenter', icon: CallCenterIcon },
  { to: '/dashboard', labelKey: 'nav.dashboard', testId: 'nav-dashboard', icon: DashboardIcon },
];

/** Settings, shown after the work areas at the bottom of the navigation. */
export const SETTINGS_NAV_ITEM: NavItem = {
  to: '/settings',
  labelKey: 'nav.settings',
  testId: 'nav-settings',
  icon: SettingsIcon,
};
