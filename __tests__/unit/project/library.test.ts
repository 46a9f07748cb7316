// The package's library entry: what people who script their own CI import.
import { describe, expect, test } from '@jest/globals'
import { createPublicKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as library from '../../../src/index.js'
import { ROOT } from '../../../scripts/lib/action-runner.js'

describe('library entry', () => {
  test('exports the signing core, the client and the commands', () => {
    for (const name of [
      'signRequest',
      'signatureBaseString',
      'percentEncode',
      'parsePrivateKey',
      'parseOAuthProblem',
      'JiraClient',
      'runWhoami',
      'runRequest',
      'runRequestToken',
      'runAccessToken',
      'runIssues',
      'IssuesApi',
      'extractIssueKeys',
    ]) {
      expect(typeof (library as Record<string, unknown>)[name]).toBe('function')
    }
  })

  test('a request signed through the library verifies with the public key', () => {
    const key = library.parsePrivateKey(
      readFileSync(join(ROOT, '__tests__/fixtures/keys/wiki-testcases.pem'), 'utf8'),
      undefined,
      'key',
      'passphrase',
    )
    const signed = library.signRequest({
      method: 'GET',
      url: 'https://jira.example.com/rest/api/2/myself',
      credentials: { consumerKey: 'ck', privateKey: key.key, token: 't' },
      timestamp: 1,
      nonce: 'n',
    })
    const publicKey = readFileSync(join(ROOT, '__tests__/fixtures/keys/wiki-testcases.pub.pem'), 'utf8')
    expect(library.verifyRsaSha1(signed.baseString, signed.signature, createPublicKey(publicKey))).toBe(true)
  })

  test('package.json points its exports and bin at what the build produces', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, Record<string, string>>
      bin: Record<string, string>
    }
    expect(pkg.exports['.']).toEqual({ types: './build/index.d.ts', import: './lib/index.js' })
    expect(pkg.bin['jira-oauth']).toBe('dist/cli.js')
  })
})
