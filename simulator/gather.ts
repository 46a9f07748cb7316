// Holds requests until enough of them arrived: makes "two runs at the same time" a fact, not a hope.
export interface Gathering {
  method: string
  path: RegExp
  count: number
  timeoutMs?: number
}

interface Group {
  waiting: (() => void)[]
  released: boolean
}

export class RequestGatherer {
  private readonly gatherings: { g: Gathering; groups: Map<string, Group> }[] = []

  add(g: Gathering): void {
    this.gatherings.push({ g, groups: new Map() })
  }

  /** Resolves when the request may proceed: at once, unless a gathering matches it. */
  arrive(method: string, subPath: string): Promise<void> {
    for (const { g, groups } of this.gatherings) {
      g.path.lastIndex = 0
      if (g.method.toUpperCase() !== method.toUpperCase() || !g.path.test(subPath)) continue
      let group = groups.get(subPath)
      if (!group) {
        group = { waiting: [], released: false }
        groups.set(subPath, group)
      }
      if (group.released) return Promise.resolve()
      const current = group
      return new Promise((resolve) => {
        current.waiting.push(resolve)
        const release = () => {
          current.released = true
          for (const go of current.waiting.splice(0)) go()
        }
        if (current.waiting.length >= g.count) release()
        else setTimeout(release, g.timeoutMs ?? 5000).unref()
      })
    }
    return Promise.resolve()
  }
}
