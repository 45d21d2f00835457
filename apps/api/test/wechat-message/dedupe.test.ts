import { buildPushXml, parseXmlDocument, type Reply } from '@wxshop/shared/wechat-message'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { createWechatMessageRepository } from '../../src/repositories/wechat-message-repository'
import { createMessageDispatcher, type MessageHandler } from '../../src/wechat/message/dispatcher'
import { build, removeDir, tempDir, useAppWithMockWechat } from '../helper'
import { accountOf, OPENID, openAnswer, pushMessage, replyFields, textMessage } from './push'

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

/** A handler that counts its runs and answers only when the test lets it (`release`). */
function gatedHandler() {
  const gate = { runs: 0, release: () => {}, started: deferred() }
  let opened = deferred()
  gate.release = () => opened.resolve()
  const handler: MessageHandler = async (message) => {
    gate.runs += 1
    gate.started.resolve()
    await opened.promise
    return { type: 'text', content: `已收到：${message.kind === 'text' ? message.content : message.kind}` } satisfies Reply
  }
  const reset = () => {
    gate.runs = 0
    gate.started = deferred()
    opened = deferred()
  }
  return { gate, handler, reset }
}

describe('POST /api/wechat/message: one handler run per push', () => {
  const { gate, handler, reset } = gatedHandler()
  let app: App
  beforeAll(async () => {
    app = await build({ wechatMessage: { wrapHandler: () => handler } })
  })
  afterAll(() => app.close())
  afterEach(reset)

  it.each(['plaintext', 'safe'] as const)('should run the handler once and give all 8 concurrent copies the same answer (%s mode)', async (mode) => {
    const message = textMessage('你好')
    const copies = Array.from({ length: 8 }, () => pushMessage(app, message, { mode }))
    await gate.started.promise
    gate.release()
    const answers = await Promise.all(copies)
    expect(gate.runs).toBe(1)
    const opened = answers.map(response => openAnswer(accountOf(app), response.body, mode))
    expect(new Set(opened).size).toBe(1)
    expect(replyFields(accountOf(app), answers[0]!.body, mode).Content).toBe('已收到：你好')
  })

  it('should give a copy that arrives after the first was answered the stored reply without running the handler', async () => {
    const message = textMessage('再来一次')
    gate.release()
    const first = await pushMessage(app, message)
    const retry = await pushMessage(app, message)
    expect(gate.runs).toBe(1)
    expect(retry.body).toBe(first.body)
  })
})

describe('POST /api/wechat/message: dedupe in the database', () => {
  let dir: string
  beforeAll(() => {
    dir = tempDir()
  })
  afterAll(() => removeDir(dir))

  it('should still answer a retry from the stored reply after a restart on the same database', async () => {
    const message = textMessage('重启之前')
    const before = gatedHandler()
    before.gate.release()
    const first = await build({ dir, wechatMessage: { wrapHandler: () => before.handler } })
    const answer = await pushMessage(first, message)
    await first.close()

    const after = gatedHandler()
    after.gate.release()
    const second = await build({ dir, wechatMessage: { wrapHandler: () => after.handler } })
    try {
      const retry = await pushMessage(second, message)
      expect(after.gate.runs).toBe(0)
      expect(retry.body).toBe(answer.body)
    } finally {
      await second.close()
    }
  })

  it('should run the handler once when copies reach two processes on one database at once', async () => {
    const message = textMessage('两个进程')
    const a = gatedHandler()
    const b = gatedHandler()
    const appA = await build({ dir, wechatMessage: { wrapHandler: () => a.handler } })
    const appB = await build({ dir, wechatMessage: { wrapHandler: () => b.handler } })
    try {
      const copies = [pushMessage(appA, message), pushMessage(appB, message), pushMessage(appA, message), pushMessage(appB, message)]
      await Promise.race([a.gate.started.promise, b.gate.started.promise])
      a.gate.release()
      b.gate.release()
      const answers = await Promise.all(copies)
      expect(a.gate.runs + b.gate.runs).toBe(1)
      expect(new Set(answers.map(response => response.body)).size).toBe(1)
      expect(replyFields(accountOf(appA), answers[0]!.body).Content).toBe('已收到：两个进程')
    } finally {
      await appA.close()
      await appB.close()
    }
  })
})

describe('POST /api/wechat/message: the reply deadline', () => {
  const { gate, handler } = gatedHandler()
  const stack = useAppWithMockWechat({ wechatMessage: { deadlineMs: 100, wrapHandler: () => handler } })

  it('should answer success at the deadline and send the late reply as a customer-service message', async () => {
    // WeChat delivers customer-service messages only to followers who wrote within 48 hours
    await stack.mock.control('PUT', `/users/${OPENID}`, { subscribe: 1 })
    await stack.mock.control('POST', '/interaction', { openid: OPENID, kind: 'message' })
    const sentMessages = async () => (await stack.mock.control<{ messages: Array<{ touser: string, msgtype: string, body: unknown }> }>('GET', '/messages')).messages

    const message = textMessage('慢一点')
    // the handler is held until after the answer: the endpoint must not wait for it
    const response = await pushMessage(stack.app, message)
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe('success')
    expect(await sentMessages()).toHaveLength(0)

    gate.release()
    await expect.poll(sentMessages).toHaveLength(1)
    expect((await sentMessages())[0]).toMatchObject({ touser: OPENID, msgtype: 'text', body: expect.objectContaining({ text: { content: '已收到：慢一点' } }) })
    expect(gate.runs).toBe(1)
  })
})

describe('the dispatcher inside one process', () => {
  let app: App
  beforeAll(async () => {
    app = await build()
  })
  afterAll(() => app.close())

  // Not visible to WeChat (the unique key alone gives one run and one answer): copies in one process
  // share the first copy's work instead of each writing to the table and polling it.
  it('should store a push once and never poll for it when 8 copies arrive in one process', async () => {
    const repository = createWechatMessageRepository(app.db)
    const calls = { claim: 0, find: 0 }
    const messages = {
      ...repository,
      claim: (...args: Parameters<typeof repository.claim>) => (calls.claim += 1, repository.claim(...args)),
      find: (...args: Parameters<typeof repository.find>) => (calls.find += 1, repository.find(...args)),
    }
    const { gate, handler } = gatedHandler()
    const dispatcher = createMessageDispatcher({ messages, handler, deadlineMs: 4000, sendCustom: async () => {} })
    const message = textMessage('同一进程')
    const fields = parseXmlDocument(buildPushXml(message))
    const copies = Array.from({ length: 8 }, () => dispatcher.answer(message, fields, app.log))
    gate.release()
    const answers = await Promise.all(copies)
    expect(gate.runs).toBe(1)
    expect(calls).toEqual({ claim: 1, find: 0 })
    expect(new Set(answers.map(answer => answer.xml)).size).toBe(1)
  })
})
