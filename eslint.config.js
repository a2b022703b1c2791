import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'node_modules/**',
      'app/generated/**',
      'app/api-client/schema.ts',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'tmp-scratch/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // A cycle between modules is a load-order bug waiting for an entry point that meets it first
    // (a CLI run once failed on one with "Cannot access … before initialization"). Type-only
    // imports are erased and do not count.
    files: ['app/**/*.{ts,tsx}', 'search/**/*.ts', 'prisma/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }] },
  },
  {
    // Routes reach the database through model functions, never the Prisma client itself.
    files: ['app/routes/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '~/utils/db.server',
              allowTypeImports: true,
              message: 'Routes do not query the database: call a model function (app/models or a domain folder).',
            },
          ],
        },
      ],
    },
  },
  {
    // utils/ is infrastructure and components/ presentation: neither reaches into the domain
    // folders (types aside), so the dependencies point one way (docs: issue 13).
    files: ['app/utils/**/*.{ts,tsx}', 'app/components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '~/models/*',
                '~/imports/*',
                '~/contracts/*',
                '~/matching/*',
                '~/search/*',
                '~/registry/*',
                '~/jobs/*',
                '~/mail/*',
                '~/payments/*',
                '~/boot.server',
                '**/prisma/seed/*',
              ],
              allowTypeImports: true,
              message:
                'utils/ and components/ do not import domain code (types only): move the code to its domain folder.',
            },
          ],
        },
      ],
    },
  },
)
