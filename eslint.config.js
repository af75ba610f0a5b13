import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const BOUNDARY_MESSAGE =
  'Import another module through its index.ts (its public face), never a file inside it.';
const NOT_INDEX = '(?!index\\.js$)';

/** Relative imports that leave a module (from `depth` folders below its root) and enter another. */
function boundaryRules() {
  const inside = [0, 1, 2].map((depth) => ({
    files: [`src/modules/*/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./){${depth + 1}}(?!\\.\\.)[^/]+/${NOT_INDEX}`,
              message: BOUNDARY_MESSAGE,
            },
          ],
        },
      ],
    },
  }));
  const outside = {
    files: ['src/**/*.ts'],
    ignores: ['src/modules/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: `(^|/)modules/[^/]+/${NOT_INDEX}`, message: BOUNDARY_MESSAGE }] },
      ],
    },
  };
  return [...inside, outside];
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.bench-dist/**',
      'bench/.cache/**',
      'coverage/**',
      'data/**',
      'node_modules/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        globalThis: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Nest injects by the runtime class; a type-only import of a constructor parameter breaks DI.
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  // A module's public face is its index.ts: no file outside a module imports one inside it.
  ...boundaryRules(),
  {
    files: ['scripts/**', 'test/support/*.mjs', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
