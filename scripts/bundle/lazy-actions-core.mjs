// @actions/core imports its OIDC client (and through it @actions/http-client and undici) at the top
// of core.js, so every action start evaluates undici although only getIDToken uses it, and we never
// call it. The bundle takes a copy of @actions/core where that import is a dynamic import() inside
// getIDToken: ncc puts the client in an on-demand chunk (the copy is staged by staging.mjs).
// It also re-exports `platform` (OS details), whose module imports @actions/exec and through it
// child_process and @actions/io: about 9 ms of every start on Node 24. The action never uses it
// (ActionCore, the part of @actions/core it receives, has no `platform`), so the copy exports a
// stand-in that throws a clear error on any use instead.
import { join } from 'node:path'
import { patchFile, replaceOnce, stagePackage } from './staging.mjs'

const EAGER_IMPORT = "import { OidcClient } from './oidc-utils.js';\n"
const EAGER_CALL = 'return yield OidcClient.getIDToken(aud);'
const LAZY_CALL =
  "const { OidcClient } = yield import('./oidc-utils.js');\n        return yield OidcClient.getIDToken(aud);"
const EAGER_PLATFORM = "export * as platform from './platform.js';"
const NO_PLATFORM =
  'export const platform = new Proxy({}, { get(_, name) { throw new Error(`@actions/core platform.${String(name)} ' +
  'is left out of this bundle (scripts/bundle/lazy-actions-core.mjs)`) } });'

/** Stages the patched copy (removed by unstagePackages). */
export function stageLazyActionsCore(root) {
  const staged = stagePackage(root, '@actions/core', ['lib'])
  patchFile(join(staged, 'lib', 'core.js'), (source) => {
    const where = ['@actions/core/lib/core.js', import.meta.url]
    let core = replaceOnce(source, EAGER_IMPORT, '', ...where)
    core = replaceOnce(core, EAGER_CALL, LAZY_CALL, ...where)
    core = replaceOnce(core, EAGER_PLATFORM, NO_PLATFORM, ...where)
    if (/^import .*oidc-utils/m.test(core))
      throw new Error('@actions/core/lib/core.js still imports oidc-utils eagerly')
    return core
  })
}
