// Vite (dev server and build) and Vitest configuration for the Switchboard UI.
// The Vite root is ui/; the Tauri shell loads ui/dist in release and the dev server in debug.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const uiRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: uiRoot,
  // Keep Vite's and Vitest's caches in the repository's node_modules, not in a stray ui/node_modules.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite', import.meta.url)),
  plugins: [react()],
  // Keep Rust compiler output visible when the Tauri CLI runs the dev server.
  clearScreen: false,
  // Tauri exposes TAURI_ENV_* (platform, debug) to the frontend build.
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  server: {
    host: '127.0.0.1',
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps only for debug builds of the app.
    sourcemap: Boolean(process.env.TAURI_ENV_DEBUG),
    // Loaded from the app bundle on disk, not over a network: one chunk of this size is fine.
    chunkSizeWarningLimit: 1024,
  },
  test: {
    root: uiRoot,
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
