import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The server's parts (docs/architecture.md, "Parts and what they may import"): for each, the other
 * parts of src/server it may import; every other part is refused. A part's own files and the
 * contract are always allowed. The composition root (src/server/*.ts) may import every part and is
 * imported by none, but for `cluster.ts`, the shared-state interface that ops/ and redis/
 * implement or watch.
 */
const serverParts = {
  core: { may: [], why: 'The core must not import adapters: add a port beside the use case.' },
  storage: { may: ['core'], why: 'Storage adapts the store ports; it knows nothing of transports or other adapters.' },
  transport: { may: ['core'], why: 'transport/ is what HTTP and sockets share; it depends on neither.' },
  http: { may: ['core', 'transport', 'ops'], why: 'HTTP routes reach sockets and storage only through core ports.' },
  realtime: { may: ['core', 'transport', 'ops'], why: 'Socket handlers reach HTTP and storage only through core ports.' },
  memory: { may: ['core'], why: 'An adapter of core ports depends on the core alone.' },
  hashing: { may: ['core'], why: 'An adapter of core ports depends on the core alone.' },
  mail: { may: ['core'], why: 'An adapter of core ports depends on the core alone.' },
  push: { may: ['core'], why: 'An adapter of core ports depends on the core alone.' },
  redis: { may: ['core'], why: 'The Redis adapters depend on the core and the cluster interface alone.' },
  ops: { may: ['core', 'realtime'], why: 'ops/ watches through ports and the cluster interface.' },
};

const rootFiles = ['app', 'main', 'serve', 'workers', 'cli', 'config'];
const nodeIo = ['node:*', 'fs', 'path', 'crypto', 'net', 'http'];
const adapterPackages = [
  'fastify',
  'fastify/*',
  '@fastify/*',
  'socket.io',
  'socket.io/*',
  'kysely',
  'pg',
  'better-sqlite3',
  'pino',
  'redis',
  'ioredis',
  'prom-client',
  'web-push',
];

function boundaryOf(part, { may, why }) {
  const mayNot = Object.keys(serverParts).filter((other) => other !== part && !may.includes(other));
  const patterns = [
    { regex: `^(\\.\\./)+(${mayNot.join('|')})/`, message: why },
    {
      regex: `^(\\.\\./)+(${rootFiles.join('|')})\\.js$`,
      message: 'Only the composition root wires parts together; pass what is needed in.',
    },
    { regex: '^(\\.\\./)+web/', message: 'The server never imports the web client.' },
  ];
  if (part === 'core') {
    patterns.push(
      { group: nodeIo, message: 'The core does no IO: add a port beside the use case.' },
      { group: adapterPackages, message: 'The core must not depend on adapters.' },
    );
  }
  return { files: [`src/server/${part}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules that catch real bugs here: a promise nobody awaits or catches, and a
    // promise where a callback's result is ignored (an async listener whose rejection is lost).
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  ...Object.entries(serverParts).map(([part, rule]) => boundaryOf(part, rule)),
  {
    // The service worker is one plain file served as it is (public/sw.js says why).
    files: ['src/web/public/sw.js'],
    languageOptions: { globals: { self: 'readonly', caches: 'readonly' } },
  },
  {
    // The contract is shared with the browser: nothing server-side in it.
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The contract runs in the browser too.' },
            { regex: '^(\\.\\./)+(server|web)/', message: 'The contract is shared by server and web; it imports neither.' },
          ],
        },
      ],
    },
  },
  {
    // The browser bundle: the contract is all it shares with the server.
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The web client runs in the browser.' },
            {
              regex: '^(\\.\\./)+server/',
              message: 'The web client talks to the server over the protocol only; share types through src/contract.',
            },
          ],
        },
      ],
    },
  },
);
