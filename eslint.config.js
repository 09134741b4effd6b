import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is the domain: no transport, storage or Node IO may leak into it.
    files: ['src/server/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'net', 'http'], message: 'The core does no IO: add a port in ports.ts.' },
            { group: ['fastify', 'fastify/*', '@fastify/*', 'socket.io', 'socket.io/*', 'kysely', 'pg', 'better-sqlite3', 'pino', 'redis', 'ioredis'], message: 'The core must not depend on adapters.' },
            { group: ['../storage/*', '../http/*', '../realtime/*', '../local/*', '../edge/*'], message: 'The core must not import adapters.' },
          ],
        },
      ],
    },
  },
  {
    // The contract is shared with the browser: nothing server-side in it.
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '../server/*', '../web/*'], message: 'The contract is shared by server and web.' }] }],
    },
  },
);
