// The real transport against local sockets: which failures mean "nothing reached the server".
import { describe, expect, test } from '@jest/globals'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { nodeFetchTransport, TransportError } from '../../../src/jira/transport.js'

async function failureOf(url: string): Promise<TransportError> {
  try {
    await nodeFetchTransport({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      body: '{"body":"x"}',
      timeoutMs: 2000,
    })
  } catch (error) {
    return error as TransportError
  }
  throw new Error('expected a failure')
}

describe('nodeFetchTransport failure phases', () => {
  test('a refused connection: connect phase (nothing was sent)', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    await new Promise((resolve) => server.close(resolve))
    const error = await failureOf(`http://127.0.0.1:${port}/x`)
    expect(error).toBeInstanceOf(TransportError)
    expect(error).toMatchObject({ code: 'ECONNREFUSED', phase: 'connect' })
  })

  test('a reset after the server read the request: response phase (it may have acted)', async () => {
    let bodiesRead = 0
    const server = createServer((req) => {
      req.resume()
      req.on('end', () => {
        bodiesRead++
        req.socket.destroy()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const error = await failureOf(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`)
      expect(error).toMatchObject({ code: 'ECONNRESET', phase: 'response' })
      expect(bodiesRead).toBe(1)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
