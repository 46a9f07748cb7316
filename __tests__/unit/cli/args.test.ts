import { describe, expect, it } from '@jest/globals'
import { parseCommandLine, parseFlags, UsageError } from '../../../src/cli/args.js'
import { CLI_COMMANDS } from '../../../src/cli/commands.js'
import type { FlagSpec } from '../../../src/cli/flags.js'
import { thrown } from '../../helpers/thrown.js'

const SPECS: FlagSpec[] = [
  { name: 'path', kind: 'string', description: '' },
  { name: 'private-key', kind: 'string', description: '', secret: true },
  { name: 'query', kind: 'list', description: '' },
  { name: 'dry-run', kind: 'boolean', description: '' },
  { name: 'link', kind: 'boolean', description: '' },
]
const parse = (...tokens: string[]) => {
  const values = parseFlags(tokens, SPECS, 'see --help')
  return values === 'help' ? 'help' : Object.fromEntries(values)
}
const flagsOf = (name: string) => CLI_COMMANDS[name]?.flags

const usageError = (fn: () => unknown): UsageError => thrown(UsageError, fn)

describe('help only where a flag stands', () => {
  it('--help as a flag asks for help; after a flag that needs a value it is a usage error, and --flag=--help is a value', () => {
    expect(parse('--path', '/x', '--help')).toBe('help')
    expect(parse('-h')).toBe('help')
    expect(parse('--path=--help')).toEqual({ path: '--help' })
    expect(usageError(() => parseCommandLine(['request', '--body', '--help'], flagsOf)).message).toMatch(
      /--body needs a value/,
    )
    expect(usageError(() => parseCommandLine(['issues', '--comment', '-h'], flagsOf)).message).toMatch(
      /--comment needs a value/,
    )
    expect(parseCommandLine(['request', '--help'], flagsOf)).toEqual({ kind: 'help', command: 'request' })
  })
})

describe('parseFlags', () => {
  it('accepts --flag value and --flag=value', () => {
    expect(parse('--path', '/rest/api/2/myself')).toEqual({ path: '/rest/api/2/myself' })
    expect(parse('--path=/a=b')).toEqual({ path: '/a=b' })
    expect(parse('--path=')).toEqual({ path: '' })
  })

  it('takes a bare boolean flag as true, and a following true/false word as its value', () => {
    expect(parse('--dry-run')).toEqual({ 'dry-run': 'true' })
    expect(parse('--dry-run', 'false', '--link')).toEqual({ 'dry-run': 'false', link: 'true' })
    expect(parse('--dry-run=no')).toEqual({ 'dry-run': 'no' })
    expect(parse('--dry-run', '--path', 'x')).toEqual({ 'dry-run': 'true', path: 'x' })
  })

  it('joins a repeated list flag with newlines (one query line each)', () => {
    expect(parse('--query', 'jql=project = ABC', '--query=maxResults=5')).toEqual({
      query: 'jql=project = ABC\nmaxResults=5',
    })
  })

  it('takes a PEM (which starts with dashes) as a value', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----'
    expect(parse('--private-key', pem)).toEqual({ 'private-key': pem })
  })

  it('refuses unknown flags, naming them', () => {
    const error = usageError(() => parse('--paht', 'x'))
    expect(error.message).toBe('Unknown flag --paht.')
    expect(error.hint).toContain('--help')
  })

  it('refuses a missing value, naming the flag', () => {
    expect(usageError(() => parse('--path')).message).toContain('--path needs a value')
    expect(usageError(() => parse('--path', '--dry-run')).message).toContain('--path needs a value')
  })

  it('refuses a repeated single-value flag and stray arguments, without echoing them', () => {
    expect(usageError(() => parse('--path', 'a', '--path', 'b')).message).toBe('--path is given more than once.')
    const stray = usageError(() => parse('--path', 'a', 'hunter2-secret'))
    expect(stray.message).toContain('Unexpected argument')
    expect(stray.message).not.toContain('hunter2')
  })
})

describe('parseCommandLine', () => {
  it('asks for help with nothing, --help, -h or help [command]', () => {
    expect(parseCommandLine([], flagsOf)).toEqual({ kind: 'help' })
    expect(parseCommandLine(['--help'], flagsOf)).toEqual({ kind: 'help' })
    expect(parseCommandLine(['-h'], flagsOf)).toEqual({ kind: 'help' })
    expect(parseCommandLine(['help', 'whoami'], flagsOf)).toEqual({ kind: 'help', command: 'whoami' })
    expect(parseCommandLine(['request', '--path', 'x', '--help'], flagsOf)).toEqual({
      kind: 'help',
      command: 'request',
    })
  })

  it('parses a command with its own flags only', () => {
    const parsed = parseCommandLine(['request', '--path', '/rest/api/2/myself', '--method=GET'], flagsOf)
    expect(parsed.kind === 'run' && Object.fromEntries(parsed.values)).toEqual({
      path: '/rest/api/2/myself',
      method: 'GET',
    })
    expect(usageError(() => parseCommandLine(['whoami', '--path', 'x'], flagsOf)).message).toBe('Unknown flag --path.')
  })

  it('refuses an unknown command and flags before the command', () => {
    expect(usageError(() => parseCommandLine(['whomai'], flagsOf)).message).toBe('Unknown command "whomai".')
    expect(usageError(() => parseCommandLine(['--base-url', 'x', 'whoami'], flagsOf)).message).toContain(
      'command comes first',
    )
  })
})
