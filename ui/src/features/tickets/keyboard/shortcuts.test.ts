import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor } from './useTicketShortcuts';

function element(html: string): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  document.body.append(holder);
  return holder.firstElementChild as HTMLElement;
}

const press = (key: string, target: EventTarget | null = document.body, mods: Partial<KeyboardEvent> = {}) =>
  shortcutFor({ key, target, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...mods });

describe('ticket shortcuts', () => {
  it('map j, k, Enter and / (and h / l for board columns)', () => {
    expect(press('j')).toBe('next');
    expect(press('k')).toBe('previous');
    expect(press('Enter')).toBe('open');
    expect(press('/')).toBe('focusSearch');
    expect(press('l')).toBe('nextColumn');
    expect(press('h')).toBe('previousColumn');
    expect(press('x')).toBeNull();
  });

  it('never fire while typing, while an IME composes, or with Ctrl / Cmd / Alt held', () => {
    expect(press('j', element('<input type="text" />'))).toBeNull();
    expect(press('j', element('<input />'))).toBeNull();
    expect(press('/', element('<textarea></textarea>'))).toBeNull();
    expect(press('k', element('<div contenteditable="true"></div>'))).toBeNull();
    expect(press('j', element('<div role="combobox"></div>'))).toBeNull();
    expect(press('j', document.body, { isComposing: true })).toBeNull();
    expect(press('k', document.body, { ctrlKey: true })).toBeNull();
    expect(press('k', document.body, { metaKey: true })).toBeNull();
  });

  it('still work from a focused checkbox or button (after selecting a row)', () => {
    expect(isTypingTarget(element('<input type="checkbox" />'))).toBe(false);
    expect(isTypingTarget(element('<button>x</button>'))).toBe(false);
    expect(press('j', element('<input type="checkbox" />'))).toBe('next');
  });
});
