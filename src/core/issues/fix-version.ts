/** A Jira version as GET /rest/api/2/project/{key}/versions lists it (the fields this tool reads). */
export interface JiraVersion {
  readonly id: string
  readonly name: string
  readonly released?: boolean
  readonly archived?: boolean
  readonly releaseDate?: string
}

/**
 * The project's version with this name. Jira keeps names unique per project, and whether it
 * compares them ignoring case is not documented: an exact match wins, else the only match that
 * differs in case (so a create refused as a duplicate still finds "V1.0" for "v1.0").
 */
export function matchVersion<V extends JiraVersion>(versions: readonly V[], name: string): V | undefined {
  const wanted = name.trim()
  const exact = versions.find((v) => v.name.trim() === wanted)
  if (exact) return exact
  const folded = versions.filter((v) => v.name.trim().toLowerCase() === wanted.toLowerCase())
  return folded.length === 1 ? folded[0] : undefined
}

/** The version's page in Jira (the project-centric release page of Jira 7 and later). */
export function versionPageUrl(baseUrl: string, project: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/projects/${encodeURIComponent(project)}/versions/${encodeURIComponent(id)}`
}

/** Today as Jira's ISO releaseDate (yyyy-MM-dd, UTC). */
export function releaseDateOf(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10)
}
