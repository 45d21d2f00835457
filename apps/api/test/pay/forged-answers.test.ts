import { Writable } from 'node:stream'
import { buildXml, parseXml } from '@wxshop/shared/wechat-message'
import { MOCK_MERCHANT, MOCK_WECHAT_PAY_PLATFORM, signV2, signV3, SIGNTEST_PREFIX, v3ResponseMessage } from '@wxshop/shared/wechat-pay'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { build } from '../helper'
import { sharedMockWechat } from '../mock-wechat'
import { orderRow, placeOrder, shopper } from './pay-fixtures'

// WeChat Pay's answers that must not be believed. The mock WeChat Pay always signs its answers
// right, so a stand-in pay server (WECHAT_PAY_BASE) answers here: 2xx answers with a SIGNTEST
// probe, no signature, or a wrong v2 sign, and then, when asked again, a right one.

type Answer = 'signtest' | 'unsigned' | 'bad-sign' | 'good'

function platformHeaders(body: string, signature?: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = 'n0nce0f32characters0000000000000'
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-serial': MOCK_WECHAT_PAY_PLATFORM.publicKeyId,
    'wechatpay-signature': signature ?? signV3(v3ResponseMessage(timestamp, nonce, body), MOCK_WECHAT_PAY_PLATFORM.privateKey),
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    'request-id': 'stand-in',
  }
}

describe('WeChat Pay answers that are not WeChat Pay\'s', () => {
  let payServer: FastifyInstance
  let answers: Answer[] = []
  let calls = 0

  beforeAll(async () => {
    payServer = Fastify()
    payServer.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))
    payServer.post('/v3/pay/transactions/jsapi', async (_request, reply) => {
      calls += 1
      const answer = answers.shift() ?? 'good'
      const body = JSON.stringify({ prepay_id: 'wx2026113000000000000000000000000001' })
      const headers = answer === 'unsigned' ? {} : platformHeaders(body, answer === 'signtest' ? `${SIGNTEST_PREFIX}${Buffer.from('probe').toString('base64')}` : undefined)
      return reply.code(200).headers(headers).type('application/json').send(body)
    })
    payServer.post('/pay/unifiedorder', async (request, reply) => {
      calls += 1
      const answer = answers.shift() ?? 'good'
      const sent = parseXml(request.body as string)
      const fields: Record<string, string> = { return_code: 'SUCCESS', return_msg: 'OK', appid: sent.appid!, mch_id: sent.mch_id!, nonce_str: 'abc', result_code: 'SUCCESS', trade_type: 'JSAPI', prepay_id: 'wx2026113000000000000000000000000002' }
      fields.sign = answer === 'bad-sign' ? '0'.repeat(32) : signV2(fields, MOCK_MERCHANT.apiV2Key, sent.sign_type as 'MD5')
      return reply.type('text/xml').send(buildXml(fields))
    })
    await payServer.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await payServer?.close()
  })
  beforeEach(() => {
    answers = []
    calls = 0
  })

  const payBase = () => `http://127.0.0.1:${(payServer.server.address() as { port: number }).port}`

  async function tryPay(app: App, queued: Answer[]) {
    const mock = sharedMockWechat()
    await mock.control('POST', '/reset')
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    answers = queued
    calls = 0
    return { order, response: await who.browser.post(`/api/orders/${order.id}/pay`) }
  }

  describe('v3', () => {
    const lines: string[] = []
    let app: App
    beforeAll(async () => {
      const stream = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk))
          done()
        },
      })
      app = await build({ mock: sharedMockWechat(), env: { WECHAT_PAY_BASE: payBase() }, logger: { level: 'debug', stream } })
    })
    afterAll(async () => {
      await app?.close()
    })

    it.each([['a SIGNTEST probe', 'signtest'], ['no signature', 'unsigned']] as const)('should disbelieve a 2xx answer with %s and ask again', async (_, answer) => {
      const { order, response } = await tryPay(app, [answer])
      expect(response.statusCode).toBe(200)
      expect(calls).toBe(2)
      expect((await orderRow(app, order.id)).prepay_id).toBe('wx2026113000000000000000000000000001')
    })

    it('should answer 502 and store no prepay when every answer is forged', async () => {
      const { order, response } = await tryPay(app, ['unsigned', 'signtest', 'unsigned'])
      expect(response.statusCode).toBe(502)
      expect((await orderRow(app, order.id)).prepay_id).toBeNull()
    })

    it('should log neither the keys nor the paySign', async () => {
      const { response } = await tryPay(app, [])
      const { paySign } = response.json()
      const logged = lines.join('')
      expect(logged).toContain('WeChat call')
      for (const secret of [paySign, MOCK_MERCHANT.apiV3Key, MOCK_MERCHANT.apiV2Key, MOCK_MERCHANT.privateKey.split('\n')[1]!])
        expect(logged).not.toContain(secret)
    })
  })

  describe('v2', () => {
    let app: App
    beforeAll(async () => {
      app = await build({ mock: sharedMockWechat(), env: { WECHAT_PAY_BASE: payBase(), WECHAT_PAY_VERSION: 'v2' } })
    })
    afterAll(async () => {
      await app?.close()
    })

    it('should disbelieve an answer whose sign is wrong and ask again', async () => {
      const { order, response } = await tryPay(app, ['bad-sign'])
      expect(response.statusCode).toBe(200)
      expect(calls).toBe(2)
      expect((await orderRow(app, order.id)).prepay_id).toBe('wx2026113000000000000000000000000002')
    })

    it('should answer 502 when no answer is signed right', async () => {
      const { response } = await tryPay(app, ['bad-sign', 'bad-sign', 'bad-sign'])
      expect(response.statusCode).toBe(502)
    })
  })
})
