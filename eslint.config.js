// Typed lint (typescript-eslint strict + stylistic, type-checked) and the layer rules of
// ARCHITECTURE.md: core imports no other layer; @actions/* only in the adapters that own that
// world; commands import no adapter; nothing in src/ imports the simulator, scripts or tests.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })
const forbid = (group, message) => ({ group, message })

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'lib/', 'coverage/', 'node_modules/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // Ports and fakes are async by contract; an implementation that needs no await is still right.
      '@typescript-eslint/require-await': 'off',
      // No-op log sinks and sleeps are empty on purpose.
      '@typescript-eslint/no-empty-function': ['error', { allow: ['arrowFunctions', 'methods', 'asyncMethods'] }],
      // In CI variables and inputs '' means unset: `||` is meant there.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // expectJson<T>() names the expected JSON shape at the call site.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // The text sanitisers match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    files: ['__tests__/**'],
    rules: {
      // A test asserts what it indexes: a missing element fails the test with a clear TypeError.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests read Jira's and the action's JSON answers as parsed (any); a wrong shape fails the assertion.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  layer(
    ['src/core/**'],
    [
      forbid(
        ['**/jira/**', '**/commands/**', '**/config/**', '**/action/**', '**/cli/**', '**/github/**'],
        'src/core is pure: it imports no other layer.',
      ),
      forbid(['@actions/*', 'node-fetch', '**/simulator/**'], 'src/core is pure: no I/O libraries.'),
    ],
  ),
  layer(
    ['src/jira/**'],
    [
      forbid(
        [
          '**/commands/**',
          '**/config/**',
          '**/action/**',
          '**/cli/**',
          '**/github/**',
          '@actions/*',
          '**/simulator/**',
        ],
        'src/jira is the client: it imports only core.',
      ),
    ],
  ),
  layer(
    ['src/commands/**', 'src/config/**'],
    [
      forbid(
        ['**/action/**', '**/cli/**', '@actions/*', '**/simulator/**'],
        'commands and config import no adapter and no @actions/* package.',
      ),
    ],
  ),
  layer(
    ['src/config/**'],
    [forbid(['**/commands/**'], 'config sits below commands: shared types live in the lower layer.')],
  ),
  layer(
    ['src/cli/**'],
    [
      forbid(
        ['@actions/core', '**/action/**', '**/simulator/**'],
        'The CLI adapter does not use the action adapter or @actions/core.',
      ),
    ],
  ),
  layer(
    ['src/action/**', 'src/github/**', 'src/index.ts'],
    [
      forbid(
        ['**/simulator/**', '**/scripts/**', '**/__tests__/**'],
        'src/ never imports the simulator, scripts or tests.',
      ),
    ],
  ),
)
