import { describe, expect, test } from '@jest/globals'
import { plainLabel } from '../../../src/core/input-label.js'
import type { Credential } from '../../../src/jira/credentials.js'
import { diagnoseHtmlAnswer, diagnoseLoginRefusal } from '../../../src/jira/diagnose-login.js'

const BASE = 'https://jira.example.com/jira'
const answer = (status: number, headers: Record<string, string> = {}, body = '', path = '/rest/api/2/myself') => ({
  status,
  headers,
  body,
  method: 'GET',
  url: `${BASE}${path}`,
})
const PAT: Credential = { kind: 'pat', token: 't' }
const BASIC: Credential = { kind: 'basic', username: 'svc', password: 'p' }
const diagnose = (a: ReturnType<typeof answer>, credential: Credential, baseUrl = BASE) =>
  diagnoseLoginRefusal(a, { credential, baseUrl, label: plainLabel })?.describe()

describe('login refusals', () => {
  test('the CAPTCHA lock names the login page Jira gave and the admin reset', () => {
    const text = diagnose(
      answer(403, {
        'x-seraph-loginreason': 'AUTHENTICATION_DENIED',
        'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE; login-url=https://jira.example.com/jira/login.jsp',
      }),
      BASIC,
    )
    expect(text).toMatch(/login of the Jira user "svc" without checking the password/)
    expect(text).toMatch(
      /CAPTCHA_CHALLENGE\)[\s\S]*at https:\/\/jira\.example\.com\/jira\/login\.jsp[\s\S]*Reset Failed Login Count/,
    )
    // Another denial reason: no CAPTCHA claimed; the lock also rides on a 200.
    expect(
      diagnose(
        answer(200, { 'x-seraph-loginreason': 'AUTHENTICATION_DENIED', 'x-authentication-denied-reason': 'OTHER' }),
        PAT,
      ),
    ).toMatch(/refuses logins for this account for now/)
  })

  test('a refused password; on Jira Cloud, the API-token advice', () => {
    const failed = { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }
    expect(diagnose(answer(401, failed), BASIC)).toMatch(/personal access token is not accepted as a Basic password/)
    expect(diagnose(answer(401, failed), BASIC, 'https://acme.atlassian.net')).toMatch(/API token/)
    expect(diagnose(answer(401, failed, 'Basic authentication with passwords is deprecated.'), BASIC)).toMatch(
      /Jira Cloud/,
    )
    // "authenticated but not permitted" is no login refusal.
    expect(diagnose(answer(403, { 'x-seraph-loginreason': 'AUTHORISATION_FAILED' }), BASIC)).toBeUndefined()
  })

  test('Basic disabled is a 403 with its message only', () => {
    const body = '{"message":"Basic Authentication has been disabled on this instance."}'
    expect(diagnose(answer(403, {}, body), BASIC)).toMatch(/disabled on this Jira instance/)
    expect(diagnose(answer(400, {}, body), BASIC)).toBeUndefined()
  })

  test('an unresolved token: 401, or an anonymous 200; OAuth answers are left to its own diagnosis', () => {
    expect(diagnose(answer(401, {}, '{"errorMessages":[]}'), PAT)).toMatch(/revoked, has expired/)
    expect(diagnose(answer(200, { 'x-ausername': 'anonymous' }, '{"total":0}'), PAT)).toMatch(/as an anonymous user/)
    expect(diagnose(answer(200, { 'x-ausername': 'svc' }), PAT)).toBeUndefined()
    expect(
      diagnose(answer(401, {}, '{"message":"Client must be authenticated to access this resource."}'), PAT),
    ).toMatch(/Jira Cloud, which does not take personal access tokens/)
    expect(diagnose(answer(401), BASIC)).toMatch(/did not reach Jira/)
    const oauth: Credential = { kind: 'oauth', consumerKey: 'ck', privateKey: undefined as never }
    expect(diagnose(answer(401), oauth)).toBeUndefined()
    expect(diagnose(answer(404), PAT)).toBeUndefined()
  })
})

describe('HTML where JSON belongs', () => {
  const page = '<!DOCTYPE html><html><head><title> Sign <b>in</b>\n</title></head></html>'
  test('a 2xx HTML page under /rest/ is a sign-in page, by content type or by its start', () => {
    expect(
      diagnoseHtmlAnswer(answer(200, { 'content-type': 'text/html;charset=UTF-8' }, page), BASE, plainLabel)?.message,
    ).toMatch(/answered 200 with an HTML page \("Sign in"\) instead of JSON/)
    expect(diagnoseHtmlAnswer(answer(200, {}, '<html><body>x</body></html>'), BASE, plainLabel)?.message).toMatch(
      /HTML page instead/,
    )
  })

  test('JSON, empty bodies, errors and pages outside /rest/ are not', () => {
    expect(
      diagnoseHtmlAnswer(answer(200, { 'content-type': 'application/json' }, '{"a":"<html>"}'), BASE, plainLabel),
    ).toBeUndefined()
    expect(diagnoseHtmlAnswer(answer(204, { 'content-type': 'text/html' }), BASE, plainLabel)).toBeUndefined()
    expect(diagnoseHtmlAnswer(answer(500, { 'content-type': 'text/html' }, page), BASE, plainLabel)).toBeUndefined()
    expect(
      diagnoseHtmlAnswer(
        answer(200, { 'content-type': 'text/html' }, page, '/secure/Dashboard.jspa'),
        BASE,
        plainLabel,
      ),
    ).toBeUndefined()
  })
})
