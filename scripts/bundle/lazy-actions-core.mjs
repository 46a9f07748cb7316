// @actions/core imports its OIDC client (and through it @actions/http-client and undici) at the top
// of core.js, so every action start evaluates undici although only getIDToken uses it, and we never
// call it. The bundle takes a copy of @actions/core where that import is a dynamic import() inside
// getIDToken: ncc puts the client in an on-demand chunk (the copy is staged by staging.mjs).
import { join } from 'node:path'
import { patchFile, replaceOnce, stagePackage } from './staging.mjs'

const EAGER_IMPORT = "import { OidcClient } from './oidc-utils.js';\n"
const EAGER_CALL = 'return yield OidcClient.getIDToken(aud);'
const LAZY_CALL =
  "const { OidcClient } = yield import('./oidc-utils.js');\n        return yield OidcClient.getIDToken(aud);"

/** Stages the patched copy (removed by unstagePackages). */
export function stageLazyActionsCore(root) {
  const staged = stagePackage(root, '@actions/core', ['lib'])
  patchFile(join(staged, 'lib', 'core.js'), (source) => {
    const where = ['@actions/core/lib/core.js', import.meta.url]
    const core = replaceOnce(replaceOnce(source, EAGER_IMPORT, '', ...where), EAGER_CALL, LAZY_CALL, ...where)
    if (/^import .*oidc-utils/m.test(core))
      throw new Error('@actions/core/lib/core.js still imports oidc-utils eagerly')
    return core
  })
}
