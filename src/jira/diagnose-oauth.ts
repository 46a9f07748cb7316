import type { InputLabel } from '../core/input-label.js'
import { redactSecrets } from '../core/redact.js'
import type { OAuthProblem } from '../core/oauth/oauth-problem.js'

export interface OAuthDiagnosisContext {
  /** Our signature base string for the refused request. */
  readonly ourBaseString: string
  /** The configured base URL (context path included). */
  readonly baseUrl: string
  readonly consumerKey: string
  /** What the oauth_token of the request was. */
  readonly tokenKind: 'access' | 'request' | 'none'
  /** The public key that matches our private key (public, safe to print). */
  readonly publicKeyPem: string
  readonly publicKeyFingerprint: string
  /** Values never to print (token, verifier). */
  readonly secrets: readonly (string | undefined)[]
  /** How the adapter names inputs ("input `base-url`", "--base-url"). */
  readonly label: InputLabel
}

export interface Diagnosis {
  readonly message: string
  readonly hint: string
}

/** Splits a base string METHOD&URI&PARAMS into its decoded parts. */
function baseStringParts(baseString: string): { method: string; uri: string; params: string } | undefined {
  const [method, uri, params, ...extra] = baseString.split('&')
  if (method === undefined || uri === undefined || params === undefined || extra.length) return undefined
  try {
    return {
      method: decodeURIComponent(method),
      uri: decodeURIComponent(uri),
      params: decodeURIComponent(params),
    }
  } catch {
    return undefined
  }
}

/** "…context…" around the first index where a and b differ. */
export function firstDifference(a: string, b: string): { index: number; ours: string; theirs: string } | undefined {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (i === a.length && i === b.length) return undefined
  const from = Math.max(0, i - 30)
  const clip = (s: string) => `${from > 0 ? '…' : ''}${s.slice(from, i + 30)}${i + 30 < s.length ? '…' : ''}`
  return { index: i, ours: clip(a), theirs: clip(b) }
}

function describeSignatureInvalid(problem: OAuthProblem, ctx: OAuthDiagnosisContext): Diagnosis {
  const theirs = problem.params.oauth_signature_base_string
  const { label } = ctx
  const keyHint =
    `The private key does not match the public key stored for consumer "${ctx.consumerKey}" in Jira's Application Link ` +
    `(Administration > Application Links > the link > Incoming Authentication). The public key that matches ${label('private-key')} ` +
    `(SHA-256 fingerprint ${ctx.publicKeyFingerprint}) is:\n${ctx.publicKeyPem.trim()}`
  if (!theirs) {
    return {
      message: 'Jira rejected the request signature (oauth_problem=signature_invalid) and did not say what it signed.',
      hint: `Check, in this order: ${label('base-url')} is exactly the URL Jira is configured with (scheme, host, port, context path; a proxy in between must not rewrite them); ${keyHint}`,
    }
  }
  const ours = baseStringParts(ctx.ourBaseString)
  const server = baseStringParts(theirs)
  if (ours && server && ours.uri !== server.uri) {
    const suggestion = suggestBaseUrl(ours.uri, server.uri, ctx.baseUrl)
    return {
      message: `Jira rejected the signature because it sees a different URL: we signed ${ours.uri} but Jira verified ${server.uri}.`,
      hint:
        `${label('base-url')} (${ctx.baseUrl}) is not the URL Jira sees, typically because of a proxy or load balancer in front of it ` +
        `(scheme, host, port or context path). ` +
        (suggestion
          ? `Set ${label('base-url')} to ${suggestion}, or configure the proxy and Jira's base URL to agree.`
          : `Set ${label('base-url')} to Jira's own base URL (Administration > System > Base URL).`),
    }
  }
  // Redact before clipping: a clipped window could otherwise show the tail of a token.
  const diff = firstDifference(redactBaseString(ctx.ourBaseString, ctx.secrets), redactBaseString(theirs, ctx.secrets))
  if (!diff) {
    return {
      message:
        'Jira rejected the signature although it signed exactly the same text (oauth_problem=signature_invalid): the key pair does not match.',
      hint: keyHint,
    }
  }
  return {
    message: `Jira rejected the signature: its signature base string differs from ours at character ${diff.index}.`,
    hint:
      `ours:   ${diff.ours}\njira's: ${diff.theirs}\n` +
      'A proxy that rewrites the query string or re-encodes characters causes this; so does sending a parameter that was not signed. ' +
      `If the difference is in the query, pass it through ${label('query')} (encoded for you) instead of in ${label('path')}.`,
  }
}

/** A base string with the token, verifier and session handle values (and any known secret) as "***". */
export function redactBaseString(baseString: string, secrets: readonly (string | undefined)[]): string {
  // In a base string a parameter reads name%3Dvalue%26, its value percent-encoded twice.
  const protocolSecret = /(oauth_(?:token|verifier|session_handle)%3D)((?:[A-Za-z0-9\-._~]|%25[0-9A-Fa-f]{2})*)/g
  return redactSecrets(baseString.replace(protocolSecret, '$1***'), secrets)
}

/** When the server's URI ends with the same path we called, its prefix is the base URL it sees. */
function suggestBaseUrl(ourUri: string, theirUri: string, baseUrl: string): string | undefined {
  const path = ourUri.slice(baseUrl.replace(/\/+$/, '').length)
  if (path && theirUri.endsWith(path)) return theirUri.slice(0, theirUri.length - path.length)
  return undefined
}

