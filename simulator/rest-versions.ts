// Jira DC versions: GET /project/{key}/versions, POST /version, GET and PUT /version/{id}, with
// Jira's error bodies (duplicate name 400, create without rights 404, modify without rights 400).
import { isRecord, jiraError, json, type SimResponse } from './http-util.js'
import type { RestContext } from './rest-endpoints.js'
import { restBase } from './rest-render.js'
import type { SimulatorState } from './state.js'

export interface VersionState {
  id: string
  project: string
  name: string
  description?: string
  released: boolean
  archived: boolean
  releaseDate?: string
}

const DUPLICATE = 'A version with this name already exists in this project.'
const NOT_ADMIN = 'You must have global or project administrator rights in order to modify versions.'
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Simulator-only settings of a project: who administers it (creates, edits, releases versions). */
export interface ProjectSettings {
  /** User names with Administer Projects; undefined = every user. */
  administrators?: string[]
  fieldsNotOnEditScreen?: string[]
}

export function versionJson(state: SimulatorState, v: VersionState): Record<string, unknown> {
  const out: Record<string, unknown> = {
    self: `${restBase(state)}/version/${v.id}`,
    id: v.id,
    name: v.name,
    archived: v.archived,
    released: v.released,
    projectId: state.projectId(v.project),
  }
  if (v.description !== undefined) out.description = v.description
  if (v.releaseDate) {
    const [y = '', m = '', d = ''] = v.releaseDate.split('-')
    out.releaseDate = v.releaseDate
    out.userReleaseDate = `${d}/${MONTHS[Number(m) - 1]}/${y.slice(2)}`
  }
  return out
}

const projectVersions = (state: SimulatorState, project: string) =>
  [...state.versions.values()].filter((v) => v.project === project)

/** Whether the name is taken in the project; the comparison ignores case (Jira's is not documented). */
function nameTaken(state: SimulatorState, project: string, name: string, exceptId?: string): boolean {
  return projectVersions(state, project).some((v) => v.id !== exceptId && v.name.toLowerCase() === name.toLowerCase())
}

function nameError(name: unknown): SimResponse | undefined {
  if (typeof name !== 'string' || name.trim() === '')
    return jiraError(400, [], { name: 'You must specify a valid version name' })
  if (name.length > 255) return jiraError(400, [], { name: 'The version name must not exceed 255 characters.' })
  return undefined
}

export function listProjectVersions(c: RestContext): SimResponse {
  const project = (c.params[0] ?? '').toUpperCase()
  if (!c.state.projectExists(project)) return jiraError(404, [`No project could be found with key '${c.params[0]}'.`])
  return json(
    200,
    projectVersions(c.state, project).map((v) => versionJson(c.state, v)),
  )
}

export function createVersion(c: RestContext): SimResponse {
  const b = isRecord(c.body) ? c.body : {}
  const project = typeof b.project === 'string' ? b.project.toUpperCase() : c.state.projectKeyOf(b.projectId)
  if (!project || !c.state.projectExists(project) || !c.state.administers(c.user.name, project))
    return jiraError(404, [
      `Project with key '${String(b.project ?? b.projectId)}' either does not exist or you do not have permission to create versions in it.`,
    ])
  const refused = nameError(b.name)
  if (refused) return refused
  const name = b.name as string
  // Another client may win the race for this name just before this request is handled.
  c.state.takeVersionRace(project, name)
  if (nameTaken(c.state, project, name)) return jiraError(400, [], { name: DUPLICATE })
  const v = c.state.addVersion({
    project,
    name,
    description: typeof b.description === 'string' ? b.description : undefined,
    released: b.released === true,
    archived: b.archived === true,
    releaseDate: typeof b.releaseDate === 'string' ? b.releaseDate : undefined,
  })
  return json(201, versionJson(c.state, v))
}

export function getVersion(c: RestContext): SimResponse {
  const v = c.state.versions.get(c.params[0] ?? '')
  return v ? json(200, versionJson(c.state, v)) : jiraError(404, [`Could not find version for id '${c.params[0]}'`])
}

export function updateVersion(c: RestContext): SimResponse {
  const v = c.state.versions.get(c.params[0] ?? '')
  if (!v) return jiraError(404, [`Could not find version for id '${c.params[0]}'`])
  if (!c.state.administers(c.user.name, v.project)) return jiraError(400, [NOT_ADMIN, NOT_ADMIN])
  const b = isRecord(c.body) ? c.body : {}
  if (b.releaseDate !== undefined && b.userReleaseDate !== undefined)
    return jiraError(400, ["Only one of 'releaseDate' and 'userReleaseDate' can be specified when editing a version."])
  if (b.name !== undefined) {
    const refused = nameError(b.name)
    if (refused) return refused
    if (nameTaken(c.state, v.project, b.name as string, v.id)) return jiraError(400, [], { name: DUPLICATE })
    v.name = b.name as string
  }
  if (typeof b.description === 'string') v.description = b.description
  if (typeof b.released === 'boolean') v.released = b.released
  if (typeof b.archived === 'boolean') v.archived = b.archived
  if (typeof b.releaseDate === 'string') v.releaseDate = b.releaseDate
  return json(200, versionJson(c.state, v))
}
