// @ts-check
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build output and Playwright's reports, also listed in .gitignore.
    ignores: ['node_modules/', 'dist/', 'test-results/', 'playwright-report/', 'blob-report/', '.cache/'],
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Both are in recommendedTypeChecked already. They are listed here because an un-awaited browser
      // action or server start is the bug this project most needs to catch, so they must stay on.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Playwright reads a fixture's dependencies from its destructured first parameter, so a fixture
    // that needs none still has to write `async ({}, use) => …`.
    files: ['e2e/**/*.ts'],
    rules: {
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  {
    // tsconfig.json does not set allowJs, so the project service has no types for plain JavaScript files.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
