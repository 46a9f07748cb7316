import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { UserFacingError } from '../core/errors.js'

export interface CallbackServer {
  /** The oauth_callback to register: http://127.0.0.1:PORT/ */
  readonly url: string
  /** Resolves with the verifier of Jira's redirect for `requestToken`; rejects on deny or timeout. */
  waitForVerifier(requestToken: string, timeoutMs: number): Promise<string>
  close(): Promise<void>
}

const page = (title: string, text: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;margin:3em"><h1>${title}</h1><p>${text}</p></body></html>`

function answer(res: ServerResponse, status: number, html: string, then?: () => void): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'close',
  })
  res.end(html, then)
}

/**
 * A one-shot HTTP server for Jira's redirect after Allow (`GET /?oauth_token=…&oauth_verifier=…`).
 * It listens on 127.0.0.1 only: the verifier must not be reachable from the network.
 */
export async function startCallbackServer(port: number): Promise<CallbackServer> {
  let expected: { token: string; resolve: (verifier: string) => void; reject: (error: Error) => void } | undefined
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const target = new URL(req.url ?? '/', 'http://127.0.0.1')
    const token = target.searchParams.get('oauth_token')
    const verifier = target.searchParams.get('oauth_verifier')
    if (req.method !== 'GET' || target.pathname !== '/' || !token) {
      answer(res, 404, page('Not found', "This server only waits for Jira's redirect."))
      return
    }
    // Another request token (an old tab, a second run): not ours, keep waiting.
    if (token !== expected?.token) {
      answer(
        res,
        400,
        page(
          'Unexpected request token',
          'This is not the request token jira-oauth is waiting for. Use the authorize URL it printed last.',
        ),
      )
      return
    }
    const waiter = expected
    if (!verifier || verifier === 'denied') {
      answer(res, 200, page('Access denied', 'jira-oauth got no access token. You can close this window.'), () => {
        waiter.reject(
          new UserFacingError(
            'Jira reports that access was denied (Deny was clicked).',
            'Run jira-oauth bootstrap again and click Allow.',
          ),
        )
      })
      return
    }
    answer(
      res,
      200,
      page('Access approved', 'jira-oauth has the verification code. You can close this window.'),
      () => {
        waiter.resolve(verifier)
      },
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new UserFacingError(
          `Cannot listen on 127.0.0.1:${port} for Jira's redirect (${error.code ?? error.message}).`,
          'Choose another --callback-port, or 0 for any free port.',
        ),
      )
    })
    server.listen(port, '127.0.0.1', () => {
      resolve()
    })
  })
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        resolve()
      })
      server.closeAllConnections()
    })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  return {
    url,
    close,
    waitForVerifier(requestToken, timeoutMs) {
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(
            new UserFacingError(
              `Jira did not redirect to ${url} within ${Math.round(timeoutMs / 1000)} seconds.`,
              'Open the authorize URL, log in and click Allow within 10 minutes (the request token expires then), then run jira-oauth bootstrap again.',
            ),
          )
        }, timeoutMs)
        const done =
          <T>(settle: (value: T) => void) =>
          (value: T) => {
            clearTimeout(timer)
            settle(value)
          }
        expected = { token: requestToken, resolve: done(resolve), reject: done(reject) }
      })
    },
  }
}
