// ESLint flat config for the UI (ui/). Type-aware typescript-eslint rules plus React hooks rules.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['ui/dist/**', 'ui/src/bindings.ts']),
  {
    files: ['ui/**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommendedTypeChecked,
      reactHooks.configs.flat.recommended,
    ],
    languageOptions: {
      ecmaVersion: 2023,
      globals: globals.browser,
      parserOptions: {
        projectService: {
          // vite.config.ts runs in Node and is not part of the browser project (ui/tsconfig.json).
          allowDefaultProject: ['ui/vite.config.ts'],
          defaultProject: 'ui/tsconfig.node.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tauri-apps/api/core',
              importNames: ['invoke'],
              message: 'Call Rust through the generated commands in ui/src/bindings.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['ui/vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
);
