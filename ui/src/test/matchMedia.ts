// A controllable window.matchMedia for jsdom: only "(prefers-color-scheme: dark)" can match.

let prefersDark = false;
const listeners = new Set<(event: MediaQueryListEvent) => void>();

function matches(query: string): boolean {
  return prefersDark && query.replace(/\s+/g, '') === '(prefers-color-scheme:dark)';
}

window.matchMedia = (query: string): MediaQueryList => {
  const list = {
    get matches() {
      return matches(query);
    },
    media: query,
    onchange: null,
    addListener: (listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
    removeListener: (listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener),
    addEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) =>
      listeners.delete(listener),
    dispatchEvent: () => false,
  };
  return list as unknown as MediaQueryList;
};

/** Makes the fake OS prefer a dark (true) or light (false) color scheme. */
export function setPrefersDark(value: boolean): void {
  prefersDark = value;
}
