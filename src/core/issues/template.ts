import { ConfigError } from '../errors.js'
import { isIssueKey } from './issue-keys.js'

/*
 * Templates for Jira comments and remote-link titles: Jira wiki markup written by the user
 * (trusted), with {{name}} placeholders filled from the run (untrusted: branch names, actors,
 * workflow names come from whoever can push). Values are inserted as plain text, so a branch
 * called "[~admin]" or "{html}<script>" shows up as those characters and does nothing else.
 */

export const TEMPLATE_VARIABLES = [
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
] as const

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]

export type TemplateValues = Partial<Record<TemplateVariable, string>>

/** Values we build ourselves from the server URL; inserted raw so Jira can link them. */
const URL_VARIABLES: ReadonlySet<TemplateVariable> = new Set<TemplateVariable>([
  'run-url',
  'repository-url',
  'pull-request-url',
])

const KNOWN: ReadonlySet<string> = new Set<string>(TEMPLATE_VARIABLES)

export function isTemplateVariable(name: string): name is TemplateVariable {
  return KNOWN.has(name)
}

/*
 * A placeholder is {{name}} with optional whitespace inside the braces, where the name looks like
 * an identifier. Other {{...}} (with spaces or punctuation inside) is left alone: in Jira markup
 * that is monospace text, e.g. {{mvn verify}}. A name that looks like an identifier but is not a
 * known variable is an error, so that typos ({{run_url}}) fail the configuration instead of
 * rendering as monospace. A placeholder after an odd number of backslashes is escaped and kept as
 * text; that rule also guarantees a value never follows a lone backslash, which would cancel the
 * escaping of its first character.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_.-]*)\s*\}\}/g

type Token = { kind: 'text'; text: string } | { kind: 'placeholder'; name: string; raw: string }

function tokenize(template: string): Token[] {
  const tokens: Token[] = []
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    const start = match.index
    let backslashes = 0
    while (start - backslashes - 1 >= 0 && template[start - backslashes - 1] === '\\') backslashes++
    if (backslashes % 2 === 1) continue
    if (start > last) tokens.push({ kind: 'text', text: template.slice(last, start) })
    tokens.push({ kind: 'placeholder', name: match[1] ?? '', raw: match[0] })
    last = start + match[0].length
  }
  if (last < template.length) tokens.push({ kind: 'text', text: template.slice(last) })
  return tokens
}

/**
 * Checks a template before any request: every placeholder must be a known variable and every
 * "{{" must be closed (a lone "{{" is almost always a broken placeholder).
 */
export function validateTemplate(template: string, inputName: string): void {
  const tokens = tokenize(template)
  const unknown = [
    ...new Set(
      tokens.flatMap((token) => (token.kind === 'placeholder' && !isTemplateVariable(token.name) ? [token.name] : [])),
    ),
  ]
  if (unknown.length > 0) {
    const suggestions = unknown.flatMap((name) => {
      const guess = suggest(name)
      return guess ? [`{{${name}}} → {{${guess}}}`] : []
    })
    throw new ConfigError(
      `${inputName} uses unknown placeholder${unknown.length === 1 ? '' : 's'}: ${unknown.map((name) => `{{${name}}}`).join(', ')}.`,
      (suggestions.length > 0 ? `Did you mean ${suggestions.join(', ')}? ` : '') +
        `Valid placeholders: ${TEMPLATE_VARIABLES.map((name) => `{{${name}}}`).join(', ')}.`,
    )
  }

  // Count "{{" and "}}" in the literal text only; a placeholder's own braces are already paired.
  let open = 0
  let firstUnclosed = -1
  let offset = 0
  for (const token of tokens) {
    if (token.kind === 'text') {
      for (const brace of token.text.matchAll(/\{\{|\}\}/g)) {
        if (brace[0] === '{{') {
          if (open === 0) firstUnclosed = offset + brace.index
          open++
        } else if (open > 0) {
          open--
        }
      }
      offset += token.text.length
    } else {
      offset += token.raw.length
    }
  }
  if (open > 0) {
    const snippet = template.slice(firstUnclosed, firstUnclosed + 30)
    throw new ConfigError(
      `${inputName} has a "{{" that is not closed, at ${JSON.stringify(snippet)}.`,
      `Write placeholders as {{name}}, for example {{issue}} or {{ run-url }}.`,
    )
  }
}

