// ESLint flat config. Type-aware rules run on TypeScript so that promises are
// never dropped silently (never swallow an error); plain JS config
// files get the untyped rules only.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of docs/ARCHITECTURE.md: each folder and the folders of ours it
 * may import. Imports point one way (entrypoints, components, then the
 * browser-facing services, then the pure libraries, lib/model last) so no
 * folder cycle can form; a folder that needs one above it needs a type in
 * lib/model or a service in lib/background instead.
 */
const LAYERS = {
  'lib/model': [],
  'lib/match': ['lib/model'],
  'lib/anchor': ['lib/model'],
  'lib/export': ['lib/model'],
  'lib/i18n': ['lib/model'],
  'lib/extract': ['lib/model', 'lib/match'],
  'lib/search': ['lib/model', 'lib/match'],
  'lib/messaging': ['lib/model', 'lib/match', 'lib/anchor'],
  'lib/store': ['lib/model', 'lib/match', 'lib/extract'],
  'lib/profiles': ['lib/model', 'lib/match', 'lib/extract'],
  'lib/page': ['lib/model', 'lib/match', 'lib/anchor', 'lib/messaging', 'lib/i18n'],
  'lib/background': [
    'lib/model',
    'lib/match',
    'lib/anchor',
    'lib/extract',
    'lib/store',
    'lib/messaging',
    'lib/i18n',
  ],
  'lib/demo': ['lib/model', 'lib/match', 'lib/extract', 'lib/profiles'],
};
const LIB_FOLDERS = Object.keys(LAYERS);

/** What extension pages may use: no page (content script), worker or Node code. */
const PAGE_LIBS = [
  'lib/model',
  'lib/match',
  'lib/anchor',
  'lib/export',
  'lib/i18n',
  'lib/extract',
  'lib/search',
  'lib/messaging',
  'lib/store',
];
const SURFACES = ['card', 'popup', 'sidepanel', 'options', 'onboarding'];

/** A no-restricted-imports rule that forbids our folders `forbidden`, and reaching out of a folder with `../`. */
function onlyImports(forbidden, message) {
  return [
    'error',
    {
      patterns: [
        { group: forbidden.flatMap((dir) => [`@/${dir}`, `@/${dir}/*`]), message },
        { group: ['../*'], message: 'Import another folder by its path from the root: @/lib/….' },
      ],
    },
  ];
}

/** One config block per layer, from {@link LAYERS}. */
const layerRules = Object.entries(LAYERS).map(([dir, allowed]) => ({
  files: [`${dir}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': onlyImports(
      [
        ...LIB_FOLDERS.filter((other) => other !== dir && !allowed.includes(other)),
        'components',
        'entrypoints',
      ],
      `${dir} may import only ${allowed.length ? allowed.join(', ') : 'nothing of ours'} (docs/ARCHITECTURE.md, "Layers").`,
    ),
  },
}));

/**
 * Store functions that write. Pages read the store themselves but change it
 * only through the background's messages, which carry each write's side
 * effects (docs/ARCHITECTURE.md, "Data access").
 */
const STORE_WRITES = {
  '@/lib/store/annotations': ['saveQuote', 'savePageNote', 'updateAnnotation', 'deleteAnnotation', 'restoreAnnotation'],
  '@/lib/store/notes': ['addEntityNote', 'updateNote', 'deleteNote'],
  '@/lib/store/corrections': ['correctEntity'],
  '@/lib/store/import-annotations': ['commitImport'],
  '@/lib/store/added-sources': ['addSource', 'removeSource', 'reapplyAddedSources'],
  '@/lib/store/settings': ['writeSettings'],
  '@/lib/store/import-bundle': ['importBundle'],
  '@/lib/store/load-bundle': ['loadBundle', 'createBundleLoader'],
  '@/lib/store/queries': ['writeImportState'],
}; // prettier-ignore
/** Page text, profiles, notes and imported files are shown as text, never parsed as markup. */
const NO_MARKUP = [
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
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: 'Never write markup into a document.',
  },
];

const WRITE_MESSAGE =
  'Pages change the store only by a message to the background (docs/ARCHITECTURE.md, "Data access").';

/** The rule for one component folder: its surface may use shared/ and hooks/, never another surface. */
function componentRules(folder) {
  const otherSurfaces = SURFACES.filter((surface) => surface !== folder).map(
    (s) => `components/${s}`,
  );
  const forbidden = [
    ...LIB_FOLDERS.filter((dir) => !PAGE_LIBS.includes(dir)),
    'entrypoints',
    ...(SURFACES.includes(folder) ? otherSurfaces : [...otherSurfaces, `components/${folder}`]),
  ];
  const [, options] = onlyImports(
    forbidden.filter((dir) => dir !== `components/${folder}`),
    `components/${folder} may use lib/ of the pages, components/shared and components/hooks (docs/ARCHITECTURE.md, "Layers").`,
  );
  return {
    files: [`components/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...options,
          paths: Object.entries(STORE_WRITES).map(([name, importNames]) => ({
            name,
            importNames,
            message: WRITE_MESSAGE,
          })),
        },
      ],
    },
  };
}

export default defineConfig(
  globalIgnores([
    '.output/',
    '.wxt/',
    'dist/',
    'coverage/',
    'test-results/',
    'docs/',
    'lib/extract/generated/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // No import cycle, between files or (through LAYERS) between folders.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  ...layerRules,
  ...['card', 'popup', 'sidepanel', 'options', 'onboarding', 'shared', 'hooks'].map(componentRules),
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
      'no-restricted-syntax': ['error', ...NO_MARKUP],
    },
  },
  {
    // Pages hold the database to read it; writing it is the background's (STORE_WRITES).
    files: ['components/**', 'entrypoints/{options,sidepanel,popup,popover,onboarding}/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...NO_MARKUP,
        {
          selector:
            "CallExpression[callee.property.name=/^(put|add|bulkPut|bulkAdd|delete|bulkDelete|clear|modify|update|transaction)$/][callee.object.object.name='db']",
          message: WRITE_MESSAGE,
        },
        {
          selector:
            "CallExpression[callee.object.name='db'][callee.property.name=/^(delete|transaction)$/]",
          message: WRITE_MESSAGE,
        },
      ],
    },
  },
);
