import { describe, expect, test } from '@jest/globals'
import { readConnectionSettings } from '../../../src/config/connection-settings.js'
import { InputReader } from '../../../src/config/input-reader.js'
import { ConfigError } from '../../../src/core/errors.js'
import { thrown } from '../../helpers/thrown.js'

const BASE = 'https://jira.example.com'
const reader = (values: Record<string, string>) =>
  new InputReader(
    (name) => values[name],
    (name) => `input \`${name}\``,
  )
const settings = (values: Record<string, string>, rest = true) =>
  readConnectionSettings(reader({ 'base-url': BASE, ...values }), rest)
const refusal = (values: Record<string, string>, rest = true) =>
  thrown(ConfigError, () => settings(values, rest)).message

describe('credential settings', () => {
  test('a personal access token, trimmed; a Basic pair, the password as given', () => {
    expect(settings({ 'personal-access-token': ' tok123 \n' }).credential).toEqual({ kind: 'pat', token: 'tok123' })
    const basic = settings({ username: 'svc', password: ' p w ' })
    expect(basic.credential).toEqual({ kind: 'basic', username: 'svc', password: ' p w ' })
    // The Basic header's value is masked like the password.
    expect(basic.derivedSecrets).toEqual([Buffer.from('svc: p w ').toString('base64')])
    expect(basic.warnings).toEqual([])
  })

  test('a token that is not one word', () => {
    expect(refusal({ 'personal-access-token': 'Bearer abc' })).toMatch(/starts with "Bearer"/)
    expect(refusal({ 'personal-access-token': 'abc def' })).toMatch(/contains blanks or control characters/)
  })

  test('a Basic pair that is incomplete or cannot travel in the header', () => {
    expect(refusal({ username: 'svc' })).toBe('input `password` is required.')
    expect(refusal({ password: 'pw' })).toBe('input `username` is required.')
    expect(refusal({ username: 'a:b', password: 'pw' })).toMatch(/input `username` contains a colon/)
    expect(refusal({ username: 'svc', password: 'pw\n2' })).toMatch(/input `password` contains a line break/)
  })

  test('OAuth inputs keep their own checks; the passphrase alone chooses nothing', () => {
    expect(refusal({ 'private-key-passphrase': 'x' })).toMatch(/No Jira credentials are given/)
    expect(refusal({ 'consumer-key': 'ck' })).toMatch(/private-key/)
    expect(refusal({}, false)).toBe('input `consumer-key` is required.')
  })

  test('Jira Cloud: OAuth warns, Basic is fine, a token is refused', () => {
    const cloud = { 'base-url': 'https://acme.atlassian.net' }
    expect(settings({ ...cloud, username: 'me@example.com', password: 'api-token' }).warnings).toEqual([])
    expect(refusal({ ...cloud, 'personal-access-token': 'abc' })).toMatch(
      /Jira Cloud does not take personal access tokens/,
    )
  })
})
