import { describe, expect, it } from 'vitest';
import {
  DETAIL_WIDTH_STORAGE_KEY,
  MIN_DETAIL_WIDTH,
  clampDetailWidth,
  detailWidthStyle,
  draggedWidth,
  keyedWidth,
  loadDetailWidth,
  saveDetailWidth,
} from './panelWidth';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    values,
  };
}

describe('the detail panel width', () => {
  it('stays between the minimum and what leaves the view 280 px', () => {
    expect(clampDetailWidth(200, 1200)).toBe(MIN_DETAIL_WIDTH);
    expect(clampDetailWidth(700, 1200)).toBe(700);
    expect(clampDetailWidth(1100, 1200)).toBe(920);
    // A row too narrow for both keeps the panel usable rather than negative.
    expect(clampDetailWidth(700, 500)).toBe(MIN_DETAIL_WIDTH);
  });

  it('grows as the handle is dragged left and shrinks as it is dragged right', () => {
    expect(draggedWidth(560, 700, 600, 1200)).toBe(660);
    expect(draggedWidth(560, 700, 760, 1200)).toBe(500);
    expect(draggedWidth(560, 700, 0, 1200)).toBe(920);
  });

  it('moves by a step per arrow key, four with Shift, and to either end with Home and End', () => {
    expect(keyedWidth(560, 'ArrowLeft', false, 1200)).toBe(584);
    expect(keyedWidth(560, 'ArrowRight', true, 1200)).toBe(464);
    expect(keyedWidth(560, 'Home', false, 1200)).toBe(920);
    expect(keyedWidth(560, 'End', false, 1200)).toBe(MIN_DETAIL_WIDTH);
    expect(keyedWidth(560, 'j', false, 1200)).toBeUndefined();
  });

  it('is remembered, and a missing or unreadable value means the default', () => {
    const storage = memoryStorage();
    expect(loadDetailWidth(storage)).toBeUndefined();
    saveDetailWidth(612.4, storage);
    expect(storage.values.get(DETAIL_WIDTH_STORAGE_KEY)).toBe('612');
    expect(loadDetailWidth(storage)).toBe(612);
    saveDetailWidth(undefined, storage);
    expect(loadDetailWidth(storage)).toBeUndefined();
    expect(loadDetailWidth(memoryStorage({ [DETAIL_WIDTH_STORAGE_KEY]: 'wide' }))).toBeUndefined();
    expect(loadDetailWidth(memoryStorage({ [DETAIL_WIDTH_STORAGE_KEY]: '12' }))).toBeUndefined();
  });

  it('is the old default until chosen, then never crowds out the view when the window shrinks', () => {
    expect(detailWidthStyle(undefined)).toBe('min(560px, 45%)');
    expect(detailWidthStyle(700)).toBe('max(min(700px, calc(100% - 280px)), min(380px, 50%))');
  });
});
