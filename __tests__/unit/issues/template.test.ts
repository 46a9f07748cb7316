import { describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../../src/core/errors.js'
import {
  TEMPLATE_VARIABLES,
  escapeJiraWiki,
  renderTemplate,
  validateTemplate,
} from '../../../src/core/issues/template.js'
import { buildTemplateValues, refName, type RunContext } from '../../../src/core/run/run-context.js'
import { thrown } from '../../helpers/thrown.js'

const configError = (fn: () => unknown): ConfigError => thrown(ConfigError, fn)

/** Every Jira markup character in the output is preceded by a backslash. */
function allSpecialsEscaped(text: string): boolean {
  let i = 0
  while (i < text.length) {
    if (text[i] === '\\') {
      i += 2
      continue
    }
    if ('{}[]|!*_+^~#?-'.includes(text[i]!)) return false
    i++
  }
  return true
}

describe('TEMPLATE_VARIABLES', () => {
  it('lists the documented names', () => {
    expect([...TEMPLATE_VARIABLES]).toEqual([
      'issue',
      'run-url',
      'run-number',
      'run-attempt',
      'workflow',
      'job',
      'repository',
      'repository-url',
      'sha',
      'short-sha',
      'ref',
      'ref-name',
      'actor',
      'event',
      'pull-request-url',
      'status',
    ])
  })
})

describe('validateTemplate', () => {
  it('accepts every known placeholder, with or without whitespace inside the braces', () => {
    const all = TEMPLATE_VARIABLES.map((name) => `{{${name}}} {{ ${name} }} {{\t${name}\n}}`).join('\n')
    expect(() => {
      validateTemplate(all, 'input `comment`')
    }).not.toThrow()
  })

  it('accepts templates without placeholders and Jira markup around them', () => {
    expect(() => {
      validateTemplate('', 'x')
    }).not.toThrow()
    expect(() => {
      validateTemplate('{color:red}*Failed*{color} [Run|{{run-url}}] {{{{sha}}}}', 'x')
    }).not.toThrow()
  })

  it('leaves Jira monospace text that is not a single word alone', () => {
    expect(() => {
      validateTemplate('Run {{mvn verify}} or {{ see: logs }}', 'x')
    }).not.toThrow()
    expect(renderTemplate('Run {{mvn verify}} on {{ref-name}}', { 'ref-name': 'main' })).toBe(
      'Run {{mvn verify}} on main',
    )
  })

  it('rejects unknown placeholders, listing them and the valid names', () => {
    const error = configError(() => {
      validateTemplate('{{issue}} {{isue}} {{ foo }} {{isue}}', 'input `comment`')
    })
    expect(error.message).toContain('input `comment`')
    expect(error.message).toContain('{{isue}}, {{foo}}')
    expect(error.message.match(/isue/g)).toHaveLength(1)
    for (const name of TEMPLATE_VARIABLES) expect(error.hint).toContain(`{{${name}}}`)
  })

  it('suggests the right name for a near miss', () => {
    const error = configError(() => {
      validateTemplate('{{run_url}} {{Short.SHA}}', '--comment')
    })
    expect(error.hint).toContain('{{run_url}} → {{run-url}}')
    expect(error.hint).toContain('{{Short.SHA}} → {{short-sha}}')
  })

  it.each(['Build {{run-url', '{{ issue }', '{{issue} then {{sha}}', 'a }} b {{', '{{{{issue}}'])(
    'rejects the unclosed "{{" in %j',
    (template) => {
      const error = configError(() => {
        validateTemplate(template, 'input `comment`')
      })
      expect(error.message).toContain('input `comment`')
      expect(error.message).toContain('not closed')
      expect(error.hint).toContain('{{issue}}')
    },
  )

  it('accepts a placeholder inside Jira monospace text', () => {
    expect(() => {
      validateTemplate('{{commit {{short-sha}}}}', 'x')
    }).not.toThrow()
  })

  it('does not check escaped placeholders', () => {
    expect(() => {
      validateTemplate('\\{{whatever}}', 'x')
    }).not.toThrow()
  })
})

describe('renderTemplate', () => {
  it('replaces placeholders, whitespace inside braces allowed', () => {
    expect(
      renderTemplate('{{issue}}: built {{ short-sha }} on {{ref-name}}', {
        issue: 'ABC-1',
        'short-sha': 'abc1234',
        'ref-name': 'main',
      }),
    ).toBe('ABC-1: built abc1234 on main')
  })

  it('renders a missing value as an empty string', () => {
    expect(renderTemplate('[{{actor}}]', {})).toBe('[]')
  })

  it('inserts a well-formed issue key raw so Jira links it, anything else escaped', () => {
    expect(renderTemplate('{{issue}}', { issue: 'A_B2-7' })).toBe('A_B2-7')
    expect(renderTemplate('{{issue}}', { issue: '[x|y]-1' })).toBe('\\[x\\|y\\]\\-1')
  })

  it('keeps unknown placeholders as written', () => {
    expect(renderTemplate('{{nope}} {{issue}}', { issue: 'X' })).toBe('{{nope}} X')
  })

  it('is single-pass: a value holding a placeholder is not expanded again', () => {
    const out = renderTemplate('{{ref-name}} / {{issue}}', { 'ref-name': '{{issue}}', issue: 'ABC-1' })
    expect(out).toBe('\\{\\{issue\\}\\} / ABC-1')
    expect(renderTemplate('{{actor}}', { actor: '{{ run-url }}', 'run-url': 'https://evil.example' })).not.toContain(
      'evil',
    )
  })

  it('keeps a backslash-escaped placeholder as text, but expands after an escaped backslash', () => {
    expect(renderTemplate('\\{{issue}}', { issue: 'ABC-1' })).toBe('\\{{issue}}')
    expect(renderTemplate('\\\\{{actor}}', { actor: '[~admin]' })).toBe('\\\\\\[\\~admin\\]')
  })

  describe('untrusted values cannot inject Jira markup', () => {
    it.each([
      ['macro', '{html}<script>alert(1)</script>{html}'],
      ['color macro', '{color:red}x{color}'],
      ['link', '[click|http://evil]'],
      ['image', '!http://x/img.png!'],
      ['mention', '[~admin]'],
      ['bold, italic, strike, underline', '*b* _i_ -s- +u+ ^sup^ ~sub~ ??cite??'],
      ['table and list', '|| a || b |\n# item\n* item'],
      ['escape', 'a\\b\\\\c'],
      ['placeholder', '{{issue}}'],
    ])('%s', (_name, value) => {
      for (const name of ['actor', 'ref-name', 'workflow', 'job', 'status'] as const) {
        const out = renderTemplate(`[Build|https://ci.example/x] by {{${name}}} done`, { [name]: value })
        const inserted = out.slice('[Build|https://ci.example/x] by '.length, -' done'.length)
        expect(allSpecialsEscaped(inserted)).toBe(true)
        expect(inserted).not.toMatch(/[\r\n]/)
      }
    })

    it('escapes exactly the special characters', () => {
      expect(escapeJiraWiki('a\\{}[]|!*_+^~#?-z')).toBe('a\\\\\\{\\}\\[\\]\\|\\!\\*\\_\\+\\^\\~\\#\\?\\-z')
      expect(escapeJiraWiki('plain text: 1.2 (ok) @me <b>')).toBe('plain text: 1.2 (ok) @me <b>')
    })

    it('puts a multi-line value on one line, so it cannot start a heading or quote', () => {
      expect(escapeJiraWiki('x\nh1. Big\r\nbq. quote\u2028y')).toBe('x h1. Big bq. quote y')
    })
  })

  describe('URL values', () => {
    it('leaves http(s) URLs raw so Jira links them', () => {
      const values = {
        'run-url': 'https://github.com/o/r/actions/runs/1',
        'repository-url': 'http://ghe.example:8080/o/r-x_y.z',
        'pull-request-url': 'https://github.com/o/r/pull/2',
      }
      expect(renderTemplate('[Run|{{run-url}}] {{repository-url}} {{pull-request-url}}', values)).toBe(
        '[Run|https://github.com/o/r/actions/runs/1] http://ghe.example:8080/o/r-x_y.z https://github.com/o/r/pull/2',
      )
    })

    it('percent-encodes characters that could close a link or start markup', () => {
      const out = renderTemplate('[Run|{{run-url}}]', { 'run-url': "https://h.example/a]|[b!*{c}^'" })
      expect(out).toBe('[Run|https://h.example/a%5D%7C%5Bb%21%2A%7Bc%7D%5E%27]')
    })

    it.each([
      ['javascript:alert(1)'],
      ['ftp://h.example/x'],
      ['not a url [x|y]'],
      ['https://h.example/[a|b] c'],
      ['https://h.example/\nh1. x'],
      [' https://h.example/'],
    ])('shows %j as escaped text, not a raw URL', (value) => {
      const out = renderTemplate('{{run-url}}', { 'run-url': value })
      expect(out).toBe(escapeJiraWiki(value))
      expect(allSpecialsEscaped(out)).toBe(true)
      expect(out).not.toMatch(/[\r\n]/)
    })

    it('renders a missing URL as empty', () => {
      expect(renderTemplate('<{{pull-request-url}}>', {})).toBe('<>')
    })
  })
})

describe('buildTemplateValues', () => {
  const ctx: RunContext = {
    serverUrl: 'https://github.com/',
    repository: 'octo/repo',
    runId: '123456',
    runNumber: '42',
    runAttempt: '3',
    workflow: 'CI',
    job: 'build',
    sha: '0123456789abcdef0123456789abcdef01234567',
    ref: 'refs/heads/feature/ABC-1-x',
    actor: 'octocat',
    eventName: 'push',
  }

  it('builds every value from the run context', () => {
    expect(buildTemplateValues(ctx, 'ABC-1', 'Done')).toEqual({
      issue: 'ABC-1',
      'run-url': 'https://github.com/octo/repo/actions/runs/123456',
      'run-number': '42',
      'run-attempt': '3',
      workflow: 'CI',
      job: 'build',
      repository: 'octo/repo',
      'repository-url': 'https://github.com/octo/repo',
      sha: '0123456789abcdef0123456789abcdef01234567',
      'short-sha': '0123456',
      ref: 'refs/heads/feature/ABC-1-x',
      'ref-name': 'feature/ABC-1-x',
      actor: 'octocat',
      event: 'push',
      status: 'Done',
    })
  })

  it('keeps the run URL free of the attempt, so it is stable across re-runs', () => {
    const values = buildTemplateValues({ ...ctx, runAttempt: 7 }, 'ABC-1')
    expect(values['run-url']).toBe('https://github.com/octo/repo/actions/runs/123456')
    expect(values['run-attempt']).toBe('7')
  })

  it('builds the pull request URL and prefers the head branch for ref-name', () => {
    const values = buildTemplateValues(
      { ...ctx, ref: 'refs/pull/17/merge', headRef: 'abc-9-fix', pullRequestNumber: 17, eventName: 'pull_request' },
      'ABC-9',
    )
    expect(values['pull-request-url']).toBe('https://github.com/octo/repo/pull/17')
    expect(values['ref-name']).toBe('abc-9-fix')
  })

  it('leaves out what is not known', () => {
    const values = buildTemplateValues({ repository: 'o/r', pullRequestNumber: 'x' }, 'ABC-1')
    expect(values).toEqual({ issue: 'ABC-1', repository: 'o/r' })
    expect(renderTemplate('{{run-url}}|{{status}}|{{sha}}', values)).toBe('||')
  })

  it('renders a full comment with hostile values safely', () => {
    const values = buildTemplateValues(
      { ...ctx, ref: 'refs/heads/[x|http://evil]', actor: '[~admin]', workflow: '{html}<b>{html}' },
      'ABC-1',
      'passed',
    )
    const out = renderTemplate(
      '{{issue}} {{status}} on {{ref-name}} by {{actor}} in {{workflow}}: [Run {{run-number}}|{{run-url}}]',
      values,
    )
    expect(out).toBe(
      'ABC-1 passed on \\[x\\|http://evil\\] by \\[\\~admin\\] in \\{html\\}<b>\\{html\\}: [Run 42|https://github.com/octo/repo/actions/runs/123456]',
    )
  })
})

describe('refName', () => {
  it.each([
    ['refs/heads/main', undefined, 'main'],
    ['refs/heads/feature/a-1', undefined, 'feature/a-1'],
    ['refs/tags/v1.2.3', undefined, 'v1.2.3'],
    ['refs/pull/12/merge', undefined, '12/merge'],
    ['refs/pull/12/merge', 'abc-1-fix', 'abc-1-fix'],
    ['refs/pull/12/head', 'abc-1-fix', 'abc-1-fix'],
    ['refs/heads/main', 'other', 'main'],
    ['refs/remotes/x', undefined, 'refs/remotes/x'],
    [undefined, 'head', 'head'],
    [undefined, undefined, undefined],
  ])('%j with head %j → %j', (ref, head, expected) => {
    expect(refName(ref, head)).toBe(expected)
  })
})
