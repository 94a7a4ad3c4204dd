// Line icons of the ticket detail, reply box and create form (same drawing style as components/icons).
import type { ReactNode } from 'react';
import { type IconProps, LineIcon } from '../../../components/icons';

/** Props of the icons below. */
export type TicketIconProps = IconProps;

/** The shared line icon at the ticket screens' smaller default size. */
function Line({ size = 16, ...rest }: TicketIconProps & { children: ReactNode }) {
  return <LineIcon size={size} {...rest} />;
}

export const PaperclipIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4l7.9-7.9" />
  </Line>
);
export const SendIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M22 2L11 13" />
    <path d="M22 2l-7 20-4-9-9-4z" />
  </Line>
);
export const CheckIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M20 6L9 17l-5-5" />
  </Line>
);
export const CloseIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M18 6L6 18M6 6l12 12" />
  </Line>
);
export const AlertIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 8v5M12 16.5v.01" />
  </Line>
);
export const TrashIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
  </Line>
);
export const BellIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.9 1.9 0 0 0 3.4 0" />
  </Line>
);
export const DotsIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <circle cx="5" cy="12" r="1" />
    <circle cx="12" cy="12" r="1" />
    <circle cx="19" cy="12" r="1" />
  </Line>
);
export const FileIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5" />
  </Line>
);
export const DownloadIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M12 4v11" />
    <path d="M7 10l5 5 5-5" />
    <path d="M5 20h14" />
  </Line>
);
export const LinkIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1" />
    <path d="M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1" />
  </Line>
);
export const LockIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </Line>
);
export const UserIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21a8 8 0 0 1 16 0" />
  </Line>
);
export const UploadIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M12 16V4M6 10l6-6 6 6" />
    <path d="M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
  </Line>
);
export const ChatIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M21 12a8 8 0 0 1-11.6 7.1L4 21l1.9-5.4A8 8 0 1 1 21 12z" />
  </Line>
);
export const PencilIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M4 20h4L19 9l-4-4L4 16z" />
  </Line>
);
export const StarIcon = (p: TicketIconProps) => (
  <Line {...p}>
    <path d="M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z" />
  </Line>
);
