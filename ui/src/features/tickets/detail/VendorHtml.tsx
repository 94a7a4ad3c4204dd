import { Text, Typography } from '@mantine/core';
import { type MouseEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sanitizeVendorHtml } from './sanitize';
import classes from './VendorHtml.module.css';

/** Props of VendorHtml. */
export interface VendorHtmlProps {
  html: string;
  /** A link inside was clicked (the window never follows it). */
  onLink: (url: string) => void;
  /** What to show when there is no content. */
  emptyText?: string;
  testId?: string;
}

/** Vendor HTML (ticket content, a reply), sanitized; links are caught, never followed in the app. */
export function VendorHtml({ html, onLink, emptyText, testId }: VendorHtmlProps) {
  const { t } = useTranslation();
  const imageLabel = t('ticket.detail.image');
  const safe = useMemo(() => sanitizeVendorHtml(html, { imageLabel }), [html, imageLabel]);

  const catchLink = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href');
    if (href) onLink(href);
  };

  if (!safe) {
    return (
      <Text size="sm" c="dimmed" fs="italic" data-testid={testId}>
        {emptyText ?? t('ticket.detail.noContent')}
      </Text>
    );
  }
  return (
    <Typography
      className={classes.root}
      fz="sm"
      onClick={catchLink}
      onAuxClick={catchLink}
      data-testid={testId}
      // Sanitized by DOMPurify just above (sanitize.ts): no scripts, handlers, forms or frames.
      dangerouslySetInnerHTML={{ __html: safe }}
    />
  );
}
