import { bootstrapCommand } from './bootstrap.js'
import type { CliCommand } from './context.js'
import {
  ACCESS_TOKEN_FLAG,
  ACCESS_TOKEN_FLAGS,
  BOOTSTRAP_FLAGS,
  CONNECTION_FLAGS,
  ISSUES_FLAGS,
  KEYGEN_FLAGS,
  REQUEST_FLAGS,
  REQUEST_TOKEN_FLAGS,
} from './flags.js'
import {
  accessTokenCommand,
  issuesCommand,
  requestCommand,
  requestTokenCommand,
  whoamiCommand,
} from './jira-commands.js'
import { keygenCommand } from './keygen.js'

const WITH_TOKEN = [...CONNECTION_FLAGS, ACCESS_TOKEN_FLAG]

/** Every command: its help, its flags, and the shared command it adapts. Order is the help's order. */
export const CLI_COMMANDS: Readonly<Record<string, CliCommand>> = {
  whoami: {
    kind: 'jira',
    summary: 'Print the Jira user behind the credentials (proves they work)',
    description: 'Calls GET /rest/api/2/myself and prints the user as JSON.',
    flags: WITH_TOKEN,
    examples: [
      'jira-oauth whoami --base-url https://jira.example.com --consumer-key ci --private-key-file key.pem --access-token "$JIRA_ACCESS_TOKEN"',
      'JIRA_BASE_URL=https://jira.example.com JIRA_CONSUMER_KEY=ci JIRA_PRIVATE_KEY_FILE=key.pem JIRA_ACCESS_TOKEN=... jira-oauth whoami',
      'JIRA_BASE_URL=https://jira.example.com JIRA_PERSONAL_ACCESS_TOKEN_FILE=/run/secrets/jira-pat jira-oauth whoami',
    ],
    run: whoamiCommand,
  },
  request: {
    kind: 'jira',
    summary: 'Make one REST call and print the response body',
    description:
      'Sends one request (signed, for OAuth) and prints the response body on stdout (JSON pretty-printed). Exits 1 on a non-2xx answer unless --fail-on-http-error=false.',
    flags: [...WITH_TOKEN, ...REQUEST_FLAGS],
    examples: [
      'jira-oauth request --path /rest/api/2/issue/ABC-1 --query fields=summary,status',
      'jira-oauth request --method POST --path /rest/api/2/issue/ABC-1/comment --body \'{"body": "Deployed"}\'',
      'jira-oauth request --path /rest/api/2/search --query "jql=project = ABC" --query maxResults=5',
    ],
    run: requestCommand,
  },
  issues: {
    kind: 'jira',
    summary: 'Transition, comment on and link the Jira issues of a CI run',
    description:
      'Finds issues (--issues, --jql, or keys in the GitHub event: --event / --event-name, default GITHUB_EVENT_PATH / GITHUB_EVENT_NAME), then transitions, comments on and links each one. ' +
      'Run details ({{run-url}}, {{workflow}}, ...) come from the GITHUB_* variables. Prints {issues, results, failed} as JSON.',
    flags: [...WITH_TOKEN, ...ISSUES_FLAGS],
    examples: [
      'jira-oauth issues --issues ABC-1,ABC-2 --transition Done --transition-fields \'{"resolution": {"name": "Fixed"}}\'',
      'jira-oauth issues --jql "fixVersion = 1.4" --comment "Released in 1.4" --dry-run',
    ],
    run: issuesCommand,
  },
  bootstrap: {
    kind: 'jira',
    summary: 'OAuth only: get an access token in one go: approve in the browser, type the code (or let Jira redirect)',
    description:
      "Gets a request token, prints the URL to approve it, reads the verification code from stdin (or, with --callback-port, catches Jira's redirect on 127.0.0.1), " +
      'exchanges it and prints {accessToken, accessTokenSecret, expiresIn, sessionHandle} as JSON on stdout.',
    flags: [...CONNECTION_FLAGS, ...BOOTSTRAP_FLAGS],
    examples: [
      'jira-oauth bootstrap --base-url https://jira.example.com --consumer-key ci --private-key-file jira-oauth-private.pem',
      'jira-oauth bootstrap --callback-port 0 | jq -r .accessToken | gh secret set JIRA_ACCESS_TOKEN',
    ],
    run: bootstrapCommand,
  },
  'request-token': {
    kind: 'jira',
    summary: 'Step 1 of the token dance: a request token and the URL to approve it',
    description:
      'Prints {requestToken, requestTokenSecret, authorizeUrl} as JSON. Open the URL, click Allow, then run access-token within 10 minutes. (bootstrap does all steps at once.)',
    flags: [...CONNECTION_FLAGS, ...REQUEST_TOKEN_FLAGS],
    examples: ['jira-oauth request-token'],
    run: requestTokenCommand,
  },
  'access-token': {
    kind: 'jira',
    summary: 'Step 3: exchange the approved request token and verification code for an access token',
    description: 'Prints {accessToken, accessTokenSecret, expiresIn, sessionHandle} as JSON.',
    flags: [...CONNECTION_FLAGS, ...ACCESS_TOKEN_FLAGS],
    examples: ['jira-oauth access-token --request-token TOKEN --verifier CODE'],
    run: accessTokenCommand,
  },
  keygen: {
    kind: 'local',
    summary: "Generate the consumer's RSA key pair and print the Application Link fields",
    description:
      "Writes a new RSA private key (PKCS#8 PEM, mode 0600) and its public key (SPKI PEM), and prints what to fill in on Jira's Application Link. Talks to no server.",
    flags: KEYGEN_FLAGS,
    examples: ['jira-oauth keygen', 'jira-oauth keygen --bits 4096 --out ci-key.pem --consumer-key github-ci'],
    run: keygenCommand,
  },
}
