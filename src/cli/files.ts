import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

/** The file system as the CLI uses it; tests can pass their own. */
export interface CliFiles {
  readText(path: string): string
  exists(path: string): boolean
  /** Creates the file with `mode`; fails (EEXIST) rather than overwrite an existing one. */
  writeNew(path: string, text: string, mode: number): void
  /** Removes a file this run wrote (undoing half of a key pair). */
  remove(path: string): void
}

export const nodeFiles: CliFiles = {
  readText: (path) => readFileSync(path, 'utf8'),
  exists: (path) => existsSync(path),
  // 'wx': O_CREAT | O_EXCL, so a file appearing after exists() is still not overwritten.
  writeNew: (path, text, mode) => {
    writeFileSync(path, text, { mode, flag: 'wx' })
  },
  remove: (path) => {
    rmSync(path, { force: true })
  },
}
