// @ts-check
import tseslint from 'typescript-eslint';

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
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/server', '../server*'], message: 'shared/ must not import server/.' },
            { group: ['**/client/**', '**/client', '../client*'], message: 'shared/ must not import client/.' },
            { group: ['node:*', 'express', 'socket.io', 'better-sqlite3', 'ws', 'react', 'react-dom'], message: 'shared/ runs in browser and server alike.' },
          ],
        },
      ],
    },
  },
  {
    // The phone must not download server code; the client talks to the server only through shared/ and the network.
    files: ['client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '**/server'], message: 'client/ must not import server/.' }] },
      ],
    },
  },
);
