// node-fetch imports node:https at the top of its index.js, and with it node:tls: about 11 ms of
// every start on Node 24, paid even when Jira's URL is http:// (a simulator, a proxy in front of an
// internal Jira). The bundle takes a copy of node-fetch that requires node:https on the first https
// request instead; a run against an https Jira pays the same cost, only later.
import { join } from 'node:path'
import { patchFile, replaceOnce, stagePackage } from './staging.mjs'

const EAGER_IMPORT = "import https from 'node:https';\n"
const LAZY_REQUIRE =
  "import {createRequire} from 'node:module';\n" +
  '// Staged by scripts/bundle/lazy-https.mjs: node:https (and node:tls) load on the first https request.\n' +
  'const requireBuiltin = createRequire(import.meta.url);\n' +
  "const lazyHttps = () => requireBuiltin('node:https');\n"
const EAGER_USE = "(parsedURL.protocol === 'https:' ? https : http).request"
const LAZY_USE = "(parsedURL.protocol === 'https:' ? lazyHttps() : http).request"

/** Stages node-fetch with the patch (removed by unstagePackages). */
export function stageLazyHttps(root) {
  const staged = stagePackage(root, 'node-fetch', ['src'])
  patchFile(join(staged, 'src', 'index.js'), (source) => {
    const where = ['node-fetch/src/index.js', import.meta.url]
    const lazy = replaceOnce(source, EAGER_IMPORT, LAZY_REQUIRE, ...where)
    return replaceOnce(lazy, EAGER_USE, LAZY_USE, ...where)
  })
}
