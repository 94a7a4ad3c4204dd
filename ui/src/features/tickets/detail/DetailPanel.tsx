import { Paper } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './DetailPanel.module.css';
import {
  DEFAULT_DETAIL_WIDTH,
  MIN_DETAIL_WIDTH,
  clampDetailWidth,
  detailWidthStyle,
  draggedWidth,
  keyedWidth,
  loadDetailWidth,
  saveDetailWidth,
} from './panelWidth';

/** The side panel that holds the open ticket, resizable from its left edge (drag or arrow keys). */
export function DetailPanel({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const panelRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(() => loadDetailWidth());
  const [drag, setDrag] = useState<{ startX: number; startWidth: number } | null>(null);
  // The panel's shown width and its row's, for the handle's accessible value and range.
  const [measured, setMeasured] = useState<{ panel: number; row: number } | null>(null);
  useEffect(() => {
    const panel = panelRef.current;
    const row = panel?.parentElement;
    if (!panel || !row || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setMeasured({ panel: panel.offsetWidth, row: row.clientWidth }));
    observer.observe(panel);
    observer.observe(row);
    return () => observer.disconnect();
  }, []);

  const rowWidth = () => panelRef.current?.parentElement?.clientWidth ?? window.innerWidth;
  const shownWidth = () => panelRef.current?.offsetWidth || width || DEFAULT_DETAIL_WIDTH;
  const choose = (next: number | undefined) => {
    setWidth(next);
    saveDetailWidth(next);
  };

  return (
    <Paper
      ref={panelRef}
      withBorder
      radius="md"
      data-testid="ticket-detail-panel"
      style={{
        width: detailWidthStyle(width),
        flexShrink: 0,
        minHeight: 0,
        display: 'flex',
        flexDirection: 'column',
        overflow: 'hidden',
        position: 'relative',
      }}
    >
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={t('ticket.detail.resize')}
        aria-valuemin={MIN_DETAIL_WIDTH}
        aria-valuemax={measured ? clampDetailWidth(Number.POSITIVE_INFINITY, measured.row) : undefined}
        aria-valuenow={measured?.panel ?? width}
        title={t('ticket.detail.resizeHint')}
        tabIndex={0}
        className={classes.handle}
        data-dragging={drag !== null}
        data-testid="ticket-detail-resize"
        onPointerDown={(event) => {
          event.preventDefault();
          event.currentTarget.setPointerCapture?.(event.pointerId);
          setDrag({ startX: event.clientX, startWidth: shownWidth() });
        }}
        onPointerMove={(event) => {
          if (drag) setWidth(draggedWidth(drag.startWidth, drag.startX, event.clientX, rowWidth()));
        }}
        onPointerUp={(event) => {
          if (!drag) return;
          setDrag(null);
          choose(draggedWidth(drag.startWidth, drag.startX, event.clientX, rowWidth()));
        }}
        onPointerCancel={() => setDrag(null)}
        onDoubleClick={() => choose(undefined)}
        onKeyDown={(event) => {
          const next = keyedWidth(shownWidth(), event.key, event.shiftKey, rowWidth());
          if (next === undefined) return;
          event.preventDefault();
          event.stopPropagation();
          choose(next);
        }}
      />
      {children}
    </Paper>
  );
}
