// One flat config for the whole workspace. Style follows fastify/vue/vite: no semicolons, single quotes.
// (@antfu/eslint-config needs Node 22 APIs such as Object.groupBy; this is the same rule set by hand.)
import js from '@eslint/js'
import stylistic from '@stylistic/eslint-plugin'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/dist-hash/**', '**/data/**', '**/node_modules/**', 'e2e/.artifacts/**', '**/test-results/**', '**/playwright-report/**', 'bench/.results/**', '**/.cache/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  stylistic.configs.customize({ semi: false, quotes: 'single', indent: 2, braceStyle: '1tbs', arrowParens: false }),
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': ['error', { ignores: [] }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'eqeqeq': ['error', 'smart'],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    files: ['apps/web/**/*.{ts,vue}', 'packages/mock-wechat/src/bridge/**/*.{ts,js}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // config.ts is the only reader of the environment (STYLE.md §7.5)
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/config.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts.' }],
    },
  },
  {
    // shared runs in the browser and on the server: no Node or DOM globals
    files: ['packages/shared/src/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'Buffer', 'localStorage'],
    },
  },
  {
    // apps never import the mock: they reach it only through configured base URLs
    files: ['apps/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@wxshop/mock-wechat', '**/mock-wechat/**'], message: 'apps/* reach the mock only through configured base URLs.' }] }],
    },
  },
)
