// parsePrivateKey: the forms a PEM takes on its way into a CI secret, and the errors for what is
// not a usable RSA private key. Signatures are compared with the published wiki RSA-SHA1 vector.
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { ConfigError, describeError } from '../../../src/core/errors.js'
import { parsePrivateKey, pemSecretFragments } from '../../../src/core/keys/private-key.js'
import { signRsaSha1 } from '../../../src/core/oauth/rsa-sha1.js'
import { FIXTURES_DIR, loadVectors, readKey } from '../oauth/fixtures.js'

const SOURCE = 'input `private-key` (JIRA_PRIVATE_KEY)'
const PASSPHRASE_SOURCE = 'input `private-key-passphrase`'
const PASSPHRASE = 'conformance-test-passphrase'

const PKCS8 = readKey('wiki-testcases.pem')
const PKCS1 = readKey('wiki-testcases.pkcs1.pem')
const ENCRYPTED = readKey('wiki-testcases.encrypted.pem')
const vector = loadVectors().vectors.find((v) => v.id === 'wiki-rsa-sha1')!

function parse(raw: string, passphrase?: string) {
  return parsePrivateKey(raw, passphrase, SOURCE, PASSPHRASE_SOURCE)
}

function sign(raw: string, passphrase?: string): string {
  return signRsaSha1(vector.expected_base_string, parse(raw, passphrase).key)
}

const lines = (pem: string) => pem.trim().split('\n')
const bodyLines = (pem: string) => lines(pem).filter((line) => !line.startsWith('-----'))
const base64Wrapped = (text: string, width: number) =>
  (
    Buffer.from(text)
      .toString('base64')
      .match(new RegExp(`.{1,${width}}`, 'g')) ?? []
  ).join('\n')

describe('accepted forms give the published signature', () => {
  test('the published vector uses the wiki key', () => {
    expect(vector.key_ref).toBe('wiki-testcases.pem')
  })

  test.each([
    ['PKCS#8', PKCS8, undefined, 'pkcs8'],
    ['PKCS#1', PKCS1, undefined, 'pkcs1'],
    ['encrypted PKCS#8 with its passphrase', ENCRYPTED, PASSPHRASE, 'encrypted-pkcs8'],
  ] as const)('%s', (_name, raw, passphrase, format) => {
    const parsed = parse(raw, passphrase)
    expect(parsed.format).toBe(format)
    expect(parsed.bits).toBe(1024)
    expect(parsed.pem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true)
    expect(signRsaSha1(vector.expected_base_string, parsed.key)).toBe(vector.expected_signature)
  })

  test.each([
    ['literal \\n sequences', lines(PKCS8).join('\\n')],
    ['literal \\n sequences in double quotes', `"${lines(PKCS8).join('\\n')}"`],
    ['literal \\r\\n sequences, PKCS#1', lines(PKCS1).join('\\r\\n')],
    ['CRLF line ends', PKCS8.replace(/\n/g, '\r\n')],
    [
      'surrounding blank lines and indentation',
      `\n\n   ${lines(PKCS8)
        .map((l) => `    ${l}`)
        .join('\n')}\n\n  \t`,
    ],
    [
      'tab indentation, PKCS#1',
      lines(PKCS1)
        .map((l) => `\t${l}`)
        .join('\n'),
    ],
    ['everything on one line, separated by spaces', lines(PKCS8).join(' ')],
    [
      'body flattened onto one line with spaces',
      `${lines(PKCS8)[0]}\n${bodyLines(PKCS8).join(' ')}\n${lines(PKCS8).at(-1)}\n`,
    ],
    [
      'body lines joined without separators',
      `${lines(PKCS1)[0]}\n${bodyLines(PKCS1).join('')}\n${lines(PKCS1).at(-1)}`,
    ],
    ['base64 of the whole PEM, one line', Buffer.from(PKCS8).toString('base64')],
    ['base64 of the whole PEM, wrapped at 76 columns', base64Wrapped(PKCS1, 76)],
  ])('%s', (_name, raw) => {
    expect(sign(raw)).toBe(vector.expected_signature)
  })

  test.each([
    ['CRLF line ends', ENCRYPTED.replace(/\n/g, '\r\n')],
    ['literal \\n sequences', lines(ENCRYPTED).join('\\n')],
    ['base64 of the whole PEM', Buffer.from(ENCRYPTED).toString('base64')],
  ])('encrypted PKCS#8 with %s', (_name, raw) => {
    expect(sign(raw, PASSPHRASE)).toBe(vector.expected_signature)
  })
})

/** Every 20-character window of base64 in `text` that also occurs in the key material. */
function leakedRuns(text: string, material: string): string[] {
  const flat = material.replace(/-----[A-Z0-9 ]+-----/g, '').replace(/\\n|\s/g, '')
  const leaks: string[] = []
  for (const run of text.match(/[A-Za-z0-9+/=]{20,}/g) ?? []) {
    for (let i = 0; i + 20 <= run.length; i++) {
      if (flat.includes(run.slice(i, i + 20))) leaks.push(run.slice(i, i + 20))
    }
  }
  return leaks
}

