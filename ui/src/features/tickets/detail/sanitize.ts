// Vendor HTML (ticket content, replies) made safe to render: DOMPurify with a strict profile.
// No scripts, event handlers, forms, frames, embedded objects or styles; links keep only http(s),
// mailto and tel addresses and are marked external (the detail view opens them outside the app,
// never by navigating the window). Remote images cannot load under the app's CSP (img-src 'self'
// data: blob:), so they become links to the image instead of broken boxes.
import DOMPurify, { type Config } from 'dompurify';

const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'optgroup',
  'fieldset',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'template',
  'dialog',
  'svg',
  'math',
  'noscript',
];

const FORBID_ATTR = ['style', 'class', 'id', 'name', 'target', 'srcset', 'action', 'formaction', 'ping', 'background'];

/** Only these address schemes survive (relative and javascript:/vbscript:/data: links are dropped). */
const SAFE_URL = /^(?:https?:|mailto:|tel:)/i;

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
};

let purifier: ReturnType<typeof DOMPurify> | undefined;

function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  // An instance of our own, so that these hooks never change DOMPurify for other code.
  const own = DOMPurify(window);
  own.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (href && SAFE_URL.test(href)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
        node.setAttribute('data-external-link', 'true');
      } else {
        node.removeAttribute('href');
      }
    }
  });
  purifier = own;
  return own;
}

/** Options of sanitizeVendorHtml. */
export interface SanitizeOptions {
  /** The text of the link that replaces a remote image without alt text (localized). */
  imageLabel?: string;
}

/** Returns vendor HTML with everything unsafe removed, ready for dangerouslySetInnerHTML. */
export function sanitizeVendorHtml(html: string, options: SanitizeOptions = {}): string {
  if (!html.trim()) return '';
  const fragment = instance().sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  for (const image of Array.from(fragment.querySelectorAll('img'))) {
    const src = image.getAttribute('src') ?? '';
    if (src.startsWith('data:image/')) continue;
    const alt = image.getAttribute('alt')?.trim();
    if (/^https?:/i.test(src)) {
      const link = fragment.ownerDocument.createElement('a');
      link.setAttribute('href', src);
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer nofollow');
      link.setAttribute('data-external-link', 'true');
      link.setAttribute('data-image-link', 'true');
      link.textContent = `🖼 ${alt || options.imageLabel || 'image'}`;
      image.replaceWith(link);
    } else {
      image.remove();
    }
  }
  const container = fragment.ownerDocument.createElement('div');
  container.appendChild(fragment);
  return container.innerHTML;
}

/** The plain text of vendor HTML (for previews and comparisons). */
export function vendorHtmlText(html: string): string {
  const container = document.createElement('div');
  container.innerHTML = instance().sanitize(html, CONFIG);
  return (container.textContent ?? '').replace(/\s+/g, ' ').trim();
}
