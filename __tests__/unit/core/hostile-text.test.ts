import { describe, expect, test } from '@jest/globals'
import { inertLines } from '../../../src/core/inert-text.js'
import { redactSecrets, redactValue } from '../../../src/core/redact.js'
import { replayRunnerLog } from '../../helpers/runner-log.js'

describe('inertLines', () => {
  test.each([
    ['a\n::set-output name=x::y', 'a\n\\::set-output name=x::y'],
    ['a\r::error::pwn', 'a\r\\::error::pwn'],
    ['a\r\n  ::stop-commands::tok', 'a\r\n  \\::stop-commands::tok'],
    ['\u0085::warning::nel', '\u0085\\::warning::nel'],
    ['text ##[error]v1', 'text #\\#[error]v1'],
    ['%0A::error::pwn stays inline', '%0A::error::pwn stays inline'],
  ])('%j prints as %j, and the runner reads no command in it', (text, printed) => {
    expect(inertLines(text)).toBe(printed)
    expect(replayRunnerLog(inertLines(text)).commands).toEqual([])
  })
})

describe('redaction', () => {
  const token = 'tok/en+secret'
  test('raw, percent-encoded (once, twice) and JSON-escaped forms', () => {
    const text = `a ${token} b ${encodeURIComponent(token)} c ${encodeURIComponent(encodeURIComponent(token))}`
    expect(redactSecrets(text, [token])).toBe('a *** b *** c ***')
    expect(redactSecrets(JSON.stringify({ v: 'p"ass\\word' }), ['p"ass\\word'])).toBe('{"v":"***"}')
  })
  test('every string in a value, keys included; short values are not secrets', () => {
    expect(redactValue({ [token]: [token, 1, null, { x: `=${token}` }] }, [token, 'ab'])).toEqual({
      '***': ['***', 1, null, { x: '=***' }],
    })
  })
})
