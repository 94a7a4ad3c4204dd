// Line icons of the customer profile (same drawing style as components/icons).
import type { ReactNode } from 'react';
import { type IconProps, LineIcon } from '../../components/icons';

function Line({ size = 14, ...rest }: IconProps & { children: ReactNode }) {
  return <LineIcon size={size} {...rest} />;
}

/** A customer was created. */
export const UserPlusIcon = (p: IconProps) => (
  <Line {...p}>
    <circle cx="10" cy="8" r="4" />
    <path d="M2 21a8 8 0 0 1 14.5-4.7M19 14v6M16 17h6" />
  </Line>
);

/** The follow-up stage changed. */
export const FlagIcon = (p: IconProps) => (
  <Line {...p}>
    <path d="M5 21V4M5 4h11l-2 4 2 4H5" />
  </Line>
);

/** An agent's follow-up record. */
export const NoteIcon = (p: IconProps) => (
  <Line {...p}>
    <path d="M5 4h14v12l-4 4H5z" />
    <path d="M9 9h6M9 13h4" />
  </Line>
);

/** Any other event. */
export const DotIcon = (p: IconProps) => (
  <Line {...p}>
    <circle cx="12" cy="12" r="3" />
  </Line>
);

/** Back to the previous page. */
export const ArrowLeftIcon = (p: IconProps) => (
  <Line {...p}>
    <path d="M19 12H5M11 6l-6 6 6 6" />
  </Line>
);

/** Read again. */
export const RefreshIcon = (p: IconProps) => (
  <Line {...p}>
    <path d="M20 11a8 8 0 0 0-14.9-3M4 4v4h4M4 13a8 8 0 0 0 14.9 3M20 20v-4h-4" />
  </Line>
);
