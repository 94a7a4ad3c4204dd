// The Tickets page's single-key shortcuts: j / k move the selection, Enter opens the selected
// ticket, / focuses the search. They never fire while the user types (text fields, selects,
// editable content) or with Ctrl, Alt or Meta held (Ctrl+K belongs to the command palette).
import { useEffect, useEffectEvent } from 'react';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'number', 'password', 'tel', 'url', 'date', 'datetime-local', 'month', 'time', 'week']);

/** Whether keys pressed in `target` are typing (so shortcuts must leave them alone). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[contenteditable]:not([contenteditable="false"])')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((target as HTMLInputElement).type || 'text');
  const role = target.getAttribute('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox';
}

/** What the shortcuts do. */
export interface TicketShortcutHandlers {
  next: () => void;
  previous: () => void;
  open: () => void;
  focusSearch: () => void;
  /** Optional: move to the next / previous board column (l / h). */
  nextColumn?: () => void;
  previousColumn?: () => void;
}

/** The action of a key press, or null when it is not a shortcut (or the user is typing). */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target' | 'isComposing'>) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  if (isTypingTarget(event.target)) return null;
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      return 'next' as const;
    case 'k':
    case 'ArrowUp':
      return 'previous' as const;
    case 'l':
      return 'nextColumn' as const;
    case 'h':
      return 'previousColumn' as const;
    case 'Enter':
      return 'open' as const;
    case '/':
      return 'focusSearch' as const;
    default:
      return null;
  }
}

/** Keeps the shortcuts bound to the document while `enabled`. */
export function useTicketShortcuts(handlers: TicketShortcutHandlers, enabled = true): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const action = shortcutFor(event);
    if (!action) return;
    // Arrow keys and Enter keep their meaning on buttons, links, checkboxes and menus.
    const target = event.target instanceof HTMLElement ? event.target : null;
    const interactive = target?.closest('button, a, [role="menuitem"], [role="option"], [role="tab"], input, [role="dialog"]');
    if (interactive && (event.key === 'Enter' || event.key.startsWith('Arrow'))) return;
    const handler = handlers[action];
    if (!handler) return;
    event.preventDefault();
    handler();
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
