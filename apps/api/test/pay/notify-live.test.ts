import { createServer } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { build, removeDir, tempDir } from '../helper'
import { sharedMockWechat, type MockWechatServer } from '../mock-wechat'
import { orderMessageCount, orderRow, payOnPhone, phoneOf, placeOrder, product, shopper } from './pay-fixtures'

// The mock's own notifies, over HTTP: the app listens on a port and PUBLIC_URL names it, so the
// notify_url of its unified order reaches it as WeChat Pay's would.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    }).on('error', reject)
  })
}

interface NotifyAttempt { kind: string, status: number | null, acknowledged: boolean }

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check())
      return
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error(`gave up waiting for ${what}`)
}

describe('pay notifies from the mock WeChat Pay, over HTTP', () => {
  let mock: MockWechatServer
  let port: number
  let dir: string
  let app: App

  async function start(): Promise<App> {
    const started = await build({ mock, dir, env: { PUBLIC_URL: `http://localhost:${port}` } })
    await started.listen({ port, host: 'localhost' })
    return started
  }

  beforeAll(async () => {
    mock = sharedMockWechat()
    port = await freePort()
    dir = tempDir()
    app = await start()
  })
  beforeEach(async () => {
    await mock.control('POST', '/reset')
  })
  afterAll(async () => {
    await app?.close()
    removeDir(dir)
  })

  async function paidAtWechat() {
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who, [[1, 2]])
    const params = (await who.browser.post(`/api/orders/${order.id}/pay`)).json()
    const phone = await phoneOf(mock, who)
    return { who, order, confirm: () => payOnPhone(mock, phone, params) }
  }

  it('should mark the order paid when WeChat Pay\'s notify arrives after the shopper pays', async () => {
    const { order, confirm } = await paidAtWechat()
    expect((await confirm()).errMsg).toBe('get_brand_wcpay_request:ok')
    await until(async () => (await orderRow(app, order.id)).status === 'paid', 'the notify')
    await until(async () => {
      const { orders } = await mock.control<{ orders: Array<{ out_trade_no: string, notifyAcknowledged: boolean }> }>('GET', '/pay/orders')
      return orders.find(o => o.out_trade_no === order.order_no)?.notifyAcknowledged === true
    }, 'WeChat Pay to record the acknowledgement')
  })

  it('should refuse WeChat Pay\'s SIGNTEST probe with a 4xx', async () => {
    const { order, confirm } = await paidAtWechat()
    await confirm()
    const { answers } = await mock.control<{ answers: NotifyAttempt[] }>('POST', '/pay/notify', { orderNo: order.order_no, kind: 'probe' })
    expect(answers[0]).toMatchObject({ kind: 'probe', status: 401, acknowledged: false })
  })

  it('should make one transition and queue one message when WeChat Pay sends 50 duplicates at once', async () => {
    const { order, confirm } = await paidAtWechat()
    const before = await product(app, 1)
    await confirm()
    // the mock sends at most 20 at once per call: three calls side by side
    const batches = await Promise.all([20, 20, 10].map(times => mock.control<{ answers: NotifyAttempt[] }>('POST', '/pay/notify', { orderNo: order.order_no, kind: 'success', times })))
    const answers = batches.flatMap(batch => batch.answers)
    expect(answers).toHaveLength(50)
    expect(answers.every(answer => answer.acknowledged)).toBe(true)
    await until(async () => (await orderRow(app, order.id)).status === 'paid', 'the notify')
    expect((await product(app, 1)).sales).toBe(before.sales + 2)
    expect(await orderMessageCount(app, order.id)).toBe(1)
  })

  it('should settle the order once when the app restarts between pay and notify', async () => {
    const { order, confirm } = await paidAtWechat()
    const before = await product(app, 1)
    await app.close()
    // paid while the shop is down: WeChat Pay's first notify finds no one
    expect((await confirm()).errMsg).toBe('get_brand_wcpay_request:ok')
    app = await start()
    const { answers } = await mock.control<{ answers: NotifyAttempt[] }>('POST', '/pay/notify', { orderNo: order.order_no, kind: 'success', times: 2 })
    expect(answers.every(answer => answer.acknowledged)).toBe(true)
    expect(await orderRow(app, order.id)).toMatchObject({ status: 'paid' })
    expect((await product(app, 1)).sales).toBe(before.sales + 2)
    expect(await orderMessageCount(app, order.id)).toBe(1)
  })
})

describe('v2 (HMAC-SHA256) pay notifies from the mock WeChat Pay, over HTTP', () => {
  let mock: MockWechatServer
  let app: App

  beforeAll(async () => {
    mock = sharedMockWechat()
    const port = await freePort()
    app = await build({ mock, env: { PUBLIC_URL: `http://localhost:${port}`, WECHAT_PAY_VERSION: 'v2', WECHAT_PAY_SIGN_TYPE: 'HMAC-SHA256' } })
    await app.listen({ port, host: 'localhost' })
  })
  beforeEach(async () => {
    await mock.control('POST', '/reset')
  })
  afterAll(async () => {
    await app?.close()
  })

  it('should mark the order paid when the v2 notify arrives, and refuse a wrongly signed one', async () => {
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    const params = (await who.browser.post(`/api/orders/${order.id}/pay`)).json()
    expect((await payOnPhone(mock, await phoneOf(mock, who), params)).errMsg).toBe('get_brand_wcpay_request:ok')
    await until(async () => (await orderRow(app, order.id)).status === 'paid', 'the notify')

    const { answers } = await mock.control<{ answers: Array<NotifyAttempt & { body: string }> }>('POST', '/pay/notify', { orderNo: order.order_no, kind: 'probe' })
    expect(answers[0]).toMatchObject({ acknowledged: false })
    expect(answers[0]!.body).toContain('FAIL')
  })
})
