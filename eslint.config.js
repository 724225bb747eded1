// Lint rules: typescript-eslint's recommended set for the server, the CLI, the tests and the web app,
// plus the rules of hooks for React, type-aware checks of promises and switches in src/, the
// domain core's zone (it imports no server, CLI or web code and does no I/O) and the API
// contract's (src/shared/ imports zod and the domain only; the web app takes it as types only).
// `npm run lint` also runs scripts/check-cycles.mjs (no import cycle in src/, no feature importing
// another's repository) and scripts/check-sql.mjs (SQL only in the repositories and
// src/server/infra/).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'web/dist/',
      'data/',
      'resources/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Type-aware rules for the server, the CLI and the domain: no promise left floating (`void`
    // marks one started on purpose), and a switch over a union names every member (or has a
    // default).
    files: ['src/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  {
    // The domain core is pure: no server, CLI or web code, no I/O.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/cli/**', '**/web/**'],
              message: 'src/domain imports nothing from the server, the CLI or the web app.',
            },
            {
              group: [
                'node:fs',
                'node:fs/*',
                'node:child_process',
                'node:net',
                'node:http',
                'node:https',
                'node:worker_threads',
                'fastify',
                'pg',
                '@electric-sql/*',
              ],
              message: 'src/domain does no I/O: pass the data in from a service.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract of the API's answers (src/shared/contract/): zod schemas and their types, read
    // by the server and the web app; nothing of the server.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/cli/**', '**/web/**', 'node:*', 'fastify', 'pg'],
              message: 'src/shared depends on zod and the domain only: the web app reads it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The answers' types come from the server's contract, as types: no zod in the bundle.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@shared/*'],
              allowTypeImports: true,
              message: 'Import the contract with `import type`: its schemas stay on the server.',
            },
          ],
        },
      ],
    },
  },
  {
    // Test clients read JSON bodies of many shapes.
    files: ['**/*.test.ts', 'src/server/test-support/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
