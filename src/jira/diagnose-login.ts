import type { InputLabel } from '../core/input-label.js'
import type { Credential } from './credentials.js'
import { JiraAuthError, jiraErrorText } from './errors.js'
import type { HttpResponse } from './transport.js'

interface Answer extends HttpResponse {
  readonly method: string
  readonly url: string
}

export interface LoginContext {
  readonly credential: Credential
  readonly baseUrl: string
  /** How the adapter names inputs. */
  readonly label: InputLabel
}

export function isJiraCloud(baseUrl: string): boolean {
  return /\.atlassian\.net$/i.test(new URL(baseUrl).hostname)
}

const where = (answer: Answer) => `${answer.method} ${new URL(answer.url).pathname}`

function who(ctx: LoginContext): string {
  return ctx.credential.kind === 'basic' ? `the Jira user "${ctx.credential.username}"` : 'the Jira user'
}

function refusal(answer: Answer, message: string, hint: string): JiraAuthError {
  return new JiraAuthError(message, hint, answer.status, answer.body)
}

/** `login-url=…` of X-Authentication-Denied-Reason, when Jira names the page that shows the CAPTCHA. */
function loginUrl(answer: Answer, baseUrl: string): string {
  const reason = answer.headers['x-authentication-denied-reason'] ?? ''
  return /login-url=(\S+)/.exec(reason)?.[1] ?? `${baseUrl}/login.jsp`
}

/**
 * Jira's login filter (Seraph) marks every answer to a login it refused with X-Seraph-LoginReason,
 * on 401 and 403 and even on 200s of endpoints open to anonymous users. AUTHENTICATION_DENIED is
 * the CAPTCHA lock after too many failed logins: Jira then refuses even the right password.
 */
function seraphRefusal(answer: Answer, ctx: LoginContext): JiraAuthError | undefined {
  const reason = (answer.headers['x-seraph-loginreason'] ?? '').toUpperCase()
  if (reason.includes('AUTHENTICATION_DENIED')) {
    const denied = answer.headers['x-authentication-denied-reason']
    const captcha = !denied || /CAPTCHA/i.test(denied)
    return refusal(
      answer,
      `${where(answer)} answered ${answer.status}: Jira denied the login of ${who(ctx)} without checking the password ` +
        `(X-Seraph-LoginReason: AUTHENTICATION_DENIED${denied ? `, X-Authentication-Denied-Reason: ${denied.replace(/;.*/s, '')}` : ''}). ` +
        (captcha
          ? 'After too many failed logins the account must answer a CAPTCHA, and until then every Basic-auth request is refused, even with the right password.'
          : 'Jira refuses logins for this account for now.'),
      `To clear it, log in once in a browser at ${loginUrl(answer, ctx.baseUrl)} as that user and answer the CAPTCHA, ` +
        'or have a Jira administrator open Administration > User management > the user > Reset Failed Login Count. ' +
        'Fix the password this step uses first, or the next failures lock the account again. ' +
        'A personal access token (Jira 8.14+) is never locked by CAPTCHA.',
    )
  }
  if (reason.includes('AUTHENTICATED_FAILED')) {
    const cloud = isJiraCloud(ctx.baseUrl) || /passwords is deprecated/i.test(answer.body)
    return refusal(
      answer,
      `${where(answer)} answered ${answer.status}: Jira refused the user name or password of ${who(ctx)} (X-Seraph-LoginReason: AUTHENTICATED_FAILED).`,
      cloud
        ? `Jira Cloud takes no account password over Basic auth: ${cloudBasic(ctx.label)}.`
        : `Check ${ctx.label('username')} and ${ctx.label('password')} (a personal access token is not accepted as a Basic password: pass it as ${ctx.label('personal-access-token')}). ` +
            'After a few failed logins in a row (3 by default) Jira locks the account behind a CAPTCHA, so fix the secret before re-running.',
    )
  }
  return undefined
}

function cloudBasic(label: InputLabel): string {
  return `set ${label('username')} to the e-mail address of the account and ${label('password')} to an API token (id.atlassian.com > Security > API tokens)`
}

