import { describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../../src/core/errors.js'
import {
  extractIssueKeys,
  filterByProjects,
  isIssueKey,
  parseIssueList,
  parseProjectList,
} from '../../../src/core/issues/issue-keys.js'
import { thrown } from '../../helpers/thrown.js'

const sensitive = (text: string): string[] => extractIssueKeys(text, { caseInsensitive: false })
const insensitive = (text: string): string[] => extractIssueKeys(text, { caseInsensitive: true })

const configError = (fn: () => unknown): ConfigError => thrown(ConfigError, fn)

describe('extractIssueKeys', () => {
  it('finds keys in order of first appearance, deduplicated', () => {
    expect(sensitive('DEF-4 fixes ABC-12, see DEF-4 and ABC-3')).toEqual(['DEF-4', 'ABC-12', 'ABC-3'])
  })

  it('returns nothing for text without keys', () => {
    expect(sensitive('')).toEqual([])
    expect(sensitive('just a message')).toEqual([])
  })

  it.each([
    ['feature/ABC-12-thing', ['ABC-12']],
    ['feature-ABC-12', ['ABC-12']],
    ['ABC-12-fix', ['ABC-12']],
    ['(ABC-12)', ['ABC-12']],
    ['[ABC-12] title', ['ABC-12']],
    ['ABC-12: done.', ['ABC-12']],
    ['"ABC-12"', ['ABC-12']],
    ['ABC-12,DEF-3;GHI-4', ['ABC-12', 'DEF-3', 'GHI-4']],
    ['A_B2-7', ['A_B2-7']],
    ['A1-1', ['A1-1']],
    ['X-9', ['X-9']],
    ['ABC-DEF-12', ['DEF-12']],
    ['UTF-8 and SHA-256', ['UTF-8', 'SHA-256']],
    ['multi\nline ABC-1\r\nDEF-2', ['ABC-1', 'DEF-2']],
  ])('finds the keys in %j', (text, keys) => {
    expect(sensitive(text)).toEqual(keys)
  })

  it.each([
    'ABC-12x',
    '_ABC-1',
    'ABC-1_',
    '1ABC-1',
    'ABC-12a',
    'ABC-0',
    'ABC-012',
    'ABC-',
    '-12',
    'ABC 12',
    '1-2',
    '_-1',
    'ABC_-',
  ])('finds no key in %j', (text) => {
    expect(sensitive(text)).toEqual([])
    expect(insensitive(text)).toEqual([])
  })

  it('case-sensitive mode ignores lower- and mixed-case project keys', () => {
    // A lower-case letter glued in front hides the key (in case-insensitive mode it is XABC-12).
    expect(sensitive('xABC-12')).toEqual([])
    expect(insensitive('xABC-12')).toEqual(['XABC-12'])
    expect(sensitive('abc-12 Abc-13 aBC-14 covid-19')).toEqual([])
    expect(sensitive('ABCdef-12')).toEqual([])
  })

  it('case-insensitive mode finds lower-case keys and upper-cases them', () => {
    expect(insensitive('feature/abc-12-fix')).toEqual(['ABC-12'])
    expect(insensitive('Abc-12 ABC-12 abc-12')).toEqual(['ABC-12'])
    expect(insensitive('a_b2-7')).toEqual(['A_B2-7'])
  })

  it('abc-12 counts in a branch but not in a title', () => {
    expect(insensitive('abc-12-login')).toEqual(['ABC-12'])
    expect(sensitive('fix abc-12 login')).toEqual([])
  })

  it('finds keys next to emoji and non-Latin text', () => {
    expect(sensitive('🚀ABC-12🎉')).toEqual(['ABC-12'])
    expect(sensitive('修复ABC-12问题')).toEqual(['ABC-12'])
    expect(sensitive('Ünïcödé ABC-7 café')).toEqual(['ABC-7'])
    expect(sensitive('ABC-7\u00a0DEF-8')).toEqual(['ABC-7', 'DEF-8'])
    expect(insensitive('✨/abc-3-δοκιμή')).toEqual(['ABC-3'])
  })

  it('gives the same result when called twice (no shared regex state)', () => {
    expect(sensitive('ABC-1')).toEqual(['ABC-1'])
    expect(sensitive('ABC-1')).toEqual(['ABC-1'])
  })

  describe('does not hang on adversarial input (100 kB)', () => {
    const n = 100_000
    it.each([
      ['letters', 'A'.repeat(n)],
      ['letters then dash', `${'A'.repeat(n)}-`],
      ['digits after key then letter', `ABC-${'1'.repeat(n)}x`],
      ['long project key, no number', `${'A_'.repeat(n / 2)}-x`],
      ['dash letter repeats', '-A'.repeat(n / 2)],
      ['key-like repeats glued', 'A-1'.repeat(n / 3)],
      ['mixed case repeats', 'aB1_-'.repeat(n / 5)],
      ['zeros', `A-${'0'.repeat(n)}`],
    ])('%s', (_name, text) => {
      const started = performance.now()
      sensitive(text)
      insensitive(text)
      expect(performance.now() - started).toBeLessThan(1000)
    })

    it('many real keys', () => {
      const text = Array.from({ length: 10_000 }, (_, i) => `ABC-${i + 1}`).join(' ')
      const started = performance.now()
      expect(sensitive(text)).toHaveLength(10_000)
      expect(performance.now() - started).toBeLessThan(1000)
    })
  })
})

describe('isIssueKey', () => {
  it('accepts a whole key of any case only', () => {
    expect(isIssueKey('ABC-1')).toBe(true)
    expect(isIssueKey('abc-1')).toBe(true)
    expect(isIssueKey(' ABC-1')).toBe(false)
    expect(isIssueKey('ABC-01')).toBe(false)
  })
})

describe('parseIssueList', () => {
  it('splits on commas, spaces and new lines, upper-cases and deduplicates', () => {
    expect(parseIssueList(' ABC-123, def-45\nGHI-6,,abc-123\r\n\tJKL-7 ', 'input `issues`')).toEqual([
      'ABC-123',
      'DEF-45',
      'GHI-6',
      'JKL-7',
    ])
  })

  it('returns an empty list for empty input', () => {
    expect(parseIssueList('', '--issues')).toEqual([])
    expect(parseIssueList(' ,\n ', '--issues')).toEqual([])
  })

  it('rejects tokens that are not keys, naming the input and the tokens', () => {
    const error = configError(() => parseIssueList('ABC-1, nope, DEF-0', 'input `issues`'))
    expect(error.message).toContain('input `issues`')
    expect(error.message).toContain('"nope"')
    expect(error.message).toContain('"DEF-0"')
    expect(error.message).not.toContain('"ABC-1"')
    expect(error.hint).toContain('ABC-123, DEF-45')
  })

  it('rejects keys glued to other text', () => {
    const error = configError(() => parseIssueList('ABC-1;DEF-2', '--issues'))
    expect(error.message).toContain('--issues')
    expect(error.message).toContain('"ABC-1;DEF-2"')
  })

  it('truncates long tokens and lists only a few', () => {
    const long = 'X'.repeat(500)
    const error = configError(() => parseIssueList(`${long} a b c d e f g`, '--issues'))
    expect(error.message).not.toContain(long)
    expect(error.message).toContain(`"${'X'.repeat(40)}…"`)
    expect(error.message).toContain('and 3 more')
  })
})

describe('parseProjectList', () => {
  it('parses and upper-cases project keys', () => {
    expect(parseProjectList('abc, DEF\nA_1 abc', 'input `projects`')).toEqual(['ABC', 'DEF', 'A_1'])
    expect(parseProjectList('', 'input `projects`')).toEqual([])
  })

  it('rejects invalid project keys', () => {
    const error = configError(() => parseProjectList('ABC, 1X, _A', 'input `projects`'))
    expect(error.message).toContain('input `projects`')
    expect(error.message).toContain('"1X"')
    expect(error.message).toContain('"_A"')
    expect(error.hint).toContain('ABC, DEF')
  })

  it('explains when an issue key was given instead of a project key', () => {
    const error = configError(() => parseProjectList('ABC-123', '--projects'))
    expect(error.hint).toContain('not ABC-123')
  })
})

describe('filterByProjects', () => {
  const keys = ['ABC-1', 'DEF-2', 'A_B2-3', 'ABCD-4']

  it('keeps every key when no projects are given', () => {
    expect(filterByProjects(keys, [])).toEqual(keys)
  })

  it('keeps keys of the listed projects, compared without case', () => {
    expect(filterByProjects(keys, ['abc', 'a_b2'])).toEqual(['ABC-1', 'A_B2-3'])
    expect(filterByProjects(['abc-1'], ['ABC'])).toEqual(['abc-1'])
  })

  it('does not match on a prefix of the project key', () => {
    expect(filterByProjects(keys, ['AB'])).toEqual([])
  })
})
