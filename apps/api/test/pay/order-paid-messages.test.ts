import { formatFen } from '@wxshop/shared'
import { describe, expect, it } from 'vitest'
import { MOCK_ORDER_PAID_TEMPLATE_ID } from '../../src/config'
import { useAppWithMockWechat } from '../helper'
import { placeOrder, postV3Notify, shopper, templatesTo, v3Notify, v3Transaction } from './pay-fixtures'

describe('the order paid template message', () => {
  const stack = useAppWithMockWechat()

  async function paidOrder() {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who, [[1, 1]])
    const paid = v3Transaction(app, { orderNo: order.order_no, totalFen: order.total_fen, openid: who.openid })
    return { who, order, notify: () => postV3Notify(app, v3Notify(paid)) }
  }

  const messageRow = (orderId: number) => stack.app.db.selectFrom('order_messages').selectAll().where('order_id', '=', orderId).executeTakeFirstOrThrow()

  it('should send one message with the order\'s number, amount, first item and link when the order is paid, however many notifies come', async () => {
    const { app, mock } = stack
    const { who, order, notify } = await paidOrder()
    await Promise.all(Array.from({ length: 10 }, notify))
    await app.pay!.messagesIdle()
    await app.paySweep.run()

    const sent = await templatesTo(mock, who.openid)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.body).toMatchObject({
      template_id: MOCK_ORDER_PAID_TEMPLATE_ID,
      url: `${app.config.publicUrl}/orders/${order.id}`,
      data: { character_string1: { value: order.order_no }, amount2: { value: formatFen(order.total_fen) }, thing3: { value: expect.any(String) }, time4: { value: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) } },
    })
    expect(await messageRow(order.id)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('should keep the order paid and retry the message later when WeChat refuses it', async () => {
    const { app, mock } = stack
    const { who, order, notify } = await paidOrder()
    await mock.control('POST', '/fail', { path: '/cgi-bin/message/template/send', errcode: 45009, times: 1 })

    expect((await notify()).statusCode).toBe(204)
    await app.pay!.messagesIdle()
    const failed = await messageRow(order.id)
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('45009') })
    expect(Date.parse(failed.next_attempt_at)).toBeGreaterThan(Date.now())
    expect(await templatesTo(mock, who.openid)).toHaveLength(0)

    // not due yet: nothing is sent
    await app.paySweep.run()
    expect(await templatesTo(mock, who.openid)).toHaveLength(0)
    await app.paySweep.run(Date.parse(failed.next_attempt_at) + 1)
    expect(await templatesTo(mock, who.openid)).toHaveLength(1)
    expect(await messageRow(order.id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null })
  })

  it('should send every due message in one pass when more are due than one batch holds', async () => {
    const { app } = stack
    const orders = []
    for (let n = 0; n < 45; n++)
      orders.push((await paidOrder()).order)
    // paid while the sender was not looking: the outbox holds every message, due now
    const at = new Date().toISOString()
    await app.db.insertInto('order_messages')
      .values(orders.map(order => ({ order_id: order.id, status: 'pending' as const, next_attempt_at: at, created_at: at })))
      .execute()
    await app.db.updateTable('orders').set({ status: 'paid', paid_at: at }).where('id', 'in', orders.map(order => order.id)).execute()

    await app.paySweep.run()
    const rows = await app.db.selectFrom('order_messages').select('status').where('order_id', 'in', orders.map(order => order.id)).execute()
    expect(rows.filter(row => row.status === 'sent')).toHaveLength(45)
  })
})
