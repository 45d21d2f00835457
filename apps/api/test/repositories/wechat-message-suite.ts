import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/schema'
import { createWechatMessageRepository, type WechatMessageRepository } from '../../src/repositories/wechat-message-repository'

const RECEIVED = new Date('2025-03-01T08:00:00.000Z')

/**
 * The message push table's tests, run once per dialect: `open` hands back a migrated database,
 * `openOther` a second connection to it (another process's view).
 */
export function describeWechatMessageRepository(name: string, open: () => Promise<Kysely<Database>>, openOther: () => Promise<Kysely<Database>>): void {
  describe(name, () => {
    let db: Kysely<Database>
    let other: Kysely<Database>
    let messages: WechatMessageRepository
    let serial = 0
    const push = () => ({
      dedupeKey: `msg:${Date.now()}${++serial}`,
      kind: 'text',
      fromOpenid: 'oUser1',
      scene: null,
      fields: { Content: '你好', MsgId: String(serial) },
      receivedAt: RECEIVED,
    })

    beforeAll(async () => {
      db = await open()
      other = await openOther()
      messages = createWechatMessageRepository(db)
    })
    afterAll(async () => {
      await other.destroy()
      await db.destroy()
    })

    it('should let only the first of two claims of one push own it, across connections', async () => {
      const message = push()
      const claims = await Promise.all([messages.claim(message), createWechatMessageRepository(other).claim(message)])
      expect(claims.filter(Boolean)).toHaveLength(1)
      expect(await messages.claim(message)).toBe(false)
    })

    it('should keep the fields and the reply given as they were', async () => {
      const message = push()
      await messages.claim({ ...message, kind: 'subscribe', scene: 'poster-7' })
      expect(await messages.find(message.dedupeKey)).toMatchObject({ status: 'received', scene: 'poster-7', fields: message.fields, reply: null, replyXml: null })
      await messages.finish(message.dedupeKey, { status: 'replied', reply: { type: 'text', content: '欢迎' }, replyXml: '<xml/>', finishedAt: RECEIVED })
      expect(await createWechatMessageRepository(other).find(message.dedupeKey)).toMatchObject({ status: 'replied', reply: { type: 'text', content: '欢迎' }, replyXml: '<xml/>' })
    })
  })
}