function describeTimestampRefused(problem: OAuthProblem): Diagnosis {
  const range = problem.params.oauth_acceptable_timestamps
  return {
    message: `Jira refused the request timestamp (oauth_problem=timestamp_refused${range ? `, acceptable ${range}` : ''}): this machine's clock is more than 5 minutes away from Jira's.`,
    hint: 'Synchronise the clock of this machine (or of the Jira server) with NTP. The client corrects a skew once per request; a clock that keeps drifting needs fixing at the source.',
  }
}

const TOKEN_RENEWAL =
  'Get a new access token with the `request-token` and `access-token` commands (or `jira-oauth bootstrap`) and update the secret that holds it.'

/** Turns Jira's oauth_problem into what is wrong and what to do, in words. */
export function diagnoseOAuthProblem(problem: OAuthProblem, ctx: OAuthDiagnosisContext): Diagnosis {
  const p = problem.params
  const { label } = ctx
  const advice = p.oauth_problem_advice ? ` Jira says: ${p.oauth_problem_advice}` : ''
  switch (problem.problem) {
    case 'signature_invalid':
      return describeSignatureInvalid(problem, ctx)
    case 'consumer_key_unknown':
      return {
        message: `Jira does not know the consumer key "${ctx.consumerKey}" (oauth_problem=consumer_key_unknown).`,
        hint: `In Jira, open Administration > Application Links, edit the link for this tool and set up Incoming Authentication (OAuth) with exactly this consumer key and the public key; or fix ${label('consumer-key')} to match the one there.`,
      }
    case 'token_rejected':
      return ctx.tokenKind === 'request'
        ? {
            message: 'Jira rejected the request token or verifier (oauth_problem=token_rejected).',
            hint: `The verification code is wrong, or the request token belongs to another consumer or Jira host. Copy the code Jira showed after Allow exactly; use the same ${label('base-url')} for every step. If in doubt, start again with the request-token command.`,
          }
        : {
            message:
              'Jira rejected the access token (oauth_problem=token_rejected): it was revoked, is not an access token, or belongs to another consumer or Jira host.',
            hint: `${TOKEN_RENEWAL} Tokens are listed (and revoked) in Jira under Profile > Tools > View OAuth Access Tokens.`,
          }
    case 'token_expired':
      return ctx.tokenKind === 'request'
        ? {
            message: 'The request token has expired (oauth_problem=token_expired): Jira keeps it for 10 minutes.',
            hint: 'Start again with `request-token`, approve in the browser, and run `access-token` within 10 minutes.',
          }
        : { message: 'The access token has expired (oauth_problem=token_expired).', hint: TOKEN_RENEWAL }
    case 'token_used':
      return {
        message: 'The request token was already used (oauth_problem=token_used).',
        hint: 'Start again with `request-token`; each request token can be exchanged once.',
      }
    case 'timestamp_refused':
      return describeTimestampRefused(problem)
    case 'nonce_used':
      return {
        message: "Jira saw this request's nonce before (oauth_problem=nonce_used).",
        hint: 'Every request is signed with a fresh random nonce, so this means the request was replayed by something between this machine and Jira (a proxy retrying a request). Check the proxy; running again is safe.',
      }
    case 'permission_denied':
      return ctx.tokenKind === 'request'
        ? {
            message: 'The user denied access (oauth_problem=permission_denied).',
            hint: 'Start again with `request-token` and click Allow on the authorize page.',
          }
        : {
            message:
              'Jira denied access (oauth_problem=permission_denied): the Application Link does not allow this, the user who authorized the token cannot log in, or the authorization session expired.',
            hint: `Check that the Jira user who approved the token is active, and that the link allows 3-legged OAuth. ${TOKEN_RENEWAL}`,
          }
    case 'permission_unknown':
      return {
        message: 'The request token has not been approved yet (oauth_problem=permission_unknown).',
        hint: 'Open the authorize URL, log in to Jira and click Allow first; then run `access-token` with the verification code.',
      }
    case 'signature_method_rejected':
      return {
        message:
          'Jira rejected the signature method (oauth_problem=signature_method_rejected); it accepts only RSA-SHA1.',
        hint: 'This tool always signs with RSA-SHA1; a proxy or another tool must have changed the request.',
      }
    case 'parameter_absent':
      return {
        message: `Jira says required OAuth parameters are missing: ${p.oauth_parameters_absent ?? 'unspecified'} (oauth_problem=parameter_absent).${advice}`,
        hint: p.oauth_parameters_absent?.includes('oauth_verifier')
          ? `Pass the verification code Jira showed after Allow as ${label('verifier')}.`
          : 'A proxy may strip the Authorization header; make sure it reaches Jira unchanged.',
      }
    case 'parameter_rejected':
      return {
        message: `Jira rejected OAuth parameters: ${p.oauth_parameters_rejected ?? 'unspecified'} (oauth_problem=parameter_rejected).${advice}`,
        hint: p.oauth_parameters_rejected?.includes('oauth_callback')
          ? `${label('callback')} must be an absolute http(s) URL or 'oob'.`
          : `Do not put oauth_* parameters in ${label('path')} or ${label('query')}: the tool sends them in the Authorization header.`,
      }
    case 'version_rejected':
      return {
        message: `Jira rejected the OAuth version (acceptable: ${p.oauth_acceptable_versions ?? '1.0'}).`,
        hint: 'This tool sends oauth_version=1.0; a proxy must have changed the request.',
      }
    default:
      return {
        message: `Jira refused the OAuth request: oauth_problem=${problem.problem}.${advice}`,
        hint: "See Jira's atlassian-jira.log for details and the Application Link configuration for this consumer.",
      }
  }
}
