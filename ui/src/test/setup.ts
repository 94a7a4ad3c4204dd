// Vitest setup: jest-dom matchers, the browser APIs Mantine needs that jsdom lacks, and per-test cleanup.
import '@testing-library/jest-dom/vitest';
import { notifications } from '@mantine/notifications';
import { clearMocks } from '@tauri-apps/api/mocks';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n, initI18n } from '../i18n/setup';
import { setPrefersDark } from './matchMedia';

class ResizeObserverShim {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = ResizeObserverShim;
Element.prototype.scrollIntoView = function scrollIntoView() {};
window.scrollTo = () => undefined;

initI18n('en');

afterEach(async () => {
  cleanup();
  clearMocks();
  notifications.clean();
  localStorage.clear();
  setPrefersDark(false);
  document.documentElement.removeAttribute('data-mantine-color-scheme');
  await i18n.changeLanguage('en');
});
