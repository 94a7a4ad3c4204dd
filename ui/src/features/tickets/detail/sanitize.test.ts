import { describe, expect, it } from 'vitest';
import { sanitizeVendorHtml } from './sanitize';

function parse(html: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = html;
  return box;
}

describe('sanitizeVendorHtml', () => {
  it('removes scripts, event handlers and javascript: links', () => {
    const out = sanitizeVendorHtml(
      '<p onclick="steal()">Hi<script>alert(1)</script></p><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">click</a><a href=" JaVaScRiPt:alert(4)">again</a>',
    );
    expect(out).not.toMatch(/script/i);
    expect(out).not.toMatch(/onerror|onclick/i);
    expect(out).not.toMatch(/javascript:/i);
    const box = parse(out);
    expect(box.querySelector('img')).toBeNull();
    expect(box.textContent).toContain('Hi');
    expect(box.textContent).toContain('click');
  });

  it('removes forms, iframes, objects, styles and inline style attributes', () => {
    const out = sanitizeVendorHtml(
      '<form action="https://evil.example"><input name="pw"><button>Go</button></form><iframe src="https://evil.example"></iframe><object data="x.swf"></object><style>body{display:none}</style><p style="color:#fff" class="x">Text</p>',
    );
    const box = parse(out);
    for (const tag of ['form', 'input', 'button', 'iframe', 'object', 'style']) {
      expect(box.querySelector(tag)).toBeNull();
    }
    expect(box.querySelector('p')?.getAttribute('style')).toBeNull();
    expect(box.querySelector('p')?.getAttribute('class')).toBeNull();
    expect(box.textContent).toContain('Text');
  });

  it('keeps formatting, lists, tables and safe links, marked external', () => {
    const out = sanitizeVendorHtml(
      '<p><b>Bold</b> <i>it</i> <u>u</u><br>line</p><ul><li>one</li></ul><table><tr><td>cell</td></tr></table><a href="https://help.example/a?b=1">help</a><a href="mailto:a@b.cn">mail</a>',
    );
    const box = parse(out);
    expect(box.querySelector('b')?.textContent).toBe('Bold');
    expect(box.querySelector('i')).not.toBeNull();
    expect(box.querySelector('br')).not.toBeNull();
    expect(box.querySelector('li')?.textContent).toBe('one');
    expect(box.querySelector('td')?.textContent).toBe('cell');
    const link = box.querySelector('a[href^="https"]');
    expect(link?.getAttribute('href')).toBe('https://help.example/a?b=1');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(link?.getAttribute('data-external-link')).toBe('true');
    expect(box.querySelector('a[href^="mailto:"]')).not.toBeNull();
  });

  it('turns remote images (blocked by the CSP) into links and keeps inline data images', () => {
    const out = sanitizeVendorHtml(
      '<img src="https://img.sobot.com/a.png" alt="截图"><img src="data:image/png;base64,iVBORw0KGgo=">',
      { imageLabel: 'image' },
    );
    const box = parse(out);
    const link = box.querySelector('a[data-image-link]');
    expect(link?.getAttribute('href')).toBe('https://img.sobot.com/a.png');
    expect(link?.textContent).toContain('截图');
    expect(box.querySelectorAll('img')).toHaveLength(1);
    expect(box.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png/);
  });

  it('keeps Chinese text as it is and returns nothing for empty input', () => {
    expect(parse(sanitizeVendorHtml('<p>您好，请问订单什么时候发货？</p>')).textContent).toBe('您好，请问订单什么时候发货？');
    expect(sanitizeVendorHtml('   ')).toBe('');
  });
});
