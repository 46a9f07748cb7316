import { describe, expect, test } from '@jest/globals'
import { parseQueryLines } from '../../../src/commands/request.js'
import { readIssuesConfig } from '../../../src/commands/issues/config.js'
import { InputReader } from '../../../src/config/input-reader.js'
import { ConfigError } from '../../../src/core/errors.js'

const reader = (values: Record<string, string>) =>
  new InputReader(
    (name) => values[name],
    (name) => `input \`${name}\``,
  )

describe('InputReader', () => {
  test('booleans, integers and choices with errors that name the input', () => {
    const r = reader({ a: 'TRUE', b: 'no', c: 'maybe', n: '12', bad: '1e3', cmd: 'WhoAmI' })
    expect(r.boolean('a', false)).toBe(true)
    expect(r.boolean('b', true)).toBe(false)
    expect(r.boolean('missing', true)).toBe(true)
    expect(() => r.boolean('c', false)).toThrow(/input `c` must be true or false/)
    expect(r.integer('n', 1, 0, 20)).toBe(12)
    expect(() => r.integer('n', 1, 0, 10)).toThrow(/from 0 to 10/)
    expect(() => r.integer('bad', 1, 0, 10000)).toThrow(ConfigError)
    expect(r.oneOf('cmd', ['request', 'whoami'] as const, 'request')).toBe('whoami')
  })

  test('optional trims, raw keeps the text', () => {
    const r = reader({ x: '  v  ', y: '   ', pem: '\n  line\n' })
    expect(r.optional('x')).toBe('v')
    expect(r.optional('y')).toBeUndefined()
    expect(r.raw('pem')).toBe('\n  line\n')
  })
})

describe('parseQueryLines', () => {
  test('one name=value per line; values raw, "=" inside values kept; blank lines skipped', () => {
    expect(parseQueryLines('jql=project = ABC AND x = "a=b"\n\nmaxResults=10\r\n', 'query')).toEqual([
      ['jql', 'project = ABC AND x = "a=b"'],
      ['maxResults', '10'],
    ])
  })
  test('a line without "=" names the line', () => {
    expect(() => parseQueryLines('a=1\nnonsense', 'input `query`')).toThrow(/input `query` line 2 is not name=value/)
  })
})

describe('readIssuesConfig', () => {
  test('defaults', () => {
    const config = readIssuesConfig(reader({}))
    expect(config).toMatchObject({
      link: false,
      dryRun: false,
      concurrency: 4,
      failOnError: true,
      linkTitle: '{{workflow}} #{{run-number}}',
    })
    expect(config.explicitKeys).toBeUndefined()
  })
  test('explicit keys are normalised and deduplicated', () => {
    expect(readIssuesConfig(reader({ issues: 'abc-1, ABC-2\nabc-1 ABC-3' })).explicitKeys).toEqual([
      'ABC-1',
      'ABC-2',
      'ABC-3',
    ])
  })
  test.each([
    [
      { 'transition-fields': '{"resolution": {"name": "Fixed"}}' },
      /transition-fields` is set but input `transition` is not/,
    ],
    [{ transition: 'Done', 'transition-fields': '{oops' }, /transition-fields` is not valid JSON/],
    [{ comment: 'see {{nope}}' }, /input `comment`/],
    [{ concurrency: '0' }, /concurrency` must be a whole number from 1 to 16/],
    [{ from: 'commits, tags' }, /input `from`/],
  ])('%j fails with a message naming the input', (values, message) => {
    expect(() => readIssuesConfig(reader(values))).toThrow(message)
  })
})

describe('readRequestConfig', () => {
  const base = { method: 'GET' }
  test.each([
    ['/rest/api/2/search?validateQuery=100%', /"%" that is not followed by two hex digits/],
    ['/rest/api/2/search?=x', /without a name/],
    ['/rest/api/2/search?jql=%FF', /not UTF-8/],
  ])('%s is refused, naming path and query', async (path, message) => {
    const { readRequestConfig } = await import('../../../src/commands/request.js')
    expect(() => readRequestConfig(reader({ ...base, path }), 'https://jira.example.com')).toThrow(message)
  })

  test('a properly encoded query passes', async () => {
    const { readRequestConfig } = await import('../../../src/commands/request.js')
    expect(
      readRequestConfig(
        reader({ ...base, path: '/rest/api/2/search?jql=a+%3D+%C3%A9&x=1&flag' }),
        'https://jira.example.com',
      ).path,
    ).toContain('jql=')
  })
})
