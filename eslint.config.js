// ESLint flat config. Type-aware rules run on TypeScript so that promises are
// never dropped silently (STYLE.md: never swallow an error); plain JS config
// files get the untyped rules only.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['.output/', '.wxt/', 'dist/', 'coverage/', 'test-results/', 'docs/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Page text, profiles, notes and imported files are shown as text, never
    // parsed as markup: the extension's own code has no HTML sink at all.
    files: ['components/**', 'entrypoints/**', 'lib/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name=/^(dangerouslySetInnerHTML|srcdoc)$/]',
          message: 'Render text as JSX children; never inject markup.',
        },
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
          message: 'Use textContent or build nodes; never inject markup.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|parseFromString|setHTMLUnsafe)$/]',
          message: 'Build nodes or use textContent; never parse strings as markup.',
        },
        {
          selector:
            "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
          message: 'Never write markup into a document.',
        },
      ],
    },
  },
);
