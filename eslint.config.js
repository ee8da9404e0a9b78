// @ts-check
import tseslint from 'typescript-eslint';

/** What shared/ may not import, schemas included. */
const sharedBoundaries = [
  { group: ['**/server/**', '**/server', '../server*'], message: 'shared/ must not import server/.' },
  { group: ['**/client/**', '**/client', '../client*'], message: 'shared/ must not import client/.' },
  { group: ['node:*', 'express', 'socket.io', 'better-sqlite3', 'ws', 'react', 'react-dom'], message: 'shared/ runs in browser and server alike.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/ is the contract between client and server: it imports neither.
    // zod only in shared/schemas/: the other shared modules are in the phone's bundle.
    files: ['shared/**/*.ts'],
    ignores: ['shared/schemas/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...sharedBoundaries,
            { group: ['zod', 'zod/*'], message: 'zod belongs in shared/schemas/ only: this module is in the client bundle.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/schemas/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: sharedBoundaries }] },
  },
  {
    // The phone must not download server code; the client talks to the server only through shared/ and the network.
    // Nor zod: the schemas are the server's; the client uses the zod-free types and constants.
    files: ['client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/server'], message: 'client/ must not import server/.' },
            {
              group: ['**/shared/schemas', '**/shared/schemas/**', 'zod', 'zod/*'],
              message: 'client/ must not import zod or shared/schemas (server only; it would put zod in the phone bundle).',
            },
          ],
        },
      ],
    },
  },
);
