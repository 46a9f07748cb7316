import { describe, expect, test } from '@jest/globals'
import { ConfigError } from '../../../src/core/errors.js'
import { parseLabels } from '../../../src/core/issues/labels.js'
import { matchVersion, releaseDateOf, versionPageUrl } from '../../../src/core/issues/fix-version.js'
import { thrown } from '../../helpers/thrown.js'

describe('parseLabels', () => {
  test('commas and new lines separate; blanks and duplicates are dropped', () => {
    expect(parseLabels('deployed-prod, release_1.4\n\nhotfix,deployed-prod,\r\n', '`labels`')).toEqual([
      'deployed-prod',
      'release_1.4',
      'hotfix',
    ])
  })

  test('an empty value is no labels', () => {
    expect(parseLabels('  ,\n', '`labels`')).toEqual([])
  })

  test('a label with a space is refused, naming the input and a fix', () => {
    const error = thrown(ConfigError, () => parseLabels('ok, Test Application', '--labels'))
    expect(error.message).toContain('--labels')
    expect(error.message).toContain('"Test Application"')
    expect(error.hint).toContain('"Test-Application"')
  })

  test('a label over 255 characters is refused', () => {
    expect(() => parseLabels('x'.repeat(256), '`labels`')).toThrow(/at most 255/)
    expect(parseLabels('x'.repeat(255), '`labels`')).toHaveLength(1)
  })
})

describe('matchVersion', () => {
  const versions = [
    { id: '1', name: '1.0' },
    { id: '2', name: 'V2.0' },
    { id: '3', name: 'v2.0' },
    { id: '4', name: 'Release-3' },
  ]

  test('an exact name wins over a match in another case', () => {
    expect(matchVersion(versions, 'v2.0')?.id).toBe('3')
    expect(matchVersion(versions, 'V2.0')?.id).toBe('2')
  })

  test('a single match ignoring case is found; an ambiguous one is not', () => {
    expect(matchVersion(versions, 'release-3')?.id).toBe('4')
    expect(matchVersion(versions, 'V2.0 ')?.id).toBe('2')
    expect(
      matchVersion(
        [
          { id: '5', name: 'Ab' },
          { id: '6', name: 'aB' },
        ],
        'ab',
      ),
    ).toBeUndefined()
    expect(matchVersion(versions, '1.0.0')).toBeUndefined()
  })
})

test('versionPageUrl and releaseDateOf', () => {
  expect(versionPageUrl('https://jira.example.com/jira/', 'ABC', '10001')).toBe(
    'https://jira.example.com/jira/projects/ABC/versions/10001',
  )
  expect(releaseDateOf(Date.UTC(2026, 11, 2, 23, 59))).toBe('2026-12-02')
})