function expectConfigError(
  raw: string,
  passphrase: string | undefined,
  found: RegExp,
  mentions: string = SOURCE,
): ConfigError {
  let caught: unknown
  try {
    parse(raw, passphrase)
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(ConfigError)
  const error = caught as ConfigError
  expect(error.message).toContain(mentions)
  expect(error.message).toMatch(found)
  expect(error.hint).toBeTruthy()
  const text = describeError(error)
  expect(leakedRuns(text, raw)).toEqual([])
  for (const line of raw.split(/\r?\n|\\n/)) {
    // BEGIN/END lines are public knowledge; every other line of 20+ characters is key material.
    if (line.trim().length >= 20 && !line.trim().startsWith('-----')) expect(text).not.toContain(line.trim())
  }
  return error
}

const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey
const ed25519 = generateKeyPairSync('ed25519').privateKey
const openSshBody = Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), randomBytes(600)]).toString('base64')
const OPENSSH = `-----BEGIN OPENSSH PRIVATE KEY-----\n${openSshBody.match(/.{1,70}/g)!.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`
const SSH_RSA_PUBLIC = `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${randomBytes(256).toString('base64')} builder@ci`
const RANDOM_BASE64 = randomBytes(300).toString('base64')

describe('errors name the source, say what was found, never show the key', () => {
  test.each([
    ['an empty value', '', /is empty/],
    ['only blanks', '  \n\t \r\n ', /is empty/],
    [
      'a public key (SubjectPublicKeyInfo)',
      readKey('wiki-testcases.pub.pem'),
      /PEM block labelled "PUBLIC KEY".*public half/,
    ],
    ['a PKCS#1 public key', readKey('oauthlib-test.rsa-pub.pem'), /"RSA PUBLIC KEY".*public half/],
    ['a certificate', readKey('wiki-testcases.cert.pem'), /"CERTIFICATE".*public half/],
    ['random text', 'please paste the key here', /not a PEM block/],
    ['random base64', RANDOM_BASE64, /not a PEM block/],
    [
      'a PEM cut off before its END line',
      lines(PKCS8).slice(0, 8).join('\n'),
      /"PRIVATE KEY" block that is not a readable key/,
    ],
    [
      'a PEM with body lines missing',
      [...lines(PKCS1).slice(0, 5), lines(PKCS1).at(-1)].join('\n'),
      /"RSA PRIVATE KEY" block that is not a readable key/,
    ],
    ['an EC key (PKCS#8)', ec.export({ type: 'pkcs8', format: 'pem' }).toString(), /holds a ec key.*only RSA/],
    ['an EC key (SEC1)', ec.export({ type: 'sec1', format: 'pem' }).toString(), /holds a ec key.*only RSA/],
    ['an Ed25519 key', ed25519.export({ type: 'pkcs8', format: 'pem' }).toString(), /holds a ed25519 key/],
    ['an OpenSSH private key', OPENSSH, /OpenSSH-format private key/],
    ['an OpenSSH public key line', SSH_RSA_PUBLIC, /OpenSSH public key line/],
  ])('%s', (_name, raw, found) => {
    expectConfigError(raw, undefined, found)
  })

  test('an OpenSSH key gets a conversion hint', () => {
    expect(expectConfigError(OPENSSH, undefined, /OpenSSH/).hint).toMatch(/ssh-keygen -p -m PEM/)
  })

  test('encrypted key without a passphrase names the passphrase input', () => {
    const error = expectConfigError(ENCRYPTED, undefined, /is encrypted, but input `private-key-passphrase` is empty/)
    expect(error.hint).toContain(PASSPHRASE_SOURCE)
    expectConfigError(ENCRYPTED, '', /is encrypted/)
  })

  test('encrypted key with a wrong passphrase', () => {
    const error = expectConfigError(
      ENCRYPTED,
      'not-the-passphrase',
      /could not be decrypted with input `private-key-passphrase`/,
    )
    expect(describeError(error)).not.toContain('not-the-passphrase')
  })

  test('the leak check itself catches a leaked line', () => {
    const line = bodyLines(PKCS8)[3]
    expect(leakedRuns(`bad key near ${line!.slice(5, 30)}`, PKCS8)).not.toEqual([])
  })
})

