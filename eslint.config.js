import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      // Static imports only: a dynamic import() splits the ncc bundle.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression',
          message: 'Use a static import: dynamic import() splits the ncc bundle.'
        }
      ]
    }
  },
  {
    // The action's lazy loading (docs/benchmarks.md): each import() here is a chunk of dist/,
    // built and checked with the rest. In code the capture tool bundles (bundle.ts) only with
    // webpackMode "eager" (no chunk): dist/capture.js must stay one file.
    files: [
      'src/index.ts',
      'src/main.ts',
      'src/post.ts',
      'src/auth/bundle.ts',
      'src/auth/lifecycle.ts',
      'src/claude/prepare.ts',
      'src/github/client.ts',
      'src/claude/install.ts'
    ],
    rules: { 'no-restricted-syntax': 'off' }
  }
)