/** The known placeholders a template uses, each once, in order (escaped ones are text). */
export function placeholdersIn(template: string): TemplateVariable[] {
  const names = tokenize(template).flatMap((token) =>
    token.kind === 'placeholder' && isTemplateVariable(token.name) ? [token.name] : [],
  )
  return [...new Set(names)]
}

/** A close known name for a typo: other case, "_" or "." for "-". */
function suggest(name: string): TemplateVariable | undefined {
  const normalized = name.toLowerCase().replace(/[_.]/g, '-')
  return TEMPLATE_VARIABLES.find((candidate) => candidate === normalized)
}

/**
 * Fills the placeholders in one pass: a value is never searched for placeholders again, so a
 * branch named "{{issue}}" renders as that text. Missing values render as "". Unknown placeholders
 * are kept as written (validateTemplate reports them before we get here).
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  let out = ''
  for (const token of tokenize(template)) {
    if (token.kind === 'text') {
      out += token.text
    } else if (!isTemplateVariable(token.name)) {
      out += token.raw
    } else {
      const value = values[token.name] ?? ''
      if (URL_VARIABLES.has(token.name)) out += renderUrl(value)
      // A well-formed key ([A-Z0-9_-] only) stays raw so Jira still links it; "ABC\-1" would not be.
      else if (token.name === 'issue' && isIssueKey(value)) out += value
      else out += escapeJiraWiki(value)
    }
  }
  return out
}

/**
 * Fills the placeholders for text Jira shows as plain text (a remote link's title, a version
 * name): values go in as given, on one line, with no wiki escaping that would show as backslashes.
 */
export function renderPlainTemplate(template: string, values: TemplateValues): string {
  let out = ''
  for (const token of tokenize(template)) {
    // A backslash before a placeholder escapes it; in plain text the backslash itself goes.
    if (token.kind === 'text') out += token.text.replace(/\\(\{\{)/g, '$1')
    else if (!isTemplateVariable(token.name)) out += token.raw
    else out += values[token.name] ?? ''
  }
  return out.replace(LINE_BREAKS_AND_CONTROLS, ' ')
}

/** Whether the template uses a placeholder (e.g. {{status}}, which waits for the transition). */
export function usesVariable(template: string, name: TemplateVariable): boolean {
  return tokenize(template).some((token) => token.kind === 'placeholder' && token.name === name)
}

/*
 * Every character Jira wiki markup gives a meaning to somewhere: links and mentions [ ] | ~,
 * macros { }, images !, phrase formatting * _ + ^ ~ - ?? and lists/headings # * -, and the
 * escape character itself. Escaping all of them everywhere is simpler and safer than knowing
 * where each one is active; Jira renders "\X" as "X".
 */
const WIKI_SPECIAL = /[\\{}[\]|!*_+^~#?-]/g
/** Line breaks would let a value start a line with "h1." or "bq."; other controls are noise. */
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]+/g

/** `value` as literal text in Jira wiki markup, on one line. */
export function escapeJiraWiki(value: string): string {
  return value.replace(LINE_BREAKS_AND_CONTROLS, ' ').replace(WIKI_SPECIAL, '\\$&')
}

/** Characters that are plain in a URL and plain in Jira markup; the rest is percent-encoded. */
const URL_SAFE = /[^A-Za-z0-9\-._~:/?#@$&()+,;=%]/g

/**
 * URL values are built by us, but from a server URL and repository name we did not choose. Only
 * an http(s) URL is inserted raw (so Jira links it), with any character that could close a link
 * ("]", "|") or start markup percent-encoded. Anything else is shown as escaped text, unlinked.
 */
function renderUrl(value: string): string {
  if (value === '') return ''
  // new URL() would silently drop tabs and new lines and trim spaces; refuse them instead.
  if (!/^[\x21-\x7e\u00a0-\uffff]+$/.test(value)) return escapeJiraWiki(value)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return escapeJiraWiki(value)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return escapeJiraWiki(value)
  // href is ASCII (punycode host, percent-encoded path), so each remaining char is one byte.
  return url.href.replace(URL_SAFE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}
