// Typed lint (typescript-eslint strict + stylistic, type-checked) and the layer rules of
// ARCHITECTURE.md: core imports no other layer; @actions/* only in the adapters that own that
// world; commands import no adapter; nothing in src/ imports the simulator, scripts or tests.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })
const forbid = (group, message) => ({ group, message })

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'coverage/', 'node_modules/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
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
