import { parseFormEncoded } from './parameters.js'
import { formDecode } from './percent-encode.js'

/**
 * An OAuth problem report (the OAuth Problem Reporting extension that net.oauth, and so Jira,
 * implements): `oauth_problem` plus its detail parameters, from the WWW-Authenticate header or a
 * form-encoded body. Jira sends both; the body wins where they differ because it is not folded.
 */
export interface OAuthProblem {
  readonly problem: string
  readonly params: Readonly<Record<string, string>>
}

/** Parses `OAuth realm="...", name="value", ...` (values percent-encoded, RFC 5849 section 3.5.1). */
export function parseOAuthChallenge(header: string): Record<string, string> {
  const params: Record<string, string> = {}
  const body = header.replace(/^\s*OAuth\s*/i, '')
  const pair = /([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g
  for (const [, name = '', quoted, bare] of body.matchAll(pair)) {
    const raw = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? '')
    params[name] = name === 'realm' ? raw : formDecode(raw)
  }
  return params
}

export function parseOAuthProblem(
  wwwAuthenticate: string | null | undefined,
  body: string,
  contentType: string | null | undefined,
): OAuthProblem | undefined {
  const params: Record<string, string> = {}
  if (wwwAuthenticate && /^\s*OAuth\b/i.test(wwwAuthenticate)) {
    Object.assign(params, parseOAuthChallenge(wwwAuthenticate))
  }
  // Jira answers problems with an application/x-www-form-urlencoded body; some proxies relabel
  // it text/plain, so look at the text itself, never at a JSON or HTML body.
  const text = body.trim()
  const isForm = /x-www-form-urlencoded|text\/plain/i.test(contentType ?? '') || contentType == null
  if (isForm && /(^|&)oauth_problem=/.test(text) && !/[\s<>{]/.test(text)) {
    for (const [name, value] of parseFormEncoded(text)) params[name] = value
  }
  if (!params.oauth_problem) return undefined
  return { problem: params.oauth_problem, params }
}
