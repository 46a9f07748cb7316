import type { CiSystem } from './run-context.js'

/** How a remote link names the CI system its run belongs to (Jira shows the name and the icon). */
export interface CiApplication {
  /** Jira's application.type: a reverse-DNS name of the application. */
  readonly type: string
  readonly name: string
  /** What the link is to the issue: a workflow run, a pipeline, a build. */
  readonly relationship: string
  /** A 16x16 icon Jira shows beside the link; absent where there is none worth naming. */
  readonly iconUrl?: string
}

const APPLICATIONS: Readonly<Record<CiSystem, CiApplication>> = {
  'github-actions': {
    type: 'com.github.actions',
    name: 'GitHub Actions',
    relationship: 'workflow run',
    iconUrl: 'https://github.githubassets.com/favicons/favicon.png',
  },
  'gitlab-ci': {
    type: 'com.gitlab.ci',
    name: 'GitLab CI',
    relationship: 'pipeline',
    iconUrl: 'https://gitlab.com/favicon.ico',
  },
  jenkins: {
    type: 'io.jenkins',
    name: 'Jenkins',
    relationship: 'build',
    iconUrl: 'https://www.jenkins.io/favicon.ico',
  },
  other: { type: 'jira-oauth-action.ci', name: 'CI', relationship: 'CI run' },
}

/** The application a run's remote link is branded with: its own CI system, never GitHub's by default. */
export function ciApplication(ci: CiSystem | undefined): CiApplication {
  return APPLICATIONS[ci ?? 'other']
}
