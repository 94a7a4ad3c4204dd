import { useEffect, useState } from 'react';

/** The current time in ms, refreshed every `intervalMs` (ages on cards stay true without re-fetching). */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
