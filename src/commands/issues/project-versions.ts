import { UserFacingError, describeError } from '../../core/errors.js'
import { versionPageUrl, type JiraVersion } from '../../core/issues/fix-version.js'
import type { JiraClient } from '../../jira/client.js'
import { JiraAuthError } from '../../jira/errors.js'
import { findOrCreateVersion, findVersion, releaseVersion } from './versions-api.js'

/** One line of the `versions` output: the fix version in one project, and what this run did with it. */
export interface VersionReport {
  readonly project: string
  readonly name: string
  readonly id?: string
  readonly released: boolean
  readonly url?: string
  readonly action:
    'found' | 'created' | 'would-create' | 'released' | 'would-release' | 'already-released' | 'not-released' | 'failed'
  readonly error?: string
}

interface Resolved {
  readonly version?: JiraVersion
  readonly action: 'found' | 'created' | 'would-create'
}

/**
 * The fix version of this run in each project its issues belong to: found or created once per
 * project (the first issue of a project asks, the others wait for that answer), then released.
 */
export class ProjectVersions {
  private readonly byProject = new Map<string, Promise<Resolved>>()
  private readonly failures = new Map<string, string>()
  private readonly releases = new Map<string, VersionReport['action']>()

  constructor(
    private readonly client: JiraClient,
    readonly name: string,
    private readonly description: string | undefined,
    private readonly dryRun: boolean,
  ) {}

  /** The version's name in the project (as Jira spells it); throws when it cannot be had. */
  async nameIn(project: string): Promise<string> {
    let resolved = this.byProject.get(project)
    if (!resolved) {
      resolved = this.resolve(project)
      this.byProject.set(project, resolved)
    }
    return (await resolved).version?.name ?? this.name
  }

  private async resolve(project: string): Promise<Resolved> {
    try {
      if (this.dryRun) {
        const version = await findVersion(this.client, project, this.name)
        return version ? { version, action: 'found' } : { action: 'would-create' }
      }
      const { version, created } = await findOrCreateVersion(this.client, project, this.name, this.description)
      if (version.archived)
        throw new UserFacingError(
          `Version "${version.name}" in ${project} is archived, and Jira does not add archived versions to issues.`,
          `Unarchive it in Jira (Project settings → Versions), or choose another ${this.client.label('fix-version')}.`,
        )
      return { version, action: created ? 'created' : 'found' }
    } catch (error) {
      if (!(error instanceof JiraAuthError)) this.failures.set(project, describeError(error))
      throw error
    }
  }

  /**
   * Marks the version released in every project, only when every issue of the step succeeded:
   * a release records that everything shipped, which a failed issue contradicts.
   */
  async release(allSucceeded: boolean, nowMs: number): Promise<string[]> {
    const notices: string[] = []
    if (!allSucceeded) {
      notices.push(
        `Version "${this.name}" was not released: some issues failed (see above). Re-run when they are fixed.`,
      )
      for (const project of this.byProject.keys()) this.releases.set(project, 'not-released')
      return notices
    }
    await Promise.all(
      [...this.byProject].map(async ([project, resolved]) => {
        const version = await resolved.then(
          (r) => r.version,
          () => undefined,
        )
        if (this.failures.has(project)) return
        if (!version) return void this.releases.set(project, 'would-release')
        if (this.dryRun) return void this.releases.set(project, version.released ? 'already-released' : 'would-release')
        try {
          this.releases.set(project, await releaseVersion(this.client, project, version, nowMs))
        } catch (error) {
          if (error instanceof JiraAuthError) throw error
          this.failures.set(project, describeError(error))
        }
      }),
    )
    return notices
  }

  /** What the `versions` output shows, one entry per project. */
  async reports(): Promise<VersionReport[]> {
    const baseUrl = this.client.config.baseUrl
    return Promise.all(
      [...this.byProject].map(async ([project, resolved]): Promise<VersionReport> => {
        const r = await resolved.catch(() => undefined)
        const error = this.failures.get(project)
        const release = this.releases.get(project)
        const version = r?.version
        const released = release === 'released' || (version?.released ?? false)
        return {
          project,
          name: version?.name ?? this.name,
          ...(version ? { id: version.id, url: versionPageUrl(baseUrl, project, version.id) } : {}),
          released,
          action: error ? 'failed' : (release ?? r?.action ?? 'failed'),
          ...(error ? { error } : {}),
        }
      }),
    )
  }
}
