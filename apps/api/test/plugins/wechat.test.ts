import { Writable } from 'node:stream'
import { describe, expect, it, vi } from 'vitest'
import { newOpenid, wechatLogin } from '../auth-flow'
import { useAppWithMockWechat } from '../helper'

describe('the wechat plugin', () => {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)))
      done()
    },
  })
  const stack = useAppWithMockWechat({ logger: { level: 'debug', stream } })

  it('should send the OAuth client\'s calls through the shared fastify.wechat transport, logged with the request\'s id', async () => {
    const json = vi.spyOn(stack.app.wechat, 'json')
    try {
      lines.length = 0
      const { response, callback } = await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })
      expect(response.statusCode).toBe(200)
      expect(json).toHaveBeenCalledWith(expect.objectContaining({ base: 'api', path: '/sns/oauth2/access_token' }))
      const call = lines.find(line => line.msg === 'WeChat call')
      expect(call).toMatchObject({ reqId: expect.any(String), wechat: { base: 'api', path: '/sns/oauth2/access_token', status: 200 } })
      // the code exchange's own request, not some other
      const exchange = lines.find(line => line.msg === 'request completed' && line.url === '/api/auth/wechat/code')
      expect(call!.reqId).toBe(exchange!.reqId)
      // logged without the one-time code it exchanged (at debug too, where every line is kept)
      expect(JSON.stringify(lines)).not.toContain(callback.code)
    } finally {
      json.mockRestore()
    }
  })
})
