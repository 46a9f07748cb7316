import { describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../../src/core/errors.js'
import { placeholdersWithoutValue, requireRunFacts } from '../../../src/core/issues/run-facts.js'
import { placeholdersIn } from '../../../src/core/issues/template.js'
import { thrown } from '../../helpers/thrown.js'

const github = { serverUrl: 'https://github.com', repository: 'o/r', runId: 5, sha: 'abcdef0123' }

describe('placeholdersIn', () => {
  it('lists each known placeholder once, in order, not escaped ones or monospace text', () => {
    expect(placeholdersIn('{{issue}} {{ run-url }} \\{{sha}} {{mvn verify}} {{issue}} {{short-sha}}')).toEqual([
      'issue',
      'run-url',
      'short-sha',
    ])
  })
})

describe('requireRunFacts', () => {
  it('outside CI: a comment placeholder with no value is refused, naming the input through the label', () => {
    const error = thrown(ConfigError, () => {
      requireRunFacts({ link: false, comment: 'See {{run-url}}' }, {}, (name) => `--${name}`)
    })
    expect(error.message).toMatch(
      /^--comment uses \{\{run-url\}\}, which has no value outside a CI run: GITHUB_SERVER_URL/,
    )
    expect(error.hint).toContain('write the text instead of {{run-url}}')
  })

  it('outside CI: link is refused first, with the action wording by default', () => {
    expect(() => {
      requireRunFacts({ link: true, comment: '{{issue}}' }, {})
    }).toThrow('`link` needs the URL of the CI run')
  })

  it('outside CI: {{issue}} and {{status}} always have a value', () => {
    expect(() => {
      requireRunFacts({ link: false, comment: '{{issue}} is {{status}}' }, {})
    }).not.toThrow()
    expect(placeholdersWithoutValue('{{issue}} {{status}} {{actor}}', {})).toEqual(['actor'])
  })

  it('inside CI nothing is refused, even a placeholder this event has no value for', () => {
    expect(() => {
      requireRunFacts({ link: true, comment: '{{run-url}} {{pull-request-url}}' }, github)
    }).not.toThrow()
    expect(placeholdersWithoutValue('{{run-url}} {{pull-request-url}} {{short-sha}}', github)).toEqual([
      'pull-request-url',
    ])
  })
})
