import { createTheme, type MantineColorScheme } from '@mantine/core';
import type { ThemePreference } from '../bindings';

// System fonts only (strict CSP, offline): Latin first, then the CJK system fonts per OS.
const SYSTEM_FONTS = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  'sans-serif',
].join(', ');

const MONO_FONTS = ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', '"Liberation Mono"', 'monospace'].join(', ');

/** The Mantine theme: restrained defaults for a work tool, system font stack with Chinese fallbacks. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: SYSTEM_FONTS,
  fontFamilyMonospace: MONO_FONTS,
  headings: { fontFamily: SYSTEM_FONTS, fontWeight: '600' },
  cursorType: 'pointer',
});

/** Storage key under which Mantine remembers the scheme, so the next start paints in the right colors. */
export const COLOR_SCHEME_STORAGE_KEY = 'switchboard-color-scheme';

/** Maps the stored theme preference to a Mantine color scheme ("system" follows the OS). */
export function colorSchemeFor(preference: ThemePreference): MantineColorScheme {
  return preference === 'system' ? 'auto' : preference;
}
