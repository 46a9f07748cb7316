/**
 * The first non-blank line of a stream (a terminal or a pipe), or undefined at its end. The
 * stream is destroyed afterwards: a paused stdin pipe that the writer keeps open would keep the
 * process alive, and nothing reads it again.
 */
export function readFirstLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let buffered = ''
    const cleanup = () => {
      input.off('data', onData)
      input.off('end', onEnd)
      input.off('error', onError)
      input.pause()
      ;(input as { destroy?: () => void }).destroy?.()
    }
    const finish = (line: string | undefined) => {
      cleanup()
      resolve(line)
    }
    function onData(chunk: string | Buffer) {
      buffered += chunk.toString()
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const line = buffered.slice(0, nl).trim()
        buffered = buffered.slice(nl + 1)
        if (line !== '') {
          finish(line)
          return
        }
      }
    }
    function onEnd() {
      finish(buffered.trim() === '' ? undefined : buffered.trim())
    }
    function onError(error: Error) {
      cleanup()
      reject(error)
    }
    input.on('data', onData)
    input.on('end', onEnd)
    input.on('error', onError)
    input.resume()
  })
}
