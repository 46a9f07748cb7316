import { ConfigError } from '../core/errors.js'
import { refuseInnerBlanks } from '../core/inner-blanks.js'
import { plainLabel, type InputLabel } from '../core/input-label.js'
import { formEncode, type Parameter } from '../core/oauth/parameters.js'

/** `scheme://user[:password]@` at the start: credentials in the authority, whatever follows. */
const USER_INFO = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*@/i

function credentialsInUrl(inputName: string): ConfigError {
  return new ConfigError(
    `${inputName} must not contain a user name or password.`,
    'OAuth needs no credentials in the URL; remove them (and rotate the password if it was real).',
  )
}

/** Trims the base URL to scheme://host[:port][/context] and checks it is an http(s) URL. */
export function normalizeBaseUrl(raw: string, inputName: string): string {
  const text = raw.trim()
  // Before the blanks check, which quotes the text before a blank: a password must not be quoted.
  if (USER_INFO.test(text)) throw credentialsInUrl(inputName)
  refuseInnerBlanks(
    text,
    inputName,
    'Give one URL, the Jira base URL alone, e.g. https://jira.example.com/jira (a space in a context path is written %20).',
  )
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ConfigError(
      `${inputName} is not a URL: "${text.slice(0, 100)}".`,
      'Use the Jira base URL with its context path, e.g. https://jira.example.com or https://example.com/jira.',
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(
      `${inputName} must be an http(s) URL, not ${url.protocol}.`,
      'Use the Jira base URL, e.g. https://jira.example.com/jira.',
    )
  }
  if (url.username || url.password) throw credentialsInUrl(inputName)
  if (url.search || url.hash) {
    throw new ConfigError(
      `${inputName} must not have a query or fragment.`,
      'Use the base URL only, e.g. https://jira.example.com/jira.',
    )
  }
  // A pasted REST or browse URL: suggest the base instead of failing later with 404s.
  const rest = url.pathname.search(/\/(rest|browse|secure|plugins)\//)
  if (rest >= 0) {
    throw new ConfigError(
      `${inputName} (${url.origin}${url.pathname}) looks like a page or API URL, not Jira's base URL.`,
      `Use ${url.origin}${url.pathname.slice(0, rest)} as ${inputName}.`,
    )
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/**
 * The absolute URL for `path` under the base URL, with `query` appended (values encoded once,
 * RFC 3986). Refuses paths that leave the base URL (another host, or `..` above the context).
 */
export function resolveRequestUrl(
  baseUrl: string,
  path: string,
  query: readonly Parameter[] = [],
  label: InputLabel = plainLabel,
): string {
  const inputName = label('path')
  const base = label('base-url')
  let relative = path.trim()
  refuseInnerBlanks(
    relative,
    inputName,
    `Give one path under ${base}, such as /rest/api/2/issue/ABC-1; percent-encode a space in it (%20), or give query parameters raw (name=value) in ${label('query')}, which encodes them.`,
  )
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative)) {
    if (!relative.startsWith(`${baseUrl}/`) && relative !== baseUrl) {
      throw new ConfigError(
        `${inputName} (${relative.slice(0, 200)}) is outside ${base} (${baseUrl}).`,
        `Give a path under ${base}, such as /rest/api/2/myself.`,
      )
    }
    relative = relative.slice(baseUrl.length)
  }
  if (relative.startsWith('//')) {
    throw new ConfigError(
      `${inputName} must be a path under ${base}, not a protocol-relative URL.`,
      'Give a path such as /rest/api/2/myself.',
    )
  }
  if (!relative.startsWith('/')) relative = `/${relative}`
  const url = new URL(`${baseUrl}${relative}`)
  const baseParts = new URL(baseUrl)
  const basePath = baseParts.pathname.replace(/\/+$/, '')
  if (
    url.origin !== baseParts.origin ||
    (basePath && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`))
  ) {
    throw new ConfigError(
      `${inputName} (${path.slice(0, 200)}) resolves outside ${base} (${baseUrl}).`,
      `Remove ".." segments; give a path under ${base}, such as /rest/api/2/myself.`,
    )
  }
  url.hash = ''
  if (query.length > 0) {
    const extra = formEncode(query)
    url.search = url.search ? `${url.search}&${extra}` : `?${extra}`
  }
  return url.href
}
