// How wide the ticket detail panel is: dragged or set with the keyboard by the user, kept within
// what leaves the board or list usable, and remembered in localStorage.

/** Where the chosen width is remembered. */
export const DETAIL_WIDTH_STORAGE_KEY = 'switchboard.tickets.detailWidth';
/** The narrowest panel: the header's four property selects still show their values. */
export const MIN_DETAIL_WIDTH = 380;
/** The room always left to the board or list beside the panel. */
export const MIN_VIEW_WIDTH = 280;
/** The width a double click on the handle goes back to (the panel also never passes 45% until resized). */
export const DEFAULT_DETAIL_WIDTH = 560;
/** One arrow key press; with Shift, four. */
export const KEYBOARD_STEP = 24;

/** `width` kept between the minimum and what leaves the view its room in a row `rowWidth` wide. */
export function clampDetailWidth(width: number, rowWidth: number): number {
  const widest = Math.max(MIN_DETAIL_WIDTH, rowWidth - MIN_VIEW_WIDTH);
  return Math.round(Math.min(Math.max(width, MIN_DETAIL_WIDTH), widest));
}

/** The width while the handle is dragged from `startX` to `x` (the panel is on the right, so left widens). */
export function draggedWidth(startWidth: number, startX: number, x: number, rowWidth: number): number {
  return clampDetailWidth(startWidth + (startX - x), rowWidth);
}

/** The width after a key on the handle, or undefined when the key does not resize. */
export function keyedWidth(width: number, key: string, shift: boolean, rowWidth: number): number | undefined {
  const step = shift ? KEYBOARD_STEP * 4 : KEYBOARD_STEP;
  switch (key) {
    case 'ArrowLeft':
      return clampDetailWidth(width + step, rowWidth);
    case 'ArrowRight':
      return clampDetailWidth(width - step, rowWidth);
    case 'Home':
      return clampDetailWidth(Number.POSITIVE_INFINITY, rowWidth);
    case 'End':
      return MIN_DETAIL_WIDTH;
    default:
      return undefined;
  }
}

/** The remembered width, or undefined when none (or unreadable): the panel then takes its default. */
export function loadDetailWidth(storage: Pick<Storage, 'getItem'> = localStorage): number | undefined {
  try {
    const value = Number(storage.getItem(DETAIL_WIDTH_STORAGE_KEY));
    return Number.isFinite(value) && value >= MIN_DETAIL_WIDTH ? Math.round(value) : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the width, or forgets it (`undefined`: back to the default). */
export function saveDetailWidth(width: number | undefined, storage: Pick<Storage, 'setItem' | 'removeItem'> = localStorage): void {
  try {
    if (width === undefined) storage.removeItem(DETAIL_WIDTH_STORAGE_KEY);
    else storage.setItem(DETAIL_WIDTH_STORAGE_KEY, String(Math.round(width)));
  } catch {
    // Storage refused (full or disabled): the width holds for this session only.
  }
}

/** The panel's CSS width: the chosen one, never crowding out the view when the window shrinks. */
export function detailWidthStyle(width: number | undefined): string {
  if (width === undefined) return `min(${DEFAULT_DETAIL_WIDTH}px, 45%)`;
  return `max(min(${width}px, calc(100% - ${MIN_VIEW_WIDTH}px)), min(${MIN_DETAIL_WIDTH}px, 50%))`;
}