describe('pemSecretFragments', () => {
  test('the whole value and every body line, not the BEGIN/END lines', () => {
    const fragments = pemSecretFragments(PKCS8)
    expect(fragments).toContain(PKCS8)
    expect(fragments).toContain(PKCS8.trim())
    for (const line of bodyLines(PKCS8)) expect(fragments).toContain(line)
    expect(fragments).not.toContain(lines(PKCS8)[0])
    expect(fragments).not.toContain(lines(PKCS8).at(-1))
    expect(fragments.every((f) => f.length > 0)).toBe(true)
  })

  test('lines of a value with literal \\n, CRLF or indentation', () => {
    for (const variant of [
      lines(PKCS1).join('\\n'),
      PKCS1.replace(/\n/g, '\r\n'),
      lines(PKCS1)
        .map((l) => `  ${l}`)
        .join('\n'),
    ]) {
      const fragments = pemSecretFragments(variant)
      expect(fragments).toContain(variant)
      for (const line of bodyLines(PKCS1)) expect(fragments).toContain(line)
    }
  })

  test('several values, empty ones skipped', () => {
    const fragments = pemSecretFragments(ENCRYPTED, '', PASSPHRASE)
    expect(fragments).toContain(PASSPHRASE)
    expect(fragments).toContain(ENCRYPTED)
    for (const line of bodyLines(ENCRYPTED)) expect(fragments).toContain(line)
    expect(fragments).not.toContain('')
  })

  test.each([
    ['literal \\n', lines(PKCS8).join('\\n')],
    ['CRLF', PKCS8.replace(/\n/g, '\r\n')],
    ['base64 of the PEM', base64Wrapped(PKCS8, 76)],
  ])('masking the fragments hides the key in a log that echoes it line by line (%s)', (_name, value) => {
    const fragments = pemSecretFragments(value).sort((a, b) => b.length - a.length)
    // A log showing the value whole and then one line per row.
    let log = `key=${value}\n${value
      .split(/\r?\n|\\n/)
      .map((l) => `> ${l.trim()}`)
      .join('\n')}`
    for (const fragment of fragments) log = log.split(fragment).join('***')
    expect(leakedRuns(log, value)).toEqual([])
    expect(leakedRuns(log, PKCS8)).toEqual([])
  })
})

describe('a runtime whose OpenSSL policy refuses SHA-1 signatures', () => {
  // A child node with an OpenSSL config whose default properties require fips=yes (no FIPS
  // provider is present, so digests are unavailable, yet the key still parses); only the DRBG
  // is exempted so that node can start. tsx cannot run there (it hashes with SHA-1), so the two
  // modules are transpiled to plain JS first.
  test('parsePrivateKey says the runtime refuses RSA-SHA1', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url))
    const dir = mkdtempSync(join(tmpdir(), 'sha1-policy-'))
    try {
      for (const file of ['core/errors.ts', 'core/keys/private-key.ts']) {
        const out = join(dir, file.replace(/\.ts$/, '.js'))
        mkdirSync(dirname(out), { recursive: true })
        const source = readFileSync(join(root, 'src', file), 'utf8')
        const { outputText } = ts.transpileModule(source, {
          compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
        })
        writeFileSync(out, outputText)
      }
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}')
      writeFileSync(
        join(dir, 'child.js'),
        [
          "import { readFileSync } from 'node:fs'",
          "import { parsePrivateKey } from './core/keys/private-key.js'",
          'try {',
          "  parsePrivateKey(readFileSync(process.argv[2], 'utf8'), undefined, 'input `private-key`', 'input `private-key-passphrase`')",
          '  console.log(JSON.stringify({ ok: true }))',
          '} catch (e) {',
          '  console.log(JSON.stringify({ ok: false, name: e.name, message: e.message, hint: e.hint }))',
          '}',
        ].join('\n'),
      )
      const config = join(dir, 'openssl.cnf')
      writeFileSync(
        config,
        [
          'nodejs_conf = nodejs_init',
          '[nodejs_init]',
          'alg_section = algorithms',
          'random = random_section',
          '[algorithms]',
          'default_properties = fips=yes',
          '[random_section]',
          'properties = -fips',
          'seed_properties = -fips',
          '',
        ].join('\n'),
      )
      const env = { ...process.env }
      delete env.NODE_OPTIONS
      delete env.NODE_EXTRA_CA_CERTS
      delete env.OPENSSL_CONF
      const run = (args: string[]) => {
        const result = spawnSync(
          process.execPath,
          [...args, join(dir, 'child.js'), `${FIXTURES_DIR}keys/wiki-testcases.pem`],
          { env, encoding: 'utf8' },
        )
        expect(result.status).toBe(0)
        return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {
          ok: boolean
          name?: string
          message?: string
          hint?: string
        }
      }
      // Control: the same child under the normal policy accepts the key.
      expect(run([])).toEqual({ ok: true })
      const refused = run([`--openssl-config=${config}`])
      expect(refused.ok).toBe(false)
      expect(refused.name).toBe('ConfigError')
      expect(refused.message).toMatch(/This Node\.js runtime refuses RSA-SHA1 signatures/)
      expect(refused.hint).toMatch(/OpenSSL policy/)
      expect(leakedRuns(`${refused.message}\n${refused.hint}`, PKCS8)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('a file name instead of the key', () => {
  test('says to pass the content, not the path', () => {
    expect(() =>
      parsePrivateKey('./keys/jira.pem', undefined, 'input `private-key`', 'input `private-key-passphrase`'),
    ).toThrow(/file name \("\.\/keys\/jira\.pem"\): pass the key's content/)
  })
})
