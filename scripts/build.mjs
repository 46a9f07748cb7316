// Builds the committed bundles: tsc compiles src/ to build/, ncc bundles each entry with its
// dependencies into one ESM file, so the runner (and the CLI) need no node_modules.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const ncc = require('@vercel/ncc')

const ENTRIES = [
  { input: 'build/action/index.js', output: 'dist/index.js' },
  { input: 'build/cli/index.js', output: 'dist/cli.js', executable: true },
]

rmSync(join(root, 'build'), { recursive: true, force: true })
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
  cwd: root,
})
rmSync(join(root, 'dist'), { recursive: true, force: true })
mkdirSync(join(root, 'dist'), { recursive: true })

for (const entry of ENTRIES) {
  // The CLI entry lands with the CLI; until then the action bundle alone is built.
  if (!existsSync(join(root, entry.input))) continue
  const filename = basename(entry.output)
  const license = filename.replace(/\.js$/, '.licenses.txt')
  const { code, assets } = await ncc(join(root, entry.input), {
    filename,
    quiet: true,
    minify: false,
    sourceMap: false,
    license,
    target: 'es2022',
  })
  for (const [name, asset] of Object.entries(assets)) {
    if (name === 'package.json') continue
    // Lazy chunks (node-fetch's multipart parser) are named after the entry, so bundles never collide.
    if (name !== license && !name.endsWith(`.${filename}`))
      throw new Error(`unexpected ncc asset "${name}" for ${entry.input}`)
    writeFileSync(join(root, 'dist', name), asset.source)
  }
  writeFileSync(join(root, entry.output), entry.executable ? `#!/usr/bin/env node\n${code}` : code, {
    mode: entry.executable ? 0o755 : 0o644,
  })
  console.log(`${entry.output}: ${(code.length / 1024).toFixed(0)} KiB`)
}
