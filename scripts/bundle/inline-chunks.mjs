// The CLI ships as one file (one release asset for GitLab CI, Jenkins...): the on-demand chunks ncc
// emits are folded into it, loaded from memory instead of from `./N.cli.js`. Each chunk's code is
// kept inside a function, so it is still evaluated only when first needed.
const CHUNK_IMPORT = 'import("./" + __nccwpck_require__.u(chunkId))'
const CHUNK_LOADER_MARK = '__nccwpck_require__.f.j = (chunkId, promises) => {'
const CHUNK_EXPORT = /^export const (id|ids|modules|runtime) = /gm

function fail(what) {
  throw new Error(`ncc output changed (${what}): update scripts/bundle/inline-chunks.mjs`)
}

/** A chunk's ESM source (`export const id/ids/modules`) as the body of a function returning them. */
function chunkFunction(name, source) {
  const exported = new Set()
  const body = source.replace(CHUNK_EXPORT, (_, binding) => {
    exported.add(binding)
    return `const ${binding} = `
  })
  if (!exported.has('ids') || !exported.has('modules')) fail(`chunk ${name} exports no ids/modules`)
  if (/^\s*(import|export)\b/m.test(body)) fail(`chunk ${name} has other imports or exports`)
  return `() => {\n${body}\nreturn { ${[...exported].join(', ')} };\n}`
}

/** `code` with `chunks` ({ 'N.cli.js': source }) inlined; throws if ncc's chunk loader is not as expected. */
export function inlineChunks(code, chunks) {
  const entries = Object.entries(chunks)
  if (entries.length === 0) return code
  if (code.split(CHUNK_IMPORT).length !== 2) fail('chunk import')
  if (code.split(CHUNK_LOADER_MARK).length !== 2) fail('chunk loader')
  const table = entries
    .map(([name, source]) => {
      const id = /^(\d+)\./.exec(name)?.[1] ?? fail(`chunk name ${name}`)
      return `${id}: ${chunkFunction(name, source)}`
    })
    .join(',\n')
  const loader =
    `var inlinedChunks = {\n${table}\n};\n` +
    'var loadInlinedChunk = (chunkId) => Promise.resolve().then(() => {\n' +
    '  if (!inlinedChunks[chunkId]) throw new Error(`chunk ${chunkId} is not in this file`);\n' +
    '  return inlinedChunks[chunkId]();\n' +
    '});\n'
  return code
    .replace(CHUNK_LOADER_MARK, () => loader + CHUNK_LOADER_MARK)
    .replace(CHUNK_IMPORT, () => 'loadInlinedChunk(chunkId)')
}
