import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_ANSWER_BYTES } from '../../src/wechat/http-exchange'
import { createWechatTransport, type WechatLog } from '../../src/wechat/transport'
import { WechatApiError, WechatPayV2Error, WechatPayV3Error, WechatUnavailableError } from '../../src/wechat/wechat-error'

const SECRET = '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d'
const PAY_KEY = 'payKey0123456789payKey0123456789'

type Handler = (request: IncomingMessage, body: Buffer, response: ServerResponse) => void

describe('WeChat transport against a real HTTP server', () => {
  let server: Server
  let base: string
  let handler: Handler
  let received: { method: string, url: string, headers: IncomingMessage['headers'], body: Buffer }[]
  const log = { debug: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies WechatLog
  const transport = () => createWechatTransport({ bases: { open: base, api: base, pay: `${base}/pay-prefix` }, timeoutMs: 200, log })

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', chunk => chunks.push(chunk))
      request.on('end', () => {
        const body = Buffer.concat(chunks)
        received.push({ method: request.method!, url: request.url!, headers: request.headers, body })
        handler(request, body, response)
      })
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })
  beforeEach(() => {
    received = []
    log.debug.mockReset()
    log.warn.mockReset()
    log.error.mockReset()
  })

  const answer = (status: number, body: string, type = 'text/plain'): Handler => (_, __, response) => response.writeHead(status, { 'content-type': type }).end(body)
  const secretQuery = { appid: 'wxa1b2c3d4e5f60718', secret: SECRET }
  /** Everything the transport logged, as one string. */
  const logged = () => JSON.stringify([log.debug.mock.calls, log.warn.mock.calls, log.error.mock.calls])

  async function failure(call: Promise<unknown>): Promise<Error> {
    const error = await call.then(() => null, (err: unknown) => err)
    expect(error).toBeInstanceOf(Error)
    return error as Error
  }

  describe('errcode JSON (api.weixin.qq.com)', () => {
    it('should answer the JSON object when errcode is absent or 0, whatever the content type', async () => {
      handler = answer(200, '{"errcode":0,"ticket":"t1"}')
      expect(await transport().json({ base: 'api', path: '/cgi-bin/ticket/getticket', query: secretQuery })).toEqual({ errcode: 0, ticket: 't1' })
      expect(received[0]).toMatchObject({ method: 'GET', url: `/cgi-bin/ticket/getticket?appid=wxa1b2c3d4e5f60718&secret=${SECRET}` })
    })

    it('should POST a JSON body when given one', async () => {
      handler = answer(200, '{"errcode":0,"errmsg":"ok","msgid":7}', 'application/json')
      await transport().json({ base: 'api', path: '/cgi-bin/message/template/send', query: { access_token: 'AT' }, body: { json: { touser: 'o1', data: { k: '中文' } } } })
      expect(received[0]!.method).toBe('POST')
      expect(received[0]!.headers['content-type']).toBe('application/json')
      expect(JSON.parse(received[0]!.body.toString())).toEqual({ touser: 'o1', data: { k: '中文' } })
    })

    it('should throw WechatApiError with errcode and errmsg when WeChat refuses', async () => {
      handler = answer(200, '{"errcode":40013,"errmsg":"invalid appid"}')
      const error = await failure(transport().json({ base: 'api', path: '/cgi-bin/token', query: secretQuery }))
      expect(error).toBeInstanceOf(WechatApiError)
      expect(error).toMatchObject({ errcode: 40013, errmsg: 'invalid appid', path: '/cgi-bin/token' })
    })

    it('should log what to do when WeChat answers 40164 (IP not whitelisted)', async () => {
      handler = answer(200, '{"errcode":40164,"errmsg":"invalid ip 203.0.113.9, not in whitelist"}')
      await failure(transport().json({ base: 'api', path: '/cgi-bin/token', query: secretQuery }))
      expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ errcode: 40164 }), expect.stringContaining('IP白名单'))
    })

    it('should use the request\'s logger when the caller passes one', async () => {
      handler = answer(200, '{"errcode":40164,"errmsg":"x"}')
      const requestLog = { debug: vi.fn(), warn: vi.fn(), error: vi.fn() }
      await failure(transport().json({ base: 'api', path: '/cgi-bin/token', log: requestLog }))
      expect(requestLog.error).toHaveBeenCalledOnce()
      expect(log.error).not.toHaveBeenCalled()
    })

    it.each([
      ['-1 (system busy)', answer(200, '{"errcode":-1,"errmsg":"system error"}'), /system busy/],
      ['an HTML error page', answer(200, '<html>502 Bad Gateway</html>'), /not a JSON object/],
      ['HTTP 503', answer(503, '{}'), /HTTP 503/],
      ['slower than the timeout', () => {}, /no answer within 200 ms/],
      ['a body that stalls half-way', (_: IncomingMessage, __: Buffer, response: ServerResponse) => response.writeHead(200).write('{"errcode":'), /no answer within 200 ms/],
    ] satisfies [string, Handler, RegExp][])('should throw WechatUnavailableError when WeChat answers %s', async (_, broken, reason) => {
      handler = broken
      const error = await failure(transport().json({ base: 'api', path: '/sns/oauth2/access_token', query: secretQuery }))
      expect(error).toBeInstanceOf(WechatUnavailableError)
      expect(error.message).toMatch(reason)
      expect(error.message).not.toContain(SECRET)
      expect(logged()).not.toContain(SECRET)
    })

    it('should throw WechatUnavailableError naming the network error when nothing listens', async () => {
      const closed = createServer()
      await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
      const nowhere = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`
      await new Promise(resolve => closed.close(resolve))
      const offline = createWechatTransport({ bases: { open: nowhere, api: nowhere, pay: nowhere }, log })
      const error = await failure(offline.json({ base: 'api', path: '/cgi-bin/token', query: secretQuery }))
      expect(error).toBeInstanceOf(WechatUnavailableError)
      expect(error.message).toBe('WeChat /cgi-bin/token unavailable: ECONNREFUSED')
      expect(error.cause).toBeUndefined()
      expect(logged()).not.toContain(SECRET)
    })

    it('should never put the query, a body or a header in an error or a log line when calls succeed or fail', async () => {
      handler = answer(200, '{"errcode":40001,"errmsg":"invalid credential"}')
      const error = await failure(transport().json({
        base: 'api',
        path: '/cgi-bin/token',
        query: secretQuery,
        body: { json: { key: PAY_KEY } },
        headers: { authorization: `WECHATPAY2-SHA256-RSA2048 signature="${PAY_KEY}"` },
      }))
      handler = answer(200, '{"errcode":0}')
      await transport().json({ base: 'api', path: '/cgi-bin/token', query: secretQuery })
      expect(log.debug).toHaveBeenCalledWith({ wechat: expect.objectContaining({ base: 'api', method: 'GET', path: '/cgi-bin/token', status: 200 }) }, 'WeChat call')
      for (const text of [error.message, JSON.stringify(error), logged()]) {
        expect(text).not.toContain(SECRET)
        expect(text).not.toContain(PAY_KEY)
      }
    })
  })

  describe('connections', () => {
    it('should carry calls one after another over one kept-alive connection', async () => {
      handler = answer(200, '{"errcode":0}', 'application/json')
      const ports = new Set<number>()
      const shared = transport()
      for (let call = 0; call < 3; call++) {
        const seen = new Promise<void>((resolve) => {
          server.once('request', (request: IncomingMessage) => {
            ports.add(request.socket.remotePort!)
            resolve()
          })
        })
        await shared.json({ base: 'api', path: '/cgi-bin/user/info', query: { access_token: 'AT' } })
        await seen
      }
      shared.close()
      expect(ports.size).toBe(1)
    })

    it('should refuse an answer larger than any WeChat answer instead of buffering it', async () => {
      const huge = Buffer.alloc(MAX_ANSWER_BYTES + 1, 'a')
      handler = (_, __, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(huge)
      const error = await failure(createWechatTransport({ bases: { open: base, api: base, pay: base }, timeoutMs: 5000, log }).json({ base: 'api', path: '/cgi-bin/menu/get' }))
      expect(error).toBeInstanceOf(WechatUnavailableError)
      expect(error.message).toMatch(/answer larger than/)
    })
  })

  describe('Pay APIv2 (XML)', () => {
    const ok = '<xml><return_code><![CDATA[SUCCESS]]></return_code><result_code><![CDATA[SUCCESS]]></result_code><prepay_id><![CDATA[wx201410272009395522657a690389285100]]></prepay_id><total_fee>0001</total_fee></xml>'

    it('should POST the fields as CDATA XML under the pay base and answer the fields as text', async () => {
      handler = answer(200, ok, 'text/xml')
      const fields = await transport().payV2({ path: '/pay/unifiedorder', body: { xml: { appid: 'wx1', body: 'a]]>b', total_fee: 1 } } })
      expect(fields).toMatchObject({ return_code: 'SUCCESS', prepay_id: 'wx201410272009395522657a690389285100', total_fee: '0001' })
      expect(received[0]).toMatchObject({ method: 'POST', url: '/pay-prefix/pay/unifiedorder' })
      expect(received[0]!.body.toString()).toBe('<xml><appid><![CDATA[wx1]]></appid><body><![CDATA[a]]]]><![CDATA[>b]]></body><total_fee>1</total_fee></xml>')
    })

    it('should throw WechatPayV2Error without err_code when return_code is FAIL', async () => {
      handler = answer(200, '<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[签名错误]]></return_msg></xml>')
      const error = await failure(transport().payV2({ path: '/pay/unifiedorder', body: { xml: { sign: PAY_KEY } } }))
      expect(error).toBeInstanceOf(WechatPayV2Error)
      expect(error).toMatchObject({ errCode: null, detail: '签名错误', path: '/pay/unifiedorder' })
      expect(error.message + logged()).not.toContain(PAY_KEY)
    })

    it('should throw WechatPayV2Error with err_code when result_code is FAIL', async () => {
      handler = answer(200, '<xml><return_code>SUCCESS</return_code><result_code>FAIL</result_code><err_code>ORDERPAID</err_code><err_code_des>该订单已支付</err_code_des></xml>')
      const error = await failure(transport().payV2({ path: '/pay/unifiedorder', body: { xml: {} } }))
      expect(error).toMatchObject({ name: 'WechatPayV2Error', errCode: 'ORDERPAID', detail: '该订单已支付' })
    })

    it.each([
      ['a DOCTYPE (XXE)', '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><return_code>&x;</return_code></xml>', /DOCTYPE/],
      ['entity expansion', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><xml><a>&lol2;</a></xml>', /DOCTYPE/],
      ['not XML', '{"return_code":"SUCCESS"}', /XML refused/],
    ])('should refuse an answer with %s as WechatUnavailableError', async (_, body, reason) => {
      handler = answer(200, body)
      const error = await failure(transport().payV2({ path: '/pay/orderquery', body: { xml: {} } }))
      expect(error).toBeInstanceOf(WechatUnavailableError)
      expect(error.message).toMatch(reason)
    })
  })

  describe('Pay APIv3 (JSON, signed bytes)', () => {
    it('should send the exact raw bytes and answer the raw bytes and headers for signature checks', async () => {
      const signed = '{"mchid":"1900000001", "amount":{"total":1}}'
      handler = (_, __, response) => response.writeHead(200, { 'content-type': 'application/json', 'wechatpay-serial': 'PUB_KEY_ID_1' }).end('{"prepay_id":"wx1"}  ')
      const response = await transport().payV3({ method: 'POST', path: '/v3/pay/transactions/jsapi', body: { raw: signed, contentType: 'application/json' }, headers: { authorization: 'WECHATPAY2-SHA256-RSA2048 x' } })
      expect(received[0]!.body.toString()).toBe(signed)
      expect(received[0]!.headers.authorization).toBe('WECHATPAY2-SHA256-RSA2048 x')
      expect(response.body).toEqual({ prepay_id: 'wx1' })
      expect(response.raw.toString()).toBe('{"prepay_id":"wx1"}  ')
      expect(response.headers.get('wechatpay-serial')).toBe('PUB_KEY_ID_1')
    })

    it('should answer an empty 204 without a body', async () => {
      handler = (_, __, response) => response.writeHead(204).end()
      expect((await transport().payV3({ method: 'POST', path: '/v3/pay/transactions/out-trade-no/1/close', body: { json: {} } })).status).toBe(204)
    })

    it('should throw WechatPayV3Error with the status, code and message when Pay refuses', async () => {
      handler = answer(400, '{"code":"PARAM_ERROR","message":"缺少参数 mchid"}', 'application/json')
      const error = await failure(transport().payV3({ path: '/v3/pay/transactions/id/1' }))
      expect(error).toBeInstanceOf(WechatPayV3Error)
      expect(error).toMatchObject({ status: 400, code: 'PARAM_ERROR', detail: '缺少参数 mchid' })
    })

    it.each([
      ['HTTP 502 without a code', answer(502, '<html>bad gateway</html>')],
      ['a 200 that is not JSON', answer(200, 'oops')],
    ] satisfies [string, Handler][])('should throw WechatUnavailableError for %s', async (_, broken) => {
      handler = broken
      await expect(transport().payV3({ path: '/v3/certificates' })).rejects.toBeInstanceOf(WechatUnavailableError)
    })
  })
})
