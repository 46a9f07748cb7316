// node-fetch 3 uses fetch-blob, whose streams.cjs falls back to web-streams-polyfill (about 200 KiB,
// parsed at every start) when globalThis.ReadableStream is missing, and then to node:stream/web.
// Node >= 18 has the global (engines says >= 20), so the fallback never runs: the bundle takes a copy
// of fetch-blob where it throws a clear error instead, and copies of its importers (node-fetch,
// formdata-polyfill) so that they resolve to that copy, not to the original. The copy also asks
// whether the global exists with `in`, not by reading it: the first read of globalThis.ReadableStream
// loads Node's web streams (about 5 ms of every start), which a request of ours never uses.
import { join } from 'node:path'
import { patchFile, replaceOnce, stagePackage } from './staging.mjs'

const POLYFILL = "Object.assign(globalThis, require('web-streams-polyfill/dist/ponyfill.es2018.js'))"
/** In the bundle when the staged fetch-blob is; the polyfill's license header when the polyfill is. */
export const PATCHED_MARKER = 'the bundle leaves out web-streams-polyfill'
export const POLYFILL_MARKER = ' * web-streams-polyfill v'
const INSTEAD = `throw new Error('fetch-blob: no ReadableStream in this Node.js (Node >= 18 has it); ${PATCHED_MARKER}')`
const READ_GLOBAL = 'if (!globalThis.ReadableStream) {'
const ASK_GLOBAL = "if (!('ReadableStream' in globalThis)) {"

/** Stages node-fetch, formdata-polyfill and a fetch-blob without the polyfill (removed by unstagePackages). */
export function stageNoStreamsPolyfill(root) {
  stagePackage(root, 'node-fetch', ['src'])
  stagePackage(root, 'formdata-polyfill', ['esm.min.js'])
  const fetchBlob = stagePackage(root, 'fetch-blob', ['index.js', 'file.js', 'from.js', 'streams.cjs'])
  patchFile(join(fetchBlob, 'streams.cjs'), (source) => {
    const where = ['fetch-blob/streams.cjs', import.meta.url]
    return replaceOnce(replaceOnce(source, POLYFILL, INSTEAD, ...where), READ_GLOBAL, ASK_GLOBAL, ...where)
  })
}
