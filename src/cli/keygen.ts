import { resolve } from 'node:path'
import {
  applicationLinkInstructions,
  DEFAULT_CONSUMER_KEY,
  DEFAULT_CONSUMER_NAME,
  DEFAULT_KEY_BITS,
  generateConsumerKeyPair,
  MIN_KEY_BITS,
} from '../commands/keygen.js'
import { UserFacingError } from '../core/errors.js'
import type { CliContext } from './context.js'
import { gitExposure } from './git-exposure.js'

export const DEFAULT_PRIVATE_KEY_FILE = 'jira-oauth-private.pem'

/** jira-oauth-private.pem -> jira-oauth-public.pem; other names get .pub.pem. */
export function publicKeyPathFor(privatePath: string): string {
  if (/-private\.pem$/i.test(privatePath)) return privatePath.replace(/-private\.pem$/i, '-public.pem')
  return `${privatePath.replace(/\.pem$/i, '')}.pub.pem`
}

function writeOrExplain(
  files: CliContext['files'],
  path: string,
  text: string,
  mode: number,
  flag: string,
  undo?: () => void,
): void {
  try {
    files.writeNew(path, text, mode)
  } catch (error) {
    undo?.()
    const code = (error as { code?: string }).code ?? (error as Error).message
    throw new UserFacingError(
      `Cannot write ${path} (${code}).`,
      `Check that its folder exists and is writable, or choose another path with ${flag}. Nothing was left behind.`,
    )
  }
}

/** A private key inside a git work tree, not ignored there, is one `git add .` away from a commit. */
function refuseWhereGitWouldTakeIt(privatePath: string): void {
  const exposure = gitExposure(privatePath)
  if (exposure.kind !== 'exposed') return
  throw new UserFacingError(
    `${privatePath} is inside the git work tree ${exposure.root} and not ignored there: one \`git add .\` would commit the private key.`,
    `Write it outside the work tree with --out (e.g. --out ~/.jira-oauth/${DEFAULT_PRIVATE_KEY_FILE}), or add its name to ${exposure.root}/.gitignore first. Nothing was written.`,
  )
}

/** `keygen`: a key pair on disk (private 0600, never overwritten) and the Application Link fields. */
export async function keygenCommand({ inputs, out, files }: CliContext): Promise<number> {
  const bits = inputs.integer('bits', DEFAULT_KEY_BITS, MIN_KEY_BITS, 16384)
  const privatePath = resolve(inputs.optional('out') ?? DEFAULT_PRIVATE_KEY_FILE)
  const publicPath = resolve(inputs.optional('public-out') ?? publicKeyPathFor(privatePath))
  const consumerKey = inputs.optional('consumer-key') ?? DEFAULT_CONSUMER_KEY
  const consumerName = inputs.optional('consumer-name') ?? DEFAULT_CONSUMER_NAME
  if (privatePath === publicPath)
    throw new UserFacingError('--out and --public-out name the same file.', 'Give two different paths.')
  // Both checked before either is written, so a refusal leaves nothing half done.
  for (const path of [privatePath, publicPath]) {
    if (files.exists(path))
      throw new UserFacingError(
        `${path} already exists; keygen never overwrites a key.`,
        'Move it away, or choose another path with --out / --public-out.',
      )
  }
  refuseWhereGitWouldTakeIt(privatePath)
  const pair = generateConsumerKeyPair(bits, inputs.label)
  // The public key first: if it cannot be written, no private key is left behind without its pair.
  writeOrExplain(files, publicPath, pair.publicKeyPem, 0o644, '--public-out')
  writeOrExplain(files, privatePath, pair.privateKeyPem, 0o600, '--out', () => {
    files.remove(publicPath)
  })
  out.json({
    privateKeyFile: privatePath,
    publicKeyFile: publicPath,
    bits,
    fingerprint: pair.fingerprint,
    consumerKey,
    consumerName,
    publicKey: pair.publicKeyPem,
  })
  out.message(
    `Wrote the private key to ${privatePath} (mode 0600: keep it secret) and the public key to ${publicPath} (${pair.fingerprint}).\n\n` +
      applicationLinkInstructions({ consumerKey, consumerName, publicKeyPem: pair.publicKeyPem }),
  )
  return 0
}
