// The reply box's stable names, for people using assistive technology and for end-to-end tests.
import type { TFunction } from 'i18next';

/** data-testid of each control of the reply box (never translated). */
export const REPLY_BOX_TEST_IDS = {
  box: 'reply-box',
  textarea: 'reply-text',
  internal: 'reply-internal',
  attach: 'reply-attach',
  send: 'reply-send',
  statusAfter: 'reply-status-after',
} as const;

/** The accessible name (aria-label) of each control of the reply box, in the UI language. */
export function replyBoxLabels(t: TFunction) {
  return {
    textarea: t('ticket.reply.textareaLabel'),
    internal: t('ticket.reply.internalLabel'),
    attach: t('ticket.reply.attachLabel'),
    send: t('ticket.reply.sendLabel'),
    statusAfter: t('ticket.reply.statusAfterLabel'),
  };
}

/** Plain text typed in the reply box as the HTML the vendors take (escaped, line breaks kept). */
export function textToHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, '<br>');
}
