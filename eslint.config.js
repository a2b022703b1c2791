import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'node_modules/**',
      'app/generated/**',
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
