import { describe, expect, it } from 'vitest'
import { useAppWithMockWechat } from '../helper'
import { orderMessageCount, orderRow, placeOrder, postV2Notify, product, shopper, V2_SUCCESS, v2NotifyXml } from './pay-fixtures'

const FAIL = /^<xml><return_code><!\[CDATA\[FAIL\]\]><\/return_code>/

describe('POST /api/pay/notify (v2)', () => {
  const stack = useAppWithMockWechat()

  async function unpaidOrder() {
    const who = await shopper(stack.app, stack.mock)
    const order = await placeOrder(stack.app, who, [[2, 1]])
    return { who, order, paid: { orderNo: order.order_no, totalFen: order.total_fen, openid: who.openid } }
  }

  it.each(['MD5', 'HMAC-SHA256'] as const)('should answer the exact SUCCESS XML and mark the order paid once when a %s-signed notify arrives twice', async (signType) => {
    const { app } = stack
    const { order, paid } = await unpaidOrder()
    const before = await product(app, 2)
    const xml = v2NotifyXml(app, paid, signType)
    const first = await postV2Notify(app, xml)
    const again = await postV2Notify(app, xml)
    expect(first.statusCode).toBe(200)
    expect(first.body).toBe(V2_SUCCESS)
    expect(again.body).toBe(V2_SUCCESS)
    expect((await orderRow(app, order.id)).status).toBe('paid')
    expect((await product(app, 2)).sales).toBe(before.sales + 1)
    expect(await orderMessageCount(app, order.id)).toBe(1)
  })

  it.each([
    ['a wrong sign', (xml: string) => xml.replace(/<sign><!\[CDATA\[[0-9A-F]+\]\]><\/sign>/, '<sign><![CDATA[0123456789ABCDEF0123456789ABCDEF]]></sign>')],
    ['an XXE entity', (xml: string) => `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${xml.replace('<openid>', '<openid>&xxe;')}`],
    ['a billion-laughs DOCTYPE', (xml: string) => `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>${xml}`],
    ['malformed XML', (xml: string) => xml.slice(0, -10)],
    ['more than 64 KB', (xml: string) => xml.replace('</xml>', `<attach><![CDATA[${'x'.repeat(70 * 1024)}]]></attach></xml>`)],
  ])('should answer FAIL XML and store nothing when the notify has %s', async (_, spoil) => {
    const { app } = stack
    const { order, paid } = await unpaidOrder()
    const response = await postV2Notify(app, spoil(v2NotifyXml(app, paid)))
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(response.body).toMatch(FAIL)
    expect((await orderRow(app, order.id)).status).toBe('unpaid')
    expect(await orderMessageCount(app, order.id)).toBe(0)
  })

  it.each([
    ['an amount that is not the order\'s', (total: number) => ({ totalFen: total + 1 })],
    ['another merchant\'s mch_id', () => ({ mchid: '1900000999' })],
    ['another appid', () => ({ appid: 'wx0000000000000bad' })],
  ])('should answer FAIL XML and leave the order unpaid when the signed notify has %s', async (_, change) => {
    const { app } = stack
    const { order, paid } = await unpaidOrder()
    const response = await postV2Notify(app, v2NotifyXml(app, { ...paid, ...change(order.total_fen) }))
    expect(response.body).toMatch(FAIL)
    expect((await orderRow(app, order.id)).status).toBe('unpaid')
  })
})
