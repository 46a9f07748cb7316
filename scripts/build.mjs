// Builds the committed bundles: tsc compiles src/ to build/, ncc bundles each entry with its
// dependencies into one ESM file, so the runner (and the CLI) need no node_modules.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const ncc = require('@vercel/ncc')

const ENTRIES = [
  { input: 'build/action/index.js', output: 'dist/index.js' },
]

rmSync(join(root, 'build'), { recursive: true, force: true })
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root })
rmSync(join(root, 'dist'), { recursive: true, force: true })
mkdirSync(join(root, 'dist'), { recursive: true })

for (const entry of ENTRIES) {
  const filename = basename(entry.output)
  const { code, assets } = await ncc(join(root, entry.input), { filename, quiet: true, minify: false, sourceMap: false, license: 'licenses.txt', target: 'es2022' })
  for (const [name, asset] of Object.entries(assets)) {
    if (name === 'package.json') continue
    // Lazy chunks (node-fetch's multipart parser) are named after the entry, so bundles never collide.
    if (name !== 'licenses.txt' && !name.endsWith(`.${filename}`)) throw new Error(`unexpected ncc asset "${name}" for ${entry.input}`)
    writeFileSync(join(root, 'dist', name), asset.source)
  }
  writeFileSync(join(root, entry.output), code)
  console.log(`${entry.output}: ${(code.length / 1024).toFixed(0)} KiB`)
}
