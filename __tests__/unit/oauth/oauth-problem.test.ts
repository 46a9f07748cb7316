// OAuth problem reports as Jira (net.oauth) sends them: WWW-Authenticate header and/or an
// application/x-www-form-urlencoded body; see simulator/README.md, "OAuth errors".
import { describe, expect, test } from '@jest/globals'
import { signatureBaseString } from '../../../src/core/oauth/base-string.js'
import { parseOAuthChallenge, parseOAuthProblem } from '../../../src/core/oauth/oauth-problem.js'
import { collectParameters } from '../../../src/core/oauth/parameters.js'

const FORM = 'application/x-www-form-urlencoded;charset=UTF-8'

describe('parseOAuthProblem', () => {
  test('header only', () => {
    const header =
      'OAuth realm="https://jira.example.com", oauth_problem="token_rejected", oauth_problem_advice="The%20token%20was%20revoked%2C%20ask%20again"'
    expect(parseOAuthProblem(header, '', null)).toEqual({
      problem: 'token_rejected',
      params: {
        realm: 'https://jira.example.com',
        oauth_problem: 'token_rejected',
        oauth_problem_advice: 'The token was revoked, ask again',
      },
    })
  })

  test('header only, with an HTML error page as body', () => {
    const header = 'OAuth oauth_problem="nonce_used"'
    expect(parseOAuthProblem(header, '<html><body><h1>401</h1></body></html>', 'text/html')?.problem).toBe('nonce_used')
  })

  test('body only', () => {
    const body =
      'oauth_problem=parameter_rejected&oauth_parameters_rejected=oauth_callback&oauth_problem_advice=Callback+URL+is+invalid'
    expect(parseOAuthProblem(null, body, FORM)).toEqual({
      problem: 'parameter_rejected',
      params: {
        oauth_problem: 'parameter_rejected',
        oauth_parameters_rejected: 'oauth_callback',
        oauth_problem_advice: 'Callback URL is invalid',
      },
    })
  })

  test('body only, relabelled text/plain or without a Content-Type, with a trailing newline', () => {
    expect(parseOAuthProblem(undefined, 'oauth_problem=token_expired\n', 'text/plain; charset=UTF-8')?.problem).toBe(
      'token_expired',
    )
    expect(parseOAuthProblem(undefined, 'oauth_problem=token_expired', undefined)?.problem).toBe('token_expired')
  })

  test('both: parameters are merged and the body wins where they differ', () => {
    const header =
      'OAuth realm="https://jira.example.com", oauth_problem="token_rejected", oauth_problem_advice="from%20header"'
    const body = 'oauth_problem=token_expired&oauth_acceptable_versions=1.0'
    expect(parseOAuthProblem(header, body, FORM)).toEqual({
      problem: 'token_expired',
      params: {
        realm: 'https://jira.example.com',
        oauth_problem: 'token_expired',
        oauth_problem_advice: 'from header',
        oauth_acceptable_versions: '1.0',
      },
    })
  })

  test('Jira Cloud signature_invalid: the body echoes the server base string', () => {
    // The example in the reference (node-jira-client issue #44), with its redacted and elided values filled in.
    const body =
      'oauth_problem=signature_invalid&oauth_signature=ivO30fqXNHm%2BLc7EYf%2FgTg%3D%3D' +
      '&oauth_signature_base_string=GET%26https%253A%252F%252Ftravis.atlassian.net%252Frest%252Fapi%252Flatest%252Fproject%252FGP' +
      '%26oauth_consumer_key%253Djira-node-client%2526oauth_nonce%253Da1b2c3d4e5f60718293a4b5c6d7e8f90' +
      '%2526oauth_signature_method%253DRSA-SHA1%2526oauth_timestamp%253D1459272339' +
      '%2526oauth_token%253DEQL3QdfAOgEXAMPLEtokenEXAMPLE0001%2526oauth_version%253D1.0' +
      '&oauth_signature_method=RSA-SHA1'
    const problem = parseOAuthProblem(null, body, FORM)
    expect(problem?.problem).toBe('signature_invalid')
    expect(problem?.params.oauth_signature).toBe('ivO30fqXNHm+Lc7EYf/gTg==')
    expect(problem?.params.oauth_signature_method).toBe('RSA-SHA1')
    const serverBase = problem?.params.oauth_signature_base_string
    expect(serverBase).toBe(
      'GET&https%3A%2F%2Ftravis.atlassian.net%2Frest%2Fapi%2Flatest%2Fproject%2FGP&oauth_consumer_key%3Djira-node-client' +
        '%26oauth_nonce%3Da1b2c3d4e5f60718293a4b5c6d7e8f90%26oauth_signature_method%3DRSA-SHA1%26oauth_timestamp%3D1459272339' +
        '%26oauth_token%3DEQL3QdfAOgEXAMPLEtokenEXAMPLE0001%26oauth_version%3D1.0',
    )
    // ... which is what we compute for the same request, so the two can be diffed.
    const url = 'https://travis.atlassian.net/rest/api/latest/project/GP'
    const params = collectParameters({
      url,
      oauthParams: {
        oauth_consumer_key: 'jira-node-client',
        oauth_nonce: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        oauth_signature_method: 'RSA-SHA1',
        oauth_timestamp: '1459272339',
        oauth_token: 'EQL3QdfAOgEXAMPLEtokenEXAMPLE0001',
        oauth_version: '1.0',
      },
    })
    expect(signatureBaseString('GET', url, params)).toBe(serverBase)
  })

  test('timestamp_refused with oauth_acceptable_timestamps', () => {
    const body = 'oauth_problem=timestamp_refused&oauth_acceptable_timestamps=12345-67890'
    expect(parseOAuthProblem(null, body, 'application/x-www-form-urlencoded')).toEqual({
      problem: 'timestamp_refused',
      params: { oauth_problem: 'timestamp_refused', oauth_acceptable_timestamps: '12345-67890' },
    })
    const header =
      'OAuth realm="https://jira.example.com",oauth_problem="timestamp_refused",oauth_acceptable_timestamps="12345-67890"'
    expect(parseOAuthProblem(header, '', null)?.params.oauth_acceptable_timestamps).toBe('12345-67890')
  })

  test.each([
    [
      'a JSON 401',
      null,
      '{"message":"Client must be authenticated to access this resource.","status-code":401}',
      'application/json;charset=UTF-8',
    ],
    ['a JSON body quoting a problem', null, '{"errorMessages":["oauth_problem=token_rejected"]}', 'application/json'],
    ['a JSON body without Content-Type', null, '{"oauth_problem":"token_rejected"}', null],
    [
      'an HTML 401 page',
      null,
      '<html><head><title>Unauthorized (401)</title></head><body>oauth_problem=token_rejected</body></html>',
      'text/html;charset=UTF-8',
    ],
    ['an HTML page without Content-Type', null, '<p>oauth_problem=token_rejected</p>', undefined],
    [
      'an HTML page without Content-Type quoting a problem URL',
      null,
      '<a href="/login?next=1&oauth_problem=token_rejected">log in</a>',
      null,
    ],
    [
      'a text/plain page quoting a problem URL',
      null,
      'See https://jira.example.com/x?a=1&oauth_problem=token_rejected for details',
      'text/plain',
    ],
    ['a Basic challenge with a JSON body', 'Basic realm="protected-area"', '{"errorMessages":[]}', 'application/json'],
    ['an OAuth challenge without a problem', 'OAuth realm="https://jira.example.com"', '', null],
    ['an empty 401', undefined, '', null],
  ])('%s yields undefined', (_name, header, body, contentType) => {
    expect(parseOAuthProblem(header, body, contentType)).toBeUndefined()
  })
})

describe('parseOAuthChallenge', () => {
  test('values are percent-decoded, realm kept as is, "," or ", " separators, escaped quotes', () => {
    expect(
      parseOAuthChallenge(
        'OAuth realm="Photos \\"R\\"",oauth_token="a%2Bb%2Fc%3D",  oauth_nonce="x%20y" ,oauth_version=1.0',
      ),
    ).toEqual({
      realm: 'Photos "R"',
      oauth_token: 'a+b/c=',
      oauth_nonce: 'x y',
      oauth_version: '1.0',
    })
  })
})
