import { afterAll, describe, expect, it } from '@jest/globals'
import { createPrivateKey, createPublicKey, createSign, createVerify } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { publicKeyPathFor } from '../../../src/cli/keygen.js'
import { applicationLinkInstructions, generateConsumerKeyPair } from '../../../src/commands/keygen.js'
import { ConfigError } from '../../../src/core/errors.js'
import { runCli } from './cli-harness.js'

const dir = mkdtempSync(join(tmpdir(), 'jira-oauth-keygen-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('keygen', () => {
  it('a folder that does not exist for the public key: a clear error, and no private key left behind', async () => {
    const out = join(dir, 'orphan-private.pem')
    const run = await runCli([
      'keygen',
      '--bits',
      '2048',
      '--out',
      out,
      '--public-out',
      join(dir, 'missing', 'pub.pem'),
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Cannot write .*pub\.pem \(ENOENT\)[\s\S]*--public-out/)
    expect(() => statSync(out)).toThrow()
    expect(run.stdout).toBe('')
  })

  it('writes a 0600 PKCS#8 private key and its SPKI public key, and prints the Application Link fields', async () => {
    const out = join(dir, 'ci-private.pem')
    const run = await runCli(['keygen', '--bits', '2048', '--out', out, '--consumer-key', 'github-ci'])
    expect(run.code).toBe(0)
    const privatePem = readFileSync(out, 'utf8')
    const publicPath = join(dir, 'ci-public.pem')
    const publicPem = readFileSync(publicPath, 'utf8')
    expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/)
    expect(publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    const key = createPrivateKey(privatePem)
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048)
    expect(createPublicKey(key).export({ type: 'spki', format: 'pem' })).toBe(publicPem)
    // The pair signs and verifies with RSA-SHA1, what Jira checks.
    const signature = createSign('RSA-SHA1').update('base string').sign(key)
    expect(createVerify('RSA-SHA1').update('base string').verify(publicPem, signature)).toBe(true)

    const printed = JSON.parse(run.stdout) as Record<string, unknown>
    expect(printed).toMatchObject({
      privateKeyFile: out,
      publicKeyFile: publicPath,
      bits: 2048,
      consumerKey: 'github-ci',
      publicKey: publicPem,
    })
    expect(run.stdout).not.toContain('PRIVATE KEY')
    expect(run.stderr).toContain('Application Links')
    expect(run.stderr).toContain('Consumer Key:  github-ci')
    expect(run.stderr).toContain(publicPem.trim())
    expect(run.stderr).not.toContain(privatePem.split('\n')[1])
  })

  it('refuses to overwrite an existing key (exit 1), writing nothing', async () => {
    const out = join(dir, 'existing.pem')
    writeFileSync(out, 'precious')
    const run = await runCli(['keygen', '--bits', '2048', '--out', out])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${out} already exists; keygen never overwrites a key.`)
    expect(readFileSync(out, 'utf8')).toBe('precious')
    expect(() => statSync(join(dir, 'existing.pub.pem'))).toThrow()
  })

  it('refuses when only the public key file exists, before writing the private key', async () => {
    const out = join(dir, 'half-private.pem')
    writeFileSync(join(dir, 'half-public.pem'), 'old public key')
    const run = await runCli(['keygen', '--bits', '2048', '--out', out])
    expect(run.code).toBe(1)
    expect(() => statSync(out)).toThrow()
  })

  it('rejects keys under 2048 bits as a usage error', async () => {
    const run = await runCli(['keygen', '--bits', '1024', '--out', join(dir, 'small.pem')])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--bits must be a whole number from 2048 to 16384')
  })

  it('derives the public key path from the private one', () => {
    expect(publicKeyPathFor('/k/jira-oauth-private.pem')).toBe('/k/jira-oauth-public.pem')
    expect(publicKeyPathFor('/k/ci.pem')).toBe('/k/ci.pub.pem')
    expect(publicKeyPathFor('/k/ci')).toBe('/k/ci.pub.pem')
  })
})

describe('generateConsumerKeyPair', () => {
  it('refuses sizes Jira should not get', () => {
    expect(() => generateConsumerKeyPair(1024)).toThrow(ConfigError)
    expect(() => generateConsumerKeyPair(2050)).toThrow(ConfigError)
  })

  it('gives instructions that carry the fields to fill in', () => {
    const text = applicationLinkInstructions({
      consumerKey: 'ck',
      consumerName: 'CI',
      publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAA\n-----END PUBLIC KEY-----\n',
    })
    expect(text).toContain('Consumer Key:  ck')
    expect(text).toContain('Consumer Name: CI')
    expect(text).toContain('-----BEGIN PUBLIC KEY-----\nAAA\n-----END PUBLIC KEY-----')
  })
})
