// Multi-select of list rows: a click toggles one row and becomes the anchor; a shift-click selects
// every row from the anchor to the clicked one (rows of pages not loaded yet are skipped).

/** The selected rows (by key) and the anchor of the next shift-click (a row index). */
export interface RowSelection {
  keys: ReadonlySet<string>;
  anchor: number | null;
}

/** Nothing selected. */
export const EMPTY_SELECTION: RowSelection = { keys: new Set(), anchor: null };

/**
 * The selection after clicking the checkbox of row `index` (key `key`). With `shift` and an anchor,
 * the rows between take the clicked row's new state; `keyAt` names a row (undefined while not loaded).
 */
export function clickRow(
  selection: RowSelection,
  index: number,
  key: string,
  shift: boolean,
  keyAt: (index: number) => string | undefined,
): RowSelection {
  const keys = new Set(selection.keys);
  const select = !keys.has(key);
  if (shift && selection.anchor !== null) {
    const from = Math.min(selection.anchor, index);
    const to = Math.max(selection.anchor, index);
    for (let i = from; i <= to; i += 1) {
      const rowKey = keyAt(i);
      if (rowKey === undefined) continue;
      if (select) keys.add(rowKey);
      else keys.delete(rowKey);
    }
  } else if (select) keys.add(key);
  else keys.delete(key);
  return { keys, anchor: index };
}
