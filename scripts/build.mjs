// Builds the committed bundles: tsc compiles src/ to build/, ncc bundles each entry with its
// dependencies into one ESM file, so the runner (and the CLI) need no node_modules. The action keeps
// what only some runs need (undici, proxy agents, the GitHub client, the issues command) in on-demand
// chunks beside it, for a fast start; the CLI is one file, with those chunks folded in.
// scripts/bundle/ checks both layouts.
// The library (src/index.ts) is bundled the same way into lib/index.js, so the npm package has no
// dependencies to install. `--library` builds only build/ and lib/ (npm pack's prepack), leaving dist/ alone.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkActionLayout, checkNoStreamsPolyfill, checkOneFile } from './bundle/bundle-layout.mjs'
import { inlineChunks } from './bundle/inline-chunks.mjs'
import { stageLazyActionsCore } from './bundle/lazy-actions-core.mjs'
import { stageLazyHttps } from './bundle/lazy-https.mjs'
import { stageNoStreamsPolyfill } from './bundle/no-streams-polyfill.mjs'
import { unstagePackages } from './bundle/staging.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const ncc = require('@vercel/ncc')

const ENTRIES = [
  { input: 'build/action/index.js', output: 'dist/index.js', check: checkActionLayout },
  { input: 'build/cli/index.js', output: 'dist/cli.js', executable: true, oneFile: true },
]
const LIBRARY = { input: 'build/index.js', output: 'lib/index.js', oneFile: true }
const libraryOnly = process.argv.includes('--library')

rmSync(join(root, 'build'), { recursive: true, force: true })
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
  cwd: root,
})
try {
  stageLazyActionsCore(root)
  stageNoStreamsPolyfill(root)
  stageLazyHttps(root)
  if (!libraryOnly) {
    rmSync(join(root, 'dist'), { recursive: true, force: true })
    mkdirSync(join(root, 'dist'), { recursive: true })
    for (const entry of ENTRIES) await bundle(entry)
  }
  rmSync(join(root, 'lib'), { recursive: true, force: true })
  mkdirSync(join(root, 'lib'), { recursive: true })
  await bundle(LIBRARY)
} finally {
  unstagePackages(root)
}

async function bundle(entry) {
  const filename = basename(entry.output)
  const license = filename.replace(/\.js$/, '.licenses.txt')
  const { code: nccCode, assets } = await ncc(join(root, entry.input), {
    filename,
    quiet: true,
    minify: false,
    sourceMap: false,
    license,
    target: 'es2022',
  })
  const chunks = {}
  for (const [name, asset] of Object.entries(assets)) {
    if (name === 'package.json') continue
    if (name === license) writeFileSync(join(root, dirname(entry.output), name), asset.source)
    // Lazy chunks are named after the entry (N.index.js), so bundles never collide.
    else if (/^\d+\./.test(name) && name.endsWith(`.${filename}`)) chunks[name] = asset.source.toString()
    else throw new Error(`unexpected ncc asset "${name}" for ${entry.input}`)
  }
  const code = entry.oneFile ? inlineChunks(nccCode, chunks) : nccCode
  checkNoStreamsPolyfill(entry.output, [code, ...Object.values(chunks)])
  if (entry.oneFile) checkOneFile(entry.output, code)
  else for (const [name, source] of Object.entries(chunks)) writeFileSync(join(root, 'dist', name), source)
  entry.check?.({ code, chunks })
  writeFileSync(join(root, entry.output), entry.executable ? `#!/usr/bin/env node\n${code}` : code, {
    mode: entry.executable ? 0o755 : 0o644,
  })
  const chunkNote = entry.oneFile ? `, ${Object.keys(chunks).length} chunks inlined` : ''
  console.log(`${entry.output}: ${(Buffer.byteLength(code) / 1024).toFixed(0)} KiB${chunkNote}`)
}