/** Jira 8.16+ can turn Basic auth off for API calls; it answers 403 with this JSON message. */
function basicDisabled(answer: Answer, label: InputLabel): JiraAuthError | undefined {
  if (answer.status !== 403 || !/basic auth\w* (has been )?disabled/i.test(jiraErrorText(answer.body) || answer.body))
    return undefined
  return refusal(
    answer,
    `${where(answer)} answered 403: Basic authentication has been disabled on this Jira instance for API calls.`,
    `Use a personal access token (${label('personal-access-token')}) instead, or ask a Jira administrator to allow Basic auth for this user or path ` +
      '(Administration > System > Authentication methods, and its allowlist).',
  )
}

const PAT_RENEWAL =
  'Create a new token in Jira (your avatar > Profile > Personal Access Tokens > Create token; admins see every token under Administration > System), ' +
  'store it in the secret this step reads, and mind its expiry date.'

/** An answer that says the credential never reached Jira, or Jira did not take it. */
function unauthenticated(answer: Answer, ctx: LoginContext): JiraAuthError | undefined {
  const anonymous = answer.status < 300 && (answer.headers['x-ausername'] ?? '').toLowerCase() === 'anonymous'
  if (answer.status !== 401 && !anonymous) return undefined
  const what = anonymous
    ? `${where(answer)} answered ${answer.status} as an anonymous user`
    : `${where(answer)} answered 401`
  if (ctx.credential.kind === 'pat') {
    if (/client must be authenticated/i.test(answer.body) || isJiraCloud(ctx.baseUrl))
      return refusal(
        answer,
        `${what}: this looks like Jira Cloud, which does not take personal access tokens.`,
        `On Jira Cloud use Basic auth: ${cloudBasic(ctx.label)}.`,
      )
    return refusal(
      answer,
      `${what}: Jira did not accept the personal access token, and ran the request anonymously. The token was revoked, has expired, ` +
        'belongs to another Jira instance, or a proxy in front of Jira removed the Authorization header.',
      `${PAT_RENEWAL} If the token is fresh, check that a proxy between this runner and Jira passes the Authorization header through.`,
    )
  }
  if (ctx.credential.kind === 'basic')
    return refusal(
      answer,
      `${what}, without the X-Seraph-LoginReason header Jira's login sets on every refused password: ` +
        'the Authorization header did not reach Jira (a proxy or load balancer in front of it removed it).',
      'Configure the proxy to pass the Authorization header through to Jira unchanged; then the user name and password are checked.',
    )
  return undefined
}

/**
 * Why Jira (or something in front of it) did not let this request through as the configured user,
 * in words; undefined when the answer is not such a refusal. OAuth problems are diagnosed before
 * this (diagnose-oauth); the login lock and Seraph's marks apply to every kind.
 */
export function diagnoseLoginRefusal(answer: Answer, ctx: LoginContext): JiraAuthError | undefined {
  return seraphRefusal(answer, ctx) ?? basicDisabled(answer, ctx.label) ?? unauthenticated(answer, ctx)
}

/** The <title> of an HTML page, tags stripped and shortened; '' without one. */
function pageTitle(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? ''
  return title
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
}

/**
 * A REST path that answers 2xx with an HTML page never reached Jira's REST API: a single sign-on
 * or proxy in front of Jira answered with its sign-in page (or a maintenance page) instead.
 */
export function diagnoseHtmlAnswer(answer: Answer, baseUrl: string, label: InputLabel): JiraAuthError | undefined {
  // Run on every 2xx answer: the cheap tests first, URLs parsed only for an HTML page.
  if (answer.status < 200 || answer.status >= 300) return undefined
  const html =
    /\bhtml\b/i.test(answer.headers['content-type'] ?? '') || /^\s*<(!doctype\s+html|html)[\s>]/i.test(answer.body)
  if (!html || !/\S/.test(answer.body)) return undefined
  const path = new URL(answer.url).pathname.slice(new URL(baseUrl).pathname.replace(/\/+$/, '').length)
  if (!path.startsWith('/rest/')) return undefined
  const title = pageTitle(answer.body)
  return refusal(
    answer,
    `${where(answer)} answered ${answer.status} with an HTML page${title ? ` ("${title}")` : ''} instead of JSON: ` +
      'most likely the sign-in page of a single sign-on (SSO) service or proxy in front of Jira, so the request never reached Jira.',
    `Let this machine reach Jira's REST API past the SSO (an exemption for /rest/ on the proxy, or Jira's direct URL as ${label('base-url')}), ` +
      `and check that ${label('base-url')} is the URL of Jira itself.`,
  )
}
