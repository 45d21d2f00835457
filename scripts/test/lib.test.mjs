import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { apiWechatMode, waitForAnswer, withEnvFile } from '../lib.mjs'

// What `pnpm start` and `pnpm dev` rely on before they print their ready line.

const servers = []
afterEach(() => servers.splice(0).forEach(server => server.close()))

/** An HTTP server on a port the OS picks, answering with `handler`; resolves to its origin. */
function serve(handler) {
  const server = createServer(handler)
  servers.push(server)
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)))
}

describe('waitForAnswer', () => {
  it('should resolve once the server answers 2xx after failing first', async () => {
    let calls = 0
    const origin = await serve((request, response) => {
      calls += 1
      response.statusCode = calls < 3 ? 503 : 200
      response.end('ok')
    })
    const response = await waitForAnswer(`${origin}/api/health`, { name: 'the API' })
    expect(response.status).toBe(200)
    expect(calls).toBe(3)
  })

  it('should say which process stopped when it exits before answering', async () => {
    const origin = await serve((request, response) => {
      response.statusCode = 503
      response.end()
    })
    const child = spawn(process.execPath, ['-e', 'process.exit(3)'])
    await expect(waitForAnswer(`${origin}/__control/calls`, { name: 'the mock WeChat', child }))
      .rejects.toThrow(`the mock WeChat stopped (exit 3) before it answered ${origin}/__control/calls`)
  })

  it('should give up and say so when the server never answers within the bound', async () => {
    const origin = await serve((request, response) => {
      response.statusCode = 500
      response.end()
    })
    await expect(waitForAnswer(`${origin}/api/health`, { name: 'the API', timeoutMs: 500 }))
      .rejects.toThrow(`the API did not answer ${origin}/api/health within 0.5 s`)
  })
})

describe('apiWechatMode', () => {
  it('should answer the mode the API reports when asked', async () => {
    const origin = await serve((request, response) => {
      response.setHeader('content-type', 'application/json')
      response.end(JSON.stringify(request.url === '/api/config' ? { appId: 'wx', mode: 'live' } : {}))
    })
    expect(await apiWechatMode(origin)).toBe('live')
  })

  it('should refuse when the API reports no known mode', async () => {
    const origin = await serve((request, response) => response.end(JSON.stringify({ mode: 'prod' })))
    await expect(apiWechatMode(origin)).rejects.toThrow('answered mode "prod"')
  })
})

describe('withEnvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wxshop-scripts-test-'))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('should pass .env values to the children and let the real environment win', () => {
    const file = join(dir, '.env')
    writeFileSync(file, 'PORT=4100\nMOCK_WECHAT_PORT=4200\n')
    expect(withEnvFile({ ENV_FILE: file, PORT: '4000' })).toMatchObject({ PORT: '4000', MOCK_WECHAT_PORT: '4200' })
  })
})
