import type { ReactNode, SVGProps } from 'react';

/** Props of the line icons below. */
export interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'children'> {
  size?: number;
}

/** A 24-unit line drawing in the current text colour; the base of every icon. */
export function LineIcon({ size = 18, children, ...rest }: IconProps & { children: ReactNode }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

/** Inbox tray: tickets. */
export function TicketsIcon(props: IconProps) {
  return (
    <LineIcon {...props}>
      <path d="M4 13h4l1.5 2.5h5L16 13h4" />
      <path d="M6 4h12l2 9v5a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-5z" />
    </LineIcon>
  );
}

/** Two people: customers. */
export function CustomersIcon(props: IconProps) {
  return (
    <LineIcon {...props}>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20a6.5 6.5 0 0 1 13 0" />
      <path d="M16 4.6a3.5 3.5 0 0 1 0 6.8" />
      <path d="M18 14.2A6.5 6.5 0 0 1 21.5 20" />
    </LineIcon>
  );
}

/** Circle with a bar: blacklist. */
export function BlacklistIcon(props: IconProps) {
  return (
    <LineIcon {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M5.7 5.7l12.6 12.6" />
    </LineIcon>
  );
}

/** Paper plane: outbound campaigns. */
export function CampaignsIcon(props: IconProps) {
  return (
    <LineIcon {...props}>
      <path d="M21 3L10 14" />
      <path d="M21 3l-6.5 18-4.5-7-7-4.5z" />
    </LineIcon>
  );
}

/** Headset: call center. */
export function CallCenterIcon(props: IconProps) {
  return (
    <LineIcon {...props}>
      <path d="M4 15v-3a8 8 0 0 1 16 0v3" />
      <rect x="3" y="14" width="4" height="6" rx="1.5" />
      <rect x="17" y="14" width="4" height="6" rx="1.5" />
      <path d="M19 20a3 3 0 0 1-3 2h-3" />
    </LineIcon>
  );
}

/** Bar chart: dashboard. */
export function DashboardIcon(props: IconProps) {
  return (
    <LineIcon {...props}>
      <path d="M4 20h16" />
      <path d="M7 16v-5" />
      <path d="M12 16V6" />
      <path d="M17 16V9" />
    </LineIcon>
  );
}

/** Sliders: settings. */
export function SettingsIcon(props: IconProps) {
  return (
    <LineIcon {...props}>
      <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
      <circle cx="15" cy="6" r="2" />
      <circle cx="9" cy="12" r="2" />
      <circle cx="17" cy="18" r="2" />
    </LineIcon>
  );
}

/** Two linked rings: profiles and their connections. */
export function ProfilesIcon(props: IconProps) {
  return (
    <LineIcon {...props}>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1.2 1.2" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1.2-1.2" />
    </LineIcon>
  );
}

/** Two crossing arrows: the Switchboard mark. */
export function SwitchboardMark(props: IconProps) {
  return (
    <LineIcon {...props}>
      <path d="M4 8h13l-3-3" />
      <path d="M20 16H7l3 3" />
    </LineIcon>
  );
}
