// Files dragged onto the window: Tauri reports the drag and the dropped PATHS (the webview never
// sees the files' bytes). Only the innermost open consumer receives them (a create form over an
// open ticket wins), and only while it is enabled.
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { useEffect, useRef, useState } from 'react';
import { log } from '../../../lib/log';

interface Consumer {
  id: number;
  onDrop: (paths: string[]) => void;
  setDragging: (dragging: boolean) => void;
}

const consumers: Consumer[] = [];
let unlisten: (() => void) | null = null;
let listening: Promise<void> | null = null;
let nextId = 0;

function top(): Consumer | undefined {
  return consumers[consumers.length - 1];
}

/**
 * Hands dropped paths to whoever receives drops now (the innermost open ticket or create form),
 * exactly as a drop on the window does. Returns whether anyone took them.
 */
export function deliverDroppedPaths(paths: string[]): boolean {
  const consumer = top();
  if (!consumer || paths.length === 0) return false;
  consumer.setDragging(false);
  consumer.onDrop(paths);
  return true;
}

function startListening(): void {
  if (listening) return;
  try {
    listening = getCurrentWebview()
      .onDragDropEvent((event) => {
        const consumer = top();
        if (!consumer) return;
        const payload = event.payload;
        if (payload.type === 'enter' || payload.type === 'over') consumer.setDragging(true);
        else if (payload.type === 'leave') consumer.setDragging(false);
        else deliverDroppedPaths(payload.paths);
      })
      .then((stop) => {
        if (consumers.length === 0) {
          stop();
          listening = null;
        } else {
          unlisten = stop;
        }
      })
      .catch((error: unknown) => {
        listening = null;
        log.warn('file drop unavailable', { error: String(error) });
      });
  } catch (error) {
    // Outside Tauri (tests rendering the page without a webview): no drops, nothing else breaks.
    listening = null;
    log.warn('file drop unavailable', { error: String(error) });
  }
}

function stopListening(): void {
  if (unlisten) {
    unlisten();
    unlisten = null;
    listening = null;
  }
}

/**
 * Calls `onDrop` with the paths of files dropped anywhere on the window while `enabled`;
 * `dragging` is true while files are held over the window (for the drop overlay).
 */
export function useWindowFileDrop(onDrop: (paths: string[]) => void, enabled: boolean): { dragging: boolean } {
  const [dragging, setDragging] = useState(false);
  const onDropRef = useRef(onDrop);
  useEffect(() => {
    onDropRef.current = onDrop;
  });

  useEffect(() => {
    if (!enabled) return undefined;
    nextId += 1;
    const consumer: Consumer = { id: nextId, onDrop: (paths) => onDropRef.current(paths), setDragging };
    const under = top();
    under?.setDragging(false);
    consumers.push(consumer);
    startListening();
    return () => {
      const index = consumers.findIndex((c) => c.id === consumer.id);
      if (index >= 0) consumers.splice(index, 1);
      setDragging(false);
      if (consumers.length === 0) stopListening();
    };
  }, [enabled]);

  return { dragging: enabled && dragging };
}
