// The in-repo Jira Server/Data Center simulator. It never imports the project's src/: its OAuth
// verification (oauth-sign base string + node:crypto RSA-SHA1) is independent of the signer under test.
export { startJiraSimulator } from './server.js'
export { startGitHubApiSimulator, type GitHubApiSimulator, type GitHubRecordedRequest } from './github-api.js'
export { createTestCertificateAuthority, type TestCertificateAuthority } from './tls.js'
export { DEFAULT_TRANSITIONS } from './workflow.js'
// An independent signer (oauth-sign) for tests and scripts that need to talk to the simulator directly.
export {
  signRequest,
  referenceRequest,
  rawRequest,
  parseForm,
  type ReferenceRequest,
  type ReferenceResponse,
} from './reference-client.js'
export type {
  SimulatorOptions,
  JiraSimulator,
  ConsumerInput,
  UserInput,
  IssueInput,
  IssueState,
  CommentState,
  RemoteLinkState,
  PerformedTransition,
  TransitionDef,
  TransitionFieldDef,
  Fault,
  RecordedRequest,
  AccessTokenOptions,
  PersonalAccessTokenOptions,
  ProjectInput,
  VersionInput,
  VersionState,
} from './types.js'
